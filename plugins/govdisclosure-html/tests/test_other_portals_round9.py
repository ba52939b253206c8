"""Reports of other portals, round nine: provinces and years not seen before,
and reports of 2010–2018 found whole.

Each portal below is a real report seen on the web (its address in ``url``),
rebuilt cell by cell with the official merges (:mod:`portal_layouts`) as the
earlier rounds are: the portal's own labels, marks, blank cells and figures as
printed.  Where the stored copy of a page stops before the end of its tables,
the rest is printed as the official rows with zeros (said per portal).  The
short paragraphs are our own words, but for a sentence a portal printed that
the test is about (said where it is).

No report of 2008–2018 with its statistics table was found whole in the stored
copies searched (the national form's rows, 统计表 with 统计指标/单位/统计数, the
provinces' names and years 2009–2018 gave pages whose tables are past the end
of the stored text, or blank forms).  Three reports of 2010, 2017 and 2018
were found whole: they give their statistics in words only, and are checked
below as such (no table, nothing read as a cell).

A page whose stored text prints each repeated line once (雄县's 2019 township
report: one "0" for the whole of table 2, the heads of its later blocks gone)
is left out, as in round eight: its figures cannot be read from it.
"""

from __future__ import annotations

import pytest

from govdisclosure_html.narrative import title_facts
from portal_layouts import (
    Portal,
    host,
    import_portal,
    imports_as_printed,
    imports_as_words_only,
    paragraphs,
    table2_2019,
    table2_2021,
    table3,
    table4,
)
from test_other_portals_round5 import (
    TWO_LINES,
    sections,
    t2_2019,
    t2_2021,
)
from test_other_portals_round7 import NEW_ON_TWO_LINES

PORTALS: list[Portal] = [
    Portal(
        "https://zgqingyang.gov.cn/gk/zfxxgk/xxgkndbg/2023y/szfzcbm321/content_283255",
        "庆阳市人民政府政务服务中心2023年政府信息公开工作年度报告",
        "2021",
        # 甘肃, a city's service centre: as the format, zeros as far as seen
        # (cut at the fee's head); the page names the format "…年度报告格式(试行)".
        sections(table2_2021(t2_2021()), table3(), table4()),
    ),
    Portal(
        "http://xxgk.tongyu.gov.cn/zsjg/jgsw_98122/ndbg/202101/t20210129_890439.html",
        "团结乡2020年政府信息公开工作年度报告",
        "2019",
        # 吉林, a township: heads 本年新⏎制作数量, 本年新⏎公开数量; zeros to the
        # procurement (cut there); the period printed with 年 left out of both
        # dates (the page's own sentence, kept):
        # "本报告中所列数据的统计期限自20201月1日起至202012月31日止。"
        (
            paragraphs("本报告中所列数据的统计期限自20201月1日起至202012月31日止。"),
            *sections(table2_2019(t2_2019(), NEW_ON_TWO_LINES), table3(edition="2019"), table4()),
        ),
    ),
    Portal(
        "http://shengbaoju.com/govinfo/contents/1287/13695.html",
        "鸭南乡2021年政府信息公开工作年度报告",
        "2021",
        # A copy on another site of a township's report: the head cut to
        # 现行有效件; zeros; cut after table 3's note (zeros).
        sections(table2_2021(t2_2021(), {"现行有效件数": "现行有效件"}), table3(), table4()),
    ),
    Portal(
        "http://jxxf.gov.cn/xfxxxgk/c101039/202401/8beaa5747df44d938268497012eb4c86.shtml",
        "信丰县卫生健康委2023年政府信息公开工作年度报告",
        "2021",
        # 江西, a county commission: 行政许可 9, 行政处罚 47; table 3's heads
        # 商业⏎企业, 科研⏎机构; zeros to row 二 (cut at 三、本年度办理结果).
        sections(
            table2_2021(t2_2021(行政许可=("9",), 行政处罚=("47",))),
            table3(labels=TWO_LINES),
            table4(),
        ),
    ),
    Portal(
        "https://www.kazuo.gov.cn/html/KZXZF/202601/0176855559295024.html",
        "2025年政府信息公开工作年度报告",
        "2021",
        # 辽宁, 喀左县's health bureau, a report of 2025 (its title is not in
        # the stored text): 规章 0 0 and 行政规范性文件 0 0, their 现行有效件数
        # blank; 行政许可 1300; cut at the (六) caption (zeros).
        sections(
            table2_2021(
                t2_2021(规章=("0", "0", ""), 行政规范性文件=("0", "0", ""), 行政许可=("1300",))
            ),
            table3(),
            table4(),
        ),
    ),
    Portal(
        "http://zgtc.gov.cn/xxgk/xxgknb/202501/t20250109_3872407.shtml",
        "2024年政府信息公开工作年度报告",
        "2021",
        # 安徽, a township of 天长 (its title is not in the stored text): as the
        # format, zeros as far as seen (cut at the fee's row).
        sections(table2_2021(t2_2021()), table3(), table4()),
    ),
    Portal(
        "https://zazf.gov.cn/gk/gk05/tbnb/96193.htm",
        "茅坪回族镇2022年度政府信息公开工作报告",
        "2021",
        # 陕西, a town (镇安县; its title here our wording of the page's
        # sentence "现将茅坪回族镇2022年度政府信息公开工作报告如下"): as the
        # format, zeros; cut after table 3's note (zeros).
        sections(table2_2021(t2_2021()), table3(), table4()),
    ),
    Portal(
        "http://xxgk-fs.cbs.gov.cn/zsjg/dzb/ndbg/202101/t20210104_655381.html",
        "抚松县松江河镇人民政府2020年政府信息公开工作年度报告",
        "2019",
        # 吉林, a town: heads 本年新⏎制作数量, 本年新⏎公开数量; the change
        # column's head cut to "本年增/" in every block; zeros; cut at the fee's
        # row (zeros).  Its text gives the year's figures as "2019年，我镇通过
        # 抚松县政府网站公开信息94条" in a report of 2020 (words, not cells).
        (
            paragraphs("2019年，我镇通过抚松县政府网站公开信息94条。"),
            *sections(
                table2_2019(t2_2019(), {**NEW_ON_TWO_LINES, "本年增/减": "本年增/"}),
                table3(edition="2019"),
                table4(),
            ),
        ),
    ),
    Portal(
        "http://fjyc.gov.cn/zwgk/zfxxgkzl/xzzf/gyz/ndbg/202101/t20210110_2495556.htm",
        "2020年桂洋镇人民政府信息公开工作年度报告",
        "2019",
        # 福建, a town of 永春县 (its title here our wording of the page's
        # sentence "特向社会公布2020年桂洋镇人民政府信息公开工作年度报告"): as the
        # format, zeros as far as seen (cut at 行政许可).
        sections(table2_2019(t2_2019()), table3(edition="2019"), table4()),
    ),
    Portal(
        "http://xizang.gov.cn/zwgk/xxgk_424/xxgknb/2020nb/202104/t20210409_199092.html",
        "西藏自治区政府国资委2020政府信息公开工作年度报告",
        "2019",
        # 西藏, a region's commission: the title's year printed without 年;
        # 规章 three blank cells; 规范性文件 11 and two blanks; cut at the (五)
        # block's heads (zeros).  Its period as printed (the page's sentence):
        # "报告中所列数据的统计期限为2020年1月1日—2020年12月31日。"
        (
            paragraphs("报告中所列数据的统计期限为2020年1月1日—2020年12月31日。"),
            *sections(
                table2_2019(t2_2019(规章=("", "", ""), 规范性文件=("11", "", ""))),
                table3(edition="2019"),
                table4(),
            ),
        ),
    ),
]


_host = host
_import = import_portal


@pytest.mark.parametrize("portal", PORTALS, ids=_host)
def test_the_portal_imports_as_printed(portal: Portal) -> None:
    imports_as_printed(portal)


def test_hosts_are_distinct() -> None:
    assert len({_host(p) for p in PORTALS}) == len(PORTALS)


def test_a_titles_year_printed_without_its_nian() -> None:
    # 西藏自治区政府国资委2020政府信息公开工作年度报告: before, neither the year
    # nor the unit was read from the title: the unit it prints was reported
    # missing (no-unit, an error; without the period's sentence the page gave
    # no report at all, its year unknown too).
    assert title_facts("西藏自治区政府国资委2020政府信息公开工作年度报告") == (
        2020,
        "西藏自治区政府国资委",
    )
    result = _import(next(p for p in PORTALS if _host(p) == "xizang.gov.cn"))
    assert result.report is not None
    assert result.report.unit.name == "西藏自治区政府国资委"
    assert result.report.year == 2020
    assert "no-unit" not in {p.code for p in result.problems}


@pytest.mark.parametrize(
    ("title", "facts"),
    [
        # Five digits: no year.  A year not before the report's name: none.
        ("某局12020政府信息公开工作年度报告", (None, None)),
        ("电话2020转信息科", (None, None)),
        # A year with its 年, as before.
        ("2020年政府信息公开工作年度报告", (2020, None)),
    ],
)
def test_a_bare_number_is_a_year_only_before_the_reports_name(
    title: str, facts: tuple[int | None, str | None]
) -> None:
    assert title_facts(title) == facts


def test_a_period_with_its_years_run_into_the_month_is_the_publishers() -> None:
    # 团结乡 2020 prints "…统计期限自20201月1日起至202012月31日止": the period
    # is not guessed (20201 is no year) and the clause is reported as printed.
    result = _import(next(p for p in PORTALS if _host(p) == "xxgk.tongyu.gov.cn"))
    assert result.report is not None and result.report.period is None
    (problem,) = (p for p in result.problems if p.code == "period-unreadable")
    assert problem.severity == "warning"
    assert "202012月31日" in problem.message("en")


# -- reports of 2010–2018 found whole: statistics in words only ---------------


#: Each page's sections as printed (its figures and wording kept, the longer
#: paragraphs of general words shortened), by the address it was seen on.
IN_WORDS = {
    # 广东, 遂溪县建新镇 2018: four short sections, a figure in one sentence.
    "http://www.suixi.gov.cn/gzzwz/jxzrmzf/zwgk/xxgknb/content/post_67513.html": (
        "2018年建新镇政府信息公开工作年度报告",
        "<p>建新镇根据《中华人民共和国政府信息公开条例》规定，特向社会公开2018年度建新镇"
        "政府信息公开年度报告。本报告信息数据统计期限为：2018年1月1日至2018年12月31日。</p>"
        "<p>一、主动公开政府信息的情况</p><p>2018年度我镇主动公开政府信息数22条，其中线上"
        "信息公开15条。</p><p>二、政府信息依申请公开办理情况</p><p>2018年度我镇没有接到群众"
        "主动要求公开政府信息的申请。</p><p>三、依申请信息公开收费情况</p><p>2018年度，我镇"
        "政府信息公开没有收费。</p><p>四、复议、诉讼和申诉情况</p><p>我镇2018年度，没有发生"
        "针对本单位有关政府信息公开事务的行政复议案、行政诉讼案和有关的申诉案。</p>",
    ),
    # 兴华乡 2010: one paragraph of figures; its shares (30% and 75% of 65)
    # are the publisher's and are words, not cells.
    "http://mhk.gov.cn/zwgk/xxgk/xzj/xhz0/ndbg/201712/t20171207_5736.html": (
        "兴华乡2010年政府信息公开报告",
        "<p>截止20101231日，全乡累计主动公开政府信息65条。其中，网上公开信息20条，所占比例"
        "为30%，兴华乡政务公开揭示板上公开45条，所占比例75%</p>",
    ),
    # 安徽, a township of 铜陵市郊区 2017: six sections, figures in words.
    "https://tljq.gov.cn/openness/OpennessAnnualReport/show/2396.html": (
        "2017年度政府信息公开年度报告",
        "<p>二、主动公开政府信息情况</p><p>2017年，主动公开政府工作信息、动态755多条。</p>"
        "<p>三、依申请公开、不予公开及咨询政府信息情况</p><p>1、依申请公开情况：目前我乡尚未"
        "收到政府信息公开申请。</p><p>四、申请行政复议、提起行政诉讼和申诉的情况</p><p>我乡"
        "收到有关政府信息公开行政复议申请0件。</p><p>五、政府信息公开的收费及减免情况</p>"
        "<p>2017年我办对信息公开免费提供，未收取任何费用。</p>",
    ),
}


@pytest.mark.parametrize(("title", "body"), IN_WORDS.values(), ids=list(IN_WORDS))
def test_a_report_of_2010_to_2018_in_words_gives_no_table_and_no_cell(
    title: str, body: str
) -> None:
    imports_as_words_only(title, body)
