"""Cell values: the three states every table cell can be in.

A published table cell is a number, left blank, or marked not applicable
("/", "—").  The three are different facts: a blank is not a zero, and a "/"
is not a blank.  We keep all three so that nothing a report printed is lost
and nothing it did not print is invented.

* ``Count``: a non-negative ``int`` (件, 条, 次 …), ``None`` for blank, or a
  :class:`NotApplicable`.
* ``Signed``: like ``Count`` but may be negative (the 2019 format's 本年增/减).
* ``Money``: a :class:`decimal.Decimal` in the unit the format prints (万元),
  ``None`` or :class:`NotApplicable`.  Never a float.

The aliases are ``Annotated`` so that type checkers see the plain union while
the converter (:mod:`govdisclosure.codec`) can tell the kinds apart.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Final, Literal, TypeGuard

from attrs import frozen

__all__ = [
    "MAX_COUNT",
    "MAX_STORED",
    "NA",
    "NA_MARKS",
    "Count",
    "Money",
    "NotApplicable",
    "Signed",
    "cell_problem",
    "is_number",
    "number_or_zero",
]

#: Marks that real reports use for "not applicable".  The mark is kept so
#: that a report written with "—" is saved with "—".
NA_MARKS: Final = ("/", "—", "－", "-", "N/A")

#: A unit's own count above this is a typo, not a real count (the largest
#: real figure seen, 淮安 2024 行政处罚, is about 4 × 10^6).  Validation
#: reports it (``cells.implausible-count``); loading does not refuse it,
#: because a consolidated report's totals can rightly pass it: 300 cities the
#: size of 淮安 already add up to more than 10^9 行政处罚.
MAX_COUNT: Final = 10**9

#: The largest count (in absolute value) our JSON holds.  A national
#: roll-up of every county (about 3,000) at MAX_COUNT each stays far below
#: it, and it is below 2^53, so every JSON reader, JavaScript included,
#: reads it exactly.  Anything larger is refused on loading, and nothing we
#: write can exceed it without :func:`govdisclosure.dump` refusing first.
MAX_STORED: Final = 10**15


@frozen
class NotApplicable:
    """A cell printed as not applicable; ``mark`` is what the report printed."""

    mark: Literal["/", "—", "－", "-", "N/A"] = "/"

    def __str__(self) -> str:
        return self.mark


#: The usual not-applicable cell, printed "/".
NA: Final = NotApplicable()

#: A count cell: a non-negative ``int``, blank (``None``) or not applicable.
Count = Annotated[int | None | NotApplicable, "count"]
#: A signed cell (the 2019 format's 本年增/减): an ``int`` that may be negative,
#: blank or not applicable.
Signed = Annotated[int | None | NotApplicable, "signed"]
#: An amount: a ``Decimal`` (never a float) in the unit the format prints, blank
#: or not applicable.
Money = Annotated[Decimal | None | NotApplicable, "money"]

CellValue = int | Decimal | None | NotApplicable


def is_number(value: object) -> TypeGuard[int | Decimal]:
    """True for a filled cell (an int or a Decimal, not a bool)."""
    return type(value) is int or type(value) is Decimal


def number_or_zero(value: CellValue) -> int | Decimal:
    """The cell's number, reading blank and not-applicable as zero."""
    if value is None or isinstance(value, NotApplicable):
        return 0
    return value


#: What each kind of cell may hold, for messages (the codec's wording).
EXPECTED: Final = {
    "count": "a count between 0 and 1000000000000000, None (blank) or NotApplicable",
    "signed": "a whole number between -1000000000000000 and 1000000000000000, None or NotApplicable",
    "money": "a non-negative finite Decimal, None (blank) or NotApplicable",
}


def cell_problem(kind: str, value: object) -> str | None:
    """What is wrong with ``value`` as a cell of ``kind`` (``None``: nothing).

    The model checks every cell with this when an object is built, so a
    report made in Python holds the same invariants as one loaded from
    JSON: no negative count, no float, no text, no ``True``, nothing the
    JSON could not hold (:data:`MAX_STORED`).
    """
    if value is None or type(value) is NotApplicable:
        return None
    if kind == "money":
        if type(value) is Decimal and value.is_finite() and value >= 0:
            return None
    elif type(value) is int:
        low = 0 if kind == "count" else -MAX_STORED
        if low <= value <= MAX_STORED:
            return None
    return EXPECTED.get(kind, "a cell value")
