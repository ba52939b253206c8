"""The official tables as grids of merged cells: the layout office formats draw.

A spreadsheet, a word-processor table and an HTML table all draw the
official tables the same way the format prints them (formats.md §1.9):
table 2 as captioned blocks on a 4-column grid, table 3 on a 10-column grid
(3 label columns, the note in the top-left corner spanning the 3 header
rows), table 4 as 15 columns under 3 header rows, the pre-2019 statistics
table as 统计指标 / 单位 / value columns.  This module computes that grid
once, from the table definitions (:func:`~govdisclosure.introspect.table_info`
on the report's *own* tables, so the 2021 variant whose （六）其他处理 is
one row gets its own grid) and from a legacy report's template, so no
renderer keeps a copy of the labels or of the merges.

A :class:`TableGrid` is data: each :class:`GridCell` has its top-left
position, its span, a *role* and either an official label (a message id,
to be shown through :func:`~govdisclosure.i18n.gettext`) or, for a value
cell, the cell's path from the report (``("table3", "results", "total",
"natural_person")``, ``("statistics", "rows", "1.1", "value")``) and kind.
Positions are 0-based; covered positions of a merged cell hold no cell.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

from attrs import frozen

from .editions import Report, is_template_driven
from .editions.legacy import StatisticsTemplate, TemplateRow
from .formatting import row_label
from .introspect import CellKind, ColumnInfo, RowInfo, printed_with, table_info
from .paths import Path
from .registry import printed_template, report_tables

__all__ = [
    "INDICATOR",
    "INFO_CONTENT",
    "SECTION_DASH",
    "UNIT",
    "GridCell",
    "Role",
    "TableGrid",
    "legacy_label",
    "report_grids",
]

#: Head of the label column of table 2's blocks (formats.md §1.5).
INFO_CONTENT = "信息内容"
#: Heads of the legacy statistics table's first two columns.
INDICATOR = "统计指标"
UNIT = "单位"
#: What a section row of the legacy table prints in its value columns.
SECTION_DASH = "——"

Role = Literal["note", "caption", "head", "group", "label", "section", "unit", "value"]


@frozen
class GridCell:
    """One cell of a grid, placed at (``row``, ``col``) and spanning ``rows`` × ``cols``.

    ``text`` is a message id (an official label, shown through gettext)
    for every role but ``value``; a value cell has ``path`` and ``kind``
    instead.  ``depth`` is the nesting level of a row label (for indents).
    """

    row: int
    col: int
    role: Role
    text: str = ""
    rows: int = 1
    cols: int = 1
    path: Path | None = None
    kind: CellKind | None = None
    unit: str | None = None
    depth: int = 0
    #: A row label as the report printed it, where it differs from ``text``
    #: (the official label, which stays available); ``None`` otherwise.
    printed: str | None = None
    #: The sign printed before a positive signed value (``""``: none), if recorded.
    sign: str | None = None

    def label(self, locale: str) -> str:
        """The text of a non-value cell in ``locale``: the official label
        translated, or a label printed otherwise shown as printed with the
        official one beside it (:func:`~govdisclosure.formatting.row_label`)."""
        return row_label(self.text, self.printed, locale) if self.text else ""

    @property
    def last_row(self) -> int:
        return self.row + self.rows - 1

    @property
    def last_col(self) -> int:
        return self.col + self.cols - 1


@frozen
class TableGrid:
    """An official table as a grid: ``key`` is its attribute on the report.

    ``header_rows`` rows at the top are headings (repeated on a new page);
    ``title`` is the table's official title (a message id).
    """

    key: str
    title: str
    width: int
    height: int
    header_rows: int
    cells: tuple[GridCell, ...]
    #: The printed note under the title (table 3's 勾稽关系 sits in its corner).
    note: str | None = None

    def values(self) -> tuple[GridCell, ...]:
        """The value cells, in reading order."""
        return tuple(c for c in self.cells if c.role == "value")


def report_grids(report: Report) -> tuple[TableGrid, ...]:
    """The grids of every official table of ``report``, in printed order."""
    if is_template_driven(report):
        return (legacy_grid(printed_template(report)),)
    # Each table is drawn after the layout it declares, not after its key.
    build = {"blocks": _table2, "rows": _table3, "single-row": _table4}
    return tuple(
        build[info.layout](getattr(report, info.key), info.key) for info in report_tables(report)
    )


# -- table 2 -------------------------------------------------------------------


def _value_cells(
    table: object, row: RowInfo, prefix: Path, r: int, first: int, width: int
) -> list[GridCell]:
    """``row``'s value cells from column ``first``; the last spans to ``width``."""
    cells = []
    single = not _is_row(row)
    obj = _walk(table, row.path)
    for k, column in enumerate(row.columns):
        path = (*prefix, *row.path) if single else (*prefix, *row.path, column.key)
        span = width - (first + k) if k == len(row.columns) - 1 else 1
        cells.append(
            GridCell(
                r,
                first + k,
                "value",
                cols=span,
                path=path,
                kind=column.kind,
                unit=column.unit,
                sign=printed_with(obj, column.key, "sign"),
            )
        )
    return cells


def _is_row(row: RowInfo) -> bool:
    """True when ``row`` is a row class (its cells are its fields), not one cell."""
    return not (len(row.columns) == 1 and row.columns[0].key == row.path[-1])


def _table2(table: object, key: str) -> TableGrid:
    info = table_info(table, key)
    value_cols = max(len(r.columns) for r in info.rows)
    width = 1 + value_cols
    cells: list[GridCell] = []
    r = 0
    block: str | None = None
    head: tuple[str, ...] | None = None
    for row in info.rows:
        if not row.columns:
            continue
        if row.block != block:
            block = row.block
            head = None
            if block:
                cells.append(GridCell(r, 0, "caption", block, cols=width))
                r += 1
        labels = tuple(c.label for c in row.columns)
        if labels != head:
            head = labels
            cells.append(GridCell(r, 0, "head", INFO_CONTENT))
            for k, label in enumerate(labels):
                span = width - (1 + k) if k == len(labels) - 1 else 1
                cells.append(GridCell(r, 1 + k, "head", label, cols=span))
            r += 1
        cells.append(GridCell(r, 0, "label", row.label, unit=row.unit, printed=row.printed_label))
        cells += _value_cells(table, row, (key,), r, 1, width)
        r += 1
    title = getattr(type(table), "title", key)
    return TableGrid(key, title, width, r, 0, tuple(cells))


# -- table 3 -------------------------------------------------------------------


def _leaf_columns(rows: tuple[RowInfo, ...]) -> tuple[ColumnInfo, ...]:
    return next((r.columns for r in rows if r.columns), ())


def _walk(obj: object, path: tuple[str, ...]) -> Any:
    for name in path:
        obj = getattr(obj, name)
    return obj


def _table3(table: object, key: str) -> TableGrid:
    info = table_info(table, key)
    columns = _leaf_columns(info.rows)
    first_row = next(r for r in info.rows if r.columns)
    header_label: str | None = getattr(type(_walk(table, first_row.path)), "header", None)
    note: str | None = getattr(type(table), "note", None)
    n_label = 1 + max(r.depth for r in info.rows if r.columns)
    width = n_label + len(columns)
    has_groups = any(c.group for c in columns)
    header_rows = 1 + int(header_label is not None) + int(has_groups)
    cells: list[GridCell] = [GridCell(0, 0, "note", note or "", rows=header_rows, cols=n_label)]
    r = 0
    if header_label is not None:
        cells.append(GridCell(0, n_label, "head", header_label, cols=len(columns)))
        r = 1
    k = 0
    while k < len(columns):
        column = columns[k]
        c = n_label + k
        if column.group and has_groups:
            j = k
            while j < len(columns) and columns[j].group == column.group:
                cells.append(GridCell(r + 1, n_label + j, "head", columns[j].label))
                j += 1
            cells.append(GridCell(r, c, "head", column.group, cols=j - k))
            k = j
        else:
            cells.append(GridCell(r, c, "head", column.label, rows=2 if has_groups else 1))
            k += 1

    body: list[GridCell] = []
    line = header_rows
    open_groups: list[tuple[RowInfo, int]] = []

    def close(depth: int) -> None:
        while open_groups and open_groups[-1][0].depth >= depth:
            group, start = open_groups.pop()
            body.append(
                GridCell(
                    start,
                    group.depth,
                    "group",
                    group.label,
                    rows=line - start,
                    printed=group.printed_label,
                )
            )

    for row in info.rows:
        close(row.depth)
        if not row.columns:
            open_groups.append((row, line))
            continue
        body.append(
            GridCell(
                line,
                row.depth,
                "label",
                row.label,
                cols=n_label - row.depth,
                depth=row.depth,
                printed=row.printed_label,
            )
        )
        body += _value_cells(table, row, (key,), line, n_label, width)
        line += 1
    close(0)
    title = getattr(type(table), "title", key)
    return TableGrid(key, title, width, line, header_rows, tuple(cells + body), note)


# -- table 4 -------------------------------------------------------------------


def _table4(table: object, key: str) -> TableGrid:
    info = table_info(table, key)
    rows = [r for r in info.rows if r.columns]
    cells: list[GridCell] = []
    c = 0
    i = 0
    while i < len(rows):
        row = rows[i]
        if row.block is None:
            # A group alone (行政复议): label over its columns, columns over 2 rows.
            cells.append(
                GridCell(0, c, "head", row.label, cols=len(row.columns), printed=row.printed_label)
            )
            for k, column in enumerate(row.columns):
                cells.append(GridCell(1, c + k, "head", column.label, rows=2))
            cells += _value_cells(table, row, (key,), 3, c, c + len(row.columns))
            c += len(row.columns)
            i += 1
            continue
        start = c
        j = i
        while j < len(rows) and rows[j].block == row.block:
            sub = rows[j]
            cells.append(
                GridCell(1, c, "head", sub.label, cols=len(sub.columns), printed=sub.printed_label)
            )
            for k, column in enumerate(sub.columns):
                cells.append(GridCell(2, c + k, "head", column.label))
            cells += _value_cells(table, sub, (key,), 3, c, c + len(sub.columns))
            c += len(sub.columns)
            j += 1
        cells.append(GridCell(0, start, "head", row.block, cols=c - start))
        i = j
    title = getattr(type(table), "title", key)
    return TableGrid(key, title, c, 4, 3, tuple(cells))


# -- pre-2019 statistics table ---------------------------------------------------


def legacy_label(row: TemplateRow) -> str:
    """The printed label: the row's numbering unless the label already has it."""
    number = row.number
    if not number or row.label.startswith(number):
        return row.label
    if number.isdigit():
        return f"{number}.{row.label}"
    if number.startswith(("（", "(")):
        return f"{number}{row.label}"
    return f"{number}、{row.label}"


def legacy_grid(template: StatisticsTemplate) -> TableGrid:
    """统计指标 / 单位 / value columns; section rows print "——"."""
    width = 2 + len(template.columns)
    cells: list[GridCell] = [GridCell(0, 0, "head", INDICATOR), GridCell(0, 1, "head", UNIT)]
    cells += [GridCell(0, 2 + k, "head", c.label) for k, c in enumerate(template.columns)]
    for r, row in enumerate(template.rows, start=1):
        cells.append(GridCell(r, 0, "label", legacy_label(row), depth=row.level))
        cells += list(_legacy_cells(template, row, r))
    return TableGrid("statistics", template.title, width, 1 + len(template.rows), 1, tuple(cells))


def _legacy_cells(template: StatisticsTemplate, row: TemplateRow, r: int) -> Iterator[GridCell]:
    if row.is_header:
        for k in range(1 + len(template.columns)):
            yield GridCell(r, 1 + k, "section", SECTION_DASH)
        return
    yield GridCell(r, 1, "unit", row.unit or "")
    kind: CellKind = "money" if row.is_money else "count"
    for k, column in enumerate(template.columns):
        path = ("statistics", "rows", row.code, column.key)
        yield GridCell(r, 2 + k, "value", path=path, kind=kind, unit=row.unit)
