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

Most figures of a Chinese table are counts written as bare digits, which is
what ``str`` writes and the ``%``-format does in C: a writer that says so
(:class:`Figures`) lets :meth:`Template.fill` write all its figures in a
few C passes (read them by position, swap blanks and marks for their text,
format) instead of a Python call per figure.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from operator import itemgetter
from typing import Any, Final, Protocol

__all__ = ["Figures", "Fill", "Slot", "Template", "draw_template"]

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


class Figures:
    """A writer of figures that writes every ``int`` exactly as ``str``
    does and each value of ``known`` as ``known`` says (blank, the
    not-applicable marks): what lets :meth:`Template.fill` leave them to C.
    Any other value (a Decimal, a bool, a mark ``known`` lacks) goes
    through ``write``, so the text is always ``write``'s."""

    __slots__ = ("_open", "_types", "known", "write")

    def __init__(self, write: Fill, known: Mapping[Any, str]) -> None:
        if any(isinstance(value, int | str) for value in known):
            raise ValueError("known values are neither ints nor text")
        self.write = write
        self.known = dict(known)
        #: The types a value may have to be written in C.
        self._types = frozenset({int, *map(type, known)})
        #: The types of which ``known`` may lack a value (all but None's).
        self._open = self._types - {int, type(None)}

    def __call__(self, value: Any) -> str:
        return self.write(value)

    def many(self, values: tuple[Any, ...]) -> tuple[Any, ...]:
        """``values`` written: the texts, and the ints themselves (which
        ``%s`` writes as ``str``); the same as ``write`` of each."""
        types = set(map(type, values))
        if types <= self._types:
            texts = tuple(map(self.known.get, values, values))
            # A value of a known type but not itself known (another mark)
            # stays as it was: only ints and texts may go on.
            if types.isdisjoint(self._open) or _WRITTEN.issuperset(map(type, texts)):
                return texts
        return tuple(map(self.write, values))


#: What :meth:`Figures.many` hands to the ``%``-format.
_WRITTEN: Final = frozenset({int, str})


def _getter(indices: Sequence[int]) -> Callable[[Sequence[Any]], tuple[Any, ...]]:
    """Reads the items at ``indices`` as a tuple, in one C call."""
    if len(indices) == 1:
        (only,) = indices
        return lambda items: (items[only],)
    return itemgetter(*indices)


class Template:
    """Fixed text with slots; :meth:`fill` writes one report's figures into them."""

    __slots__ = ("_groups", "_order", "_slots", "_text")

    def __init__(self, pieces: Sequence[str], slots: list[tuple[int, Fill]]) -> None:
        # One %-format of the whole text: the figures go in in one C call.
        self._text = "%s".join(p.replace("%", "%%") for p in pieces)
        # Figures read by position and written by one Figures go together
        # (in the order of the text), the others one by one after them.
        groups: dict[int, tuple[Figures, list[int], list[int]]] = {}
        others: list[int] = []
        for n, (index, write) in enumerate(slots):
            if index >= 0 and isinstance(write, Figures):
                groups.setdefault(id(write), (write, [], []))
                groups[id(write)][1].append(n)
                groups[id(write)][2].append(index)
            else:
                others.append(n)
        self._groups = [(figures, _getter(at)) for figures, _, at in groups.values()]
        self._slots = [slots[n] for n in others]
        # Where each slot of the text finds its figure among those written.
        written = [n for _, ns, _ in groups.values() for n in ns] + others
        place = {n: i for i, n in enumerate(written)}
        order = [place[n] for n in range(len(slots))]
        self._order = None if order == sorted(order) else _getter(order)

    def fill(self, source: object, cells: Sequence[Any] = ()) -> str:
        """The text, with each figure written from ``cells`` (the flat
        tuple of the report's cells) or from ``source``."""
        written: tuple[Any, ...] = ()
        for figures, read in self._groups:
            written += figures.many(read(cells))
        if self._slots:
            written += tuple(
                [write(cells[i]) if i >= 0 else write(source) for i, write in self._slots]
            )
        return self._text % (written if self._order is None else self._order(written))


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
