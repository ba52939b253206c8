"""Pages printed sideways, read as a reader turns them.

A landscape table is often printed on a page a viewer shows sideways: the
page's ``/Rotate`` turns it (a scanner's or a clerk's "rotate page"), or its
text is drawn turned by a matrix (a landscape section of a Word file, a
table pasted turned).  Either way pdfplumber gives characters that run up
or down the page (``upright`` false, the matrix's direction), and lines,
columns and rows read across each other.  What a reader does is turn the
page until its text reads left to right; so does this module: the page's
direction is the one most of its characters run in, and a page whose
direction is not upright is turned by pypdf (``/Rotate`` plus a quarter
turns) and opened again, so that pdfminer lays out characters, rules and
boxes upright in the turned frame, exactly as it does for any upright page.

A cell's bounding box is then given back in the page's own frame — the
frame pdfplumber opens the page in, unturned: points from the top left of
the page as its own ``/Rotate`` shows it — so that the provenance of a
turned page points at the same place on the same page as any other.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

import pdfplumber
import pypdf
from pdfplumber.pdf import PDF

from govdisclosure_html.cells import Cell, Grid, Slot

__all__ = ["Turn", "back", "open_turned", "page_turn", "turn_back"]


class Turn(NamedTuple):
    """How a page was turned to be read: clockwise degrees (90, 180, 270)
    and the size of the page in its own frame (points)."""

    degrees: int
    width: float
    height: float


def _direction(matrix: Sequence[float]) -> int:
    """The clockwise turn that sets a character of this matrix upright:
    0 for text running right, 90 for text running up the page, 180 for
    text upside down, 270 for text running down (PDF space: y up)."""
    a, b = float(matrix[0]), float(matrix[1])
    if abs(a) >= abs(b):
        return 0 if a > 0 else 180
    return 90 if b > 0 else 270


def page_turn(chars: Sequence[Mapping[str, Any]]) -> int:
    """The clockwise turn (0, 90, 180 or 270) that sets the page's text
    upright: the direction more than half its visible characters run in;
    0 when no direction has them."""
    visible = [c for c in chars if c["text"].strip()]
    if not visible:
        return 0
    counts = Counter(_direction(c["matrix"]) for c in visible)
    turn, n = counts.most_common(1)[0]
    return turn if 2 * n > len(visible) else 0


def open_turned(data: bytes, page_no: int, degrees: int) -> PDF:
    """Page ``page_no`` (1-based) of the PDF ``data`` turned clockwise by
    ``degrees``, alone in a PDF opened by pdfplumber (the caller closes it)."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    writer = pypdf.PdfWriter()
    writer.add_page(reader.pages[page_no - 1])
    writer.pages[0].rotate(degrees)
    out = io.BytesIO()
    writer.write(out)
    return pdfplumber.open(io.BytesIO(out.getvalue()))


BBox = tuple[float, float, float, float]


def back(box: BBox, turn: Turn) -> BBox:
    """A box of the turned page in the page's own frame (both: x right,
    top down, from the top left).  Turning clockwise by 90 takes (x, y) of
    a page ``height`` high to (height - y, x); this undoes it."""
    x0, top, x1, bottom = box
    if turn.degrees == 90:
        return (top, turn.height - x1, bottom, turn.height - x0)
    if turn.degrees == 180:
        return (turn.width - x1, turn.height - bottom, turn.width - x0, turn.height - top)
    if turn.degrees == 270:
        return (turn.width - bottom, x0, turn.width - top, x1)
    return box


def turn_back(grids: Sequence[Grid], turns: Mapping[int, Turn]) -> tuple[Grid, ...]:
    """The grids with the boxes of the cells printed on turned pages given
    in their page's own frame (a cell covering several slots stays one cell)."""
    if not turns:
        return tuple(grids)
    out: list[Grid] = []
    for grid in grids:
        moved: dict[int, Cell] = {}

        def cell_of(cell: Cell, moved: dict[int, Cell] = moved) -> Cell:
            turn = turns.get(cell.page) if cell.page is not None else None
            if turn is None or cell.bbox is None:
                return cell
            found = moved.get(id(cell))
            if found is None:
                found = moved[id(cell)] = cell._replace(bbox=back(cell.bbox, turn))
            return found

        rows = tuple(
            tuple(None if s is None else Slot(cell_of(s.cell), s.row, s.col) for s in row)
            for row in grid.rows
        )
        out.append(Grid(grid.index, rows))
    return tuple(out)
