"""Words the PDF prints that are not report text: translated, never invented.

Official labels (row, column and block labels, table titles, the 勾稽 note)
come from the table definitions through :mod:`govdisclosure.introspect` and
are translated with the catalogs, their Chinese wording being their own
message id.  The few headings of the official tables that the definitions
do not carry as fields (信息内容 in table 2; 统计指标 and 单位 in the
statistics table; the signature lines under it) are official wording too and
follow the same rule.  Words of this renderer's own (an appendix title, a
chart title) have English message ids.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Final

from govdisclosure import formatting
from govdisclosure.aggregate.breakdown import APPENDIX_TITLE
from govdisclosure.cells import NotApplicable
from govdisclosure.i18n import N_, gettext, normalize_locale

__all__ = [
    "ATTACHMENT",
    "BREAKDOWN_TITLE",
    "CHANNEL_CHART",
    "CHART_BLANK",
    "CHART_UNIT",
    "FIGURE",
    "INDICATOR",
    "INFO_CONTENT",
    "OUTCOME_CHART",
    "TOTAL",
    "UNIT",
    "UNIT_APPLICATIONS",
    "UNIT_CHART",
    "UNIT_CHART_LEGACY",
    "UNIT_ITEMS",
    "format_date",
    "format_value",
    "is_english",
    "tr",
]

#: Table 2: the heading of the label column of every block.
INFO_CONTENT: Final = N_("信息内容")
#: Statistics table (pre-2019): the label column and the unit column.
INDICATOR: Final = N_("统计指标")
UNIT: Final = N_("单位")
#: GB/T 9704 7.3.4: the word before an attachment's name.
ATTACHMENT: Final = N_("附件")
#: This renderer's own words.
BREAKDOWN_TITLE: Final = APPENDIX_TITLE
TOTAL: Final = N_("Total")
REPORTING_UNIT: Final = N_("Reporting unit")
OUTCOME_CHART: Final = N_("Applications by outcome")
CHANNEL_CHART: Final = N_("Proactive disclosure by channel")
UNIT_CHART: Final = N_("New applications by reporting unit")
UNIT_CHART_LEGACY: Final = N_("Proactive disclosure by reporting unit")
DEFAULT_TITLE: Final = N_("{unit} annual report on government information disclosure for {year}")
SUBJECT: Final = N_("Government information disclosure annual report")
#: A chart's number in the document, its unit, and the rows it leaves out.
FIGURE: Final = N_("Figure {number}")
CHART_UNIT: Final = N_("(unit: {unit})")
CHART_BLANK: Final = N_("Left blank in the report, not drawn: {rows}")
#: Units of the charts' values: applications (件) and items disclosed (条).
UNIT_APPLICATIONS: Final = N_("applications")
UNIT_ITEMS: Final = N_("items")
#: The year after a statistics table's title, as the tables print it.
STATISTICS_YEAR: Final = N_("（{year}年度）")


def tr(locale: str, msgid: str) -> str:
    """``msgid`` in ``locale``."""
    return gettext(locale, msgid)


def is_english(locale: str) -> bool:
    return normalize_locale(locale) == "en"


def format_date(date: dt.date, locale: str) -> str:
    """GB/T 9704 7.3.5.4: 2018年2月23日 (no zero padding); 23 February 2018."""
    return formatting.format_date(date, locale)


_DIGITS: Final = "〇一二三四五六七八九"


def _chinese_number(n: int) -> str:
    """1–31 as written in dates: 一, 十, 十一, 二十, 二十三."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + (_DIGITS[ones] if ones or not tens else "")


def chinese_date(date: dt.date) -> str:
    """二〇一八年二月二十三日: a date in Chinese numerals (GB/T 9704-1999 and house styles)."""
    year = "".join(_DIGITS[int(d)] for d in str(date.year))
    return f"{year}年{_chinese_number(date.month)}月{_chinese_number(date.day)}日"


def format_value(
    value: object,
    locale: str,
    unit: str | None = None,
    kind: str = "count",
    sign: str | None = None,
) -> str:
    """A cell as printed: blank stays empty, not applicable shows its mark.

    Chinese tables print bare digits, as the official tables do (3985758);
    English groups thousands.  Money keeps the decimals it has (96171.6),
    with its unit appended where the format printed none (2019 procurement:
    251000元).  A positive ``"signed"`` value (本年增/减) shows its "+",
    unless the report printed it without one (``sign=""``).
    """
    if value is None:
        return ""
    if isinstance(value, NotApplicable):
        return value.mark
    grouping = is_english(locale)
    if type(value) is int:
        text = formatting.format_count(value, locale, grouping=grouping)
    elif isinstance(value, Decimal):
        # Every decimal the amount has: a published table never rounds a figure.
        places = formatting.exact_places(value)
        text = formatting.format_money(value, locale, places=places, unit=None, grouping=grouping)
    else:
        raise TypeError(f"not a cell value: {value!r}")
    if kind == "signed" and type(value) is int and value > 0:
        text = ("+" if sign is None else sign) + text
    if not unit:
        return text
    # The unit is a catalog word (元 → "CNY"), set apart in English.
    shown = tr(locale, unit)
    return formatting.printed_unit_after(
        text, shown, glued=not is_english(locale), translated=shown != unit
    )
