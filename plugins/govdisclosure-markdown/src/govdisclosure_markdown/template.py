"""A table drawn once per layout, then filled with each report's figures.

Everything in a table but its figures — headers, row labels, indents, the
pipes — depends only on the table's shape, the locale and the labels the
report printed.  Drawing it once with a numbered marker in place of each
figure, and keeping for each marker how to read and write that figure,
makes rendering another report of the same shape a matter of formatting
its figures and joining strings.  The drawing code is the renderer's own
(:mod:`.document`): the template cannot drift from the layout.

A figure is read either from the report's flat tuple of cells
(:attr:`govdisclosure.flat.Shape.flatten`, which reads every cell in one
generated function) by its position, or, when it needs more than its value
(the sign or unit the report printed beside it), from the object the
template is filled from.

The marker is a NUL character, which no drawn text can contain: every
piece of report text goes through :func:`.escape.escape`, which turns
control characters into U+FFFD.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

__all__ = ["Fill", "Slot", "Template", "draw_template"]

#: Writes one figure: from its value (read by position from the flat cells)
#: or from the object the template is filled from.
Fill = Callable[[Any], str]

#: Where a figure comes from when it is not read by position.
FROM_SOURCE = -1

_MARK = "\x00"


class Slot(Protocol):
    """Stands for one figure in the drawing: ``write`` writes it from the
    flat cell at ``index`` or, by default, from the template's source."""

    def __call__(self, write: Fill, index: int = FROM_SOURCE) -> str: ...


class Template:
    """Fixed text with slots; :meth:`fill` writes one report's figures into them."""

    __slots__ = ("_slots", "_text")

    def __init__(self, pieces: Sequence[str], slots: list[tuple[int, Fill]]) -> None:
        # One %-format of the whole text: the figures go in in one C call.
        self._text = "%s".join(p.replace("%", "%%") for p in pieces)
        self._slots = slots

    def fill(self, source: object, cells: Sequence[Any] = ()) -> str:
        """The text, with each figure written from ``cells`` (the flat
        tuple of the report's cells) or from ``source``."""
        return self._text % tuple(
            [write(cells[i]) if i >= 0 else write(source) for i, write in self._slots]
        )


def draw_template(draw: Callable[[Slot], list[str]]) -> Template:
    """The template of the lines ``draw(slot)`` returns, where each call
    ``slot(write, index)`` stands for one figure."""
    slots: list[tuple[int, Fill]] = []

    def slot(write: Fill, index: int = FROM_SOURCE) -> str:
        slots.append((index, write))
        return f"{_MARK}{len(slots) - 1}{_MARK}"

    parts = "\n".join(draw(slot)).split(_MARK)
    if len(parts) != 2 * len(slots) + 1:  # pragma: no cover - escaped text has no NUL
        raise ValueError("a table's text holds the slot marker")
    # Slots in the order they appear in the text (the drawing may make them in another).
    order = [slots[int(number)] for number in parts[1::2]]
    return Template(parts[0::2], order)
