"""A node's place in the parsed page's tree.

The page reader, the reader of tables built without ``<table>`` and the
style-sheet hiding each ask whether a node lies inside some others; lexbor
answers only a node's parent, so the walk up is written once here.  The
readers of ``<div>`` and CSS grid tables both ask for a node's element
children with no text between them.
"""

from __future__ import annotations

from collections.abc import Container

from selectolax.lexbor import LexborNode

__all__ = ["element_children", "inside_any"]


def inside_any(node: LexborNode, ids: Container[int]) -> bool:
    """Whether an ancestor of ``node`` (not ``node`` itself) is one of ``ids``
    (lexbor's ``mem_id``)."""
    parent = node.parent
    while parent is not None:
        if parent.mem_id in ids:
            return True
        parent = parent.parent
    return False


def element_children(node: LexborNode) -> list[LexborNode] | None:
    """The element children of ``node``, ``<br>``s and comments aside; None
    when text stands between them (a row of text and spans is a line, not
    cells)."""
    out: list[LexborNode] = []
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            if (child.text_content or "").strip():
                return None
        elif tag != "br" and tag != "-comment":
            out.append(child)
    return out
