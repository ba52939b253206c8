"""Reading cell values the way the rules need them, with precise types."""

from __future__ import annotations

from decimal import Decimal

from ..cells import NotApplicable

__all__ = ["is_blank", "number"]


def number(value: object) -> int | Decimal | None:
    """The cell's number, or None for blank, not applicable (or a bool)."""
    if type(value) is int or type(value) is Decimal:
        return value
    return None


def is_blank(value: object) -> bool:
    """Blank (None) or not applicable: a cell that states no number."""
    return value is None or type(value) is NotApplicable
