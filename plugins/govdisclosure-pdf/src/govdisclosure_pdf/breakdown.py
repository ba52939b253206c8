"""The attachment of a consolidated report: each unit's figures side by side.

A consolidated report keeps the reports it was built from in ``parts``;
the attachment shows, for each of them and for the whole, the figures a
reader compares across units (the seed report does it in prose: "市政府办
共收到并办理9起…华宁县…1起…").  Which figures: for the 2019/2021 formats
the 总计 column of table 3's rows 一, 二, （七） and 四 and the 总计 of
each group of table 4; for a pre-2019 report every row of its statistics
table, one column per unit (four units to a table, further units in
another table below).  Labels come from the table definitions.
"""

from __future__ import annotations

from decimal import Decimal

from govdisclosure.editions.legacy import ReportLegacy
from govdisclosure.introspect import RowInfo, table_info
from govdisclosure.registry import Report, template_of

from .grid import PAD_X, Cell, Grid
from .labels import BREAKDOWN_TITLE, INDICATOR, REPORTING_UNIT, TOTAL, format_value, tr
from .tables import TableLayout, legacy_label, row_values

__all__ = ["breakdown_grids"]

Number = int | Decimal
#: Table 3 rows shown per unit, by attribute path.
_T3_PATHS = (("new_applications",), ("carried_over",), ("results", "total"), ("carried_forward",))
_UNITS_PER_TABLE = 4


def _total(table: object, row: RowInfo) -> object:
    for (value, _, _), col in zip(row_values(table, row), row.columns, strict=True):
        if col.is_total:
            return value
    return None


def _modern_columns(report: Report, locale: str) -> list[tuple[str, str, RowInfo]]:
    """(table key, header text, row) of every figure shown for a 2019/2021 report."""
    out: list[tuple[str, str, RowInfo]] = []
    t3 = table_info(report.table3, "table3")  # type: ignore[union-attr]
    by_path = {r.path: r for r in t3.rows}
    for path in _T3_PATHS:
        row = by_path[path]
        label = tr(locale, row.label)
        if len(path) > 1:
            parent = by_path[path[:1]]
            label = f"{tr(locale, parent.label)}{tr(locale, row.label)}"
        out.append(("table3", label, row))
    t4 = table_info(report.table4, "table4")  # type: ignore[union-attr]
    for row in t4.rows:
        if row.columns:
            label = tr(locale, row.label)
            if row.block:
                label = f"{tr(locale, row.block)}：{label}"
            out.append(("table4", label, row))
    return out


def breakdown_grids(
    report: Report, layout: TableLayout
) -> tuple[str, list[Grid], list[tuple[str, Number | None]]]:
    """Title, tables, and (unit, new applications / first figure) for the chart."""
    locale = layout.locale
    title = tr(locale, BREAKDOWN_TITLE)
    if isinstance(report, ReportLegacy):
        return title, _legacy(report, layout), _legacy_items(report)
    st = layout.styles
    columns = _modern_columns(report, locale)
    unit_w = 7.5 * st.cell.size + 2 * PAD_X
    col_w = (layout.width - unit_w) / len(columns)
    header: tuple[Cell | None, ...] = (
        Cell(tr(locale, REPORTING_UNIT), st.cell_header),
        *[Cell(text, st.cell_small) for _, text, _ in columns],
    )
    rows: list[tuple[Cell | None, ...]] = [header]
    items: list[tuple[str, Number | None]] = []
    for name, source in [*((p.unit.name, p) for p in report.parts), (tr(locale, TOTAL), report)]:
        cells: list[Cell | None] = [Cell(name, st.cell)]
        for key, _, row in columns:
            value = _total(getattr(source, key), row)
            cells.append(Cell(format_value(value, locale), st.cell_number))
        rows.append(tuple(cells))
        if source is not report:
            first = _total(source.table3, columns[0][2])
            items.append((name, first if isinstance(first, int | Decimal) else None))
    grid = Grid(
        font=layout.styles.fonts.body,
        rows=tuple(rows),
        col_widths=(unit_w, *([col_w] * len(columns))),
        header_rows=1,
        shaded_rows=frozenset({len(rows) - 1}),
        min_rows=2,
    )
    return title, [grid], items


def _legacy(report: ReportLegacy, layout: TableLayout) -> list[Grid]:
    st = layout.styles
    locale = layout.locale
    template = template_of(report)
    key = template.columns[0].key
    sources: list[tuple[str, ReportLegacy]] = [(p.unit.name, p) for p in report.parts]
    sources.append((tr(locale, TOTAL), report))
    grids: list[Grid] = []
    for i in range(0, len(sources), _UNITS_PER_TABLE):
        chunk = sources[i : i + _UNITS_PER_TABLE]
        value_w = 5.5 * st.cell.size + 2 * PAD_X
        label_w = layout.width - value_w * len(chunk)
        rows: list[tuple[Cell | None, ...]] = [
            (
                Cell(tr(locale, INDICATOR), st.cell_header),
                *[Cell(name, st.cell_header) for name, _ in chunk],
            )
        ]
        for trow in template.rows:
            if trow.is_header:
                continue
            label = Cell(tr(locale, legacy_label(trow)), st.cell_small)
            rows.append(
                (
                    label,
                    *[
                        Cell(
                            format_value(src.statistics.value(trow.code, key), locale),
                            st.cell_number,
                        )
                        for _, src in chunk
                    ],
                )
            )
        grids.append(
            Grid(
                font=layout.styles.fonts.body,
                rows=tuple(rows),
                col_widths=(label_w, *([value_w] * len(chunk))),
                header_rows=1,
                min_rows=3,
            )
        )
    return grids


def _legacy_items(report: ReportLegacy) -> list[tuple[str, Number | None]]:
    template = template_of(report)
    first = next((r for r in template.rows if not r.is_header), None)
    if first is None or not template.columns:
        return []
    key = template.columns[0].key
    out: list[tuple[str, Number | None]] = []
    for part in report.parts:
        value = part.statistics.value(first.code, key)
        out.append((part.unit.name, value if isinstance(value, int | Decimal) else None))
    return out
