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

import datetime as dt
from collections.abc import Callable, Iterable
from contextlib import nullcontext

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_validation_reference import VARIANTS, changed

import govdisclosure as gd
from govdisclosure import Report2021, ReportingUnit
from govdisclosure.cells import NotApplicable
from govdisclosure.check import check, validate
from govdisclosure.editions import EDITIONS, Report
from govdisclosure.plugin.builtin import core_rules
from govdisclosure.report_base import Period, ReportDates, UnitKind
from govdisclosure.testing import consistent_reports
from govdisclosure.testing.reference import reference_findings
from govdisclosure.testing.strategies import edition_years
from govdisclosure.validation import Context, Finding, Rule
from govdisclosure.validation.arithmetic import (
    arithmetic_rules,
    class_screen,
    passes,
    passes_shared,
)
from govdisclosure.validation.dated import dates_hold
from govdisclosure.validation.shared import cell_values
from locations import EXAMPLES

REPORT = Report2021(unit=ReportingUnit(name="测试单位"), year=2024)


def _rule(
    rule_id: str,
    calls: list[str],
    screen: Callable[[Report], bool] | None = None,
    class_screen: Callable[[type], Callable[[Report], bool]] | None = None,
) -> Rule:
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
        class_screen=class_screen,
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


def _not_called(report: Report) -> bool:
    raise AssertionError("the screen made for the class is called instead")


@pytest.mark.parametrize("answer", [True, False, "raises"])
def test_a_screen_made_for_the_class_is_asked_for_once_and_called_per_report(
    answer: bool | str,
) -> None:
    """With one shared screen, the engine asks the rules' ``class_screen``
    for the report's class once (the plan is kept) and calls what it gives
    for every report, never ``screen``; a report it does not pass, or that
    makes it raise, runs every rule."""
    calls: list[str] = []
    made: list[type] = []
    screened: list[Report] = []

    def made_for(cls: type) -> Callable[[Report], bool]:
        made.append(cls)

        def screen(report: Report) -> bool:
            screened.append(report)
            if answer == "raises":
                raise RuntimeError("screen broke")
            return bool(answer)

        return screen

    rules = (_rule("a", calls, _not_called, made_for), _rule("b", calls, _not_called, made_for))
    other = attrs.evolve(REPORT, year=2023)
    found = [validate(report, rules=rules) for report in (REPORT, other, REPORT)]
    assert made == [Report2021]
    assert screened == [REPORT, other, REPORT]
    if answer is True:
        assert found == [(), (), ()] and calls == []
    else:
        assert calls == ["a", "b"] * 3
        assert [[f.rule for f in one] for one in found] == [["a", "b"]] * 3


def test_the_arithmetic_rules_share_one_screen() -> None:
    assert {rule.screen for rule in arithmetic_rules()} == {passes}
    assert {rule.class_screen for rule in arithmetic_rules()} == {class_screen}
    report = gd.load(EXAMPLES / "huaian-2024.json")
    assert class_screen(type(report)) is class_screen(type(report))
    assert class_screen(type(report))(report) is passes(report) is True


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


@pytest.mark.parametrize("field", ["total", "upheld", "pending"])
@pytest.mark.parametrize("blank", [None, NotApplicable()])
def test_a_blank_cell_anywhere_in_a_relation_does_not_pass(
    field: str, blank: NotApplicable | None
) -> None:
    """The screen compares the last part of a relation instead of
    subtracting it: a blank there does not raise but must fail the screen
    all the same, with the same findings as the reference, under both blank
    policies."""
    report = gd.load(EXAMPLES / "huaian-2024.json")
    assert isinstance(report, Report2021)
    table4 = report.table4
    blanked = attrs.evolve(
        report,
        table4=attrs.evolve(
            table4, reconsideration=attrs.evolve(table4.reconsideration, **{field: blank})
        ),
    )
    assert not passes(blanked)
    with pytest.raises(TypeError) if field != "pending" else nullcontext():
        assert not class_screen(type(blanked))(blanked)
    for policy in ("missing", "zero"):
        found = validate(blanked, rules=arithmetic_rules(), blank=policy)
        assert found == reference_findings(blanked, policy)


# -- the screen of the rules about a report's unit, year, period and dates ----------

#: The rules :func:`~govdisclosure.validation.dated.dates_hold` screens.
DATED = tuple(rule for rule in core_rules() if rule.screen is dates_hold)


def test_the_nine_identity_and_date_rules_share_one_screen() -> None:
    assert {rule.id for rule in DATED} == {
        "unit.unnamed",
        "period.not-stated",
        "period.inverted",
        "period.outside-year",
        "period.partial-year",
        "edition.year",
        "deadline.written",
        "deadline.published",
        "dates.before-period-end",
    }


def _around(year: int) -> st.SearchStrategy[dt.date | None]:
    """A date near ``year``, most often one of the edges that decide the
    rules (the period's ends, 31 January and 31 March of the next year, and
    the days either side), or none."""
    edges = [
        dt.date(year, 1, 1) + dt.timedelta(days=shift)
        for day in (dt.date(year, 1, 1), dt.date(year, 12, 31))
        for shift in (-1, 0, 1)
    ]
    edges += [
        day + dt.timedelta(days=shift)
        for day in (dt.date(year + 1, 1, 31), dt.date(year + 1, 3, 31))
        for shift in (-1, 0, 1)
    ]
    days = st.integers(-400, 900).map(lambda n: dt.date(year, 1, 1) + dt.timedelta(days=n))
    return st.one_of(st.none(), st.sampled_from(edges), days)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), edition=st.sampled_from(sorted(EDITIONS)))
def test_the_date_screen_passes_exactly_the_reports_the_date_rules_pass(
    data: st.DataObject, edition: str
) -> None:
    """:func:`dates_hold` is true exactly when none of the nine rules finds
    anything: never a finding lost, and not a screen that never passes."""
    report = data.draw(consistent_reports(edition, max_count=50))
    first, last = edition_years(edition)
    year = data.draw(st.one_of(st.integers(first, min(last, 2030)), st.integers(2005, 2026)))
    ends = _around(year)
    calendar = Period(start=dt.date(year, 1, 1), end=dt.date(year, 12, 31))
    period = data.draw(
        st.one_of(st.just(calendar), st.none(), st.builds(Period, start=ends, end=ends))
    )
    # Mostly dates after the year, as real reports have them.
    later = st.one_of(
        st.none(),
        st.integers(0, 120).map(lambda n: dt.date(year + 1, 1, 1) + dt.timedelta(days=n)),
        ends,
    )
    report = attrs.evolve(
        report,
        year=year,
        period=period,
        unit=attrs.evolve(
            report.unit,
            kind=data.draw(st.sampled_from(list(UnitKind))),
            # Mostly the drawn name; sometimes none, blanks, or blanks around a name.
            name=data.draw(
                st.sampled_from(
                    (report.unit.name,) * 6 + ("", "  \u3000", "\n\t", f" {report.unit.name}\u3000")
                )
            ),
        ),
        dates=ReportDates(
            written=data.draw(later), filled=data.draw(later), published=data.draw(later)
        ),
    )
    context = Context()
    found = [f for rule in DATED for f in rule.check(report, context)]
    assert dates_hold(report) == (not found)
    assert validate(report, rules=DATED) == check(report, rules=DATED).findings


def test_the_date_screen_passes_an_ordinary_report() -> None:
    report = gd.load(EXAMPLES / "huaian-2024.json")
    assert dates_hold(report)
    assert validate(report, rules=DATED) == ()


@pytest.mark.parametrize("which", ["written", "published"])
def test_the_date_screen_at_the_deadline(which: str) -> None:
    """Signed or published on the last day is on time; the day after is not."""
    report = gd.load(EXAMPLES / "huaian-2024.json")  # a government's: due 31 March
    for day, on_time in ((dt.date(2025, 3, 31), True), (dt.date(2025, 4, 1), False)):
        dated = attrs.evolve(report, dates=ReportDates(**{which: day}))
        assert dates_hold(dated) == on_time
        assert validate(dated, rules=DATED) == check(dated, rules=DATED).findings
        assert bool(validate(dated, rules=DATED)) != on_time


# -- a screen given the context the rules without a screen filled ------------------


def test_a_shared_screen_sees_what_the_rules_without_a_screen_left() -> None:
    """With a rule without a screen in the collection, a screen offering a
    shared form (:attr:`Rule.shared_screen`) is called in that form, after
    the rules without a screen, with the context they filled; ``screen``
    itself is not called.  The findings are sorted as ever."""
    calls: list[str] = []
    seen: list[object] = []

    def leaves(report: Report, context: Context) -> Iterable[Finding]:
        calls.append("a.kept")
        context.cache["left"] = report
        return [Finding(rule="a.kept", severity="notice", path="$", message_id="rule.crashed")]

    def shared(answer: bool) -> Callable[[Report, Context], bool]:
        def screen(report: Report, context: Context) -> bool:
            seen.append(context.cache.get("left"))
            return answer

        return screen

    for answer in (True, False):
        calls.clear()
        seen.clear()
        kept = attrs.evolve(_rule("a.kept", calls), check=leaves)
        screened = attrs.evolve(
            _rule("b.screened", calls, screen=_not_called), shared_screen=shared(answer)
        )
        dated = _rule("c.dated", calls, screen=lambda report: False)
        found = validate(REPORT, rules=(screened, dated, kept))
        assert seen == [REPORT]
        expected = ["a.kept", "c.dated"] if answer else ["a.kept", "b.screened", "c.dated"]
        assert calls == expected
        assert [f.rule for f in found] == sorted(expected)


@pytest.mark.parametrize(("edition", "single", "template"), VARIANTS)
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), blanks=st.booleans())
def test_the_arithmetic_screen_over_the_flat_tuple_answers_as_over_the_report(
    edition: str, single: bool, template: str, data: st.DataObject, blanks: bool
) -> None:
    """:func:`passes_shared` compares the flat tuple a rule built in the
    context (``Compiled.holds_flat``) and answers exactly as :func:`passes`,
    raising where the screen made for the class raises; without the flat
    tuple in the context it is that screen."""
    base = data.draw(
        consistent_reports(
            edition, single_other_handling=single, template=template, blanks=blanks, max_count=200
        )
    )
    report = data.draw(st.one_of(st.just(base), changed(base)))

    def answer(screen: Callable[[], bool]) -> bool | str:
        try:
            return screen()
        except TypeError:
            return "raises"

    by_class = answer(lambda: class_screen(type(report))(report))
    bare = Context()
    assert answer(lambda: passes_shared(report, bare)) == by_class
    assert "cells" not in bare.cache
    filled = Context()
    assert cell_values(report, filled)
    shared = answer(lambda: passes_shared(report, filled))
    assert (shared is True) == (by_class is True) == passes(report)
