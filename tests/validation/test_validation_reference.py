"""The fast arithmetic check finds exactly what evaluating every equation finds.

The validator leaves implied relations out of its fast check and, when
something fails, looks again only where it must.  Each shortcut is a place
a finding can be lost (one was: a wrong （七）总计 自然人 whose row still
adds up was reported only through the 总计 column).  The oracle is
:func:`govdisclosure.testing.reference.reference_findings`, which evaluates
every equation one by one, reading each cell by its path.

The property: on a consistent report of every edition and layout, with
one, two or several cells changed, the findings are identical.  Changes
include single cells moved up or down, a part *and* its total moved
together (the relation between them still holds, the others through those
cells do not: the bug above), a cell on each side of a balance moved
together, and cells blanked; both blank policies.
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govdisclosure as gd
from govdisclosure.cells import CellValue, is_number
from govdisclosure.check import validate
from govdisclosure.editions import Report
from govdisclosure.editions.legacy import ReportLegacy
from govdisclosure.flat import shape_of
from govdisclosure.paths import Path
from govdisclosure.relations import report_equations
from govdisclosure.templates import builtin_templates
from govdisclosure.testing import consistent_reports
from govdisclosure.testing.reference import cell_at, reference_findings
from govdisclosure.validation.arithmetic import arithmetic_rules, compiled_for, passes
from locations import EXAMPLES

ARITHMETIC = arithmetic_rules()

#: (edition, single-row （六）其他处理, legacy template)
VARIANTS = [
    ("2021", False, "national-2016"),
    ("2021", True, "national-2016"),
    ("2019", False, "national-2016"),
    *(("legacy", False, t) for t in builtin_templates()),
]


def with_cell(report: Report, path: Path, value: CellValue) -> Report:
    """``report`` with ``value`` at ``path``, rebuilt by ``attrs.evolve`` along the path."""
    if isinstance(report, ReportLegacy):
        rows = {code: dict(cells) for code, cells in report.statistics.rows.items()}
        rows.setdefault(str(path[2]), {})[str(path[3])] = value
        return attrs.evolve(report, statistics=attrs.evolve(report.statistics, rows=rows))

    def put(obj: Any, rest: Path) -> Any:
        name = str(rest[0])
        if len(rest) == 1:
            return attrs.evolve(obj, **{name: value})
        return attrs.evolve(obj, **{name: put(getattr(obj, name), rest[1:])})

    result: Report = put(report, path)
    return result


def shifted(report: Report, path: Path, delta: int) -> Report:
    """``report`` with the number at ``path`` moved by ``delta`` (blank read as 0)."""
    old = cell_at(report, path)
    base = old if is_number(old) else 0
    return with_cell(report, path, max(base + delta, 0))


@st.composite
def changed(draw: st.DrawFn, report: Report) -> Report:
    """``report`` with 1–5 changes; some keep the relation they move within."""
    equations = [eq for eq in report_equations(report) if eq.kind == "equal"]
    every = [eq for eq in report_equations(report)]
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(("cell", "cell", "with-total", "balance", "blank")))
        delta = draw(st.integers(1, 40))
        if kind == "cell":
            eq = draw(st.sampled_from(every))
            path = draw(st.sampled_from(eq.involves))
            report = shifted(report, path, draw(st.sampled_from((delta, -delta))))
        elif kind == "with-total":
            # A part and the total of one relation moved together: that
            # relation still holds (a row or a column kept consistent).
            eq = draw(st.sampled_from([e for e in equations if len(e.total) == 1]))
            part = draw(st.sampled_from(eq.parts))
            report = shifted(shifted(report, part, delta), eq.total[0], delta)
        elif kind == "balance":
            eq = draw(st.sampled_from(equations))
            left = draw(st.sampled_from(eq.total))
            right = draw(st.sampled_from(eq.parts))
            report = shifted(shifted(report, left, delta), right, delta)
        else:
            eq = draw(st.sampled_from(every))
            report = with_cell(report, draw(st.sampled_from(eq.involves)), None)
    return report


def fast(report: Report, blank: str) -> tuple[gd.Finding, ...]:
    return validate(report, rules=ARITHMETIC, blank=blank)  # type: ignore[arg-type]


@pytest.mark.parametrize(("edition", "single", "template"), VARIANTS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), blank=st.sampled_from(("missing", "zero")), blanks=st.booleans())
def test_fast_findings_equal_the_reference(
    edition: str, single: bool, template: str, data: st.DataObject, blank: str, blanks: bool
) -> None:
    base = data.draw(
        consistent_reports(
            edition,
            single_other_handling=single,
            template=template,
            blanks=blanks,
            max_count=200,
            text="realistic",
        )
    )
    report = data.draw(changed(base))
    assert fast(report, blank) == reference_findings(report, blank)  # type: ignore[arg-type]


@pytest.mark.parametrize(("edition", "single", "template"), VARIANTS)
@settings(max_examples=15, deadline=None)
@given(data=st.data())
def test_consistent_reports_agree_with_the_reference(
    edition: str, single: bool, template: str, data: st.DataObject
) -> None:
    report = data.draw(consistent_reports(edition, single_other_handling=single, template=template))
    findings = fast(report, "missing")
    assert findings == reference_findings(report)
    # Consistent: nothing fails (channels that fall short of the total are
    # only a notice, and the strategy does not make them reach it).
    assert all(f.severity == "notice" for f in findings)


def test_a_column_error_whose_row_adds_up_is_reported_at_its_cell() -> None:
    """huaian-2024: （七）总计 自然人 and 总计 both raised by 6, so the row still adds up."""
    report = gd.load(EXAMPLES / "huaian-2024.json")
    path = ("table3", "results", "total", "natural_person")
    report = shifted(report, path, 6)
    report = shifted(report, ("table3", "results", "total", "total"), 6)
    findings = validate(report)
    wrong = [f for f in findings if f.path == "$.table3.results.total.natural_person"]
    assert [(f.rule, f.severity, f.actual, f.expected) for f in wrong] == [
        ("table3.results-total", "error", 2938, 2932)
    ]
    assert fast(report, "missing") == reference_findings(report)


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.json")))
def test_every_example_agrees_with_the_reference(name: str) -> None:
    report = gd.load(EXAMPLES / name)
    for blank in ("missing", "zero"):
        assert fast(report, blank) == reference_findings(report, blank)


# -- the screen ------------------------------------------------------------------
#
# ``passes`` (the arithmetic rules' screen) decides alone, for most reports,
# that there is nothing to find: when it says so the rules are not run.  It
# goes through a generated screen per report class that picks the layout
# itself, and ``validate`` keeps the last plan and each class's screen; a
# screen that picked the wrong layout, or a cache that handed one class's
# plan to another, would pass reports the rules would fault.


def holds_by_reference(report: Report) -> bool:
    """Every relation holds over numbers: no cell of any relation blank or
    not applicable, and nothing to report when each relation is evaluated
    on its own."""
    cells = {p for eq in report_equations(report) for p in eq.involves}
    if not all(is_number(cell_at(report, p)) for p in cells):
        return False
    return reference_findings(report, "missing") == () and not shape_of(report).not_printed


def holds_by_shape(report: Report) -> bool:
    """The compiled check of the report's shape, found through ``shape_of``."""
    try:
        return compiled_for(report).holds(report)
    except TypeError:
        return False


@pytest.mark.parametrize(("edition", "single", "template"), VARIANTS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), broken=st.booleans(), blanks=st.booleans())
def test_the_screen_passes_exactly_the_reports_whose_relations_all_hold(
    edition: str, single: bool, template: str, data: st.DataObject, broken: bool, blanks: bool
) -> None:
    printed = edition == "legacy" and data.draw(st.booleans())  # rows left out, some
    report = data.draw(
        consistent_reports(
            edition,
            single_other_handling=single,
            template=template,
            blanks=blanks,
            max_count=200,
            as_printed=printed,
        )
    )
    if broken:
        report = data.draw(changed(report))
    expected = holds_by_reference(report)
    assert passes(report) == holds_by_shape(report) == expected
    if expected:
        assert fast(report, "missing") == fast(report, "zero") == ()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_interleaved_editions_and_layouts_get_their_own_findings(data: st.DataObject) -> None:
    """Reports of every edition and layout, some broken, validated one after
    the other with one collection of rules, with another, and with a list
    (never kept): each gets the reference's findings."""
    reports = []
    for edition, single, template in data.draw(
        st.lists(st.sampled_from(VARIANTS), min_size=2, max_size=8)
    ):
        report = data.draw(
            consistent_reports(
                edition, single_other_handling=single, template=template, max_count=200
            )
        )
        if data.draw(st.booleans()):
            report = data.draw(changed(report))
        reports.append(report)
    other = tuple(reversed(ARITHMETIC))
    for report in reports:
        expected = reference_findings(report)
        assert fast(report, "missing") == expected
        assert validate(report, rules=other) == expected
        assert validate(report, rules=list(ARITHMETIC)) == expected
        assert passes(report) == holds_by_reference(report)
