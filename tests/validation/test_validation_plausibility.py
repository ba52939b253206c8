"""Counts no unit could have: the rule reports exactly the count cells beyond the limit.

:func:`~govdisclosure.validation.plausibility` looks at the count cells
alone, read from the flat tuple in one call (amounts are never a finding,
and comparing them with counts is what cost); held here to the definition,
every integer count or signed cell above ``MAX_COUNT`` in absolute value,
on generated reports of every edition with cells raised past the limit,
amounts included.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_validation_reference import VARIANTS

from govdisclosure import load
from govdisclosure.cells import MAX_COUNT, NA, CellValue, NotApplicable
from govdisclosure.check import validate
from govdisclosure.flat import shape_of
from govdisclosure.testing import consistent_reports
from govdisclosure.validation import plausibility
from govdisclosure.validation.plausibility import _norm_within, plausibility_rules

RULES = plausibility_rules()
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
COUNTS = (MAX_COUNT, MAX_COUNT + 1, -(MAX_COUNT + 1), 10**12, 0)


@pytest.mark.parametrize(("edition", "single", "template"), VARIANTS)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), blanks=st.booleans())
def test_every_count_beyond_the_limit_is_reported(
    edition: str, single: bool, template: str, data: st.DataObject, blanks: bool
) -> None:
    base = data.draw(
        consistent_reports(edition, single_other_handling=single, template=template, blanks=blanks)
    )
    shape = shape_of(base)
    values: list[CellValue] = list(shape.flatten(base))
    for i in data.draw(st.lists(st.integers(0, len(values) - 1), max_size=4)):
        big = data.draw(st.sampled_from(COUNTS))
        kind = shape.kinds[i]
        values[i] = big if kind == "signed" else abs(big) if kind == "count" else Decimal(abs(big))
    report = shape.rebuild(base, values)
    expected = [
        shape.json_paths[i]
        for i, value in enumerate(shape.flatten(report))
        if type(value) is int
        and abs(value) > MAX_COUNT
        and shape.kinds[i] in ("count", "signed")
        and not report.parts
    ]
    assert [f.path for f in validate(report, rules=RULES)] == expected


@pytest.mark.parametrize(
    ("values", "within"),
    [
        ((), True),
        ((0, 0, MAX_COUNT), True),
        ((MAX_COUNT + 1,), False),
        ((-(MAX_COUNT + 1), 0), False),
        ((MAX_COUNT, MAX_COUNT), False),  # says nothing: the careful proofs decide
        ((2**53 + 1,), False),
        ((10**400,), False),
        ((5, Decimal("96171.6")), True),
        ((5, Decimal("NaN")), False),
        ((5, Decimal("sNaN")), False),
        ((None, 7, None, MAX_COUNT), True),
        ((None, MAX_COUNT + 1), False),
        ((NA, 7, None, MAX_COUNT), True),
        ((NotApplicable("—"), MAX_COUNT + 1), False),
        ((NA, 7, Decimal("sNaN")), False),
    ],
)
def test_the_norm_proves_no_count_beyond_the_limit(
    values: tuple[CellValue, ...], within: bool
) -> None:
    assert _norm_within(values) is within


def test_a_report_with_blank_or_not_applicable_cells_builds_no_set(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The norm proves a report alone, blank and "/" cells among its cells or
    not: the ``set`` of the distinct values is not built (it cost three times
    as much)."""

    def refused(values: tuple[CellValue, ...]) -> bool:
        raise AssertionError("the set of the distinct values was built")

    monkeypatch.setattr(plausibility, "_all_within", refused)
    for name in ("huaian-2024.json", "shanghai-szfbgt-2019.json", "yuxi-2017.json"):
        report = load(EXAMPLES / name)
        assert list(validate(report, rules=RULES)) == []
    ecology = load(EXAMPLES / "consolidation" / "ecology-bureau-2024.json")
    assert NA in shape_of(ecology).flatten(ecology)
    assert list(validate(ecology, rules=RULES)) == []
