"""A page's table grid read as bands of header rows and data rows.

Official tables are drawn in *bands*: table 2 is five captioned blocks,
each with its own header row; tables 3 and 4 are one band each.  A band
is a run of header rows (no figure in them) followed by a run of data rows.
In a band, a *label column* is one whose data cells are text, never a
figure; the others are value columns.  Every value cell (an origin slot,
never a slot a merged cell only covers) is described by the printed labels
of its row (the label columns, merged cells included) and of its column
(the header rows above it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from .grid import Cell, Grid, Slot
from .text import Key, label_key, looks_numeric

__all__ = ["Label", "SourceCell", "bands", "source_cells"]


class Label(NamedTuple):
    """A printed label cell and its matching key."""

    cell: Cell
    key: Key


class SourceCell(NamedTuple):
    """A printed value cell with the labels of its row and column."""

    grid: int
    cell: Cell
    row_labels: tuple[Label, ...]
    column_labels: tuple[Label, ...]
    #: The header cell right above the value spans exactly the value's columns.
    aligned: bool


class Band(NamedTuple):
    headers: tuple[int, ...]
    data: tuple[int, ...]


def _origins(grid: Grid, r: int) -> Iterator[Slot]:
    for slot in grid.rows[r]:
        if slot is not None and slot.is_origin:
            yield slot


#: A figure followed by words of its own ("251000 元"): a value, not a heading.
_FIGURE_FIRST = re.compile(r"^\s*[+-]?\d[\d,.]*\s+\S")


def _is_figure(text: str) -> bool:
    return looks_numeric(text) or _FIGURE_FIRST.match(text) is not None


def bands(grid: Grid) -> list[Band]:
    """Header/data bands, top to bottom."""
    kinds: list[str] = []
    for r in range(len(grid.rows)):
        origins = list(_origins(grid, r))
        numeric = any(_is_figure(s.cell.text) for s in origins)
        empty = sum(1 for s in origins if not s.cell.text.strip())
        # A row of empty value cells is data (a report that left a row blank),
        # not a header: it follows data, or its cells are mostly empty.
        if numeric or (empty and r > 0 and (kinds[-1] == "data" or 2 * empty >= len(origins))):
            kinds.append("data")
        else:
            kinds.append("header")
    out: list[Band] = []
    headers: list[int] = []
    data: list[int] = []
    for r, kind in enumerate(kinds):
        if kind == "header":
            if data:
                out.append(Band(tuple(headers), tuple(data)))
                headers, data = [], []
            headers.append(r)
        else:
            data.append(r)
    if data or headers:
        out.append(Band(tuple(headers), tuple(data)))
    return out


def _distinct(slots: Iterator[Slot | None]) -> tuple[Label, ...]:
    seen: list[Cell] = []
    for slot in slots:
        if slot is not None and slot.cell.text.strip() and slot.cell not in seen:
            seen.append(slot.cell)
    return tuple(Label(c, label_key(c.text)) for c in seen)


def _at(grid: Grid, r: int, c: int) -> Slot | None:
    row = grid.rows[r]
    return row[c] if c < len(row) else None


def source_cells(grid: Grid) -> Iterator[SourceCell]:
    """Every value cell of a grid with its row and column labels."""
    width = grid.width
    for band in bands(grid):
        label_cols: set[int] = set()
        for c in range(width):
            # A label column holds text in most rows; a "——" (not applicable)
            # in a unit column's header rows does not make it a value column.
            numeric = text = 0
            for r in band.data:
                s = _at(grid, r, c)
                if s is None or not s.cell.text.strip():
                    continue
                if _is_figure(s.cell.text):
                    numeric += s.is_origin
                else:
                    text += 1
            if text > numeric:
                label_cols.add(c)
        columns: dict[int, tuple[Label, ...]] = {}
        ordered = sorted(label_cols)
        for r in band.data:
            row_labels = _distinct(_at(grid, r, c) for c in ordered)
            for slot in _origins(grid, r):
                if slot.col in label_cols:
                    continue
                column = columns.get(slot.col)
                if column is None:
                    column = columns[slot.col] = _distinct(
                        _at(grid, h, slot.col) for h in band.headers
                    )
                above = _at(grid, band.headers[-1], slot.col) if band.headers else None
                aligned = (
                    slot.cell.rowspan == 1
                    and above is not None
                    and above.cell.col == slot.col
                    and above.cell.colspan == slot.cell.colspan
                ) or (slot.cell.rowspan == 1 and slot.cell.colspan == 1)
                yield SourceCell(grid.index, slot.cell, row_labels, column, aligned)
