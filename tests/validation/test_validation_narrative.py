"""Counts stated in the narrative, read in both orders with the real measure words.

Every sentence here is copied from a real published report (the folder or
file of the reference material, ``data/reports/`` or ``data/html/``, is
named beside it) or from the examples, which are transcriptions of those
reports.  The expected readings were checked by eye against the sentence;
the comparisons with the tables are checked on the example reports, whose
known discrepancies are listed in the reports' consistency-check sections.
"""

from __future__ import annotations

import attrs
import pytest

import govdisclosure as gd
from govdisclosure import Report2019, Report2021, ReportingUnit, Section
from govdisclosure.editions import Report
from govdisclosure.editions.legacy import ReportLegacy, StatisticsTable
from govdisclosure.testing.reference import reference_rules
from govdisclosure.validation.narrative import MEASURE_WORDS, noun_of, statements
from govdisclosure.validation.narrative_rules import narrative_rules
from locations import EXAMPLES

NARRATIVE = narrative_rules()
UNIT = ReportingUnit(name="测试单位")


def with_text(edition: str, text: str) -> Report:
    section = (Section(heading="一、总体情况", paragraphs=(text,)),)
    if edition == "2021":
        return Report2021(unit=UNIT, year=2023, sections=section)
    if edition == "2019":
        return Report2019(unit=UNIT, year=2019, sections=section)
    return ReportLegacy(
        unit=UNIT,
        year=2013,
        sections=section,
        statistics=StatisticsTable(template="fujian-2011"),
    )


def read(edition: str, text: str) -> list[tuple[str, int]]:
    return [
        (s.rule.removeprefix("narrative."), s.number) for s in statements(with_text(edition, text))
    ]


def test_nouns_come_from_the_official_labels() -> None:
    assert noun_of("一、本年新收政府信息公开申请数量") == "申请"
    assert noun_of("（二）部分公开（区分处理的，只计这一情形，不计其他情形）") == "部分公开"
    assert noun_of("（四）无法提供") == "无法提供"
    assert noun_of("行政复议数") == "行政复议"
    assert noun_of("收到申请数") == "申请"
    assert set(MEASURE_WORDS) >= {"件", "份", "条", "起", "次", "个"}


# -- readings of real sentences --------------------------------------------------------

#: (edition, sentence, where it was published, what the checks read)
SENTENCES = [
    # The number before the noun, 份 as the measure word (the sentence of issue 11).
    ("2021", "收到1份有关政府信息公开行政复议申请。", "issue 11", [("reconsideration", 1)]),
    (
        "2021",
        "2024 年，全市共受理政府信息公开申请 3119 件，答复 3050 件（含上年度结转申请 34 件，另有 "
        "103 件顺延到下年度答复），均在法定期限内予以答复。政府信息公开行政复议 351件，其中结果维持 "
        "72 件，结果纠正 64 件，其他结果 178 件，尚未审结 37 件；政府信息公开行政诉讼 46 件，其中"
        "结果维持 25件，结果纠正 5 件，其他结果 9 件，尚未审结 7 件。",
        "reports/04_huaian_2024.md",
        [("applications", 3119), ("reconsideration", 351), ("litigation", 46)],
    ),
    (
        "2019",
        "市政府办公厅代表市政府共受理政府信息公开申请859件，申请数量较去年回落12.3%；答复政府信息公开"
        "申请805件（含上年度结转申请18件，另有72件申请按照《条例》顺延到下年度答复），均在法定期限内予以"
        "答复。予以公开及部分公开258件，占33.9%；不予公开35件，占4.34%；因本机关不掌握等原因无法提供"
        "265件，占32.9%；不予处理158件，占19.6%；其他处理0件。信息公开类行政复议7件，诉讼9件，均获维持。",
        "reports/01_shanghai_szfbgt_2019.md",
        [
            ("applications", 859),
            ("reconsideration", 7),
            ("litigation", 9),
            ("results", 258),
            ("results", 35),
            ("results", 265),
            ("results", 158),
            ("results", 0),
        ],
    ),
    (
        "2021",
        "2023年全区接收通过邮寄、网络提交的各类政府信息公开申请共计81件，涉及自然人80件、商业企业1件。"
        "办结依申请公开81件，其中：予以公开及部分公开42件，占51.85%；不予公开5件，占6.17%；无法提供"
        "31件，占38.27%；不予处理1件，占1.23%；其他处理2件，占2.47%；因政府信息公开引起的行政复议案件"
        "2件、行政诉讼案件7件。",
        "html/2023_central-zhsyq_87885",
        [
            ("applications", 81),
            ("reconsideration", 2),
            ("litigation", 7),
            ("results", 42),
            ("results", 5),
            ("results", 31),
            ("results", 1),
            ("results", 2),
        ],
    ),
    (
        "2021",
        "2025年，全区共收到政府信息公开申请154件，共办结148件，结转至2026年6件。全年办理因政府信息公开"
        "申请引发的行政复议36起，行政诉讼9起。",
        "html/2025_central-zhsyq_105587",
        [("applications", 154), ("reconsideration", 36), ("litigation", 9)],
    ),
    (
        "2021",
        "本年度收到依申请公开事项0项。金井片区管理局根据实际情况制作并发布政府信息公开指南。",
        "html/2021_jjp-jinjing-pianqu_80601 (项 counts matters, not applications)",
        [],
    ),
    (
        "legacy",
        "2012年全县共收到有关政府信息公开的申请21条，其中当面申请数18条，电子邮件申请数3条；对依申请公开"
        "的答复总数21条，其中同意公开答复数17条，其它公开答复数2条，免于公开答复数2条；未收到有关政府信息"
        "公开行政复议申请。",
        "reports/11_pingtanxian_2012.md",
        [("applications", 21), ("reconsideration", 0)],
    ),
    (
        "legacy",
        "2011年全区未收到有关政府信息公开的申请，未收到有关政府信息公开行政复议申请。",
        "reports/08_pingtan_2011.md",
        [("applications", 0), ("reconsideration", 0)],
    ),
    (
        "legacy",
        "2013年，我局收到以有关政府信息公开行政复议0件。今年我局共受理审批事项117件，办结171件。"
        "2013年新增主动公开政府信息45条。",
        "html/2013_central-dishuiju_80774",
        [("reconsideration", 0), ("proactive", 45)],
    ),
    (
        "legacy",
        "2009年1月1日至2009年12月31日，本局共主动公开政府信息15条，其中全文电子化达100%。",
        "html/2009_gaj-gonganju_80645",
        [("proactive", 15)],
    ),
    (
        "legacy",
        "我局2015年主动公开政府信息239条。今年在我局网站新增“安全生产”1个栏目。",
        "html/2015_jtj-jiaojianju_80446",
        [("proactive", 239)],
    ),
]


@pytest.mark.parametrize(("edition", "sentence", "source", "expected"), SENTENCES)
def test_real_sentences_are_read(
    edition: str, sentence: str, source: str, expected: list[tuple[str, int]]
) -> None:
    assert sorted(read(edition, sentence)) == sorted(expected), source


@pytest.mark.parametrize(
    "sentence",
    [
        "共受理3件政府信息公开申请。",  # number first, 件
        "收到政府信息公开申请3份。",  # noun first, 份
        "接到政府信息公开申请3起。",
        "受理申请 3 个。",
    ],
)
def test_both_orders_and_the_measure_words(sentence: str) -> None:
    assert read("2021", sentence) == [("applications", 3)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("行政复议案件减少5件。", []),
        ("政府信息公开行政复议 351件，增加了 5 件。", [("reconsideration", 351)]),
        ("行政复议案件下降5件，行政诉讼46件。", [("litigation", 46)]),
        ("收到政府信息公开申请增长 12 件。", []),
        ("共受理政府信息公开申请3件，较上年增加1件。", [("applications", 3)]),
    ],
)
def test_a_change_in_words_is_no_count(sentence: str, expected: list[tuple[str, int]]) -> None:
    # "减少5件" says by how much, not how many.  Before: read as 5
    # reconsiderations, and a warning that the text disagrees with table 4.
    assert read("2021", sentence) == expected


def test_a_change_in_words_raises_no_finding_against_the_tables() -> None:
    """The rules themselves (the compiled evaluation), not only ``statements``:
    "减少5件" against 3 reconsiderations in table 4 is no disagreement."""
    report = with_text("2021", "行政复议案件减少5件。")
    assert isinstance(report, Report2021)
    group = attrs.evolve(report.table4.reconsideration, total=3)
    report = attrs.evolve(report, table4=attrs.evolve(report.table4, reconsideration=group))
    assert not gd.validate(report, rules=NARRATIVE)
    assert gd.validate(report) == gd.validate(report, rules=reference_rules())


# -- compared with the tables ----------------------------------------------------------


def _reconsideration(total: int) -> Report2021:
    report = with_text("2021", "本年度收到1份有关政府信息公开行政复议申请。")
    assert isinstance(report, Report2021)
    group = attrs.evolve(report.table4.reconsideration, total=total)
    return attrs.evolve(report, table4=attrs.evolve(report.table4, reconsideration=group))


def test_the_number_first_sentence_is_checked_against_table_4() -> None:
    assert not gd.validate(_reconsideration(1), rules=NARRATIVE)
    (finding,) = gd.validate(_reconsideration(0), rules=NARRATIVE)
    assert (finding.rule, finding.expected, finding.actual) == ("narrative.reconsideration", 1, 0)
    assert finding.path == "$.table4.reconsideration.total"


#: Narrative findings of every example (the transcriptions of data/reports).
EXPECTED = {
    # reports/04_huaian_2024.md: the clean control, narrative and tables agree.
    "huaian-2024.json": [],
    # reports/06_hongze_2024.md: "受理政府信息公开申请 17 件", table 3 本年新收 95.
    "hongze-2024.json": [("narrative.applications", "$.table3.new_applications.total", 17, 95)],
    # reports/01_shanghai_szfbgt_2019.md: 258 against 275, 265 against 337 (lower bounds:
    # 总计 left blank).
    "shanghai-szfbgt-2019.json": [
        ("narrative.results", "$.table3.results.disclosed.total", 258, 275),
        ("narrative.results", "$.table3.results.unable_to_provide.not_held.total", 265, 337),
    ],
    # reports/08, 09, 11 (平潭 2011, 2012): the stated counts match the tables.
    "pingtan-2011.json": [],
    "pingtanxian-2011.json": [],
    "pingtanxian-2012.json": [],
    "yuxi-2017.json": [],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_examples_give_the_known_discrepancies_and_no_others(name: str) -> None:
    report = gd.load(EXAMPLES / name)
    found = [(f.rule, f.path, f.expected, f.actual) for f in gd.validate(report, rules=NARRATIVE)]
    assert found == EXPECTED[name]
