"""A page's table grid read as bands of header rows and data rows.

Official tables are drawn in *bands*: table 2 is five captioned blocks,
each with its own header row; tables 3 and 4 are one band each.  A band
is a run of header rows (no figure in them) followed by a run of data rows.
In a band, a *label column* is one whose data cells are text, never a
figure; the others are value columns.  Every value cell (an origin slot,
never a slot a merged cell only covers) is described by the printed labels
of its row (the label columns, merged cells included) and of its column
(the header rows above it).

A figure printed in a label column *after* the row's own label is a value
out of its place (a row whose label cell lost its ``colspan``, a row cut
off from a ``rowspan`` by a row group): it is given as a value cell, to be
placed by its labels or reported as not placed, never read as part of the
row's label and so dropped unseen.  A figure *before* any label of its row
is a numbering (序号 1, 2, 3 …) and stays a label.

A statistical form's own apparatus is neither label nor value: the column
headed 代码 (指标代码, 行次) numbers the rows for the form ("01" … "35"),
and the row under the headings that numbers the columns (甲 乙 丙 | 1 2,
the 主栏 lettered, the 宾栏 counted) numbers its columns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from .grid import Cell, Grid, Slot
from .text import (
    STROKE,
    Key,
    clean,
    is_formula,
    label_key,
    looks_numeric,
    read_change,
    read_number,
)

__all__ = ["YEAR_HEADING", "Label", "SourceCell", "bands", "source_cells"]


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


#: A figure followed by words of its own ("251000 元"): a value, not a heading.
_FIGURE_FIRST = re.compile(r"^\s*[+-]?\d[\d,.]*\s+\S")

#: A year heading a column ("2012年度", "2011 年度" as a PDF's text layer
#: spaces it): a heading, though it starts with a figure.  Matched on the
#: text with its white space removed (:func:`.text.clean`).
YEAR_HEADING = re.compile(r"^(19|20)\d\d年度?$")


#: Words a publisher prints in a value cell for "none": they stand where a
#: figure stands (the mapping then reports them unreadable, never reads 0).
_NONE_WORDS = frozenset({"无", "暂无", "没有"})

#: The heading of a form's code column: its cells number the rows for the
#: form (01, 02 …), never a figure of the row.
_CODE_HEADINGS = frozenset({"代码", "指标代码", "行次"})

#: The letters a form numbers its label columns with (甲 乙 丙 …), before
#: its value columns counted 1, 2 … on the same row.
_STEMS = "甲乙丙丁戊己庚辛壬癸"


def _numbers_columns(origins: Sequence[Slot]) -> bool:
    """The row numbers the form's columns: 甲 乙 丙 … then 1 2 … and nothing else."""
    if not origins or origins[0].cell.text.strip() != _STEMS[0]:
        return False  # most rows: told at their first cell
    texts = [clean(s.cell.text) for s in origins if s.cell.text.strip()]
    stems = [t for t in texts if t in _STEMS and len(t) == 1]
    counts = texts[len(stems) :]
    return (
        bool(stems)
        and texts[: len(stems)] == list(_STEMS[: len(stems)])
        and counts == [str(i) for i in range(1, len(counts) + 1)]
    )


#: A figure with a footnote mark after it ("2629①", "81¹", "81※", "81[1]"):
#: printed where a figure stands, so a value cell (reported unreadable, the
#: mark never read as a digit), not a header.  The marks only: a number
#: followed by "." or "、" numbers a row.
_MARKED_FIGURE = re.compile(
    r"^[+-]?\d[\d,.，]*(?:[*＊※†‡#]|\[\d{1,2}\]|［\d{1,2}］|[①-⑳⑴-⒇⁰¹²³⁴-⁹₀-₉❶-❿➀-➓])+$"
)


@lru_cache(maxsize=8192)
def _is_figure(text: str) -> bool:
    """A value rather than a label (remembered: the same few texts fill every page)."""
    return (
        looks_numeric(text)
        or _MARKED_FIGURE.match("".join(text.split())) is not None
        or (STROKE in text and any(ch.isdigit() for ch in text))
        or (_FIGURE_FIRST.match(text) is not None and not YEAR_HEADING.match(clean(text)))
        or "".join(text.split()) in _NONE_WORDS
        # A formula never calculated (:func:`.text.is_formula`): a column of them
        # (every total typed as =SUM) is a value column, never a label column.
        or is_formula(text)
        # A change in words ("减少3件", the 2019 本年增/减) stands where a figure
        # stands: a column of them is a value column, never a label column.
        or not read_change(text).unreadable
    )


def _row_origins(grid: Grid) -> list[list[Slot]]:
    """Each row's origin slots (a merged cell's top-left, never a slot it only covers)."""
    return [
        [s for s in row if s is not None and s.cell.row == r and s.cell.col == s.col]
        for r, row in enumerate(grid.rows)
    ]


def _blank_columns(origins_of: list[list[Slot]]) -> frozenset[int]:
    """Columns no cell prints anything in, top to bottom: a layout column an
    editor left before or after the table's own (an empty first cell in every
    row).  Its empty cells say nothing of their row: a header row is not
    taken for a row of blank figures for them."""
    printed = {s.col for origins in origins_of for s in origins if s.cell.text.strip()}
    columns = {s.col for origins in origins_of for s in origins}
    return frozenset(columns - printed)


def bands(
    grid: Grid,
    origins_of: list[list[Slot]] | None = None,
    blank: frozenset[int] | None = None,
) -> list[Band]:
    """Header/data bands, top to bottom (``blank``: the grid's blank columns,
    when the caller has them)."""
    if origins_of is None:
        origins_of = _row_origins(grid)
    if blank is None:
        blank = _blank_columns(origins_of)
    kinds: list[str] = []
    # The kind of the row before, passing over a header printed again
    # mid-table (a page or a Word table that repeats its header rows):
    # the blank rows after it go on with the data above it.
    before = ""
    headers_seen: set[tuple[str, ...]] = set()
    for r, origins in enumerate(origins_of):
        if _numbers_columns(origins):
            kinds.append("numbers")  # the form's column numbers: no label, no figure
            continue
        numeric = any(_is_figure(s.cell.text) for s in origins)
        empty = sum(1 for s in origins if not s.cell.text.strip() and s.col not in blank)
        # A row of empty value cells is data (a report that left a row blank),
        # not a header: it follows data, or its cells are mostly empty.
        if numeric or (empty and r > 0 and (before == "data" or 2 * empty >= len(origins))):
            kinds.append("data")
            before = "data"
        else:
            kinds.append("header")
            texts = tuple(s.cell.text if s.cell.text.strip() else "" for s in origins)
            if not (before == "data" and texts in headers_seen):
                before = "header"
            headers_seen.add(texts)
    out: list[Band] = []
    headers: list[int] = []
    data: list[int] = []
    for r, kind in enumerate(kinds):
        if kind == "numbers":
            continue
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


_new = tuple.__new__  # a NamedTuple's own constructor costs twice as much


def _distinct(slots: Iterable[Slot | None]) -> tuple[Label, ...]:
    seen: list[Cell] = []
    for slot in slots:
        if slot is not None and slot.cell not in seen and slot.cell.text.strip():
            seen.append(slot.cell)
    return tuple([_new(Label, (c, label_key(c.text))) for c in seen])


def _at(grid: Grid, r: int, c: int) -> Slot | None:
    row = grid.rows[r]
    return row[c] if c < len(row) else None


def _label_columns(grid: Grid, band: Band) -> set[int]:
    """The columns of a band whose data cells are text more often than figures.

    A figure printed before the first label of its row counts as text: values
    follow their row's label, a number before it numbers the row.

    A "——" (not applicable) in a unit column's header rows does not make it
    a value column: only origins count as figures, every slot as text.
    """
    numeric: dict[int, int] = {}
    text: dict[int, int] = {}
    for r in band.data:
        row = grid.rows[r]
        # A figure before the row's first label is its number (序号), a label.
        first = next(
            (
                c
                for c, s in enumerate(row)
                if s is not None and s.cell.text.strip() and not _is_figure(s.cell.text)
            ),
            0,
        )
        for c, s in enumerate(row):
            if s is None:
                continue
            printed = s.cell.text
            if not printed.strip():
                continue
            if _is_figure(printed) and c >= first:
                if s.cell.row == r and s.cell.col == c:
                    numeric[c] = numeric.get(c, 0) + 1
            else:
                text[c] = text.get(c, 0) + 1
    return {c for c, n in text.items() if n > numeric.get(c, 0)}


def _code_columns(grid: Grid, band: Band) -> set[int]:
    """The columns of a band headed 代码 (or 指标代码, 行次): the form's row codes."""
    return {
        c
        for h in band.headers
        for c, s in enumerate(grid.rows[h])
        if s is not None and clean(s.cell.text) in _CODE_HEADINGS
    }


def _is_count(text: str) -> bool:
    """A number proper (not a not-applicable mark: a unit column's "——" is a label)."""
    read = read_number(text)
    return isinstance(read.value, int | Decimal) and not read.unreadable


def _stray_figures(row: Sequence[Slot | None], r: int, ordered: list[int]) -> set[int]:
    """The label columns of row ``r`` holding a figure after a text label of the row."""
    stray: set[int] = set()
    labelled = False
    for c in ordered:
        slot = row[c] if c < len(row) else None
        if slot is None or not slot.cell.text.strip():
            continue
        origin = slot.cell.row == r and slot.cell.col == c
        if not _is_figure(slot.cell.text):
            labelled = True
        elif labelled and origin and _is_count(slot.cell.text):
            stray.add(c)
    return stray


def source_cells(grid: Grid) -> Iterator[SourceCell]:
    """Every value cell of a grid with its row and column labels."""
    origins_of = _row_origins(grid)
    # A column nothing is printed in holds no value cells (its empty cells
    # would stand for the row's figure beside the real one).
    blank = _blank_columns(origins_of)
    for band in bands(grid, origins_of, blank):
        codes = _code_columns(grid, band) if band.headers else set()
        label_cols = _label_columns(grid, band) | blank
        columns: dict[int, tuple[Label, ...]] = {}
        ordered = sorted(label_cols - codes)
        label_cols |= codes
        last_header = band.headers[-1] if band.headers else None
        for r in band.data:
            row = grid.rows[r]
            width = len(row)
            stray = _stray_figures(row, r, ordered) if ordered else set()
            row_labels = _distinct(
                [row[c] if c < width and c not in stray else None for c in ordered]
            )
            for slot in origins_of[r]:
                col = slot.col
                if col in label_cols and col not in stray:
                    continue
                column = columns.get(col)
                if column is None:
                    column = columns[col] = _distinct([_at(grid, h, col) for h in band.headers])
                cell = slot.cell
                if cell.rowspan == 1 and cell.colspan == 1:
                    aligned = True
                else:
                    above = _at(grid, last_header, col) if last_header is not None else None
                    aligned = (
                        cell.rowspan == 1
                        and above is not None
                        and above.cell.col == col
                        and above.cell.colspan == cell.colspan
                    )
                yield _new(SourceCell, (grid.index, cell, row_labels, column, aligned))
