"""Text boxes: content anchored in a paragraph, read as blocks of their own.

A page saved or pasted into Word keeps a floating table (``<table
align="left">``, a frame on the page) as a text box: the paragraph it is
anchored in holds a drawing whose ``w:txbxContent`` holds the table, and,
for programs that do not read drawings, the same content once more as a
VML picture inside ``mc:Fallback``.  Read as the paragraph's text, the table
came out flattened into one line, twice, and the report had no table.

So a paragraph's own text leaves its text boxes and every ``mc:Fallback``
out (:func:`own_nodes`), and :func:`text_boxes` gives each box's content
once, to be read in order after the paragraph like the body: the
``mc:Choice`` (the drawing Word shows), or a VML box where the file has no
alternative content.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Final

from docx.oxml.ns import qn

__all__ = ["READ_APART", "own_nodes", "text_boxes"]

_MC: Final = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_FALLBACK: Final = f"{{{_MC}}}Fallback"
_W_TXBX: Final = qn("w:txbxContent")
#: Subtrees of a paragraph that are not its own text.
READ_APART: Final = frozenset({_W_TXBX, _FALLBACK})


def own_nodes(element: Any, *tags: str) -> Iterator[Any]:
    """The descendants of ``element`` with one of ``tags``, in document
    order, outside its text boxes and fallback content."""
    for child in element.iterchildren():
        if child.tag in READ_APART:
            continue
        if child.tag in tags:
            yield child
        yield from own_nodes(child, *tags)


def text_boxes(p: Any) -> list[Any]:
    """The ``w:txbxContent`` of each text box anchored in paragraph ``p``,
    once each (see the module doc); a box inside a box is read with the
    outer box's content."""
    out: list[Any] = []
    for child in p.iterchildren():
        if child.tag == _FALLBACK:
            continue
        if child.tag == _W_TXBX:
            out.append(child)
            continue
        out.extend(text_boxes(child))
    return out
