"""Table pieces across page breaks joined into one grid.

A table that runs over a page break is drawn as two pieces: the last ruled
table of one page and the first of the next, with no text between them but
page numbers.  The pieces need not have the same columns (table 2 of 淮安
2024 continues with a two-column block), so the grid's columns are the
union of both pieces' column boundaries, and each cell spans the columns
its own rules enclose.

At the seam:

* a header the continuation repeats (the same text as the table's first
  rows, no figure in it) is dropped: it labels nothing new;
* a group label cut by the page break is joined again.  A cell of the
  continuation's first row that groups rows (a label cell with another
  label to its right: 三、…, （四）…) continues the label cell above it
  when it is empty (三、本年度办理结果 runs on as an empty merged cell) or
  when its text starts with no numbering of its own (淮安 prints "（四）无"
  at the foot of page 4 and "法提供" at the top of page 5).  A row's own
  label (行政规范性文件 at the top of a page, under 规章) starts a row of its
  own, and a figure never continues anything.  A unit (人次, 件: the
  单位 column of the pre-2019 tables) or a dash mark is not a label: the
  only label column of such a table groups nothing, so its row at the top
  of a page (政府信息公开专栏访问量 人次 2018) is a row of its own;
* a row cut by the page break is joined again.  Word lets a row break
  across pages (its default): a long label runs on at the top of the next
  page as a row of its own, only the label's tail and empty cells in it
  ("…行政机关不再处理其" on page 5, "政府信息公开申请" on page 6).  The tail
  joins the label above when the two together are an official label and
  the label above alone is none; else it stays a row (reported as the
  labels match, nothing joined by guess).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from govdisclosure_html.grid import Cell, Grid, Slot
from govdisclosure_html.narrative import is_page_number
from govdisclosure_html.text import clean, label_key, looks_numeric

from .definitions import is_table_label, template_units
from .layout import Line, Piece

__all__ = ["chains", "grid_and_unsure", "to_grid"]

#: Lines that are page furniture, not text between two pieces: page numbers.
_TOLERANCE = 8.0


#: A cell printed as dashes only (—— for "not applicable" in a group row).
_DASHES = re.compile(r"^[-—－–―\s]+$")


def _is_label_text(text: str) -> bool:
    """Text that labels a row: not a figure, a unit or a dash mark."""
    text = text.strip()
    return (
        bool(text)
        and not looks_numeric(text)
        and text not in template_units()
        and not _DASHES.match(text)
    )


def chains(pieces: Sequence[Piece], lines: Sequence[Line]) -> list[list[Piece]]:
    """Pieces grouped into tables: a piece continues the one before when it
    is the first on the next page, the one before is the last on its page,
    they have the same left and right edges, and no text (page numbers
    aside) comes between them."""
    text = [ln for ln in lines if not is_page_number(ln.text)]
    out: list[list[Piece]] = []
    for piece in pieces:
        if out:
            prev = out[-1][-1]
            if (
                piece.page == prev.page + 1
                and _same_left(out[-1], piece)
                and abs(piece.bbox[2] - prev.bbox[2]) <= _TOLERANCE
                and not any(p.page == prev.page and p.bbox[1] > prev.bbox[1] for p in pieces)
                and not any(p.page == piece.page and p.bbox[1] < piece.bbox[1] for p in pieces)
                and not any(
                    (ln.page == prev.page and ln.top >= prev.bbox[3])
                    or (ln.page == piece.page and ln.bottom <= piece.bbox[1])
                    for ln in text
                )
            ):
                out[-1].append(piece)
                continue
        out.append([piece])
    return out


def _same_left(chain: Sequence[Piece], piece: Piece) -> bool:
    """The piece's left edge is the chain's: the last piece's, or the first
    piece's after a page the table's group label ran through.

    A group label merged over more rows than a page holds (三、本年度办理结果
    on A5) has no top or bottom rule on a page it runs through: no cell is
    found there, and that page's piece starts at the next column.  Such a
    piece continues the one before when it starts on one of that one's
    columns and what stands left of it at the foot of the page before is a
    group label (its numbering 三、 or （三）, not a row's 1. or no number), the
    only cell that can run on there; the piece after it starts at the chain's
    edge again."""
    prev = chain[-1]
    if abs(piece.bbox[0] - prev.bbox[0]) <= _TOLERANCE:
        return True
    if piece.bbox[0] < prev.bbox[0]:
        # Back at the chain's edge after a page the group label ran through.
        return abs(piece.bbox[0] - chain[0].bbox[0]) <= _TOLERANCE
    if min(abs(piece.bbox[0] - x) for x in prev.xs) > _TOLERANCE:
        return False
    left = [
        c
        for c in prev.cells
        if c.bbox[2] <= piece.bbox[0] + _TOLERANCE and abs(c.bbox[3] - prev.bbox[3]) <= _TOLERANCE
    ]
    return bool(left) and all(_is_group_label(c.text) for c in left)


def _is_group_label(text: str) -> bool:
    """A label numbered as a group of rows is (三、…, （三）…), not as a row (1.…)."""
    code = label_key(text).code if _is_label_text(text) else ""
    return bool(code) and not code.isdigit()


class _Cell(NamedTuple):
    row: int
    col: int
    rowspan: int
    colspan: int
    text: str
    page: int
    bbox: tuple[float, float, float, float]
    #: A figure whose column is not sure (:attr:`.layout.Piece.unsure`):
    #: numbered with the grid's rows, kept out of its slots.
    unsure: bool = False


def _columns(chain: Sequence[Piece]) -> list[float]:
    """The grid's column boundaries: the first piece's, and those of a later
    piece that are not within a few points of one already there (a page's
    table may sit 3 pt to the side of the same table on the page before)."""
    xs = list(chain[0].xs)
    for piece in chain[1:]:
        for x in piece.xs:
            if min(abs(x - b) for b in xs) > _TOLERANCE / 2:
                xs.append(x)
    return sorted(xs)


def _nearest(bounds: Sequence[float], v: float) -> int:
    return min(range(len(bounds)), key=lambda i: abs(bounds[i] - v))


def _header_rows(cells: Sequence[_Cell]) -> list[tuple[str, ...]]:
    """The texts of the leading rows that hold no figure."""
    rows: dict[int, list[_Cell]] = {}
    for c in cells:
        rows.setdefault(c.row, []).append(c)
    out: list[tuple[str, ...]] = []
    for r in sorted(rows):
        texts = [c.text for c in sorted(rows[r], key=lambda c: c.col)]
        if any(looks_numeric(t) for t in texts):
            break
        out.append(tuple(clean(t) for t in texts))
    return out


def to_grid(chain: Sequence[Piece], index: int) -> Grid:
    """One grid for a chain of pieces (see the module doc)."""
    return grid_and_unsure(chain, index)[0]


def grid_and_unsure(chain: Sequence[Piece], index: int) -> tuple[Grid, tuple[Cell, ...]]:
    """:func:`to_grid`'s grid, and the figures whose column is not sure
    (:attr:`.layout.Piece.unsure`) as cells of its rows spanning the columns
    they stand between, in no slot of it."""
    xs = _columns(chain)
    cells: list[_Cell] = []
    offset = 0
    for n, piece in enumerate(chain):
        # A page the group label ran through (:func:`_same_left`): the label's
        # columns left of the piece, an empty cell over its rows that the
        # seam joins to the label above.
        through = [
            _Cell(
                offset,
                0,
                len(piece.ys) - 1,
                start,
                "",
                piece.page,
                (xs[0], piece.bbox[1], piece.bbox[0], piece.bbox[3]),
            )
            for start in [_nearest(xs, piece.xs[0])]
            if n and start > 0
        ]
        mine = through + [
            _Cell(
                c.row + offset,
                _nearest(xs, piece.xs[c.col]),
                c.rowspan,
                max(1, _nearest(xs, piece.xs[c.col + c.colspan]) - _nearest(xs, piece.xs[c.col])),
                c.text,
                piece.page,
                c.bbox,
                unsure,
            )
            for cells_, unsure in ((piece.cells, False), (piece.unsure, True))
            for c in cells_
        ]
        if n:
            mine = _seam(cells, mine, offset)
        cells.extend(mine)
        offset = max((c.row + c.rowspan for c in cells), default=0)
    if len(chain) > 1:
        cells = _without_empty_rows(cells)
    cells = _without_rows_starting_nothing(cells)
    unsure = tuple(
        Cell(c.row, c.col, c.rowspan, c.colspan, c.text, False, c.page, c.bbox)
        for c in cells
        if c.unsure
    )
    return _grid([c for c in cells if not c.unsure], index, len(xs) - 1), unsure


def _without_empty_rows(cells: list[_Cell]) -> list[_Cell]:
    """The cells with the rows that print nothing among the heads taken out.

    A row the page break cuts leaves slivers: the foot of merged heads
    printed under them on the next page, an empty band at the foot of the
    page before where the heads moved on would have begun.  Such a row, its
    own cells all empty and ending on it, stands for no row of the table,
    and a column with no cell on it would part the heads above from the
    figures below.  Only rows above the first row with a figure go (above
    the last row where no figure is printed): a row of figures all printed
    blank (a table 4 of blanks) is a row of the table."""
    starting: dict[int, list[_Cell]] = {}
    for c in cells:
        starting.setdefault(c.row, []).append(c)
    figures = [r for r, mine in starting.items() if any(looks_numeric(c.text) for c in mine)]
    # Above the first row of figures; with none printed, above the last row.
    limit = min(figures) if figures else max(starting, default=0)
    empty = sorted(
        r
        for r, mine in starting.items()
        if r < limit and all(not c.text.strip() and c.rowspan == 1 for c in mine)
    )
    if not empty:
        return cells
    gone = set(empty)
    out: list[_Cell] = []
    for c in cells:
        if c.row in gone:
            continue
        covered = sum(1 for r in empty if c.row < r < c.row + c.rowspan)
        below = sum(1 for r in empty if r < c.row)
        out.append(c._replace(row=c.row - below, rowspan=c.rowspan - covered))
    return out


def _without_rows_starting_nothing(cells: list[_Cell]) -> list[_Cell]:
    """The cells with the rows on which no cell begins taken out.

    A rule drawn inside a row parts the page's rows there though every cell
    of the row runs across it: Chromium, breaking a table inside a merged
    group label (三、本年度办理结果), may end the label's box inside the row of
    （六）其他处理.  The row under that line begins no cell; kept, it made the
    figures of （六） cells over two rows, read as heads over the figures of
    the rows below (（七）总计 and 四、结转下年度继续办理 not placed).  Such a row
    stands for no row of the table.

    So does a row that begins only empty cells under a cell with text that
    runs into it from the row above: the sliver under the rule, in the
    label's column, when the label's box was found (二酉苗族鄉 2020 on A5:
    （三）不予公开's box ending inside the row of 8.属于行政查询事项, the row's
    cells spanning two rows, placed with doubt).  A row of the table begins
    a cell with text, or begins its blank cells in every column."""
    starting: dict[int, list[_Cell]] = {}
    for c in cells:
        starting.setdefault(c.row, []).append(c)
    height = max((c.row + c.rowspan for c in cells), default=0)
    slivers = {
        r
        for r, mine in starting.items()
        if r
        and all(not c.text.strip() and c.rowspan == 1 for c in mine)
        and any(c.row < r < c.row + c.rowspan and c.text.strip() for c in cells)
    }
    gone = [r for r in range(height) if r not in starting or r in slivers]
    if not gone:
        return cells
    cells = [c for c in cells if c.row not in slivers]
    out: list[_Cell] = []
    for c in cells:
        covered = sum(1 for r in gone if c.row < r < c.row + c.rowspan)
        below = sum(1 for r in gone if r < c.row)
        out.append(c._replace(row=c.row - below, rowspan=c.rowspan - covered))
    return out


def _seam(before: list[_Cell], after: list[_Cell], offset: int) -> list[_Cell]:
    """Drop a repeated header and join labels cut by the page break (``before`` is changed)."""
    head = _header_rows(before)
    mine = _header_rows(after)
    k = 0
    while k < len(head) and k < len(mine) and head[k] == mine[k]:
        k += 1
    if k:
        drop = {offset + i for i in range(k)}
        after = [c for c in after if c.row not in drop]
        shift = k
        after = [c._replace(row=c.row - shift) for c in after]
    if not after:
        return after
    first = min(c.row for c in after)
    last = offset - 1
    # A label column with another label to its right groups rows (三、…, （四）…):
    # only such a group can run on over the break; the row's own label cannot.
    labels = [c.col for c in after if c.row == first and _is_label_text(c.text)]
    kept: list[_Cell] = []
    for c in after:
        if c.row == first and not looks_numeric(c.text) and any(col > c.col for col in labels):
            j = next(
                (
                    i
                    for i, b in enumerate(before)
                    if b.col == c.col
                    and b.colspan == c.colspan
                    and b.row <= last < b.row + b.rowspan
                    and b.text.strip()
                    and not looks_numeric(b.text)
                ),
                None,
            )
            if j is not None and (not c.text.strip() or not label_key(c.text).code):
                b = before[j]
                text = b.text + ("\n" + c.text if c.text.strip() else "")
                before[j] = b._replace(rowspan=c.row + c.rowspan - b.row, text=text)
                continue
        kept.append(c)
    return _rejoin_split_row(before, kept, first, last)


def _rejoin_split_row(
    before: list[_Cell], after: list[_Cell], first: int, last: int
) -> list[_Cell]:
    """The continuation's first row joined to the row above when it is the
    tail of a row the page break cut (see the module doc): its one text the
    end of the label above, every other cell empty.  ``before`` is changed;
    the cells of ``after`` below the tail move up a row."""
    tail = [c for c in after if c.row == first]
    texts = [c for c in tail if c.text.strip()]
    if len(texts) != 1 or looks_numeric(texts[0].text) or label_key(texts[0].text).code:
        return after
    t = texts[0]
    j = next(
        (
            i
            for i, b in enumerate(before)
            if b.col == t.col
            and b.colspan == t.colspan
            and b.row + b.rowspan - 1 == last
            and b.text.strip()
            and not looks_numeric(b.text)
        ),
        None,
    )
    if j is None or is_table_label(before[j].text) or not is_table_label(before[j].text + t.text):
        return after
    before[j] = before[j]._replace(text=before[j].text + "\n" + t.text)
    # A group label carried over the break (三、…, （六）…) covered the tail row: no more.
    for i, b in enumerate(before):
        if b.row <= first < b.row + b.rowspan:
            before[i] = b._replace(rowspan=b.rowspan - 1)
    return [c if c.row < first else c._replace(row=c.row - 1) for c in after if c.row != first]


def _grid(cells: Sequence[_Cell], index: int, width: int) -> Grid:
    height = max((c.row + c.rowspan for c in cells), default=0)
    slots: list[list[Slot | None]] = [[None] * width for _ in range(height)]
    for c in sorted(cells, key=lambda c: (c.row, c.col)):
        cell = Cell(c.row, c.col, c.rowspan, c.colspan, c.text, False, c.page, c.bbox)
        for r in range(c.row, c.row + c.rowspan):
            for col in range(c.col, min(width, c.col + c.colspan)):
                if slots[r][col] is None:
                    slots[r][col] = Slot(cell, r, col)
    return Grid(index, tuple(tuple(row) for row in slots))
