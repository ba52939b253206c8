"""A node's place in the parsed page's tree.

The page reader, the reader of tables built without ``<table>`` and the
style-sheet hiding each ask whether a node lies inside some others; lexbor
answers only a node's parent, so the walk up is written once here.
"""

from __future__ import annotations

from collections.abc import Container

from selectolax.lexbor import LexborNode

__all__ = ["inside_any"]


def inside_any(node: LexborNode, ids: Container[int]) -> bool:
    """Whether an ancestor of ``node`` (not ``node`` itself) is one of ``ids``
    (lexbor's ``mem_id``)."""
    parent = node.parent
    while parent is not None:
        if parent.mem_id in ids:
            return True
        parent = parent.parent
    return False
