"""An HTML table as a grid of slots, merged cells kept as one origin.

``pandas.read_html`` copies a merged cell's text into every slot it covers,
so a number printed once under a three-column header is read three times.
Here a merged cell has one *origin* slot (its top-left) and the slots it
covers point back at it: a reader takes values from origins only, and a
header that spans columns still labels each of them.

The slot-filling follows the HTML table model (rows in order, a cell goes
to the first free column, ``rowspan`` reserves slots in the rows below,
``rowspan="0"`` runs to the end of its row group; :mod:`.layout`); spans
are clamped to the limits the standard sets (colspan ≤ 1000, rowspan ≤
65534).  The grid itself (:class:`.cells.Grid`, :class:`.cells.Cell`,
:class:`.cells.Slot`) is kept in :mod:`.cells`, named here too.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Final

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .cells import Cell, Columns, Grid, Slot
from .layout import LayoutKey
from .shape import text_class

__all__ = ["CELL_TAGS", "Cell", "Grid", "Slot", "cell_text", "expand", "own_cells"]


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


def _rows(table: LexborNode) -> list[tuple[LexborNode, int]]:
    """The table's own rows (not those of nested tables), with their group number."""
    out: list[tuple[LexborNode, int]] = []
    group = 0
    groups = _GROUP_TAGS
    tr = _TR
    for child in table.iter():
        tag = child.tag_id
        if tag in groups:
            group += 1
            out.extend([(row, group) for row in child.iter() if row.tag_id == tr])
            group += 1
        elif tag == tr:
            out.append((child, group))
    return out


#: Lexbor's ids of the cell tags (compared as ints: cheaper than the tag's name).
CELL_TAGS: Final = frozenset(
    LexborHTMLParser("<table><tr><td><th></table>").css_first(tag).tag_id  # type: ignore[union-attr]
    for tag in ("td", "th")
)
_TH: Final = LexborHTMLParser("<table><tr><th></table>").css_first("th").tag_id  # type: ignore[union-attr]
_TR: Final = LexborHTMLParser("<table><tr><th></table>").css_first("tr").tag_id  # type: ignore[union-attr]
_GROUP_TAGS: Final = frozenset(
    LexborHTMLParser("<table><thead></thead><tbody></tbody><tfoot></tfoot></table>")
    .css_first(tag)
    .tag_id  # type: ignore[union-attr]
    for tag in ("thead", "tbody", "tfoot")
)


#: The span a ``colspan``/``rowspan`` of "1" to "1000" gives (the limits and
#: the zero rule of :func:`_span` change none of them): one look-up for the
#: usual values instead of the parse.
_PLAIN_SPANS: Final = {str(n): n for n in range(1, 1001)}


def _spans(td: LexborNode, left: int) -> tuple[int, int]:
    """A cell's (rowspan, colspan), ``left``: the rows to the end of its row group."""
    attrs = td.attrs  # read in place (``attributes`` copies them all into a dict)
    raw_colspan = attrs.get("colspan")
    raw_rowspan = attrs.get("rowspan")
    colspan = (
        1 if raw_colspan is None else _PLAIN_SPANS.get(raw_colspan) or _span(raw_colspan, 1000, 1)
    )
    rowspan = (
        1
        if raw_rowspan is None
        else min(_PLAIN_SPANS.get(raw_rowspan) or _span(raw_rowspan, 65534, left), left)
    )
    return rowspan, colspan


def own_cells(table: LexborNode) -> list[LexborNode]:
    """The table's own cells (not those of nested tables) in reading order:
    cell *n* here is cell *n* of :func:`expand`'s grid."""
    cell_tags = CELL_TAGS
    return [td for tr, _ in _rows(table) for td in tr.iter() if td.tag_id in cell_tags]


def expand(table: LexborNode, index: int) -> Grid:
    """The grid of one ``<table>`` element, with its shape (:func:`cells_shape`).

    Written for speed (it runs on every cell of every page): it only reads
    the cells — each row's cells and texts by comprehensions, the spans of
    the few cells that span (found by one selector, in C) — and keeps them
    by field (:class:`.cells.Columns`): no :class:`Cell` or :class:`Slot`
    is made until asked for, and where the cells go is worked out once per
    layout (:mod:`.layout`), when first asked.
    """
    rows = _rows(table)
    group_end: dict[int, int] = {}
    for i, (_, g) in enumerate(rows):
        group_end[g] = i
    spanning: set[int] = set()
    # The elements holding a spanning one: every row holding a spanning
    # cell (a cell's parent is its row), so the cells of any other row span
    # nothing.  Likewise the rows holding a <th>, the only ones whose cells'
    # tags are read twice.
    spanning_rows: set[int | None] = set()
    th_rows: set[int | None] = set()
    th = _TH
    for node in table.css("[colspan], [rowspan], th"):
        parent = node.parent
        holder = parent.mem_id if parent is not None else None
        if node.tag_id == th:
            th_rows.add(holder)
            attrs = node.attrs
            if attrs.get("colspan") is None and attrs.get("rowspan") is None:
                continue
        spanning.add(node.mem_id)
        spanning_rows.add(holder)
    texts: list[str] = []
    headers: list[int] = []
    starts: list[int] = []
    spans: list[tuple[int, int, int]] = []
    cell_tags = CELL_TAGS
    for r, (tr, g) in enumerate(rows):
        number = len(texts)
        starts.append(number)
        held = tr.mem_id
        if held not in th_rows and held not in spanning_rows:
            # A row whose cells are only read: their texts in one pass (cell_text, inlined).
            texts += [td.text_lexbor().strip() for td in tr.iter() if td.tag_id in cell_tags]
            continue
        cells = [td for td in tr.iter() if td.tag_id in cell_tags]
        texts += [td.text_lexbor().strip() for td in cells]  # cell_text, inlined
        if held in th_rows:
            headers += [number + k for k, td in enumerate(cells) if td.tag_id == th]
        if held in spanning_rows:
            left = group_end[g] - r + 1  # rows to the end of the row group, this one included
            for k in [k for k, td in enumerate(cells) if td.mem_id in spanning]:
                rowspan, colspan = _spans(cells[k], left)
                if rowspan > 1 or colspan > 1:
                    spans.append((number + k, rowspan, colspan))
    starts.append(len(texts))
    key = (tuple(starts), tuple(spans))
    return Grid(
        index,
        shape=cells_shape(key, texts),
        columns=Columns(texts, key, frozenset(headers)),
    )


def cells_shape(key: LayoutKey, texts: list[str]) -> Hashable:
    """A grid's shape from its cells as :class:`.cells.Columns` keeps them:
    their layout (:data:`.layout.LayoutKey`: where each row's cells begin,
    the spans of those that span) and each one's text class
    (:func:`.shape.text_class`).

    It stands for :func:`.shape.shape` (a key per *slot*) as the plans' memo
    key, and says the same: the table model places the cells of a layout on
    one set of slots, and every cell keeps its own origin slot, so either
    shape can be worked out from the other (a test holds them to that).
    Made of the fields :func:`expand` reads anyway, it costs no key per
    slot, and its hash walks the cells rather than the slots.  Tagged, so it
    never equals a shape by slots (a grid of another importer's): those are
    numbered apart.
    """
    return ("cells", key, tuple(map(text_class, texts)))
