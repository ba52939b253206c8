"""Reports of other portals, round eleven: regions, years and layouts not seen
before (湖南 (three), 四川 (two), 湖北, 浙江, 陕西; report years 2019–2023).

Each portal below is a real report seen on the web (its address in ``url``),
rebuilt cell by cell with the official merges (:mod:`portal_layouts`) as the
earlier rounds are: the portal's own labels, marks, blank cells and figures as
printed.  Where the stored copy of a page stops before the end of its tables,
the rest is printed as the official rows with zeros (said per portal).  The
short paragraphs are our own words, but for a sentence a portal printed that
the test is about (said where it is).

No report of 2008–2018 with its statistics table was found whole in the stored
copies searched this round either (统计表 with 统计指标/单位/统计数, 附表 with
申请办结数 and 属于已主动公开范围数, 2013–2017 by province and level gave
reports whose table is past the stored text or an attachment).  One report of 2015
was found whole in words: it is checked below as such (no table, nothing read
as a cell).
"""

from __future__ import annotations

import pytest

from govdisclosure_html.narrative import title_facts
from govdisclosure_html.text import label_key
from portal_layouts import (
    NOTE,
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
from test_other_portals_round5 import sections, split, t2_2019, t2_2021, with_empty_column
from test_other_portals_round6 import TRADITIONAL, traditional_sections
from test_other_portals_round7 import CUT_TO_NEW, TRADITIONAL_2019

#: The readings the 沅陵 copy site's converter puts after some traditional
#: characters (規(guī)章, 數(shù)量, 數(shù)據(jù), 商業(yè)): the characters of this
#: page's labels that carry one.
YUANLING_READINGS = {"規": "guī", "數": "shù", "據": "jù", "業": "yè"}


def yuanling(text: str) -> str:
    """``text`` with each character of :data:`YUANLING_READINGS` followed by
    its reading in brackets, as the 沅陵 copy prints it."""
    return "".join(f"{c}({YUANLING_READINGS[c]})" if c in YUANLING_READINGS else c for c in text)


#: 二酉苗族鄉 2020's labels: the 2019 table 2 and the tables 3 and 4 in
#: traditional characters with the converter's readings; the heads of the
#: first block on two lines (本年新⏎制作數量: 制 kept), 本年增/ cut, 商業企業
#: with no space.
ERYOU_2020 = {
    k: yuanling(v)
    for k, v in {
        **TRADITIONAL,
        **TRADITIONAL_2019,
        "本年新制作数量": "本年新<br/>制作數量",
        "本年新公开数量": "本年新<br/>公開數量",
        "本年增/减": "本年增/",
        "商业企业": "商業企業",
        "科研机构": "科研機構",
    }.items()
}

#: 二酉苗族鄉 2023's labels: the 2021 tables in traditional characters, the
#: third head of the first block cut (現行有效件), 商業⏎企業, 科研⏎機構.
ERYOU_2023 = {
    **TRADITIONAL,
    "现行有效件数": "現行有效件",
    "商业企业": "商業<br/>企業",
    "科研机构": "科研<br/>機構",
}

#: 胡市镇 2019: the heads of the first block with a space (本年新 制作数量),
#: the other heads and the normative documents' row with the province's notes
#: in half-width brackets after a space.
HUSHI_NOTES = {
    "本年新制作数量": split("本年新制作数量", 3, " "),
    "本年新公开数量": split("本年新公开数量", 3, " "),
    "规范性文件": "规范性文件(指各行政机关印发的有正式文号的文件)",
    "上一年项目数量": "上一年项目数量 (指2018年事项数)",
    "本年增/减": "本年增/减 (指2019年增加或减少的事项数,减用负值表示,如-8)",
    "处理决定数量": "处理决定数量 (指2019年办件量)",
}

#: The first block's heads with a space where the line broke (本年新 制作数量).
SPACED_NEW = {
    "本年新制作数量": split("本年新制作数量", 3, " "),
    "本年新公开数量": split("本年新公开数量", 3, " "),
}

#: 林山乡 2020: the first two captions print 第二十一条 (the article before
#: the 2019 revision renumbered it), table 3's second row 上年转结.
LINSHAN = {
    "第二十条第（一）项": "第二十一条第（一）项",
    "第二十条第（五）项": "第二十一条第（五）项",
    "二、上年结转政府信息公开申请数量": "二、上年转结政府信息公开申请数量",
}
#: 林山乡's table 3: the natural persons' and the total columns filled, the
#: organisations' columns marked "/".
SLASHED = ("0", "/", "/", "/", "/", "/", "0")

PORTALS: list[Portal] = [
    Portal(
        "https://71584.cn/yuanling/c119035/202101/a5aaebb271dd45b8ad21e9b7e39bfceb.shtml",
        "沅陵縣二酉苗族鄉(xiāng)人民政府2020年政府信息公開工作年度報告",
        "2019",
        # 湖南, a township of 沅陵县, a copy in traditional characters whose
        # converter puts readings after some characters, in the title too
        # (鄉(xiāng)) and in every label (規(guī)章, 數(shù)量); its period printed
        # with digits lost (the page's sentence, kept).  行政處罰 3 1 1,
        # 政府集中采購 17 15000000; cut at table 3's heads (zeros).
        (
            paragraphs(
                "本報告的統(tǒng)計數(shù)據(jù)時限為202011日至1231日，"
                "並通過沅陵縣人民政府門戶網(wǎng)站對外公布。"
            ),
            *traditional_sections(
                table2_2019(
                    t2_2019(行政处罚=("3", "1", "1"), 政府集中采购=("17", "15000000")),
                    ERYOU_2020,
                ),
                table3(labels=ERYOU_2020, edition="2019"),
                table4(labels=ERYOU_2020),
            ),
        ),
    ),
    Portal(
        "http://m.58chengcheng.com/yuanling/c120271/202401/84bf4b853d764ae5a28481c8f4456084.shtml",
        "二酉苗族鄉人民政府2023年信息公開工作年度報告",
        "2021",
        # The same township three years on, another copy in traditional
        # characters: its title says 信息公開工作年度報告 (no 政府); 現行有效件
        # cut; its period with digits run together (the page's sentence,
        # kept).  Zeros as far as seen (cut at table 3's (二)), and so to the end.
        (
            paragraphs("本報告中所列數據的統計期限自202311日起至20231231日止。"),
            *traditional_sections(
                table2_2021(t2_2021(), ERYOU_2023),
                table3(labels=ERYOU_2023),
                table4(labels=ERYOU_2023),
            ),
        ),
    ),
    Portal(
        "http://www.mayang.gov.cn/mayang/c120650/202101/4aa94750889643c1834098d55e7cfd89.shtml",
        "麻阳苗族自治县兰村乡人民政府2020年政府信息公开工作年度报告",
        "2019",
        # 湖南, a township: both heads of the first block cut to 本年新; an
        # empty layout column after table 2's cells; the change column filled
        # where the previous year's count is 0 (行政许可 0 5 0, 其他对外管理服务
        # 事项 0 173 0, 行政处罚 0 10 0, 行政强制 0 8 0).  Cut after table 2
        # (zeros).
        sections(
            with_empty_column(
                table2_2019(
                    t2_2019(
                        行政许可=("0", "5", "0"),
                        其他对外管理服务事项=("0", "173", "0"),
                        行政处罚=("0", "10", "0"),
                        行政强制=("0", "8", "0"),
                    ),
                    CUT_TO_NEW,
                ),
                first=False,
            ),
            table3(edition="2019"),
            table4(),
        ),
    ),
    Portal(
        "https://www.longchang.gov.cn/lcs/xzjd1/202002/0eda8479b02540149412226368b44f8b.shtml",
        "2019年黄家镇政府信息公开工作年度报告",
        "2019",
        # 四川, a town of 隆昌: heads cut to 本年新; two empty layout columns
        # after table 2's cells; 规范性文件 1 1 25.  Cut at the (八) caption
        # (zeros).
        sections(
            with_empty_column(
                with_empty_column(
                    table2_2019(t2_2019(规范性文件=("1", "1", "25")), CUT_TO_NEW), first=False
                ),
                first=False,
            ),
            table3(edition="2019"),
            table4(),
        ),
    ),
    Portal(
        "http://www.tianmen.gov.cn/zwgk/zfxxgkgz/zfxxgknb/zfnbhz/hsz/202001/t20200114_2007762.shtml",
        "胡市镇人民政府2019年政府信息公开工作年度报告",
        "2019",
        # 湖北, a town of 天门: the province's notes after the heads and the
        # normative documents' label, in half-width brackets; 规章 blank;
        # 规范性文件 2 0 83; 行政许可 71 -11 0.  Cut in the label of 其他对外
        # 管理服务事项 (its note, "(指行政许可以…", past the stored text:
        # printed here without it), and zeros to the end.
        sections(
            table2_2019(
                t2_2019(
                    规章=("", "", ""),
                    规范性文件=("2", "0", "83"),
                    行政许可=("71", "-11", "0"),
                ),
                HUSHI_NOTES,
            ),
            table3(edition="2019"),
            table4(),
        ),
    ),
    Portal(
        "https://www.rs.gov.cn/info/4516/112291.htm",
        "钟祥镇2019年度政府信息公开工作年度报告",
        "2019",
        # 四川, a town of 仁寿: the first block's heads with a space (本年新
        # 制作数量); its figures in words too (the page's sentence, kept).
        # Cut at the second head (zeros).
        (
            paragraphs(
                "2019年度，我镇在县人民政府外网主动公开政府信息数13条"
                "（其中：乡镇动态11条，财政预算决算2条）。"
            ),
            *sections(table2_2019(t2_2019(), SPACED_NEW), table3(edition="2019"), table4()),
        ),
    ),
    Portal(
        "https://www.pingli.gov.cn/Content-2361064.html",
        "平利县正阳镇2021年度政府信息公开工作年度报告",
        "2019",
        # 陕西, a town of 平利: a report of 2021 still in the 2019 layout (its
        # edition told by the tables, not the year); its count in words too
        # (the page's sentence, kept).  Zeros as far as seen (cut at the (五)
        # heads), and so to the end.
        (
            paragraphs("2021年度，共公开政府信息15条，在县政府网站发布工作动态38条。"),
            *sections(table2_2019(t2_2019()), table3(edition="2019"), table4()),
        ),
    ),
    Portal(
        "http://www.kaihua.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=11330824753996260L"
        "&fbtime=2020",
        "林山乡2020年政府信息公开工作年度报告",
        "2019",
        # 浙江, a township of 开化: the first two captions say 第二十一条; the
        # change column marked "/" in every block; 规范性文件 1 1 1;
        # 政府集中采购 15 29.0506, with a note under the table (the page's
        # sentence, kept); table 3's second row 上年转结, its organisations'
        # columns "/" (cut at (二), and so to the end).
        sections(
            table2_2019(
                t2_2019(
                    规范性文件=("1", "1", "1"),
                    行政许可=("0", "/", "0"),
                    其他对外管理服务事项=("0", "/", "0"),
                    行政处罚=("0", "/", "0"),
                    行政强制=("0", "/", "0"),
                    行政事业性收费=("0", "/"),
                    政府集中采购=("15", "29.0506"),
                ),
                LINSHAN,
            ),
            table3(
                {"二、上年结转政府信息公开申请数量": ("/", "/", "/", "/", "/", "/", "0")},
                LINSHAN,
                edition="2019",
                default=SLASHED,
            ),
            table4(),
            head3=paragraphs(
                "注：政府集中采购数量和总金额为2020年数据。",
                "三、收到和处理政府信息公开申请情况",
            ),
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


def test_the_labels_are_the_pages() -> None:
    # The rebuilt labels say what the pages print (a check of the test's own
    # replacements, not of the importer).
    assert ERYOU_2020["规章"] == "規(guī)章"
    assert ERYOU_2020[NOTE].startswith("（本列數(shù)據(jù)的勾稽")
    assert ERYOU_2020["商业企业"] == "商業(yè)企業(yè)"


# -- a report of 2015 found whole: statistics in words only ---------------


#: Each page's sections as printed (its figures and wording kept, the longer
#: paragraphs of general words shortened), by the address it was seen on.
IN_WORDS = {
    # 浙江, a county bureau of 永嘉, 2015: its figures by kind in one sentence.
    "https://www.yj.gov.cn/module/xxgk/xxgkAnnualReport.jsp?fbtime=2015&area=001008003014021": (
        "永嘉县统计局2015年政府信息公开工作年度报告",
        "<p>本年报中所列数据的统计期限自2015年1月1日起至2015年12月31日止。</p>"
        "<p>二、主动公开政府信息的情况</p><p>根据《条例》要求，本单位对应主动公开的政府"
        "信息进行了梳理和编目，2015年度共主动公开政府信息339条。其中，政务动态类信息112条，"
        "占33.04%；统计信息146条，占43.07%；其它类信息81条，占23.89%。</p>"
        "<p>三、依申请公开政府信息和不予公开政府信息的情况</p><p>本单位2015年未收到政府"
        "信息公开申请。</p><p>四、政府信息公开的收费及减免情况</p><p>2015年度，本单位没有"
        "向依申请公开对象收取复印、传真、递送等任何费用，也无减免情况。</p>",
    ),
}


@pytest.mark.parametrize(("title", "body"), IN_WORDS.values(), ids=list(IN_WORDS))
def test_a_report_of_2015_in_words_gives_no_table_and_no_cell(title: str, body: str) -> None:
    imports_as_words_only(title, body)


# -- what the round found -------------------------------------------------------


def test_a_converters_readings_are_no_part_of_the_units_name() -> None:
    # 沅陵縣二酉苗族鄉(xiāng)人民政府2020年…: the converter's reading after 鄉
    # was read into the unit's name.
    year, unit = title_facts(_portal("71584.cn").title)
    assert (year, unit) == (2020, "沅陵縣二酉苗族鄉人民政府")
    result = import_portal(_portal("71584.cn"))
    assert result.report is not None
    assert result.report.unit.name == "沅陵縣二酉苗族鄉人民政府"
    # A title without a year, and brackets that are no reading, as before.
    assert title_facts("二酉苗族鄉(xiāng)人民政府政府信息公開工作年度報告")[1] == (
        "二酉苗族鄉人民政府"
    )
    assert title_facts("某县(区)人民政府2020年政府信息公开工作年度报告")[1] == "某县(区)人民政府"


@pytest.mark.parametrize(
    ("printed", "official"),
    [
        ("對外公開總數\n(shù)量", "对外公开总数量"),
        ("商業\n(yè)企\n業(yè)", "商业企业"),
        ("上一年項目數 (shù)量", "上一年项目数量"),
    ],
)
def test_a_reading_the_line_broke_from_its_character_is_still_a_reading(
    printed: str, official: str
) -> None:
    # 二酉苗族鄉 2020 printed on A5: a head's line broke between a character
    # and its reading (對外公開總數⏎(shù)量); the reading stayed in the label,
    # which matched no head, and its column's cells were placed by position
    # only, with doubt.
    assert label_key(printed) == label_key(official)
    # Latin letters in brackets that are no reading stay (no tone mark).
    assert label_key("附表\n(a)").words != label_key("附表").words
