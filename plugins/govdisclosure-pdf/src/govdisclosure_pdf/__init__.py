"""PDF renderer for govdisclosure: GB/T 9704-2012 pages and the official tables.

``govdisclosure.render(report, "pdf", locale=..., charts=..., font=...)``
reaches :func:`render_pdf` through the entry point ``pdf`` of the group
``govdisclosure``.  The layout is described in ``docs/pdf.md``:
A4 with the standard's margins and 22 × 28 grid, title and heading faces,
page numbers ``— n —`` alternating sides, the signature block, tables 2–4
and the pre-2019 statistics table as the formats draw them, an attachment
with each unit's figures for a consolidated report, optional charts.

Options (``RenderOptions.extra``, all text):

* ``font_dirs``: directories to search for fonts instead of the system's
  (``os.pathsep``-separated); ``font_index``: the face of a TTC given as
  ``RenderOptions.font``;
* ``table_size``: the tables' type size in points (10.5–12, default 10.5);
* ``table4``: ``auto`` (default), ``portrait`` or ``landscape``;
* ``date_numerals``: ``arabic`` (default: 2018年2月23日, GB/T 9704-2012
  7.3.5.4) or ``chinese`` (二〇一八年二月二十三日) for the signature's date.
"""

from __future__ import annotations

import datetime as dt
import math

from govdisclosure.editions import Report
from govdisclosure.i18n import N_, normalize_locale
from govdisclosure.plugin import Renderer, RenderOptions, hookimpl
from govdisclosure.rendering import OptionValueError, one_of

from .document import DocumentInfo, build_pdf
from .fonts import (
    FontError,
    FontFallbackWarning,
    FontSet,
    FontStandInWarning,
    note_fallback,
    note_stand_ins,
    resolve_fonts,
)
from .labels import SUBJECT, is_english, tr
from .story import StoryOptions, build_story, report_title
from .styles import TABLE_SIZE, make_styles

__all__ = [
    "RENDERER",
    "FontError",
    "FontFallbackWarning",
    "FontSet",
    "FontStandInWarning",
    "govdisclosure_renderers",
    "render_pdf",
    "resolve_fonts",
]

_TABLE4_MODES = ("auto", "portrait", "landscape")
_DATE_NUMERALS = ("arabic", "chinese")


def _table_size(extra: dict[str, str]) -> float:
    text = extra.get("table_size")
    if text is None:
        return TABLE_SIZE
    try:
        size = float(text)
    except ValueError:
        size = math.nan
    if not 9 <= size <= 12:
        raise OptionValueError(
            "pdf",
            "table_size",
            text,
            N_("{key} must be between {low} and {high} points, not {value}"),
            {"low": 9, "high": 12},
        )
    return size


def _document_date(report: Report) -> dt.date | None:
    """The PDF's creation date: the 成文日期, else the publication date, else none."""
    d = report.dates
    return d.written or d.published


def _keywords(report: Report, locale: str) -> str:
    """What a search for the document would use: the kind of report, the unit, the year."""
    words = [tr(locale, SUBJECT), report.unit.name]
    if report.unit.parent:
        words.append(report.unit.parent)
    words.append(f"{report.year}" if is_english(locale) else f"{report.year}年")
    return ", ".join(dict.fromkeys(w for w in words if w))


def render_pdf(report: Report, options: RenderOptions) -> bytes:
    """The report as a PDF (bytes); the same report and options give the same bytes."""
    locale = normalize_locale(options.locale)
    extra = dict(options.extra)
    table4 = extra.get("table4", "auto")
    if table4 not in _TABLE4_MODES:
        raise one_of("pdf", "table4", table4, _TABLE4_MODES)
    numerals = extra.get("date_numerals", "arabic")
    if numerals not in _DATE_NUMERALS:
        raise one_of("pdf", "date_numerals", numerals, _DATE_NUMERALS)
    index = extra.get("font_index")
    if index is not None and not (index.isascii() and index.isdigit()):
        # Left to the font search, a face that is not a number was ignored.
        raise OptionValueError(
            "pdf", "font_index", index, N_("{key} must be a whole number from 0, not {value!r}")
        )
    fonts = resolve_fonts(options.font, extra)  # FontError: said in both locales
    note_fallback(fonts, locale)
    note_stand_ins(fonts, locale)
    styles = make_styles(fonts, table_size=_table_size(extra))
    story = build_story(report, styles, StoryOptions(locale, options.charts, table4, numerals))
    info = DocumentInfo(
        title=report_title(report, locale),
        author=report.signed_by or report.unit.name,
        subject=tr(locale, SUBJECT),
        lang="en" if locale == "en" else "zh-CN",
        date=_document_date(report),
        keywords=_keywords(report, locale),
    )
    return build_pdf(story, styles, info)


RENDERER = Renderer(
    name="pdf",
    media_type="application/pdf",
    suffix=".pdf",
    render=render_pdf,
    description="PDF laid out to GB/T 9704-2012 with the official tables (reportlab)",
    options=frozenset(
        {"table4", "date_numerals", "table_size", "font_config", "font_dirs", "font_index"}
    ),
)


@hookimpl
def govdisclosure_renderers() -> list[Renderer]:
    return [RENDERER]
