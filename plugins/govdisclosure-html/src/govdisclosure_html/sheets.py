"""Style sheets a page links (``<link rel="stylesheet">``): read where the
page's own folder holds them, and distrusted where it does not.

A page saved by a browser ("save as, complete") keeps its style sheets in a
folder beside it (``page_files/style.css``); the import reads them there, as
the browser that shows the saved page does, so text they hide
(:mod:`.hiding`) is not read either.  Only a relative address inside the
page's folder is read: never the network, never a file outside it.

A page imported from its URL (``govdisclosure import URL``) has its sheets
fetched from its own site instead (:func:`linked_style_sheets`).

A sheet that is not read (a page saved alone, a sheet on another host, one
that did not answer) may hide the characters portals scatter inside figures against
copying ("26<span class="n">7</span>29" with ``.n{font-size:0}`` in the
sheet reads 2629 on screen).  The import cannot tell, so it does not guess:
a figure whose digits are split by an element with a ``class`` or ``id``
(something a sheet can select) is placed with doubt, and a relation it
breaks is never reported as the publisher's error.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Final
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborNode

from .grid import CELL_TAGS

__all__ = [
    "MAX_SHEET_BYTES",
    "StyleSheets",
    "linked_style_sheets",
    "local_style_sheets",
    "no_style_sheets",
    "split_cells",
]

#: Reads a linked style sheet by its ``href``: its text, or None when it is
#: not read.
StyleSheets = Callable[[str], str | None]

#: The largest style sheet read (a portal's whole theme is a few hundred KiB).
MAX_SHEET_BYTES: Final = 2 * 1024 * 1024


def no_style_sheets(href: str) -> None:
    """Reads no linked style sheet (a page given as bytes alone)."""
    return None


def _decode(data: bytes) -> str:
    """A style sheet's text: UTF-8 (the web's default, a BOM allowed), else
    GB 18030 (older Chinese portals).  Only selectors and declarations are
    used, which are ASCII either way; comments may be lost to replacement."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace")


def linked_style_sheets(read: Callable[[str], bytes | None]) -> StyleSheets:
    """The reader of the sheets a page links, given a reader of the files it
    links (:attr:`govdisclosure.plugin.ImportOptions.linked_file`: ``import
    URL`` fetches them from the page's site).  A sheet larger than
    :data:`MAX_SHEET_BYTES` is not read, whatever the reader gave."""

    def sheet(href: str) -> str | None:
        data = read(href)
        if data is None or len(data) > MAX_SHEET_BYTES:
            return None
        return _decode(data)

    return sheet


def local_style_sheets(source: str) -> StyleSheets:
    """The reader of the sheets a page saved at ``source`` links: a relative
    ``href`` resolved in the page's folder, read when it stays inside that
    folder and is a file of at most :data:`MAX_SHEET_BYTES`.  ``source``
    that is no file (a URL, "<page>") reads none."""
    # ``os.path.isfile`` answers as ``Path.is_file`` does (False, too, for
    # what that raises), without the path object: every import of bytes
    # alone ("<page>") asks, about 6 µs of the 8 it cost.
    if not os.path.isfile(source):
        return no_style_sheets
    try:
        folder = Path(source).resolve().parent
    except (OSError, ValueError):  # a name no file system takes
        return no_style_sheets

    def read(href: str) -> str | None:
        parts = urlsplit(href.strip())
        if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
            return None
        try:
            target = (folder / unquote(parts.path)).resolve()
            if not target.is_relative_to(folder) or not target.is_file():
                return None
            if target.stat().st_size > MAX_SHEET_BYTES:
                return None
            return _decode(target.read_bytes())
        except (OSError, ValueError):
            return None

    return read


def _beside(node: LexborNode, cell_id: int, after: bool) -> str:
    """The nearest text printed right before (or after) ``node`` in its
    cell: its siblings' text, then its parent's, up to the cell."""
    at: LexborNode | None = node
    while at is not None and at.mem_id != cell_id:
        sibling = at.next if after else at.prev
        while sibling is not None:
            text = sibling.text_lexbor()
            if text:
                return text
            sibling = sibling.next if after else sibling.prev
        at = at.parent
    return ""


def _cuts(node: LexborNode, cell_id: int) -> bool:
    """Whether the styled ``node`` cuts a figure: a digit at one end of its
    text touches a digit printed right beside it in the cell."""
    text = node.text_lexbor()
    return bool(text) and (
        (text[:1].isdigit() and _beside(node, cell_id, after=False)[-1:].isdigit())
        or (text[-1:].isdigit() and _beside(node, cell_id, after=True)[:1].isdigit())
    )


def split_cells(table: LexborNode, cells: Callable[[LexborNode], list[LexborNode]]) -> list[int]:
    """The numbers (in the order of ``cells(table)``: its own cells in
    reading order) of the cells whose figure is split by a styled element
    (:func:`_cuts`).  One search of the table finds its elements with a
    ``class`` or an ``id``; those inside a cell (a ``<td>`` or ``<th>``
    above them, as ``td [class]`` has it) are each looked at beside their
    neighbours only, and the cells are listed only when one cuts a figure.

    The search names no cell: lexbor tries each alternative of a selector on
    every element, and a descendant combinator walks up from each styled
    one, so ``td [class], td [id], th [class], th [id]`` cost about twice
    ``[class], [id]`` plus the walk up from each element found, which finds
    the cell anyway (the same elements, the same cells)."""
    cell_tags = CELL_TAGS
    split: set[int] = set()
    for node in table.css(_STYLED):
        cell = node.parent
        while cell is not None and cell.tag_id not in cell_tags:
            cell = cell.parent
        if cell is not None and cell.mem_id not in split and _cuts(node, cell.mem_id):
            split.add(cell.mem_id)
    if not split:
        return []
    return [n for n, cell in enumerate(cells(table)) if cell.mem_id in split]


#: The elements a style sheet may select by name: a styled one inside a
#: table's cell is found among them by the walk up to its cell.
_STYLED: Final = "[class], [id]"
