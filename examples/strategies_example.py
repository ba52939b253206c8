"""Property-testing your own code with govdisclosure's Hypothesis strategies.

Run it with ``python examples/strategies_example.py`` (or under pytest: the
``test_*`` functions are ordinary Hypothesis tests).  docs/testing.md walks
through each part.

The "code under test" is the kind of helper a user writes around the
library: a figure for a dashboard, a small checker, a store, a sum over
units.  The properties say what must be true for *every* report, and the
strategies supply reports that real offices could have written.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from decimal import Decimal

from hypothesis import given, settings

import govdisclosure as gd
from govdisclosure.cells import is_number
from govdisclosure.flat import shape_of
from govdisclosure.paths import Path, json_path
from govdisclosure.relations import report_equations
from govdisclosure.testing import (
    any_reports,
    consistent_reports,
    report_families,
    reports_with_defect,
)

# -- the code under test ---------------------------------------------------------


def _n(value: object) -> int | Decimal:
    """A cell as a number; blank and "/" count as 0."""
    if isinstance(value, int | Decimal) and is_number(value):  # is_number: not a bool
        return value
    return 0


def applications_to_handle(report: gd.Report2021) -> int | Decimal:
    """一 + 二: applications received this year plus those carried over."""
    t3 = report.table3
    return _n(t3.new_applications.total) + _n(t3.carried_over.total)


def applications_accounted_for(report: gd.Report2021) -> int | Decimal:
    """（七）总计 + 四: applications handled plus those carried forward."""
    t3 = report.table3
    return _n(t3.results.total.total) + _n(t3.carried_forward.total)


def cells_to_check(report: gd.Report) -> set[str]:
    """A small checker: the JSON paths of every cell in a broken total."""
    flagged: set[str] = set()
    for eq in report_equations(report):
        if eq.kind != "equal":
            continue
        total = sum(_cell(report, p) for p in eq.total)
        parts = sum(_cell(report, p) for p in eq.parts)
        if total != parts:
            flagged.update(json_path(p) for p in eq.involves)
    return flagged


def _cell(report: gd.Report, path: Path) -> int | Decimal:
    if isinstance(report, gd.ReportLegacy):
        return _n(report.statistics.value(str(path[2]), str(path[3])))
    obj: object = report
    for name in path:
        obj = getattr(obj, str(name))
    return _n(obj)


def add_up(reports: Sequence[gd.Report]) -> gd.Report:
    """The cell-by-cell sum of reports of one shape (a consolidation)."""
    shape = shape_of(reports[0])
    columns = zip(*(shape.flatten(r) for r in reports), strict=True)
    sums = [sum((_n(v) for v in column), 0) for column in columns]
    return shape.rebuild(reports[0], sums)


def save_and_read_back(report: gd.Report) -> gd.Report:
    """A store that keeps reports as JSON text in SQLite."""
    with sqlite3.connect(":memory:") as db:
        db.execute("create table reports (body text)")
        db.execute("insert into reports values (?)", (gd.dumps(report),))
        (body,) = db.execute("select body from reports").fetchone()
    return gd.loads(body)


# -- the properties ----------------------------------------------------------------


@settings(max_examples=50, deadline=None)
@given(consistent_reports("2021", blanks=True))
def test_every_application_is_accounted_for(report: gd.Report2021) -> None:
    # Table 3's printed balance: 一 + 二 = （七） + 四, blanks read as 0.
    assert applications_to_handle(report) == applications_accounted_for(report)


@settings(max_examples=50, deadline=None)
@given(consistent_reports("2019"))
def test_checker_accepts_consistent_reports(report: gd.Report) -> None:
    assert cells_to_check(report) == set()


@settings(max_examples=50, deadline=None)
@given(reports_with_defect("legacy"))
def test_checker_points_at_the_defect(case: tuple[gd.Report, Path]) -> None:
    report, path = case
    assert json_path(path) in cells_to_check(report)


@settings(max_examples=30, deadline=None)
@given(report_families("2021", min_size=2, max_size=4))
def test_sum_of_consistent_reports_is_consistent(family: list[gd.Report]) -> None:
    total = add_up(family)
    assert cells_to_check(total) == set()
    assert isinstance(total, gd.Report2021)
    units = [r for r in family if isinstance(r, gd.Report2021)]
    assert len(units) == len(family)
    assert applications_to_handle(total) == sum((applications_to_handle(r) for r in units), 0)


@settings(max_examples=50, deadline=None)
@given(any_reports())
def test_store_keeps_every_report(report: gd.Report) -> None:
    # hostile text, blanks, "/" marks, Decimal money, nested parts
    assert save_and_read_back(report) == report


def main() -> None:
    for test in (
        test_every_application_is_accounted_for,
        test_checker_accepts_consistent_reports,
        test_checker_points_at_the_defect,
        test_sum_of_consistent_reports_is_consistent,
        test_store_keeps_every_report,
    ):
        test()
        print(f"ok  {test.__name__}")


if __name__ == "__main__":
    main()
