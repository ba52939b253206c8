"""The attachment of a consolidated report: each unit's figures side by side.

A consolidated report keeps the reports it was built from in ``parts``;
the attachment shows, for each of them and for the whole, the figures a
reader compares across units (the seed report does it in prose: "市政府办
共收到并办理9起…华宁县…1起…").  Which figures, under which labels, and
each unit's values all come from the core's
``breakdown(report, columns="headline")``, so the PDF and every other
renderer show the same table; this module only lays it out.  A 2019/2021
report gets one table, a row per unit and the total last; a pre-2019 report
(more figures than fit across a page) is turned, a row per figure and a
column per unit, four units to a table and further units in another table
below.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from typing import Final

from attrs import evolve

from govdisclosure.aggregate import Breakdown, breakdown
from govdisclosure.cells import CellValue
from govdisclosure.editions import Report, is_template_driven

from .grid import PAD_X, Cell, Grid
from .labels import BREAKDOWN_TITLE, INDICATOR, REPORTING_UNIT, TOTAL, format_value, tr
from .styles import TYPE_HEIGHT
from .tables import TableLayout
from .text import text_width

__all__ = ["breakdown_grids"]

Number = int | Decimal
_UNITS_PER_TABLE = 4
#: A label that is a numbered section of its table: 一、…, 三、本年度办理结果.
_SECTION: Final = re.compile(r"^[一二三四五六七八九十]+、")


def breakdown_grids(
    report: Report, layout: TableLayout
) -> tuple[str, list[Grid], list[tuple[str, Number | None]]]:
    """Title, tables, and (unit, first figure: new applications) for the chart."""
    locale = layout.locale
    table = breakdown(report, columns="headline")
    title = tr(locale, BREAKDOWN_TITLE)
    grids = _turned(table, layout) if is_template_driven(report) else _across(table, layout)
    return title, grids, _chart_items(table)


def _units(table: Breakdown, locale: str) -> list[tuple[str, tuple[CellValue, ...]]]:
    """(row heading, figures) of every part, then of the consolidated report."""
    out = [(row.unit.name, row.values) for row in table.rows]
    out.append((tr(locale, TOTAL), table.totals))
    return out


def _heads(table: Breakdown, locale: str) -> tuple[list[str | None], list[str], list[str]]:
    """The three header rows of the across table, as a person would label the columns.

    The core's label is a path (三、本年度办理结果 / （七）总计 / 总计); a
    reader wants the row it comes from (（七）总计) with the applicant column
    (总计) under it, and the two 行政诉讼 columns under one 行政诉讼.  Row
    0 holds such a group (``None`` where the column has none), row 1 the
    row label, row 2 the column label.
    """
    groups: list[str | None] = []
    rows: list[str] = []
    columns: list[str] = []
    for column in table.columns:
        raw = [p if isinstance(p, str) else p.render("zh_Hans_CN") for p in column.label.parts]
        head, *middle, last = [
            tr(locale, p) if isinstance(p, str) else p.render(locale) for p in column.label.parts
        ]
        # A numbered section (三、本年度办理结果) is the table's, not a group.
        grouped = bool(middle) and not _SECTION.match(raw[0])
        groups.append(head if grouped else None)
        rows.append(middle[-1] if middle else head)
        columns.append(last)
    return groups, rows, columns


def _across(table: Breakdown, layout: TableLayout) -> list[Grid]:
    """One row per unit, one column per figure, under three header rows."""
    st = layout.styles
    locale = layout.locale
    units = _units(table, locale)
    widest = max(text_width(name, st.cell.font, st.cell.size, st.cell.latin) for name, _ in units)
    # Wide enough for the longest name on one line, up to a third of the width.
    unit_w = min(widest + 2 * PAD_X + 2, layout.width / 3)
    unit_w = max(unit_w, 5 * st.cell.size + 2 * PAD_X)
    n = max(len(table.columns), 1)
    col_w = (layout.width - unit_w) / n
    groups, labels, subs = _heads(table, locale)
    plain = evolve(layout.head, bold=0.0)  # the applicant column under its row
    spans: list[tuple[int, int, int, int]] = [(0, 0, 0, 2)]
    top: list[Cell | None] = [Cell(tr(locale, REPORTING_UNIT), st.cell_head)]
    mid: list[Cell | None] = [None]
    low: list[Cell | None] = [None]
    j = 0
    while j < len(table.columns):
        c = j + 1
        group = groups[j]
        if group is None:
            top.append(Cell(labels[j], layout.head))
            mid.append(None)
            spans.append((c, 0, c, 1))
            j += 1
            continue
        k = j
        while k + 1 < len(groups) and groups[k + 1] == group:
            k += 1
        top.append(Cell(group, layout.head))
        top.extend([None] * (k - j))
        if k > j:
            spans.append((c, 0, k + 1, 0))
        mid.extend(Cell(labels[i], layout.head) for i in range(j, k + 1))
        j = k + 1
    low.extend(Cell(sub, plain) for sub in subs)
    rows: list[tuple[Cell | None, ...]] = [tuple(top), tuple(mid), tuple(low)]
    for name, values in units:
        rows.append(
            (
                Cell(name, st.cell),
                *[
                    Cell(format_value(v, locale, kind=c.kind), st.cell_number)
                    for v, c in zip(values, table.columns, strict=True)
                ],
            )
        )
    grid = Grid(
        font=st.fonts.body,
        rows=tuple(rows),
        col_widths=(unit_w, *([col_w] * len(table.columns))),
        header_rows=3,
        spans=tuple(spans),
        shaded_rows=frozenset({len(rows) - 1}),
        min_rows=2,
    )
    return [grid]


def _turned(table: Breakdown, layout: TableLayout) -> list[Grid]:
    """One row per figure, one column per unit, four units to a table."""
    st = layout.styles
    locale = layout.locale
    units = _units(table, locale)
    grids: list[Grid] = []
    for i in range(0, len(units), _UNITS_PER_TABLE):
        chunk = units[i : i + _UNITS_PER_TABLE]
        value_w = 5.5 * st.cell.size + 2 * PAD_X
        label_w = layout.width - value_w * len(chunk)
        rows: list[tuple[Cell | None, ...]] = [
            (
                Cell(tr(locale, INDICATOR), st.cell_head),
                *[Cell(name, st.cell_head) for name, _ in chunk],
            )
        ]
        for j, column in enumerate(table.columns):
            rows.append(
                (
                    Cell(column.label.render(locale), st.cell_small),
                    *[
                        Cell(format_value(values[j], locale, kind=column.kind), st.cell_number)
                        for _, values in chunk
                    ],
                )
            )
        head = st.cell_head
        lines = max(
            math.ceil(text_width(name, head.font, head.size, head.latin) / (value_w - 2 * PAD_X))
            for name, _ in chunk
        )
        grids.append(
            Grid(
                font=st.fonts.body,
                rows=tuple(rows),
                col_widths=(label_w, *([value_w] * len(chunk))),
                # The names head every page of the table, unless they would
                # take a third of it (names of hundreds of characters): then
                # they are a row like the others, cut over pages if need be.
                header_rows=1 if lines * head.leading < TYPE_HEIGHT / 3 else 0,
                min_rows=3,
            )
        )
    return grids


def _chart_items(table: Breakdown) -> list[tuple[str, Number | None]]:
    """Each part's first figure (new applications; for pre-2019, row 1.1)."""
    if not table.columns:
        return []
    return [
        (row.unit.name, v if isinstance(v := row.values[0], int | Decimal) else None)
        for row in table.rows
    ]
