"""A table drawn once per layout, then filled with each report's figures.

Everything in a table but its figures — headers, row labels, indents, the
pipes — depends only on the table's shape, the locale and the labels the
report printed.  Drawing it once with a numbered marker in place of each
figure, and keeping for each marker how to read and write that figure,
makes rendering another report of the same shape a matter of formatting
its figures and joining strings.  The drawing code is the renderer's own
(:mod:`.document`): the template cannot drift from the layout.

The marker is a NUL character, which no drawn text can contain: every
piece of report text goes through :func:`.escape.escape`, which turns
control characters into U+FFFD.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["Fill", "Template", "draw_template"]

#: How one figure is read from the object the template is filled from
#: (a table, or the report) and written.
Fill = Callable[[Any], str]

_MARK = "\x00"


class Template:
    """Fixed text with slots; :meth:`fill` writes one object's figures into them."""

    __slots__ = ("_fills", "_pieces")

    def __init__(self, pieces: list[str], fills: list[tuple[int, Fill]]) -> None:
        self._pieces = pieces
        self._fills = fills

    def fill(self, source: object) -> str:
        pieces = self._pieces.copy()
        for position, fill in self._fills:
            pieces[position] = fill(source)
        return "".join(pieces)


def draw_template(draw: Callable[[Callable[[Fill], str]], list[str]]) -> Template:
    """The template of the lines ``draw(slot)`` returns, where each call
    ``slot(fill)`` stands for one figure that ``fill`` writes."""
    fills: list[Fill] = []

    def slot(fill: Fill) -> str:
        fills.append(fill)
        return f"{_MARK}{len(fills) - 1}{_MARK}"

    parts = "\n".join(draw(slot)).split(_MARK)
    if len(parts) != 2 * len(fills) + 1:  # pragma: no cover - escaped text has no NUL
        raise ValueError("a table's text holds the slot marker")
    pieces: list[str] = []
    positions: list[tuple[int, Fill]] = []
    for k, part in enumerate(parts):
        if k % 2:
            positions.append((len(pieces), fills[int(part)]))
            pieces.append("")
        else:
            pieces.append(part)
    return Template(pieces, positions)
