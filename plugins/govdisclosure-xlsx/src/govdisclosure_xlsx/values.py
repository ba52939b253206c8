"""Cell values in and out of a spreadsheet cell, keeping the three states.

Writing: a count is a number cell, an amount a number cell whose number
format carries the amount's decimal places (``Decimal("1.10")`` is 1.1
shown as ``0.00``, so it reads back as ``1.10``), a not-applicable cell its
printed mark as text, a blank cell empty.

Reading is more forgiving, because people type into these cells (or paste
from elsewhere, which skips data validation): numbers typed as text,
floats such as ``3.0``, thousands separators (``1,234``), full-width digits
and a trailing unit (``12件``, ``3.5万元``) are all read as the number they
mean; anything else is a problem naming what was expected.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Any, Final

from govdisclosure.cells import MAX_COUNT, NA_MARKS, CellValue, NotApplicable
from govdisclosure.i18n import N_
from govdisclosure.introspect import CellKind

__all__ = ["UNITS", "CellProblem", "number_format", "parse_cell", "written_value"]

#: Units a value may be typed with; the row's own unit is always accepted.
UNITS: Final = ("万元", "元", "件", "条", "项", "次", "个", "人次", "人")

#: What each kind of cell expects (message ids, shown in the user's locale).
EXPECTED: Final[dict[CellKind, str]] = {
    "count": N_("a whole number from 0 to 1,000,000,000, blank, or / (not applicable)"),
    "signed": N_(
        "a whole number from -1,000,000,000 to 1,000,000,000, blank, or / (not applicable)"
    ),
    "money": N_("an amount of 0 or more, blank, or / (not applicable)"),
}

_GROUPED: Final = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d*)?")
_PLAIN: Final = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")


class CellProblem(ValueError):
    """A cell that cannot be read: ``args[0]`` is the expected message id."""


def number_format(value: CellValue, kind: CellKind, sign: str | None = None) -> str:
    """The number format that shows ``value`` as the report printed it (a
    change the report printed with "+" keeps it: ``sign``)."""
    if kind == "signed" and sign == "+":
        return "+0;-0;0"
    if kind == "money" and isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        return "0." + "0" * places if places else "0"
    return "General"


def written_value(value: CellValue) -> int | float | str | None:
    """What goes into the cell for ``value``."""
    if value is None:
        return None
    if isinstance(value, NotApplicable):
        return value.mark
    if isinstance(value, Decimal):
        return float(value)
    return value


def _places(fmt: str) -> int:
    """Decimal places a number format shows (``0.00`` → 2, ``General`` → 0)."""
    head = fmt.split(";", 1)[0]
    match = re.search(r"\.(0+)", head)
    return len(match.group(1)) if match else 0


def parse_cell(value: Any, kind: CellKind, unit: str | None, fmt: str = "General") -> CellValue:
    """The cell value of what a cell holds, or :class:`CellProblem`."""
    if value is None:
        return None
    if isinstance(value, bool | dt.date | dt.time | dt.timedelta):
        raise CellProblem(EXPECTED[kind])
    if isinstance(value, int | float):
        return _checked(_from_number(value, kind, fmt), kind)
    text = str(value).strip()
    if text == "":
        return None
    if text in NA_MARKS:
        return NotApplicable(text)  # type: ignore[arg-type]
    text = unicodedata.normalize("NFKC", text).strip()
    for suffix in (unit, *UNITS):
        if suffix and text.endswith(suffix) and text != suffix:
            text = text[: -len(suffix)].strip()
            break
    if _GROUPED.fullmatch(text):
        text = text.replace(",", "")
    if not _PLAIN.fullmatch(text):
        raise CellProblem(EXPECTED[kind])
    try:
        number = Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        raise CellProblem(EXPECTED[kind]) from None
    if kind == "money":
        return _checked(number, kind)
    if number != number.to_integral_value():
        raise CellProblem(EXPECTED[kind])
    return _checked(int(number), kind)


def _from_number(value: int | float, kind: CellKind, fmt: str) -> int | Decimal:
    if kind == "money":
        # A whole amount comes back as an int (1000.0 is stored as "1000").
        exact = Decimal(value) if isinstance(value, int) else Decimal(repr(value))
        exponent = exact.as_tuple().exponent
        shown = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        places = max(shown, _places(fmt))
        return exact.quantize(Decimal(1).scaleb(-places)) if places else exact.quantize(Decimal(1))
    if isinstance(value, float):
        if not value.is_integer():
            raise CellProblem(EXPECTED[kind])
        return int(value)
    return value


def _checked(number: int | Decimal, kind: CellKind) -> int | Decimal:
    if kind == "money":
        if not number.is_finite() or number < 0:  # type: ignore[union-attr]
            raise CellProblem(EXPECTED[kind])
        return number
    low = 0 if kind == "count" else -MAX_COUNT
    if not low <= number <= MAX_COUNT:
        raise CellProblem(EXPECTED[kind])
    return int(number)
