"""The real 2023 page printed otherwise, round two: what the first probe
(``test_other_portals.py``) did not try.

Each variant is made by code from the page as published, the way other
portals were seen to print the same cells: a trailing colon after a label
("行政许可：", the label written as the lead-in of its figures), a
publisher's note after a label ("（注：含上级转办）"), case counts with
their measure word ("1起", "2宗").  Each asserts the figures as printed and
that nothing is left unplaced or reported as the publisher's.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import govdisclosure as gd
from govdisclosure import cells_by_path
from govdisclosure_html import import_html
from govdisclosure_html.importer import ImportResult
from govdisclosure_html.text import label_key, read_number
from test_other_portals import PAGE, ROWS3, T2, T3, T4, _codes, _same

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


def test_a_label_with_a_trailing_colon_is_the_label() -> None:
    # Before: each matched only as "similar" and reported as a
    # publisher-label (three warnings for a colon).
    text = (
        PAGE.replace(">行政许可<", ">行政许可：<")
        .replace(">自然人<", ">自然人：<")
        .replace("（一）予以公开<", "（一）予以公开：<")
    )
    result = _same(text)
    assert "publisher-label" not in _codes(result)


@pytest.mark.parametrize(
    ("label", "printed"),
    [
        ("一、本年新收政府信息公开申请数量", "一、本年新收政府信息公开申请数量（注：含上级转办）"),
        (">行政许可<", ">行政许可<br>（注：含备案事项）<"),
        (">行政处罚<", ">行政处罚（备注：含简易程序）<"),
    ],
)
def test_a_label_with_the_publishers_note_after_it(label: str, printed: str) -> None:
    # Before: the row matched nothing; its figures (7 in table 3, 1 in
    # table 2) were cell-not-placed and their cells left blank.
    assert label in PAGE
    _same(PAGE.replace(label, printed))


def test_the_notes_official_brackets_are_kept() -> None:
    # Only a bracket that says it is a note goes: the official labels' own
    # brackets tell rows apart.
    assert label_key("（二）部分公开（区分处理的，只计这一情形，不计其他情形）").words.endswith(
        "不计其他情形)"
    )
    assert label_key("本年收费金额（单位：万元）") != label_key("本年收费金额")
    assert label_key("行政许可（注：含备案）") == label_key("行政许可：") == label_key("行政许可")


@pytest.mark.parametrize("word", ["起", "宗"])
def test_case_counts_printed_with_their_measure_word(word: str) -> None:
    # Before: every figure of table 4 was unreadable as a number, the row
    # became a header, and the table was "table-missing".
    table = re.sub(r"<td>(\d+)</td>", rf"<td>\g<1>{word}</td>", T4)
    _same(PAGE.replace(T4, table))


def test_a_change_printed_with_the_minus_sign() -> None:
    # The 2019 本年增/减 printed "−3" (U+2212, Word's symbol): before, unreadable.
    assert read_number("\u22123").value == -3
    report = gd.load(EXAMPLES / "shanghai-szfbgt-2019.json")
    page = gd.render(report, "html").decode()
    row = re.search(r"<tr>\s*<th[^>]*>行政许可</th>.*?</tr>", page, re.S)
    assert row is not None
    changed = re.sub(r"(<td[^>]*>)0(</td>)", r"\g<1>5\2", row.group(0), count=1)
    changed = re.sub(r"(<td[^>]*>)0(</td>)", "\\1\u22123\\2", changed, count=1)
    result = import_html(page.replace(row.group(0), changed).encode(), "v.html")
    assert isinstance(result.report, gd.Report2019)
    assert result.report.table2.licensing.previous_items == 5
    assert result.report.table2.licensing.change == -3
    assert "cell-unreadable" not in _codes(result)
    want = cells_by_path(report)
    got = cells_by_path(result.report)
    assert {k: v for k, v in got.items() if k[:2] != ("table2", "licensing")} == {
        k: v for k, v in want.items() if k[:2] != ("table2", "licensing")
    }


def _portal(body_class: str, sidebar_class: str) -> str:
    """The 2023 report's body in a site's frame: a menu of links, the body in
    a ``<div class=body_class>``, a sidebar of paragraphs, a footer."""
    article = PAGE[PAGE.index("<body") : PAGE.rindex("</body>")]
    # The page's own names (its ``class=TRS_Editor``) go: the frame names the body.
    article = re.sub(
        r"\s(?:id|class)=(?:\"[^\"]*\"|[^\s>]+)", "", article[article.index(">") + 1 :]
    )
    menu = "".join(
        f"<li><a href='/c{n}'>栏目{n}政务公开政府信息公开指南</a></li>" for n in range(40)
    )
    side = "".join(
        f"<p>关于印发第{n}批重点项目建设工作方案的通知，各有关单位要认真贯彻落实。</p>"
        for n in range(30)
    )
    return (
        "<html><head><meta charset='utf-8'><title>年报</title></head><body>"
        f"<div class='header'><ul>{menu}</ul></div><div class='main'>"
        f"<div class='{body_class}'>{article}</div><div class='{sidebar_class}'>{side}</div>"
        "</div><div class='footer'><p>主办单位：平潭综合实验区管理委员会</p></div></body></html>"
    )


@pytest.mark.parametrize("body_class", ["con_txt", "wzxq", "TRS_UEDITOR trs_paper_default"])
def test_a_hinted_list_beside_the_article_is_not_the_body(body_class: str) -> None:
    # The body in a container of a name no hint knows, a related-articles box
    # named "article_content_list" beside it.  Before: the box was taken for
    # the body (a content hint), and the page had "no table".
    plain = _import_page(_portal(body_class, "right"))
    result = _same(_portal(body_class, "article_content_list"))
    assert result.provenance.body_found_by == plain.provenance.body_found_by == "density"


def _import_page(text: str) -> ImportResult:
    result = import_html(text.encode(), "portal.html")
    assert result.report is not None
    return result


def test_a_header_printed_again_mid_table_before_blank_rows() -> None:
    # The 玉溪 2017 statistics table (template national-2016, most rows
    # printed blank) as a portal prints it, its header row 统计指标 / 单位 /
    # 统计数 repeated half way down.  Before: the blank rows after the repeated
    # header were read as more header rows, and 12 rows that are printed were
    # reported row-not-printed.
    report = gd.load(EXAMPLES / "yuxi-2017.json")
    page = re.sub(r"<(/?)th\b", r"<\1td", gd.render(report, "html").decode())
    page = re.sub(r'\s(?:scope|class)="[^"]*"', "", re.sub(r"<caption>.*?</caption>", "", page))
    rows = re.findall(r"<tr>.*?</tr>", page, re.S)
    header = next(r for r in rows if "统计指标" in r)
    middle = rows[len(rows) // 2]
    assert "<td></td>" in middle  # a row printed blank follows the repeated header
    result = import_html(page.replace(middle, header + middle).encode(), "v.html")
    assert isinstance(result.report, gd.ReportLegacy)
    assert cells_by_path(result.report) == cells_by_path(report)
    assert not _codes(result) & {"row-not-printed", "cell-not-placed", "cells-doubtful"}


@pytest.mark.parametrize(
    "where",
    [
        "paragraph",  # "（金额单位：元）" printed just above table 2
        "caption-row",  # the same as the table's first row, across it
    ],
)
def test_the_fee_unit_given_once_above_the_table(where: str) -> None:
    # The fee's heading "本年收费金额" with no unit, the unit printed once above
    # the table, the amount in 元.  Before: 59490886.67 read as 万元, 10,000
    # times the amount, with no word said.
    if where == "paragraph":
        text = PAGE.replace(T2, "<p>（金额单位：元）</p>" + T2)
    else:
        text = PAGE.replace(
            T2, T2.replace("<tr>", '<tr><td colspan="4">单位：件、元</td></tr><tr>', 1)
        )
    text = text.replace("本年收费金额（单位：万元）", "本年收费金额").replace(
        ">5949.088667<", ">59490886.67<"
    )
    result = _same(text)
    (fee,) = [c for c in result.provenance.cells if c.path == "$.table2.fees"]
    assert fee.note == "heading in 元, converted to 万元"


def test_a_unit_line_in_wan_yuan_or_none_changes_nothing() -> None:
    for line in ("（金额单位：万元）", "（单位：件）", "以下为主动公开情况："):
        text = PAGE.replace(T2, f"<p>{line}</p>" + T2).replace(
            "本年收费金额（单位：万元）", "本年收费金额"
        )
        result = _same(text)
        (fee,) = [c for c in result.provenance.cells if c.path == "$.table2.fees"]
        assert fee.note is None


@pytest.mark.parametrize("mark", ["①", "¹", "⑴"])
def test_a_footnote_mark_after_a_figure_is_no_digit_of_it(mark: str) -> None:
    # "81①" (a footnote on 一、本年新收 总计).  Before: read through NFKC as
    # 811, an invented figure, and the three relations it broke blamed on
    # the publisher.  Now the cell is unreadable, reported, left blank.

    result = import_html(
        PAGE.replace(T3, T3.replace("<td>81</td>", f"<td>81{mark}</td>", 1)).encode(), "v.html"
    )
    assert isinstance(result.report, gd.Report2021)
    assert result.report.table3.new_applications.total is None
    (unreadable,) = [p for p in result.problems if p.code == "cell-unreadable"]
    assert unreadable.params["text"] == f"81{mark}"
    assert "publisher-error" not in _codes(result)
    assert read_number("①").value == 1  # a mark alone still numbers a row


@pytest.mark.parametrize(
    "labels",
    [
        ("行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）"),
        ("行政复议", "行政诉讼-未经复议直接起诉", "行政诉讼—复议后起诉"),
    ],
)
def test_table_4_printed_as_rows_each_named_with_its_group(labels: tuple[str, ...]) -> None:
    # Table 4 turned into three rows of five columns (结果维持 … 总计), each
    # row named by its group and its part in one cell.  Before: the two
    # litigation rows matched nothing and their 10 figures were not placed.
    figures_row = re.findall(r"<td>(\d+)</td>", re.findall(r"<tr>.*?</tr>", T4, re.S)[3])
    heads = "".join(
        f"<td>{h}</td>" for h in ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
    )
    table = f"<table border=1><tr><td></td>{heads}</tr>"
    for n, label in enumerate(labels):
        cells = "".join(f"<td>{v}</td>" for v in figures_row[5 * n : 5 * n + 5])
        table += f"<tr><td>{label}</td>{cells}</tr>"
    _same(PAGE.replace(T4, table + "</table>"))


def test_a_pre_2019_unit_printed_in_the_label_instead_of_its_column() -> None:
    # 玉溪 2017's 单位 column folded into the labels: "2.兼职人员数（人）".
    # Before: （人） was no count unit, the row fit no template row
    # (row-not-in-template) and 兼职人员数 was reported row-not-printed.
    report = gd.load(EXAMPLES / "yuxi-2017.json")
    page = re.sub(r"<(/?)th\b", r"<\1td", gd.render(report, "html").decode())
    page = re.sub(r'\s(?:scope|class|style)="[^"]*"', "", page)

    def fold(m: re.Match[str]) -> str:
        unit = m.group(3)
        label = m.group(2) if unit in ("", "单位", "——") else f"{m.group(2)}（{unit}）"
        return f"{m.group(1)}{label}</td>"

    folded = re.sub(r"(<tr>\s*<td>)([^<]*)</td>\s*<td>([^<]*)</td>", fold, page)
    assert "2.兼职人员数（人）" in folded
    result = import_html(folded.encode(), "v.html")
    assert isinstance(result.report, gd.ReportLegacy)
    assert cells_by_path(result.report) == cells_by_path(report)
    assert not _codes(result) & {"row-not-in-template", "row-not-printed", "cell-not-placed"}


@pytest.mark.parametrize(
    "hidden",
    [
        '<span style="display:none">7</span>',
        '<span style="DISPLAY: none;">7</span>',
        "<span hidden>7</span>",
        '<font style="display:none">7</font>',
    ],
)
def test_a_character_hidden_inside_a_figure_is_not_read(hidden: str) -> None:
    # Sites scatter hidden characters in a page against copying: on screen
    # "2629", in the markup 26<span style="display:none">7</span>29.  Before:
    # read as 26729, an invented figure.
    (cell,) = [
        c
        for c in _same(PAGE.replace(">2629<", f">26{hidden}29<")).provenance.cells
        if c.path == "$.table2.licensing"
    ]
    assert cell.text == "2629"


def test_a_hidden_row_is_not_read() -> None:
    # A hidden copy of 四、结转下年度继续办理 with 9s above the real row.
    # Before: its 9s were placed, the real row left out, and 8 relations
    # blamed on the publisher.
    row = next(r for r in ROWS3 if "四、结转" in r)
    copy = row.replace("<tr>", '<tr style="display:none">').replace("<td>0</td>", "<td>9</td>")
    _same(PAGE.replace(row, copy + row))


def test_a_hidden_container_outside_the_tables_is_kept() -> None:
    # A page is read as served: an article a script would show stays read.
    _same(PAGE.replace(T3, f'<div style="display:none">{T3}</div>'))
