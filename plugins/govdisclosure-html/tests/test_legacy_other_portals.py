"""Pre-2019 statistics tables as other portals printed them (2008–2018).

Each fixture is our reconstruction of a real form's structure and labels,
kept as printed (its "其它", its "本年度…总数", its 代码 column); the forms
were published blank, so the figures are ours, one per cell and different
from every other, so that a figure in the wrong row or column shows.  The
reports that give their statistics in words only are our own short
paraphrase of the kind of text such a report prints.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

import govdisclosure as gd
from govdisclosure_html import import_html
from govdisclosure_html.importer import ImportResult

#: The 附表式 of 莆田市人民政府办公室关于做好2009年度政府信息公开工作年度报告
#: 有关事项的通知, seen on
#: http://www.kleyou.com/html/text/lar/171558/17155898_2.html : the Fujian
#: form with the channels named where (政府网站, 政府公报), not how
#: (网站公开, 政府公报公开), and 本年度对申请的答复总数 for 对申请的答复数.
PUTIAN_ROWS = (
    ("主动公开信息数", 30, 90),
    ("其中:1.政府网站", 20, 60),
    ("2.政府公报", 10, 30),
    ("受理依申请公开信息总数", 21, 63),
    ("其中:1.当面申请数", 1, 3),
    ("2.传真申请数", 2, 6),
    ("3.电子邮件申请数", 3, 9),
    ("4.网上申请数", 4, 12),
    ("5.信函申请数", 5, 15),
    ("6.其它形式申请数", 6, 18),
    ("本年度对申请的答复总数", 19, 57),
    ("其中:1.同意公开答复数", 11, 33),
    ("2.同意部分公开答复数", 7, 22),
    ("3.否决公开答复总数", 1, 2),
    ("行政复议数", 40, 41),
    ("行政诉讼数", 42, 43),
    ("行政申诉数", 44, 45),
)

#: 定西市政府信息公开情况统计报表 (Gansu, the 2008 form; formats.md §3.4),
#: seen on http://www.fsou.net/html/text/lar/170106/17010601_2.html : a
#: 代码 column (01 … 35) after the unit, and the row 甲 乙 丙 | 1 2 that
#: numbers the form's columns under the headings 本期实际 / 本年累计.
DINGXI_ROWS = (
    ("主动公开信息数", "条"),
    ("其中:全文电子化的主动公开信息数", "条"),
    ("新增的行政规范性文件数", "条"),
    ("提供服务类信息数", "条"),
    ("网站专栏页面访问量", "人次"),
    ("现场接待人数", "人次"),
    ("网上咨询数", "人次"),
    ("咨询电话接听数", "人次"),
    ("依申请公开信息目录数", "条"),
    ("申请总数", "条"),
    ("其中:1.当面申请数", "条"),
    ("2.传真申请数", "条"),
    ("3.电子邮件申请数", "条"),
    ("4.网上申请数", "条"),
    ("5.信函申请数", "条"),
    ("6.其他形式申请数", "条"),
    ("对申请的答复总数", "条"),
    ("其中:1.同意公开答复数", "条"),
    ("2.同意部分公开答复数", "条"),
    ("3.否决公开答复总数", "条"),
    ("其中:(1)“非《规定》所指政府信息”数", "条"),
    ("(2)“信息不存在”数", "条"),
    ("(3)“非本部门掌握”数", "条"),
    ("(4)“申请内容不明确”数", "条"),
    ("(5)“免予公开范围1”数", "条"),
    ("(6)“免予公开范围2”数", "条"),
    ("(7)“免予公开范围3”数", "条"),
    ("(8)“免予公开范围4”数", "条"),
    ("(9)“免予公开范围5”数", "条"),
    ("(10)“免予公开范围6”数", "条"),
    ("(11)其它原因", "条"),
    ("行政复议数", "件"),
    ("行政诉讼数", "件"),
    ("行政申诉数", "件"),
    ("其中:对本部门首次处理不满意的行政申诉数 *", "件"),
)


def _page(title: str, body: str) -> bytes:
    return (
        f"<html><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><article><h1>{title}</h1><p>一、概述</p>"
        f"<p>本机关依条例做好政府信息公开工作。</p>{body}</article></body></html>"
    ).encode()


def _putian(rows: Sequence[tuple[str, int | str, int | str]] = PUTIAN_ROWS) -> bytes:
    lines = "".join(
        f"<tr><td>{label}</td><td></td><td>{year}</td><td>{total}</td></tr>"
        for label, year, total in rows
    )
    table = (
        "<table border=1><tr><td>指 标 名 称</td><td>计量<br>单位</td>"
        f"<td>2009 年度</td><td>历年<br>累计</td></tr>{lines}</table>"
    )
    return _page("莆田市某局2009年度政府信息公开工作年度报告", "<p>附表</p>" + table)


def _dingxi() -> bytes:
    lines = "".join(
        f"<tr><td>{label}</td><td>{unit}</td><td>{i:02d}</td>"
        f"<td>{100 + i}</td><td>{200 + i}</td></tr>"
        for i, (label, unit) in enumerate(DINGXI_ROWS, 1)
    )
    table = (
        "<table border=1><tr><td>指 标 名 称</td><td>计量<br>单位</td><td>代码</td>"
        "<td>本期实际</td><td>本年累计</td></tr>"
        f"<tr><td>甲</td><td>乙</td><td>丙</td><td>1</td><td>2</td></tr>{lines}</table>"
    )
    return _page("定西市某局2009年政府信息公开工作年度报告", "<p>附件3</p>" + table)


def _codes(result: ImportResult) -> list[str]:
    return [p.code for p in result.problems]


def _printed(result: ImportResult) -> dict[tuple[int, int], str]:
    """(grid row, grid column) → the text placed from there."""
    return {(c.row, c.col): c.text for c in result.provenance.cells}


def _not_placed(result: ImportResult) -> set[str]:
    return {p.params["text"] for p in result.problems if p.code == "cell-not-placed"}


# --- 莆田 2009: the Fujian form worded otherwise ----------------------------


def test_putian_answers_row_led_by_the_year_is_the_answers_row() -> None:
    # Before: "本年度对申请的答复总数" fitted no row (its 本年度 is the
    # column's period): its two figures were left out and 对申请的答复数
    # was said to be not printed.
    result = import_html(_putian(), "putian.html")
    assert isinstance(result.report, gd.ReportLegacy)
    assert result.report.statistics.template == "fujian-2011"
    answers = result.report.statistics.rows["3"]
    assert (answers["year"], answers["cumulative"]) == (19, 57)
    assert "本年度对申请的答复总数" not in {p.params.get("label") for p in result.problems}


def test_putian_every_figure_in_its_row_and_nothing_invented() -> None:
    result = import_html(_putian(), "putian.html")
    placed = _printed(result)
    printed = {
        (r, c): str(v)
        for r, (_, year, total) in enumerate(PUTIAN_ROWS, 1)
        for c, v in ((2, year), (3, total))
    }
    # Every printed figure placed, each the one printed there: nothing
    # invented or moved, and the relations hold (no error of the publisher's).
    assert placed == printed
    assert not {"cell-not-placed", "row-not-in-template", "publisher-error"} & set(_codes(result))


def test_putian_website_row_is_placed_by_position_and_said_doubtful() -> None:
    # "其中:1.政府网站" fits no wording of the template (其中：1.网站公开), but
    # it is the one printed row between 主动公开信息数 and 2.政府公报 with
    # the one template row 1.1 left between them, numbered 1 as that row is.
    # Before: its figures were left out (cell-not-placed, row-not-in-template).
    result = import_html(_putian(), "putian.html")
    assert isinstance(result.report, gd.ReportLegacy)
    website = result.report.statistics.rows["1.1"]
    assert (website["year"], website["cumulative"]) == (20, 60)
    doubtful = {c.path for c in result.provenance.cells if c.doubtful}
    assert doubtful == {"$.statistics.rows['1.1'].year", "$.statistics.rows['1.1'].cumulative"}
    assert {c.match for c in result.provenance.cells if c.path in doubtful} == {"position"}
    assert "cells-doubtful" in _codes(result)


def test_a_row_fitting_nothing_with_two_template_rows_left_is_not_placed() -> None:
    # 2.政府公报 left out too: between 主动公开信息数 and 受理依申请公开信息总数
    # the rows 1.1 and 1.2 are both left, so 政府网站 is neither: reported.
    rows = [r for r in PUTIAN_ROWS if r[0] != "2.政府公报"]
    result = import_html(_putian(rows), "putian.html")
    assert "1.1" not in {c.path.split("'")[1] for c in result.provenance.cells}
    assert {"20", "60"} <= _not_placed(result)
    assert "row-not-in-template" in _codes(result)


def test_an_unnumbered_row_of_its_own_is_not_taken_for_the_row_left_out() -> None:
    # A table that leaves 1.1 out and adds a row of its own in its place
    # (as a derived template renders): no number says it is 1.1.
    rows = [("政务新媒体账号数", 20, 60) if r[0] == "其中:1.政府网站" else r for r in PUTIAN_ROWS]
    result = import_html(_putian(rows), "putian.html")
    assert "1.1" not in {c.path.split("'")[1] for c in result.provenance.cells}
    assert {"20", "60"} <= _not_placed(result)
    assert "row-not-in-template" in _codes(result)


def test_putian_derived_template_does_not_call_its_own_rows_not_printed() -> None:
    # Before: with --derive-templates the rows the table added (其中:1.政府网站)
    # were placed under codes of their own and yet reported "row-not-printed".
    result = import_html(_putian(), "putian.html", derive_templates=True)
    assert "template-derived" in _codes(result)
    assert "row-not-printed" not in _codes(result)
    assert len(result.provenance.cells) == 2 * len(PUTIAN_ROWS)


def test_putian_blank_form_invents_no_figure() -> None:
    # The form as the notice printed it: every value cell empty.
    blank = [(label, "", "") for label, _, _ in PUTIAN_ROWS]
    result = import_html(_putian(blank), "putian-blank.html")
    assert isinstance(result.report, gd.ReportLegacy)
    assert all(
        value is None for row in result.report.statistics.rows.values() for value in row.values()
    )
    assert "publisher-error" not in _codes(result)


# --- 定西: the Gansu form with its 代码 column --------------------------------


def test_dingxi_code_column_is_never_read_as_a_figure() -> None:
    # Before: "01" … "35" of the 代码 column were placed, by position, as the
    # year's figures (1, 2 … 35 invented), 本期实际 went to the running
    # total and every 本年累计 figure was left out.
    result = import_html(_dingxi(), "dingxi.html", derive_templates=True)
    assert isinstance(result.report, gd.ReportLegacy)
    texts = {c.text for c in result.provenance.cells}
    assert texts == {str(100 + i) for i in range(1, 36)} | {str(200 + i) for i in range(1, 36)}
    assert not _not_placed(result)
    # 本期实际 and 本年累计 each stay one column, in printed order.
    by_column: dict[str, set[int]] = {}
    for c in result.provenance.cells:
        by_column.setdefault(c.path.rsplit(".", 1)[1], set()).add(int(c.text) // 100)
    assert sorted(by_column.values(), key=min) == [{1}, {2}]


def test_dingxi_column_number_row_is_not_a_row_of_the_table() -> None:
    # Before: 甲 乙 丙 | 1 2 was a data row: "丙" unreadable, "1" a figure
    # of a row "甲", "2" not placed.
    result = import_html(_dingxi(), "dingxi.html", derive_templates=True)
    assert "cell-unreadable" not in _codes(result)
    assert "甲" not in {p.params.get("label") for p in result.problems}
    assert (1, 3) not in _printed(result) and (1, 4) not in _printed(result)
    assert "row-not-printed" not in _codes(result)


def test_dingxi_without_derived_templates_fits_no_template_and_says_so() -> None:
    result = import_html(_dingxi(), "dingxi.html")
    assert result.report is None
    assert "no-template-fits" in _codes(result)
    (problem,) = [p for p in result.problems if p.code == "no-template-fits"]
    assert "甲" not in problem.params["rows"].split("、")


# --- Reports with their statistics in words only -----------------------------


def test_report_in_words_only_gives_no_report_and_no_figure() -> None:
    # As 深圳市地震局's 2010 report prints them, seen on
    # https://m.c3e5.com/gongkai/zfxxgk/zfxxgknb/2010nb/szfbm/202009/t20200921_2075034.html
    body = (
        "<p>二、政府信息主动公开情况</p><p>本局2010年共主动公开政府信息175条，"
        "全文电子化率达100%。</p><p>三、政府信息依申请公开情况</p>"
        "<p>本局2010年度未收到政府信息公开申请。</p><p>四、人员和收支情况</p>"
        "<p>从事政府信息公开工作的全职人员1人。</p>"
    )
    result = import_html(_page("某市地震局2010年政府信息公开工作年度报告", body), "p.html")
    assert result.report is None
    assert _codes(result) == ["no-table"]
    assert not result.provenance.cells


#: Statistics in words only, each with the figures such a report states in
#: its sentences (our words): none is a table, none becomes a cell.
IN_WORDS = {
    # 2016 龙归镇, seen on http://www.sgwjq.gov.cn/zwgk/zfxxgkndbg/content/post_222204.html :
    # a 附表 named under the text, not printed on the page.
    "a 附表 named but not printed": (
        "<p>二、政府信息主动公开情况</p><p>2016年度共主动公开政府信息25条，其中工作动态"
        "信息5条，财政预决算信息19条。</p><p>三、回应解读情况</p><p>回应公众关注热点或重大"
        "舆情数2次。</p><p>附表：2016年某镇政府信息公开年度报告</p>"
    ),
    # 2012 西城区, seen on
    # http://xzscdzx.com/gongkai/zfxxgk/zfxxgknb/2012nb/qzf/202010/t20201009_2106002.html
    "the year's figures in one sentence": (
        "<p>全区主动公开政府信息5713条，受理政府信息公开申请311件，收到涉及政府信息公开"
        "方面的行政复议10件，行政诉讼7件，专职工作人员4人，兼职工作人员149名。</p>"
    ),
    # 2017, a 文物局 whose text gives the national form's channels, seen on
    # https://www.izibackup.com/jinboqipai/20181030/5664.html
    "the national form's rows as sentences": (
        "<p>二、主动公开情况</p><p>政府网站公开信息3698条，微博微信公开信息2148条，"
        "政府公报公开信息0条。回应公众关注热点或重大舆情3次。</p><p>三、依申请公开情况"
        "</p><p>共受理信息公开申请10件，其中当面申请1宗，网上申请9宗。</p>"
    ),
}


@pytest.mark.parametrize("body", IN_WORDS.values(), ids=IN_WORDS.keys())
def test_statistics_in_words_are_never_read_as_cells(body: str) -> None:
    result = import_html(_page("某机关政府信息公开工作年度报告", body), "p.html")
    assert result.report is None
    assert _codes(result) == ["no-table"]
    assert not result.provenance.cells


def test_report_whose_table_is_an_attachment_names_it() -> None:
    # As 谢塘镇's 2013 report links its 统计表, seen on
    # http://www.shangyu.gov.cn/art/2015/7/27/art_1229351252_3448075.html
    body = (
        "<p>二、政府信息主动公开情况 2013年度主动公开政府信息123件。</p>"
        "<p>附件下载：<a href='/att/tj.doc'>2013年度政府信息公开情况统计表.doc</a></p>"
    )
    result = import_html(_page("2013年度某镇政府信息公开工作年度报告", body), "p.html")
    assert result.report is None
    assert _codes(result) == ["report-in-attachment"]
    assert "统计表.doc" in str(result.problems[0].params)


#: The quarterly 政府信息公开情况统计表 of a 六安 bureau (Anhui), seen on
#: https://056006.com/p6608391/7034421.html : one value column headed 数量,
#: the reasons of 主动公开 as rows, channels merged (②网上填表及电子邮件申请数),
#: and the list numbering restarted ("1. 信息公开申请数", "1. 对申请的答复数").
LUAN_ROWS = (
    "一、主动公开信息数",
    "其中:机构领导、设置及人事类信息",
    "政策法规、规范性文件信息",
    "业务公开信息",
    "规划计划、统计信息",
    "财务预决算信息",
    "招标采购信息",
    "部门动态、公告和新闻发布等其他信息",
    "二、依申请公开信息目录数",
    "1. 信息公开申请数",
    "其中:①当面申请数",
    "②网上填表及电子邮件申请数",
    "③信函及传真申请数",
    "1. 对申请的答复数",
    "其中:①同意公开数",
    "②同意部分公开数",
    "③不予公开数",
    "④其他情况",
    "三、有关政府信息公开投诉数",
    "有关政府信息公开行政复议数",
)


def _luan() -> bytes:
    lines = "".join(
        f"<tr><td>{label}</td><td>{'条' if i < 9 else '件'}</td><td>{100 + i}</td></tr>"
        for i, label in enumerate(LUAN_ROWS, 1)
    )
    table = (
        "<table border=1><tr><td>指  标  名  称</td><td>计量单位</td><td>数量</td></tr>"
        f"{lines}</table>"
    )
    return _page("六安市某局2015年政府信息公开工作年度报告", "<p>附件1</p>" + table)


def test_luan_form_fits_no_template_and_derived_keeps_every_figure_in_its_row() -> None:
    plain = import_html(_luan(), "luan.html")
    assert plain.report is None and "no-template-fits" in _codes(plain)
    result = import_html(_luan(), "luan.html", derive_templates=True)
    assert isinstance(result.report, gd.ReportLegacy)
    # Every figure placed from its own printed row, none invented, none left out;
    # under 数量, a heading no template column has: by position, doubtful.
    assert _printed(result) == {(r, 2): str(100 + r) for r in range(1, len(LUAN_ROWS) + 1)}
    assert all(c.doubtful for c in result.provenance.cells)
    assert not _not_placed(result) and "row-not-printed" not in _codes(result)
