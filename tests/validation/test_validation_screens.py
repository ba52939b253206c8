"""Screens: a rule that passes its screen is not run, and finds nothing anyway.

:func:`govdisclosure.validate` does not call a rule whose
:attr:`~govdisclosure.validation.rules.Rule.screen` passes the report.  Two
things must hold for that to lose nothing: the engine calls every rule whose
screen does not pass (or raises), in the same order as before; and a screen
passes only reports its rules find nothing in.  The arithmetic rules' screen
(:func:`~govdisclosure.validation.arithmetic.passes`) is held to the
reference evaluator, which evaluates every equation one by one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_validation_reference import VARIANTS, changed

import govdisclosure as gd
from govdisclosure import Report2021, ReportingUnit
from govdisclosure.check import check, validate
from govdisclosure.editions import Report
from govdisclosure.testing import consistent_reports
from govdisclosure.testing.reference import reference_findings
from govdisclosure.validation import Context, Finding, Rule
from govdisclosure.validation.arithmetic import arithmetic_rules, passes
from locations import EXAMPLES

REPORT = Report2021(unit=ReportingUnit(name="测试单位"), year=2024)


def _rule(rule_id: str, calls: list[str], screen: Callable[[Report], bool] | None = None) -> Rule:
    """A rule that records its calls and finds one notice on ``$``."""

    def found(report: Report, context: Context) -> Iterable[Finding]:
        calls.append(rule_id)
        return [
            Finding(rule=rule_id, severity="notice", path="$", message_id="rule.crashed", params={})
        ]

    return Rule(
        id=rule_id,
        severity="notice",
        title=rule_id,
        description="",
        source="",
        basis="heuristic",
        check=found,
        screen=screen,
    )


def _boom(report: Report) -> bool:
    raise RuntimeError("screen broke")


@pytest.mark.parametrize("container", [tuple, list])
def test_a_rule_whose_screen_passes_is_not_run(container: type) -> None:
    calls: list[str] = []
    rules = container(
        [
            _rule("a.kept", calls),
            _rule("b.screened", calls, screen=lambda report: True),
            _rule("c.failing", calls, screen=lambda report: False),
            _rule("d.broken", calls, screen=_boom),
        ]
    )
    found = validate(REPORT, rules=rules)
    assert calls == ["a.kept", "c.failing", "d.broken"]
    assert [f.rule for f in found] == ["a.kept", "c.failing", "d.broken"]
    # check() records outcomes, so it calls every rule.
    calls.clear()
    check(REPORT, rules=rules)
    assert calls == ["a.kept", "b.screened", "c.failing", "d.broken"]


def test_a_shared_screen_runs_once_and_releases_all_its_rules() -> None:
    calls: list[str] = []
    screened: list[Report] = []

    def screen(report: Report) -> bool:
        screened.append(report)
        return True

    rules = (_rule("a", calls, screen), _rule("b", calls, screen))
    assert validate(REPORT, rules=rules) == ()
    assert calls == []
    assert screened == [REPORT]


def test_the_arithmetic_rules_share_one_screen() -> None:
    assert {rule.screen for rule in arithmetic_rules()} == {passes}


@pytest.mark.parametrize(("edition", "single", "template"), VARIANTS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), blanks=st.booleans())
def test_a_report_that_passes_has_no_arithmetic_finding(
    edition: str, single: bool, template: str, data: st.DataObject, blanks: bool
) -> None:
    base = data.draw(
        consistent_reports(
            edition, single_other_handling=single, template=template, blanks=blanks, max_count=200
        )
    )
    report = data.draw(st.one_of(st.just(base), changed(base)))
    if passes(report):
        assert reference_findings(report, "missing") == ()
        assert reference_findings(report, "zero") == ()


@pytest.mark.parametrize(("edition", "single", "template"), VARIANTS)
@settings(max_examples=15, deadline=None)
@given(data=st.data())
def test_a_consistent_report_without_blanks_passes(
    edition: str, single: bool, template: str, data: st.DataObject
) -> None:
    """The screen is not vacuous: reports whose relations all hold pass it."""
    report = data.draw(
        consistent_reports(edition, single_other_handling=single, template=template, blanks=False)
    )
    if reference_findings(report, "missing") == ():
        assert passes(report)


def test_a_blank_cell_does_not_pass() -> None:
    report = gd.load(EXAMPLES / "huaian-2024.json")  # every cell a number, all relations hold
    assert isinstance(report, Report2021)
    table4 = report.table4
    blanked = attrs.evolve(
        report,
        table4=attrs.evolve(
            table4, reconsideration=attrs.evolve(table4.reconsideration, total=None)
        ),
    )
    assert passes(report)
    assert not passes(blanked)
    assert validate(blanked, rules=arithmetic_rules()) == reference_findings(blanked)
    assert validate(blanked, rules=arithmetic_rules())  # the relation is a notice
