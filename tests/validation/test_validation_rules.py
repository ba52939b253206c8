"""The hand-written rules: deadlines, completeness, continuity, narrative guards;
the engine (ordering, crashing rules, plugin rules) and findings' messages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from types import SimpleNamespace

import attrs
import pytest

from govdisclosure import Report2019, Report2021, ReportingUnit, Section, UnitKind
from govdisclosure.check import validate
from govdisclosure.editions import EDITIONS, Report
from govdisclosure.editions.applications import ApplicantRow, OtherHandling2021
from govdisclosure.plugin.builtin import core_rules
from govdisclosure.plugin.manager import get_plugin_manager, rules
from govdisclosure.plugin.specs import hookimpl
from govdisclosure.report_base import ReportDates
from govdisclosure.validation import Context, Finding, Label, Rule
from govdisclosure.validation.deadlines import deadline_for

UNIT = ReportingUnit(name="某市人民政府", region_code="320800")
DEPT = ReportingUnit(name="某市生态环境局", kind=UnitKind.DEPARTMENT)
SECTIONS = tuple(
    Section(heading=h, paragraphs=("无。",)) for h in EDITIONS["2021"].section_headings
)


def only(findings: tuple[Finding, ...], prefix: str) -> list[Finding]:
    return [f for f in findings if f.rule.startswith(prefix)]


# -- deadlines -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "unit", "deadline"),
    [
        (2024, UNIT, dt.date(2025, 3, 31)),
        (2024, DEPT, dt.date(2025, 1, 31)),
        (2019, DEPT, dt.date(2020, 1, 31)),
        (2018, DEPT, dt.date(2019, 3, 31)),
        (2008, UNIT, dt.date(2009, 3, 31)),
    ],
)
def test_deadline_by_regulation_and_kind(year: int, unit: ReportingUnit, deadline: dt.date) -> None:
    report = Report2021(unit=unit, year=year)
    found = deadline_for(report)
    assert found is not None and found[0] == deadline


def test_no_deadline_before_the_2007_regulation() -> None:
    assert deadline_for(Report2021(unit=UNIT, year=2007)) is None


def test_department_published_on_1_february_is_late() -> None:
    dates = ReportDates(written=dt.date(2025, 1, 31), published=dt.date(2025, 2, 1))
    findings = validate(Report2021(unit=DEPT, year=2024, dates=dates, sections=SECTIONS))
    (late,) = only(findings, "deadline.")
    assert (late.rule, late.severity, late.path) == (
        "deadline.published",
        "warning",
        "$.dates.published",
    )
    assert "2025-01-31" in late.message("en")


def test_government_on_31_march_is_on_time() -> None:
    dates = ReportDates(written=dt.date(2025, 3, 31), published=dt.date(2025, 3, 31))
    findings = validate(Report2021(unit=UNIT, year=2024, dates=dates, sections=SECTIONS))
    assert only(findings, "deadline.") == []


def test_date_before_the_period_ends_is_an_error() -> None:
    dates = ReportDates(written=dt.date(2024, 2, 20), filled=dt.date(2024, 12, 31))
    findings = validate(Report2021(unit=UNIT, year=2024, dates=dates, sections=SECTIONS))
    (early,) = only(findings, "dates.")
    assert (early.severity, early.path) == ("error", "$.dates.written")


# -- completeness ----------------------------------------------------------------


def test_sections_matched_loosely() -> None:
    headings = (
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、因政府信息公开申请行政复议、提起行政诉讼的情况",
        "五、存在问题及改进情况",
        "六、其他需要报告的事项",
    )
    sections = tuple(Section(heading=h, paragraphs=("……",)) for h in headings)
    assert (
        only(
            validate(Report2021(unit=UNIT, year=2024, sections=sections)),
            "completeness",
        )
        == []
    )


def test_missing_and_empty_sections() -> None:
    sections = (
        Section(heading="一、总体情况", paragraphs=("……",)),
        Section(heading="五、政府信息公开工作存在的主要问题及改进情况"),
        Section(heading="六、其他需要报告的事项", paragraphs=("无。",)),
    )
    findings = validate(Report2019(unit=UNIT, year=2020, sections=sections))
    missing = only(findings, "completeness.section-missing")
    assert len(missing) == 3  # 二, 三, 四: no heading and no table
    assert all(f.severity == "error" for f in missing)
    (empty,) = only(findings, "completeness.section-empty")
    assert (empty.severity, empty.path) == ("warning", "$.sections[1]")
    assert any("二、主动公开政府信息情况" in f.message("zh_Hans_CN") for f in missing)


def test_a_filled_table_stands_for_its_section() -> None:
    report = Report2021(
        unit=UNIT, year=2024, sections=tuple((SECTIONS[0], SECTIONS[4], SECTIONS[5]))
    )
    table4 = attrs.evolve(
        report.table4,
        reconsideration=attrs.evolve(
            report.table4.reconsideration, upheld=0, corrected=0, other=0, pending=0, total=0
        ),
    )
    findings = validate(attrs.evolve(report, table4=table4))
    messages = [f.message("zh_Hans_CN") for f in only(findings, "completeness.section-missing")]
    assert len(messages) == 2
    assert not any("四、" in m for m in messages)


def test_legacy_needs_some_narrative() -> None:
    from govdisclosure.editions.legacy import ReportLegacy, StatisticsTable

    bare = ReportLegacy(unit=UNIT, year=2012, statistics=StatisticsTable(template="fujian-2011"))
    (finding,) = only(validate(bare), "completeness")
    assert (finding.rule, finding.severity) == ("completeness.section-missing", "warning")
    told = attrs.evolve(bare, preamble=("本报告……",))
    assert only(validate(told), "completeness") == []


def _with_unpaid_fee(sixth: tuple[str, ...]) -> Report2021:
    sections = (
        *SECTIONS[:5],
        Section(heading="六、其他需要报告的事项", paragraphs=tuple(sixth)),
    )
    report = Report2021(unit=UNIT, year=2024, sections=sections)
    other = report.table3.results.other_handling
    assert isinstance(other, OtherHandling2021)  # the 2021 edition's （六）其他处理 breakdown
    fee = ApplicantRow(natural_person=2, total=2)
    results = attrs.evolve(
        report.table3.results, other_handling=attrs.evolve(other, unpaid_fee=fee)
    )
    return attrs.evolve(report, table3=attrs.evolve(report.table3, results=results))


def test_fee_statement_required_when_fees_went_unpaid() -> None:
    (finding,) = only(validate(_with_unpaid_fee(("无。",))), "completeness.fee-statement")
    assert (finding.severity, finding.path, finding.actual) == ("warning", "$.sections[5]", 2)
    assert "$.table3.results.other_handling.unpaid_fee.total" in finding.involves
    for text in ("全年收取政府信息公开信息处理费 3940 元。", "发出收费通知2件，实际收取0元。"):
        assert only(validate(_with_unpaid_fee((text,))), "completeness.fee-statement") == []


def test_fee_statement_not_asked_of_the_single_row_layout() -> None:
    report = Report2021(unit=UNIT, year=2024, sections=SECTIONS)
    results = attrs.evolve(
        report.table3.results, other_handling=ApplicantRow(natural_person=2, total=2)
    )
    report = attrs.evolve(report, table3=attrs.evolve(report.table3, results=results))
    assert only(validate(report), "completeness.fee-statement") == []


# -- continuity ------------------------------------------------------------------


def _applications(report: Report2021, over: int, forward: int) -> Report2021:
    t3 = report.table3
    return attrs.evolve(
        report,
        table3=attrs.evolve(
            t3,
            carried_over=attrs.evolve(t3.carried_over, natural_person=over),
            carried_forward=attrs.evolve(t3.carried_forward, natural_person=forward),
        ),
    )


def test_carried_over_continues_last_years_carried_forward() -> None:
    last = _applications(Report2021(unit=UNIT, year=2023, sections=SECTIONS), 0, 5)
    this = _applications(Report2021(unit=UNIT, year=2024, sections=SECTIONS), 5, 0)
    assert only(validate(this, previous=last), "continuity") == []
    wrong = _applications(this, 4, 0)
    (finding,) = only(validate(wrong, previous=last), "continuity")
    assert finding.rule == "continuity.carried-over"
    assert finding.path == "$.table3.carried_over.natural_person"
    assert (finding.severity, finding.expected, finding.actual) == ("warning", 5, 4)


def test_carried_over_across_the_2019_and_2021_formats() -> None:
    last = Report2019(unit=UNIT, year=2020, sections=SECTIONS)
    last = attrs.evolve(
        last,
        table3=attrs.evolve(
            last.table3, carried_forward=attrs.evolve(last.table3.carried_forward, total=7)
        ),
    )
    this = Report2021(unit=UNIT, year=2021, sections=SECTIONS)
    this = attrs.evolve(
        this,
        table3=attrs.evolve(
            this.table3, carried_over=attrs.evolve(this.table3.carried_over, total=6)
        ),
    )
    (finding,) = only(validate(this, previous=last, blank="zero"), "continuity")
    assert (finding.path, finding.expected, finding.actual) == ("$.table3.carried_over.total", 7, 6)


def test_in_force_continues_last_years() -> None:
    def with_rules(year: int, issued: int, repealed: int, in_force: int) -> Report2021:
        r = Report2021(unit=UNIT, year=year, sections=SECTIONS)
        row = attrs.evolve(r.table2.rules, issued=issued, repealed=repealed, in_force=in_force)
        return attrs.evolve(r, table2=attrs.evolve(r.table2, rules=row))

    last = with_rules(2023, 1, 0, 10)
    assert only(validate(with_rules(2024, 3, 1, 12), previous=last), "continuity.in-force") == []
    (finding,) = only(validate(with_rules(2024, 3, 1, 13), previous=last), "continuity.in-force")
    assert (finding.path, finding.expected, finding.actual) == ("$.table2.rules.in_force", 12, 13)


def test_previous_for_the_wrong_year_is_not_compared() -> None:
    last = _applications(Report2021(unit=UNIT, year=2022, sections=SECTIONS), 0, 5)
    this = _applications(Report2021(unit=UNIT, year=2024, sections=SECTIONS), 1, 0)
    (finding,) = only(validate(this, previous=last), "continuity")
    assert (finding.rule, finding.path) == ("continuity.not-checked", "$.year")
    assert "2022" in finding.message("en")


# -- engine, findings, plugins ---------------------------------------------------


def test_blank_policy_is_checked() -> None:
    with pytest.raises(ValueError, match="blank"):
        validate(Report2021(unit=UNIT, year=2024), blank="maybe")  # type: ignore[arg-type]


def test_core_rule_ids_are_unique_and_registered_through_the_hook() -> None:
    ids = [r.id for r in core_rules()]
    assert len(ids) == len(set(ids))
    assert set(ids) <= {r.id for r in rules()}
    assert {
        "table3.balance",
        "table3.row-total",
        "table3.results-total",
        "table4.group-total",
        "legacy.sum",
        "legacy.of-which",
        "legacy.channel",
        "legacy.channels",
        "deadline.written",
        "deadline.published",
        "dates.before-period-end",
        "completeness.section-missing",
        "completeness.section-empty",
        "completeness.fee-statement",
        "continuity.carried-over",
        "continuity.in-force",
        "continuity.cumulative",
        "narrative.applications",
        "narrative.reconsideration",
        "narrative.proactive",
    } <= set(ids)


def _raise(report: Report, context: Context) -> Iterator[Finding]:
    raise RuntimeError("boom")


def test_a_crashing_rule_becomes_an_error_finding() -> None:
    bad = Rule(
        id="test.crash",
        severity="warning",
        title="Crash",
        description="",
        source="",
        basis="heuristic",
        check=_raise,
    )
    findings = validate(Report2021(unit=UNIT, year=2024), rules=[bad])
    (finding,) = findings
    assert (finding.rule, finding.severity, finding.path) == ("test.crash", "error", "$")
    assert "RuntimeError: boom" in finding.message("en")


def _province_check(report: Report, context: Context) -> Iterator[Finding]:
    if report.unit.region_code is None:
        yield Finding(
            rule="example.region-code",
            severity="warning",
            path="$.unit.region_code",
            message_id="The unit has no region code",
        )


def test_a_plugin_rule_runs_with_the_core_rules() -> None:
    rule = Rule(
        id="example.region-code",
        severity="warning",
        title="Region code",
        description="Every unit should carry its GB/T 2260 code.",
        source="A province's own practice",
        basis="practitioner",
        check=_province_check,
    )
    plugin = SimpleNamespace(govdisclosure_rules=hookimpl(lambda: [rule]))
    pm = get_plugin_manager()
    pm.register(plugin, name="test-validation-plugin")
    try:
        findings = validate(Report2021(unit=ReportingUnit(name="某县"), year=2024))
        (finding,) = [f for f in findings if f.rule == "example.region-code"]
        assert finding.message("en") == "The unit has no region code"
    finally:
        pm.unregister(name="test-validation-plugin")
    assert not [
        f for f in validate(Report2021(unit=UNIT, year=2024)) if f.rule.startswith("example.")
    ]


def test_finding_messages_in_both_locales() -> None:
    finding = Finding(
        rule="table4.group-total",
        severity="error",
        path="$.table4.reconsideration.total",
        expected=3,
        actual=2,
        message_id="arithmetic.sum",
        params={"cell": Label(("行政复议", "总计"))},
    )
    en = finding.message("en")
    zh = finding.message("zh_Hans_CN")
    assert "2" in en and "3" in en and en != zh
    assert "行政复议" in zh
    assert finding.to_dict("en")["message"] == en
    assert finding.to_dict()["expected"] == 3
