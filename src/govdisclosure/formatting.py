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
* **Money** is quantized with :data:`~decimal.ROUND_HALF_UP`: Babel's
  ``format_decimal`` would round with the current :mod:`decimal` context,
  which is round-half-even by default (``1.005`` → ``1.00``), while Chinese
  accounting rounds half up (四舍五入).  A float is refused: it has already
  lost the exact amount.
* **Digits** are written with the locale's group and decimal symbols, read
  from Babel once per locale, by Python's own ``format``: the text Babel's
  ``format_decimal`` gives for the pattern ``#,##0`` (tests hold the two
  equal), without parsing the locale and the pattern for every number.
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
import unicodedata
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal, localcontext
from functools import cache
from typing import Final, TypeAlias

from attrs import frozen
from babel import Locale
from babel.dates import format_date as babel_format_date
from babel.numbers import get_decimal_symbol, get_group_symbol, parse_pattern

from .cells import CellValue, NotApplicable
from .i18n import N_, gettext, normalize_locale
from .introspect import CellKind
from .report_base import CONTACT_LABELS, Contact, Period

__all__ = [
    "BLANK_LEGEND",
    "FILLED",
    "MAX_MONEY_PLACES",
    "CellFormatter",
    "as_printed_note",
    "cell_formatter",
    "chinese_numbering",
    "chinese_numeral",
    "contact_items",
    "exact_places",
    "format_cell",
    "format_count",
    "format_date",
    "format_money",
    "format_period",
    "printed_unit_after",
    "row_label",
    "writes_ints_as_str",
]

#: What the renderers print under a table: a blank cell is not a zero, a
#: dash is the report's own "not applicable" (a message id; the importers
#: know it as the renderers' and leave it out of the report's text).
BLANK_LEGEND: Final = N_(
    "Empty cell: left blank in the report (not a zero). "
    "“/” or “—”: not applicable, as the report printed it."
)

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
    return _number_style(normalize_locale(locale)).count(n, grouping)


#: The patterns numbers are written with: a count, and an amount (with as
#: many ``0`` after the point as it keeps decimals).  Both group by three.
_PATTERN: Final = "#,##0"


@frozen
class _NumberStyle:
    """How a locale writes our numbers, read from Babel once per locale.

    Babel's ``format_decimal`` parses the locale and the pattern for every
    number it formats, which made it most of the cost of rendering a
    table.  The patterns are fixed (:data:`_PATTERN`), so what varies is
    the locale's group and decimal symbols: with those, Python's own
    ``format`` (which groups by three, as the pattern does) writes exactly
    what Babel writes — a test holds the two equal for every value a cell
    can take.  Unlike Babel in the default :mod:`decimal` context, a count
    of 29 digits or more is written in full instead of raising.
    """

    #: ``,`` → the group symbol and ``.`` → the decimal symbol, for ``str.translate``.
    symbols: dict[int, str]
    negative_prefix: str
    negative_suffix: str

    def count(self, n: int, grouping: bool) -> str:
        text = format(abs(n), ",d" if grouping else "d")
        return self._signed(n < 0, text.translate(self.symbols))

    def amount(self, rounded: Decimal, grouping: bool) -> str:
        """``rounded`` (already quantized to the decimals to show) as written."""
        text = format(rounded.copy_abs(), ",f" if grouping else "f")
        return self._signed(rounded.is_signed(), text.translate(self.symbols))

    def _signed(self, negative: bool, text: str) -> str:
        # A zero rounded from a negative amount keeps its sign, as in Babel.
        return self.negative_prefix + text + self.negative_suffix if negative else text


@cache
def _number_style(name: str) -> _NumberStyle:
    pattern = parse_pattern(_PATTERN)
    if pattern.grouping != (3, 3):  # pragma: no cover - the pattern is ours
        raise ValueError(f"{_PATTERN!r} must group by three")
    symbols = {ord(","): get_group_symbol(name), ord("."): get_decimal_symbol(name)}
    return _NumberStyle(symbols, pattern.prefix[1], pattern.suffix[1])


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int):
        raise ValueError(f"not a finite amount: {value}")
    return min(max(-exponent, 0), MAX_MONEY_PLACES)


def printed_unit_after(figure: str, unit: str, *, glued: bool, translated: bool = False) -> str:
    """``figure`` and the unit a report printed beside it (the 2019 format's
    采购总金额): right after it when ``glued`` ("147230元"), else after a
    space; after a space and bracketed, glued or not, when the unit starts
    as a figure goes on (a digit, a point, a comma), which would otherwise
    read as part of the figure (the amount 1 in the unit "234" printed
    "1234", or "1 234" with a thousands gap; 0 in ".5" printed "0.5"):
    ``"1 （234）"``.  A unit ``translated`` from the catalogs is a known
    word ("10,000 CNY" for 万元), shown as it is."""
    first = unicodedata.normalize("NFKC", unit).lstrip()[:1]
    if not translated and (first.isdigit() or first in (".", ",")):
        return f"{figure} （{unit}）"
    return figure + unit if glued else f"{figure} {unit}"


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
    amount = _number_style(name).amount(_round_half_up(value, places), grouping)
    if unit is None:
        return amount
    shown = gettext(name, unit)
    template = _AMOUNT_TIMES_UNIT if shown[:1].isdigit() else _AMOUNT_WITH_UNIT
    return gettext(name, template).format(amount=amount, unit=shown)


def _round_half_up(value: Decimal, places: int) -> Decimal:
    """``value`` rounded half up to exactly ``places`` decimals."""
    exponent = value.as_tuple().exponent
    if exponent == -places:  # already so (the common case): nothing to round
        return value
    # The default context holds 28 digits: a larger amount (a consolidated
    # total, or a typo) would make quantize raise.  Enough digits for the
    # whole amount and its decimals keep it exact.
    with localcontext() as context:
        context.prec = max(context.prec, value.adjusted() + places + 2)
        return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def format_date(date: dt.date, locale: str = "zh_Hans_CN") -> str:
    """``2018-02-23`` as ``"2018年2月23日"`` or ``"23 February 2018"``."""
    name = normalize_locale(locale)
    return babel_format_date(date, format=_DATE_PATTERNS[name], locale=_babel_locale(name))


#: 填报日期, printed with the contact line under the statistics table.
FILLED: Final = N_("填报日期")


def contact_items(
    contact: Contact, filled: dt.date | None, locale: str = "zh_Hans_CN"
) -> list[tuple[str, str]]:
    """The line the form prints under the statistics table, as (label, value)
    pairs in ``locale``: each field of :class:`~.report_base.Contact` given
    (an empty one too: the form's blank), then 填报日期.  One list for every
    renderer, so what one prints the others print and the importers read."""
    items = [
        (gettext(locale, label), value)
        for name, label in CONTACT_LABELS
        if (value := getattr(contact, name)) is not None
    ]
    if filled is not None:
        items.append((gettext(locale, FILLED), format_date(filled, locale)))
    return items


@cache
def _babel_locale(name: str) -> Locale:
    """Babel's locale ``name``, parsed once: Babel parses a locale given by
    name on every call, which was most of the cost of writing a date."""
    return Locale.parse(name)


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


def exact_places(value: Decimal) -> int:
    """How many decimals ``value`` has: a published table shows them all."""
    exponent = value.as_tuple().exponent
    return max(-exponent, 0) if isinstance(exponent, int) else 0


def format_cell(
    value: CellValue,
    kind: CellKind,
    locale: str = "zh_Hans_CN",
    *,
    grouping: bool | None = None,
    exact: bool = False,
    sign: str | None = None,
) -> str:
    """A table cell for display: blank stays ``""``, not applicable keeps its mark.

    Numbers are written as the official tables print them: bare digits in
    Chinese (``3985758``; the published tables use no thousands separator),
    grouped in English (``3,985,758``); ``grouping`` overrides.  A signed
    value shows ``+`` for an increase (reports print "+1036") unless the
    report printed it without one: ``sign`` is the sign it printed (``""``
    for none; ``None`` when not recorded).  Money is shown without its unit
    (the column header carries it) and with the decimals it has, up to
    :data:`MAX_MONEY_PLACES`; ``exact=True`` shows every one (a published
    document must not round a figure: 5949.088667).
    """
    return cell_formatter(kind, locale, grouping=grouping, exact=exact)(value, sign)


#: ``(value, sign)`` → the cell's text: what :func:`cell_formatter` returns.
CellFormatter: TypeAlias = Callable[[CellValue, "str | None"], str]


@cache
def cell_formatter(
    kind: CellKind,
    locale: str = "zh_Hans_CN",
    *,
    grouping: bool | None = None,
    exact: bool = False,
) -> CellFormatter:
    """:func:`format_cell` for one kind of cell and one locale, made once.

    A renderer writes hundreds of cells of a few kinds per report: this
    looks the locale and its number symbols up once, and the function it
    returns (``formatter(value, sign)``) only formats.
    """
    name = normalize_locale(locale)
    group = _groups_by_default(name) if grouping is None else grouping
    style = _number_style(name)
    if kind == "money":

        def money(value: CellValue, sign: str | None = None) -> str:
            if value is None:
                return ""
            if isinstance(value, NotApplicable):
                return value.mark
            if not isinstance(value, Decimal):
                raise TypeError(f"a money cell holds a Decimal, not {type(value).__name__}")
            places = exact_places(value) if exact else _places(value)
            return style.amount(_round_half_up(value, places), group)

        return money
    signed = kind == "signed"
    spec = ",d" if group else "d"
    plain = _python_writes(style)

    def count(value: CellValue, sign: str | None = None) -> str:
        if type(value) is int:
            text = format(value, spec) if plain else style.count(value, group)
            if signed and value > 0:
                return ("+" if sign is None else sign) + text
            return text
        if value is None:
            return ""
        if isinstance(value, NotApplicable):
            return value.mark
        raise TypeError(f"a {kind} cell holds an int, not {type(value).__name__}")

    return count


def _groups_by_default(name: str) -> bool:
    """Whether a table cell groups digits in locale ``name``: not in Chinese,
    whose official tables print bare digits."""
    return name != "zh_Hans_CN"


def _python_writes(style: _NumberStyle) -> bool:
    """Whether the locale writes numbers as Python does (``-1,234.5``: zh
    and en), so that ``format`` alone writes a count."""
    return style.symbols == {ord(","): ",", ord("."): "."} and (
        style.negative_prefix,
        style.negative_suffix,
    ) == ("-", "")


@cache
def writes_ints_as_str(kind: CellKind, locale: str = "zh_Hans_CN") -> bool:
    """Whether ``cell_formatter(kind, locale)`` writes every ``int`` exactly
    as ``str`` does.

    True for unsigned counts in Chinese (bare digits, Python's minus): a
    renderer may then leave the digits of a table's counts to one
    ``%``-format or ``str.join`` in C instead of a call per cell.
    """
    name = normalize_locale(locale)
    return kind == "count" and not _groups_by_default(name) and _python_writes(_number_style(name))


def format_period(period: Period | None, locale: str = "zh_Hans_CN") -> str:
    """The statistics period as stated: its dates, "stated without dates"
    for a period printed with its dates left out, "not stated" for none (a
    report never gains the calendar year on display)."""
    if period is None:
        return gettext(locale, "not stated")
    if period.start is None and period.end is None:
        return gettext(locale, "stated without dates")
    return gettext(locale, "{start} to {end}").format(
        start=format_date(period.start, locale) if period.start else "—",
        end=format_date(period.end, locale) if period.end else "—",
    )


#: A row label printed otherwise than the format's: shown as printed, with
#: the official label beside it (translated), so nothing is corrected silently.
_AS_PRINTED: Final = N_("as printed; the format says “{official}”")
_WITH_NOTE: Final = N_("{label} ({note})")


def as_printed_note(label: str, locale: str = "zh_Hans_CN") -> str:
    """The note beside a label printed otherwise than the official ``label``
    (a message id): "as printed; the format says “…”"."""
    return gettext(locale, _AS_PRINTED).format(official=gettext(locale, label))


def row_label(label: str, printed: str | None, locale: str = "zh_Hans_CN") -> str:
    """A row's label for display: the official ``label`` (a message id,
    translated), or, where the report printed another text, that text as
    printed followed by the note naming the official label."""
    if printed is None or printed == label:
        return gettext(locale, label)
    return gettext(locale, _WITH_NOTE).format(label=printed, note=as_printed_note(label, locale))
