"""legacy.cumulative: a running-total column (历年累计) is never below this year's.

The relation comes from the template's column roles (``cumulative``), so
these tests also change the template's keys to show that nothing is tied to
``year`` / ``cumulative``.
"""

from __future__ import annotations

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govdisclosure as gd
from govdisclosure.cells import is_number
from govdisclosure.check import validate
from govdisclosure.editions.legacy import ReportLegacy, StatisticsTemplate, TemplateColumn
from govdisclosure.paths import json_path
from govdisclosure.plugin.builtin import core_rules
from govdisclosure.relations import legacy_equations, report_equations
from govdisclosure.testing.strategies import consistent_reports
from govdisclosure.validation.arithmetic import arithmetic_rules
from legacy_reports import legacy_example, with_cell

RULE = next(r for r in core_rules() if r.id == "legacy.cumulative")
FAST = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def test_rule_is_registered_as_a_structural_error_for_legacy_only() -> None:
    assert RULE.severity == "error"
    assert RULE.basis == "structural"
    assert RULE.editions == frozenset({"legacy"})
    assert RULE in arithmetic_rules()


def test_one_relation_per_value_row_of_a_template_with_a_running_total() -> None:
    fujian = gd.find_template("fujian-2011")
    eqs = [eq for eq in legacy_equations(fujian) if eq.rule == "legacy.cumulative"]
    assert len(eqs) == len(fujian.value_rows) == 17
    assert all(eq.kind == "at_most" and eq.basis == "structural" for eq in eqs)
    assert eqs[0].total == (("statistics", "rows", "1", "cumulative"),)
    assert eqs[0].parts == (("statistics", "rows", "1", "year"),)


def test_no_relation_without_a_running_total_column() -> None:
    national = gd.find_template("national-2016")
    assert not [eq for eq in legacy_equations(national) if eq.rule == "legacy.cumulative"]


def test_roles_come_from_the_template_not_from_the_keys() -> None:
    """Columns renamed and reordered: the running total is still the one marked so."""
    fujian = gd.find_template("fujian-2011")
    columns = (
        TemplateColumn(key="total_so_far", label="历年累计", cumulative=True),
        TemplateColumn(key="this", label="本年度"),
    )
    renamed: StatisticsTemplate = attrs.evolve(fujian, columns=columns)
    eqs = [eq for eq in legacy_equations(renamed) if eq.rule == "legacy.cumulative"]
    assert len(eqs) == 17
    assert {eq.total[0][-1] for eq in eqs} == {"total_so_far"}
    assert {eq.parts[0][-1] for eq in eqs} == {"this"}


def test_year_above_running_total_is_an_error() -> None:
    """The review's case: pingtanxian-2011 with 行政复议数 本年度 1, 历年累计 0."""
    report = with_cell(
        with_cell(legacy_example("pingtanxian-2011.json"), "4", "year", 1), "4", "cumulative", 0
    )
    (finding,) = [f for f in validate(report) if f.rule == "legacy.cumulative"]
    assert finding.severity == "error"
    assert finding.path == "$.statistics.rows['4'].cumulative"
    assert finding.involves == (
        "$.statistics.rows['4'].cumulative",
        "$.statistics.rows['4'].year",
    )
    assert (finding.actual, finding.expected) == (0, 1)
    assert "历年累计" in finding.message() and "本年度" in finding.message()
    assert "Cumulative over the years" in finding.message("en")
    assert "Administrative reconsideration cases" in finding.message("en")


def test_equal_year_and_running_total_pass() -> None:
    """The first year of a running total: both columns the same."""
    report = with_cell(
        with_cell(legacy_example("pingtanxian-2011.json"), "4", "year", 3), "4", "cumulative", 3
    )
    assert not [f for f in validate(report) if f.rule == "legacy.cumulative"]


def test_blank_running_total_beside_a_filled_year_is_a_notice() -> None:
    rows = dict(legacy_example("pingtanxian-2011.json").statistics.rows)
    rows["5"] = {**rows["5"], "cumulative": None}
    base = legacy_example("pingtanxian-2011.json")
    report = attrs.evolve(base, statistics=attrs.evolve(base.statistics, rows=rows))
    (finding,) = [f for f in validate(report) if f.rule == "legacy.cumulative"]
    assert finding.severity == "notice"
    assert finding.message_id == "relation.not-checkable"


def test_real_fujian_reports_hold() -> None:
    for name in ("pingtan-2011.json", "pingtanxian-2011.json", "pingtanxian-2012.json"):
        assert not [f for f in validate(legacy_example(name)) if f.rule == "legacy.cumulative"], (
            name
        )


@FAST
@given(
    st.one_of(
        consistent_reports("legacy", template="fujian-2011"),
        consistent_reports("legacy", template="fujian-2011", blanks=True),
    )
)
def test_consistent_reports_pass(report: gd.Report) -> None:
    for blank in ("missing", "zero"):
        findings = validate(report, rules=[RULE], blank=blank)
        assert [f for f in findings if f.severity != "notice"] == []


@FAST
@given(consistent_reports("legacy", template="fujian-2011"), st.data())
def test_raising_a_year_above_its_running_total_is_found(
    report: gd.Report, data: st.DataObject
) -> None:
    assert isinstance(report, ReportLegacy)
    eqs = [eq for eq in report_equations(report) if eq.rule == "legacy.cumulative"]
    eq = data.draw(st.sampled_from(eqs))
    (_, _, code, cum_key) = eq.total[0]
    year_key = eq.parts[0][-1]
    running = report.statistics.value(str(code), str(cum_key))
    assert is_number(running)
    bad = with_cell(report, str(code), str(year_key), int(running) + 1)
    findings = [f for f in validate(bad, rules=[RULE]) if f.severity == "error"]
    assert [f.path for f in findings] == [json_path(eq.total[0])]
