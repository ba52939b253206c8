"""A table as a grid: its printed cells, and the slots they cover.

:class:`Cell`, :class:`Slot` and :class:`Grid` are what every importer's
table is read as.  A web page's table is read on every import, and most of
its cells are never asked for one by one: the placement plan of a known
table shape (:mod:`.plan`) reads only its value cells.  So
:func:`.grid.expand` keeps a table as :class:`Columns` — the cells' texts,
where each row's cells begin, the ``<th>`` cells, and their layout
(:mod:`.layout`) — and a :class:`Cell` or a row of :class:`Slot`\\ s is made
when asked (making them all cost about 2 µs a cell).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Sequence
from operator import itemgetter
from typing import Any, NamedTuple

from .layout import Geometry, Layout, LayoutKey, layout

__all__ = ["Cell", "Columns", "Geometry", "Grid", "Slot"]


class Cell(NamedTuple):
    """One printed cell: where it starts, how far it spans, its text as printed."""

    row: int
    col: int
    rowspan: int
    colspan: int
    #: The cell's text as printed: its text nodes joined, outer white space
    #: trimmed, inner white space (``&nbsp;`` runs, line breaks) kept.
    text: str
    header: bool = False
    #: Where a PDF printed the cell: page number (1-based) and bounding box
    #: (x0, top, x1, bottom in points from the page's top left); None on a web page.
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    #: Where a spreadsheet holds the cell: ``Sheet!B7``; None elsewhere.
    address: str | None = None

    @property
    def merged(self) -> bool:
        return self.rowspan > 1 or self.colspan > 1


class Slot(NamedTuple):
    """A grid position and the cell that covers it."""

    cell: Cell
    row: int
    col: int

    @property
    def is_origin(self) -> bool:
        return self.cell.row == self.row and self.cell.col == self.col


_new = tuple.__new__  # a NamedTuple's own constructor costs twice as much


#: Readers kept per layout (a layout's tables are placed by a plan or two).
_READERS_LIMIT = 64


class _Picked:
    """The texts at a few cell numbers (:meth:`Columns.reader` for fewer than two)."""

    __slots__ = ("numbers",)

    def __init__(self, numbers: tuple[int, ...]) -> None:
        self.numbers = numbers

    def __call__(self, texts: Sequence[str]) -> Sequence[str]:
        return tuple(texts[n] for n in self.numbers)


class Columns:
    """A table's cells by field, numbered in reading order (row by row, left
    to right: the order the table model places them, each at its own origin),
    and where they go (:mod:`.layout`), worked out when first asked.

    Row r's own cells are numbers ``starts[r]`` to ``starts[r + 1] - 1``.
    """

    __slots__ = ("_layout", "_made", "headers", "key", "starts", "texts")

    def __init__(self, texts: list[str], key: LayoutKey, headers: frozenset[int]) -> None:
        self.texts = texts
        self.key = key
        self.starts = key[0]
        #: The numbers of the ``<th>`` cells.
        self.headers = headers
        self._layout: Layout | None = None
        self._made: dict[int, Cell] = {}

    @property
    def maps(self) -> dict[int, tuple[int | None, ...]]:
        """The slots of the rows that are not plain (:class:`.layout.Layout`)."""
        found = self._layout
        if found is None:
            found = self._layout = layout(self.key)
        return found.maps

    @property
    def spans(self) -> dict[int, Geometry]:
        """The geometry of the cells that span (:class:`.layout.Layout`)."""
        found = self._layout
        if found is None:
            found = self._layout = layout(self.key)
        return found.spans

    @property
    def height(self) -> int:
        return len(self.starts) - 1

    def number_at(self, row: int, col: int) -> int | None:
        """The number of the cell covering (row, col); None where none does."""
        line = self.maps.get(row)
        if line is not None:
            return line[col] if col < len(line) else None
        first = self.starts[row]
        return first + col if col < self.starts[row + 1] - first else None

    def cell(self, number: int, row: int, col: int) -> Cell:
        """Cell ``number``, found at (row, col), made once (the same object
        each time it is asked for)."""
        made = self._made.get(number)
        if made is None:
            r, c, rowspan, colspan = self.spans.get(number) or (row, col, 1, 1)
            made = self._made[number] = _new(
                Cell,
                (
                    r,
                    c,
                    rowspan,
                    colspan,
                    self.texts[number],
                    number in self.headers,
                    None,
                    None,
                    None,
                ),
            )
        return made

    def reader(self, places: Sequence[tuple[int, int]]) -> Callable[[Sequence[str]], Sequence[str]]:
        """What reads the texts at ``places`` (row, column; each must hold a
        cell) out of the texts of any table of this layout, in one call:
        the places' cell numbers worked out once per layout and run of
        places (a plan's value cells, read on every grid of its shape)."""
        found = self._layout
        if found is None:
            found = self._layout = layout(self.key)
        readers = found.readers
        made = readers.get(id(places))
        if made is not None and made[0] is places:
            return made[1]
        maps = found.maps
        starts = self.starts
        numbers: list[int] = []
        for r, c in places:
            line = maps.get(r)
            number = starts[r] + c if line is None else line[c]
            assert number is not None
            numbers.append(number)
        # itemgetter gives a tuple of the texts, in C; of one number it gives
        # the text itself, and of none it cannot be made.
        read: Callable[[Sequence[str]], Sequence[str]] = (
            itemgetter(*numbers) if len(numbers) > 1 else _Picked(tuple(numbers))
        )
        if len(readers) >= _READERS_LIMIT:
            readers.clear()
        readers[id(places)] = (places, read)
        return read

    def row_width(self, row: int) -> int:
        line = self.maps.get(row)
        return len(line) if line is not None else self.starts[row + 1] - self.starts[row]

    def origins(self) -> Iterator[tuple[int, int, int]]:
        """Every cell's number and origin (row, column), in reading order."""
        starts = self.starts
        spans = self.spans
        for r in range(len(starts) - 1):
            first = starts[r]
            line = self.maps.get(r)
            if line is None:
                for n in range(first, starts[r + 1]):
                    yield n, r, n - first
                continue
            for c, held in enumerate(line):
                # A row's own cells are numbered from ``first`` on (a lower
                # number is a cell above reaching down); a cell that spans
                # columns covers several slots, its origin the leftmost.
                if held is not None and held >= first:
                    span = spans.get(held)
                    if span is None or span[1] == c:
                        yield held, r, c

    def slots(self) -> tuple[tuple[Slot | None, ...], ...]:
        """Every row's slots, as a grid's ``rows``."""
        cell = self.cell
        out: list[tuple[Slot | None, ...]] = []
        for r in range(len(self.starts) - 1):
            line = self.maps.get(r)
            if line is None:
                first = self.starts[r]
                out.append(
                    tuple(
                        [
                            _new(Slot, (cell(n, r, n - first), r, n - first))
                            for n in range(first, self.starts[r + 1])
                        ]
                    )
                )
            else:
                out.append(
                    tuple(
                        [
                            None if n is None else _new(Slot, (cell(n, r, c), r, c))
                            for c, n in enumerate(line)
                        ]
                    )
                )
        return tuple(out)


class Grid:
    """A table as rows of slots (``None`` where no cell covers a position).

    Made from its rows (the PDF, Word and Excel importers build them), or
    from the :class:`Columns` :func:`.grid.expand` reads a web page's table
    into, whose rows, cells and slots are made only when asked for: the
    import of a page of known tables asks for a few cells by place
    (:meth:`cell_at`, :meth:`text_at`), never for every slot.  Read the same
    way whichever it was made from; not to be changed once made (memos hold
    grids by identity).
    """

    __slots__ = ("_columns", "_rows", "index", "shape")

    index: int
    _rows: tuple[tuple[Slot | None, ...], ...] | None
    _columns: Columns | None
    #: The grid's shape, when its maker worked it out while filling the slots
    #: (:func:`.grid.expand` does); None: :func:`.shape.shape`, made when asked.  A
    #: function of the rows, so it takes no part in equality.
    shape: Hashable | None

    def __init__(
        self,
        index: int,
        rows: tuple[tuple[Slot | None, ...], ...] | None = None,
        shape: Hashable | None = None,
        *,
        columns: Columns | None = None,
    ) -> None:
        if (rows is None) == (columns is None):
            raise TypeError("a grid is made from its rows or from its columns, not both")
        set_ = object.__setattr__
        set_(self, "index", index)
        set_(self, "_rows", rows)
        set_(self, "_columns", columns)
        set_(self, "shape", shape)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"a Grid is not changed once made (setting {name})")

    @property
    def rows(self) -> tuple[tuple[Slot | None, ...], ...]:
        """Every row's slots (made on first use from the columns)."""
        rows = self._rows
        if rows is None:
            assert self._columns is not None
            rows = self._columns.slots()
            object.__setattr__(self, "_rows", rows)
        return rows

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Grid):
            return NotImplemented
        return self.index == other.index and self.rows == other.rows

    def __hash__(self) -> int:
        return hash((self.index, self.rows))

    def __repr__(self) -> str:
        return f"Grid(index={self.index!r}, rows={self.rows!r})"

    @property
    def width(self) -> int:
        columns = self._columns
        if columns is not None and self._rows is None:
            return max(map(columns.row_width, range(columns.height)), default=0)
        return max((len(r) for r in self.rows), default=0)

    def cells(self) -> Iterator[Cell]:
        """Every printed cell once, in reading order."""
        columns = self._columns
        if columns is not None:
            make = columns.cell
            for n, r, c in columns.origins():
                yield make(n, r, c)
            return
        for r, row in enumerate(self.rows):
            for slot in row:
                if slot is not None:
                    cell = slot.cell
                    if cell.row == r and cell.col == slot.col:
                        yield cell

    def texts(self) -> Iterator[str]:
        """Every printed cell's text once, in reading order (no cell made)."""
        columns = self._columns
        if columns is not None:
            return iter(columns.texts)
        return (cell.text for cell in self.cells())

    def cell_at(self, row: int, col: int) -> Cell | None:
        """The cell covering (row, col); None where none does (or past the row's end)."""
        columns = self._columns
        if columns is not None:
            number = columns.number_at(row, col)
            return None if number is None else columns.cell(number, row, col)
        line = self.rows[row]
        slot = line[col] if col < len(line) else None
        return None if slot is None else slot.cell

    def printed(self, places: Sequence[tuple[int, int]]) -> list[Hashable]:
        """What a reading of the cell at each (row, column) of ``places``
        depends on besides its place: its text, and where a PDF or a
        spreadsheet printed it (a cell of :func:`.grid.expand` has no such
        place: its text alone).  Equal for the cells at one place of two
        grids of one shape: they read the same.  Every place must hold a
        cell (a plan's places, on a grid of its shape); no cell is made, and
        a table of :func:`.grid.expand` is read in one call
        (:meth:`Columns.reader`)."""
        columns = self._columns
        if columns is None:
            rows = self.rows
            out: list[Hashable] = []
            for r, c in places:
                slot = rows[r][c]
                assert slot is not None
                cell = slot.cell
                out.append((cell.text, cell.page, cell.bbox, cell.address))
            return out
        return list(columns.reader(places)(columns.texts))

    def text_at(self, row: int, col: int) -> str | None:
        """The text of the cell covering (row, col) (:meth:`cell_at`), without making it."""
        columns = self._columns
        if columns is not None:
            number = columns.number_at(row, col)
            return None if number is None else columns.texts[number]
        cell = self.cell_at(row, col)
        return None if cell is None else cell.text
