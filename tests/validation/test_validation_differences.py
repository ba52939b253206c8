"""Equalities over counts are compiled as one difference, and test the same.

The arithmetic checks are generated per shape
(:func:`govdisclosure.validation.arithmetic._comparisons`).  An equality
whose cells are all counts is written ``total - a - b - c`` (true when not
zero) instead of ``total != a + b + c``: cheaper on this interpreter, and,
for integers, the same test.  These tests hold the generated text to that
form, to the comparison it replaces on any integers (negative and beyond
64 bits included), and to raising ``TypeError`` on a blank or "/" cell
wherever it sits, which is how the fast code hands a report with blanks to
the careful evaluation; amounts keep the comparison.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govdisclosure.cells import NA
from govdisclosure.relations import Equation
from govdisclosure.validation.arithmetic import _comparisons


def _equation(kind: Any = "equal") -> Equation:
    return Equation(
        rule="table3.row-total", kind=kind, total=(("t",),), parts=(("p",),), basis="structural"
    )


def _tests(
    sizes: list[int],
    counts: bool,
    kind: Any = "equal",
    compared: bool = False,
    totals_of: int = 1,
) -> list[str]:
    """The generated tests of one equation per size: cells 0…``totals_of``−1
    are the totals, the next n the parts; ``compared``: as the screen writes
    them."""
    equations = [_equation(kind) for _ in sizes]
    totals = [tuple(range(totals_of)) for _ in sizes]
    parts = [tuple(range(totals_of, totals_of + n)) for n in sizes]
    positions = frozenset(range(max(sizes) + totals_of)) if counts else frozenset()
    found = _comparisons(
        equations,
        totals,
        parts,
        frozenset(),
        lambda i: f"c[{i}]",
        positions,
        compared=compared,
    )
    return [text for _, text in found]


def test_the_screen_compares_the_last_part() -> None:
    short, long = _tests([3, 14], counts=True, compared=True)
    assert short == "c[0] - c[1] - c[2] != c[3]"
    assert long.startswith("c[0] != sum((c[1], ")
    (amounts,) = _tests([3], counts=False, compared=True)
    assert amounts == "c[0] + 0 != c[1] + c[2] + c[3]"


def test_a_count_equality_is_one_difference() -> None:
    short, long = _tests([3, 14], counts=True)
    assert short == "c[0] - c[1] - c[2] - c[3]"
    assert long.startswith("c[0] - sum((c[1], ") and "!=" not in long


def test_amounts_and_inequalities_keep_the_comparison() -> None:
    (amounts,) = _tests([3], counts=False)
    assert amounts == "c[0] + 0 != c[1] + c[2] + c[3]"
    (at_most,) = _tests([3], counts=True, kind="at_most")
    assert at_most == "c[0] + 0 < c[1] + c[2] + c[3]"


@pytest.mark.parametrize("compared", [False, True], ids=["difference", "screen"])
@given(
    st.lists(st.integers(min_value=-(2**70), max_value=2**70), min_size=2, max_size=26),
    st.booleans(),
)
def test_the_test_fails_exactly_when_the_comparison_does(
    compared: bool, values: list[int], holds: bool
) -> None:
    """The rules' difference and the screen's comparison (sums of up to 25
    parts, past the 19 a kept tuple holds) both fail exactly when the
    relation does."""
    total, parts = values[0], values[1:]
    if holds:
        total = sum(parts)
    (text,) = _tests([len(parts)], counts=True, compared=compared)
    c = [total, *parts]
    assert bool(eval(text, {"c": c})) == (total != sum(parts))


@pytest.mark.parametrize("blank", [None, NA])
@pytest.mark.parametrize("size", [1, 3, 14])
def test_a_blank_cell_anywhere_raises(blank: Any, size: int) -> None:
    (text,) = _tests([size], counts=True)
    for at in range(size + 1):
        c: list[Any] = [5] * (size + 1)
        c[at] = blank
        with pytest.raises(TypeError):
            eval(text, {"c": c})


@pytest.mark.parametrize("blank", [None, NA])
@pytest.mark.parametrize("size", [1, 3, 14, 19, 20, 21, 25])
def test_a_blank_cell_anywhere_fails_the_screens_test(blank: Any, size: int) -> None:
    """The screen's test raises or is true (the relation is not shown to
    hold) wherever the blank sits: the screen does not pass either way."""
    (text,) = _tests([size], counts=True, compared=True)
    for at in range(size + 1):
        c: list[Any] = [5] * (size + 1)
        c[at] = blank
        try:
            failed = bool(eval(text, {"c": c}))
        except TypeError:
            failed = True
        assert failed


def test_the_screens_sum_lists_at_most_nineteen_parts() -> None:
    """The interpreter reuses freed tuples of up to 19 items: a 20th part is
    the sum's start, any further one subtracted from the total."""
    nineteen, twenty, twenty_one = _tests([19, 20, 21], counts=True, compared=True)
    listed = ", ".join(f"c[{i}]" for i in range(1, 20))
    assert nineteen == f"c[0] != sum(({listed}))"
    assert twenty == f"c[0] != sum(({listed}), c[20])"
    assert twenty_one == f"c[0] - c[21] != sum(({listed}), c[20])"
    (fast,) = _tests([21], counts=True)
    assert fast == "c[0] - sum((" + ", ".join(f"c[{i}]" for i in range(1, 22)) + "))"


def test_the_screen_writes_a_balance_with_a_part_between_its_totals() -> None:
    (balance,) = _tests([2], counts=True, compared=True, totals_of=2)
    assert balance == "c[0] - c[2] + c[1] != c[3]"
    (fast,) = _tests([2], counts=True, totals_of=2)
    assert fast == "c[0] + c[1] - c[2] - c[3]"


@given(
    st.lists(st.integers(min_value=-(2**70), max_value=2**70), min_size=4, max_size=4),
    st.booleans(),
)
def test_the_screens_balance_fails_exactly_when_the_comparison_does(
    values: list[int], holds: bool
) -> None:
    new, carried, answered, forward = values
    if holds:
        forward = new + carried - answered
    (text,) = _tests([2], counts=True, compared=True, totals_of=2)
    c = [new, carried, answered, forward]
    assert bool(eval(text, {"c": c})) == (new + carried != answered + forward)


@pytest.mark.parametrize("blank", [None, NA])
def test_a_blank_cell_anywhere_fails_the_screens_balance(blank: Any) -> None:
    (text,) = _tests([2], counts=True, compared=True, totals_of=2)
    for at in range(4):
        c: list[Any] = [5] * 4
        c[at] = blank
        try:
            failed = bool(eval(text, {"c": c}))
        except TypeError:
            failed = True
        assert failed
