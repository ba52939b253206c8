"""A table the publisher cut in two, joined again.

Word files pasted into a content system, and pages copied from PDFs page
by page, often print one official table as two ``<table>`` elements: the
second goes on where the first stopped, with no header of its own (its
first row already holds figures) and nothing printed between the two.
On its own the second has no column labels, so it is none of the official
tables and its figures would be lost.  A table that

* follows the table before it with no text between them (a line that only
  says 续表 is none),
* prints no header row (its first row holds a figure), and
* is as wide as the table before, which does print a header,

is read as that table's continuation: its rows are appended to the grid of
the table before, numbered on after its rows (the provenance names that
table), as a PDF table cut by a page break is joined
(``govdisclosure_pdf_import.stitch``).  A merged cell stays inside the
piece that printed it: a ``rowspan`` the first piece cut at its end is not
extended (a browser does not extend it either).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .grid import Cell, Grid, Slot
from .source import bands
from .text import clean

__all__ = ["goes_on", "join_continued", "joined_with_moves", "says_continued"]

#: A line that only says the table goes on (续表, （续表）, 续上表).
_CONTINUED_MARK = re.compile(r"^[（(]?\s*续\s*上?\s*表\s*[)）]?[：:]?$")


def says_continued(text: str) -> bool:
    """A line between two tables that is no text between them: "（续表）"."""
    return _CONTINUED_MARK.match(clean(text)) is not None


def _headless(grid: Grid) -> bool:
    found = bands(grid)
    return bool(found) and not found[0].headers


def _headed(grid: Grid) -> bool:
    found = bands(grid)
    return bool(found) and bool(found[0].headers)


def goes_on(before: Grid, grid: Grid) -> bool:
    """``grid``, printed right after ``before``, is its continuation: as wide,
    printing no header row where ``before`` prints one (see the module doc)."""
    return grid.width == before.width and _headless(grid) and _headed(before)


def _append(first: Grid, then: Grid) -> Grid:
    """``then``'s rows below ``first``'s, its cells renumbered on."""
    offset = len(first.rows)
    moved: dict[tuple[int, int], Cell] = {}
    rows: list[tuple[Slot | None, ...]] = list(first.rows)
    for r, row in enumerate(then.rows):
        out: list[Slot | None] = []
        for c, slot in enumerate(row):
            if slot is None:
                out.append(None)
                continue
            cell = slot.cell
            key = (cell.row, cell.col)
            new = moved.get(key)
            if new is None:
                new = moved[key] = cell._replace(row=cell.row + offset)
            out.append(Slot(new, r + offset, c))
        rows.append(tuple(out))
    return Grid(first.index, tuple(rows))


def join_continued(grids: Sequence[Grid], continued: frozenset[int]) -> tuple[Grid, ...]:
    """``grids`` with each continuation (see the module doc) joined to the table
    before it; ``continued``: the grids printed right after another, no text between."""
    return joined_with_moves(grids, continued)[0]


def joined_with_moves(
    grids: Sequence[Grid], continued: frozenset[int]
) -> tuple[tuple[Grid, ...], dict[int, tuple[int, int]]]:
    """:func:`join_continued`, and where each joined grid went: its index
    and the row its first row became, by its own index."""
    out: list[Grid] = []
    moves: dict[int, tuple[int, int]] = {}
    for grid in grids:
        if out and grid.index in continued and goes_on(out[-1], grid):
            moves[grid.index] = (out[-1].index, len(out[-1].rows))
            out[-1] = _append(out[-1], grid)
        else:
            out.append(grid)
    return tuple(out), moves
