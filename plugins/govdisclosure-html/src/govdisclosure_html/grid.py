"""An HTML table as a grid of slots, merged cells kept as one origin.

``pandas.read_html`` copies a merged cell's text into every slot it covers,
so a number printed once under a three-column header is read three times.
Here a merged cell has one *origin* slot (its top-left) and the slots it
covers point back at it: a reader takes values from origins only, and a
header that spans columns still labels each of them.

The slot-filling follows the HTML table model (rows in order, a cell goes
to the first free column, ``rowspan`` reserves slots in the rows below,
``rowspan="0"`` runs to the end of its row group); spans are clamped to the
limits the standard sets (colspan ≤ 1000, rowspan ≤ 65534).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from typing import Final, NamedTuple

from attrs import field, frozen
from selectolax.lexbor import LexborHTMLParser, LexborNode

from .shape import SlotKey, text_class

__all__ = ["Cell", "Grid", "Slot", "cell_text", "expand"]


class Cell(NamedTuple):
    """One printed cell: where it starts, how far it spans, its text as printed."""

    row: int
    col: int
    rowspan: int
    colspan: int
    #: The cell's text as printed: its text nodes joined, outer white space
    #: trimmed, inner white space (``&nbsp;`` runs, line breaks) kept.
    text: str
    header: bool = False
    #: Where a PDF printed the cell: page number (1-based) and bounding box
    #: (x0, top, x1, bottom in points from the page's top left); None on a web page.
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    #: Where a spreadsheet holds the cell: ``Sheet!B7``; None elsewhere.
    address: str | None = None

    @property
    def merged(self) -> bool:
        return self.rowspan > 1 or self.colspan > 1


class Slot(NamedTuple):
    """A grid position and the cell that covers it."""

    cell: Cell
    row: int
    col: int

    @property
    def is_origin(self) -> bool:
        return self.cell.row == self.row and self.cell.col == self.col


@frozen
class Grid:
    """A table as rows of slots (``None`` where no cell covers a position)."""

    index: int
    rows: tuple[tuple[Slot | None, ...], ...]
    #: The grid's :func:`.shape.shape`, when its maker worked it out while
    #: filling the slots (:func:`expand` does); None: made when asked.  A
    #: function of ``rows``, so it takes no part in equality.
    shape: Hashable | None = field(default=None, eq=False, repr=False)

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def cells(self) -> Iterator[Cell]:
        """Every printed cell once, in reading order."""
        for r, row in enumerate(self.rows):
            for slot in row:
                if slot is not None:
                    cell = slot.cell
                    if cell.row == r and cell.col == slot.col:
                        yield cell


def cell_text(node: LexborNode) -> str:
    """The text of a cell or paragraph as printed, outer white space trimmed.

    Text nodes are joined without a separator: a Chinese label set in
    several ``<span>``/``<p>`` pieces ("本年度办" + "理结果") is one label.
    Read by lexbor's own ``textContent`` (the same text nodes as ``text()``:
    deep, no separator, no strip), which costs a third less per call.
    """
    return node.text_lexbor().strip()


def _span(value: str | None, limit: int, zero: int) -> int:
    if value is None:
        return 1
    if value.isdigit() and len(value) <= 6:  # the usual "2" (isdigit admits no sign or space)
        n = int(value)
    else:
        digits = "".join(ch for ch in value.strip() if ch.isdigit())
        if not digits:
            return 1
        n = int(digits[:6])
    if n == 0:
        return zero
    return max(1, min(n, limit))


_new = tuple.__new__


def _rows(table: LexborNode) -> list[tuple[LexborNode, int]]:
    """The table's own rows (not those of nested tables), with their group number."""
    out: list[tuple[LexborNode, int]] = []
    group = 0
    for child in table.iter():
        if child.tag in ("thead", "tbody", "tfoot"):
            group += 1
            out.extend((tr, group) for tr in child.iter() if tr.tag == "tr")
            group += 1
        elif child.tag == "tr":
            out.append((child, group))
    return out


#: Lexbor's ids of the cell tags (compared as ints: cheaper than the tag's name).
_CELL_TAGS: Final = frozenset(
    LexborHTMLParser("<table><tr><td><th></table>").css_first(tag).tag_id  # type: ignore[union-attr]
    for tag in ("td", "th")
)
_TH: Final = LexborHTMLParser("<table><tr><th></table>").css_first("th").tag_id  # type: ignore[union-attr]


#: The span a ``colspan``/``rowspan`` of "1" to "1000" gives (the limits and
#: the zero rule of :func:`_span` change none of them): one look-up for the
#: usual values instead of the parse.
_PLAIN_SPANS: Final = {str(n): n for n in range(1, 1001)}


def expand(table: LexborNode, index: int) -> Grid:
    """The grid of one ``<table>`` element, with its shape (:func:`.shape.shape`).

    Written for speed (it runs on every cell of every page): the few cells
    that span are found by one selector (in C) and only their attributes
    are read; a row none of whose cells spans, and into which no cell above
    reaches, fills columns 0, 1, 2 … without the general slot-filling loop;
    and each slot's shape key is set beside the slot (a second pass over the
    grid cost a quarter of this one).
    """
    rows = _rows(table)
    group_end: dict[int, int] = {}
    for i, (_, g) in enumerate(rows):
        group_end[g] = i
    spanning: set[int] = set()
    # The elements holding a spanning one: every row holding a spanning
    # cell (a cell's parent is its row), so the cells of any other row span
    # nothing.
    spanning_rows: set[int] = set()
    for node in table.css("[colspan], [rowspan]"):
        spanning.add(node.mem_id)
        parent = node.parent
        if parent is not None:
            spanning_rows.add(parent.mem_id)
    slots: list[list[Slot | None]] = [[] for _ in rows]
    keys: list[list[SlotKey | None]] = [[] for _ in rows]
    cell_tags = _CELL_TAGS
    th = _TH
    new = _new
    classify = text_class
    for r, (tr, g) in enumerate(rows):
        line = slots[r]
        line_keys = keys[r]
        if not line and tr.mem_id not in spanning_rows:
            col = 0
            for td in tr.iter():
                tag = td.tag_id
                if tag in cell_tags:
                    text = td.text_lexbor().strip()  # cell_text, inlined
                    cell = new(Cell, (r, col, 1, 1, text, tag == th, None, None, None))
                    line.append(new(Slot, (cell, r, col)))
                    line_keys.append((r, col, 1, 1, classify(text)))
                    col += 1
            continue
        left = group_end[g] - r + 1  # rows to the end of the row group, this one included
        col = 0
        for td in tr.iter():
            tag = td.tag_id
            if tag not in cell_tags:
                continue
            width = len(line)
            while col < width and line[col] is not None:
                col += 1
            if td.mem_id in spanning:
                attrs = td.attrs  # read in place (``attributes`` copies them all into a dict)
                raw_colspan = attrs.get("colspan")
                raw_rowspan = attrs.get("rowspan")
                colspan = (
                    1
                    if raw_colspan is None
                    else _PLAIN_SPANS.get(raw_colspan) or _span(raw_colspan, 1000, 1)
                )
                rowspan = (
                    1
                    if raw_rowspan is None
                    else min(_PLAIN_SPANS.get(raw_rowspan) or _span(raw_rowspan, 65534, left), left)
                )
            else:
                colspan = rowspan = 1
            text = td.text_lexbor().strip()  # cell_text, inlined
            # tuple.__new__ directly: a NamedTuple's own constructor costs twice as much.
            cell = new(Cell, (r, col, rowspan, colspan, text, tag == th, None, None, None))
            key = (r, col, rowspan, colspan, classify(text))
            if rowspan == 1 and colspan == 1 and col == width:
                line.append(new(Slot, (cell, r, col)))
                line_keys.append(key)
            else:
                for rr in range(r, r + rowspan):
                    target = slots[rr]
                    target_keys = keys[rr]
                    filled = len(target)
                    if filled <= col:
                        # The row ends before the cell (a row below, as a
                        # rowspan mostly finds it): its slots are all free.
                        if filled < col:
                            target.extend([None] * (col - filled))
                            target_keys.extend([None] * (col - filled))
                        if colspan == 1:
                            target.append(new(Slot, (cell, rr, col)))
                            target_keys.append(key)
                        else:
                            target.extend(
                                [new(Slot, (cell, rr, cc)) for cc in range(col, col + colspan)]
                            )
                            target_keys.extend([key] * colspan)
                        continue
                    short = col + colspan - filled
                    if short > 0:
                        target.extend([None] * short)
                        target_keys.extend([None] * short)
                    for cc in range(col, col + colspan):
                        if target[cc] is None:  # overlapping spans: the first cell keeps the slot
                            target[cc] = new(Slot, (cell, rr, cc))
                            target_keys[cc] = key
            col += colspan
    return Grid(
        index,
        tuple([tuple(line) for line in slots]),
        tuple([tuple(line) for line in keys]),
    )
