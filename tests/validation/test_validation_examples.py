"""The validator on real published reports (examples/, from shared data/reports).

Each report's transcription lists its known inconsistencies under
"Consistency checks"; each is found here at the right path, and nothing
else is called an error.
"""

from __future__ import annotations

import attrs
import pytest

from govdisclosure import load
from govdisclosure.check import validate
from govdisclosure.editions import Report
from govdisclosure.editions.legacy import ReportLegacy
from govdisclosure.validation import Finding
from locations import EXAMPLES


def example(name: str) -> Report:
    return load(EXAMPLES / name)


def errors(findings: tuple[Finding, ...]) -> list[Finding]:
    return [f for f in findings if f.severity == "error"]


def test_huaian_2024_is_clean() -> None:
    """淮安 2024: every relation holds, and the text agrees with the tables."""
    assert validate(example("huaian-2024.json")) == ()
    assert validate(example("huaian-2024.json"), blank="zero") == ()


def test_hongze_2024_text_says_17_applications_table_95() -> None:
    findings = validate(example("hongze-2024.json"))
    assert errors(findings) == []
    (finding,) = findings
    assert finding.rule == "narrative.applications"
    assert finding.severity == "warning"
    assert finding.path == "$.table3.new_applications.total"
    assert (finding.expected, finding.actual) == (17, 95)
    assert "受理政府信息公开申请 17 件" in finding.message("zh_Hans_CN")
    assert "$.table3.new_applications.total" in finding.involves


def test_hongze_single_other_handling_row_is_checked_as_printed() -> None:
    """The 2021 layout with one （六） row: its relations hold, so nothing arithmetic."""
    findings = validate(example("hongze-2024.json"))
    assert not [f for f in findings if f.rule.startswith(("table3.", "table4."))]


def test_pingtanxian_2012_proactive_total_fails_in_both_columns() -> None:
    """主动公开 2026 ≠ 网站 1795 + 公报 0; 历年累计 3542 ≠ 3304 + 7 (both off by 231)."""
    findings = validate(example("pingtanxian-2012.json"))
    found = {(f.rule, f.path, f.expected, f.actual) for f in errors(findings)}
    assert found == {
        ("legacy.sum", "$.statistics.rows['1'].year", 1795, 2026),
        ("legacy.sum", "$.statistics.rows['1'].cumulative", 3311, 3542),
    }
    year = next(f for f in findings if f.path.endswith(".year"))
    assert year.involves == (
        "$.statistics.rows['1'].year",
        "$.statistics.rows['1.1'].year",
        "$.statistics.rows['1.2'].year",
    )


def test_pingtanxian_2012_sub_unit_sentences_are_not_totals() -> None:
    """ "县直各单位主动公开政府信息2475条" is a breakdown, not the total 2026."""
    findings = validate(example("pingtanxian-2012.json"))
    assert not [f for f in findings if f.rule.startswith("narrative.")]


def test_pingtan_2011_to_2012_cumulative_chain_holds() -> None:
    """历年累计 1516 + 2026 = 3542, 1509 + 1795 = 3304, 7 + 0 = 7: no continuity finding."""
    findings = validate(example("pingtanxian-2012.json"), previous=example("pingtanxian-2011.json"))
    assert not [f for f in findings if f.rule.startswith("continuity.")]


def test_pingtan_cumulative_break_is_a_warning() -> None:
    report = example("pingtanxian-2012.json")
    assert isinstance(report, ReportLegacy)
    rows = {code: dict(cells) for code, cells in report.statistics.rows.items()}
    rows["2"]["cumulative"] = 25  # 0 + 21 = 21 expected
    broken = attrs.evolve(report, statistics=attrs.evolve(report.statistics, rows=rows))
    findings = validate(broken, previous=example("pingtanxian-2011.json"))
    (finding,) = [f for f in findings if f.rule == "continuity.cumulative"]
    assert finding.severity == "warning"
    assert finding.path == "$.statistics.rows['2'].cumulative"
    assert (finding.expected, finding.actual) == (21, 25)


def test_previous_report_of_another_unit_is_not_compared() -> None:
    """平潭综合实验区 is not 平潭县: continuity is not checked, and that is said."""
    findings = validate(example("pingtanxian-2012.json"), previous=example("pingtan-2011.json"))
    (finding,) = [f for f in findings if f.rule.startswith("continuity.")]
    assert finding.rule == "continuity.not-checked"
    assert finding.severity == "warning"


@pytest.mark.parametrize("name", ["pingtan-2011.json", "pingtanxian-2011.json"])
def test_pingtan_2011_tables_hold(name: str) -> None:
    findings = validate(example(name))
    assert errors(findings) == []
    assert not [f for f in findings if f.rule.startswith("legacy.")]


def test_shanghai_2019_blanks_are_notices_under_missing() -> None:
    findings = validate(example("shanghai-szfbgt-2019.json"))
    assert errors(findings) == []
    arithmetic = [f for f in findings if f.rule.startswith(("table3.", "table4."))]
    assert arithmetic and {f.severity for f in arithmetic} == {"notice"}
    # 横向总计 not checkable: 总计 blank on 11 rows that have applicant cells.
    row_totals = {f.path for f in arithmetic if f.rule == "table3.row-total"}
    for row in (
        "results.disclosed",
        "results.partly_disclosed",
        "results.not_disclosed.state_secret",
        "results.not_disclosed.internal_affairs",
        "results.not_disclosed.process_information",
        "results.not_disclosed.administrative_inquiry",
        "results.unable_to_provide.not_held",
        "results.unable_to_provide.needs_new_making",
        "results.unable_to_provide.still_unclear",
        "results.not_processed.petition_or_complaint",
        "results.not_processed.repeated",
    ):
        assert f"$.table3.{row}.total" in row_totals
    # Rows left wholly blank state nothing, so they are not reported.
    assert "$.table3.results.other_handling.total" not in row_totals
    # 收办平衡 holds where the columns are filled: 859 + 18 = 805 + 72, 821 + 18 = 767 + 72.
    balance = {f.path for f in findings if f.rule == "table3.balance"}
    assert "$.table3.new_applications.total" not in balance
    assert "$.table3.new_applications.natural_person" not in balance


def test_shanghai_2019_text_differs_from_table() -> None:
    """Text 258 予以公开及部分公开 vs table 275; text 265 无法提供 vs table 337."""
    for blank in ("missing", "zero"):
        findings = validate(example("shanghai-szfbgt-2019.json"), blank=blank)
        narrative = {
            (f.path, f.expected, f.actual) for f in findings if f.rule == "narrative.results"
        }
        assert narrative == {
            ("$.table3.results.disclosed.total", 258, 275),
            ("$.table3.results.unable_to_provide.not_held.total", 265, 337),
        }, blank
        # The other figures agree: 不予公开 35, 不予处理 158, 申请 859, 复议 7, 诉讼 9.
        assert not [
            f for f in findings if f.rule.startswith("narrative.") and f.rule != "narrative.results"
        ]
    disclosed = next(
        f
        for f in validate(example("shanghai-szfbgt-2019.json"))
        if f.path == "$.table3.results.disclosed.total" and f.rule == "narrative.results"
    )
    assert "予以公开及部分公开258件" in disclosed.message("en")


def test_shanghai_2019_read_with_blanks_as_zero() -> None:
    """Blanks as zeros: the blank 总计 cells contradict their rows, and （七）总计 805
    contradicts the (blank) result totals; no notices remain."""
    findings = validate(example("shanghai-szfbgt-2019.json"), blank="zero")
    assert not [f for f in findings if f.severity == "notice"]
    found = {(f.rule, f.path) for f in errors(findings)}
    assert ("table3.row-total", "$.table3.results.disclosed.total") in found
    assert ("table3.row-total", "$.table3.results.unable_to_provide.not_held.total") in found
    assert ("table3.results-total", "$.table3.results.total.total") in found
    assert len([r for r, _ in found if r == "table3.row-total"]) == 11
    assert {r for r, _ in found} == {"table3.row-total", "table3.results-total"}
    total = next(f for f in findings if f.path == "$.table3.results.total.total")
    assert (total.expected, total.actual) == (0, 805)


def test_yuxi_2017_seed_passes() -> None:
    """The seed: no error; its channels add up exactly, so legacy.channels is silent."""
    findings = validate(example("yuxi-2017.json"))
    assert errors(findings) == []
    assert not [f for f in findings if f.rule.startswith("legacy.channel")]
    # Relations over rows the text does not state are notices, not failures.
    assert {f.severity for f in findings if f.rule.startswith("legacy.")} <= {"notice"}


def _yuxi_with(code: str, value: int) -> Report:
    report = example("yuxi-2017.json")
    assert isinstance(report, ReportLegacy)
    rows = {c: dict(cells) for c, cells in report.statistics.rows.items()}
    rows[code]["value"] = value
    return attrs.evolve(report, statistics=attrs.evolve(report.statistics, rows=rows))


def test_yuxi_channels_short_of_the_total_are_a_notice() -> None:
    findings = validate(_yuxi_with("1.3.5", 104000))  # channels now 118 short of 218972
    (finding,) = [f for f in findings if f.rule == "legacy.channels"]
    assert finding.severity == "notice"
    assert finding.path == "$.statistics.rows['1.1'].value"
    assert (finding.expected, finding.actual) == (218972 - 118, 218972)
    assert errors(findings) == []


def test_yuxi_channels_above_the_total_are_allowed() -> None:
    """An item on several channels counts once: channels may add up to more."""
    findings = validate(_yuxi_with("1.3.1", 182))
    assert not [f for f in findings if f.rule.startswith("legacy.channel")]


def test_yuxi_of_which_above_its_parent_is_an_error() -> None:
    findings = validate(_yuxi_with("1.1.1", 300000))
    (finding,) = errors(findings)
    assert (finding.rule, finding.path) == ("legacy.of-which", "$.statistics.rows['1.1'].value")
    assert (finding.actual, finding.expected) == (218972, 300000)
    assert "$.statistics.rows['1.1.1'].value" in finding.involves
    assert finding.message("en").index("300000") < finding.message("en").index("218972")


@pytest.mark.parametrize(
    "name",
    sorted(p.name for p in (EXAMPLES / "consolidation").glob("*.json")),
)
def test_made_up_consolidation_units_have_no_errors(name: str) -> None:
    findings = validate(load(EXAMPLES / "consolidation" / name))
    assert errors(findings) == []
