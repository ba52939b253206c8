"""A table that splits between any two rows, merged cells included.

reportlab's :class:`~reportlab.platypus.Table` refuses to split inside a
row span, so table 3, whose "三、本年度办理结果" cell spans 20 or 22 rows,
would either fit whole or jump to the next page and leave half a page
blank.  A :class:`Grid` keeps the table as a model (cells, spans, header
rows) and :class:`GridTable` builds a reportlab table for any run of body
rows: when it is split, a span that crosses the cut is cut too and its
label is repeated at the top of the continuation, and the header rows are
repeated, as word processors do with the published reports.  Rows
themselves never split.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, Final

import attrs
from attrs import frozen
from reportlab.lib import colors
from reportlab.platypus import Table, TableStyle
from reportlab.platypus.flowables import Flowable

from .document import released
from .outline import Entry, mark
from .styles import TYPE_HEIGHT, TextStyle
from .text import LineCache, Run, TextBlock, Turned

__all__ = ["Cell", "Grid", "GridTable", "HeadGroup", "TailGroup"]

_FUZZ: Final = 1e-6
PAD_X: Final = 2.5
PAD_Y: Final = 3.0
SHADE: Final = colors.Color(0.90, 0.93, 0.97)
#: Body rows a table builds first: more than any page holds (a row is at
#: least a line and its padding, about 18 pt), so a long table builds,
#: measures and splits about a page's worth at a time instead of all its
#: remaining rows on every page (which made the consolidated attachment
#: quadratic).  The part left after a page builds only what the next page
#: is likely to hold (:meth:`GridTable._parts`); either way a table whose
#: rows all fit the room builds more (:meth:`GridTable._cover`).
WINDOW: Final = 100
#: Rows built beyond the estimate of what a page holds, as a fraction of it.
WINDOW_MARGIN: Final = 0.25
#: Fewest lines of a cell set at the foot of a page when its row is cut.
MIN_CUT_LINES: Final = 2


@frozen
class Cell:
    """A cell's text and style; turned into a fresh :class:`TextBlock` per build."""

    text: str | tuple[Run, ...]
    style: TextStyle
    #: Set the text as one line turned to read upwards (English group labels).
    turned: bool = False
    #: The lines, already broken: one part of a cell cut at a page's end.
    lines: tuple[str, ...] | None = None
    #: The lines each block of the cell was set in, for the next build.
    cache: LineCache = attrs.field(factory=LineCache, init=False, eq=False, repr=False)

    def block(self) -> Flowable:
        if self.turned and isinstance(self.text, str):
            return Turned(self.text, self.style)
        return TextBlock(self.text, self.style, lines=self.lines, cache=self.cache)


@frozen
class Grid:
    """A table as data: ``rows`` include the header rows; ``None`` is a covered cell.

    ``spans`` are ``(col0, row0, col1, row1)``, inclusive, in grid
    coordinates.  ``keep_with_next`` holds rows after which no page break may
    fall (a block caption, a section row of the statistics table).
    ``min_rows`` is the fewest body rows a page may hold of the table.
    """

    rows: tuple[tuple[Cell | None, ...], ...]
    col_widths: tuple[float, ...]
    header_rows: int = 0
    spans: tuple[tuple[int, int, int, int], ...] = ()
    shaded_rows: frozenset[int] = frozenset()
    keep_with_next: frozenset[int] = frozenset()
    min_rows: int = 3
    line_width: float = 0.5
    #: Padding above and below each cell's text (row height).
    pad_y: float = PAD_Y
    #: Font set on the table itself, so that reportlab's default (Helvetica,
    #: not embedded) is never referenced by empty cells.
    font: str = "Times-Roman"

    @property
    def body_count(self) -> int:
        return len(self.rows) - self.header_rows


class GridTable(Table):  # type: ignore[misc]
    """The reportlab table of body rows ``[start, end)`` of a :class:`Grid`."""

    def __init__(
        self, grid: Grid, start: int = 0, end: int | None = None, *, window: int = WINDOW
    ) -> None:
        #: Bookmark of the table, set on its first part only.
        self.outline: Entry | None = None
        self.grid = grid
        self.start = start
        self.end = grid.body_count if end is None else end
        self._build(start + max(window, 1))

    def _build(self, built: int) -> None:
        """Build the reportlab table of body rows ``[start, built)``.

        A span that runs past ``built`` is built whole (up to ``end``): a
        span is only ever cut where the table is, so the rows' heights do
        not depend on how many rows were built.
        """
        grid = self.grid
        h = grid.header_rows
        built = min(built, self.end)
        grown = True
        while grown:
            grown = False
            for _, r0, _, r1 in grid.spans:
                if h <= r0 < h + built <= r1 and built < self.end:
                    built = min(self.end, r1 - h + 1)
                    grown = True
        #: Body rows built so far; ``end`` once the table is whole.
        self.built = built
        picked = list(range(h)) + list(range(h + self.start, h + built))
        where = {r: i for i, r in enumerate(picked)}
        data: list[list[Any]] = [
            [c.block() if c is not None else "" for c in grid.rows[r]] for r in picked
        ]
        cmds: list[tuple[Any, ...]] = [
            ("GRID", (0, 0), (-1, -1), grid.line_width, colors.black),
            ("FONT", (0, 0), (-1, -1), grid.font, 10),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("LEFTPADDING", (0, 0), (-1, -1), PAD_X),
            ("RIGHTPADDING", (0, 0), (-1, -1), PAD_X),
            ("TOPPADDING", (0, 0), (-1, -1), grid.pad_y),
            ("BOTTOMPADDING", (0, 0), (-1, -1), grid.pad_y),
        ]
        for r in sorted(grid.shaded_rows):
            if r in where:
                cmds.append(("BACKGROUND", (0, where[r]), (-1, where[r]), SHADE))
        first_body, last_body = h + self.start, h + built - 1
        cut: list[tuple[int, int, int, int, int]] = []  # spans cut by a page end
        for c0, r0, c1, r1 in grid.spans:
            if r0 < h:  # header span: always present
                cmds.append(("SPAN", (c0, r0), (c1, r1)))
                continue
            if r1 < first_body or r0 > last_body:
                continue
            lo, hi = max(r0, first_body), min(r1, last_body)
            if (lo, hi) != (r0, r1):
                if r0 in where:
                    data[where[r0]][c0] = ""
                cut.append((c0, r0, c1, where[lo], where[hi]))
            if (lo, c0) != (hi, c1):
                cmds.append(("SPAN", (c0, where[lo]), (c1, where[hi])))
        if cut:
            self._place_cut_labels(data, cmds, cut)
        #: The room the rows were last measured for (see :meth:`_calc`).
        self._measured_for: tuple[float, float] | None = None
        super().__init__(
            data,
            colWidths=list(grid.col_widths),
            style=TableStyle(cmds),
            repeatRows=0,
            splitByRow=1,
            splitInRow=0,
        )

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._cover(availWidth, availHeight)
        return super().wrap(availWidth, availHeight)  # type: ignore[no-any-return]

    def _cover(self, availWidth: float, availHeight: float) -> None:
        """Measure the rows for the room, building more until they overflow it.

        Rows are measured down to the first that passes the room (see
        :meth:`split`): while the rows built all fit, twice as many are
        built, up to the whole table.  What is measured is then what the
        whole table would measure, however many rows were built first.
        """
        self._calc(availWidth, availHeight)
        while self.built < self.end and self._height <= availHeight + _FUZZ:
            self._build(self.start + 2 * (self.built - self.start))
            self._calc(availWidth, availHeight)

    def _calc(self, availWidth: float, availHeight: float) -> None:
        """Measure the rows, unless they were last measured for the same room.

        A part of a split is measured by :meth:`_parts` and then again by
        the frame with the same room, and a table that does not fit is
        measured by ``wrap`` and again by :meth:`split`: reportlab would go
        over every cell each time, for the same heights.
        """
        if self._measured_for == (availWidth, availHeight):
            return
        super()._calc(availWidth, availHeight)
        self._measured_for = (availWidth, availHeight)

    def draw(self) -> None:
        mark(self.canv, self.outline, self._height)
        super().draw()
        # These body rows are on their page now and are never built again:
        # their cells' lines would otherwise stay until the whole document
        # is done, a heap growing with the pages that every full collection
        # of Python's garbage collector walks (the header rows are built
        # again on every page and keep theirs).
        h = self.grid.header_rows
        for row in self.grid.rows[h + self.start : h + self.built]:
            for cell in row:
                if cell is not None:
                    cell.cache.clear()

    def _place_cut_labels(
        self,
        data: list[list[Any]],
        cmds: list[tuple[Any, ...]],
        cut: Sequence[tuple[int, int, int, int, int]],
    ) -> None:
        """Label each piece of a cut span that has room for it.

        The piece on either side of a page end repeats the span's label
        (三、本年度办理结果) when its rows are tall enough to hold it as they
        are; a piece of two or three rows is left blank rather than grown,
        which would push rows off the page.
        """
        probe = Table(data, colWidths=list(self.grid.col_widths), style=TableStyle(cmds))
        probe.wrap(sum(self.grid.col_widths), 0x7FFFFFFF)
        heights: Sequence[float] = probe._rowHeights
        for c0, r0, c1, lo, hi in cut:
            cell = self.grid.rows[r0][c0]
            if cell is None:
                continue
            block = cell.block()
            width = sum(self.grid.col_widths[c0 : c1 + 1]) - 2 * PAD_X
            _, need = block.wrap(width, 0x7FFFFFFF)
            if need + 2 * self.grid.pad_y <= sum(heights[lo : hi + 1]) + _FUZZ:
                data[lo][c0] = block

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """Cut between body rows so that each part holds at least ``min_rows`` rows."""
        grid = self.grid
        self._cover(availWidth, availHeight)
        # reportlab stops measuring rows once they pass the available height
        # (its long-table optimisation): unmeasured rows are None.
        heights: Sequence[float | None] = self._rowHeights
        h = grid.header_rows
        if any(x is None for x in heights[:h]):
            return []
        room = availHeight - sum(x or 0.0 for x in heights[:h])
        total = self.end - self.start
        least = min(grid.min_rows, total)
        used = 0.0
        best = 0
        stop: int | None = None  # the first row that does not fit
        for k, rh in enumerate(heights[h:]):
            if rh is None or used + rh > room + _FUZZ:
                stop = k
                break
            used += rh
            if h + self.start + k not in grid.keep_with_next:
                best = k + 1
        if stop is not None and stop < total and self._never_fits(self.start + stop, availWidth):
            # No page holds that row: it is cut here, after the rows before it.
            cut = self._cut_row(stop, used, availWidth, availHeight)
            if cut:
                return cut
            fewest = 1 if best else 0
        else:
            fewest = max(least, 1)
        if best >= total:
            return [self]
        fits = best
        if total - best < least and fewest > 1:
            best = total - least
        parts = self._parts(best, max(fewest, 1), availWidth, availHeight)
        if not parts and (_moved(self) or availHeight >= TYPE_HEIGHT - _FUZZ):
            # Already moved to a fresh page (or at the top of one, where
            # moving on would only leave it blank) and still no split that
            # keeps min_rows together (a tall row beside short ones): any split.
            parts = self._parts(fits, 1, availWidth, availHeight)
            if not parts:
                # Not even a split between rows kept together fits (rows kept
                # with one another that no page holds whole, none of them too
                # tall alone to be cut): they are let go as well.
                fitting = total if stop is None else stop
                parts = self._parts(fitting, 1, availWidth, availHeight)
        return parts

    def _parts(
        self, best: int, fewest: int, availWidth: float, availHeight: float
    ) -> list[Flowable]:
        """The first ``best`` body rows (or fewer, down to ``fewest``) and the rest."""
        # A span cut at the page end repeats its label in fewer rows, which
        # can make those rows taller: check the part as it will be drawn.
        grid = self.grid
        while best >= fewest:
            head = GridTable(grid, self.start, self.start + best)
            _, height = head.wrap(availWidth, availHeight)
            if height <= availHeight + _FUZZ:
                head.outline = self.outline
                tail = GridTable(grid, self.start + best, self.end, window=head.page_rows(height))
                tail.spaceAfter = self.getSpaceAfter()  # the blank line goes after the last part
                return [head, tail]
            best -= 1
        return []

    def page_rows(self, height: float) -> int:
        """About the body rows a page holds, if they are like this part's (``height`` tall).

        The part after a page builds this many (and a margin) first: what
        it builds past its page is built again as the next part, and the
        objects of every build outlive the young collections of Python's
        collector, whose full collections then come the sooner.
        """
        h = self.grid.header_rows
        rows: Sequence[float | None] = self._rowHeights
        header = sum(x or 0.0 for x in rows[:h])
        body = height - header
        count: int = self.built - self.start
        if count <= 0 or body <= 0:
            return WINDOW
        per_page: float = (TYPE_HEIGHT - header) * count / body
        return math.ceil(per_page * (1 + WINDOW_MARGIN)) + 1

    def _never_fits(self, row: int, availWidth: float) -> bool:
        """Whether body row ``row`` is taller than a page with what goes on its page with it.

        That is the header rows and the rows kept with it (a block's caption
        and column heads, ``keep_with_next``): a row shorter than a page can
        still never be placed whole if those come first (a procurement
        amount with a unit of thousands of characters under its caption),
        and moving the three to a fresh page would find them too tall again.
        """
        first = self._kept_from(row)
        _, whole = GridTable(self.grid, first, row + 1).wrap(availWidth, 0x7FFFFFFF)
        return bool(whole > TYPE_HEIGHT + _FUZZ)

    def _kept_from(self, row: int) -> int:
        """The first body row of this part that no page break may separate from ``row``."""
        h = self.grid.header_rows
        first = row
        while first > self.start and h + first - 1 in self.grid.keep_with_next:
            first -= 1
        return first

    def _cut_row(
        self, k: int, above: float, availWidth: float, availHeight: float
    ) -> list[Flowable]:
        """Cut body row ``start + k``, which no page can hold, where this page ends.

        ``above`` is the height of the rows before it on this page.  A row
        taller than a page (a unit's name of thousands of characters) goes
        on over the next page, as a word processor breaks a row across
        pages: each cell too long for this page keeps the lines that fit and
        the rest continues in a row of its own on the next page; the other
        cells stay in the first part.  A row that fits a page with the rows
        kept with it (:meth:`_never_fits`) is never cut.
        """
        grid = self.grid
        row = self.start + k
        alone = GridTable(grid, row, row + 1)
        alone.wrap(availWidth, 0x7FFFFFFF)
        heights: Sequence[float | None] = alone._rowHeights
        header = sum(x or 0.0 for x in heights[: grid.header_rows])
        room = availHeight - header - above - 2 * grid.pad_y - _FUZZ
        cut = _cut_row(grid, grid.header_rows + row, room)
        if cut is None:
            return []
        head = GridTable(cut, self.start, row + 1)
        _, height = head.wrap(availWidth, availHeight)
        if height > availHeight + _FUZZ:
            return []
        head.outline = self.outline
        tail = GridTable(cut, row + 1, self.end + 1)
        tail.spaceAfter = self.getSpaceAfter()
        return [head, tail]


def _moved(flowable: Flowable) -> bool:
    """Whether reportlab already moved ``flowable`` to a new page because it
    neither fitted nor split (it marks it ``_postponed``): failing to split
    again would end the document with a ``LayoutError``, so what was kept
    together for looks is let go."""
    return bool(getattr(flowable, "_postponed", False))


def _cell_lines(cell: Cell, width: float) -> list[str]:
    """The lines ``cell`` is set in at ``width``."""
    block = cell.block()
    if not isinstance(block, TextBlock):
        return []
    block.wrap(width, 0x7FFFFFFF)
    return block.line_texts()


def _cut_row(grid: Grid, r: int, room: float) -> Grid | None:
    """``grid`` with row ``r`` cut in two: lines that fit ``room`` above, the rest below.

    ``None`` when not even :data:`MIN_CUT_LINES` lines fit.
    """
    origins = {(c0, r0): (c1, r1) for c0, r0, c1, r1 in grid.spans}
    upper: list[Cell | None] = []
    lower: list[Cell | None] = []
    moved = False
    for c, cell in enumerate(grid.rows[r]):
        c1, r1 = origins.get((c, r), (c, r))
        if cell is None or r1 > r or cell.turned:
            # Covered, or the first cell of a span down several rows: kept whole.
            upper.append(cell)
            lower.append(None if cell is None or r1 > r else Cell("", cell.style))
            continue
        width = sum(grid.col_widths[c : c1 + 1]) - 2 * PAD_X
        lines = _cell_lines(cell, width)
        fit = int(room // cell.style.leading)
        if len(lines) <= fit:
            upper.append(cell)
            lower.append(Cell("", cell.style))
            continue
        if fit < MIN_CUT_LINES:
            return None
        upper.append(attrs.evolve(cell, lines=tuple(lines[:fit])))
        lower.append(attrs.evolve(cell, lines=tuple(lines[fit:])))
        moved = True
    if not moved:
        return None
    spans: list[tuple[int, int, int, int]] = []
    for c0, r0, c1, r1 in grid.spans:
        if r0 > r:
            spans.append((c0, r0 + 1, c1, r1 + 1))
        elif r1 > r0 and r0 <= r <= r1:
            spans.append((c0, r0, c1, r1 + 1))  # runs down through both parts
        elif r0 == r1 == r:
            spans += [(c0, r0, c1, r1), (c0, r + 1, c1, r + 1)]
        else:
            spans.append((c0, r0, c1, r1))

    shaded = {x + 1 if x > r else x for x in grid.shaded_rows}
    if r in grid.shaded_rows:
        shaded.add(r + 1)
    return attrs.evolve(
        grid,
        rows=(*grid.rows[:r], tuple(upper), tuple(lower), *grid.rows[r + 1 :]),
        spans=tuple(spans),
        shaded_rows=frozenset(shaded),
        # No break after the row now falls after its second part.
        keep_with_next=frozenset(x + 1 if x >= r else x for x in grid.keep_with_next),
    )


class HeadGroup(Flowable):  # type: ignore[misc]
    """Headings kept with the start of what follows them, without wasting a page.

    reportlab's ``keepWithNext`` wraps a heading and the next flowable in a
    ``KeepTogether``, which moves both to the next page whenever the whole
    of the next flowable does not fit: a heading before a long paragraph or
    a table would leave the rest of the page blank.  Here the follower is
    split instead, and the group moves on only when the headings and the
    follower's first ``min_follow`` points do not fit.
    """

    def __init__(self, heads: Sequence[Flowable], follower: Flowable, min_follow: float) -> None:
        super().__init__()
        self.heads = list(heads)
        self.follower = follower
        self.min_follow = min_follow
        self._sizes: list[tuple[float, float]] = []

    def __repr__(self) -> str:
        return f"HeadGroup({self.heads!r}, {self.follower!r})"

    def _heads_height(self, aw: float) -> float:
        total = 0.0
        for f in self.heads:
            _, fh = f.wrapOn(_canvas(self), aw, 0x7FFFFFFF)
            total += fh + f.getSpaceBefore() + f.getSpaceAfter()
        return total

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        hh = self._heads_height(availWidth)
        _, fh = self.follower.wrapOn(_canvas(self), availWidth, max(availHeight - hh, 0))
        self.width = availWidth
        self.height = hh + fh + self.follower.getSpaceBefore()
        return availWidth, self.height

    def getSpaceBefore(self) -> float:
        return 0.0  # the headings' own spacing is inside the group's height

    def getSpaceAfter(self) -> float:
        return float(self.follower.getSpaceAfter())

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        hh = self._heads_height(availWidth)
        if _moved(self) or (
            hh + self.follower.getSpaceBefore() + self.min_follow > TYPE_HEIGHT + _FUZZ
        ):
            # No page holds the headings with the start of what follows (a
            # heading of thousands of characters): each goes on its own and
            # splits where it must.
            return released([*self.heads, self.follower], availWidth, availHeight)
        room = availHeight - hh - self.follower.getSpaceBefore()
        if room < self.min_follow:
            return []
        parts = self.follower.split(availWidth, room)
        if not parts:
            return []
        _, first = parts[0].wrapOn(_canvas(self), availWidth, room)
        if first < self.min_follow - _FUZZ and len(parts) > 1:
            return []
        return [*self.heads, *parts]

    def draw(self) -> None:
        y = self.height
        for f in [*self.heads, self.follower]:
            y -= f.getSpaceBefore()
            _, fh = f.wrapOn(self.canv, self.width, 0x7FFFFFFF)
            y -= fh
            f.drawOn(self.canv, 0, y)
            if f is not self.follower:
                y -= f.getSpaceAfter()


class TailGroup(Flowable):  # type: ignore[misc]
    """The last block of text kept with what closes the document (the signature).

    GB/T 9704 does not let the 发文机关署名 and 成文日期 stand alone on a
    page.  When the two do not fit together, the leader is split so that at
    least ``min_carry`` points of it go to the next page with the closing.
    """

    def __init__(self, leader: Flowable, closing: Flowable, min_carry: float) -> None:
        super().__init__()
        self.leader = leader
        self.closing = closing
        self.min_carry = min_carry
        self._lh = 0.0

    def __repr__(self) -> str:
        return f"TailGroup({self.leader!r}, {self.closing!r})"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        _, self._lh = self.leader.wrapOn(_canvas(self), availWidth, availHeight)
        _, ch = self.closing.wrapOn(_canvas(self), availWidth, availHeight)
        self.width = availWidth
        self.height = self._lh + self.leader.getSpaceAfter() + ch
        return availWidth, self.height

    def getSpaceBefore(self) -> float:
        return float(self.leader.getSpaceBefore())

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        _, ch = self.closing.wrapOn(_canvas(self), availWidth, TYPE_HEIGHT)
        if _moved(self) or ch + self.min_carry > TYPE_HEIGHT + _FUZZ:
            # No page holds the closing with the end of the text (a signing
            # unit of thousands of characters): the two go on one after the other.
            return released([self.leader, self.closing], availWidth, availHeight)
        room = availHeight - ch
        for height in (room, availHeight - self.min_carry):
            if height < self.min_carry:
                continue
            parts = self._split_leader(availWidth, height)
            if parts:
                return [*parts[:-1], TailGroup(parts[-1], self.closing, self.min_carry)]
        return []

    def _split_leader(self, availWidth: float, height: float) -> list[Flowable]:
        """A real split of the leader: headings are never cut from their follower."""
        parts: list[Flowable] = self.leader.split(availWidth, height)
        if len(parts) < 2:
            return []
        if isinstance(self.leader, HeadGroup) and parts[-1] is self.leader.follower:
            return []
        return parts

    def draw(self) -> None:
        _, lh = self.leader.wrapOn(self.canv, self.width, 0x7FFFFFFF)
        self.closing.wrapOn(self.canv, self.width, 0x7FFFFFFF)
        self.leader.drawOn(self.canv, 0, self.height - lh)
        self.closing.drawOn(self.canv, 0, 0)


def _canvas(flowable: Flowable) -> Any:
    """The canvas a nested flowable measures with (None before drawing)."""
    return getattr(flowable, "canv", None)
