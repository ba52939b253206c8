"""PDF bookmarks (the outline a viewer shows beside the pages).

The published reports, made in WPS or Word, carry an outline of their
headings; so does this PDF: each section (一、…), each sub-section
(（一）…, run-in headings included), each official table and each
attachment.  A flowable that holds an :class:`Entry` registers it when it is
drawn, at its top edge, so the entry points where the heading is printed
and a heading that moves to the next page takes its bookmark along.
"""

from __future__ import annotations

from typing import Any

from attrs import frozen

__all__ = ["Entry", "OutlineLevels", "mark"]


@frozen
class Entry:
    """One bookmark: its text and its depth (0 for a section)."""

    title: str
    level: int


def mark(canv: Any, entry: Entry | None, top: float) -> None:
    """Bookmark the current position ``top`` points above the flowable's origin."""
    if entry is None:
        return
    count = int(getattr(canv, "_gd_outline_count", 0)) + 1
    canv._gd_outline_count = count
    key = f"gd-outline-{count}"
    canv.bookmarkHorizontal(key, 0, top)
    canv.addOutlineEntry(entry.title, key, entry.level, closed=False)


class OutlineLevels:
    """Keeps levels valid: an entry is at most one level below the one before it.

    reportlab refuses an outline that skips a level (a 表 entry before any
    section, a （一） before its 一、), so a level is capped at the depth
    the outline has reached.
    """

    def __init__(self) -> None:
        self._last = -1

    def entry(self, title: str, level: int) -> Entry:
        level = max(0, min(level, self._last + 1))
        self._last = level
        return Entry(title.strip(), level)
