"""HTML variants: the 2023 平潭综合实验区 page printed as other portals print a report.

Made from the published page in the HTML plugin's test data (a copy of the
reference data's ``data/html/2023_central-zhsyq_87885/page.html``), its
presentational attributes and ``<p>``/``<span>`` wrappers stripped so its
three tables can be cut and re-printed; the figures it prints are those of
the reviewed import beside it (``imported/report.json``).  The 2022 page
of the same portal serves as "last year's report".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

import govdisclosure as gd
from govdisclosure import cells_by_path

from .grid import Matrix, columns, emit, matrix
from .variant import PLUGINS, Case, Figures, Variant, collect

_DATA = PLUGINS / "govdisclosure-html/tests/data"
_PAGE_2023 = _DATA / "2023_central-zhsyq_87885"
_PAGE_2022 = _DATA / "2022_jjp-jinjing-pianqu_80617"


def unstyled(page: str) -> str:
    """``page`` without its styling attributes."""
    return re.sub(r'\s(?:style|valign|class|width|height|align)="[^"]*"', "", page)


def plain(page: str) -> str:
    """``page`` unstyled, without the ``<p>``/``<span>`` around its cells' texts."""
    return re.sub(r"<p>|</p>|<span>|</span>", "", unstyled(page))


@cache
def _page() -> tuple[str, str, str, str]:
    page = plain(_PAGE_2023.joinpath("page.html").read_text("utf-8"))
    table2, table3, table4 = re.findall(r"<table.*?</table>", page, re.S)
    return page, table2, table3, table4


def _article(page: str) -> str:
    """What is inside ``<body>``."""
    body = page[page.index("<body") : page.rindex("</body>")]
    return body[body.index(">") + 1 :]


def _in_cell(figure: str, printed: str) -> str:
    """The page with table 3's first cell printing ``figure`` printed as ``printed``."""
    page = _page()[0]
    return page.replace(f"<td>{figure}</td>", f"<td>{printed}</td>", 1)


def split_table_3() -> Iterator[Case]:
    """Table 3 printed as two or three tables by applicant (自然人 | 法人或其他组织 | 总计),
    adjacent or with a 续表 caption between: portals cut the ten-column table to fit a page."""
    page, _, t3, _ = _page()
    m = matrix(t3)
    natural, legal = columns(m, [0, 1, 2, 3]), columns(m, [0, 1, 2, 4, 5, 6, 7, 8, 9])
    yield Case("re-emitted T3 (control)", page.replace(t3, emit(m)))
    yield Case(
        "T3 split 自然人 | 法人+总计, adjacent", page.replace(t3, emit(natural) + emit(legal))
    )
    yield Case(
        "T3 split, caption between",
        page.replace(t3, emit(natural) + "<p>（续表）法人或其他组织</p>" + emit(legal)),
    )
    three = [
        columns(m, [0, 1, 2, 3]),
        columns(m, [0, 1, 2, 4, 5, 6, 7, 8]),
        columns(m, [0, 1, 2, 9]),
    ]
    yield Case("T3 split in three (自然人|法人|总计)", page.replace(t3, "".join(map(emit, three))))


def reorder_table_3() -> Iterator[Case]:
    """Table 3's columns in another order than the format's, or a 备注 column added
    (a unit's own template)."""
    page, _, t3, _ = _page()
    m = matrix(t3)
    for name, keep in (
        ("T3 columns reordered (科研机构 before 商业企业)", [0, 1, 2, 3, 5, 4, 6, 7, 8, 9]),
        ("T3 总计 column first", [0, 1, 2, 9, 3, 4, 5, 6, 7, 8]),
        ("T3 自然人 after 法人 group", [0, 1, 2, 4, 5, 6, 7, 8, 3, 9]),
    ):
        yield Case(name, page.replace(t3, emit(columns(m, keep))))
    for name, note in (
        ("T3 备注 column of text", "含转办3件"),
        ("T3 备注 column, a bare number", "3"),
    ):
        noted: Matrix = [
            [*row, "备注" if i < 3 else note if i == 3 else ""] for i, row in enumerate(m)
        ]
        yield Case(name, page.replace(t3, emit(noted)))


def footnote_marks() -> Iterator[Case]:
    """A figure followed by a footnote mark (raised, bracketed, ※, a link to the note),
    as portals print a figure they explain below the table."""
    for mark in (
        "<sup>1</sup>",
        "<sup>注</sup>",
        "[1]",
        "※",
        "<a href='#n1'>[1]</a>",
        "<sup><a href='#n1'>1</a></sup>",
        "（注1）",
    ):
        yield Case(f"fig 81{mark}", _in_cell("81", "81" + mark), marked=1)
    yield Case(
        "fig 2629<sup>1</sup> (table 2)",
        _page()[0].replace(">2629<", ">2629<sup>1</sup><", 1),
        marked=1,
    )


def digit_groups() -> Iterator[Case]:
    """Thousands set off by a space, a thin, ideographic or no-break space or a full-width
    comma, as typesetting and Chinese input methods print them."""
    for separator, name in (
        (" ", "space"),
        ("\u2009", "thin space"),
        ("\u3000", "ideographic space"),
        ("\u00a0", "nbsp"),
        ("，", "fullwidth comma"),
    ):
        yield Case(
            f"2629 as 2{separator}629 ({name})",
            _page()[0].replace(">2629<", f">2{separator}629<", 1),
        )


def _div_grid(m: Matrix) -> str:
    return (
        "<div class='tbl' style='display:table'>"
        + "".join(
            "<div class='tr' style='display:table-row'>"
            + "".join(f"<div class='td' style='display:table-cell'>{t}</div>" for t in row)
            + "</div>"
            for row in m
        )
        + "</div>"
    )


def not_tables() -> Iterator[Case]:
    """Tables laid out without ``<table>``: CSS ``display:table`` grids of ``<div>``s, or each
    row a list item, as newer content systems and mobile templates print them."""
    page, t2, t3, t4 = _page()
    grids = page.replace(t2, _div_grid(matrix(t2))).replace(t3, _div_grid(matrix(t3)))
    yield Case("all tables as div grids", grids.replace(t4, _div_grid(matrix(t4))), tables=False)
    yield Case("T3 as div grid", page.replace(t3, _div_grid(matrix(t3))), tables=False)
    listed = "<ul>" + "".join(f"<li>{'　'.join(row)}</li>" for row in matrix(t2)) + "</ul>"
    yield Case("T2 as ul list", page.replace(t2, listed), tables=False)


def tables_twice() -> Iterator[Case]:
    """The 附表 printed again after the signature, or last year's report below this year's,
    as portals append an attachment's or an older report's text."""
    page, t2, t3, t4 = _page()
    yield Case(
        "附表: all three tables again after signature",
        page.replace("</body>", "<p>附表</p>" + t2 + t3 + t4 + "</body>"),
    )
    last = unstyled(_PAGE_2022.joinpath("page.html").read_text("utf-8"))
    yield Case(
        "this year then last year's report below",
        page.replace("</body>", "<hr/><p>附：2022年度报告</p>" + _article(last) + "</body>"),
    )
    end = "2023年，无收取信息处理费情况。&nbsp;"
    article = _article(last)
    start = article.index("一、总体情况") if "一、总体情况" in article else 0
    older = article[start : article.rindex("</table>") + len("</table>")]
    yield Case(
        "two reports in one article: 2022 after 2023",
        page.replace(end, end + "<p>附：2022年政府信息公开工作年度报告</p><p>" + older + "</p>"),
    )
    yield Case(
        "附表 after signature inside the article",
        page.replace(end, end + "<p>附表</p>" + t2 + t3 + t4),
    )


def charsets() -> Iterator[Case]:
    """Bytes in one charset under a declaration of another, or no declaration at all, as
    pages moved between content systems are served."""
    page = _page()[0]
    gbk = page.encode("gb18030", "replace")
    undeclared = re.sub(r"<meta[^>]*charset[^>]*>", "", page)
    yield Case(
        "GBK bytes, meta says utf-8",
        re.sub(rb"<meta[^>]*charset[^>]*>", b"", gbk).replace(
            b"<head>", b'<head><meta charset="utf-8">', 1
        ),
    )
    gb2312 = '<head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
    yield Case("UTF-8 bytes, meta says gb2312", undeclared.replace("<head>", gb2312, 1).encode())
    yield Case("GB18030 bytes, no meta, BOM-less", re.sub(rb"<meta[^>]*charset[^>]*>", b"", gbk))
    yield Case("UTF-16 with BOM, no meta", b"\xff\xfe" + undeclared.encode("utf-16-le"))


def nested_table() -> Iterator[Case]:
    """A figure pasted into its cell as a one-cell table (copied from a spreadsheet)."""
    yield Case(
        "81 pasted as a one-cell table in its cell",
        _in_cell("81", "<table><tr><td>81</td></tr></table>"),
    )


def tables_elsewhere() -> Iterator[Case]:
    """The narrative and the tables on separate pages: a link to the 附表 page, an index
    page linking both, or the 附表 page alone (with or without captions naming its year)."""
    page, t2, t3, t4 = _page()
    narrative = re.sub(r"<table.*?</table>", "", page, flags=re.S)
    link = "<p>附件：<a href='/zwgk/ndbg/2023fb.html'>2023年政府信息公开工作年度报告附表</a></p></body>"
    yield Case(
        "narrative page, tables on a linked page (附表.html)",
        narrative.replace("</body>", link),
        tables=False,
    )
    title = "平潭综合实验区2023年政府信息公开工作年度报告"
    index = (
        f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><h1>{title}</h1>"
        "<ul><li><a href='zw.html'>年度报告正文</a></li><li><a href='fb.html'>年度报告附表</a></li></ul>"
        "</body></html>"
    )
    yield Case("index page linking 正文 and 附表 pages", index, tables=False)
    captioned = (
        f"<html><head><meta charset='utf-8'><title>{title}附表</title></head><body>"
        f"<p>二、主动公开政府信息情况</p>{t2}<p>三、收到和处理政府信息公开申请情况</p>{t3}"
        f"<p>四、政府信息公开行政复议、行政诉讼情况</p>{t4}</body></html>"
    )
    yield Case("the 附表 page alone (tables, captions, no text)", captioned)
    bare = f"<html><head><meta charset='utf-8'><title>附表</title></head><body>{t2}{t3}{t4}</body></html>"
    yield Case("the 附表 page alone, bare tables, no year", bare, tables=False)


def wrong_sums() -> Iterator[Case]:
    """The publisher's own sums wrong (a row total, a cell of a column, table 4's 总计): the
    figures must be kept as printed and the publisher named (``publisher-error``)."""
    page, _, t3, t4 = _page()
    expected = dict(_expected())
    for name, (row, col), path, printed in (
        ("一 row total printed 82 for 81", (3, 9), ("table3", "new_applications", "total"), 82),
        (
            "一 cell (四)1 printed 30 for 31 (column sum off)",
            (15, 3),
            ("table3", "results", "unable_to_provide", "not_held", "natural_person"),
            30,
        ),
    ):
        m = matrix(t3)
        m[row][col] = str(printed)
        yield Case(name, page.replace(t3, emit(m)), expected={**expected, path: printed})
    yield Case(
        "table 4 复议总计 printed 3 for 2",
        page.replace(t4, t4.replace("<td>2</td><td>4</td>", "<td>3</td><td>4</td>", 1)),
        expected={**expected, ("table4", "reconsideration", "total"): 3},
    )


def corrections() -> Iterator[Case]:
    """A corrected figure with the old one left in the cell: deleted (``<del>``, which the
    page itself marks as gone) or struck through (``<s>``, ``<strike>``: which stands is
    the reader's call)."""
    for printed in (
        "<del>80</del>81",
        "<del>80</del><ins>81</ins>",
        "<s>80</s> 81",
        "<strike>80</strike>81",
    ):
        yield Case(
            f"HTML {printed}", _in_cell("81", printed), marked=0 if "<del>" in printed else 1
        )


@cache
def _expected() -> Figures:
    return cells_by_path(gd.load(_PAGE_2023 / "imported" / "report.json"))


def variants() -> list[Variant]:
    """Every HTML variant of the 2023 page."""
    builders = (
        split_table_3,
        reorder_table_3,
        footnote_marks,
        digit_groups,
        not_tables,
        tables_twice,
        charsets,
        nested_table,
        tables_elsewhere,
        wrong_sums,
        corrections,
    )
    return collect("HTML", builders, _expected(), gd.Report2021)
