"""A PDF page's text layer taken apart: its ruled tables and its lines of text.

A ruled table is what its drawn rules enclose.  Word processors (WPS, Word)
also paint white or tinted *filled* boxes behind paragraphs; taken as rules
they make every paragraph a one-column "table".  So only what a reader sees
as a rule counts: stroked lines, curves and rectangles, and filled
rectangles and shapes thin enough to be a line (≤ 2 pt) in a colour that
is not white.  A browser printing a ``<table border="1">`` paints each side
of a cell as such a filled shape: a rectangle, or a four-point path
bevelled where a light side meets a dark one.

Each cell's text is read from the characters whose centre lies in it,
found by bisection on the table's row and column boundaries (no cropping
of the page per cell, which is what makes pdfplumber's own ``extract()``
slow).  Characters outside every table become lines of text, in reading
order, each with its font size and position.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from itertools import pairwise
from statistics import median
from typing import Any, NamedTuple

from pdfplumber.page import Page as PlumberPage
from pdfplumber.table import DEFAULT_SNAP_TOLERANCE

from govdisclosure_html.text import struck

__all__ = [
    "BBox",
    "Line",
    "Piece",
    "PieceCell",
    "line_groups",
    "lines_of",
    "read_page",
    "struck_through",
    "text_of",
]

BBox = tuple[float, float, float, float]

#: Boundaries closer than this (points) are one boundary.
_SNAP = 2.0


class PieceCell(NamedTuple):
    """One drawn cell of a table piece: its slot range and its text."""

    row: int
    col: int
    rowspan: int
    colspan: int
    text: str
    bbox: BBox


class Piece(NamedTuple):
    """One ruled table as drawn on one page (a table may continue on the next)."""

    page: int
    bbox: BBox
    #: Column boundaries (x) and row boundaries (y), left to right, top to bottom.
    xs: tuple[float, ...]
    ys: tuple[float, ...]
    cells: tuple[PieceCell, ...]
    #: Figures of a table set without rules whose column is not sure (between
    #: two columns, :func:`.textgrid.unsure_figures`): each a cell spanning the
    #: two columns it stands between, kept out of the grid and reported.
    unsure: tuple[PieceCell, ...] = ()


class Line(NamedTuple):
    """One line of text outside the tables."""

    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    text: str


def _is_rule(obj: dict[str, Any]) -> bool:
    kind = obj.get("object_type")
    if kind == "char":
        return False
    if obj.get("stroke"):
        return True
    if kind in ("rect", "curve") and obj.get("fill"):
        thin = min(float(obj["width"]), float(obj["height"])) <= 2.0
        colour = obj.get("non_stroking_color")
        white = colour in ((1,), (1.0,), (1, 1, 1), (1.0, 1.0, 1.0), (0, 0, 0, 0), [1.0])
        return thin and not white
    return False


def _snap(values: Iterable[float]) -> tuple[float, ...]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > _SNAP:
            out.append(v)
    return tuple(out)


def _index(bounds: Sequence[float], v: float) -> int:
    """The boundary nearest to ``v``."""
    i = bisect.bisect_left(bounds, v)
    if i == 0:
        return 0
    if i == len(bounds):
        return len(bounds) - 1
    return i if bounds[i] - v < v - bounds[i - 1] else i - 1


def _text_lines(chars: Sequence[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Characters as lines, top to bottom, each sorted left to right."""
    lines: list[list[dict[str, Any]]] = []
    for ch in sorted(chars, key=lambda c: (c["top"] + c["bottom"]) / 2):
        mid = (ch["top"] + ch["bottom"]) / 2
        if lines:
            last = lines[-1][0]
            if abs(mid - (last["top"] + last["bottom"]) / 2) <= 0.4 * max(last["size"], 1.0):
                lines[-1].append(ch)
                continue
        lines.append([ch])
    for line in lines:
        line.sort(key=lambda c: c["x0"])
    return lines


def _text(chars: Sequence[dict[str, Any]]) -> str:
    """Characters as lines (top to bottom), each left to right; lines joined by
    ``\\n``; a space where the gap between two characters is a space wide."""
    if not chars:
        return ""
    out: list[str] = []
    for line in _text_lines(chars):
        parts: list[str] = []
        prev: dict[str, Any] | None = None
        size = max(float(c["size"]) for c in line)
        base = max(float(c["bottom"]) for c in line if float(c["size"]) == size)
        for ch in line:
            text = ch["text"]
            if prev is not None:
                if abs(ch["x0"] - prev["x0"]) < 0.5 and text == prev["text"]:
                    continue  # the same glyph drawn twice (fake bold)
                gap = ch["x0"] - prev["x1"]
                if gap > 0.15 * max(ch["size"], 1.0) and text != " " and parts[-1] != " ":
                    parts.append(" ")
                if _raised_mark(ch, prev, size, base):
                    text = text.translate(_SUPERSCRIPT)
            parts.append(text)
            prev = ch
        out.append("".join(parts).strip())
    return "\n".join(x for x in out if x)


text_of = _text

#: Digits as their superscript characters (a footnote mark as printed).
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _raised_mark(ch: dict[str, Any], prev: dict[str, Any], size: float, base: float) -> bool:
    """A digit set smaller and raised after a digit: a footnote mark after a
    figure ("81" and a raised "1", as a word processor prints ``<sup>1</sup>``),
    which read on the line would make the figure 811.  Written as its
    superscript character, the text says what was printed, and the figure
    is refused (:func:`govdisclosure_html.text.read_number`), never read."""
    return (
        str(ch["text"]).isdigit()
        and (str(prev["text"]).isdigit() or str(prev["text"]) in "⁰¹²³⁴⁵⁶⁷⁸⁹")
        and float(ch["size"]) <= 0.85 * size
        and float(ch["bottom"]) < base - 0.15 * size
    )


def _turn(box: BBox, rotation: int) -> BBox:
    """A page box in the frame of a table set turned on the page: text that
    runs up the page (``rotation`` 90) reads left to right with ``x = -top``
    and lines going down with ``top = x``; text that runs down (-90) the other way."""
    x0, top, x1, bottom = box
    if rotation == 90:
        return (-bottom, x0, -top, x1)
    if rotation == -90:
        return (top, -x1, bottom, -x0)
    return box


def _rotation(chars: Sequence[dict[str, Any]]) -> int:
    """90 when most characters run up the page, -90 down, 0 upright."""
    turned = [c for c in chars if not c.get("upright", True) and c["text"].strip()]
    if 2 * len(turned) <= len([c for c in chars if c["text"].strip()]):
        return 0
    up = sum(1 for c in turned if float(c["matrix"][1]) > 0)
    return 90 if 2 * up >= len(turned) else -90


def _turn_char(ch: dict[str, Any], rotation: int) -> dict[str, Any]:
    x0, top, x1, bottom = _turn((ch["x0"], ch["top"], ch["x1"], ch["bottom"]), rotation)
    return {**ch, "x0": x0, "top": top, "x1": x1, "bottom": bottom}


def _piece(
    page_no: int,
    table: Any,
    chars: list[dict[str, Any]],
    spill: Sequence[dict[str, Any]] = (),
) -> Piece | None:
    """One table piece, or None when it is a box drawn around a table set
    without rules (:func:`_in_columns`).  A table set turned on the page (our own renderer turns
    a wide table 4) is read in its own frame; boxes stay in page coordinates.
    ``spill``: characters printed below a cut cell of the last row, its text
    (:func:`_spilled`)."""
    page_boxes: list[BBox] = [tuple(map(float, c)) for c in table.cells]  # type: ignore[misc]
    rotation = _rotation(chars)
    if rotation:
        chars = [_turn_char(c, rotation) for c in chars]
    boxes = [_turn(b, rotation) for b in page_boxes]
    xs = _snap(v for b in boxes for v in (b[0], b[2]))
    ys = _snap(v for b in boxes for v in (b[1], b[3]))
    slots: dict[tuple[int, int], int] = {}
    spans: list[tuple[int, int, int, int]] = []
    for k, b in enumerate(boxes):
        c0, c1 = _index(xs, b[0]), _index(xs, b[2])
        r0, r1 = _index(ys, b[1]), _index(ys, b[3])
        spans.append((r0, c0, max(1, r1 - r0), max(1, c1 - c0)))
        for r in range(r0, max(r0 + 1, r1)):
            for c in range(c0, max(c0 + 1, c1)):
                slots.setdefault((r, c), k)
    inside: list[list[dict[str, Any]]] = [[] for _ in boxes]
    for ch in chars:
        x = (ch["x0"] + ch["x1"]) / 2
        y = (ch["top"] + ch["bottom"]) / 2
        c = bisect.bisect_right(xs, x) - 1
        r = bisect.bisect_right(ys, y) - 1
        hit = slots.get((r, c))
        if hit is not None:
            inside[hit].append(ch)
    for ch in spill:  # upright only: below the last row, in the column they run down
        hit = slots.get((len(ys) - 2, bisect.bisect_right(xs, (ch["x0"] + ch["x1"]) / 2) - 1))
        if hit is not None:
            inside[hit].append(ch)
    texts = [_wrapped_figure(held, boxes[k]) or _text(held) for k, held in enumerate(inside)]
    if any(
        "\n" in t and " " in t and _in_columns(held) for t, held in zip(texts, inside, strict=True)
    ):
        return None
    cells = tuple(
        PieceCell(r, c, rs, cs, texts[k], page_boxes[k])
        for k, (r, c, rs, cs) in sorted(enumerate(spans), key=lambda x: (x[1][0], x[1][1]))
    )
    return Piece(page_no, tuple(map(float, table.bbox)), xs, ys, cells)  # type: ignore[arg-type]


#: What a figure's line may hold: digits, a thousands separator, a decimal point.
_FIGURE_CHARS = frozenset("0123456789,.")


def _wrapped_figure(chars: Sequence[dict[str, Any]], box: BBox) -> str | None:
    """A figure a word processor broke over lines because its cell is too
    narrow for it, as one line ("17699" over "2" in a cell 31 pt wide:
    "176992"); None for anything else.

    A browser lets a figure run past its cell; an office suite (LibreOffice
    exporting a Word file) breaks it where the cell's right edge falls, even
    inside a run of digits.  Read line by line such a cell has white space
    inside the figure, and is refused.  It is one figure when every line is
    digits alone (a separator or point among them) and every line but the
    last ends where the next line's first character would not fit before
    the cell's edge, less the padding the line keeps on its left (a figure
    that ends short of the edge was broken by whoever typed it: two
    figures, refused as before)."""
    if len(chars) < 2:
        return None
    lines = _text_lines(chars)
    if len(lines) < 2:
        return None
    texts = ["".join(c["text"] for c in line) for line in lines]
    if not all(t and set(t) <= _FIGURE_CHARS for t in texts):
        return None
    for line, after in pairwise(lines):
        pad = min(max(float(line[0]["x0"]) - box[0], 0.0), float(after[0]["x1"] - after[0]["x0"]))
        room = box[2] - pad
        if float(line[-1]["x1"]) + float(after[0]["x1"] - after[0]["x0"]) <= room:
            return None
    return "".join(texts)


def _in_columns(chars: Sequence[dict[str, Any]]) -> bool:
    """Whether a cell's text is a table set without rules: on two lines or
    more, a gap wider than a character between two of a line's characters.

    A word processor's table with its outer border only, or a browser's
    ``<table border="1">`` whose cells have no borders of their own, draws a
    box around the whole table: one drawn "cell" holding every row
    (the 2009 page of the 平潭 公安局, the box closed where a page break
    leaves it open, a button drawn beside it one more cell).  Such a box is
    no ruled table; its text is read by position (:mod:`.textgrid`)."""
    lines = 0
    for line in line_groups(list(chars)):
        line.sort(key=lambda c: float(c["x0"]))
        if any(
            float(b["x0"]) - float(a["x1"]) > max(float(a["size"]), float(b["size"]), 1.0)
            for a, b in pairwise(line)
            if a["text"].strip() and b["text"].strip()
        ):
            lines += 1
            if lines >= 2:
                return True
    return False


def _within(ch: dict[str, Any], box: BBox) -> bool:
    x = (float(ch["x0"]) + float(ch["x1"])) / 2
    y = (float(ch["top"]) + float(ch["bottom"])) / 2
    return box[0] - 1 <= x <= box[2] + 1 and box[1] - 1 <= y <= box[3] + 1


def line_groups(chars: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Characters grouped into lines of text, top to bottom."""
    groups: list[list[dict[str, Any]]] = []
    for ch in sorted(chars, key=lambda c: ((c["top"] + c["bottom"]) / 2, c["x0"])):
        mid = (ch["top"] + ch["bottom"]) / 2
        if groups:
            first = groups[-1][0]
            if abs(mid - (first["top"] + first["bottom"]) / 2) <= 0.4 * max(first["size"], 1.0):
                groups[-1].append(ch)
                continue
        groups.append([ch])
    return groups


def lines_of(page_no: int, groups: Sequence[list[dict[str, Any]]]) -> list[Line]:
    """The :class:`Line` of each group of characters that prints something."""
    out: list[Line] = []
    for g in groups:
        text = _text(g)
        if not text:
            continue
        visible = [c for c in g if c["text"].strip()]
        out.append(
            Line(
                page_no,
                min(c["x0"] for c in visible),
                max(c["x1"] for c in visible),
                min(c["top"] for c in g),
                max(c["bottom"] for c in g),
                float(median(c["size"] for c in visible)),
                text,
            )
        )
    return out


def _open_ends(
    rules: Iterable[dict[str, Any]], chars: Sequence[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The rules a table broken over pages lacks at the page's edge.

    A browser that breaks a table between two rows prints the rule between
    them once, at the foot of the page before: the row at the top of the
    next page stands between its column rules with no rule above it (and
    the page before may end in column rules under no rule below).  Where the
    vertical rules that reach highest (or lowest) on the page end together,
    two or more, with no horizontal rule there and text between them and
    the nearest horizontal rule, that end is closed by a rule across them:
    the row is read as the row it is, not left as loose text.  Each column
    is judged by the rule nearest the end across it: heads cut by the break
    stand under their own rules while a neighbour that fit whole is ruled
    under, an empty band below it.

    A stretch no horizontal rule crosses anywhere on the page is a merged
    cell running through it (四、本年度办理结果 beside a page of rows that
    start and end on the page): where rules stand unbroken along both its
    sides from the top end to the bottom end, it is closed at each end
    where the table's edge is ruled elsewhere, so that the page's piece
    keeps its first column (the piece of the page before and this one then
    share their left edge and are joined again).  Such a cell may print
    nothing: its text is on the page where it began."""
    # Thin drawn objects by their boxes (no edges made: this runs on every page).
    verticals: list[dict[str, Any]] = []
    horizontals: list[dict[str, Any]] = []
    for obj in rules:
        width, height = (
            float(obj["x1"]) - float(obj["x0"]),
            float(obj["bottom"]) - float(obj["top"]),
        )
        if width <= _SNAP < height / 2:
            verticals.append(obj)
        elif height <= _SNAP < width / 2:
            horizontals.append(obj)
    if len(verticals) < 2 or not horizontals:
        return []
    out: list[dict[str, Any]] = []
    # Stretches no horizontal rule crosses anywhere on the page, by end:
    # a merged cell (四、本年度办理结果) that runs through the whole page.
    through: dict[str, list[tuple[float, float]]] = {}
    edges: dict[str, float] = {}
    #: The ends where some stretch is ruled (drawn or closed above): a table's edge.
    ruled: set[str] = set()
    for end, inward in (("top", 1.0), ("bottom", -1.0)):
        edge = min(inward * float(e[end]) for e in verticals) * inward
        ending = [e for e in verticals if abs(float(e[end]) - edge) <= _SNAP]
        if len(ending) < 2:
            continue
        edges[end] = edge
        left = min(float(e["x0"]) for e in ending)
        right = max(float(e["x1"]) for e in ending)
        # The stretches of the edge no rule runs along: all of it, or the
        # columns of a row cut by the break whose cells (a merged head over
        # two rows, say) go on from the page before while their neighbours
        # start afresh under a rule of their own.
        drawn = sorted(
            (float(h["x0"]), float(h["x1"]))
            for h in horizontals
            if abs(float(h["top"]) - edge) <= _SNAP
        )
        if drawn:
            ruled.add(end)
        for x0, x1 in _open_stretches(left, right, drawn):
            if not _rules_across(horizontals, x0, x1, edge, inward):
                through.setdefault(end, []).append((x0, x1))
                continue
            # Each column of the stretch by the rule nearest the edge across
            # it: a head cut by the break stands under its own rule, while
            # its neighbours may fit whole, ruled under, an empty band below.
            bounds = _snap([x0, x1, *(float(e["x0"]) for e in ending if x0 < float(e["x0"]) < x1)])
            if not any(
                _text_between(horizontals, chars, a, b, edge, inward) for a, b in pairwise(bounds)
            ):
                if drawn and inward > 0 and abs(x0 - left) <= _SNAP:
                    out.extend(_empty_merged(verticals, horizontals, bounds, edge))
                continue
            out.append(_rule_across(x0, x1, edge))
            ruled.add(end)
    if "top" in edges and "bottom" in edges:
        for end in ("top", "bottom"):
            for x0, x1 in through.get(end, ()) if end in ruled else ():
                if _runs_through(verticals, x0, x1, edges["top"], edges["bottom"]):
                    out.append(_rule_across(x0, x1, edges[end]))
    return out


def _empty_merged(
    verticals: Sequence[dict[str, Any]],
    horizontals: Sequence[dict[str, Any]],
    bounds: Sequence[float],
    edge: float,
) -> list[dict[str, Any]]:
    """Rules closing, at the top of the page, the columns of an open stretch
    that are empty merged cells going on from the page before: a group label
    (三、本年度办理结果, （三）不予公开) whose text is on the page where it
    began, beside rows that start afresh under their own rules.  The stretch
    starts at the table's left edge, and a column of it is one when rules
    stand at both its sides unbroken from the page's top edge down to the
    nearest rule across it (the cell's foot) while rows beside the stretch
    end above that foot (a rule to its right between the two): it is closed
    at the top, so that the page's piece keeps its first columns and is
    joined to the piece of the page before (their left edges then agree).
    A band under heads cut by the break, as high as its neighbours' row, is
    no such cell: nothing is closed there."""
    out: list[dict[str, Any]] = []
    right = bounds[-1]
    for a, b in pairwise(bounds):
        across = _rules_across(horizontals, a, b, edge, 1.0)
        if not across:
            continue
        foot = min(across)
        rows_beside = any(
            float(h["x0"]) >= right - _SNAP and edge + _SNAP < float(h["top"]) < foot - _SNAP
            for h in horizontals
        )
        if rows_beside and _runs_through(verticals, a, b, edge, foot):
            out.append(_rule_across(a, b, edge))
    return out


def _rules_across(
    horizontals: Sequence[dict[str, Any]], x0: float, x1: float, edge: float, inward: float
) -> list[float]:
    """The heights of the rules crossing the stretch ``x0``–``x1`` inside
    the page's ``edge`` (``inward``: 1 from the top, -1 from the foot)."""
    return [
        float(h["top"])
        for h in horizontals
        if float(h["x0"]) < x1 - _SNAP
        and float(h["x1"]) > x0 + _SNAP
        and inward * float(h["top"]) > inward * edge + _SNAP
    ]


def _text_between(
    horizontals: Sequence[dict[str, Any]],
    chars: Sequence[dict[str, Any]],
    x0: float,
    x1: float,
    edge: float,
    inward: float,
) -> bool:
    """Whether text stands in the column ``x0``–``x1`` between the page's
    ``edge`` and the nearest rule across the column (``inward``: 1 from the
    top, -1 from the foot); False where no rule crosses it."""
    across = _rules_across(horizontals, x0, x1, edge, inward)
    if not across:
        return False
    nearest = min(across, key=lambda y: inward * y)
    low, high = sorted((edge, nearest))
    return any(
        x0 <= (c["x0"] + c["x1"]) / 2 <= x1 and low < (c["top"] + c["bottom"]) / 2 < high
        for c in chars
        if c["text"].strip()
    )


def _rule_across(x0: float, x1: float, y: float) -> dict[str, Any]:
    """A horizontal rule from ``x0`` to ``x1`` at ``y``, as pdfplumber gives one."""
    return {
        "object_type": "line",
        "x0": x0,
        "x1": x1,
        "top": y,
        "bottom": y,
        "width": x1 - x0,
        "height": 0.0,
    }


def _runs_through(
    verticals: Sequence[dict[str, Any]], x0: float, x1: float, top: float, bottom: float
) -> bool:
    """Whether vertical rules stand at both ``x0`` and ``x1`` unbroken from
    ``top`` to ``bottom``: the stretch between them is one cell cut by the
    page breaks above and below it (a merged cell running through the page
    while the rows beside it start and end on it), closed at each end."""

    def unbroken(x: float) -> bool:
        at = top
        for v in sorted(
            (v for v in verticals if abs(float(v["x0"]) - x) <= _SNAP),
            key=lambda v: float(v["top"]),
        ):
            if float(v["top"]) > at + _SNAP:
                return False
            at = max(at, float(v["bottom"]))
        return at >= bottom - _SNAP

    return unbroken(x0) and unbroken(x1)


def _open_stretches(
    left: float, right: float, drawn: Sequence[tuple[float, float]]
) -> list[tuple[float, float]]:
    """The parts of ``left``–``right`` that no interval of ``drawn`` (sorted) covers
    (a few points of play at each end)."""
    out: list[tuple[float, float]] = []
    at = left
    for x0, x1 in drawn:
        if x0 > at + 2 * _SNAP:
            out.append((at, min(x0, right)))
        at = max(at, x1)
    if right > at + 2 * _SNAP:
        out.append((at, right))
    return out


def read_page(
    page: PlumberPage, page_no: int
) -> tuple[list[Piece], list[list[dict[str, Any]]], int]:
    """The ruled tables of one page, the characters outside them as lines
    (top to bottom), and the page's number of characters."""
    ruled = page.filter(_is_rule)
    chars = struck_through(
        page.chars, (o for kind in ("rect", "line", "curve") for o in ruled.objects.get(kind, ()))
    )
    closing = _open_ends(
        (o for kind in ("rect", "line", "curve") for o in ruled.objects.get(kind, ())), chars
    )
    found = _tables(ruled, closing)
    # Thin upright drawn objects, (x0, x1, top, bottom), by x0: the column rules.
    verticals = sorted(
        rule
        for kind in ("rect", "line", "curve")
        for o in ruled.objects.get(kind, ())
        if (rule := (float(o["x0"]), float(o["x1"]), float(o["top"]), float(o["bottom"])))
        and rule[1] - rule[0] <= _SNAP < rule[3] - rule[2]
    )
    tables = [_boxes_cut(_on_its_rules(t, verticals)) for t in found if len(t.cells) >= 2]
    pieces: list[Piece] = []
    rest = chars
    for t in sorted(tables, key=lambda t: t.bbox[1]):
        box: BBox = tuple(map(float, t.bbox))  # type: ignore[assignment]
        mine = [c for c in rest if _within(c, box)]
        others = [c for c in rest if not _within(c, box)]
        cut = [c for c in closing if abs(float(c["top"]) - box[3]) <= _SNAP]
        spill = _spilled(t, mine, others, cut) if cut else []
        piece = _piece(page_no, t, mine, spill)
        if piece is None:
            continue  # a box around a table set without rules: its text is read by position
        rest = others
        if spill:
            ids = {id(c) for c in spill}
            rest = [c for c in rest if id(c) not in ids]
        pieces.append(piece)
    return pieces, line_groups(rest), len(chars)


def _bands(rules: Iterable[dict[str, Any]]) -> list[tuple[float, float]]:
    """The heights (top, bottom) of the page's groups of rules: rules whose
    heights overlap or meet (within :data:`_SNAP`) are one group; a band of
    the page that no rule reaches into (where text between two tables
    stands) parts two groups.  The text itself is not read."""
    bands: list[list[float]] = []
    for top, bottom in sorted((float(o["top"]), float(o["bottom"])) for o in rules):
        if bands and top <= bands[-1][1] + _SNAP:
            bands[-1][1] = max(bands[-1][1], bottom)
        else:
            bands.append([top, bottom])
    return [(a, b) for a, b in bands]


def _tables(ruled: Any, closing: Sequence[dict[str, Any]]) -> list[Any]:
    """The ruled tables of a page, found group of rules by group (:func:`_bands`).

    pdfplumber snaps every rule of the page to rules within 3 pt of it, of
    whatever table: the right edge of a table at 347 pt and a column rule of
    the next table at 350 pt become one x, and neither table's cells close
    there (a table 2 printed as four tables, one per block, over table 3:
    the first block read as one box).  Rules parted by a band no rule
    reaches into belong to different tables and are never snapped together."""
    objects = [o for kind in ("rect", "line", "curve") for o in ruled.objects.get(kind, ())]
    bands = _bands(objects)
    if len(bands) <= 1:
        return list(ruled.find_tables({"explicit_horizontal_lines": closing} if closing else None))
    x0, _, x1, _ = ruled.bbox
    found: list[Any] = []
    for top, bottom in bands:
        band = ruled.within_bbox((x0, top - _SNAP, x1, bottom + _SNAP))
        mine = [c for c in closing if top - _SNAP <= float(c["top"]) <= bottom + _SNAP]
        found.extend(band.find_tables({"explicit_horizontal_lines": mine} if mine else None))
    return found


def struck_through(
    chars: Iterable[dict[str, Any]], rules: Iterable[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The characters, each digit a drawn line crosses at its middle height written
    struck (:func:`govdisclosure_html.text.struck`).

    A word processor draws struck text (``<strike>``, ``<del>``, Word's
    strike) as a line through the glyphs, not as a mark of the text: read
    from the text layer alone, a struck "80" before "81" is 8081.  A thin
    level line (at most :data:`_SNAP` high) over a digit's centre, inside
    its box clear of the top fifth and above its baseline (an underline runs
    on or below it), strikes the digit: the cell is refused and reported,
    as the Word and HTML importers refuse a struck run, never read."""
    out = list(chars)
    level = [
        (float(o["x0"]), float(o["x1"]), (float(o["top"]) + float(o["bottom"])) / 2)
        for o in rules
        if float(o["bottom"]) - float(o["top"]) <= _SNAP
    ]
    if not level:
        return out
    for k, ch in enumerate(out):
        text = str(ch["text"])
        if not text.isdigit() or not ch.get("upright", True):
            continue
        x = (float(ch["x0"]) + float(ch["x1"])) / 2
        top, bottom = float(ch["top"]), float(ch["bottom"])
        high = bottom - top
        if any(
            x0 <= x <= x1 and top + 0.2 * high < y < bottom - 0.15 * high for x0, x1, y in level
        ):
            out[k] = {**ch, "text": struck(text)}
    return out


class _Found(NamedTuple):
    """A table as pdfplumber found it, its cells' sides put on its own rules."""

    cells: list[BBox]
    bbox: BBox


def _boxes_cut(found: _Found) -> _Found:
    """The table's cells with a box drawn around other cells cut to what it
    holds alone.

    A browser repeating a table's ``<thead>`` on the next page leaves a gap
    under it, and with cells drawn apart (``<table border="1">`` without
    ``cellspacing="0"``) a group label carried over the page break (its box
    open at the top) closes against the head's last rule across the whole
    table: pdfplumber gives a "cell" from the label's left side to the
    table's right edge, down to the label's foot, around the rows' own
    cells.  Such a box is no cell.  The part of it left of every cell inside
    it (the group label's own box, as high as the box) is kept when it is
    wider than :data:`_SNAP`; a box around cells with nothing of its own on
    their left is dropped."""
    boxes = found.cells
    out: list[BBox] = []
    changed = False
    for box in boxes:
        inner = [
            b
            for b in boxes
            if b is not box
            and b[0] >= box[0] - _SNAP
            and b[2] <= box[2] + _SNAP
            and b[1] >= box[1] - _SNAP
            and b[3] <= box[3] + _SNAP
            and b[0] < box[2] - _SNAP
            and b[2] > box[0] + _SNAP
            and b[1] < box[3] - _SNAP
            and b[3] > box[1] + _SNAP
            and (b[2] - b[0]) * (b[3] - b[1]) < (box[2] - box[0]) * (box[3] - box[1])
        ]
        if not inner:
            out.append(box)
            continue
        changed = True
        left = min(b[0] for b in inner)
        if left - box[0] > _SNAP:
            out.append((box[0], box[1], left, box[3]))
    return _Found(out, found.bbox) if changed else found


#: How far pdfplumber moves a rule's edges when it snaps them together
#: (its ``snap_x_tolerance``: the default, which :func:`read_page` keeps).
_PLUMBER_SNAP = float(DEFAULT_SNAP_TOLERANCE)


def _on_its_rules(table: Any, verticals: Sequence[BBox]) -> _Found:
    """The table's cells with each column boundary on a rule the table draws.

    pdfplumber snaps the vertical edges of the whole page together, in
    chains: edges within its snap tolerance of each other become one, at
    their mean, and the chain may run from one table's rule on to another
    table's rule a few points away (a bevelled side and a rule drawn beside
    it give three edges 0.75 pt apart).  A boundary of one table is then set
    off every rule that table draws (table 4 on A5 under table 3 of the
    same page: 292.5 moved to 296.6, where table 3 draws its rule), and the
    same table on the next page, drawn alike, no longer lines up with it.
    Snapping moves an edge by at most the tolerance from the rule it came
    from; a boundary farther than that from every rule drawn within the
    table's height is put back at the middle of the nearest rule drawn
    along its cells' sides (with the rules touching it: a bevelled side and
    its neighbour are one rule), when no other boundary of the table is
    nearer to that rule.  A boundary on its rule is kept as pdfplumber gives it."""
    boxes: list[BBox] = [tuple(map(float, c)) for c in table.cells]  # type: ignore[misc]
    bbox: BBox = tuple(map(float, table.bbox))  # type: ignore[assignment]
    top, bottom = bbox[1], bbox[3]
    own = [v for v in verticals if v[2] < bottom - _SNAP and v[3] > top + _SNAP]  # by x0
    if not own:
        return _Found(boxes, bbox)
    starts = [v[0] for v in own]
    bounds = sorted({v for b in boxes for v in (b[0], b[2])})
    moved: dict[float, float] = {}
    for x in bounds:
        # The rules that may reach x start at most a rule's width and the tolerance left of it.
        near = bisect.bisect_left(starts, x - _SNAP - _PLUMBER_SNAP)
        end = bisect.bisect_right(starts, x + _PLUMBER_SNAP)
        if any(x0 - _PLUMBER_SNAP <= x <= x1 + _PLUMBER_SNAP for x0, x1, _, _ in own[near:end]):
            continue
        sides = [(b[1], b[3]) for b in boxes if x in (b[0], b[2])]
        along = [
            (x0, x1)
            for x0, x1, t, u in own
            if any(min(u, low) - max(t, high) > _SNAP for high, low in sides)
        ]
        if not along:
            continue
        lo, hi = min(along, key=lambda r: abs((r[0] + r[1]) / 2 - x))
        grew = True
        while grew:  # the rules touching it, drawn side by side, are one rule
            grew = False
            for x0, x1 in along:
                if x0 <= hi and x1 >= lo and (x0 < lo or x1 > hi):
                    lo, hi = min(lo, x0), max(hi, x1)
                    grew = True
        middle = (lo + hi) / 2
        if min(bounds, key=lambda b: abs(b - middle)) == x:
            moved[x] = middle
    if not moved:
        return _Found(boxes, bbox)
    cells = [(moved.get(b[0], b[0]), b[1], moved.get(b[2], b[2]), b[3]) for b in boxes]
    return _Found(
        cells,
        (min(c[0] for c in cells), top, max(c[2] for c in cells), bottom),
    )


def _spilled(
    table: Any,
    mine: Sequence[dict[str, Any]],
    rest: Sequence[dict[str, Any]],
    cut: Sequence[dict[str, Any]],
) -> list[dict[str, Any]]:
    """The characters a cell cut by the page's foot prints below the cut.

    A browser may cut a row at the page's foot (the vertical heads of table
    4 on A5) and still print the whole of a cut cell's text on the page:
    its last characters run on below where the column rules end, under the
    stretch :func:`_open_ends` closed.  Each column of characters that goes
    on straight under the text of a cut cell of the table's last row, line
    after line at the cell's own line pitch (no wider gap than its lines
    leave), is that cell's text; anything else there stays text outside."""
    if _rotation(mine):
        return []
    foot = max(float(table.bbox[3]), *(float(c["top"]) for c in cut))
    out: list[dict[str, Any]] = []
    for box in table.cells:
        x0, _, x1, bottom = map(float, box)
        if abs(bottom - foot) > _SNAP or not any(
            float(c["x0"]) - _SNAP <= x0 and x1 <= float(c["x1"]) + _SNAP for c in cut
        ):
            continue
        inside = [
            c
            for c in mine
            if c["text"].strip()
            and x0 <= (c["x0"] + c["x1"]) / 2 <= x1
            and (c["top"] + c["bottom"]) / 2 <= bottom
        ]
        if not inside:
            continue
        last = max(inside, key=lambda c: float(c["bottom"]))
        below = sorted(
            (
                c
                for c in rest
                if c["text"].strip()
                and x0 <= (c["x0"] + c["x1"]) / 2 <= x1
                and (c["top"] + c["bottom"]) / 2 > bottom
            ),
            key=lambda c: float(c["top"]),
        )
        reach = float(last["bottom"])
        gap = 0.5 * max(float(last["size"]), 1.0)
        for c in below:
            if float(c["top"]) - reach > gap:
                break
            out.append(c)
            reach = max(reach, float(c["bottom"]))
    return out
