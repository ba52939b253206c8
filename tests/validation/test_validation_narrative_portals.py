"""The narrative rules on sentences of reports of other portals.

Each sentence keeps the structure of a sentence of a real published report
(the page is named beside it; the unit's name is left out where it does not
matter).  Each test is a false finding (or a missed statement) the rules gave
on that report before, with the table the report printed or, where the
report's table agrees with its text, with a table that would not: the
reading must not depend on the table agreeing.
"""

from __future__ import annotations

import attrs
from test_validation_narrative import read, with_text

import govdisclosure as gd
from govdisclosure import Report2021
from govdisclosure.editions.applications import ApplicantRow
from govdisclosure.validation.narrative_rules import narrative_rules

NARRATIVE = narrative_rules()


def _row(total: int) -> ApplicantRow:
    return ApplicantRow(natural_person=total, total=total)


def _with_results(text: str, disclosed: int, partly: int) -> Report2021:
    report = with_text("2021", text)
    assert isinstance(report, Report2021)
    results = attrs.evolve(
        report.table3.results, disclosed=_row(disclosed), partly_disclosed=_row(partly)
    )
    return attrs.evolve(report, table3=attrs.evolve(report.table3, results=results))


#: Seen on http://www.shpt.gov.cn/shpt/tjsj-tjsjzhzwqfbzfwj2021/20220725/847939.html
#: (上海普陀, the district's statistics of its applications): "其中同意公开或部分公开共81件".
EITHER_OR = (
    "全区各行政机关共受理政府信息公开申请267件。其中同意公开或部分公开共81件，公开率为30.80%。"
)


def test_two_results_joined_by_or_are_one_figure() -> None:
    # 或 joins two results into one figure as 及 and 、 do: the 81 is not a
    # count of 部分公开 alone.  Before: read as 部分公开 81, and a warning
    # against the table's 21.
    assert read("2021", EITHER_OR) == [("applications", 267)]
    report = _with_results(EITHER_OR, disclosed=60, partly=21)
    findings = [(f.rule, f.path) for f in gd.validate(report, rules=NARRATIVE)]
    assert ("narrative.results", "$.table3.results.partly_disclosed.total") not in findings


def test_disclosed_or_partly_disclosed_is_compared_with_their_sum() -> None:
    # The official wording joined by 或 is the compound figure, checked against （一）+（二）.
    text = "本年度予以公开或部分公开共81件。"
    assert read("2021", text) == [("results", 81)]
    assert not gd.validate(_with_results(text, disclosed=60, partly=21), rules=NARRATIVE)
    (finding,) = gd.validate(_with_results(text, disclosed=60, partly=20), rules=NARRATIVE)
    assert (finding.rule, finding.expected, finding.actual) == ("narrative.results", 81, 80)


#: Seen on https://www.zhanjiang.gov.cn/zjsfw/bmdh/dfz/zwgk/xxgkndbg/content/post_1871569.html
#: (湛江市人民政府地方志办公室 2023): "全年未收到行政许可申请；全年未接到信息公开申请".
PERMITS = "2023年，我办全年未收到行政许可申请；全年未接到信息公开申请；各栏目共刊发文稿44篇。"


def test_an_application_for_a_permit_is_no_disclosure_application() -> None:
    # An application for a permit (table 2's 行政许可) is not an application
    # for information.  Before: "未收到行政许可申请" was read as 0
    # applications, and a report that received some had a false warning.
    assert read("2021", PERMITS) == [("applications", 0)]
    assert read("2021", "政务服务窗口共受理行政许可申请1234件。") == []
    report = with_text("2021", "本年度受理行政许可申请1234件，受理政府信息公开申请3件。")
    assert isinstance(report, Report2021)
    table3 = attrs.evolve(report.table3, new_applications=_row(3))
    assert not gd.validate(attrs.evolve(report, table3=table3), rules=NARRATIVE)


#: Seen on http://www.zoucheng.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=11370883004326403Q&fbtime=2024
#: (邹城市太平镇 2024): "全年未收到因依申请公开答复而引起的行政复议和诉讼".
NONE_OF_BOTH = (
    "2024年度，我镇共收到来自公民、法人或者其他组织对依申请公开政府信息的申请2件，比去年增加1件，"
    "均按时完成答复。全年未收到因依申请公开答复而引起的行政复议和诉讼。"
)


def test_none_of_two_kinds_of_case_states_zero_of_each() -> None:
    # "未收到…行政复议和诉讼" says none of either.  Before: each was rejected
    # for naming the other, and a table 4 with cases went unreported.
    assert sorted(read("2021", NONE_OF_BOTH)) == [
        ("applications", 2),
        ("litigation", 0),
        ("reconsideration", 0),
    ]
    assert sorted(read("2021", "全年未发生政府信息公开行政诉讼、行政复议。")) == [
        ("litigation", 0),
        ("reconsideration", 0),
    ]
    # A case that follows from an application is still no application count,
    # and a reconsideration that led to a lawsuit is no lawsuit count.
    assert read("2021", "未收到因政府信息公开申请提起的行政复议。") == [("reconsideration", 0)]
    assert read("2021", "未发生经行政复议后提起的行政诉讼。") == []
