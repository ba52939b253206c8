"""How cells add up: numbers exactly, blank and not-applicable by one rule.

The rule, per cell, over every report being consolidated:

* **any number** → the exact sum of the numbers; blank and not-applicable
  cells add nothing (``blank + 3 = 3``, ``"/" + 3 = 3``).  ``int`` stays
  ``int`` and ``Decimal`` stays ``Decimal``; sums are taken at unlimited
  decimal precision, so no digit of an amount is ever rounded away.
* **no number, some not applicable** → not applicable, keeping the printed
  mark when every such report printed the same one, else ``"/"``.
* **nothing but blanks** → blank.

In one sentence: a blank says nothing, so it never changes what the other
reports say.  That makes the blank report the identity (``blank + "/"`` must
be ``"/"``, or consolidating with an empty report would change a cell), and
the rule is commutative and associative because the result depends only on
which states occur and on the sum of the numbers — together, a monoid.
That a number absorbed a blank or a "/" is not stored anywhere: it is
derived from the reports the result was built from
(:func:`govdisclosure.aggregate.partly_blank_paths`).
"""

from __future__ import annotations

import decimal
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal

from ..cells import MAX_STORED, NA, CellValue, NotApplicable
from ..i18n import N_
from ..paths import json_path
from .errors import ConsolidationError

__all__ = ["combine", "exact_decimals", "sum_columns"]


def combine(values: Iterable[CellValue], where: str = "$") -> CellValue:
    """Combine one cell across reports by the rule above.

    ``where`` names the cell in the error raised for a value that is not a
    cell value at all (a float, a string): summing it would be a guess.
    """
    numbers: list[int | Decimal] = []
    marks: set[str] = set()
    for value in values:
        kind = type(value)
        if kind is int or kind is Decimal:
            numbers.append(value)  # type: ignore[arg-type]
        elif value is None:
            continue
        elif isinstance(value, NotApplicable):
            marks.add(value.mark)
        else:
            raise ConsolidationError(
                "cell-value",
                N_("{path} holds {value}, which is not a number, blank or not applicable"),
                {"path": where, "value": repr(value)},
            )
    if numbers:
        return sum(numbers[1:], numbers[0])
    if not marks:
        return None
    if len(marks) == 1:
        return NotApplicable(marks.pop())  # type: ignore[arg-type]
    return NA


@contextmanager
def exact_decimals() -> Iterator[None]:
    """Decimal arithmetic without rounding, whatever the caller's context.

    The default context keeps 28 significant digits; an addition beyond
    that would round silently.  Addition never needs more digits than its
    operands have, so unlimited precision costs nothing in practice.
    """
    with decimal.localcontext() as ctx:
        ctx.prec = decimal.MAX_PREC
        ctx.Emax = decimal.MAX_EMAX
        ctx.Emin = decimal.MIN_EMIN
        yield


def sum_columns(
    rows: Sequence[Sequence[CellValue]], paths: Sequence[tuple[str | int, ...]]
) -> list[CellValue]:
    """Combine ``rows`` (one tuple of cells per report) column by column.

    The common case, a column of numbers, is one C-level ``sum``; a column
    with a blank or a not-applicable cell (``sum`` raises ``TypeError``) or
    whose sum is not an ``int`` or ``Decimal`` (a float slipped in) takes
    the cell-by-cell rule.  ``rows`` must not be empty.
    """
    out: list[CellValue] = []
    with exact_decimals():
        for i, column in enumerate(zip(*rows, strict=True)):
            try:
                total = sum(column)
            except TypeError:
                out.append(combine(column, json_path(paths[i])))
                continue
            kind = type(total)
            if kind is int or kind is Decimal:
                out.append(total)
            else:
                out.append(combine(column, json_path(paths[i])))
    for i, value in enumerate(out):
        if type(value) is int and not -MAX_STORED <= value <= MAX_STORED:
            raise _too_large(paths[i], value)
    return out


def _too_large(path: tuple[str | int, ...], value: int) -> ConsolidationError:
    """A sum our JSON cannot hold: refused here, so that no file is written
    that :func:`govdisclosure.load` would refuse."""
    return ConsolidationError(
        "too-large",
        N_("The total at {path} is {value}, above the largest count a report holds ({limit})"),
        {"path": json_path(path), "value": str(value), "limit": str(MAX_STORED)},
    )
