"""The Markdown document of a report.

Layout, and why:

* ``#`` title, then a list of the facts a reader looks for first (unit,
  statistics period, the dates), then the preamble.
* The report's own sections, as printed (``##``, sub-sections ``###`` …),
  with their paragraphs.  Each official table goes into the section whose
  heading carries its number (table 2 into ``二、…``), after the section's
  paragraphs; a report without such a section gets one with the table's
  official title, in numbering order, so no table is ever dropped.
* Tables are GitHub-flavoured Markdown tables.  GFM has no merged cells,
  so the three header rows of tables 3 and 4 are flattened into one,
  joining the header groups with "：" (``行政诉讼：未经复议直接起诉：结果维持``).
  Table 2 is four (2019: five) captioned blocks with different column
  heads, so it becomes one table per block, each under its caption.
  Table 4 stays one row of fifteen cells, as printed.  Nested rows are
  indented with em spaces (``&emsp;``; an entity, because parsers trim raw
  leading whitespace in cells), and group rows such as （三）不予公开 are
  rows with no figures, as in the official table.
* A blank cell is empty and a not-applicable cell shows its printed mark;
  the legend under each table says so, because the difference (not
  reported vs. does not apply) is a fact of the report.
* The signature (issuing unit and 成文日期) closes the body; attachments
  follow it, as in an official document: the pre-2019 statistics table
  (附件) and, for a consolidated report, the per-unit breakdown.

Every label goes through :func:`govdisclosure.i18n.gettext`, so
``locale="en"`` gives the English translations; every piece of report text
goes through :func:`.escape.escape`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache, lru_cache
from operator import attrgetter
from typing import Any, Final

from govdisclosure.aggregate import breakdown
from govdisclosure.aggregate.breakdown import APPENDIX_TITLE
from govdisclosure.aggregate.skeleton import BLANK_DATE, needs_skeleton, with_skeleton
from govdisclosure.cells import NA_MARKS, NotApplicable
from govdisclosure.editions import Report, is_template_driven
from govdisclosure.editions.legacy import ReportLegacy, StatisticsTemplate, TemplateRow
from govdisclosure.flat import Shape, shape_of
from govdisclosure.formatting import (
    BLANK_LEGEND,
    CellFormatter,
    cell_formatter,
    contact_items,
    format_cell,
    format_date,
    format_period,
    printed_unit_after,
    row_label,
    writes_ints_as_str,
)
from govdisclosure.i18n import gettext, normalize_locale
from govdisclosure.introspect import (
    CellKind,
    ColumnInfo,
    RowInfo,
    TableInfo,
    iter_cells,
    label_field,
    printed_name,
    table_info,
)
from govdisclosure.registry import printed_template, tables_of
from govdisclosure.report_base import Section
from govdisclosure.table_grid import report_grids

from .escape import escape, escape_inline
from .merged import html_table
from .template import Figures, Fill, Slot, Template, draw_template

__all__ = ["render_markdown"]

#: Indentation of one nesting level in a row label (two em spaces, the
#: usual two-character indent of Chinese typesetting).
INDENT = "&emsp;&emsp;"


_NUMERALS = "一二三四五六七八九十"


# -- small pieces --------------------------------------------------------------


def _join(locale: str) -> str:
    """What joins a header group to the column below it (and a label to its value)."""
    return "：" if locale.startswith("zh") else ": "


def _t(locale: str, msgid: str) -> str:
    return escape_inline(gettext(locale, msgid))


def _number(value: Any, kind: CellKind, locale: str) -> str:
    """A cell as the locale writes it; blank is empty, not applicable its mark."""
    return escape_inline(format_cell(value, kind, locale))


def _date(value: dt.date, locale: str) -> str:
    return format_date(value, locale)


def _table(header: Sequence[str], rows: Iterable[Sequence[str]], numeric_from: int) -> list[str]:
    """A GFM table; columns from ``numeric_from`` on are right-aligned figures."""
    align = ["---" if i < numeric_from else "--:" for i in range(len(header))]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(align) + " |"]
    for row in rows:
        lines.append("| " + " | ".join(row) + " |")
    return lines


def _heading(level: int, text: str) -> str:
    return "#" * min(level, 6) + (" " + text if text else "")


@lru_cache(maxsize=4096)
def _leading_numeral(text: str) -> int | None:
    """1 for ``一、总体情况`` …, None when the text is not so numbered.

    Cached: each top-level heading is asked about three times per report,
    and reports share their headings."""
    head = text.strip().split("、", 1)
    if len(head) == 2 and len(head[0]) == 1 and head[0] in _NUMERALS:
        return _NUMERALS.index(head[0]) + 1
    return None


# -- official tables -----------------------------------------------------------


def _cells(table: object) -> dict[tuple[str, ...], Any]:
    return {path: value for path, _, _, value in iter_cells(table)}


def _row_object(table: object, row: RowInfo) -> object:
    obj = table
    for name in row.path:
        obj = getattr(obj, name)
    return obj


#: Draws one cell of a table: a slot of the table's template (:mod:`.template`).
Cell = Callable[[RowInfo, ColumnInfo], str]


def _shown(value: Any, format: CellFormatter, sign: Any, unit: Any, locale: str) -> str:
    """A cell's text: the figure, with the sign and unit the report printed."""
    # A signed change keeps the sign the report printed (or did not print).
    text = format(value, sign if isinstance(sign, str) else None)
    if unit is None and text.isdigit():  # nothing to add or escape (the common case)
        return text
    # A money cell may keep the unit the report printed beside it (the 2019
    # format's 采购总金额 has none of its own): show it with the figure.
    if text and isinstance(unit, str) and unit and not isinstance(value, NotApplicable):
        # The unit is a catalog word (元 → "CNY"), set apart in English.
        shown = gettext(locale, unit)
        text = printed_unit_after(text, shown, glued=shown == unit, translated=shown != unit)
    return escape_inline(text)


@cache
def _figure(kind: CellKind, locale: str) -> Fill:
    """Writes a figure with no printed sign or unit (most cells): what
    :func:`_shown` writes, in one call.

    Where the locale writes counts as ``str`` does (bare digits in
    Chinese), which escaping leaves alone, the writer says so
    (:class:`.template.Figures`), with what it writes for a blank and each
    not-applicable mark: a table of them is then filled in C."""
    format = cell_formatter(kind, locale)

    def write(value: Any) -> str:
        text = format(value, None)
        if text.isdigit() or text in _INERT or _INERT_FIGURE.fullmatch(text):
            return text
        return escape_inline(text)

    if not writes_ints_as_str(kind, locale):
        return write
    marks = [NotApplicable(mark) for mark in NA_MARKS]
    return Figures(write, {value: write(value) for value in (None, *marks)})


#: Cell texts that escaping leaves alone: blank, and the not-applicable marks.
_INERT: Final = frozenset(m for m in ("", *NA_MARKS) if escape_inline(m) == m)
#: A figure made of digits, signs, and the group and decimal symbols of
#: our locales: no character of it is escaped or trimmed.
_INERT_FIGURE: Final = re.compile(r"[0-9+\-.,]+")


def _cell_fill(
    table: object,
    cells: dict[tuple[str, ...], Any],
    index: dict[tuple[Any, ...], int],
    row: RowInfo,
    column: ColumnInfo,
    locale: str,
    slot: Slot,
) -> str:
    """The slot of the cell of ``column`` in ``row`` of a table of this
    shape: read by its position among the report's cells (``index``), or,
    where the report printed a sign or unit beside it, from the table, by
    the row's path and the fields declared to keep them."""
    obj = _row_object(table, row)
    # A row of one cell placed directly in the table (table 2's items) is the cell.
    single = (*row.path, column.key) not in cells
    key = column.key
    sign_name = None if single else printed_name(type(obj), key, "sign")
    unit_name = None if single else printed_name(type(obj), key, "unit")
    if sign_name is None and unit_name is None:
        return slot(_figure(column.kind, locale), index[row.path if single else (*row.path, key)])
    read_row = attrgetter(".".join(row.path))
    format = cell_formatter(column.kind, locale)

    def fill(table: object) -> str:
        obj = read_row(table)
        sign = getattr(obj, sign_name) if sign_name else None
        unit = getattr(obj, unit_name) if unit_name else None
        return _shown(getattr(obj, key), format, sign, unit, locale)

    return slot(fill)


def _header_group(table: object, row: RowInfo) -> str | None:
    """The header spanning all of a row class's columns (申请人情况), if any."""
    header = getattr(type(_row_object(table, row)), "header", None)
    return header if isinstance(header, str) else None


def _flat_label(locale: str, *parts: str | None) -> str:
    return escape_inline(_join(locale).join(gettext(locale, p) for p in parts if p))


def _row_label(locale: str, row: RowInfo) -> str:
    """The row's label, as printed where the report printed another (with
    the official one beside it)."""
    return INDENT * row.depth + escape_inline(row_label(row.label, row.printed_label, locale))


def _legend(locale: str, groups: bool) -> list[str]:
    text = gettext(locale, BLANK_LEGEND)
    if groups:
        text += " " + gettext(locale, "Rows without figures head the rows below them.")
    return [escape(text)]


def _blocked_table(locale: str, info: TableInfo, cell: Cell) -> list[list[str]]:
    """Table 2: one GFM table per captioned block (第二十条第（…）项)."""
    blocks: list[tuple[str | None, list[RowInfo]]] = []
    for row in info.rows:
        if blocks and blocks[-1][0] == row.block:
            blocks[-1][1].append(row)
        else:
            blocks.append((row.block, [row]))
    out = []
    for caption, rows in blocks:
        columns: list[ColumnInfo] = []
        for row in rows:
            for column in row.columns:
                if column.label not in [c.label for c in columns]:
                    columns.append(column)
        header = [
            escape_inline(gettext(locale, "信息内容")),
            *(_t(locale, c.label) for c in columns),
        ]
        body = []
        for row in rows:
            by_label = {c.label: c for c in row.columns}
            body.append(
                [
                    _row_label(locale, row),
                    *(cell(row, by_label[c.label]) if c.label in by_label else "" for c in columns),
                ]
            )
        block = [f"**{_t(locale, caption)}**", ""] if caption else []
        out.append(block + _table(header, body, 1))
    return out


def _row_table(locale: str, table: object, info: TableInfo, cell: Cell) -> list[str]:
    """Table 3: one row per printed row, nested rows indented.

    The corner cell holds the table's 勾稽 note, as printed; the applicant
    columns are headed by their flattened header groups.
    """
    data_rows = [r for r in info.rows if not r.is_group]
    first = data_rows[0]
    group = _header_group(table, first)
    header = [
        _t(locale, getattr(type(table), "note", "") or ""),
        *(_flat_label(locale, group, c.group, c.label) for c in first.columns),
    ]
    body = []
    for row in info.rows:
        if row.is_group:
            body.append([_row_label(locale, row), *([""] * len(first.columns))])
            continue
        body.append(
            [
                _row_label(locale, row),
                *(cell(row, c) for c in row.columns),
            ]
        )
    return _table(header, body, 1)


def _one_row_table(locale: str, info: TableInfo, cell: Cell) -> list[str]:
    """Table 4: one row of cells under a flattened three-level header."""
    header: list[str] = []
    values: list[str] = []
    for row in info.rows:
        for column in row.columns:
            label = row_label(row.label, row.printed_label, locale)
            block = gettext(locale, row.block) if row.block else None
            parts = (block, label, gettext(locale, column.label))
            header.append(escape_inline(_join(locale).join(p for p in parts if p)))
            values.append(cell(row, column))
    return _table(header, [values], 0)


def _official_table(
    locale: str, shape: Shape, values: Sequence[Any], key: str, table: object, details: bool
) -> list[str]:
    """The Markdown of one official table of a 2019/2021 report (with the
    cell legend when ``details`` is asked for); ``shape`` is the report's
    :func:`~govdisclosure.flat.shape_of` and ``values`` its flat cells."""
    template, groups = _table_template(locale, shape, key, table)
    # Each table ends with a blank line, kept apart from the template so
    # that trailing blank lines of the document are dropped alike.
    lines = [template.fill(table, values), ""]
    return lines + (_legend(locale, groups) if details else [])


#: Templates of the official tables drawn so far, by layout (see
#: :func:`_table_template`); emptied when full, so a batch of reports with
#: many different printed labels cannot grow it without bound.
_TEMPLATES: dict[tuple[Any, ...], tuple[Template, Any]] = {}
_MAX_TEMPLATES = 256


def _table_template(locale: str, shape: Shape, key: str, table: object) -> tuple[Template, bool]:
    """The template of table ``key`` for every report of this one's shape
    and printed labels, and whether its rows have group headings.

    The shape (:func:`govdisclosure.flat.shape_of`: the edition and the
    layout its union fields take) fixes the rows and columns; printed
    labels, where the report kept any, are drawn into the template.
    """
    name = label_field(type(table))
    labels = getattr(table, name) if name else None
    cache_key = (shape.key, key, locale, tuple(labels.items()) if labels else ())
    found = _TEMPLATES.get(cache_key)
    if found is not None:
        return found[0], bool(found[1])
    info = table_info(table, key)
    cells = _cells(table)
    index = {path[1:]: i for path, i in shape.index().items() if path[0] == key}

    def cell(slot: Slot) -> Cell:
        return lambda row, column: _cell_fill(table, cells, index, row, column, locale, slot)

    if info.layout == "blocks":

        def draw(slot: Slot) -> list[str]:
            lines: list[str] = []
            for block in _blocked_table(locale, info, cell(slot)):
                lines += [*block, ""]
            return lines[:-1]

        groups = False
    elif info.layout == "single-row":

        def draw(slot: Slot) -> list[str]:
            return _one_row_table(locale, info, cell(slot))

        groups = False
    else:

        def draw(slot: Slot) -> list[str]:
            return _row_table(locale, table, info, cell(slot))

        groups = any(r.is_group for r in info.rows)
    if len(_TEMPLATES) >= _MAX_TEMPLATES:
        _TEMPLATES.clear()
    found = _TEMPLATES[cache_key] = (draw_template(draw), groups)
    return found[0], groups


# -- legacy statistics table ---------------------------------------------------


def _legacy_kind(row: TemplateRow) -> CellKind:
    return "money" if row.is_money else "count"


def _legacy_label(locale: str, row: TemplateRow) -> str:
    label = gettext(locale, row.label)
    if row.number and not row.label.startswith(row.number):
        # Arabic item numbers take a full stop, as in the 2019/2021 tables
        # ("1.属于国家秘密"); （一） and 一、 carry their own punctuation.
        number = row.number + "." if row.number.isdigit() else gettext(locale, row.number)
        label = number + label
    return INDENT * row.level + escape_inline(label)


def _legacy_table(locale: str, report: ReportLegacy, template: StatisticsTemplate) -> list[str]:
    """The statistics table, drawn once per template and locale, filled per report."""
    key = ("legacy", id(template), locale)
    found = _TEMPLATES.get(key)
    # The template is kept with its drawing, so its id names no other object.
    if found is None or found[1][0] is not template:
        if len(_TEMPLATES) >= _MAX_TEMPLATES:
            _TEMPLATES.clear()
        drawn = draw_template(lambda slot: _legacy_lines(locale, template, slot))
        found = _TEMPLATES[key] = (drawn, (template, _legacy_cells(template)))
    statistics = report.statistics
    return [found[0].fill(statistics, statistics.values(found[1][1]))]


def _legacy_cells(template: StatisticsTemplate) -> tuple[tuple[str, str], ...]:
    """The ``(row code, column key)`` of each figure of the table, in the
    order :func:`_legacy_lines` reads them by position."""
    return tuple(
        (r.code, c.key) for r in template.rows if not r.is_header for c in template.columns
    )


def _legacy_lines(locale: str, template: StatisticsTemplate, slot: Slot) -> list[str]:
    header = [
        escape_inline(gettext(locale, "统计指标")),
        escape_inline(gettext(locale, "单位")),
        *(_t(locale, c.label) for c in template.columns),
    ]
    position = {cell: i for i, cell in enumerate(_legacy_cells(template))}
    body = []
    for row in template.rows:
        if row.is_header:
            body.append([_legacy_label(locale, row), "——", *([""] * len(template.columns))])
            continue
        figure = _figure(_legacy_kind(row), locale)
        body.append(
            [
                _legacy_label(locale, row),
                _t(locale, row.unit or ""),
                *(slot(figure, position[row.code, c.key]) for c in template.columns),
            ]
        )
    return _table(header, body, 2)


# -- per-unit breakdown of a consolidated report -------------------------------


def _breakdown(locale: str, report: Report) -> list[str]:
    """A row per part, then the consolidated report's own row.

    The cells, their labels and each unit's figures are the core's
    ``breakdown(report, columns="headline")``, which the PDF shows too.
    """
    table = breakdown(report, columns="headline")
    header = [
        escape_inline(gettext(locale, "Reporting unit")),
        *(escape_inline(c.label.render(locale)) for c in table.columns),
    ]
    own = escape_inline(report.unit.name) + " " + _t(locale, "(consolidated)")
    units = [(escape_inline(r.unit.name), r.values) for r in table.rows]
    body = [
        [name, *(_number(v, c.kind, locale) for v, c in zip(values, table.columns, strict=True))]
        for name, values in [*units, (own, table.totals)]
    ]
    return _table(header, body, 1)


# -- the document --------------------------------------------------------------


def _title(locale: str, report: Report) -> str:
    if report.title:
        return escape_inline(report.title)
    text = gettext(locale, "{unit} {year} annual report on government information disclosure")
    return escape_inline(text.format(unit=report.unit.name, year=report.year))


def _facts(locale: str, report: Report) -> list[str]:
    period = format_period(report.period, locale)
    facts = [
        (gettext(locale, "Reporting unit"), report.unit.name),
        (gettext(locale, "Statistics period"), period),
    ]
    # 填报日期 is printed on the contact line under the tables, where the form has it.
    for msgid, value in (
        ("成文日期", report.dates.written),
        ("发布日期", report.dates.published),
    ):
        if value is not None:
            facts.append((gettext(locale, msgid), _date(value, locale)))
    join = _join(locale)
    return [f"- {escape(name)}{join}{escape_inline(value)}" for name, value in facts]


def _contact(locale: str, report: Report) -> list[str]:
    join = _join(locale)
    items = contact_items(report.contact, report.dates.filled, locale)
    shown = [f"{escape(label)}{join}{escape_inline(value)}" for label, value in items]
    return ["\u3000".join(shown), ""] if shown else []


def _section(
    out: list[str],
    locale: str,
    section: Section,
    level: int,
    tables: dict[int, tuple[str, list[str]]],
    translate: bool = False,
) -> None:
    """Appends the section's lines to ``out`` (a list, not a generator:
    nested generators cost a frame switch per line and level).  With
    ``translate`` (a skeleton's official headings) the heading is said in
    the locale."""
    heading = escape_inline(gettext(locale, section.heading) if translate else section.heading)
    out += (_heading(level, heading), "")
    for paragraph in section.paragraphs:
        text = escape(paragraph)
        if text:
            out += (text, "")
    number = _leading_numeral(section.heading) if level == 2 else None
    if number is not None and number in tables:
        title, lines = tables.pop(number)
        # The caption repeats the official title only where the report
        # words its heading differently.
        if heading != title:
            out += (f"**{title}**", "")
        out += lines
        out.append("")
    for sub in section.subsections:
        _section(out, locale, sub, level + 1, tables)


#: The tables whose headers are merged (drawn as HTML with ``html_tables``).
_MERGED = frozenset({"table3", "table4"})


def _tables_by_number(
    locale: str, report: Report, details: bool, html_tables: bool = False
) -> dict[int, tuple[str, list[str]]]:
    """Official title and Markdown of each table of a 2019/2021 report, by section number."""
    out: dict[int, tuple[str, list[str]]] = {}
    if is_template_driven(report):
        return out
    # The grids of the official layout, computed once, when HTML tables are asked for.
    grids = {g.key: g for g in report_grids(report)} if html_tables else {}
    shape = shape_of(report)
    values = shape.flatten(report)
    for key, table in tables_of(report):
        title = getattr(type(table), "title", key)
        number = _leading_numeral(title)
        if number is None:  # pragma: no cover - every official title is numbered
            raise ValueError(f"table {key} has an unnumbered title {title!r}")
        if key in _MERGED and key in grids:
            lines = [*html_table(report, grids[key], locale), ""]
        else:
            lines = _official_table(locale, shape, values, key, table, details)
        out[number] = (_t(locale, title), lines)
    return out


def _orphan(out: list[str], table: tuple[str, list[str]]) -> None:
    """A table whose section the report lacks, under its official title."""
    title, lines = table
    out += (_heading(2, title), "")
    out += lines
    out.append("")


def _body(
    out: list[str],
    locale: str,
    report: Report,
    details: bool,
    html_tables: bool,
    translate: bool = False,
) -> None:
    tables = _tables_by_number(locale, report, details, html_tables)
    numbers = {_leading_numeral(s.heading) for s in report.sections}
    for section in report.sections:
        number = _leading_numeral(section.heading)
        # A table whose section the report lacks goes before the first
        # section numbered after it.
        if number is not None and tables:
            for missing in sorted(n for n in tables if n < number and n not in numbers):
                _orphan(out, tables.pop(missing))
        _section(out, locale, section, 2, tables, translate)
    for missing in sorted(tables):
        _orphan(out, tables.pop(missing))


def _signature(locale: str, report: Report, skeleton: bool = False) -> list[str]:
    lines = [escape(report.signed_by or report.unit.name), ""]
    if report.dates.written is not None:
        lines += [escape(_date(report.dates.written, locale)), ""]
    elif skeleton:  # the date is the office's to fill in, as the text is
        lines += [escape(gettext(locale, BLANK_DATE)), ""]
    return lines


def render_markdown(
    report: Report, locale: str, *, details: bool = False, html_tables: bool = False
) -> str:
    """The whole report as a GitHub-flavoured Markdown document.

    The document is the report as printed: title, text, tables, signature.
    ``details=True`` adds what a reader of the data wants and a printed
    report does not carry: the list of unit, statistics period and dates
    under the title, and under each table the legend of blank and
    not-applicable cells.  ``html_tables=True`` writes tables 3 and 4, whose
    headers are merged, as HTML tables with their merged cells
    (:mod:`.merged`) instead of pipe tables.
    """
    locale = normalize_locale(locale)
    # A consolidated report without text of its own is laid out with the
    # six sections of its format, the office's part marked (as every
    # renderer of the project does it).
    skeleton = needs_skeleton(report)
    report = with_skeleton(report, locale)
    lines = [_heading(1, _title(locale, report)), ""]
    if details:
        lines += [*_facts(locale, report), ""]
    for paragraph in report.preamble:
        text = escape(paragraph)
        if text:
            lines += [text, ""]
    _body(lines, locale, report, details, html_tables, translate=skeleton)
    if not is_template_driven(report):
        lines += _contact(locale, report)
    lines += _signature(locale, report, skeleton)
    if is_template_driven(report):
        template = printed_template(report)
        attachment = gettext(locale, "附件") + _join(locale) + gettext(locale, template.title)
        lines += [_heading(2, escape_inline(attachment)), ""]
        lines += [*_legacy_table(locale, report, template), ""]
        if details:
            lines += [*_legend(locale, any(r.is_header for r in template.rows)), ""]
        lines += _contact(locale, report)
    if report.parts:
        lines += [_heading(2, escape_inline(gettext(locale, APPENDIX_TITLE))), ""]
        lines += [*_breakdown(locale, report), ""]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"
