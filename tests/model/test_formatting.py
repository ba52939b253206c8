"""Formatting helpers: counts, money (half up, never float), dates, numbering, cells."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

import pytest
from babel.numbers import format_decimal
from hypothesis import example, given
from hypothesis import strategies as st

from govdisclosure.cells import NA, NotApplicable
from govdisclosure.formatting import (
    MAX_MONEY_PLACES,
    cell_formatter,
    chinese_numbering,
    format_cell,
    format_count,
    format_date,
    format_money,
    printed_unit_after,
    writes_ints_as_str,
)
from govdisclosure.introspect import CellKind

# -- outline numbering ------------------------------------------------------------

_VALUE = {c: i for i, c in enumerate("〇一二三四五六七八九")}


def _parse_chinese(text: str) -> int:
    """Chinese counting numerals 1–99, read the way a person reads them."""
    assert text and all(c in _VALUE or c == "十" for c in text), text
    if "十" not in text:
        assert len(text) == 1 and text != "〇"
        return _VALUE[text]
    tens_text, _, ones_text = text.partition("十")
    assert len(tens_text) <= 1 and len(ones_text) <= 1, text
    assert tens_text not in ("一", "〇") and ones_text != "〇", text  # 十一, never 一十一
    tens = _VALUE[tens_text] if tens_text else 1
    return tens * 10 + (_VALUE[ones_text] if ones_text else 0)


_PATTERNS = (
    (1, re.compile(r"([〇一二三四五六七八九十]+)、\Z")),
    (2, re.compile(r"（([〇一二三四五六七八九十]+)）\Z")),
    (3, re.compile(r"([1-9][0-9]*)\.\Z")),
    (4, re.compile(r"（([1-9][0-9]*)）\Z")),
)


def _parse_numbering(text: str) -> tuple[int, int]:
    for level, pattern in _PATTERNS:
        m = pattern.match(text)
        if m:
            digits = m.group(1)
            return level, (int(digits) if level >= 3 else _parse_chinese(digits))
    raise ValueError(text)


@given(st.integers(1, 4), st.integers(1, 99))
def test_numbering_round_trips(level: int, n: int) -> None:
    assert _parse_numbering(chinese_numbering(level, n)) == (level, n)


def test_numbering_known_values() -> None:
    assert [chinese_numbering(1, n) for n in (1, 6, 10, 11, 19, 20, 21, 99)] == [
        "一、",
        "六、",
        "十、",
        "十一、",
        "十九、",
        "二十、",
        "二十一、",
        "九十九、",
    ]
    assert chinese_numbering(2, 3) == "（三）"
    assert chinese_numbering(3, 7) == "7."
    assert chinese_numbering(4, 12) == "（12）"


@pytest.mark.parametrize(("level", "n"), [(1, 0), (1, 100), (2, -1), (3, 0), (5, 1), (0, 1)])
def test_numbering_out_of_range_raises(level: int, n: int) -> None:
    with pytest.raises(ValueError):
        chinese_numbering(level, n)


# -- counts -------------------------------------------------------------------------


def test_counts_follow_cldr_grouping() -> None:
    assert format_count(218972) == "218,972"
    assert format_count(218972, "en") == "218,972"
    assert format_count(3985758, grouping=False) == "3985758"
    assert format_count(0) == "0"
    with pytest.raises(TypeError):
        format_count(True)
    with pytest.raises(TypeError):
        format_count(1.0)  # type: ignore[arg-type]


@given(st.integers(-(10**9), 10**9), st.sampled_from(["zh_Hans_CN", "en", "zh_CN", "en_US"]))
def test_counts_read_back(n: int, locale: str) -> None:
    assert int(format_count(n, locale).replace(",", "")) == n


# -- money --------------------------------------------------------------------------


def _half_up(value: Decimal, places: int) -> str:
    """The oracle: round half up with exact fractions, written with ``places`` decimals."""
    scaled = Fraction(value) * 10**places
    sign = -1 if scaled < 0 else 1
    whole, rest = divmod(abs(scaled), 1)
    rounded = sign * (int(whole) + (1 if rest >= Fraction(1, 2) else 0))
    digits = f"{abs(rounded):0{places + 1}d}"
    text = digits if places == 0 else f"{digits[:-places]}.{digits[-places:]}"
    return ("-" if rounded < 0 else "") + text


def _few_decimals(value: Decimal) -> bool:
    exponent = value.as_tuple().exponent
    return isinstance(exponent, int) and exponent >= -8


_amounts = st.decimals(
    min_value=Decimal("0"), max_value=Decimal("1e9"), allow_nan=False, allow_infinity=False
).filter(_few_decimals)


@given(_amounts, st.integers(0, 6))
@example(Decimal("1.005"), 2)
@example(Decimal("2.5"), 0)
@example(Decimal("0.125"), 2)
def test_money_rounds_half_up(value: Decimal, places: int) -> None:
    shown = format_money(value, "en", places=places, unit=None)
    assert shown.replace(",", "") == _half_up(value, places)


@given(_amounts)
def test_money_default_precision_is_the_values_own_up_to_four(value: Decimal) -> None:
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    places = min(max(-exponent, 0), MAX_MONEY_PLACES)
    shown = format_money(value, "zh_Hans_CN", unit=None)
    assert shown.replace(",", "") == _half_up(value, places)


def test_money_half_up_where_babel_would_round_half_even() -> None:
    assert format_money(Decimal("1.005"), places=2, unit=None) == "1.01"
    assert format_money(Decimal("2.5"), places=0, unit=None) == "3"
    assert format_money(Decimal("96171.6")) == "96,171.6万元"
    assert format_money(Decimal("96171.6"), "en") == "96,171.6 × 10,000 CNY"
    assert format_money(Decimal("251000"), "en", unit="元") == "251,000 CNY"
    assert format_money(Decimal("0.123456"), unit=None) == "0.1235"


def test_money_refuses_float() -> None:
    with pytest.raises(TypeError):
        format_money(1.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        format_money(Decimal("NaN"))
    with pytest.raises(ValueError):
        format_money(Decimal("1"), places=-1)


# -- the same digits as Babel ----------------------------------------------------------

#: Locales as callers spell them, and what they stand for.
_LOCALES = st.sampled_from(["zh_Hans_CN", "en", "zh", "en_US"])
_BABEL_NAME = {"zh_Hans_CN": "zh_Hans_CN", "zh": "zh_Hans_CN", "en": "en", "en_US": "en"}


def _babel_amount(value: Decimal, places: int, locale: str, grouping: bool) -> str:
    """The oracle: half-up rounding, then Babel's ``format_decimal`` of the
    pattern, both with enough digits of precision for the whole amount."""
    with localcontext() as context:
        context.prec = max(28, value.adjusted() + places + 2)
        rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        pattern = "#,##0" + ("." + "0" * places if places else "")
        return format_decimal(
            rounded, format=pattern, locale=_BABEL_NAME[locale], group_separator=grouping
        )


# Babel is exact for fewer than 29 digits in the default decimal context
# (beyond, it raises): every count a report can hold is far inside.
@given(st.integers(-(10**28) + 1, 10**28 - 1), _LOCALES, st.booleans())
@example(0, "en", True)
@example(-1, "zh_Hans_CN", True)
@example(-999, "en", True)
@example(-1000, "en", True)
@example(10**27, "en", True)
def test_counts_are_written_as_babel_writes_them(n: int, locale: str, grouping: bool) -> None:
    expected = format_decimal(
        n, format="#,##0", locale=_BABEL_NAME[locale], group_separator=grouping
    )
    assert format_count(n, locale, grouping=grouping) == expected


def test_counts_beyond_the_decimal_context_are_written_in_full() -> None:
    n = -(10**40) - 7
    assert format_count(n, grouping=False) == str(n)
    assert format_count(n, "en").replace(",", "") == str(n)


@given(st.integers(-(10**15), 10**15), st.sampled_from(["count", "signed"]), _LOCALES)
@example(-5, "signed", "zh_Hans_CN")
@example(1036, "signed", "en")
def test_count_cells_are_written_as_babel_writes_them(n: int, kind: CellKind, locale: str) -> None:
    grouping = _BABEL_NAME[locale] != "zh_Hans_CN"
    expected = format_decimal(
        n, format="#,##0", locale=_BABEL_NAME[locale], group_separator=grouping
    )
    plus = "+" if kind == "signed" and n > 0 else ""
    assert format_cell(n, kind, locale) == plus + expected
    assert format_cell(n, kind, locale, grouping=not grouping).replace(",", "") == plus + str(n)


@given(st.integers(-(10**15), 10**15), st.sampled_from(["count", "signed", "money"]), _LOCALES)
@example(-5, "count", "zh_Hans_CN")
@example(1036, "count", "zh")
def test_ints_are_written_as_str_where_the_formatter_says_so(
    n: int, kind: CellKind, locale: str
) -> None:
    # Renderers leave such counts to one %-format in C (the Markdown tables).
    if writes_ints_as_str(kind, locale):
        assert cell_formatter(kind, locale)(n, None) == str(n)


def test_chinese_counts_are_written_as_str_and_no_others() -> None:
    assert writes_ints_as_str("count", "zh_Hans_CN") and writes_ints_as_str("count", "zh")
    assert not writes_ints_as_str("count", "en")  # grouped: 1,036
    assert not writes_ints_as_str("signed", "zh_Hans_CN")  # +1036
    assert not writes_ints_as_str("money", "zh_Hans_CN")  # a Decimal, never an int


#: Amounts of every size and sign: money with decimals, negative (a signed
#: change, a typo), more than 28 significant digits (a consolidated total).
def _cell_sized(value: Decimal) -> bool:
    exponent = value.as_tuple().exponent
    return isinstance(exponent, int) and exponent >= -12 and value.adjusted() < 45


_any_amounts = st.decimals(allow_nan=False, allow_infinity=False).filter(_cell_sized)


@given(_any_amounts, st.none() | st.integers(0, 8), _LOCALES, st.booleans())
@example(Decimal("-0.00001"), 4, "en", True)  # rounds to a signed zero: "-0.0000"
@example(Decimal("-0"), None, "zh_Hans_CN", True)
@example(Decimal("1E+3"), None, "en", True)
@example(Decimal("12345678901234567890123456789.995"), 2, "en", True)
@example(Decimal("-98765432109876543210987654321098765.4321"), None, "zh", False)
@example(Decimal("1.005"), 2, "en", True)
def test_amounts_are_written_as_babel_writes_them(
    value: Decimal, places: int | None, locale: str, grouping: bool
) -> None:
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    shown_places = min(max(-exponent, 0), MAX_MONEY_PLACES) if places is None else places
    expected = _babel_amount(value, shown_places, locale, grouping)
    assert format_money(value, locale, places=places, unit=None, grouping=grouping) == expected


@given(_any_amounts, _LOCALES)
def test_money_cells_show_every_decimal_as_babel_writes_them(value: Decimal, locale: str) -> None:
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    grouping = _BABEL_NAME[locale] != "zh_Hans_CN"
    expected = _babel_amount(value, max(-exponent, 0), locale, grouping)
    assert format_cell(value, "money", locale, exact=True) == expected


# -- dates --------------------------------------------------------------------------


def test_dates() -> None:
    day = dt.date(2018, 2, 23)
    assert format_date(day) == "2018年2月23日"
    assert format_date(day, "zh_CN") == "2018年2月23日"
    assert format_date(day, "en") == "23 February 2018"
    assert format_date(dt.date(2025, 1, 5), "en_GB") == "5 January 2025"


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_chinese_dates_have_no_leading_zeros(day: dt.date) -> None:
    # GB/T 9704-2012 7.3.5.4: 月、日不编虚位.
    assert format_date(day) == f"{day.year}年{day.month}月{day.day}日"


# -- cells --------------------------------------------------------------------------


def test_cells_keep_their_three_states() -> None:
    assert format_cell(None, "count") == ""
    assert format_cell(NA, "count") == "/"
    assert format_cell(NotApplicable("—"), "money") == "—"
    assert format_cell(0, "count") == "0"
    assert format_cell(3985758, "count", "en") == "3,985,758"
    assert format_cell(1036, "signed") == "+1036"  # Chinese: bare digits, as printed
    assert format_cell(1036, "signed", "en") == "+1,036"
    assert format_cell(-12, "signed") == "-12"
    assert format_cell(Decimal("96171.6"), "money") == "96171.6"
    assert format_cell(Decimal("96171.6"), "money", "en") == "96,171.6"
    with pytest.raises(TypeError):
        format_cell(Decimal("1"), "count")
    with pytest.raises(TypeError):
        format_cell(1, "money")


@pytest.mark.parametrize(
    "call",
    [
        lambda: format_count(1, "fr"),
        lambda: format_money(Decimal(1), "zh_TW"),
        lambda: format_date(dt.date(2020, 1, 1), "xx"),
        lambda: format_cell(1, "count", "de"),
    ],
)
def test_unknown_locale_is_refused_by_every_helper(call: Callable[[], str]) -> None:
    with pytest.raises(ValueError, match="unknown locale"):
        call()


@pytest.mark.parametrize(
    ("figure", "unit", "glued", "printed"),
    [
        ("147230", "元", True, "147230元"),
        ("5", "thousand", False, "5 thousand"),
        # A unit that starts as a figure goes on would read as part of it
        # ("01", "1234", "1 234", "0.5"): set apart and bracketed.
        ("0", "1", True, "0 （1）"),
        ("1", "234", False, "1 （234）"),
        ("1", " ２３４元", True, "1 （ ２３４元）"),
        ("0", ".5", True, "0 （.5）"),
        ("1", "，234", True, "1 （，234）"),
        ("0", "万", True, "0万"),
    ],
)
def test_a_printed_unit_follows_its_figure(
    figure: str, unit: str, glued: bool, printed: str
) -> None:
    assert printed_unit_after(figure, unit, glued=glued) == printed


def test_a_unit_from_the_catalogs_is_shown_as_it_is() -> None:
    # 万元 in English: a known word, not a figure.
    assert printed_unit_after("0", "10,000 CNY", glued=False, translated=True) == "0 10,000 CNY"
