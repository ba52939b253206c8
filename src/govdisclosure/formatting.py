"""Numbers, money, dates and outline numbering as reports print them.

Every helper takes the locale as a parameter (``"zh_Hans_CN"`` by default,
``"en"``, or a variant that :func:`~govdisclosure.i18n.normalize_locale`
accepts).  Separators and month names come from Babel's CLDR data, so
nothing locale-specific is hard-coded here except what CLDR does not say:

* **Counts** use CLDR's grouping for the locale: ``218,972`` in both
  ``zh_Hans_CN`` and ``en`` (CLDR's Chinese pattern is ``#,##0``).  Pass
  ``grouping=False`` for the bare digits that many printed tables use;
  :func:`format_cell`, the form of a table cell, writes bare digits in
  Chinese as the official tables do.
* **Money** is quantized with :data:`~decimal.ROUND_HALF_UP` *before*
  Babel sees it.  Babel rounds with the current :mod:`decimal` context,
  which is round-half-even by default (``1.005`` → ``1.00``), while Chinese
  accounting rounds half up (四舍五入).  A float is refused: it has already
  lost the exact amount.
* **Dates** are CLDR's long date in Chinese (``2018年2月23日``, which is also
  what GB/T 9704-2012 7.3.5.4 asks for: no leading zeros) and day-month-
  year in English (``23 February 2018``), the order used by English
  translations of Chinese official documents, rather than CLDR's US order.
* **Outline numbering** follows GB/T 9704-2012 7.3.3: ``一、``,
  ``（一）``, ``1.``, ``（1）``.  CLDR has no Chinese counting numerals for
  Babel to spell, so they are built here.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Final

from babel.dates import format_date as babel_format_date
from babel.numbers import format_decimal

from .cells import CellValue, NotApplicable
from .i18n import N_, gettext, normalize_locale
from .introspect import CellKind

__all__ = [
    "MAX_MONEY_PLACES",
    "chinese_numbering",
    "chinese_numeral",
    "format_cell",
    "format_count",
    "format_date",
    "format_money",
]

#: Most decimals an amount is shown with when no precision is asked for.
MAX_MONEY_PLACES: Final = 4

_DIGITS: Final = "〇一二三四五六七八九"

#: Date patterns (CLDR syntax) by supported locale; see the module docstring.
_DATE_PATTERNS: Final = {"zh_Hans_CN": "long", "en": "d MMMM y"}

#: How an amount and its unit are joined: Chinese writes them together
#: (``96,171.6万元``); English needs a multiplication sign when the unit
#: starts with a number (``96,171.6 × 10,000 CNY``).
_AMOUNT_WITH_UNIT: Final = N_("{amount} {unit}")
_AMOUNT_TIMES_UNIT: Final = N_("{amount} × {unit}")


def format_count(n: int, locale: str = "zh_Hans_CN", *, grouping: bool = True) -> str:
    """A count as the locale writes it: ``218972`` → ``"218,972"``.

    Signed counts (the 2019 format's 本年增/减) show their sign; a bool is
    refused because ``True`` is not a count.
    """
    if type(n) is not int:
        raise TypeError(f"a count must be an int, not {type(n).__name__}")
    return format_decimal(
        n, format="#,##0", locale=normalize_locale(locale), group_separator=grouping
    )


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int):
        raise ValueError(f"not a finite amount: {value}")
    return min(max(-exponent, 0), MAX_MONEY_PLACES)


def format_money(
    value: Decimal,
    locale: str = "zh_Hans_CN",
    *,
    places: int | None = None,
    unit: str | None = "万元",
    grouping: bool = True,
) -> str:
    """An amount rounded half up to ``places`` decimals, with its unit.

    ``places`` defaults to as many decimals as the value has, at most
    :data:`MAX_MONEY_PLACES` (``Decimal("96171.6")`` keeps one).  ``unit``
    is a unit label of the catalogs (万元 by default, the unit of the 2021
    format); ``None`` shows the number alone, as inside a table whose header
    names the unit.  ``format_money(Decimal("96171.6"), "en")`` gives
    ``"96,171.6 × 10,000 CNY"``.
    """
    if not isinstance(value, Decimal):
        raise TypeError(f"an amount must be a Decimal, not {type(value).__name__}")
    if places is None:
        places = _places(value)
    if places < 0:
        raise ValueError("places must be >= 0")
    name = normalize_locale(locale)
    quantum = Decimal(1).scaleb(-places)
    pattern = "#,##0" + ("." + "0" * places if places else "")
    with localcontext() as digits:
        # As many significant digits as the rounded amount has (Babel rounds
        # again, in the same context): the default 28 would refuse a longer
        # amount with InvalidOperation.
        digits.prec = max(digits.prec, value.adjusted() + places + 2)
        rounded = value.quantize(quantum, rounding=ROUND_HALF_UP)
        amount = format_decimal(rounded, format=pattern, locale=name, group_separator=grouping)
    if unit is None:
        return amount
    shown = gettext(name, unit)
    template = _AMOUNT_TIMES_UNIT if shown[:1].isdigit() else _AMOUNT_WITH_UNIT
    return gettext(name, template).format(amount=amount, unit=shown)


def format_date(date: dt.date, locale: str = "zh_Hans_CN") -> str:
    """``2018-02-23`` as ``"2018年2月23日"`` or ``"23 February 2018"``."""
    name = normalize_locale(locale)
    return babel_format_date(date, format=_DATE_PATTERNS[name], locale=name)


def chinese_numeral(n: int) -> str:
    """1…99 in Chinese counting numerals: 一, 十, 十一, 二十, 九十九.

    Numbering in reports never goes past 99; a larger (or smaller) number
    is a mistake, so it raises instead of inventing a form.
    """
    if type(n) is not int or not 1 <= n <= 99:
        raise ValueError(f"Chinese outline numbers run from 1 to 99, not {n!r}")
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + (_DIGITS[ones] if ones else "")


def chinese_numbering(level: int, n: int) -> str:
    """The ``n``-th heading number at outline ``level`` (GB/T 9704 7.3.3).

    Level 1 ``一、``; level 2 ``（一）``; level 3 ``1.``; level 4 ``（1）``
    (full-width parentheses, as the standard prints them).
    """
    if level == 1:
        return chinese_numeral(n) + "、"
    if level == 2:
        return "（" + chinese_numeral(n) + "）"
    if level in (3, 4):
        if type(n) is not int or n < 1:
            raise ValueError(f"outline numbers start at 1, not {n!r}")
        return f"{n}." if level == 3 else f"（{n}）"
    raise ValueError(f"outline levels are 1 to 4, not {level!r}")


def format_cell(
    value: CellValue, kind: CellKind, locale: str = "zh_Hans_CN", *, grouping: bool | None = None
) -> str:
    """A table cell for display: blank stays ``""``, not applicable keeps its mark.

    Numbers are written as the official tables print them: bare digits in
    Chinese (``3985758``; the published tables use no thousands separator),
    grouped in English (``3,985,758``); ``grouping`` overrides.  A signed
    value shows ``+`` for an increase (reports print "+1036"); money is
    shown without its unit (the column header carries it) and with the
    decimals it has.
    """
    if grouping is None:
        grouping = normalize_locale(locale) != "zh_Hans_CN"
    if value is None:
        return ""
    if isinstance(value, NotApplicable):
        return value.mark
    if kind == "money":
        if not isinstance(value, Decimal):
            raise TypeError(f"a money cell holds a Decimal, not {type(value).__name__}")
        return format_money(value, locale, unit=None, grouping=grouping)
    if type(value) is not int:
        raise TypeError(f"a {kind} cell holds an int, not {type(value).__name__}")
    text = format_count(value, locale, grouping=grouping)
    return "+" + text if kind == "signed" and value > 0 else text
