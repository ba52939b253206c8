"""Where a web page table's cells go: the table model's slot-filling, once per layout.

:func:`.grid.expand` reads a table's cells — how many each row has, and
the row and column spans of the few that span — and leaves placing them to
:func:`layout`.  Which cell covers each slot follows from those alone (the
HTML table model: rows in order, a cell to the first free column, a
``rowspan`` reserving slots in the rows below, the first cell keeping a
slot two spans reach), so a table laid out like one met before (a portal
prints its tables the same way on every page) takes the slots worked out
for the first: remembered, for a few hundred layouts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import NamedTuple

__all__ = ["Geometry", "Layout", "LayoutKey", "layout"]

#: A cell's geometry: row, column, row span, column span.
Geometry = tuple[int, int, int, int]

#: A table's cells as :func:`layout` places them: where each row's cells
#: begin (the number of its first cell, in reading order, and one more
#: entry: the number of cells), and each spanning cell's number, row span
#: and column span (clamped as the table model clamps them).
LayoutKey = tuple[tuple[int, ...], tuple[tuple[int, int, int], ...]]


class Layout(NamedTuple):
    """The slots of a layout.  Shared by every table of the layout: not to be changed."""

    #: The slots of every row that is not *plain* (a plain row holds its own
    #: cells in columns 0, 1, 2 …: no cell of it spans, none above reaches
    #: into it), as cell numbers (None: no cell).
    maps: dict[int, tuple[int | None, ...]]
    #: The geometry of each cell that spans, by number (any other cell
    #: covers one slot, its own origin).
    spans: dict[int, Geometry]
    #: Readers of the texts at a run of places (a placement plan's value
    #: cells: :meth:`.cells.Columns.reader`), one per run, by the run's
    #: identity (the run kept beside it, so the identity stays its own).
    readers: dict[int, tuple[Sequence[tuple[int, int]], Callable[[Sequence[str]], Sequence[str]]]]


@lru_cache(maxsize=256)
def layout(key: LayoutKey) -> Layout:
    """The slots of the cells ``key`` describes, by the table model."""
    starts, spanning = key
    span_of = {number: (rowspan, colspan) for number, rowspan, colspan in spanning}
    maps: dict[int, list[int | None]] = {}
    spans: dict[int, Geometry] = {}
    for r in range(len(starts) - 1):
        first, end = starts[r], starts[r + 1]
        line = maps.get(r)
        if line is None:
            if not any(n in span_of for n in range(first, end)):
                continue  # a plain row
            line = maps[r] = []
        col = 0
        for number in range(first, end):
            while col < len(line) and line[col] is not None:
                col += 1
            rowspan, colspan = span_of.get(number, (1, 1))
            if rowspan > 1 or colspan > 1:
                spans[number] = (r, col, rowspan, colspan)
            for rr in range(r, r + rowspan):
                target = maps.setdefault(rr, [])
                if len(target) < col + colspan:
                    target.extend([None] * (col + colspan - len(target)))
                for cc in range(col, col + colspan):
                    if target[cc] is None:  # overlapping spans: the first cell keeps the slot
                        target[cc] = number
            col += colspan
    return Layout({r: tuple(line) for r, line in maps.items()}, spans, {})
