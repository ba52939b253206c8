"""A consolidated report without narrative yet: one warning, not an error per section.

``consolidate`` without ``narrative=`` (CLI: without ``--narrative``) makes a
report with parts and no text at all, by design; validating it must not
break "consolidating reports that pass validation gives a report that
passes validation".
"""

from __future__ import annotations

import json
from pathlib import Path

import attrs
from click.testing import CliRunner
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import govdisclosure as gd
from govdisclosure import Report2021, ReportingUnit, Section
from govdisclosure.aggregate import consolidate
from govdisclosure.check import validate
from govdisclosure.cli import cli
from govdisclosure.testing.strategies import report_families
from govdisclosure.validation import BlankPolicy, Finding
from locations import EXAMPLES

QINGHE = [str(p) for p in sorted((EXAMPLES / "consolidation").glob("*.json"))]
CITY = "清河市人民政府"
UNIT = ReportingUnit(name="某市人民政府", region_code="320800")


def completeness(findings: tuple[Finding, ...]) -> list[Finding]:
    return [
        f
        for f in findings
        if f.rule in ("completeness.section-missing", "completeness.section-empty")
    ]


def _consolidated() -> gd.Report:
    return consolidate([gd.load(p) for p in QINGHE], CITY)


def test_consolidated_without_narrative_gets_one_warning() -> None:
    report = _consolidated()
    assert report.parts and not report.sections and not report.preamble
    (finding,) = completeness(validate(report))
    assert (finding.rule, finding.severity) == ("completeness.section-missing", "warning")
    assert finding.message_id == "completeness.consolidated-no-narrative"
    assert finding.path == "$.sections"
    assert "--narrative" in finding.message("en")
    assert "汇总报告尚无正文" in finding.message()
    assert not [f for f in validate(report) if f.severity == "error"]


def test_consolidated_with_some_sections_gets_the_per_section_findings() -> None:
    report = attrs.evolve(
        _consolidated(), sections=(Section(heading="一、总体情况", paragraphs=("……",)),)
    )
    missing = [
        f for f in completeness(validate(report)) if f.rule == "completeness.section-missing"
    ]
    # 二–四 are the filled tables; 五 and 六 are missing
    assert [f.severity for f in missing] == ["error", "error"]
    assert all(f.message_id == "completeness.section-missing" for f in missing)


def test_consolidated_with_only_a_preamble_gets_the_per_section_findings() -> None:
    report = attrs.evolve(_consolidated(), preamble=("本报告由……汇总。",))
    missing = completeness(validate(report))
    assert [(f.severity, f.message_id) for f in missing] == [
        ("error", "completeness.section-missing")
    ] * 3


def test_own_report_without_narrative_still_gets_errors() -> None:
    """No parts: a unit's own report with no text is missing its sections."""
    missing = completeness(validate(Report2021(unit=UNIT, year=2024)))
    assert len(missing) == 6
    assert {f.severity for f in missing} == {"error"}


def test_legacy_consolidated_without_narrative_gets_the_consolidated_warning() -> None:
    child = gd.load(str(EXAMPLES / "pingtanxian-2011.json"))
    total = consolidate([child], "平潭综合实验区管委会")
    (finding,) = completeness(validate(total))
    assert (finding.severity, finding.message_id) == (
        "warning",
        "completeness.consolidated-no-narrative",
    )


def test_cli_consolidate_then_validate_exits_0(tmp_path: Path) -> None:
    out = tmp_path / "city.json"
    runner = CliRunner()
    made = runner.invoke(cli, ["consolidate", *QINGHE, "--unit", CITY, "-o", str(out)])
    assert made.exit_code == 0, made.output
    checked = runner.invoke(cli, ["validate", str(out)])
    assert checked.exit_code == 0, checked.output
    as_json = runner.invoke(cli, ["validate", "--format", "json", "-l", "en", str(out)])
    assert as_json.exit_code == 0
    rules = [(f["rule"], f["severity"]) for f in json.loads(as_json.stdout)["findings"]]
    # One warning, as the docs promise: the fee statement (清河's （六）2 is
    # not zero) waits until there is a section 六 to read.
    assert rules == [("completeness.section-missing", "warning")]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["2021", "2019", "legacy"]), st.data())
def test_consolidating_valid_reports_without_narrative_gives_no_error(
    edition: str, data: st.DataObject
) -> None:
    """The promise of aggregation.md, without ``narrative=`` as the CLI does by default."""
    blanks = data.draw(st.booleans())
    reports = data.draw(report_families(edition, min_size=1, max_size=4, blanks=blanks))
    policy: BlankPolicy = "zero" if blanks else "missing"
    for report in reports:
        assume(not any(f.severity == "error" for f in validate(report, blank=policy)))
    total = consolidate(reports, "汇总单位")
    findings = validate(total, blank=policy)
    assert [f for f in findings if f.severity == "error"] == []
    assert [f.message_id for f in completeness(findings)] == [
        "completeness.consolidated-no-narrative"
    ]
