"""The real 2023 page printed the ways other portals print the same report.

Each variant is made by code from ``tests/data/2023_central-zhsyq_87885``
(the page as published; its figures are read by eye in
``test_real_pages.py``): the page's markup rewritten as other content
systems write tables (row groups, ``<th>``, layout tables, labels in
``<p>``/``<span>``/``<br>``, a label set one character per line), other
ways of printing a figure or a zero, table 2 printed as one table per
block, another charset, a publisher's slip.  Each asserts the figures as
printed, that nothing is invented, and that every printed figure not placed
is reported with its reason.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

import govdisclosure as gd
from govdisclosure import cells_by_path
from govdisclosure_html import import_html
from govdisclosure_html.importer import ImportResult

DATA = Path(__file__).parent / "data"
_RAW = (DATA / "2023_central-zhsyq_87885" / "page.html").read_text("utf-8")
#: The page with its cells' styling (and the ``<p>``/``<span>`` around each
#: cell's text) taken off, so that the variants below can be written plainly.
PAGE = re.sub(r'\s(?:style|valign|class|width|height|align)="[^"]*"', "", _RAW)
PAGE = re.sub(r"<p>|</p>|<span>|</span>", "", PAGE)
TABLES = re.findall(r"<table.*?</table>", PAGE, re.S)
T2, T3, T4 = TABLES
ROWS3 = re.findall(r"<tr>.*?</tr>", T3, re.S)
ROWS2 = re.findall(r"<tr>.*?</tr>", T2, re.S)


def _import(text: str | bytes) -> ImportResult:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return import_html(data, "variant.html")


ORIGINAL = _import(_RAW)
EXPECTED = cells_by_path(ORIGINAL.report)  # type: ignore[arg-type]


def _codes(result: ImportResult) -> set[str]:
    return {p.code for p in result.problems}


def _same(text: str | bytes) -> ImportResult:
    result = _import(text)
    assert result.report is not None, [p.message("en") for p in result.problems]
    assert isinstance(result.report, gd.Report2021)
    assert cells_by_path(result.report) == EXPECTED
    assert not _codes(result) & {"cell-not-placed", "table-not-imported", "publisher-error"}
    assert not any(c.doubtful for c in result.provenance.cells)
    return result


def test_the_plain_page_imports_as_the_published_one() -> None:
    assert len(ORIGINAL.provenance.cells) == 200
    _same(PAGE)
    report = _import(PAGE).report
    assert isinstance(report, gd.Report2021)
    # Spot figures as printed on the page (table 2 and table 3).
    assert report.table2.licensing == 2629
    assert report.table2.fees == Decimal("5949.088667")
    assert report.table3.new_applications.total == 81
    assert report.table3.results.unable_to_provide.not_held.natural_person == 31


def _rows(*groups: tuple[str, list[str]]) -> str:
    return (
        '<table border="1">' + "".join(f"<{g}>{''.join(r)}</{g}>" for g, r in groups) + "</table>"
    )


@pytest.mark.parametrize(
    "table",
    [
        # thead / tbody / tfoot, tfoot written before tbody (HTML 4's order)
        _rows(("thead", ROWS3[:3]), ("tfoot", ROWS3[-1:]), ("tbody", ROWS3[3:-1])),
        _rows(("thead", ROWS3[:3]), ("tbody", ROWS3[3:-1]), ("tfoot", ROWS3[-1:])),
        _rows(("tbody", ROWS3[:3]), ("tbody", ROWS3[3:])),
    ],
    ids=["tfoot-before-tbody", "tfoot-after-tbody", "two-tbody"],
)
def test_row_groups(table: str) -> None:
    _same(PAGE.replace(T3, table))


def test_th_for_every_cell_and_row_headers() -> None:
    text = re.sub(r"<(/?)td\b", r"<\1th", PAGE)
    _same(text.replace('<th colspan="3">一、', '<th colspan="3" scope="row">一、'))


def test_labels_in_paragraphs_spans_and_line_breaks() -> None:
    text = PAGE.replace(
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        '<p>（二）部分公开</p><p><span style="font-size:9pt">（区分处理的，只计这一情形，'
        "<br>不计其他情形）</span></p>",
    ).replace(
        "一、本年新收政府信息公开申请数量", "一、本年新收　政府信息公开　申请数量"
    )  # ideographic spaces
    _same(text.replace(">行政许可<", ">行　政　许　可<"))


@pytest.mark.parametrize("joint", ["<br/>", "</p><p>", "\n"])
def test_the_vertical_label_of_table_3(joint: str) -> None:
    # 三、本年度办理结果 set one character per line down its 22 rows.
    _same(PAGE.replace(">三、本年度办理结果<", ">" + joint.join("三、本年度办理结果") + "<"))


def test_report_table_inside_layout_tables() -> None:
    text = PAGE.replace(
        T3,
        '<table width="100%"><tr><td width="20%"><a href="/">首页</a></td><td>'
        f"<table><tr><td><p>三、收到和处理政府信息公开申请情况</p></td></tr><tr><td>{T3}"
        "</td></tr></table></td></tr></table>",
    )
    _same(text)


@pytest.mark.parametrize("printed", ["5949.088667万元", "5,949.088667", "５９４９.０８８６６７"])
def test_the_fee_printed_with_its_unit_or_separators(printed: str) -> None:
    _same(PAGE.replace(">5949.088667<", f">{printed}<"))


@pytest.mark.parametrize("mark", ["—", "/", "-", "——", "", "&nbsp;"])
def test_a_zero_printed_as_a_mark_or_left_empty_is_not_made_a_zero(mark: str) -> None:
    table = re.sub(r"<td>0</td>", f"<td>{mark}</td>", T3)
    result = _import(PAGE.replace(T3, table))
    assert isinstance(result.report, gd.Report2021)
    got = cells_by_path(result.report)
    zeros = {k for k, v in EXPECTED.items() if k[0] == "table3" and v == 0}
    assert len(zeros) == 148
    for key, value in EXPECTED.items():
        if key in zeros:
            assert got[key] != 0  # a mark or a blank, never an invented 0
        else:
            assert got[key] == value
    assert not _codes(result) & {"cell-not-placed", "cell-unreadable", "publisher-error"}


def test_none_printed_as_a_word_is_reported_never_read_as_zero() -> None:
    # "无" in every zero cell of table 3.  Before, the word made each value
    # column a label column: 172 figures lost, 26 reported.
    table = re.sub(r"<td>0</td>", "<td>无</td>", T3)
    result = _import(PAGE.replace(T3, table))
    assert isinstance(result.report, gd.Report2021)
    got = cells_by_path(result.report)
    words = {k for k, v in EXPECTED.items() if k[0] == "table3" and v == 0}
    assert all(got[k] is None for k in words)
    assert all(got[k] == v for k, v in EXPECTED.items() if k not in words)
    unreadable = [p for p in result.problems if p.code == "cell-unreadable"]
    assert len(unreadable) == len(words) == 148
    assert {p.params["text"] for p in unreadable} == {"无"}
    assert "cell-not-placed" not in _codes(result)


def test_table_2_printed_as_one_table_per_block() -> None:
    # Before: only the block with most cells was read; 2629, 1330, 54 and the
    # fee were "none of the official tables" and left blank.
    blocks = [ROWS2[0:4], ROWS2[4:7], ROWS2[7:11], ROWS2[11:14]]
    _same(PAGE.replace(T2, "".join(f"<p></p><table border=1>{''.join(b)}</table>" for b in blocks)))
    # and with each block's caption (第二十条第（五）项) as a paragraph above it
    captions = "".join(
        f"<p>{re.sub('<[^>]+>', '', b[0])}</p><table border=1>{''.join(b[1:])}</table>"
        for b in blocks
    )
    _same(PAGE.replace(T2, captions))


def test_a_table_printed_twice_is_read_once() -> None:
    result = _import(PAGE.replace(T4, T4 + "<p>（同上）</p>" + T4))
    assert result.report is not None and cells_by_path(result.report) == EXPECTED
    assert "table-not-imported" in _codes(result)


def test_a_row_shifted_by_a_lost_colspan_is_reported_not_blamed_on_the_publisher() -> None:
    # （一）予以公开 printed without its colspan: every figure of the row moves
    # one column left, 22 lands under the label column.  Before, that 22 was
    # read as part of the row's label and dropped unseen, and the relations its
    # row broke were reported as the publisher's errors.
    text = PAGE.replace('<td colspan="2">（一）予以公开</td>', "<td>（一）予以公开</td>")
    result = _import(text)
    assert isinstance(result.report, gd.Report2021)
    unplaced = [p for p in result.problems if p.code == "cell-not-placed"]
    assert [p.params["text"] for p in unplaced] == ["22"]
    row = {c.col: c for c in result.provenance.cells if c.table == 1 and c.row == 5}
    assert len(row) == 6 and all(c.doubtful for c in row.values())
    assert "publisher-error" not in _codes(result)
    assert "doubtful-mapping" in _codes(result)
    # Every other figure is as printed.
    disclosed = ("table3", "results", "disclosed")
    assert {k: v for k, v in cells_by_path(result.report).items() if k[:3] != disclosed} == {
        k: v for k, v in EXPECTED.items() if k[:3] != disclosed
    }


def test_a_numbering_column_stays_a_label() -> None:
    # Table 2 with a 序号 column before its labels (1, 2 … beside 规章,
    # 行政规范性文件): a figure before the row's label is its number, not a value.
    number = iter(range(1, 20))

    def numbered(row: str) -> str:
        if 'colspan="4"' in row:
            return row.replace('colspan="4"', 'colspan="5"')
        if "信息内容" in row:
            return row.replace("<tr>", "<tr><td>序号</td>")
        return row.replace("<tr>", f"<tr><td>{next(number)}</td>")

    table = "<table border=1><tbody>" + "".join(numbered(r) for r in ROWS2) + "</tbody></table>"
    result = _import(PAGE.replace(T2, table))
    assert result.report is not None and cells_by_path(result.report) == EXPECTED
    assert not _codes(result) & {"cell-not-placed", "cells-doubtful"}


def test_a_gbk_page_that_declares_no_charset() -> None:
    text = re.sub(r"<meta[^>]*charset[^>]*>", "", PAGE, flags=re.I)
    assert "charset" not in text.lower()
    result = _same(text.encode("gb18030"))
    assert result.provenance.encoding.lower().replace("-", "") in ("gb18030", "gbk", "gb2312")


def test_a_publishers_arithmetic_error_is_the_publishers() -> None:
    text = PAGE.replace(
        '<td colspan="2">（七）总计</td><td>80</td>', '<td colspan="2">（七）总计</td><td>79</td>'
    )
    result = _import(text)
    assert isinstance(result.report, gd.Report2021)
    assert result.report.table3.results.total.natural_person == 79  # kept as printed
    errors = [p for p in result.problems if p.code == "publisher-error"]
    assert {p.params["rule"] for p in errors} == {
        "table3.balance",
        "table3.results-total",
        "table3.row-total",
    }
    assert not _codes(result) & {"doubtful-mapping", "cells-doubtful", "cell-not-placed"}


def test_the_text_contradicting_the_table_is_the_publishers() -> None:
    text = PAGE.replace("政府信息公开申请共计81件", "政府信息公开申请共计95件")
    result = _import(text)
    assert result.report is not None and cells_by_path(result.report) == EXPECTED
    errors = [p for p in result.problems if p.code == "publisher-error"]
    assert [p.params["rule"] for p in errors] == ["narrative.applications"]


@pytest.mark.parametrize(
    "href",
    [
        "../../uploads/2024/年报附表.xls",
        "/uploads/%E5%B9%B4%E6%8A%A5.pdf",
        "http://www.example.gov.cn/attach/0/a.docx",
        "/attach/report.PDF?v=2",
    ],
)
def test_a_report_in_an_attachment_is_named(href: str) -> None:
    text = PAGE
    for table in TABLES:
        text = text.replace(table, "")
    text = text.replace(
        "一、总体情况", f'<a href="{href}">附件：2023年度报告</a></p><p>一、总体情况', 1
    )
    result = _import(text)
    assert result.report is None
    (problem,) = [p for p in result.problems if p.code == "report-in-attachment"]
    assert href in problem.params["attachments"]


def test_the_attachments_are_listed_as_each_locale_lists_them() -> None:
    """Two attachments were joined by 、 with ASCII brackets in every locale
    (``a.doc (./a.doc)、b.xls (./b.xls)`` in an English message too)."""
    text = PAGE
    for table in TABLES:
        text = text.replace(table, "")
    links = '<a href="./a.doc">年度报告.doc</a> <a href="./b.xls">附表.xls</a></p><p>一、总体情况'
    result = _import(text.replace("一、总体情况", links, 1))
    (problem,) = [p for p in result.problems if p.code == "report-in-attachment"]
    assert problem.message("zh_Hans_CN").endswith(
        "年报在附件中：年度报告.doc（./a.doc）、附表.xls（./b.xls）"
    )
    assert problem.message("en").endswith(
        "in an attachment: 年度报告.doc (./a.doc), 附表.xls (./b.xls)"
    )


def _cut(k: int, lead: str) -> tuple[str, str]:
    """Table 3 cut before its row ``k`` into two tables, as a Word table cut in
    two prints: the merged cells running over the cut start again, empty
    (``lead``: the cells the second table's first row starts with)."""
    first = '<table border="1"><tbody>' + "".join(ROWS3[:k]) + "</tbody></table>"
    opening = ROWS3[k].replace("<tr>", "<tr>" + lead, 1)
    second = '<table border="1"><tbody>' + opening + "".join(ROWS3[k + 1 :]) + "</tbody></table>"
    return first, second


@pytest.mark.parametrize(
    ("k", "lead", "between"),
    [
        (15, '<td rowspan="12"></td>', "<p></p>"),  # before （四）无法提供
        (15, '<td rowspan="12"></td>', "<p>（续表）</p>"),
        (14, '<td rowspan="13"></td><td></td>', "<p>&nbsp;</p>"),  # inside （三）
        (14, '<td rowspan="13">三、本年度办理结果</td><td>（三）不予公开</td>', ""),
    ],
    ids=["before-(四)", "续表-between", "inside-(三)", "group-labels-repeated"],
)
def test_table_3_cut_in_two_tables(k: int, lead: str, between: str) -> None:
    # Before: the second table had no header, was "none of the official
    # tables", and its 91–98 cells were left blank.
    first, second = _cut(k, lead)
    result = _same(PAGE.replace(T3, first + between + second))
    # The second table's cells are read as rows of the first (numbered on).
    rows = {c.row for c in result.provenance.cells if c.table == 1}
    assert max(rows) == 27


def test_a_headless_table_after_text_is_not_taken_for_a_continuation() -> None:
    first, second = _cut(15, '<td rowspan="12"></td>')
    result = _import(PAGE.replace(T3, first + "<p>注：以上数据截至12月31日。</p>" + second))
    assert isinstance(result.report, gd.Report2021)
    got = cells_by_path(result.report)
    read = {k for k, v in got.items() if v is not None}
    assert all(got[k] == EXPECTED[k] for k in read)  # nothing invented
    missing = {p.path for p in result.problems if p.code == "cell-missing"}
    assert len(missing) == 200 - len(read) == 91  # every cell left blank is named
    assert "table-not-imported" in _codes(result)


def test_a_table_printed_as_a_picture_is_named_not_read() -> None:
    # Before: table-missing only, nothing said the table is on the page as an image.
    picture = '<p><img src="/uploads/2024/table3.png" alt="收到和处理政府信息公开申请情况"></p>'
    result = _import(PAGE.replace(T3, picture))
    assert isinstance(result.report, gd.Report2021)
    got = cells_by_path(result.report)
    assert all(v is None for k, v in got.items() if k[0] == "table3")  # nothing guessed
    assert all(got[k] == v for k, v in EXPECTED.items() if k[0] != "table3")
    (images,) = [p for p in result.problems if p.code == "tables-as-images"]
    assert images.params["images"] == "/uploads/2024/table3.png"
    assert "table-missing" in _codes(result)


def test_a_page_with_every_table_as_a_picture_gives_no_report_and_says_why() -> None:
    # Before: "The page has no statistics table (text only)".
    text = PAGE
    for n, table in enumerate(TABLES):
        text = text.replace(table, f'<p><img src="/u/t{n}.jpg" width="600"></p>')
    result = _import(text)
    assert result.report is None
    (problem,) = [p for p in result.problems if p.severity == "error"]
    assert problem.code == "tables-as-images"
    assert problem.params["images"] == "/u/t0.jpg、/u/t1.jpg、/u/t2.jpg"


def test_an_icon_is_not_taken_for_a_table() -> None:
    # The 2013 page's 20×20 icon: still a page of text only.
    text = PAGE
    for table in TABLES:
        text = text.replace(table, '<p><img src="/icon.png" width="20" height="20"></p>')
    result = _import(text)
    assert result.report is None
    assert [p.code for p in result.problems if p.severity == "error"] == ["no-table"]


def test_table_3_one_table_per_section_each_with_the_header() -> None:
    # Before: only the biggest table was read; 21 cells (一、二、四) left blank.
    head = "".join(ROWS3[:3])
    parts = [ROWS3[3:5], ROWS3[5:27], ROWS3[27:]]
    text = PAGE.replace(
        T3, "<p></p>".join(f"<table border=1>{head}{''.join(p)}</table>" for p in parts)
    )
    _same(text)


@pytest.mark.parametrize("between", ["<p></p>", "<p>行政诉讼情况如下：</p>"])
def test_table_4_as_a_reconsideration_table_and_a_litigation_table(between: str) -> None:
    # Before: the 行政复议 table's 5 cells were "none of the official tables".
    rows = [re.findall(r"<td[^>]*>.*?</td>", r, re.S) for r in re.findall(r"<tr>.*?</tr>", T4)]
    heads, subheads, figures_row = rows[1], rows[2], rows[3]
    review = (
        '<table border=1><tr><td colspan="5">行政复议</td></tr><tr>'
        + "".join(c.replace(' rowspan="2"', "") for c in heads[:5])
        + "</tr><tr>"
        + "".join(figures_row[:5])
        + "</tr></table>"
    )
    litigation = (
        '<table border=1><tr><td colspan="10">行政诉讼</td></tr><tr>'
        + "".join(heads[5:])
        + "</tr><tr>"
        + "".join(subheads)
        + "</tr><tr>"
        + "".join(figures_row[5:])
        + "</tr></table>"
    )
    _same(PAGE.replace(T4, review + between + litigation))


def test_a_numbering_column_in_a_pre_2019_table() -> None:
    # The 2009 page's 指标名称 / 计量单位 / 年末统计 table with a 序号 column.
    # Before: each number was read as the row's 年末统计 figure, the real
    # figure pushed to the next column (17 numbers invented); after the
    # numbering became a label, the table was no template's at all.
    raw = (DATA / "2009_gaj-gonganju_80645" / "page.html").read_text("utf-8")
    plain = re.sub(r'\s(?:style|valign|class|width|height|align)="[^"]*"', "", raw)
    plain = re.sub(r"<p>|</p>|<span[^>]*>|</span>|<o:p>|</o:p>", "", plain)
    (table,) = [t for t in re.findall(r"<table.*?</table>", plain, re.S) if "指标名称" in t]
    number = iter(range(1, 100))
    rows = re.findall(r"<tr>.*?</tr>", table, re.S)
    numbered = "".join(
        r.replace("<tr>", "<tr><td>序号</td>" if i == 0 else f"<tr><td>{next(number)}</td>", 1)
        for i, r in enumerate(rows)
    )
    original = import_html(raw.encode("utf-8"), "2009.html")
    result = _import(plain.replace(table, f"<table border=1>{numbered}</table>"))
    assert isinstance(result.report, gd.ReportLegacy)
    assert cells_by_path(result.report) == cells_by_path(original.report)  # type: ignore[arg-type]
    assert len(result.provenance.cells) == len(original.provenance.cells) == 17
    assert all(c.col == 3 for c in result.provenance.cells)  # the figures, not the numbers


def test_a_count_unit_printed_after_a_label() -> None:
    # "自然人（件）", "…申请数量（单位：件）", "行政许可（个）".  Before: the 自然人
    # column (25 figures) matched no official column and was left out.
    text = (
        PAGE.replace(">自然人<", ">自然人（件）<")
        .replace("一、本年新收政府信息公开申请数量", "一、本年新收政府信息公开申请数量（单位：件）")
        .replace(">行政许可<", ">行政许可（个）<")
    )
    _same(text)


def test_the_fee_heading_in_yuan_is_converted_never_read_as_wan_yuan() -> None:
    # "本年收费金额（单位：元）" over 59490886.67.  Before: read as 59,490,886.67
    # 万元, 10,000 times the amount, with no word said.
    text = PAGE.replace("本年收费金额（单位：万元）", "本年收费金额（单位：元）").replace(
        ">5949.088667<", ">59490886.67<"
    )
    result = _same(text)
    (fee,) = [c for c in result.provenance.cells if c.path == "$.table2.fees"]
    assert fee.text == "59490886.67" and fee.note == "heading in 元, converted to 万元"


def test_a_money_unit_in_the_heading_is_not_dropped_from_the_label() -> None:
    # Only a count's unit is dropped from a label: 元 and 万元 stay, so a
    # heading in 元 is never matched as if it said 万元 by its words alone.
    from govdisclosure_html.text import label_key

    assert label_key("自然人（件）") == label_key("自然人")
    assert label_key("本年收费金额（单位：元）") != label_key("本年收费金额（单位：万元）")


# -- the 2019 page: the procurement amount's unit in its heading --------------------------

_RAW_2019 = (DATA / "2019_jjp-jinjing-pianqu_80564" / "page.html").read_text("utf-8")
#: The real page prints "147230元" in the cell under "采购总金额".
_ORIGINAL_2019 = cells_by_path(_import(_RAW_2019).report)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("heading", "cell", "unit"),
    [
        ("采购总金额（单位：元）", "147230", "元"),
        ("采购总金额（元）", "147,230", "元"),
        ("采购总金额（单位：万元）", "14.723", "万元"),
    ],
)
def test_the_2019_procurement_heading_s_unit_is_kept_as_printed(
    heading: str, cell: str, unit: str
) -> None:
    # The 2019 format prints no unit for 采购总金额: the model keeps the one
    # printed (amount_unit), never converts.  Before: the heading matched no
    # official column, the amount was left out and the unit lost.
    text = _RAW_2019.replace("<p>采购总金额</p>", f"<p>{heading}</p>").replace(
        "<p>147230元</p>", f"<p>{cell}</p>"
    )
    result = _import(text)
    report = result.report
    assert isinstance(report, gd.Report2019)
    procurement = report.table2.procurement
    assert procurement.amount == Decimal(cell.replace(",", ""))
    assert procurement.amount_unit == unit
    got = cells_by_path(report)
    assert all(got[k] == v for k, v in _ORIGINAL_2019.items() if k[-1] != "amount")
    (amount,) = [c for c in result.provenance.cells if c.path == "$.table2.procurement.amount"]
    assert amount.note == f"unit in heading: {unit}" and not amount.doubtful
    assert not _codes(result) & {"cell-not-placed", "cell-missing", "cells-doubtful"}


def test_the_2019_amount_s_own_unit_wins_over_the_heading_s() -> None:
    # "（单位：万元）" over "147230元": the cell says what it is.
    text = _RAW_2019.replace("<p>采购总金额</p>", "<p>采购总金额（单位：万元）</p>")
    result = _import(text)
    assert isinstance(result.report, gd.Report2019)
    procurement = result.report.table2.procurement
    assert (procurement.amount, procurement.amount_unit) == (Decimal(147230), "元")
