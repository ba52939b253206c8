"""Reports of other portals, round eight: more provinces, levels and years.

Each portal below is a real report seen on the web (its address in ``url``),
rebuilt cell by cell with the official merges (:mod:`portal_layouts`), keeping
the portal's own labels, marks, blank cells, rows and columns added or left
out, and its figures as printed.  Where the stored copy of a page stops before
the end of its tables, the rest is printed as the official rows with zeros
(said per portal).  The short paragraphs are our own words, but for a sentence
a portal printed that the test is about (said where it is).

Each import is compared with what the page printed, cell by cell: every
printed figure exact, nothing invented, the edition right, and every figure
not placed reported.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from govdisclosure_html.narrative import title_facts
from portal_layouts import (
    Cell,
    Portal,
    Row,
    host,
    import_portal,
    imports_as_printed,
    paragraphs,
    table2_2019,
    table2_2021,
    table3,
    table4,
)
from test_other_portals_round5 import (
    TWO_LINES,
    sections,
    split,
    t2_2019,
    t2_2021,
    with_empty_column,
)
from test_other_portals_round6 import TRADITIONAL, traditional_sections
from test_other_portals_round7 import CUT_TO_NEW, NEW_ON_TWO_LINES, TRADITIONAL_2019

#: A copy site's readings after traditional characters, as the 临渭 copy below
#: prints them: 項(xiàng), 數(shù), 對(duì), 處(chǔ), 務(wù), 強(qiáng), 費(fèi) ….
READINGS = {
    "項": "xiàng",
    "數": "shù",
    "規": "guī",
    "對": "duì",
    "內": "nèi",
    "處": "chǔ",
    "務": "wù",
    "強": "qiáng",
    "業": "yè",
    "費": "fèi",
}


def with_readings(text: str) -> str:
    """``text`` with each character of :data:`READINGS` followed by its reading."""
    return "".join(f"{c}({READINGS[c]})" if c in READINGS else c for c in text)


#: The 2019 table 2's labels in traditional characters with their readings.
ANNOTATED_2019 = {k: with_readings(v) for k, v in TRADITIONAL_2019.items()}
#: 2021 heads cut to their first line, "本年" over "新制作数量".
NEW_AFTER_TWO = {
    "本年新制作数量": split("本年新制作数量", 2),
    "本年新公开数量": split("本年新公开数量", 2),
}
#: Every figure cell of table 3 (or 4) printed "/".
SLASHES = ("/",) * 7


def with_empty_row(rows: list[Row], width: int) -> list[Row]:
    """An empty row of ``width`` cells printed after the table's last row."""
    return [*rows, [Cell("") for _ in range(width)]]


PORTALS: list[Portal] = [
    Portal(
        "http://www.weishan.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=113708260043292687&fbtime=2020",
        "两城镇人民政府2020年政府信息公开工作年度报告",
        "2019",
        # 山东, a town: both heads of the first block cut to 本年新; an empty
        # cell after every row; every figure 0 as far as seen (table 3 to its
        # row 二, then zeros).
        sections(
            with_empty_column(table2_2019(t2_2019(), CUT_TO_NEW), first=False),
            table3(edition="2019"),
            table4(),
        ),
    ),
    Portal(
        "http://www.china-zibo.gov.cn/gongkai/site_gxqzbz/channel_6076a26b1887a377796bb38b/"
        "doc_60960f3fc91eeb7249ff41c5.html",
        "中埠镇人民政府2020年政府信息公开工作年度报告",
        "2019",
        # 山东, a town: the 2019 tables as the format, zeros to the fee (then
        # zeros); the period printed with the year miswritten (the page's own
        # sentence, kept): "…自2020年1月1日起至202020年12月31日止".
        (
            paragraphs("本报告中所列数据的统计期限自2020年1月1日起至202020年12月31日止。"),
            *sections(table2_2019(t2_2019()), table3(edition="2019"), table4()),
        ),
    ),
    Portal(
        "http://www.sjzqx.gov.cn/columns/841725bf-e99b-41f7-826a-121bc6b18a93/202202/09/"
        "c9aa51fa-a7ef-4c85-9d43-8874fc10b890.html",
        "石家庄市桥西区中山街道办事处2021年政府信息公开工作年度报告",
        "2021",
        # 河北, a street office: 规范性文件 (the 2019 label) in the 2021
        # table; 行政许可 2910, 行政处罚 46, a fee of 0.092 (万元); an empty
        # cell after every row and an empty row after the table; table 3 cut at
        # its heads (zeros).
        sections(
            with_empty_row(
                with_empty_column(
                    table2_2021(
                        t2_2021(行政许可=("2910",), 行政处罚=("46",), 行政事业性收费=("0.092",)),
                        {"行政规范性文件": "规范性文件"},
                    ),
                    first=False,
                ),
                5,
            ),
            table3(),
            table4(),
        ),
    ),
    Portal(
        "https://www.tjbc.gov.cn/zwgk/zfxxgk/xxgk_zjyq/zjyq_xxgk_jrlj/xxgk_zfxgknb_jrlj/202201/"
        "t20220123_5786521.html",
        "佳荣里街2021年政府信息公开工作年度报告",
        "2021",
        # 天津, a street: as the format, zeros as far as seen (cut at the fee).
        sections(table2_2021(t2_2021()), table3(), table4()),
    ),
    Portal(
        "http://www.dongtou.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=001008003006056&fbtime=2021",
        "2021年北岙街道办事处信息公开年报",
        "2021",
        # 浙江, a street office: the head cut to 现行有效件; 行政规范性文件 3 0
        # 3; table 3's heads 商业⏎企业, 科研⏎机构; cut at its heads (zeros).
        sections(
            table2_2021(t2_2021(行政规范性文件=("3", "0", "3")), {"现行有效件数": "现行有效件"}),
            table3(labels=TWO_LINES),
            table4(),
        ),
    ),
    Portal(
        "https://www.suibin.gov.cn/suibinxianrenminzhengfu/cbcc5c9e6bb44ed8af5cd0785606f554/"
        "202501/67436.shtml",
        "2024年连生乡人民政府政府信息公开工作情况报告",
        "2021",
        # 黑龙江, a township, 2024: as the format, zeros as far as seen (cut at
        # the 第二十条第（五）项 caption).
        sections(table2_2021(t2_2021()), table3(), table4()),
    ),
    Portal(
        "http://www.wanyuan.gov.cn/xxgk-show-107879.html",
        "万源市玉带乡2024年政府信息公开工作年度报告",
        "2021",
        # 四川, a township, 2024: "规 章" (a space inside the label); 0 0 0;
        # cut at the next row (zeros).
        sections(table2_2021(t2_2021(), {"规章": "规 章"}), table3(), table4()),
    ),
    Portal(
        "https://www.rs.gov.cn/info/4497/112117.htm",
        "仁寿县发展和改革局2020年度政府信息公开工作年度报告",
        "2019",
        # 四川, a county bureau: heads 本年新 制作数量, 本年新 公开数量 (a space);
        # 规章 and 规范性文件 0 0 0; cut at the (五) block's heads (zeros).
        sections(
            table2_2019(
                t2_2019(),
                {
                    "本年新制作数量": split("本年新制作数量", 3, " "),
                    "本年新公开数量": split("本年新公开数量", 3, " "),
                },
            ),
            table3(edition="2019"),
            table4(),
        ),
    ),
    Portal(
        "https://www.zhanjiang.gov.cn/zjsfw/bmdh/dfz/zwgk/xxgkndbg/content/post_1871569.html",
        "湛江市人民政府地方志办公室2023年政府信息公开工作年度报告",
        "2021",
        # 广东, a city office: as the format, zeros; table 3's heads "商业 企业",
        # "科研 机构" (a space); zeros to （一）予以公开, then zeros.
        sections(
            table2_2021(t2_2021()),
            table3(labels={"商业企业": "商业 企业", "科研机构": "科研 机构"}),
            table4(),
        ),
    ),
    Portal(
        "http://www.lufengshi.gov.cn/swlufeng/zwgk/zfxxgkndbg/content/post_794769.html",
        "河东镇2021年度政府信息公开工作年度报告",
        "2021",
        # 广东, a town: 行政许可 " 47", 行政处罚 " 51", 行政强制 " 0" (a space
        # before each); table 3's heads 商业⏎企业, 科研⏎机构.  Its rows 一, 二 and
        # （一） print five figures each in the stored text, which does not say
        # which two of the seven cells are empty: zeros here, as for a cut copy.
        sections(
            table2_2021(t2_2021(行政许可=(" 47",), 行政处罚=(" 51",), 行政强制=(" 0",))),
            table3(labels=TWO_LINES),
            table4(),
        ),
    ),
    Portal(
        "https://swj.xlgl.gov.cn/swj/zfxxgk/zfxxgknb/2022100915074684945/index.html",
        "锡盟商务局2021年政府信息公开工作报告",
        "2021",
        # 内蒙古, a league's bureau: 行政规范性文件 1 0 0 (one issued this year,
        # none in force: the publisher's figures); 行政许可 27; 行政处罚 printed
        # after a run of spaces; cut at table 3's heads (zeros).
        sections(
            table2_2021(
                t2_2021(
                    行政规范性文件=("1", "0", "0"),
                    行政许可=("27",),
                    行政处罚=("                             0",),
                )
            ),
            table3(),
            table4(),
        ),
    ),
    Portal(
        "http://www.zhaoshibango.com.cn/fl/zwgk_29799/zfxxgknb_29808/202002/t20200224_5421847.html",
        "福祿鎮2019年政府信息公開工作年度報告",
        "2019",
        # A copy in traditional characters of a town's 2019 report: both heads
        # of the first block cut to 本年新; 規章 with a note ("(全區機關均無制定
        # 規章的權限)"); an empty cell after every row; 行政許可 0 +10 0;
        # 其他對外管理服務事項 0 +62 137; cut there (zeros after).
        traditional_sections(
            with_empty_column(
                table2_2019(
                    t2_2019(
                        行政许可=("0", "+10", "0"),
                        其他对外管理服务事项=("0", "+62", "137"),
                    ),
                    {**TRADITIONAL_2019, **CUT_TO_NEW, "规章": "規章 (全區機關均無制定規章的權限)"},
                ),
                first=False,
            ),
            table3(labels=TRADITIONAL, edition="2019"),
            table4(labels=TRADITIONAL),
        ),
    ),
    Portal(
        "https://ht.sanya.gov.cn/htqsite/xxgknb/202401/40df6b78343445ff816fb8d433c9dd04.shtml",
        "三亚市海棠区人民政府办公室2023年政府信息公开工作年度报告",
        "2021",
        # 海南, a district's office: heads "本年 制发件数", "本年 废止件数" (a
        # space); 规章 0 0 0; cut at the next row (zeros).
        sections(
            table2_2021(
                t2_2021(), {"本年制发件数": "本年 制发件数", "本年废止件数": "本年 废止件数"}
            ),
            table3(),
            table4(),
        ),
    ),
    Portal(
        "https://baisha.hainan.gov.cn/baisha/zfxxgkzl/gknb/202403/t20240329_3633461.html",
        "白沙黎族自治县人民政府2023年政府信息公开工作年度报告",
        "2021",
        # 海南, a county government: 规章 0 0 and its 现行有效件数 blank;
        # 规范性文件 (the 2019 label) 15 0 57; cut at the (五) block (zeros).
        sections(
            table2_2021(
                t2_2021(规章=("0", "0", ""), 行政规范性文件=("15", "0", "57")),
                {"行政规范性文件": "规范性文件"},
            ),
            table3(),
            table4(),
        ),
    ),
    Portal(
        "http://www.yanliang.gov.cn/xxgk/bmxxgknb/6007a108f8fd1c2073eb9006.html",
        "西安市阎良区文化旅游局2020年度政府信息公开工作年度报告",
        "2019",
        # 陕西, a district bureau: 本年新⏎制作数量; the change column's head cut
        # to "本年增/"; 规章 0 1 2 (a district bureau makes no rules: the
        # publisher's figures); 规范性文件 2 1 1; 行政许可 14 +3 17;
        # 其他对外管理服务事项 139 -14 125; 行政处罚 4 -4 0; procurement 2
        # "592万元"; table 3 not seen (zeros).
        sections(
            table2_2019(
                t2_2019(
                    规章=("0", "1", "2"),
                    规范性文件=("2", "1", "1"),
                    行政许可=("14", "+3", "17"),
                    其他对外管理服务事项=("139", "-14", "125"),
                    行政处罚=("4", "-4", "0"),
                    政府集中采购=("2", Cell("592万元", value=Decimal("592"))),
                ),
                {**NEW_ON_TWO_LINES, "本年增/减": "本年增/"},
            ),
            table3(edition="2019"),
            table4(),
        ),
    ),
    Portal(
        "http://www.gaoling.gov.cn/zwgk/zfxxgknb/jbbmnb/61e26d0ef8fd1c0bdc7a23eb.html",
        "西安市高陵区行政审批服务局2021年政府信息公开工作年度报告",
        "2021",
        # 陕西, a district bureau: "/" in every figure cell but 行政许可 11839;
        # table 3's heads 商业⏎企业, 科研⏎机构 and "/" in every cell as far as
        # seen (to 8.属于行政查询事项), and so to the end, table 4 too.
        sections(
            table2_2021(
                t2_2021(
                    规章=("/", "/", "/"),
                    行政规范性文件=("/", "/", "/"),
                    行政许可=("11839",),
                    行政处罚=("/",),
                    行政强制=("/",),
                    行政事业性收费=("/",),
                )
            ),
            table3(labels=TWO_LINES, default=SLASHES),
            table4(("/",) * 15),
        ),
    ),
    Portal(
        "http://wap.yancheng.gov.cn/art/2023/1/13/art_33704_3953455.html",
        "盐城市行政审批局政府信息公开工作2022年度情况的报告",
        "2021",
        # 江苏, a city bureau: the first head cut to "本年" (本年制发件数), the
        # second "本年 废止件数"; 规范性文件 (the 2019 label) 6 1 11; 行政许可
        # 6410; section 三 headed 依申请公开政府信息办理情况; cut after table
        # 3's note (zeros).
        sections(
            table2_2021(
                t2_2021(行政规范性文件=("6", "1", "11"), 行政许可=("6410",)),
                {
                    "本年制发件数": "本年",
                    "本年废止件数": "本年 废止件数",
                    "行政规范性文件": "规范性文件",
                },
            ),
            table3(),
            table4(),
            head3=paragraphs("三、依申请公开政府信息办理情况"),
        ),
    ),
    Portal(
        "http://b2b-partner.com/zfxxgk/zfxxgknb/gbm/1628687985656496130.html",
        "2020年政府信息公開工作年度報告",
        "2019",
        # A copy in traditional characters, with readings, of a 临渭区 bureau's
        # page: both heads of the first block cut to 本年新; an empty cell after
        # every row; 行政許可 0 +81 5423; cut after the fee (zeros).
        traditional_sections(
            with_empty_column(
                table2_2019(
                    t2_2019(行政许可=("0", "+81", "5423")),
                    {**ANNOTATED_2019, **CUT_TO_NEW},
                ),
                first=False,
            ),
            table3(labels=TRADITIONAL, edition="2019"),
            table4(labels=TRADITIONAL),
        ),
    ),
    Portal(
        "http://www.sxfx.gov.cn/col13287/col13384/col17372/202101/t20210125_345713.html",
        "宝鸡市凤县人民政府2020年度政府信息公开工作年度报告",
        "2019",
        # 陕西, a county government: 规范性文件 2 2 9; cut at the (五) block.
        sections(
            table2_2019(t2_2019(规范性文件=("2", "2", "9"))),
            table3(edition="2019"),
            table4(),
        ),
    ),
    Portal(
        "http://www.yanta.gov.cn/xxgk/qzfxxgkml/zfxxgknb/bmxxgknb/5fffe247f8fd1c59665bed07.html",
        "西安市雁塔区投资合作局2020年政府信息公开工作年度报告",
        "2019",
        # 陕西, a district bureau: heads 本年⏎新制作数量, 本年⏎新公开数量; zeros
        # throughout as far as seen (table 3 to 5.属于三类内部事务信息).
        sections(table2_2019(t2_2019(), NEW_AFTER_TWO), table3(edition="2019"), table4()),
    ),
]


_host = host
_import = import_portal


@pytest.mark.parametrize("portal", PORTALS, ids=_host)
def test_the_portal_imports_as_printed(portal: Portal) -> None:
    imports_as_printed(portal)


def test_hosts_are_distinct() -> None:
    assert len({_host(p) for p in PORTALS}) == len(PORTALS) >= 20


#: Words of a report's name, never of the unit that made it.
REPORT_WORDS = re.compile(r"信息公[开開]|政务公[开開]|报告|報告|年报|年報|关于|關於")


@pytest.mark.parametrize("portal", PORTALS, ids=_host)
def test_the_unit_is_read_without_the_reports_name(portal: Portal) -> None:
    # The unit is the title's words before the year, or after it up to the
    # report's name: 盐城市行政审批局政府信息公开工作2022年度情况的报告 and
    # 2024年连生乡人民政府政府信息公开工作情况报告 read as the unit
    # "盐城市行政审批局政府信息公开工作" and the whole rest of the title before.
    report = _import(portal).report
    assert report is not None
    assert not REPORT_WORDS.search(report.unit.name), report.unit.name


@pytest.mark.parametrize(
    ("title", "facts"),
    [
        # Round eight's titles: the report's name before the year, a name
        # worded 情况报告, a title in traditional characters naming no unit.
        ("盐城市行政审批局政府信息公开工作2022年度情况的报告", (2022, "盐城市行政审批局")),
        ("2024年连生乡人民政府政府信息公开工作情况报告", (2024, "连生乡人民政府")),
        ("2020年政府信息公開工作年度報告", (2020, None)),
        # Rounds five and seven: 关于 before the year.
        ("宁强县自然资源局关于2021年度政府信息公开情况的报告", (2021, "宁强县自然资源局")),
        (
            "二道区房屋征收工作管理办公室关于2022年度政府信息公开情况的报告",
            (2022, "二道区房屋征收工作管理办公室"),
        ),
        # A government whose name ends in 政府 before 信息公开 (our example).
        ("2020年某县人民政府信息公开工作年度报告", (2020, "某县人民政府")),
        ("2020年某县人民政府政府信息公开工作年度报告", (2020, "某县人民政府")),
        # Read as before.
        ("平潭综合实验区2023年度政府信息公开工作年度报告", (2023, "平潭综合实验区")),
        ("2019年上海市人民政府办公厅政府信息公开工作年度报告", (2019, "上海市人民政府办公厅")),
        ("2021年北岙街道办事处信息公开年报", (2021, "北岙街道办事处")),
        ("锡盟商务局2021年政府信息公开工作报告", (2021, "锡盟商务局")),
        ("福祿鎮2019年政府信息公開工作年度報告", (2019, "福祿鎮")),
        ("2019年政府信息公开工作年度报告", (2019, None)),
    ],
)
def test_a_titles_year_and_unit(title: str, facts: tuple[int, str | None]) -> None:
    assert title_facts(title) == facts


def _with_period(sentence: str) -> Portal:
    zibo = next(p for p in PORTALS if _host(p) == "china-zibo.gov.cn")
    return Portal(zibo.url, zibo.title, zibo.edition, (paragraphs(sentence), *zibo.parts[1:]))


def test_a_period_printed_with_a_misprinted_year_is_reported_not_guessed() -> None:
    # 中埠镇 2020 prints "…统计期限自2020年1月1日起至202020年12月31日止".
    # Before, the period was left unknown and nothing said why.
    result = _import(
        _with_period("本报告中所列数据的统计期限自2020年1月1日起至202020年12月31日止。")
    )
    assert result.report is not None and result.report.period is None
    (problem,) = (p for p in result.problems if p.code == "period-unreadable")
    assert problem.severity == "warning"
    assert "202020年12月31日" in problem.message("en")
    assert "202020年12月31日" in problem.message("zh_Hans_CN")


@pytest.mark.parametrize(
    "sentence",
    [
        "本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。",
        "本报告所列数据统计期限为2020年1月1日至12月31日。",
        "本报告所列数据的统计期限自至。",
        "本年度共公开信息20条。",
    ],
)
def test_a_period_read_or_not_stated_is_no_problem(sentence: str) -> None:
    result = _import(_with_period(sentence))
    assert "period-unreadable" not in {p.code for p in result.problems}
