"""The shape of a table grid: what placing and recognising it depend on.

Slot by slot, the covering cell's position and span and its text's
*class*: no text, a figure, or the text itself (a label).  Two grids of one
shape print the same labels in the same cells and differ at most in which
figures they print, so the decisions read from one (:mod:`.plan`,
:mod:`.recognise`) hold for the other.  Kept apart from :mod:`.plan` so
that :func:`.grid.expand` can build an HTML table's shape while it reads
the cells, instead of a second pass over the finished grid.
"""

from __future__ import annotations

from collections.abc import Hashable
from functools import lru_cache
from typing import TYPE_CHECKING

from .text import looks_numeric

if TYPE_CHECKING:
    from .cells import Grid

__all__ = ["EMPTY", "FIGURE", "SlotKey", "shape", "text_class"]

#: The class of a slot's text in a shape: no text, or a figure (the text
#: itself stands for any other cell).
EMPTY = 0
FIGURE = 1

#: A slot in a shape: the covering cell's row, column, row span, column
#: span and text class.
SlotKey = tuple[int, int, int, int, int | str]


@lru_cache(maxsize=8192)
def text_class(text: str) -> int | str:
    """A cell text as a shape sees it (remembered: the same few texts fill every page)."""
    if not text.strip():
        return EMPTY
    if looks_numeric(text):
        return FIGURE
    return text


def shape(grid: Grid) -> Hashable:
    """What the grid's plan depends on, slot by slot: the covering cell's
    position and span, and its text's class (:func:`text_class`); ``None``
    where no cell covers a slot."""
    seen: dict[int, SlotKey] = {}
    rows = []
    for row in grid.rows:
        line: list[SlotKey | None] = []
        for slot in row:
            if slot is None:
                line.append(None)
                continue
            cell = slot.cell
            key = seen.get(id(cell))  # the grid keeps its cells, so their ids stay theirs
            if key is None:
                key = seen[id(cell)] = (
                    cell.row,
                    cell.col,
                    cell.rowspan,
                    cell.colspan,
                    text_class(cell.text),
                )
            line.append(key)
        rows.append(tuple(line))
    return tuple(rows)
