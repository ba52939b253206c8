"""Tables a page lays out with CSS grid: a ``<div style="display:grid;
grid-template-columns: repeat(7, 1fr)">`` whose children are the cells.

Unlike ``<div>`` rows of cells (:mod:`.divgrid`), such markup has no rows:
the style alone says where a row ends, so only a grid whose inline style
states its columns is read, and only as far as the style says surely where
each cell goes:

* ``grid-template-columns`` counted: tracks (``1fr``, ``120px``,
  ``minmax(…)``, ``fit-content(…)``), line names (``[a]``) aside, and
  ``repeat(N, tracks)``; ``repeat(auto-fill|auto-fit, …)``, ``subgrid``,
  ``var()`` and the ``grid``/``grid-template`` shorthands give no count a
  reader can be sure of, and the grid is not read;
* the cells placed by CSS auto-placement in rows (``grid-auto-flow: row``,
  the default; ``column`` or ``dense`` is not read), each over one column,
  or over N when its inline style says ``grid-column: span N``; a cell
  placed by lines (``grid-column: 2 / 4``, ``grid-row``, ``grid-area``,
  ``order``), one that states a ``colspan`` the style does not give, or one
  taken out of the flow (``position:absolute``) makes the grid not read;
* a child ``display:contents`` (a row wrapper) gives its children as cells;
  one hidden by ``display:none`` takes no slot; one hidden by
  ``visibility:hidden`` keeps its slot, empty, and the grid is not read;
* a grid of one column (no columns stated) stacks its children as blocks
  do, and is read as any ``<div>`` (:mod:`.divgrid`): rows of cells in it
  are rows;
* every row filled: a cell too wide for what is left of its row, which
  CSS moves to the next row and leaves a hole, or a last row short of
  cells, is no table a reader can be sure of.

A style sheet is not read for any of it (only hiding is, :mod:`.hiding`):
a grid styled by a class is not read.  What is not read stays text, and
the figures it held are reported missing, never guessed.
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from selectolax.lexbor import LexborNode

from .hiding import BoxHiding
from .tree import element_children

__all__ = ["GridCell", "css_grid_rows", "lays_out_columns", "track_count"]

_DECLARATION: Final = re.compile(r"([-a-z]+)\s*:\s*([^;]*)", re.I)
#: Properties of a container that make its cells' places unsure when stated.
_UNSURE_CONTAINER: Final = frozenset({"grid", "grid-template", "grid-template-areas"})
#: Properties of a cell that place it otherwise than the next free slot.
_PLACING: Final = frozenset(
    {
        "grid-area",
        "grid-row",
        "grid-row-start",
        "grid-row-end",
        "grid-column-start",
        "grid-column-end",
        "order",
    }
)
_AUTO: Final = re.compile(r"auto(?:\s*/\s*auto)?", re.I)
_SPAN: Final = re.compile(r"span\s+(\d+)(?:\s*/\s*auto)?", re.I)
_OUT_OF_FLOW: Final = re.compile(r"absolute|fixed", re.I)
_TRACK_WORDS: Final = re.compile(r"[\w.%+-]+", re.I)
#: A track list as long as no table is: a page stating more is not read.
_MAX_TRACKS: Final = 1000
_SPAN_ATTRIBUTES: Final = ("colspan", "rowspan", "data-colspan", "data-rowspan")
#: Keywords that size one track (``none``, ``subgrid``, ``masonry`` state no tracks).
_TRACK_KEYWORDS: Final = frozenset({"auto", "min-content", "max-content"})
#: The functions that size one track.
_TRACK_FUNCTIONS: Final = ("minmax(", "fit-content(", "calc(", "min(", "max(", "clamp(")


class GridCell(NamedTuple):
    """A cell of a CSS grid: its element and the columns it spans."""

    node: LexborNode
    colspan: int


def _declarations(node: LexborNode) -> dict[str, str]:
    """The inline style's declarations, the last of each property winning."""
    style = node.attrs.get("style") or ""
    return {m.group(1).lower(): m.group(2).strip() for m in _DECLARATION.finditer(style)}


def lays_out_columns(node: LexborNode) -> bool:
    """Its inline style makes ``node`` a grid container (``display:grid``)
    of more than one column, or may: its children are then cells, laid out
    by the style.  A grid of one column (no columns stated) stacks its
    children as blocks do: rows of cells in it are rows as in any ``<div>``."""
    declared = _declarations(node)
    if _display(declared) not in ("grid", "inline-grid"):
        return False
    if _UNSURE_CONTAINER & declared.keys() or _flow(declared) != "row":
        return True
    columns = declared.get("grid-template-columns")
    return columns is not None and track_count(_value(columns)) != 1


def _value(text: str) -> str:
    return text.replace("!important", "").strip()


def _display(declared: dict[str, str]) -> str:
    return _value(declared.get("display", "")).lower()


def _flow(declared: dict[str, str]) -> str:
    return _value(declared.get("grid-auto-flow", "row")).lower()


def _top_level(value: str) -> list[str] | None:
    """The value's parts at the top level (a function call is one part),
    line names (``[a b]``) left out; None when the brackets do not pair."""
    parts: list[str] = []
    depth = 0
    names = False
    current = ""
    for ch in value:
        if names:
            names = ch != "]"
            continue
        if depth == 0 and ch == "[":
            names = True
            if current:
                parts.append(current)
            current = ""
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                return None
        if depth == 0 and (ch.isspace() or ch == ","):
            if current:
                parts.append(current)
            if ch == ",":
                parts.append(ch)
            current = ""
            continue
        current += ch
    if depth or names:
        return None
    if current:
        parts.append(current)
    return parts


def track_count(value: str) -> int | None:
    """How many columns a ``grid-template-columns`` value states, or None
    when it states no count surely (``repeat(auto-fill, …)``, ``subgrid``,
    ``var()``, a keyword)."""
    parts = _top_level(value)
    if not parts or "," in parts:
        return None
    count = 0
    for part in parts:
        lowered = part.lower()
        if "var(" in lowered or "env(" in lowered or "attr(" in lowered:
            return None
        if "(" in lowered and not lowered.endswith(")"):
            return None  # a function with more glued after it: no track
        if lowered.startswith("repeat("):
            inner = _top_level(part[len("repeat(") : -1])
            if not inner or len(inner) < 3 or inner[1] != "," or "," in inner[2:]:
                return None
            if not inner[0].isdigit() or int(inner[0]) < 1:
                return None  # auto-fill, auto-fit: as many as fit
            tracks = track_count(" ".join(inner[2:]))
            if tracks is None:
                return None
            count += int(inner[0]) * tracks
        elif "(" in lowered:
            if not lowered.startswith(_TRACK_FUNCTIONS):
                return None
            count += 1
        elif _TRACK_WORDS.fullmatch(lowered) and (
            lowered[0].isdigit() or lowered[0] == "." or lowered in _TRACK_KEYWORDS
        ):
            count += 1
        else:
            return None
        if count > _MAX_TRACKS:
            return None
    return count


def _items(container: LexborNode, hidden: BoxHiding) -> list[LexborNode] | None:
    """The grid's items in document order, a ``display:contents`` child's
    children in its place, one with ``display:none`` left out; None when
    text stands among them (an anonymous cell of its own) or one is hidden
    by ``visibility`` (it keeps its slot, empty: not read)."""
    children = element_children(container)
    if children is None:
        return None
    out: list[LexborNode] = []
    for child in children:
        how = hidden(child)
        if how == "visibility":
            return None  # its slot kept empty: the cells after it are not moved up
        if how is not None:
            continue
        if _display(_declarations(child)) == "contents":
            inner = _items(child, hidden)
            if inner is None:
                return None
            out.extend(inner)
        else:
            out.append(child)
    return out


def _colspan(item: LexborNode) -> int | None:
    """The columns an item spans by its inline style; None when the style
    places it otherwise, or the markup states a span the style does not give."""
    declared = _declarations(item)
    if _PLACING & declared.keys():
        return None
    if _OUT_OF_FLOW.fullmatch(_value(declared.get("position", ""))):
        return None
    if any(name in item.attrs for name in _SPAN_ATTRIBUTES):
        return None
    column = declared.get("grid-column")
    if column is None or _AUTO.fullmatch(_value(column)):
        return 1
    span = _SPAN.fullmatch(_value(column))
    if span is None or int(span.group(1)) < 1:
        return None
    return int(span.group(1))


def css_grid_rows(container: LexborNode, hidden: BoxHiding) -> list[list[GridCell]] | None:
    """The rows the grid container lays its cells in, or None when its
    inline style does not say surely where every cell goes (see the module)."""
    declared = _declarations(container)
    if _UNSURE_CONTAINER & declared.keys():
        return None
    if _flow(declared) != "row":
        return None
    width = track_count(_value(declared.get("grid-template-columns", "")))
    items = _items(container, hidden)
    if width is None or items is None:
        return None
    rows: list[list[GridCell]] = []
    free = 0  # columns left in the current row
    for item in items:
        span = _colspan(item)
        if span is None or span > width:
            return None  # a span wider than the tracks adds columns of its own
        if span > free:
            if free:
                return None  # moved to the next row, leaving a hole
            rows.append([])
            free = width
        rows[-1].append(GridCell(item, span))
        free -= span
    if free:
        return None  # the last row short of cells
    return rows
