"""Tables set by text position: no ruling line, only text in columns.

Many offices print the report's tables with their borders switched off:
nothing encloses a cell, so :mod:`.layout`'s ruled path finds no table.
Such a table is found, as the ruled path's tables are mapped, by the table
definitions: a run of lines set in several columns (segments separated by
more than a character's width), holding figures and at least three of the
official labels of any installed edition
(:func:`govdisclosure_html.recognise.official_words`), and
extended over the single labels above and below it only when they are
official labels too (a section heading or a paragraph is never taken in).

Its grid is rebuilt from positions:

* **value columns**: the figures' centres, clustered; a figure goes to the
  nearest column.  Figures set flush left or right in their columns
  (:func:`_figures_set`) stand for their column by that edge instead,
  moved to the column's centre;
* **a figure between two columns** is not put in either
  (:func:`unsure_figures`).  A column's span is what the page prints in
  it: its heading and the figures lined up in it (standing for it to half
  a character, as :func:`_flush_left` takes "centred").  A figure that does
  not line up with its column is placed only when its box lies on that
  column's span and on no other's; one in the gap between two spans, or
  across both, is not sure: it stays out of the grid and is reported.  A
  column is one when a heading heads it or two rows or more line a figure
  up in it; a figure alone, under no heading, between two such columns
  makes none;
* **label columns**: the left edges of the label text left of the figures;
  a label printed over several lines (a wrapped cell) is one label when its
  lines follow closely and the later ones carry no numbering of their own,
  and it belongs to the row of figures nearest to its middle.  Labels set
  flush right are columns by their right edges (:func:`_label_edges`), and
  a label wrapped around its row's figures, its lines as far apart as the
  rows, is one when together they are an official label
  (:func:`_around_figures`);
* **cells closer than a character** (Writer's padding) are cut apart where
  other lines print the same column gap (:func:`split_at_columns`);
* **header rows**: every line above the figures (and a line between two
  blocks of figures that has text right of the label columns); a heading
  spans the widest run of columns it is centred over, inside the heading
  above it and clear of its neighbours on the same line, which is how the
  official layout sets 行政复议 over five columns and 行政诉讼 over ten;
* **headings set flush left** (:func:`_flush_left` tells them from centred
  ones): a heading stands for the column it starts in, and a group heading
  spans from there over the columns headed below it, up to the next
  heading on its line or a column headed from higher up (:func:`_span_left`).

A table that runs over a page break continues at the top of the next page
with no header of its own, and its columns cannot be found from its own
figures alone (a column printed blank on every row of the continuation
leaves no figure to cluster; a single row carries only one label).  So
the last table of a page is handed to the next page (:class:`Carried`):
a run of lines at the very top of the page that starts with figures, and
whose every figure stands in one of the carried table's columns, takes
the carried columns and edges — which also lets :mod:`.stitch` join the
two pieces — and needs only one official label to count as a table.

The break may also fall between a table's header and its first row of
figures (表三's four header lines at the foot of one page, its figures on
the next).  A header alone has no figure to find its columns by, so it is
no table on its own page; it is handed on instead (:class:`Foot`) and laid
out together with the run of lines at the top of the next page, exactly
as the same table is laid out on one page, then cut again into a piece per
page with the same columns and edges, which :mod:`.stitch` joins.  When
the next page does not start with such a run, the header's lines are
text again and the mapping reports the table it could not find.

Every cell keeps its page and bounding box, as on the ruled path.  What
cannot be read this way (a blank row of figures, a figure set flush in a
cell merged over two columns) is left to the mapping, which reports what it
could not place.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Sequence
from statistics import median
from typing import Any, NamedTuple

from govdisclosure_html.text import label_key, looks_numeric

from .definitions import table_words
from .layout import BBox, Piece, PieceCell, text_of

__all__ = ["text_tables", "unsure_figures"]

#: A gap wider than this many character widths separates two columns.
_GAP = 1.0
#: Between two digits, a gap wider than this many character widths is no
#: thousands gap (a space, at most a third of the size) inside one figure.
_FIGURE_GAP = 0.4
#: A gap narrower than this many character widths is inside a cell's text
#: (kerning), never a column boundary (:func:`split_at_columns`).
_CELL_GAP = 0.2
#: A column boundary another line prints agrees with a gap's edge to this (points).
_EDGE_MATCH = 0.5
#: Label edges closer than this (points) are one label column.
_EDGE = 4.0
#: A section heading (三、收到和处理…) ends a table; an official row group does not.
_HEADING = re.compile(r"^[一二三四五六七八九十]{1,2}、")
_SENTENCE_END = ("。", "；", "：")


class Segment(NamedTuple):
    """Text of one line between two wide gaps."""

    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    text: str

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


def _is_label(text: str, official: frozenset[str]) -> bool:
    """A label of any installed edition's tables or pre-2019 template's rows
    (``official``: their words, :func:`.definitions.table_words`)."""
    return label_key(text).words in official


def segments(chars: Sequence[dict[str, Any]]) -> list[Segment]:
    """One line's characters cut at every gap wider than a character, and
    between two digits at a gap wider than a space.

    Set without rules, two columns' figures may stand closer than a
    character: 上海 2019's "1" (其他) and "805" (总计) 0.53 of the size
    apart, as Writer prints the page, read as one figure "1 805" (1805,
    invented).  A thousands gap inside a figure is a space at most
    (:data:`_FIGURE_GAP`); digits farther apart are two figures."""
    visible = sorted((c for c in chars if c["text"].strip()), key=lambda c: c["x0"])
    out: list[Segment] = []
    run: list[dict[str, Any]] = []
    for ch in visible:
        size = max(ch["size"], run[-1]["size"], 1.0) if run else 1.0
        gap = ch["x0"] - run[-1]["x1"] if run else 0.0
        digits = run and str(ch["text"]).isdigit() and str(run[-1]["text"]).isdigit()
        if run and (gap > _GAP * size or (digits and gap > _FIGURE_GAP * size)):
            out.append(_segment(run))
            run = []
        run.append(ch)
    if run:
        out.append(_segment(run))
    return out


def _column_gaps(lines: list[list[Segment]]) -> list[tuple[float, float]]:
    """The gaps between two columns that lines set in several columns show
    (from the end of one segment to the start of the next), each seen on two
    lines or more: a gap another line prints a column boundary in."""
    seen: dict[tuple[float, float], int] = {}
    for ln in lines:
        for a, b in itertools.pairwise(ln):
            key = (round(a.x1, 1), round(b.x0, 1))
            seen[key] = seen.get(key, 0) + 1
    return [gap for gap, count in seen.items() if count >= 2]


def split_at_columns(
    chars: Sequence[dict[str, Any]], gaps: Sequence[tuple[float, float]]
) -> list[Segment] | None:
    """One line's segments cut also at a gap narrower than a character that
    lies inside a column gap other lines print (:func:`_column_gaps`), or
    None when there is none.

    LibreOffice Writer sets a table's cells with a few points of padding
    only: a unit and its figure (玉溪 2017's "条" and "94802", 15 pt apart at
    16 pt), a label and the "——" of its section row, 统计指标 and 单位, run
    together into one segment, while the other rows print the same columns
    apart.  A gap is cut only where two other lines or more end a segment
    before it and start the next after it (to a tenth of a point), so words
    of a paragraph or inside one cell, which no other line's columns
    bracket, stay together.  The gap must be wider than kerning
    (:data:`_CELL_GAP`), not between two digits, and start where the other
    lines' segment ends or end where their next begins (a label set flush
    right, a figure set flush left)."""
    visible = sorted((c for c in chars if c["text"].strip()), key=lambda c: c["x0"])

    def at_column(before: dict[str, Any], after: dict[str, Any]) -> bool:
        x0, x1 = before["x1"], after["x0"]
        if str(before["text"]).isdigit() and str(after["text"]).isdigit():
            return False  # inside a figure: :func:`segments` judges that gap
        if x1 - x0 <= _CELL_GAP * max(before["size"], after["size"], 1.0):
            return False
        return any(
            a <= x0 + _EDGE_MATCH
            and b >= x1 - _EDGE_MATCH
            and (abs(a - x0) <= _EDGE_MATCH or abs(b - x1) <= _EDGE_MATCH)
            for a, b in gaps
        )

    cuts = [k for k in range(1, len(visible)) if at_column(visible[k - 1], visible[k])]
    if not cuts:
        return None
    out: list[Segment] = []
    for a, b in itertools.pairwise([0, *cuts, len(visible)]):
        out += segments(visible[a:b])
    return out


def _segment(chars: list[dict[str, Any]]) -> Segment:
    return Segment(
        min(c["x0"] for c in chars),
        max(c["x1"] for c in chars),
        min(c["top"] for c in chars),
        max(c["bottom"] for c in chars),
        float(median(c["size"] for c in chars)),
        text_of(chars),
    )


def _is_figure(seg: Segment) -> bool:
    return looks_numeric(seg.text)


def _single_in_table(
    seg: Segment, width: float, official: frozenset[str], first: tuple[float, float]
) -> bool:
    """A one-column line a table may hold between lines of several columns:
    an official label, or text that ends no sentence and is no section
    heading and is either narrower than half the table or stays inside the
    first column (a wrapped label).  A paragraph runs the width of the page
    and ends the table.

    ``first``: the right edge of the first column of the lines in several
    columns so far, and where their second column begins.  A label Writer
    wraps in a wide label column (玉溪 2017's "（一）主动公开政府信息数（不同
    渠道和方式公" over "开相同信息计 1 条）", set flush right) is wider than
    half the table, but ends where the other labels end (to
    :data:`_EDGE`), left of every other column."""
    text = seg.text
    if _is_label(text, official) or _is_figure(seg):
        return True
    right, second = first
    narrow = seg.x1 - seg.x0 <= 0.5 * width or (seg.x1 <= right + _EDGE and seg.x1 < second)
    return narrow and not text.endswith(_SENTENCE_END) and not _HEADING.match(text)


class _Run(NamedTuple):
    """Lines (start, end exclusive) set in several columns, with the lines
    of figures and the distinct official labels among them."""

    start: int
    end: int
    figures: int
    anchors: int


def _regions(lines: list[list[Segment]], at_top: int = 3) -> list[tuple[int, int]]:
    """Runs of lines (start, end exclusive) that are tables by the definitions.

    ``at_top``: the official labels a run that starts on the page's first
    line needs.  Three, unless something of the page before goes on here:
    a table (:class:`Carried`) then needs one of its labels on this page
    (:func:`text_tables` checks that its figures stand in the carried
    columns), a header alone (:class:`Foot`) none, since the header holds
    the labels and the figures under it may have none of their own (table
    4's one row of figures), and it is laid out together with the header.
    """
    return [
        (r.start, r.end)
        for r in _runs(lines)
        if r.figures >= 1 and r.anchors >= (at_top if r.start == 0 else 3)
    ]


def _runs(lines: list[list[Segment]]) -> list[_Run]:
    """Every run of lines set in several columns (see :func:`_regions`).

    A page with no line in several columns (text only, or its tables all
    ruled) holds none: the words of the definitions are not asked for
    (the first time, that loads every edition's tables and every
    template)."""
    if not any(len(ln) >= 2 for ln in lines):
        return []
    out: list[_Run] = []
    official = table_words()
    i = 0
    n = len(lines)
    while i < n:
        if len(lines[i]) < 2:
            i += 1
            continue
        j = i + 1
        width = lines[i][-1].x1 - lines[i][0].x0
        first = (lines[i][0].x1, lines[i][1].x0)
        while j < n:
            if len(lines[j]) >= 2:
                width = max(width, lines[j][-1].x1 - lines[j][0].x0)
                first = (max(first[0], lines[j][0].x1), min(first[1], lines[j][1].x0))
                j += 1
                continue
            k = j
            while (
                k < n
                and len(lines[k]) == 1
                and _single_in_table(lines[k][0], width, official, first)
            ):
                k += 1
            if k < n and len(lines[k]) >= 2:
                j = k
                continue
            break
        a, b = i, j
        # Official labels just above or below (a caption, a group heading) belong to it.
        while a > 0 and len(lines[a - 1]) == 1 and _is_label(lines[a - 1][0].text, official):
            a -= 1
        while b < n and len(lines[b]) == 1 and _is_label(lines[b][0].text, official):
            b += 1
        figures = sum(1 for ln in lines[a:b] if any(_is_figure(s) for s in ln))
        anchors = {
            label_key(s.text).words for ln in lines[a:b] for s in ln if _is_label(s.text, official)
        }
        out.append(_Run(a, b, figures, len(anchors)))
        i = max(j, b)
    return out


def _cluster(values: Sequence[float], gap: float) -> list[float]:
    """Cluster centres of sorted ``values`` (a new cluster after a gap wider than ``gap``)."""
    return [sum(g) / len(g) for g in _groups(values, gap)]


class _Layout(NamedTuple):
    label_edges: list[float]
    value_centres: list[float]
    value_left: float
    right: float
    #: Headings set flush left in their columns: how far right of a
    #: heading's left edge its column's centre lies (None: headings centred).
    offset: float | None = None
    #: Figures set flush left or right in their columns (:func:`_figures_set`):
    #: the side and how far from that edge of a figure its column's centre
    #: lies (None: figures centred).
    figures_at: tuple[str, float] | None = None

    def figure(self, seg: Segment) -> float:
        """Where a figure (or a word in its place) stands for its column: its
        centre, or for figures set flush left or right its edge moved to its
        column's centre."""
        if self.figures_at is None:
            return seg.centre
        side, shift = self.figures_at
        return seg.x0 + shift if side == "left" else seg.x1 - shift

    def anchor(self, seg: Segment) -> float:
        """Where a heading stands for its column: its centre, or for a
        heading set flush left its left edge moved to its column's centre."""
        return seg.centre if self.offset is None else seg.x0 + self.offset

    @property
    def xs(self) -> tuple[float, ...]:
        """Column boundaries: label columns' left edges, then the value columns'."""
        c = self.value_centres
        mids = [(c[k] + c[k + 1]) / 2 for k in range(len(c) - 1)]
        return (*self.label_edges, self.value_left, *mids, self.right)

    def label_col(self, x0: float) -> int:
        return max(0, bisect.bisect_right(self.label_edges, x0 + _EDGE) - 1)

    def value_col(self, x: float) -> int:
        c = self.value_centres
        return len(self.label_edges) + min(range(len(c)), key=lambda k: abs(c[k] - x))


def _leaf_headings(rows: list[list[Segment]]) -> list[Segment]:
    """Headings with no heading under them before the next figures, and clear
    of the label text of the rows: each heads one value column, even a
    column printed blank on every row (a label column's head, 信息内容, and
    the note in table 3's corner stand over labels and head none)."""
    labels = [
        (s.x0, s.x1)
        for ln in rows
        if any(_is_figure(x) for x in ln)
        for s in ln
        if not _is_figure(s)
    ]
    out: list[Segment] = []
    for k, ln in enumerate(rows):
        if any(_is_figure(s) for s in ln):
            continue
        for s in ln:
            if any(x0 < s.x1 and x1 > s.x0 for x0, x1 in labels):
                continue
            covered = False
            for later in rows[k + 1 :]:
                if any(_is_figure(x) for x in later):
                    break
                if any(x.x0 < s.x1 and x.x1 > s.x0 for x in later):
                    covered = True
                    break
            if not covered:
                out.append(s)
    return out


def _column_figures(rows: list[list[Segment]]) -> list[Segment]:
    """The figures that find the value columns: a mark without a digit
    ("——") that stands where other rows of figures print words, and on no
    figure with digits, is in a label column (玉溪 2017's section rows print
    "——" in the 单位 column, under the units 条 and 件 of the other rows),
    not a column of figures of its own."""
    figures = [s for ln in rows for s in ln if _is_figure(s)]
    digits = [s for s in figures if any(ch.isdigit() for ch in s.text)]
    words = [s for ln in rows if any(_is_figure(x) for x in ln) for s in ln if not _is_figure(s)]

    def over(s: Segment, others: list[Segment]) -> bool:
        return any(x.x0 < s.x1 and x.x1 > s.x0 for x in others)

    return [s for s in figures if s in digits or not over(s, words) or over(s, digits)]


def _layout(rows: list[list[Segment]]) -> _Layout | None:
    figures = _column_figures(rows)
    if not figures:
        return None
    size = median(s.size for s in figures)
    # Columns left blank on every row are found by their headings.
    leaves = _leaf_headings(rows)
    figures_at = _figures_set(figures, leaves, size)
    placed = _Layout([], [], 0.0, 0.0, None, figures_at)
    at_figures = [placed.figure(s) for s in figures]
    offset = _flush_left(leaves, _cluster(at_figures, 1.5 * size), size)
    at = [s.centre if offset is None else s.x0 + offset for s in leaves]
    centres = _cluster(at_figures + at, 1.5 * size)
    spacing = min((b - a for a, b in itertools.pairwise(centres)), default=4 * size)
    value_left = centres[0] - spacing / 2
    edges = _label_edges([s for ln in rows for s in ln if not _is_figure(s) and s.x1 <= value_left])
    right = max(centres[-1] + spacing / 2, max(s.x1 for s in figures))
    return _Layout(edges, centres, value_left, right, offset, figures_at)


def _label_edges(labels: list[Segment]) -> list[float]:
    """The label columns' left edges: the labels' left edges clustered (to
    :data:`_EDGE`); or, for labels set flush right in their columns (their
    right edges fall into fewer columns than their left edges), the left
    edge of the widest label of each column of right edges.

    Writer sets 玉溪 2017's labels flush right: "1.当面申请数" starts 96
    points right of "（一）收到申请数" in the same column, and each left
    edge was a label column of its own (a wrapped label's two lines in two
    columns, a row's label taken for a group of rows)."""
    if not labels:
        return []
    lefts = _groups([s.x0 for s in labels], _EDGE)
    rights = _groups([s.x1 for s in labels], _EDGE)
    if len(rights) >= len(lefts):
        return [sum(g) / len(g) for g in lefts]
    return sorted({min(s.x0 for s in labels if g[0] <= s.x1 <= g[-1]) for g in rights})


def _groups(values: Sequence[float], gap: float) -> list[list[float]]:
    """Sorted ``values`` in groups, a new one after a gap wider than ``gap``."""
    groups: list[list[float]] = []
    for v in sorted(values):
        if groups and v - groups[-1][-1] <= gap:
            groups[-1].append(v)
        else:
            groups.append([v])
    return groups


def _deviation(values: Sequence[float], gap: float) -> float:
    """How far the value farthest from the mean of its group lies from it."""
    worst = 0.0
    for group in _groups(values, gap):
        mean = sum(group) / len(group)
        worst = max([worst, *(abs(v - mean) for v in group)])
    return worst


def _figures_set(
    figures: list[Segment], leaves: list[Segment], size: float
) -> tuple[str, float] | None:
    """Whether the figures are set flush left or right in their columns, not
    centred: the side, and how far from that edge a column's centre lies;
    None when they are centred, or when nothing tells.

    Figures of different widths set flush left share their left edges (to
    an eighth of a character), set flush right their right edges, centred
    their centres, while the other anchors stray (one digit more is half a
    character wider); centred wins where both hold.  Where the figures
    cannot tell (all as wide: table 4's one row of single digits), the leaf
    headings do, one over each column: figures and headings centred share
    their centres; figures set flush left stand a fixed way from the centre
    of a centred heading; flush right likewise (under headings set flush
    left, figures all as wide stand alike in each column either way).  A column's centre lies half a column from
    its figures' edge, less the cell's padding: centred headings give that
    distance, else half the columns' spacing stands for it (headings set
    flush left are then read by their own offset, :func:`_flush_left`)."""
    gap = 1.5 * size
    tight = size / 8
    anchors = {
        "centre": [s.centre for s in figures],
        "left": [s.x0 for s in figures],
        "right": [s.x1 for s in figures],
    }
    dev = {k: _deviation(v, gap) for k, v in anchors.items()}
    if all(d <= tight for d in dev.values()):
        return _figures_set_by_headings(figures, leaves, size)
    if dev["centre"] <= tight:
        return None
    side = next((edge for edge in ("left", "right") if dev[edge] <= tight), None)
    if side is None:
        return None
    edges = _cluster(anchors[side], gap)
    spacing = min((b - a for a, b in itertools.pairwise(edges)), default=4 * size)
    shifts: list[float] = []
    #: Headings set flush on the figures' side, each edge on the figures'
    #: edge: they stand in the column as the figures do and tell nothing of
    #: its centre.
    flush: set[float] = set()
    for head in leaves:
        edge = min(edges, key=lambda e: abs(e - head.centre))
        shift = head.centre - edge if side == "left" else edge - head.centre
        if 0 < shift < spacing:
            shifts.append(shift)
            if abs((head.x0 if side == "left" else head.x1) - edge) <= size / 2:
                flush.add(shift)
    if len(shifts) >= 2 and max(shifts) - min(shifts) <= size / 2:
        return side, float(median(shifts))
    # Headings that head no column of figures (a sub-table's caption over
    # the table's middle, a heading over a column printed blank) give other
    # shifts: one way, agreed by two centred headings or more, that moves
    # every column of figures onto a heading's centre is the figures' own.
    centres = [head.centre for head in leaves]

    def heads_every_column(group: list[float]) -> bool:
        shift = float(median(group))
        at = [e + shift if side == "left" else e - shift for e in edges]
        return all(any(abs(x - c) <= size / 2 for c in centres) for x in at)

    agreed = [
        g
        for g in _groups(shifts, size / 2)
        if len(g) >= 2 and not flush.intersection(g) and heads_every_column(g)
    ]
    if len(agreed) == 1:
        return side, float(median(agreed[0]))
    return side, spacing / 2


def _figures_set_by_headings(
    figures: list[Segment], leaves: list[Segment], size: float
) -> tuple[str, float] | None:
    """:func:`_figures_set` read from the leaf headings, each figure with the
    heading nearest to it; None when they share their centres (to half a
    character), or unless one way is the same for every figure (to a
    quarter of a character)."""
    if len(leaves) < 2 or len(figures) < 2:
        return None
    pairs = [(f, min(leaves, key=lambda h: abs(h.centre - f.centre))) for f in figures]
    if len({id(h) for _, h in pairs}) < 2:
        return None

    def same(values: list[float]) -> bool:
        return max(values) - min(values) <= size / 4

    if all(abs(h.centre - f.centre) <= size / 2 for f, h in pairs):
        return None  # centred under centred headings
    left = [h.centre - f.x0 for f, h in pairs]
    right = [f.x1 - h.centre for f, h in pairs]
    if same(left) and min(left) > 0:
        return "left", float(median(left))
    if same(right) and min(right) > 0:
        return "right", float(median(right))
    # Headings set flush left over figures all as wide: whether the figures
    # are centred or flush left, their centres stand in the same place in
    # each column, and :func:`_flush_left` reads the headings by their offset.
    return None


def _flush_left(leaves: list[Segment], columns: list[float], size: float) -> float | None:
    """Whether the headings are set flush left in their columns, not centred
    over them (the figures centred, as word processors set them): the
    offset from a heading's left edge to its column's centre, or None.

    A heading set flush left starts a fixed way left of the centre of the
    first column of figures right of it (its column's half width and the
    cell's padding); a centred one by half its own width, which varies with
    its text and is never more than a heading over a column printed blank
    on every row (which starts farther left of the next column).  So: the
    leaf headings that start nearest to the column of figures right of them
    (within the figures' clustering width of the nearest), two or more, are
    mostly not centred over a column of figures.  In a table whose
    headings are centred, the nearest are centred ones, and nothing changes."""
    tolerance = 1.5 * size
    ahead: list[tuple[float, Segment]] = []
    for seg in leaves:
        right = [c for c in columns if c >= seg.x0]
        if right:
            ahead.append((right[0] - seg.x0, seg))
    if not ahead:
        return None
    nearest = min(d for d, _ in ahead)
    same = [(d, seg) for d, seg in ahead if d - nearest <= tolerance]
    # Centred is centred to half a character: a word processor centres a
    # heading and the figures under it on the same line down the cell.
    off = sum(1 for _, seg in same if min(abs(c - seg.centre) for c in columns) > size / 2)
    if off < 2 or 2 * off <= len(same):
        return None
    return float(median(d for d, _ in same))


class Carried(NamedTuple):
    """The last table of a page, handed to the next page: its columns and
    the left and right edges of its printed text."""

    layout: _Layout
    left: float
    right: float
    #: The table's first line when it prints no figure (its header): each
    #: text with its left and right edges.
    head: tuple[tuple[str, float, float], ...] = ()


def _head(rows: list[list[Segment]]) -> tuple[tuple[str, float, float], ...]:
    """:attr:`Carried.head` of a table's ``rows``."""
    if not rows or any(_is_figure(s) for s in rows[0]):
        return ()
    return tuple((s.text, s.x0, s.x1) for s in rows[0])


def _header_again(rows: list[list[Segment]], carried: Carried) -> bool:
    """Whether ``rows`` start with the carried table's header printed again:
    the same texts, each at the same place (to :data:`_EDGE`)."""
    head = _head(rows)
    return (
        bool(head)
        and len(head) == len(carried.head)
        and all(
            a[0] == b[0] and abs(a[1] - b[1]) <= _EDGE and abs(a[2] - b[2]) <= _EDGE
            for a, b in zip(head, carried.head, strict=True)
        )
    )


class Foot(NamedTuple):
    """A table's header at the foot of a page with no figure under it,
    handed to the next page to be laid out with the figures there: its
    lines (segments), and which of the page's lines of characters they are
    (given back to the text when the next page does not go on with it)."""

    page: int
    rows: list[list[Segment]]
    lines: frozenset[int]
    bottom: float
    #: The table of the page before that page's lines may go on with (the
    #: header being printed again above rows printed blank).
    carried: Carried | None = None


def _continues(rows: list[list[Segment]], carried: Carried) -> bool:
    """Whether ``rows`` (a run at the top of a page) go on with the carried
    table: the run starts with figures, its labels stand left of the
    carried value columns, and every figure stands in one of them (within a
    third of the narrowest column's width of its centre)."""
    if not any(_is_figure(s) for s in rows[0]):
        return False
    layout = carried.layout
    centres = layout.value_centres
    spacing = min((b - a for a, b in itertools.pairwise(centres)), default=4 * rows[0][0].size)
    for ln in rows:
        for s in ln:
            if _is_figure(s):
                if min(abs(c - layout.figure(s)) for c in centres) > spacing / 3:
                    return False
            elif s.x1 > layout.value_left and s.x0 < layout.value_left:
                return False  # text across the carried columns' left edge
    return True


def _span_left(
    own: int,
    within: tuple[int, int],
    taken: list[tuple[int, int]],
    headed: tuple[set[int], set[int]],
    children: list[int],
    stops: set[int],
) -> tuple[int, int]:
    """The run of value columns (first, last) a heading set flush left
    heads, from its own column rightwards, inside ``within`` and clear of
    ``taken``, never past the next heading on its line or a column headed
    from higher up than its children (``stops``).

    A group heading spans the columns headed again below it
    (``headed[0]``), when two headings or more of the first line below
    that heads its own column stand in them (``children``: their columns;
    one is the rest of a heading wrapped over two lines).  Any other
    heading spans the columns right of its own that no heading of its
    header lines heads (``headed[1]``): 2019's 本年增/减 over the last two."""
    below, anywhere = headed

    def free(col: int) -> bool:
        return (
            col <= within[1] and col not in stops and not any(t0 <= col <= t1 for t0, t1 in taken)
        )

    b = own
    while free(b + 1) and b + 1 in below:
        b += 1
    if sum(1 for c in children if own <= c <= b) >= 2:
        return own, b
    b = own
    while free(b + 1) and b + 1 not in anywhere:
        b += 1
    return own, b


def _span(
    seg: Segment,
    layout: _Layout,
    within: tuple[int, int],
    taken: list[tuple[int, int]],
    headed_below: set[int],
) -> tuple[int, int]:
    """The widest run of value columns (first, last) ``seg`` is centred over,
    every one of them headed again below it."""
    c = layout.value_centres
    half = [
        (c[k + 1] - c[k]) / 2 if k + 1 < len(c) else (c[k] - c[k - 1]) / 2 if k else 0.0
        for k in range(len(c))
    ]
    own = min(range(len(c)), key=lambda k: abs(c[k] - seg.centre))
    best = (own, own)
    tolerance = 0.35 * min(half[k] * 2 for k in range(len(c))) if len(c) > 1 else seg.size
    for a in range(within[0], own + 1):
        for b in range(own, within[1] + 1):
            if any(not (b < t0 or a > t1) for t0, t1 in taken):
                continue
            if b > a and not all(x in headed_below for x in range(a, b + 1)):
                continue
            centre = ((c[a] - half[a]) + (c[b] + half[b])) / 2
            if abs(centre - seg.centre) <= tolerance and b - a > best[1] - best[0]:
                best = (a, b)
    return best


def _merged_over(
    own: int,
    seg: Segment,
    layout: _Layout,
    empty: bool,
    headed: set[int],
    rows_of_band: list[list[int]],
) -> tuple[int, int] | None:
    """The two value columns (first, last) a heading over one cell merged
    across them heads, when figures are set flush and that is proved:
    2019's 本年增/减 of 行政事业性收费 and 采购总金额, each one cell over the
    two columns other blocks head 本年增/减 and 处理决定数量.

    Centred over the merged cell, the heading stands between the two
    columns and makes a column of its own (a column printed blank is found
    by its heading); its figure, set flush, stands at the merged cell's
    edge, in the first or the last of the two.  It is one cell when the
    heading's own column holds no figure of the table (``empty``), neither
    neighbour is headed in the heading's band (``headed``), the heading is
    centred between them (as a heading centred over a run of columns is,
    :func:`_span`), and no row of the band prints more than one figure
    across the three (``rows_of_band``: each row's figures' columns)."""
    c = layout.value_centres
    a, b = own - 1, own + 1
    if layout.figures_at is None or not empty or a < 0 or b >= len(c) or {a, b} & headed:
        return None
    spacing = min((y - x for x, y in itertools.pairwise(c)), default=0.0)
    if abs((c[a] + c[b]) / 2 - seg.centre) > 0.35 * spacing:
        return None
    counts = [sum(1 for col in cols if a <= col <= b) for cols in rows_of_band]
    if not counts or max(counts) != 1:
        return None
    return a, b


def unsure_figures(layout: _Layout, rows: list[list[Segment]]) -> dict[Segment, tuple[int, int]]:
    """The figures of ``rows`` whose value column is not sure, each with
    the two value columns (first, last) it stands between; and those that
    stand on the span of one column that counts while nearer to none that
    does (two figures off their column, close enough to cluster), with that
    column as first and last.

    Nothing on a page without rules says where one column ends and the
    next begins but what it prints there, so a column's span is the extent
    of its leaf heading (:func:`_leaf_headings`) and of the figures lined up
    in it: standing for its centre (:meth:`_Layout.figure`) to half a
    character, the tolerance of "centred" in :func:`_flush_left`.  Such a
    figure is in its column.  Any other is in the column nearest to it only
    when its box lies on that column's span and on no other column's; in
    the gap between two spans (clear of both) or across two, it could be
    either's, and is not placed.

    A column counts when a heading heads it or figures of two rows or more
    line up in it (a column printed in one row of a table with headings,
    under none, is a figure set off its own column, not a column of its
    own).  A figure left or right of every column is between none."""
    c = layout.value_centres
    if len(c) < 2:
        return {}

    def nearest(x: float) -> int:
        return min(range(len(c)), key=lambda k: abs(c[k] - x))

    spans: dict[int, list[float]] = {}
    headed: set[int] = set()
    for head in _leaf_headings(rows):
        if head.x1 <= layout.value_left:
            continue
        k = nearest(layout.anchor(head))
        headed.add(k)
        spans.setdefault(k, []).extend((head.x0, head.x1))
    lined: dict[int, list[Segment]] = {}
    loose: list[tuple[Segment, int]] = []
    for ln in rows:
        for s in ln:
            if not _is_figure(s) or s.x1 <= layout.value_left:
                continue
            k = nearest(layout.figure(s))
            if abs(layout.figure(s) - c[k]) <= s.size / 2:
                lined.setdefault(k, []).append(s)
            else:
                loose.append((s, k))
    counted = headed | {k for k, segs in lined.items() if len({s.top for s in segs}) >= 2}
    if not headed:  # no heading tells a column: every cluster of figures is one
        counted = set(range(len(c)))
    for k, segs in lined.items():
        if k in counted:
            spans.setdefault(k, []).extend(x for s in segs for x in (s.x0, s.x1))
        else:
            loose += [(s, k) for s in segs]
    extent = {k: (min(xs), max(xs)) for k, xs in spans.items() if k in counted}
    out: dict[Segment, tuple[int, int]] = {}
    for s, k in loose:
        on = sorted(j for j, (a, b) in extent.items() if a < s.x1 and b > s.x0)
        if len(on) == 1:
            if on[0] != k:  # nearest to a column of its own that counts for none
                out[s] = (on[0], on[0])
            continue
        if len(on) >= 2:
            out[s] = (on[0], on[1])
            continue
        x = layout.figure(s)
        left = [j for j in counted if c[j] <= x]
        right = [j for j in counted if c[j] > x]
        if left and right:
            out[s] = (max(left), min(right))
    return out


def _piece(
    page_no: int,
    rows: list[list[Segment]],
    carried: Carried | None = None,
    before: int = 0,
    columns: _Layout | None = None,
) -> tuple[tuple[Piece, ...], _Layout] | None:
    """The pieces of table in ``rows`` and their columns; ``carried`` is the
    table of the page before when ``rows`` start the page.  The first
    ``before`` rows are a header printed at the foot of the page before
    (:class:`Foot`): the table is laid out as one, then cut into a piece on
    each page, with the same columns and edges.

    ``columns``: the value columns of the table of the page before, when
    ``rows`` start with its header printed again (:func:`_header_again`).
    Writer prints 玉溪 2017's header again on every page; a page whose only
    figure is one "0" set flush right could not tell that its figures are
    set flush right, so its column stood 17 points right of the same
    column on the page before and the two pieces were joined as different
    columns (the "0" in a column headed by nothing, not placed)."""
    layout = _layout(rows)
    if layout is None:
        return None
    if columns is not None:
        layout = columns._replace(label_edges=layout.label_edges)
    if carried is not None:
        if not _continues(rows, carried):
            if _anchors(rows) < 3:
                return None
            again = carried.layout if _header_again(rows, carried) else None
            return _piece(page_no, rows, columns=again)
        # The value columns of the table it goes on with; its own label columns.
        value_left = carried.layout.value_left
        labels = [s for ln in rows for s in ln if not _is_figure(s) and s.x1 <= value_left]
        layout = carried.layout._replace(label_edges=_label_edges(labels))
    n_labels = len(layout.label_edges)
    data = [k for k, ln in enumerate(rows) if any(_is_figure(s) for s in ln)]
    first = data[0]

    def in_labels(s: Segment) -> bool:
        return s.x1 <= layout.value_left

    # Label fragments after the first figures: joined into labels, each given
    # to the row of figures nearest to its middle.
    def is_header(k: int) -> bool:
        """Above the figures, text right of the labels without figures, or
        labels alone that lead into such a line (a block's caption)."""
        if k < first:
            # A header from the page before (:class:`Foot`) stays header:
            # its lines stand on another page, beside none of these figures.
            return k < before or not _blank_row_above(rows, k, in_labels)
        if k in data:
            return False
        if not all(in_labels(s) for s in rows[k]):
            return True
        nxt = k + 1
        while nxt < len(rows) and nxt not in data and all(in_labels(s) for s in rows[nxt]):
            nxt += 1
        return nxt < len(rows) and nxt not in data

    blocks: dict[int, list[list[Segment]]] = {}
    header_lines: list[int] = []
    for k, ln in enumerate(rows):
        if is_header(k):
            header_lines.append(k)
            continue
        for s in ln:
            if not in_labels(s):
                continue
            col = layout.label_col(s.x0)
            column = blocks.setdefault(col, [])
            if (
                column
                and s.top - column[-1][-1].bottom <= 0.6 * s.size
                and not label_key(s.text).code
            ):
                column[-1].append(s)
            else:
                column.append([s])
    mids = [median(s.middle for s in rows[k] if _is_figure(s)) for k in data]
    for column in blocks.values():
        column[:] = _around_figures(column, mids)
    # The line right above the first figures, labels alone, may be the first
    # line of the first row's label set around its figures: it is that
    # label's, not a header line, when it joins a label so.
    top = first - 1
    if top in header_lines and rows[top] and all(in_labels(s) for s in rows[top]):
        trial = {col: list(column) for col, column in blocks.items()}
        for s in rows[top]:
            trial.setdefault(layout.label_col(s.x0), []).insert(0, [s])
        joined = {col: _around_figures(column, mids) for col, column in trial.items()}
        firsts = [layout.label_col(s.x0) for s in rows[top]]
        if all(len(joined[col][0]) > 1 for col in firsts):
            blocks = joined
            header_lines.remove(top)
    # Each label to the row of figures nearest to its middle; a second label of
    # the same column near the same figures is a row of its own, left blank.
    nearest: dict[tuple[int, int], list[tuple[float, list[Segment]]]] = {}
    for col, column in blocks.items():
        for block in column:
            middle = (block[0].top + block[-1].bottom) / 2
            k = min(range(len(data)), key=lambda i: abs(mids[i] - middle))
            nearest.setdefault((data[k], col), []).append((abs(mids[k] - middle), block))
    attached: dict[int, list[tuple[int, list[Segment]]]] = {}
    # Rows printed blank, by where they stand: on the page before (a header
    # printed at its foot, :class:`Foot`) or here, then their top.
    before_page = {id(x) for ln in rows[:before] for x in ln}
    blank_rows: dict[tuple[bool, float], list[tuple[int, list[Segment]]]] = {}

    def blank_at(block: list[Segment]) -> tuple[bool, float]:
        return id(block[0]) not in before_page, block[0].top

    far: list[tuple[int, int, list[Segment]]] = []
    for (k, col), found in nearest.items():
        found.sort(key=lambda x: x[0])
        for n, (distance, block) in enumerate(found):
            # Its own row's figures sit level with some line of the label.
            height = block[-1].bottom - block[0].top
            if n == 0 and distance <= max(0.75 * height, block[0].size):
                attached.setdefault(k, []).append((col, block))
            elif n == 0:
                far.append((k, col, block))
            else:
                blank_rows.setdefault(blank_at(block), []).append((col, block))
    # The label blocks given to no row of figures: rows printed blank.
    given = {id(block) for found in attached.values() for _, block in found}
    loose = [
        (col, (block[0].top + block[-1].bottom) / 2)
        for col, column in blocks.items()
        for block in column
        if id(block) not in given
    ]
    for k, col, block in far:
        # Left of the row's own label, it groups rows (三、本年度办理结果 set
        # midway down its rows); otherwise it is a row printed blank.  Below
        # the last row of figures (or above the first) it groups none of
        # them, nor across a row printed blank whose label stands further in
        # between it and the figures: labels of rows printed blank (玉溪 2017
        # through Writer: （三）申请答复数 and its 1.属于已主动公开范围数 under
        # 2.延期办结数 and its 0, （二）申请办结数 over 1.按时办结数, printed
        # blank, over it, were read as that row's group, the 0 put at another row).
        own = [c for c, _ in attached.get(k, [])]
        middle = (block[0].top + block[-1].bottom) / 2
        at = mids[data.index(k)]
        across = any(c > col and min(middle, at) < m < max(middle, at) for c, m in loose)
        if own and all(c > col for c in own) and not across and mids[0] <= middle <= mids[-1]:
            attached[k].append((col, block))
        else:
            blank_rows.setdefault(blank_at(block), []).append((col, block))

    # The value columns headed on a later line of the same run of header
    # lines: only a heading over such columns (a group) spans several.
    below: dict[int, set[int]] = {}
    later: set[int] = set()
    for k in sorted(header_lines, reverse=True):
        if k + 1 not in header_lines:
            later = set()
        below[k] = set(later)
        later |= {
            layout.value_col(layout.anchor(s)) - n_labels for s in rows[k] if not in_labels(s)
        }

    def own_col(s: Segment) -> int:
        return layout.value_col(layout.anchor(s)) - n_labels

    leaves = set(_leaf_headings(rows)) if layout.offset is not None else set()

    # Each header line's run of header lines (a table-2 block heads its own).
    run_of: dict[int, list[int]] = {}
    for k in header_lines:
        run_of[k] = run_of.get(k - 1, [])
        run_of[k].append(k)
    left_spans: dict[int, list[tuple[int, int]]] = {}

    def left_span(k: int, s: Segment, taken: list[tuple[int, int]]) -> tuple[int, int]:
        """:func:`_span_left`'s columns for heading ``s`` on header line ``k``,
        inside the nearest heading above it in its run of header lines."""
        own = own_col(s)
        run = run_of[k]
        parent = (0, len(layout.value_centres) - 1)
        for j in reversed([j for j in run if j < k]):
            inside = [(a, b) for a, b in left_spans.get(j, []) if a <= own <= b]
            if inside:
                parent = inside[0]
                break
        heads = {j: [own_col(x) for x in rows[j] if not in_labels(x)] for j in run}
        later = [j for j in run if j > k]
        child = next((j for j in later if own in heads[j]), None)
        stops = {own_col(x) for x in rows[k] if x is not s and not in_labels(x)}
        children: list[int] = []
        if child is not None:
            children = heads[child]
            stops |= {own_col(x) for j in later if j < child for x in rows[j] if x in leaves}
        anywhere = {c for j in run for c in heads[j]}
        span = _span_left(own, parent, taken, (below[k], anywhere), children, stops)
        left_spans.setdefault(k, []).append(span)
        return span

    # The value columns figures stand in (a column found by a heading alone
    # has none), and each row's, for :func:`_merged_over`.
    figure_cols_of = {
        k: [layout.value_col(layout.figure(x)) - n_labels for x in rows[k] if not in_labels(x)]
        for k in data
    }
    figure_cols = {col for cols in figure_cols_of.values() for col in cols}

    def band_figures(k: int) -> list[list[int]]:
        """The figures' columns of each row of figures after header line
        ``k``, up to the next header line."""
        out: list[list[int]] = []
        for j in range(k + 1, len(rows)):
            if j in header_lines:
                if out:
                    break
                continue
            if j in figure_cols_of:
                out.append(figure_cols_of[j])
        return out

    # A continuation stands in the columns carried from the page before
    # (:func:`_continues`); only a table laid out here is judged so.
    unsure = unsure_figures(layout, rows) if carried is None else {}
    between: list[PieceCell] = []
    cells: list[PieceCell] = []
    # Grid rows top to bottom: header lines, rows of figures, blank rows.
    # The page before's lines come first, whatever their height on their page.
    order: list[tuple[bool, float, str, Any]] = [
        (k >= before, rows[k][0].top, "line", k) for k in header_lines
    ]
    order += [(True, mids[i], "line", k) for i, k in enumerate(data)]
    order += [(here, top, "blank", blocks_) for (here, top), blocks_ in blank_rows.items()]
    order.sort(key=lambda x: (x[0], x[1]))
    spans: dict[int, list[tuple[int, tuple[int, int], Segment]]] = {}
    for r, (_, _, kind, what) in enumerate(order):
        if kind == "blank":
            for col, block in what:
                cells.append(_cell(r, col, 1, block))
            # A row printed blank still has its cells, empty, where the columns are.
            top = min(b[0].top for _, b in what)
            bottom = max(b[-1].bottom for _, b in what)
            xs = layout.xs
            for v in range(n_labels, len(xs) - 1):
                cells.append(PieceCell(r, v, 1, 1, "", (xs[v], top, xs[v + 1], bottom)))
            continue
        k = what
        ln = rows[k]
        if k in header_lines:
            taken: list[tuple[int, int]] = []
            for s in ln:
                if in_labels(s):
                    cells.append(_cell(r, layout.label_col(s.x0), 1, [s]))
                    continue
                parent = (0, len(layout.value_centres) - 1)
                for _, (p0, p1), above in reversed([x for rr in spans.values() for x in rr]):
                    if p0 <= own_col(s) <= p1 and above.top < s.top:
                        parent = (p0, p1)
                        break
                if layout.offset is None:
                    a, b = _span(s, layout, parent, taken, below[k])
                    if a == b and layout.figures_at is not None:
                        merged = _merged_over(
                            a,
                            s,
                            layout,
                            a not in figure_cols,
                            {own_col(x) for j in run_of[k] for x in rows[j] if x is not s},
                            band_figures(k),
                        )
                        if merged is not None and not any(
                            not (merged[1] < t0 or merged[0] > t1) for t0, t1 in taken
                        ):
                            a, b = merged
                else:
                    a, b = left_span(k, s, taken)
                taken.append((a, b))
                spans.setdefault(r, []).append((r, (a, b), s))
                cells.append(_cell(r, n_labels + a, b - a + 1, [s]))
            continue
        for col, block in sorted(attached.get(k, []), key=lambda x: x[0]):
            cells.append(_cell(r, col, 1, block))
        for s in ln:
            if s in unsure and unsure[s][0] == unsure[s][1]:
                cells.append(_cell(r, n_labels + unsure[s][0], 1, [s]))
            elif s in unsure and _under_merged_heading(s, unsure[s], ln, layout, spans, r):
                a, b = unsure[s]
                cells.append(_cell(r, n_labels + a, b - a + 1, [s]))
            elif s in unsure:
                a, b = unsure[s]
                between.append(_cell(r, n_labels + a, b - a + 1, [s]))
            elif not in_labels(s):
                cells.append(_cell(r, layout.value_col(layout.figure(s)), 1, [s]))
    # A slot a figure between two columns may belong to is printed empty
    # there, unless its own figure fills it: the row is printed, its figure
    # not placed.
    filled = {(c.row, c.col) for c in cells}
    xs = layout.xs
    for u in between:
        for v in range(u.col, u.col + u.colspan):
            if (u.row, v) not in filled:
                filled.add((u.row, v))
                cells.append(
                    PieceCell(u.row, v, 1, 1, "", (xs[v], u.bbox[1], xs[v + 1], u.bbox[3]))
                )
    cells = _unique(cells)
    if not cells:
        return None
    # The printed text's extent (a blank row's empty cells reach the columns'
    # boundaries, and the table's edges must agree across a page break).
    printed = [c for c in cells if c.text] or cells
    left = carried.left if carried else min(c.bbox[0] for c in printed)
    right = carried.right if carried else max(c.bbox[2] for c in printed)
    cut = sum(1 for x in order if not x[0])  # grid rows on the page before
    pieces = []
    for page, first_row, end_row in ((page_no - 1, 0, cut), (page_no, cut, len(order))):
        mine = [c._replace(row=c.row - first_row) for c in cells if first_row <= c.row < end_row]
        if not mine:
            continue
        shown = [c for c in mine if c.text] or mine
        box = (left, min(c.bbox[1] for c in shown), right, max(c.bbox[3] for c in shown))
        ys = tuple(float(r) for r in range(end_row - first_row + 1))
        off = tuple(
            c._replace(row=c.row - first_row) for c in between if first_row <= c.row < end_row
        )
        pieces.append(Piece(page, box, layout.xs, ys, tuple(mine), off))
    return tuple(pieces), layout


def _blank_row_above(
    rows: list[list[Segment]], k: int, in_labels: Callable[[Segment], bool]
) -> bool:
    """Whether line ``k``, above the first figures, is a row printed blank
    rather than a header line: below a line that heads the value columns,
    it prints only in the label columns, and one of its texts is an official
    label (:func:`_is_label`).

    Writer breaks 玉溪 2017's form over pages and prints its header again
    at the top of each; the rows of a page before its first figure ("2.同意
    公开答复数 件", printed blank, down to "四、行政复议数量 件 0") were all
    taken for header lines, the page's piece then headed by no column and
    its figures not placed."""
    headed = any(not in_labels(s) for ln in rows[:k] for s in ln)
    if not headed or not rows[k] or not all(in_labels(s) for s in rows[k]):
        return False
    official = table_words()
    return any(_is_label(s.text, official) for s in rows[k])


def _around_figures(column: list[list[Segment]], mids: list[float]) -> list[list[Segment]]:
    """A label column's blocks, two of them joined into one label when its
    lines stand around one row of figures as far apart as rows.

    Writer sets the lines inside a cell as far apart as its rows: 玉溪
    2017's "（一）主动公开政府信息数（不同渠道和方式公" and "开相同信息计 1
    条）" are 37 points apart, the row's figure 218972 midway between them,
    so each was a row of its own and the figure's row had no label.  Two
    blocks in a row of the column are one label when together they are an
    official label (:func:`_is_label`) and neither alone is, the later starts
    with no numbering of its own, and one row of figures and no other
    stands between them, level with their middle (to a quarter of a
    character): the cell's text centred on its row."""
    official = table_words()
    out: list[list[Segment]] = []
    for block in column:
        if out:
            before = out[-1]
            size = block[0].size
            middle = (before[0].top + block[-1].bottom) / 2
            inside = [m for m in mids if before[-1].bottom < m < block[0].top]
            joined = "".join(s.text for s in [*before, *block])
            if (
                len(inside) == 1
                and abs(inside[0] - middle) <= size / 4
                and not label_key(block[0].text).code
                and _is_label(joined, official)
                and not _is_label("".join(s.text for s in before), official)
                and not _is_label("".join(s.text for s in block), official)
            ):
                out[-1] = [*before, *block]
                continue
        out.append(block)
    return out


def _anchors(rows: list[list[Segment]]) -> int:
    """How many distinct official labels ``rows`` hold."""
    official = table_words()
    return len({label_key(s.text).words for ln in rows for s in ln if _is_label(s.text, official)})


def _under_merged_heading(
    seg: Segment,
    between: tuple[int, int],
    line: list[Segment],
    layout: _Layout,
    spans: dict[int, list[tuple[int, tuple[int, int], Segment]]],
    row: int,
) -> bool:
    """Whether figure ``seg``, standing between value columns ``between``
    (:func:`unsure_figures`), is the one figure of a cell merged over both:
    2019's 采购总金额 (or 本年增/减 of 行政事业性收费) printed as one cell over
    the two columns other blocks head 本年增/减 and 处理决定数量, its heading
    set flush left and its figure centred in the merged cell.

    :func:`unsure_figures` judges a figure against the columns of the whole
    table; the heading of the figure's own block says more.  It is that
    cell when the last header line above the figure's row has one heading
    spanning exactly those columns (:func:`_span_left` spans a heading over
    the columns its block heads nothing in), the figure is centred on them
    (between the two columns' centres, to 0.35 of the columns' spacing, as
    :func:`_merged_over` asks of a centred heading), and no other figure
    of its row stands on them.  The columns may have one between them that
    only this figure makes (a figure alone, under no heading of its own,
    clusters into a column of its own that counts for none).  Anything else
    stays unsure."""
    a, b = between
    above = [k for k in spans if k < row]
    if not above or b <= a:
        return False
    if not any(span == (a, b) for _, span, _ in spans[max(above)]):
        return False
    c = layout.value_centres
    spacing = min((y - x for x, y in itertools.pairwise(c)), default=0.0)
    if abs((c[a] + c[b]) / 2 - seg.centre) > 0.35 * spacing:
        return False
    others = [x for x in line if x is not seg and _is_figure(x) and x.x1 > layout.value_left]
    low, high = c[a] - spacing / 2, c[b] + spacing / 2
    return not any(low < x.centre < high for x in others)


def _cell(row: int, col: int, colspan: int, segs: list[Segment]) -> PieceCell:
    bbox: BBox = (
        min(s.x0 for s in segs),
        min(s.top for s in segs),
        max(s.x1 for s in segs),
        max(s.bottom for s in segs),
    )
    return PieceCell(row, col, 1, colspan, "".join(s.text for s in segs), bbox)


def _unique(cells: list[PieceCell]) -> list[PieceCell]:
    """Two texts in one slot (a label and a stray word) are one cell, read in order."""
    by_slot: dict[tuple[int, int], PieceCell] = {}
    for c in cells:
        old = by_slot.get((c.row, c.col))
        if old is None:
            by_slot[(c.row, c.col)] = c
            continue
        by_slot[(c.row, c.col)] = old._replace(
            text=old.text + c.text,
            colspan=max(old.colspan, c.colspan),
            bbox=(
                min(old.bbox[0], c.bbox[0]),
                min(old.bbox[1], c.bbox[1]),
                max(old.bbox[2], c.bbox[2]),
                max(old.bbox[3], c.bbox[3]),
            ),
        )
    return sorted(by_slot.values(), key=lambda c: (c.row, c.col))


def text_tables(
    page_no: int, groups: Sequence[Sequence[dict[str, Any]]], carried: Carried | Foot | None = None
) -> tuple[list[Piece], set[int], list[list[dict[str, Any]]], Carried | Foot | None]:
    """The tables set by text position among a page's lines of characters
    (top to bottom), the indices of the lines they take, the characters of
    those lines set beside the tables (:func:`_beside`: text of the page,
    not of a table), and what to carry to the next page: the page's last
    table when nothing but single lines follows it (a page number, a
    footer), or a table's header left alone at the foot of the page
    (:class:`Foot`).

    A :class:`Foot` from the page before that the top of this page goes on
    with comes back as a piece of the page before (the first returned)."""
    lines = [segments(g) for g in groups]
    gaps = _column_gaps(lines)
    if gaps:
        lines = [split_at_columns(g, gaps) or ln for g, ln in zip(groups, lines, strict=True)]
    keep = [k for k, ln in enumerate(lines) if ln]
    pieces: list[Piece] = []
    used: set[int] = set()
    beside: list[list[dict[str, Any]]] = []
    last: Carried | None = None
    end = 0
    at_top = 0 if isinstance(carried, Foot) else 1 if carried is not None else 3
    for a, b in _regions([lines[k] for k in keep], at_top):
        head = list(carried.rows) if isinstance(carried, Foot) and a == 0 else []
        going_on = carried if a == 0 and isinstance(carried, Carried) else None
        taken = [keep[k] for k in range(a, b)]
        start = _beside([*head, *(lines[k] for k in taken)], going_on)
        aside: list[list[dict[str, Any]]] = []
        if start is not None:
            for k in taken:
                out = [s for s in lines[k] if s.x0 > start]
                if out:
                    aside.append([c for c in groups[k] if c["x0"] >= out[0].x0])
            taken = [k for k in taken if any(s.x0 <= start for s in lines[k])]
        rows = [[s for s in lines[k] if start is None or s.x0 <= start] for k in taken]
        if head:
            before_page = carried.carried if isinstance(carried, Foot) else None
            again = None
            if before_page is not None and _header_again(head, before_page):
                again = before_page.layout
            found = _piece(page_no, [*head, *rows], before=len(head), columns=again)
        else:
            found = _piece(page_no, rows, going_on)
        if found is not None:
            cut, layout = found
            pieces += cut
            used.update(taken)
            beside += aside
            last = Carried(layout, cut[-1].bbox[0], cut[-1].bbox[2], _head([*head, *rows]))
            end = b
    rest = range(end, len(keep))
    if last is not None and any(len(lines[keep[k]]) >= 2 for k in rest):
        last = None
    if last is None:
        before = carried if isinstance(carried, Carried) and not pieces else None
        return pieces, used, beside, _foot(page_no, [lines[k] for k in keep], keep, end, before)
    return pieces, used, beside, last


def _beside(rows: list[list[Segment]], carried: Carried | None) -> float | None:
    """Where text set beside a table begins (x), or None when there is none.

    A page printed from a portal may set its side column (附件下载, links,
    a QR code's caption) beside a table with no rules, on the same lines as
    the table's rows.  A table's columns are where its figures stand and
    what its header heads: text on the table's lines from its first row of
    figures on that begins right of every figure and of every heading
    above them (and of the table it continues, :class:`Carried`), a
    column's gap clear of them, and is no figure itself, heads nothing and
    is in no cell: it is the page's text, not the table's.  A column
    printed blank on every row is still the table's, by its heading."""
    data = [k for k, ln in enumerate(rows) if any(_is_figure(s) for s in ln)]
    if not data:
        return None
    figures = [s for ln in rows for s in ln if _is_figure(s)]
    heads = [s for ln in rows[: data[0]] for s in ln]
    edge = max(s.x1 for s in (*figures, *heads))
    if carried is not None:
        edge = max(edge, carried.right)
    start = edge + _GAP * float(median(s.size for s in figures))
    if any(s.x0 > start for ln in rows[data[0] :] for s in ln):
        return start
    return None


def _foot(
    page_no: int,
    lines: list[list[Segment]],
    keep: list[int],
    end: int,
    carried: Carried | None = None,
) -> Foot | None:
    """The page's last run of lines in columns after its tables (from line
    ``end``) when it holds no figure but at least three official labels and
    nothing but single lines (a page number, a footer) follows it: a
    table's header cut off from its figures by the page break."""
    runs = [r for r in _runs(lines) if r.start >= end]
    if not runs:
        return None
    run = runs[-1]
    if run.figures or run.anchors < 3 or any(len(ln) >= 2 for ln in lines[run.end :]):
        return None
    rows = lines[run.start : run.end]
    return Foot(
        page_no,
        rows,
        frozenset(keep[k] for k in range(run.start, run.end)),
        max(s.bottom for s in rows[-1]),
        carried if run.start == 0 else None,
    )
