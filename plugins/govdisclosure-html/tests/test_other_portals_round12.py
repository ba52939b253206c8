"""Reports of other portals, round twelve: provinces, levels and markup habits
not seen before (云南 (three), 宁夏, 福建, 江西, 上海, 广东; a national
administration, a province's department, development zones' and industrial parks' committees, a county
bureau, a city's housing fund centre (a 事业单位); report years 2021–2025).

Each portal below is a real report seen on the web (its address in ``url``),
rebuilt cell by cell with the official merges (:mod:`portal_layouts`) as the
earlier rounds are: the portal's own labels, marks, blank cells and figures as
printed.  Where the stored copy of a page stops before the end of its tables,
the rest is printed as the official rows with zeros (said per portal).  The
short paragraphs are our own words, but for a sentence a portal printed that
the test is about (said where it is).

What is new this round is how the tables are written (``Portal.markup``,
``Portal.encoding``): a table an office suite saved as a web page (``x:num``,
``mso-`` styles, ``<col>`` widths, ``&nbsp;`` in empty cells, the hidden row
of column widths), a table split into one ``<table>`` per block with its
header printed again, figures with their unit in the cell (``0件``), cells
pasted from a word processor (``<p class=MsoNormal>`` with ``<o:p>``), heads
in ``<thead>``/``<th>``, a note row inside the table, a page served in GBK.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import attrs
import pytest

from portal_layouts import (
    Cell,
    Portal,
    Row,
    host,
    imports_as_printed,
    paragraphs,
    render,
    table2_2021,
    table3,
    table4,
)
from test_other_portals_round5 import sections, t2_2021
from test_other_portals_round6 import TRADITIONAL, traditional_sections

# -- the portals' markup habits ---------------------------------------------


def _width(rows: Sequence[Row]) -> int:
    """The table's width in columns (its widest row; no row of these tables
    is narrowed by a span from above but table 3's, whose first row is whole)."""
    return max(sum(c.colspan for c in row) for row in rows)


def _spans(cell: Cell) -> str:
    return (f" colspan={cell.colspan}" if cell.colspan > 1 else "") + (
        f" rowspan={cell.rowspan}" if cell.rowspan > 1 else ""
    )


#: The style block a spreadsheet saved as a web page carries (its rules in
#: an HTML comment), pasted with the table: the cells' borders are in it.
EXCEL_STYLES = (
    '<style><!--table {mso-displayed-decimal-separator:"\\.";'
    ' mso-displayed-thousand-separator:"\\,";}'
    " .xl65 {mso-style-parent:style0; font-size:10.0pt; text-align:center;"
    " vertical-align:middle; border:.5pt solid windowtext; white-space:normal;}"
    ' .xl66 {mso-style-parent:style0; mso-number-format:"0"; text-align:center;'
    " border:.5pt solid windowtext;}"
    ' .xl67 {mso-style-parent:style0; mso-number-format:"\\#\\,\\#\\#0";'
    " text-align:center; border:.5pt solid windowtext;}--></style>"
)


def excel_web_page(rows: Sequence[Row]) -> str:
    """A table as an office suite's spreadsheet saves it "as a web page" and
    an editor pastes it into the portal with its style block: ``<col>``
    widths with ``mso-`` styles, every row's height, a class per cell (its
    borders in the style block), ``x:num`` on a figure, ``x:str`` on the
    table, ``&nbsp;`` in an empty cell, and the hidden row of column widths
    the suite adds for browsers that misalign columns.  The table's fixed
    width (``table-layout:fixed``) is not kept: the portal's editor drops
    it, and table 4's fifteen columns could not be printed on A5 in it."""
    width = _width(rows)
    out = [
        EXCEL_STYLES,
        "<table border=0 cellpadding=0 cellspacing=0 x:str style='border-collapse:collapse'>",
        "<col width=168 style='mso-width-source:userset;mso-width-alt:5376;width:126pt'>",
        f"<col width=56 span={width - 1} style='mso-width-source:userset;"
        "mso-width-alt:1792;width:42pt'>",
    ]
    for n, row in enumerate(rows):
        # The suite writes border-top:none under a cell that draws its bottom
        # border (every row but the first).
        top = " style='border-top:none'" if n else ""
        out.append("<tr height=38 style='mso-height-source:userset;height:28.5pt'>")
        for cell in row:
            if isinstance(cell.value, int) and cell.value >= 1000:
                # The number format #,##0: the figure shown with a separator,
                # the number itself in x:num.
                out.append(
                    f'<td class=xl67{_spans(cell)}{top} x:num="{cell.value}">{cell.value:,}</td>'
                )
            elif cell.path is not None and cell.value is not None:
                out.append(f"<td class=xl66{_spans(cell)}{top} x:num>{cell.text}</td>")
            elif not cell.text:
                out.append(f"<td class=xl66{_spans(cell)}{top}>&nbsp;</td>")
            else:
                out.append(f"<td class=xl65{_spans(cell)}{top}>{cell.text}</td>")
        out.append("</tr>")
    out.append("<![if supportMisalignedColumns]><tr height=0 style='display:none'>")
    out.append("<td width=168 style='width:126pt'></td>")
    out.extend("<td width=56 style='width:42pt'></td>" for _ in range(width - 1))
    out.append("</tr><![endif]></table>")
    return "\n".join(out)


def _table(rows: Sequence[Row]) -> str:
    return render(rows)


def split_by_block(rows: Sequence[Row]) -> str:
    """Table 2 as one ``<table>`` per block of the article (a new table at
    each 第二十条 caption); table 3 as two tables, the second from
    （四）无法提供 on with the header printed again and 三、本年度办理结果
    again over its rows (a table split where the office file broke its page);
    table 4 as printed."""
    paths = {c.path[0] for row in rows for c in row if c.path}
    if paths == {"table2"}:
        starts = [i for i, row in enumerate(rows) if row[0].text.startswith("第二十")]
        return "".join(
            render(rows[a:b]) for a, b in zip(starts, [*starts[1:], len(rows)], strict=True)
        )
    if paths == {"table3"}:
        cut = next(i for i, row in enumerate(rows) if row[0].text == "（四）无法提供")
        first = next(i for i, row in enumerate(rows) if row[0].text == "三、本年度办理结果")
        last = len(rows) - 1  # 四、结转下年度继续办理
        group = rows[first][0]
        head = [list(rows[i]) for i in range(3)]
        before = [list(r) for r in rows[:cut]]
        before[first] = [attrs.evolve(group, rowspan=cut - first), *before[first][1:]]
        after = [
            *head,
            [attrs.evolve(group, rowspan=last - cut), *rows[cut]],
            *(list(r) for r in rows[cut + 1 :]),
        ]
        return render(before) + render(after)
    return render(rows)


def with_unit(unit: str) -> Callable[[Sequence[Row]], str]:
    """Each count printed with ``unit`` after it (``0件``), as some portals
    type their cells; an amount of money (its unit in its head) and a mark are
    left as they are."""

    def markup(rows: Sequence[Row]) -> str:
        def cell(c: Cell) -> Cell:
            money = c.path is not None and c.path[:2] == ("table2", "fees")
            if c.path is not None and isinstance(c.value, int) and not money:
                return attrs.evolve(c, text=f"{c.text}{unit}")
            return c

        return render([[cell(c) for c in row] for row in rows])

    return markup


def word_cells(rows: Sequence[Row]) -> str:
    """A table pasted from a word processor: each cell's text in a
    ``<p class=MsoNormal>`` of its own with the processor's styles, an
    ``<o:p>`` at its end, ``&nbsp;`` in an empty cell."""
    out = [
        "<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 "
        "style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;"
        "mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>"
    ]
    for i, row in enumerate(rows):
        out.append(f"<tr style='mso-yfti-irow:{i}'>")
        for c in row:
            text = c.text or "&nbsp;"
            out.append(
                f"<td{_spans(c)} valign=top style='border:solid windowtext 1.0pt;"
                "mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'>"
                "<p class=MsoNormal align=center style='text-align:center'>"
                "<span style='font-size:10.5pt;font-family:仿宋_GB2312'>"
                f"{text}<span lang=EN-US><o:p></o:p></span></span></p></td>"
            )
        out.append("</tr>")
    out.append("</table>")
    return "".join(out)


def heads_in_thead(rows: Sequence[Row]) -> str:
    """The rows before the first figure in ``<thead>`` as ``<th>`` cells, the
    rest in ``<tbody>`` (tables 3 and 4; table 2 as one table)."""
    paths = {c.path[0] for row in rows for c in row if c.path}
    if paths == {"table2"}:
        return render(rows)
    first = next(i for i, row in enumerate(rows) if any(c.path for c in row))
    if paths == {"table3"}:
        first = 3  # the three rows of heads; the row labels begin the body

    def th(c: Cell) -> str:
        return c.html().replace("<td", "<th", 1).replace("</td>", "</th>")

    head = "".join("<tr>" + "".join(th(c) for c in row) + "</tr>" for row in rows[:first])
    body = "".join("<tr>" + "".join(c.html() for c in row) + "</tr>" for row in rows[first:])
    return f'<table border="1"><thead>{head}</thead><tbody>{body}</tbody></table>'


def with_note_row(note: str) -> Callable[[Sequence[Row]], str]:
    """Table 3 with a last row across the table holding ``note`` (the
    portal's words about its figures, inside the table)."""

    def markup(rows: Sequence[Row]) -> str:
        if {c.path[0] for row in rows for c in row if c.path} != {"table3"}:
            return render(rows)
        return render([*rows, [Cell(note, _width(rows))]])

    return markup


def swapped(rows: list[Row], a: str, b: str) -> list[Row]:
    """The rows labelled ``a`` and ``b`` in each other's place."""
    i = next(n for n, r in enumerate(rows) if r[0].text == a)
    j = next(n for n, r in enumerate(rows) if r[0].text == b)
    out = list(rows)
    out[i], out[j] = rows[j], rows[i]
    return out


#: The figures of the 2021 table 2 as zeros (a page whose stored copy shows
#: zeros as far as it goes).
ZEROS = t2_2021()

PORTALS: list[Portal] = [
    Portal(
        "http://www.kmwh.gov.cn/c/2023-01-11/6433727.shtml",
        "五华科技产业园管理委员会2022年度政府信息公开工作年度报告",
        "2021",
        # 云南, an industrial park's committee of 昆明's 五华区: table 2's
        # first block zeros as far as the stored copy goes (cut at the (五)
        # caption), and zeros to the end; its tables as a spreadsheet saved
        # as a web page.
        sections(table2_2021(ZEROS), table3(), table4()),
        markup=excel_web_page,
    ),
    Portal(
        "http://www.66889r.com/xxgk/zfxxgknb/gknb2022/202302/t20230222_667391.html",
        "国家新闻出版署2022年政府信息公开工作年度报告",
        "2021",
        # A national administration (a copy of its page): 规章 0 0 25,
        # 行政规范性文件 3 0 291, 行政许可 46209, 行政处罚 6 (its text says the
        # same, kept).  Cut at table 3's heads: its rows and table 4 are zeros
        # here, not its figures, so its sentence "全年受理政府信息公开申请62件"
        # is left out (with the zeros it would be a discrepancy the page does
        # not print).  Its tables as a spreadsheet saved as a web page (46209
        # shown 46,209).
        (
            paragraphs("全年公开行政规范性文件3件、行政许可处理决定46209件、行政处罚处理决定6件。"),
            *sections(
                table2_2021(
                    t2_2021(
                        规章=("0", "0", "25"),
                        行政规范性文件=("3", "0", "291"),
                        行政许可=("46209",),
                        行政处罚=("6",),
                    )
                ),
                table3(),
                table4(),
            ),
        ),
        markup=excel_web_page,
    ),
    Portal(
        "http://www.kmyl.gov.cn/c/2023-01-18/6775635.shtml",
        "宜良工业园区管委会2022年政府信息公开工作年度报告",
        "2021",
        # 云南, an industrial park's committee of 宜良县: "本年度，园区没有收到
        # 公开申请" (the page's sentence); cut at the first caption, zeros;
        # table 2 one table per block, table 3 split with its header again.
        (
            paragraphs("（二）依申请公开方面", "本年度，园区没有收到公开申请。"),
            *sections(table2_2021(ZEROS), table3(), table4()),
        ),
        markup=split_by_block,
    ),
    Portal(
        "https://sycyy.yinchuan.gov.cn/zwgk/zfxxgknb/202601/t20260123_5149115.html",
        "苏银产业园管理委员会2025年政府信息公开工作年度报告",
        "2021",
        # 宁夏, an industrial park's committee of 银川: its period with the
        # digits of its dates lost in one copy ("本报告统计数据从202511日至
        # 1231日", kept); "2025年未收到本级依申请公开事项" (kept); the page
        # served in GBK, declared GB2312.  Cut before the tables (zeros).
        (
            paragraphs(
                "本报告统计数据从202511日至1231日。",
                "（二）依申请公开。2025年未收到本级依申请公开事项。",
            ),
            *sections(table2_2021(ZEROS), table3(), table4()),
        ),
        encoding="gb18030",
        declared="gb2312",
    ),
    Portal(
        "https://www.chengxiang.gov.cn/zfxxgk/zfxxgkndbg/2021nzfxxgkndbg/qzbm/202201/"
        "t20220114_1698601.htm",
        "城厢区发展和改革局2021年度政府信息公开工作年度报告",
        "2021",
        # 福建, a district bureau of 莆田: "主动公开文件89条" (its text);
        # "2021年度来未受理关于政府信息公开的依申请公开" (kept, its typo
        # 来 too); tables past the stored text (zeros), each count with 件.
        (
            paragraphs("2021年度来未受理关于政府信息公开的依申请公开。"),
            *sections(table2_2021(ZEROS), table3(), table4()),
        ),
        markup=with_unit("件"),
    ),
    Portal(
        "http://www.xmzaj.com/fxxrmzf/zfxxgkndbgc778/202301/cb6692af00cf4c12bef5839752bf1837.shtml",
        "奉新縣高新技術產業園區管委會2022年政府信息公開工作年度報告",
        "2021",
        # 江西, an industrial park's committee of 奉新县, a copy in
        # traditional characters: "共收到依申請件0件" (kept); tables past
        # the stored text (zeros), pasted from a word processor.
        (
            paragraphs("2022年，我委開展了依申請公開受理工作，共收到依申請件0件。"),
            *traditional_sections(
                table2_2021(ZEROS, TRADITIONAL),
                table3(labels=TRADITIONAL),
                table4(labels=TRADITIONAL),
            ),
        ),
        markup=word_cells,
    ),
    Portal(
        "https://myrballcoach.com/gxt/zwgk/xxgkndbg2ynsgxw/content_32015",
        "云南省工业和信息化厅2023年度政府信息公开工作年度报告",
        "2021",
        # 云南, a province's department (a copy of its page): "包括厅行政规范性
        # 文件3件" (its text, kept); tables past the stored text (zeros), heads
        # in <thead>/<th>, table 2's (六) block with 行政强制 before 行政处罚.
        (
            paragraphs("全年厅官方网站发布信息781条，包括厅行政规范性文件3件。"),
            *sections(
                swapped(table2_2021(ZEROS), "行政处罚", "行政强制"),
                table3(),
                table4(),
            ),
        ),
        markup=heads_in_thead,
    ),
    Portal(
        "https://shgjj.com/html/newxxgk/xxgknb/226612.html",
        "上海市公积金管理中心2024年政府信息公开工作年度报告",
        "2021",
        # 上海, the city's housing fund centre (a 事业单位 that publishes
        # one): "公开…住房公积金相关政策共计12条" (its text); tables past the
        # stored text (zeros), table 3 with a note row inside it.
        (
            paragraphs("2024年，及时公开住房公积金相关政策共计12条。"),
            *sections(table2_2021(ZEROS), table3(), table4()),
        ),
        markup=with_note_row("注：本表数据统计期限为2024年1月1日至2024年12月31日，单位：件。"),
    ),
    Portal(
        "http://www.conghua.gov.cn/zwgk/zjgb/zfxxgkgzndbgbm/content/post_8765431.html",
        "广东从化经济开发区管理委员会2022年政府信息公开工作年度报告",
        "2021",
        # 广东, a development zone's committee of 广州's 从化区: "2022年，我委
        # 收到政府信息公开申请0宗" (kept, its 宗); its tables stripped from
        # the stored copy (zeros), the counts with 宗 as its sentence has them.
        (
            paragraphs("（二）依申请公开情况。2022年，我委收到政府信息公开申请0宗。"),
            *sections(table2_2021(ZEROS), table3(), table4()),
        ),
        markup=with_unit("宗"),
    ),
]


@pytest.mark.parametrize("portal", PORTALS, ids=host)
def test_the_portal_imports_as_printed(portal: Portal) -> None:
    imports_as_printed(portal)


def test_hosts_are_distinct() -> None:
    assert len({host(p) for p in PORTALS}) == len(PORTALS)


def _portal(name: str) -> Portal:
    return next(p for p in PORTALS if host(p) == name)


def test_the_markup_is_the_portals() -> None:
    # The rebuilt pages are written as said (a check of the test's own
    # markup, not of the importer).
    assert " x:num>0</td>" in _portal("kmwh.gov.cn").html()
    assert 'x:num="46209">46,209</td>' in _portal("66889r.com").html()
    assert _portal("kmyl.gov.cn").html().count("<table") == 4 + 2 + 1
    assert ">0件</td>" in _portal("chengxiang.gov.cn").html()
    assert "<o:p></o:p>" in _portal("xmzaj.com").html()
    assert re.search(r"<thead><tr><th", _portal("myrballcoach.com").html())
    page = _portal("sycyy.yinchuan.gov.cn").data()
    assert b'charset="gb2312"' in page and "苏银".encode("gb18030") in page
