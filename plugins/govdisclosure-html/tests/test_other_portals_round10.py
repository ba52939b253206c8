"""Reports of other portals, round ten: regions, years and layouts not seen
before (内蒙古, 天津, 重庆, 海南, 陕西, 辽宁, 江苏, 山东; report years 2019–2025).

Each portal below is a real report seen on the web (its address in ``url``),
rebuilt cell by cell with the official merges (:mod:`portal_layouts`) as the
earlier rounds are: the portal's own labels, marks, blank cells and figures as
printed.  Where the stored copy of a page stops before the end of its tables,
the rest is printed as the official rows with zeros (said per portal).  The
short paragraphs are our own words, but for a sentence a portal printed that
the test is about (said where it is).

No report of 2008–2018 with its statistics table was found whole in the stored
copies searched this round either (统计表 with 统计指标/单位/统计数, 指标名称/
计量单位, the national form's rows with figures, the provinces' names and years
2013–2017 gave the blank forms already known, or reports whose 统计表 is an
attachment past the stored text).  Four reports of 2008–2016 were found whole
in words, two of them in traditional characters: they are checked below as
such (no table, nothing read as a cell).
"""

from __future__ import annotations

import pytest

from govdisclosure_html import import_html
from govdisclosure_html.narrative import title_facts
from govdisclosure_html.text import label_key
from portal_layouts import (
    Cell,
    Portal,
    Row,
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
from test_other_portals_round5 import TWO_LINES, sections, split, t2_2019, t2_2021
from test_other_portals_round6 import TRADITIONAL, traditional_sections
from test_other_portals_round7 import CUT_TO_NEW, NEW_ON_TWO_LINES, TRADITIONAL_2019

#: The 2019 table 2 as the Guangzhou commission's copy prints it: traditional
#: characters from a converter that also puts Taiwan's words for the
#: mainland's (規範性檔案 for 规范性文件, 採購 for 采购).
GUANGZHOU_2019 = {
    **TRADITIONAL,
    **TRADITIONAL_2019,
    "本年新制作数量": "本年新製作數量",
    "本年新公开数量": "本年新公開數量",
    "规范性文件": "規範性檔案",
    "采购项目数量": "採購項目數量",
    "采购总金额": "採購總金額",
    "政府集中采购": "政府集中採購",
}

#: The change column's head printed with a backslash: 本年增\减 (云林街道).
BACKSLASH = {"本年增/减": "本年增\\减"}


def with_fee_in_words(rows: list[Row], words: str) -> list[Row]:
    """Table 2 (2019) with the fee row's figures replaced by one cell of words
    across them (河西务镇: "由区政府办根据…")."""
    at = next(i for i, r in enumerate(rows) if r[0].text == "行政事业性收费")
    first = rows[at][1]
    assert first.path is not None
    return [
        *rows[:at],
        [rows[at][0], Cell(words, 3, 1, first.path)],
        *rows[at + 1 :],
    ]


PORTALS: list[Portal] = [
    Portal(
        "https://www.shangdu.gov.cn/gxz/1494291.html",
        "2022年卯都乡信息公开工作年度报告",
        "2021",
        # 内蒙古, a township of 商都县 (its title here the page's own words
        # "现向社会公布2022年卯都乡信息公开工作年度报告"): zeros as far as seen
        # (cut at the (五) caption).  Its text says so in words too (the
        # page's sentence, kept).
        (
            paragraphs(
                "2022年度全乡新收政府信息公开申请数量0件，上年结转政府信息公开申请数量0件。"
            ),
            *sections(table2_2021(t2_2021()), table3(), table4()),
        ),
    ),
    Portal(
        "http://gxj.wuhai.gov.cn/jxw/250901/zfxxgk20/zfxxgknb73/1027108/index.html",
        "乌海市工业和信息化局政府信息公开工作年度报告",
        "2019",
        # 内蒙古, a city bureau's report of 2020 whose title prints no year
        # (the year is in its period: the page's sentence, kept); both heads
        # of the first block cut to 本年新; the change printed signed (+2, -1);
        # 行政许可 1 0 0, 其他对外管理服务事项 2 +2 114, 行政处罚 25 -1 0; cut
        # at the fee's row (zeros).
        (
            paragraphs("本报告所列数据的统计期限自2020年1月1日起至2020年12月31日。"),
            *sections(
                table2_2019(
                    t2_2019(
                        行政许可=("1", "0", "0"),
                        其他对外管理服务事项=("2", "+2", "114"),
                        行政处罚=("25", "-1", "0"),
                    ),
                    CUT_TO_NEW,
                ),
                table3(edition="2019"),
                table4(),
            ),
        ),
    ),
    Portal(
        "https://newton.com.tw/wiki/%E5%BB%A3%E5%B7%9E%E5%B8%82%E5%9C%8B%E8%B3%87%E5%A7%942020"
        "%E5%B9%B4%E6%94%BF%E5%BA%9C%E4%BF%A1%E6%81%AF%E5%85%AC%E9%96%8B%E5%B7%A5%E4%BD%9C%E5%B9"
        "%B4%E5%BA%A6%E5%A0%B1%E5%91%8A/59211600",
        "廣州市國資委2020年政府信息公開工作年度報告",
        "2019",
        # A copy of 广州市国资委's report in traditional characters with the
        # converter's words (規範性檔案, 採購): 規章 0 0 0, 規範性檔案 4 4 130;
        # the (五), (六) and (八) blocks' figures blank; cut at the (九)
        # block's heads (zeros).
        traditional_sections(
            table2_2019(
                t2_2019(
                    规范性文件=("4", "4", "130"),
                    行政许可=("", "", ""),
                    其他对外管理服务事项=("", "", ""),
                    行政处罚=("", "", ""),
                    行政强制=("", "", ""),
                    行政事业性收费=("", ""),
                ),
                GUANGZHOU_2019,
            ),
            table3(labels=TRADITIONAL, edition="2019"),
            table4(labels=TRADITIONAL),
        ),
    ),
    Portal(
        "http://www.rongcheng.gov.cn/art/2020/1/29/art_56373_2357332.html",
        "成山镇人民政府2019年政府信息公开工作年度报告",
        "2019",
        # 山东, a town of 荣成 (its title here our wording): its introduction
        # names the old annex (the page's words, kept: "…并附2019年度成山镇
        # 政府信息公开情况统计表"); heads 本年新 公开数量, 对外公开 总数量 with a
        # space; 规章 and 规范性文件 blank; cut at the (五) block's heads
        # (zeros).
        (
            paragraphs(
                "全文包括概述，主动公开政府信息情况，依申请公开政府信息情况，"
                "并附2019年度成山镇政府信息公开情况统计表。"
            ),
            *sections(
                table2_2019(
                    t2_2019(规章=("", "", ""), 规范性文件=("", "", "")),
                    {
                        "本年新公开数量": split("本年新公开数量", 3, " "),
                        "对外公开总数量": split("对外公开总数量", 4, " "),
                    },
                ),
                table3(edition="2019"),
                table4(),
            ),
        ),
    ),
    Portal(
        "http://www.jiangjin.gov.cn/bm/qwsjkw_69019/zwgk_81474/zfxxgknb_81484/202601/"
        "t20260108_15300858.html",
        "重庆市江津区卫生健康委员会2025年政府信息公开工作年度报告",
        "2021",
        # 重庆, a district commission, a report of 2025: 行政许可 4928, 行政处罚
        # 79; cut at the fee's head (zeros).
        sections(
            table2_2021(t2_2021(行政许可=("4928",), 行政处罚=("79",))),
            table3(),
            table4(),
        ),
    ),
    Portal(
        "http://www.jsxishan.gov.cn/doc/2020/02/20/2784214.shtml",
        "云林街道2019年度政府信息公开工作报告",
        "2019",
        # 江苏, a subdistrict of 无锡: heads 本年新⏎公开数量, 对外公开⏎总数量, the
        # change column's head 本年增\减 with a backslash in every block;
        # zeros; cut at table 3's head (whose cells run 申请人情况, 总计,
        # 自然人…: the order past the cut is not known; the format's, zeros).
        sections(
            table2_2019(
                t2_2019(),
                {
                    "本年新公开数量": split("本年新公开数量", 3),
                    "对外公开总数量": split("对外公开总数量", 4),
                    **BACKSLASH,
                },
            ),
            table3(edition="2019"),
            table4(),
        ),
    ),
    Portal(
        "https://ht.sanya.gov.cn/htqsite/xxgknb/202202/ad24c9c229404b1595aaeedacbafeee8.shtml",
        "2021年政府信息公开工作年度报告",
        "2021",
        # 海南, 三亚市海棠区 (its title as printed, without the unit): heads
        # 本年 制发件数, 本年 废止件数 with a space; 行政许可 691, 行政处罚 136,
        # 行政强制 68; cut at the (八) caption (zeros).
        sections(
            table2_2021(
                t2_2021(行政许可=("691",), 行政处罚=("136",), 行政强制=("68",)),
                {
                    "本年制发件数": split("本年制发件数", 2, " "),
                    "本年废止件数": split("本年废止件数", 2, " "),
                },
            ),
            table3(),
            table4(),
        ),
    ),
    Portal(
        "https://www.tjwq.gov.cn/zwgk/zfxxgk/zj2/hxwzrmzf/zfxxgknb61/202012/t20201216_5032383.html",
        "武清区河西务镇2019年政府信息公开年度报告",
        "2019",
        # 天津, a town: heads 本年新⏎制作数量, 本年新⏎公开数量, the change
        # column's head cut to 本年增/ in every block; 其他对外管理服务事项
        # 286 0 34, 行政处罚 286 0 0, 行政强制 49 0 0; the fee row's figures
        # are words ("由区政府办根据…", the stored text ends there: one cell
        # across the row here); procurement and the rest as the format, zeros.
        sections(
            with_fee_in_words(
                table2_2019(
                    t2_2019(
                        其他对外管理服务事项=("286", "0", "34"),
                        行政处罚=("286", "0", "0"),
                        行政强制=("49", "0", "0"),
                    ),
                    {**NEW_ON_TWO_LINES, "本年增/减": "本年增/"},
                ),
                "由区政府办根据",
            ),
            table3(edition="2019"),
            table4(),
        ),
    ),
    Portal(
        "https://www.ningshan.gov.cn/Content-2790280.html",
        "宁陕县梅子镇人民政府2024年度政府信息公开工作年度报告",
        "2021",
        # 陕西, a town: as the format, zeros; table 3's heads 商业⏎企业,
        # 科研⏎机构; cut in table 3's row (二) (zeros).
        sections(table2_2021(t2_2021()), table3(labels=TWO_LINES), table4()),
    ),
    Portal(
        "http://www.haicheng.gov.cn/html/HCS/202601/0176938436489438.html",
        "海城市西四镇2025年政府信息公开工作年度报告",
        "2021",
        # 辽宁, a town, a report of 2025: zeros (cut at the (五) caption).  Its
        # text leaves a count out (the page's sentence, kept: "现行有效的规范性
        # 文件。"), words, not cells.
        (
            paragraphs(
                "（三）政府信息管理情况。2025年，我镇共制定规范性文件0件，"
                "废止规范性文件0件，现行有效的规范性文件。"
            ),
            *sections(table2_2021(t2_2021()), table3(), table4()),
        ),
    ),
]


@pytest.mark.parametrize("portal", PORTALS, ids=host)
def test_the_portal_imports_as_printed(portal: Portal) -> None:
    imports_as_printed(portal)


def test_hosts_are_distinct() -> None:
    assert len({host(p) for p in PORTALS}) == len(PORTALS)


def _portal(name: str) -> Portal:
    return next(p for p in PORTALS if host(p) == name)


# -- reports of 2008–2016 found whole: statistics in words only ---------------


#: Each page's sections as printed (its figures and wording kept, the longer
#: paragraphs of general words shortened), by the address it was seen on.
IN_WORDS = {
    # 甘肃, a town of 凉州区, 2008: five sections, a figure in one sentence.
    "http://www.gsliangzhou.gov.cn/art/2009/1/6/art_17409_827990.html": (
        "2008年张义镇人民政府信息公开工作年度报告",
        "<p>本报告中所列数据的统计期限自2008年1月1日起至2008年12月31日止。</p>"
        "<p>一、主动公开政府信息情况</p><p>2008年，我镇通过政府信息公开平台、政府网站"
        "主动公开政府信息12条。</p><p>二、依申请公开和不予公开政府信息的情况</p>"
        "<p>2008年，我镇未收到公开政府信息的申请。</p><p>三、咨询和投诉情况</p>"
        "<p>2008年政府共接受社会公众关于政府信息公开方面的咨询30多人次，其中来电来访"
        "20多次。</p><p>四、申请行政复议和提起行政诉讼情况</p><p>2008年我镇未有因政府"
        "信息公开申请行政复议和提起行政诉讼的情况。</p>",
    ),
    # 贵州, a town of 思南县, 2014: figures by kind in one sentence.
    "https://www.sinan.gov.cn/zwgk/zfxxgk/zfxxgknb/2014n/201709/t20170921_64816488.html": (
        "亭子坝镇2014年政府信息公开工作年度报告",
        "<p>2014年我镇主动公开政府信息数160条，其中，综合政务59条；人事工作信息1条；"
        "财政信息5条；教育8条；重要工作会议22条；安全监管45条。</p>"
        "<p>三、政府信息依申请公开情况</p><p>2014年，我镇没有依申请公开政府信息办理事项。"
        "</p><p>四、政府信息公开的收费及减免情况</p><p>2014年度及历年来，我镇政府信息"
        "公开没有收费及减免的情况。</p>",
    ),
    # 广东, a town of 开平, 2016, a copy in traditional characters.
    "http://m.nntyqh.com/stzrmzf/zwgk/xxgknb/content/post_555844.html": (
        "沙塘鎮2016年度政府信息公開年度報告",
        "<p>一、政府信息主動公開情況</p><p>2016年鎮政府信息公開全年發布各類信息247條，"
        "其中機構概況類5條，規章類文件11條，業務類30條，公共服務類20條、政務動態類58條，"
        "其它事項123條。</p><p>2016年政務網站、微信、微博共發布各類信息2483條。</p>"
        "<p>三、依申請公開政府信息和不予公開政府信息情況</p><p>2016年，政府信息依申請"
        "公開系統共收到1宗信息。</p><p>五、申請行政復議和提起行政訴訟情況</p>"
        "<p>2016年未發生申請行政復議和提起行政訴訟情況。</p>",
    ),
    # 浙江, a town of 上虞, 2009, a copy in traditional characters: one
    # paragraph of five numbered sections.
    "http://forbiddentreatments.com/art/2015/7/27/art_1229351258_3448141.html": (
        "2009年度下管鎮政府信息公開年度報告",
        "<p>一、政府信息主動公開情況 全年我鎮在政府門戶網站上主動公開信息數量為46件，"
        "內容涵蓋政策文件、計劃總結、人事變動等信息。 二、政府依申請公開政府信息和不予"
        "公開信息情況 本年度我鎮沒有依申請公開和不予公開的政府信息。 三、政府信息公開"
        "收費和減免情況 本年度我鎮沒有依申請公開信息情況。 四、政府信息公開申請行政復議、"
        "行政訴訟情況 本年度我鎮沒有因政府信息提起行政復議和行政訴訟的情況發生。</p>",
    ),
}


@pytest.mark.parametrize(("title", "body"), IN_WORDS.values(), ids=list(IN_WORDS))
def test_a_report_of_2008_to_2016_in_words_gives_no_table_and_no_cell(
    title: str, body: str
) -> None:
    imports_as_words_only(title, body)


# -- what the round found -------------------------------------------------------


def test_a_converters_taiwan_word_reads_as_the_mainlands() -> None:
    # 廣州市國資委 2020: "規範性檔案" (a converter's 檔案 for 文件) matched no
    # row: its three figures were left out and the row reported missing.
    assert label_key("規範性檔案") == label_key("规范性文件")
    assert label_key("行政規範性檔案") == label_key("行政规范性文件")
    # The simplified 档案 (archives) is itself, and a unit's name is not read so.
    assert label_key("档案馆").words == "档案馆"
    assert title_facts("廣州市檔案局2020年政府信息公開工作年度報告")[1] == "廣州市檔案局"
    result = import_portal(_portal("newton.com.tw"))
    assert not [p for p in result.problems if p.code in ("cell-not-placed", "cell-missing")]


def test_a_row_printed_in_words_is_told_unreadable_not_missing() -> None:
    # 河西务镇 2019 prints words where the fee row's figures stand: the row
    # read as a header row and both its cells were reported "no printed
    # cell"; now the words are named, not read as a figure.
    result = import_portal(_portal("tjwq.gov.cn"))
    fees = [p for p in result.problems if p.path and ".fees." in p.path]
    assert {(p.code, p.path) for p in fees} == {
        ("cell-unreadable", "$.table2.fees.previous_items"),
        ("cell-unreadable", "$.table2.fees.change"),
    }
    assert all("由区政府办根据" in p.message("en") for p in fees)


def test_a_header_row_that_starts_with_a_rows_words_is_no_row_in_words() -> None:
    # Table 4 with one empty cell across the review's five: its first header
    # row starts with 行政复议, a row's words, and goes on with 行政诉讼, a
    # heading no column heading stands over; the review's cells not placed
    # are missing, not words.
    portal = _portal("gxj.wuhai.gov.cn")
    t4 = table4()
    cut: list[Row] = [*t4[:3], [Cell("", 5), *t4[3][5:]]]
    parts = tuple(cut if p == t4 else p for p in portal.parts)
    result = import_html(
        Portal(portal.url, portal.title, portal.edition, parts).html().encode(), "p.html"
    )
    codes = {p.code for p in result.problems if p.path and p.path.startswith("$.table4")}
    assert codes == {"cell-missing"}


def test_a_title_without_a_year_names_its_unit() -> None:
    # 乌海市工业和信息化局政府信息公开工作年度报告 (a report of 2020 that says
    # its year in its period only): the unit it prints was reported missing.
    result = import_portal(_portal("gxj.wuhai.gov.cn"))
    assert result.report is not None
    assert result.report.unit.name == "乌海市工业和信息化局"
    assert result.report.year == 2020
    assert "no-unit" not in {p.code for p in result.problems}


@pytest.mark.parametrize(
    ("title", "unit"),
    [
        ("乌海市工业和信息化局政府信息公开工作年度报告", "乌海市工业和信息化局"),
        ("某县人民政府信息公开工作年度报告", "某县人民政府"),
        ("廣州市國資委政府信息公開工作年度報告", "廣州市國資委"),
        # The report's name alone, a figure in the words, a title that does
        # not end with the report's name: no unit.
        ("政府信息公开工作年度报告", None),
        ("某局12020政府信息公开工作年度报告", None),
        ("政府信息公开工作年度报告（附表）", None),
    ],
)
def test_the_unit_of_a_title_without_a_year(title: str, unit: str | None) -> None:
    assert title_facts(title) == (None, unit)
