"""The screen made for a report class against the general path.

``validate()`` with the arithmetic rules first calls the screen generated
for the report's class (:func:`~govdisclosure.validation.arithmetic.class_screen`):
one function that picks the layout and, for the official layout, checks
every relation in line; when it passes, the rules are not run and the
answer is ``()``.  Otherwise each rule runs its per-relation code, which
reads the flat tuple, applies the blank policy and builds the findings.

The property, on generated reports of every fixed-table edition and layout,
consistent or with relations broken and cells left blank or "/": the screen
passes exactly when the general path, blanks read as missing, finds every
relation passed; and
``validate`` (the screen first) gives the general path's findings, for both
blank policies.  The general path is reached as ``validate`` reaches it
when the screen does not pass (the context marks the report as screened),
so the screen is not consulted there.
"""

from __future__ import annotations

import ast

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_validation_reference import changed, with_cell

import govdisclosure as gd
from govdisclosure.cells import NA
from govdisclosure.check import validate
from govdisclosure.editions import Report
from govdisclosure.relations import report_equations
from govdisclosure.testing import consistent_reports
from govdisclosure.validation.arithmetic import (
    _TUPLE_KEPT,
    arithmetic_rules,
    class_screen,
    compiled_for,
)
from govdisclosure.validation.engine import _run
from govdisclosure.validation.outcomes import RelationOutcome
from govdisclosure.validation.rules import SCREENED, Context

ARITHMETIC = arithmetic_rules()

#: (edition, single-row （六）其他处理): every layout of the fixed-table editions.
LAYOUTS = [("2021", False), ("2021", True), ("2019", False)]


def general(report: Report, blank: str) -> tuple[tuple[gd.Finding, ...], list[RelationOutcome]]:
    """The findings and outcomes of the rules' own per-relation code."""
    outcomes: list[RelationOutcome] = []
    context = Context(blank=blank, outcomes=outcomes)  # type: ignore[arg-type]
    context.cache[SCREENED] = report  # as validate() after a screen that did not pass
    return _run(report, context, ARITHMETIC), outcomes


def screened(report: Report) -> bool:
    """The class's screen, as the engine reads it (raising does not pass)."""
    try:
        return class_screen(type(report))(report)
    except TypeError:  # a blank or "/" cell
        return False


@st.composite
def reports(draw: st.DrawFn) -> Report:
    """A report of some layout: consistent, or with relations broken, blank
    and "/" cells, or both."""
    edition, single = draw(st.sampled_from(LAYOUTS))
    report = draw(
        consistent_reports(
            edition, single_other_handling=single, blanks=draw(st.booleans()), max_count=300
        )
    )
    if draw(st.booleans()):
        report = draw(changed(report))
    cells = sorted({p for eq in report_equations(report) for p in eq.involves})
    for path in draw(st.lists(st.sampled_from(cells), max_size=3)):
        report = with_cell(report, path, NA)
    return report


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report=reports(), blank=st.sampled_from(("missing", "zero")))
def test_the_screen_passes_exactly_when_the_general_path_finds_every_relation_passed(
    report: Report, blank: str
) -> None:
    # Blank and "/" cells make a relation not checkable when they are read
    # as missing; the screen passes over numbers only, whatever the policy.
    _, outcomes = general(report, "missing")
    all_passed = bool(outcomes) and all(o.outcome == "passed" for o in outcomes)
    assert screened(report) == all_passed
    findings, _ = general(report, blank)
    assert validate(report, rules=ARITHMETIC, blank=blank) == findings  # type: ignore[arg-type]
    if all_passed:
        assert findings == ()


def _sum_tuples(report: Report) -> list[int]:
    """The length of every tuple the screen of ``report``'s layout sums."""
    body = compiled_for(report).holds_body
    tree = ast.parse("\n".join(("def holds(r):", *body)))
    return [
        len(node.args[0].elts)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "sum"
        and node.args
        and isinstance(node.args[0], ast.Tuple)
    ]


@pytest.mark.parametrize(("edition", "single"), LAYOUTS)
@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_the_screens_sums_list_no_more_parts_than_a_kept_tuple_holds(
    edition: str, single: bool, data: st.DataObject
) -> None:
    """The 21 parts of a results-total column (19 with （六） in one row) are
    summed from a tuple of at most 19 (the longest the interpreter keeps for
    reuse), a 20th part as the sum's start and a 21st subtracted from the
    total."""
    report = data.draw(consistent_reports(edition, single_other_handling=single))
    lengths = _sum_tuples(report)
    assert lengths, "the results totals are summed"
    assert max(lengths) <= _TUPLE_KEPT


@pytest.mark.parametrize(("edition", "single"), LAYOUTS)
@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_blank_or_slash_anywhere_in_a_long_sum_stops_the_screen(
    edition: str, single: bool, data: st.DataObject
) -> None:
    """Every part of the longest relation, wherever the screen puts it (in
    the tuple, as the start, subtracted), and its total: a blank or "/"
    there does not pass, and validate() says the relation is not checkable."""
    report = data.draw(consistent_reports(edition, single_other_handling=single, max_count=300))
    longest = max(report_equations(report), key=lambda eq: len(eq.parts))
    assert screened(report)
    for path in longest.involves:
        for value in (None, NA):
            broken = with_cell(report, path, value)
            assert not screened(broken), (path, value)
            assert any(
                f.message_id == "relation.not-checkable" and f.rule == longest.rule
                for f in validate(broken, rules=ARITHMETIC)
            ), (path, value)
