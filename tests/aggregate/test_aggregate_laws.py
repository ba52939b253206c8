"""Consolidation is a commutative monoid: the laws, over generated reports.

Reports come from :func:`govdisclosure.testing.strategies.report_families`
(consistent reports of one edition, year and layout with distinct units).
"Numbers" are the flat cell tuples of :func:`govdisclosure.flat.shape_of`,
blank and not-applicable cells included, so the laws cover the blank rule
as well as the sums.
"""

from __future__ import annotations

import random
from decimal import Decimal
from fractions import Fraction

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import govdisclosure as gd
from govdisclosure.aggregate import consolidate
from govdisclosure.cells import CellValue, is_number, number_or_zero
from govdisclosure.flat import shape_of
from govdisclosure.relations import report_equations
from govdisclosure.testing.strategies import report_families
from govdisclosure.validation.rules import BlankPolicy

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
EDITIONS = st.sampled_from(["2021", "2019", "legacy"])


def numbers(report: gd.Report) -> tuple[CellValue, ...]:
    return shape_of(report).flatten(report)


@st.composite
def families(draw: st.DrawFn, min_size: int = 1, max_size: int = 5) -> list[gd.Report]:
    edition = draw(EDITIONS)
    blanks = draw(st.booleans())
    single = edition == "2021" and draw(st.booleans())
    family = draw(
        report_families(
            edition,
            min_size=min_size,
            max_size=max_size,
            blanks=blanks,
            single_other_handling=single,
            template=draw(st.sampled_from(["national-2016", "fujian-2011"])),
        )
    )
    return family


@SETTINGS
@given(families(min_size=1))
def test_identity(reports: list[gd.Report]) -> None:
    first = reports[0]
    template = getattr(getattr(first, "statistics", None), "template", None)
    empty: gd.Report = consolidate(
        [], "汇总单位", edition=first.edition, year=first.year, template=template
    )
    assert numbers(consolidate([first, empty], "汇总单位")) == numbers(first)
    assert numbers(consolidate([empty, first], "汇总单位")) == numbers(first)
    assert numbers(consolidate(reports, "X")) == numbers(consolidate([*reports, empty], "X"))


@SETTINGS
@given(families(min_size=2), st.randoms(use_true_random=False))
def test_commutativity(reports: list[gd.Report], rng: random.Random) -> None:
    shuffled = reports[:]
    rng.shuffle(shuffled)
    assert numbers(consolidate(shuffled, "X")) == numbers(consolidate(reports, "X"))


@SETTINGS
@given(families(min_size=3, max_size=6), st.data())
def test_associativity(reports: list[gd.Report], data: st.DataObject) -> None:
    i = data.draw(st.integers(1, len(reports) - 1))
    j = data.draw(st.integers(i + 1, len(reports)))
    a, b, c = reports[:i], reports[i:j], reports[j:]
    left = consolidate([consolidate([*a, *b], "左"), *c], "X")
    right = consolidate([*a, consolidate([*b, *c], "右")], "X")
    flat = consolidate(reports, "X")
    assert numbers(left) == numbers(right) == numbers(flat)


@SETTINGS
@given(families(min_size=1))
def test_every_cell_and_every_total_is_preserved(reports: list[gd.Report]) -> None:
    total = consolidate(reports, "X")
    shape = shape_of(total)
    columns = list(zip(*(numbers(r) for r in reports), strict=True))
    mine = numbers(total)
    for value, column in zip(mine, columns, strict=True):
        assert number_or_zero(value) == sum(number_or_zero(v) for v in column)
        if any(is_number(v) for v in column):
            assert is_number(value)
    # In particular every 总计 (the total side of each relation).
    index = shape.index()
    for eq in report_equations(total):
        for path in eq.total:
            j = index[path]
            assert number_or_zero(mine[j]) == sum(number_or_zero(v) for v in columns[j])


@SETTINGS
@given(families(min_size=1))
def test_money_is_exact_decimal(reports: list[gd.Report]) -> None:
    total = consolidate(reports, "X")
    shape = shape_of(total)
    for j, kind in enumerate(shape.kinds):
        column = [numbers(r)[j] for r in reports]
        value = numbers(total)[j]
        if kind == "money" and any(type(v) is Decimal for v in column):
            assert type(value) is Decimal
            exact = sum((Fraction(v) for v in column if isinstance(v, int | Decimal)), Fraction(0))
            assert Fraction(value) == exact
        if kind != "money" and is_number(value):
            assert type(value) is int


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["2021", "2019", "legacy"]), st.data())
def test_consolidating_valid_reports_gives_a_valid_report(
    edition: str, data: st.DataObject
) -> None:
    """With the consolidating unit's own narrative (here: the first unit's
    text, whose figures then differ from the tables — a warning, not an
    error), reports with no error give a report with no error.  Blank
    cells are read as zero both ways, since a blank absorbed by a number
    is the point of the blank rule."""
    blanks = data.draw(st.booleans())
    reports = data.draw(report_families(edition, min_size=2, max_size=4, blanks=blanks))
    policy: BlankPolicy = "zero" if blanks else "missing"
    for report in reports:
        assume(not any(f.severity == "error" for f in gd.validate(report, blank=policy)))
    total = consolidate(reports, "汇总单位", narrative=reports[0])
    errors = [f for f in gd.validate(total, blank=policy) if f.severity == "error"]
    assert errors == []
