"""Tables a page builds without ``<table>``: ``<div>`` rows of ``<div>``
cells, CSS ``display:table``/``table-row``/``table-cell``, ARIA
``role="row"``/``role="cell"``, or a list whose items are rows of cells.

Content systems and their editors print tables so: a block editor's
"table" widget, a theme that styles ``<div class="tr"><div class="td">``,
an editor that turns a pasted table into a list.  What makes such markup a
table is its *structure*, not its styles (a style sheet may give the
``display`` a class names, and a style sheet is not read): a container
whose children are all rows, each row's children all cells, and the rows,
laid out by the table model (:mod:`.layout`), all as wide.  Such a grid is
read into the same :class:`.cells.Grid` a ``<table>`` gives; a cell that
says it spans (``colspan``/``rowspan``, or their ``data-`` forms, as some
editors keep them on a ``<div>``) is one origin over the slots it covers,
never a copied value.

A CSS grid container of several columns (``display:grid`` with
``grid-template-columns``) has no rows in its markup: it is read by its
inline style alone (:mod:`.cssgrid`), its children the cells.

Nothing is guessed: markup that is not such a grid (rows of unequal width,
text between the cells, a cell holding rows of its own, a single row, no
figure anywhere) is no table, and its text stays text, so the figures are
reported missing as before.  A row or cell hidden by its inline style (a
hidden copy of a row) is not printed and not read.
"""

from __future__ import annotations

import re
from typing import Final

from selectolax.lexbor import LexborNode

from .cells import Columns, Grid
from .cssgrid import css_grid_rows, lays_out_columns
from .grid import cells_shape
from .hiding import BoxHiding
from .layout import LayoutKey, layout
from .tree import element_children, inside_any

__all__ = ["GRID_TAGS", "div_grids", "grid_of"]

#: The tags of the elements a grid may be built from: its container is one of them.
GRID_TAGS: Final = frozenset({"div", "ul", "ol"})

_LISTS: Final = frozenset({"ul", "ol"})
#: Elements a cell may hold besides text and inline markup: one line each.
_NO_CELL: Final = frozenset({"table", "ul", "ol", "li"})
_ROW_GROUP: Final = re.compile(r"display\s*:\s*table-(header|row|footer)-group", re.I)
_DISPLAY_ROW: Final = re.compile(r"display\s*:\s*table-row(?!-)", re.I)
_DISPLAY_CELL: Final = re.compile(r"display\s*:\s*table-cell", re.I)
_CELL_ROLES: Final = frozenset({"cell", "gridcell", "columnheader", "rowheader"})
_HEADER_ROLES: Final = frozenset({"columnheader", "rowheader"})
#: Below this many rows or columns a set of blocks is no table.
_MIN_ROWS: Final = 2
_MIN_COLUMNS: Final = 2
#: The largest spans the HTML table model admits (a larger one is clamped there).
_MAX_COLSPAN: Final = 1000


def _style(node: LexborNode) -> str:
    return node.attrs.get("style") or ""


def _rows(container: LexborNode, hidden: BoxHiding) -> list[tuple[LexborNode, bool]] | None:
    """The container's rows, each with whether it is in a header group;
    None when a child is no row (looked at child by child: most containers
    of a page hold paragraphs, and their first child says so)."""
    out: list[tuple[LexborNode, bool]] = []
    list_rows = container.tag in _LISTS
    for child in container.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            if (child.text_content or "").strip():
                return None
            continue
        if tag == "br" or tag == "-comment" or hidden(child):
            continue
        group = _ROW_GROUP.search(_style(child))
        if group is not None or child.attrs.get("role") == "rowgroup":
            inner = element_children(child)
            if inner is None:
                return None
            header = group is not None and group.group(1) == "header"
            out.extend((row, header) for row in inner if not hidden(row))
            continue
        if list_rows:
            if tag != "li":
                return None
        elif (
            tag != "div"
            and child.attrs.get("role") != "row"
            and _DISPLAY_ROW.search(_style(child)) is None
        ):
            return None
        out.append((child, False))
    return out


def _cells(row: LexborNode, hidden: BoxHiding) -> list[LexborNode] | None:
    """A row's cells: its element children (a list item holding one list:
    that list's items); None when the row is not a row of cells."""
    children = element_children(row)
    if children is None:
        return None
    if len(children) == 1 and children[0].tag in _LISTS:
        children = element_children(children[0])
        if children is None or any(c.tag != "li" for c in children):
            return None
    cells = [c for c in children if not hidden(c)]
    for cell in cells:
        tag = cell.tag
        if tag in _NO_CELL and tag != "li":
            return None
        if row.tag != "li" and tag not in ("div", "li") and not _is_cell(cell):
            return None
        if not _flat(cell):
            return None
    return cells


def _is_cell(node: LexborNode) -> bool:
    return node.attrs.get("role") in _CELL_ROLES or _DISPLAY_CELL.search(_style(node)) is not None


def _flat(cell: LexborNode) -> bool:
    """A cell holds lines, not rows: no table or list, and neither it nor a
    block in it holds two ``<div>``s (a wrapper around two ``<div>`` tables
    would otherwise read as a grid whose cells are their rows)."""
    for node in cell.traverse(include_text=False):
        if node.mem_id != cell.mem_id and node.tag in _NO_CELL:
            return False
        if sum(1 for c in node.iter() if c.tag == "div") >= 2:
            return False
    return True


def _span(node: LexborNode, name: str) -> int | None:
    """A span the cell states (``colspan``, ``data-colspan``); 1 when none,
    None when it states one that is not a whole number of at least 1."""
    attrs = node.attrs
    raw = attrs.get(name)
    if raw is None:
        raw = attrs.get(f"data-{name}")
    if raw is None:
        return 1
    raw = raw.strip()
    if not raw.isdigit() or int(raw) < 1:
        return None
    return int(raw)


#: A cell as the grid is built from it: its element, row span, column span,
#: and whether it heads its row or column.
_Placed = tuple[LexborNode, int, int, bool]


def _table_rows(container: LexborNode, hidden: BoxHiding) -> list[list[_Placed]] | None:
    """The rows of cells of a container of rows, each cell with the spans it
    states; None when it is no such container or a span is unsure."""
    rows = _rows(container, hidden)
    if rows is None or len(rows) < _MIN_ROWS:
        return None
    out: list[list[_Placed]] = []
    for r, (row, header_group) in enumerate(rows):
        cells = _cells(row, hidden)
        if not cells:
            return None
        line: list[_Placed] = []
        for cell in cells:
            rowspan, colspan = _span(cell, "rowspan"), _span(cell, "colspan")
            if rowspan is None or colspan is None or colspan > _MAX_COLSPAN:
                return None
            if rowspan > len(rows) - r:  # a span past the last row: not sure what it meant
                return None
            header = header_group or cell.attrs.get("role") in _HEADER_ROLES
            line.append((cell, rowspan, colspan, header))
        out.append(line)
    return out


def _grid_rows(container: LexborNode, hidden: BoxHiding) -> list[list[_Placed]] | None:
    """The rows a CSS grid lays its cells in (:mod:`.cssgrid`); None when
    its style does not say surely, or a cell holds rows of its own."""
    laid = css_grid_rows(container, hidden)
    if laid is None:
        return None
    lists = container.tag in _LISTS
    for row in laid:
        for cell in row:
            tag = cell.node.tag
            if (tag in _NO_CELL and not (lists and tag == "li")) or not _flat(cell.node):
                return None
    return [
        [(c.node, 1, c.colspan, c.node.attrs.get("role") in _HEADER_ROLES) for c in row]
        for row in laid
    ]


def grid_of(container: LexborNode, index: int, hidden: BoxHiding) -> Grid | None:
    """The grid ``container`` prints, or None when it prints none surely.

    A CSS grid container of several columns is read by its style alone: its
    children are cells, never rows (:mod:`.cssgrid`)."""
    if lays_out_columns(container):
        rows = _grid_rows(container, hidden)
    else:
        rows = _table_rows(container, hidden)
    if rows is None or len(rows) < _MIN_ROWS:
        return None
    texts: list[str] = []
    starts: list[int] = []
    spans: list[tuple[int, int, int]] = []
    headers: list[int] = []
    area = 0
    for line in rows:
        starts.append(len(texts))
        for cell, rowspan, colspan, header in line:
            number = len(texts)
            if rowspan > 1 or colspan > 1:
                spans.append((number, rowspan, colspan))
            area += rowspan * colspan
            if header:
                headers.append(number)
            texts.append(cell.text_lexbor().strip())
    starts.append(len(texts))
    key: LayoutKey = (tuple(starts), tuple(spans))
    columns = Columns(texts, key, frozenset(headers))
    widths = {columns.row_width(r) for r in range(len(rows))}
    if len(widths) != 1 or widths.pop() < _MIN_COLUMNS:
        return None
    # Every slot covered once: spans that overlap (the model lets the first
    # keep the slot) or leave holes are no layout a reader can be sure of.
    width = columns.row_width(0)
    if area != width * len(rows) or any(
        n is None for line in layout(key).maps.values() for n in line
    ):
        return None
    if not any(ch.isdigit() for text in texts for ch in text):
        return None
    return Grid(index, shape=cells_shape(key, texts), columns=columns)


def div_grids(candidates: list[LexborNode], hidden: BoxHiding) -> list[LexborNode]:
    """The containers among ``candidates`` (in document order) that print a
    grid, the outermost first: one inside a grid found is a cell's, and is
    not looked at."""
    found: list[LexborNode] = []
    taken: set[int] = set()
    for node in candidates:
        if taken and inside_any(node, taken):
            continue
        if grid_of(node, 0, hidden) is not None:
            found.append(node)
            taken.add(node.mem_id)
    return found
