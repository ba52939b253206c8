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

from .i18n import N_

__all__ = [
    "CELL_KINDS",
    "DECIMAL_TEXT",
    "MAX_COUNT",
    "MAX_STORED",
    "NA",
    "NA_MARKS",
    "TEMPLATE_CELL_KINDS",
    "CellKind",
    "CellKindRule",
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

#: The kinds of cell (the metadata of the aliases above).
CellKind = Literal["count", "signed", "money"]


def is_number(value: object) -> TypeGuard[int | Decimal]:
    """True for a filled cell (an int or a Decimal, not a bool)."""
    return type(value) is int or type(value) is Decimal


def number_or_zero(value: CellValue) -> int | Decimal:
    """The cell's number, reading blank and not-applicable as zero."""
    if value is None or isinstance(value, NotApplicable):
        return 0
    return value


@frozen(kw_only=True)
class CellKindRule:
    """What one kind of cell may hold, in Python and in our JSON.

    This is the one definition of a cell kind: the model's check
    (:func:`cell_problem`), the codec's reference hooks and generated
    readers (:mod:`govdisclosure.codec`) and the JSON Schema
    (:mod:`govdisclosure.schema`) are all built from :data:`CELL_KINDS`, so
    they cannot disagree on a bound, a mark or a pattern.

    A filled cell is a number of type ``number`` no smaller than
    ``minimum`` and, when ``maximum`` is set, no larger.  In the JSON an
    ``int`` cell is a JSON integer; a ``Decimal`` cell is a JSON *string*
    that :attr:`text_pattern` matches in full (a JSON number would lose
    exactness).  Blank is ``null``; not applicable is one of ``marks``.
    The loader's messages (``expected…``) are message ids of the catalogs:
    what it expected, said in the user's locale.
    """

    kind: CellKind
    number: type[int] | type[Decimal]
    minimum: int
    maximum: int | None
    #: The JSON text of a filled ``Decimal`` cell, as a regular expression
    #: matched in full (no anchors: each user adds its dialect's).
    text_pattern: str | None = None
    marks: tuple[str, ...] = NA_MARKS
    #: Expected, when the JSON value is of the wrong type.
    expected: str
    #: Expected, when the number is outside the bounds.
    expected_in_bounds: str
    #: Expected, when the text of a ``Decimal`` cell is not a plain decimal.
    expected_text: str | None = None
    #: Expected, when a Python value given to the model does not fit.
    expected_value: str
    #: What the JSON Schema says of the kind.
    description: str

    def fits(self, number: object) -> bool:
        """Whether ``number`` is a filled cell of this kind (not blank, not a mark).

        A ``Decimal`` must be finite and carry no minus sign: ``-0`` is no
        amount a report prints, and its text ``"-0"`` would not read back.
        """
        if type(number) is int:
            filled: int | Decimal = number
        elif type(number) is Decimal and number.is_finite() and not number.is_signed():
            filled = number
        else:
            return False
        return (
            type(filled) is self.number
            and self.minimum <= filled
            and (self.maximum is None or filled <= self.maximum)
        )


#: A plain non-negative decimal, as our JSON writes an amount ("96171.6").
DECIMAL_TEXT: Final = r"(0|[1-9][0-9]*)(\.[0-9]+)?"

#: Every cell kind, by the name its ``Annotated`` alias carries.
CELL_KINDS: Final[dict[CellKind, CellKindRule]] = {
    "count": CellKindRule(
        kind="count",
        number=int,
        minimum=0,
        maximum=MAX_STORED,
        expected=N_('a whole-number count, null (blank) or "/" (not applicable)'),
        expected_in_bounds=N_("a count between 0 and 1000000000000000"),
        expected_value=N_("a count between 0 and 1000000000000000, None (blank) or NotApplicable"),
        description="A count: a whole number, blank (null) or not applicable.",
    ),
    "signed": CellKindRule(
        kind="signed",
        number=int,
        minimum=-MAX_STORED,
        maximum=MAX_STORED,
        expected=N_('a whole number (may be negative), null (blank) or "/" (not applicable)'),
        expected_in_bounds=N_("a signed count between -1000000000000000 and 1000000000000000"),
        expected_value=(
            N_(
                "a whole number between -1000000000000000 and 1000000000000000, None or NotApplicable"
            )
        ),
        description="A signed count (本年增/减): may be negative.",
    ),
    "money": CellKindRule(
        kind="money",
        number=Decimal,
        minimum=0,
        maximum=None,
        text_pattern=DECIMAL_TEXT,
        expected=N_('an amount as a decimal string such as "96171.6", null or "/"'),
        expected_in_bounds=N_("a non-negative amount"),
        expected_text=N_('an amount as a decimal string such as "96171.6"'),
        expected_value=N_("a non-negative finite Decimal, None (blank) or NotApplicable"),
        description="An amount as a decimal string (never a JSON number), blank or not applicable.",
    ),
}

#: What a cell of a statistics template (pre-2019 tables) may hold: either
#: kind, as the template's row says (a count or an amount).
TEMPLATE_CELL_KINDS: Final[tuple[CellKind, ...]] = ("count", "money")

#: What each kind of cell may hold, for the model's messages.
EXPECTED: Final = {kind: rule.expected_value for kind, rule in CELL_KINDS.items()}


def cell_problem(kind: str, value: object) -> str | None:
    """What is wrong with ``value`` as a cell of ``kind`` (``None``: nothing).

    The model checks every cell with this when an object is built, so a
    report made in Python holds the same invariants as one loaded from
    JSON: no negative count, no float, no text, no ``True``, nothing the
    JSON could not hold (:data:`MAX_STORED`).
    """
    if value is None or type(value) is NotApplicable:
        return None
    rule = CELL_KINDS.get(kind)  # type: ignore[call-overload]
    if rule is None:
        return N_("a cell value")
    return None if rule.fits(value) else rule.expected_value
