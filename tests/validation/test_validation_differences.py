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
    sizes: list[int], counts: bool, kind: Any = "equal", compared: bool = False
) -> list[str]:
    """The generated tests of one equation per size: cell 0 is the total,
    cells 1…n the parts; ``compared``: as the screen writes them."""
    equations = [_equation(kind) for _ in sizes]
    totals = [(0,) for _ in sizes]
    parts = [tuple(range(1, n + 1)) for n in sizes]
    positions = frozenset(range(max(sizes) + 1)) if counts else frozenset()
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


@given(
    st.lists(st.integers(min_value=-(2**70), max_value=2**70), min_size=2, max_size=16),
    st.booleans(),
)
def test_the_difference_fails_exactly_when_the_comparison_does(
    values: list[int], holds: bool
) -> None:
    total, parts = values[0], values[1:]
    if holds:
        total = sum(parts)
    (text,) = _tests([len(parts)], counts=True)
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


@given(
    st.lists(st.integers(min_value=-(2**70), max_value=2**70), min_size=2, max_size=16),
    st.booleans(),
)
def test_the_screens_test_fails_exactly_when_the_comparison_does(
    values: list[int], holds: bool
) -> None:
    total, parts = values[0], values[1:]
    if holds:
        total = sum(parts)
    (text,) = _tests([len(parts)], counts=True, compared=True)
    c = [total, *parts]
    assert bool(eval(text, {"c": c})) == (total != sum(parts))


@pytest.mark.parametrize("blank", [None, NA])
@pytest.mark.parametrize("size", [1, 3, 14])
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
