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

from decimal import Decimal

from govdisclosure.aggregate import Breakdown, breakdown
from govdisclosure.cells import CellValue
from govdisclosure.editions.legacy import ReportLegacy
from govdisclosure.registry import Report

from .grid import PAD_X, Cell, Grid
from .labels import BREAKDOWN_TITLE, INDICATOR, REPORTING_UNIT, TOTAL, format_value, tr
from .tables import TableLayout

__all__ = ["breakdown_grids"]

Number = int | Decimal
_UNITS_PER_TABLE = 4


def breakdown_grids(
    report: Report, layout: TableLayout
) -> tuple[str, list[Grid], list[tuple[str, Number | None]]]:
    """Title, tables, and (unit, first figure: new applications) for the chart."""
    locale = layout.locale
    table = breakdown(report, columns="headline")
    title = tr(locale, BREAKDOWN_TITLE)
    grids = _turned(table, layout) if isinstance(report, ReportLegacy) else _across(table, layout)
    return title, grids, _chart_items(table)


def _units(table: Breakdown, locale: str) -> list[tuple[str, tuple[CellValue, ...]]]:
    """(row heading, figures) of every part, then of the consolidated report."""
    out = [(row.unit.name, row.values) for row in table.rows]
    out.append((tr(locale, TOTAL), table.totals))
    return out


def _across(table: Breakdown, layout: TableLayout) -> list[Grid]:
    """One row per unit, one column per figure."""
    st = layout.styles
    locale = layout.locale
    unit_w = 7.5 * st.cell.size + 2 * PAD_X
    col_w = (layout.width - unit_w) / max(len(table.columns), 1)
    header: tuple[Cell | None, ...] = (
        Cell(tr(locale, REPORTING_UNIT), st.cell_head),
        *[Cell(c.label.render(locale), st.cell_small) for c in table.columns],
    )
    rows: list[tuple[Cell | None, ...]] = [header]
    for name, values in _units(table, locale):
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
        header_rows=1,
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
        grids.append(
            Grid(
                font=st.fonts.body,
                rows=tuple(rows),
                col_widths=(label_w, *([value_w] * len(chunk))),
                header_rows=1,
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
