"""A small memo keyed by an object's identity, for objects slow to hash.

Templates, grids and tables are compared by walking every row or slot, so
a memo keyed by the object itself pays that walk on every look-up.  The
objects asked about are usually the very same ones (a shipped template, the
grid being imported), so an identity look-up answers almost always.  The
memo keeps each object beside its value: while the entry lives its ``id``
cannot be reused by another object, so a hit is always the same object.
It is bounded (the oldest entry goes first), since some of these objects
come one per report and must not be held for good.
"""

from __future__ import annotations

from typing import Generic, TypeVar

__all__ = ["IdentityMemo"]

K = TypeVar("K")
V = TypeVar("V")


class IdentityMemo(Generic[K, V]):
    """Values remembered for the last ``limit`` objects, found by identity."""

    __slots__ = ("_entries", "limit")

    def __init__(self, limit: int) -> None:
        if limit < 1:
            raise ValueError(f"an identity memo holds at least one entry, not {limit}")
        self.limit = limit
        self._entries: dict[int, tuple[K, V]] = {}

    def get(self, key: K) -> V | None:
        """The value remembered for this very object, or None."""
        found = self._entries.get(id(key))
        if found is not None and found[0] is key:
            return found[1]
        return None

    def put(self, key: K, value: V) -> V:
        """Remember ``value`` for ``key`` (the oldest entry goes when full); returns it."""
        entries = self._entries
        if len(entries) >= self.limit:
            del entries[next(iter(entries))]
        entries[id(key)] = (key, value)
        return value

    def clear(self) -> None:
        """Forget every entry."""
        self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)
