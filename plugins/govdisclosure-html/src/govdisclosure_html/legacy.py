"""A pre-2019 statistics table matched against the statistics templates.

Template rows are matched in printed order by their label's matching key
(numbering and "其中：" aside), a close wording standing in where the words
differ (其他 / 其它, 答复数 / 答复总数), and each one only once, so a label
printed twice (被依法纠错数 under 行政复议 and 行政诉讼) goes to the next row of
that name.  A row numbered in another form or number than the template's
(①网站公开 for 其中：1.网站公开) is still its row, and the match says so
(``numbering``).  Value columns are matched by their heading (本年度, 历年累计,
统计数); a heading that is none of them is placed by position, and every such
cell is marked doubtful.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

import attrs
from attrs import frozen

from govdisclosure.cells import NotApplicable
from govdisclosure.editions.legacy import StatisticsTemplate, TemplateRow
from govdisclosure.memo import IdentityMemo

from .grid import Grid
from .match import MatchKind
from .source import YEAR_HEADING, Label, SourceCell, source_cells
from .text import Key, clean, label_key, looks_numeric, read_number

__all__ = ["LegacyPlacement", "LegacyResult", "PrintedLine", "join_pieces", "match_template"]


@frozen
class LegacyPlacement:
    source: SourceCell
    code: str
    column: str
    row_kind: MatchKind
    column_kind: MatchKind
    printed_label: str
    official_label: str
    unit_printed: str | None


@frozen
class PrintedLine:
    """A printed row of the table: its label and unit as printed, the
    template row it was matched to (``None``: it fits none), its value cells."""

    label: str
    unit: str | None
    code: str | None
    cells: tuple[SourceCell, ...]


@frozen
class LegacyResult:
    template: StatisticsTemplate
    placements: tuple[LegacyPlacement, ...]
    unplaced: tuple[SourceCell, ...]
    #: Printed row labels that fit no template row.
    unfit_rows: tuple[str, ...]
    matched_rows: int
    #: Every printed row, in printed order.
    lines: tuple[PrintedLine, ...] = ()
    #: The template column each printed value column was placed in:
    #: ``(grid column, column key, how, heading as printed)``.
    columns: tuple[tuple[int, str, MatchKind, str], ...] = ()

    @property
    def headings(self) -> dict[str, str]:
        """Printed headings that differ from the template's ("2012年度")."""
        labels = {c.key: c.label for c in self.template.columns}
        return {
            key: printed
            for _, key, _, printed in self.columns
            if printed and clean(printed) != clean(labels[key])
        }


@lru_cache(maxsize=65536)
def _ratio(a: str, b: str) -> float:
    """difflib's similarity of two labels (remembered: the same labels recur page after page)."""
    matcher = difflib.SequenceMatcher(None, a, b)
    if matcher.real_quick_ratio() < 0.8 or matcher.quick_ratio() < 0.8:
        return 0.0  # an upper bound below the cut: not similar
    return matcher.ratio()


class _RowIndex(NamedTuple):
    """A template's rows as :func:`_row_match` reads them: each row's label
    words and numbering, and the rows of each wording in template order."""

    words: tuple[str, ...]
    by_words: dict[str, tuple[int, ...]]
    #: Printed words → the rows (index, similarity) at least 0.8 similar to
    #: them, in template order; filled as words are met (bounded).
    similar: dict[str, tuple[tuple[int, float], ...]]
    #: Each row's label key (its numbering, if the template prints one).
    keys: tuple[Key, ...] = ()


#: Row indexes by template identity, with the template (so the id stays its
#: own); the shipped templates live as long as the process, a derived one
#: comes with one report.  Bounded: the oldest goes when full.
_ROW_INDEXES: IdentityMemo[StatisticsTemplate, _RowIndex] = IdentityMemo(64)
_SIMILAR_LIMIT = 4096


def _row_index(template: StatisticsTemplate) -> _RowIndex:
    """The template's :class:`_RowIndex`, made once: every printed row is
    matched against the same rows, page after page."""
    found = _ROW_INDEXES.get(template)
    if found is not None:
        return found
    keys = tuple(label_key(row.label) for row in template.rows)
    words = tuple(k.words for k in keys)
    by_words: dict[str, list[int]] = {}
    for i, w in enumerate(words):
        by_words.setdefault(w, []).append(i)
    index = _RowIndex(words, {w: tuple(ii) for w, ii in by_words.items()}, {}, keys)
    return _ROW_INDEXES.put(template, index)


def _row_match(
    printed: Key, template: StatisticsTemplate, used: set[str], start: int
) -> tuple[int, MatchKind] | None:
    """The template row a printed label is, searched from ``start`` on and
    then from the top: the first unused row of the same words (one whose
    numbering agrees first), else the unused row of the closest wording (the
    first of equals) whose numbering agrees.  A close wording under another
    number is another row: with the row it would stand for missing,
    "2．部分同意公开答复数" is not the template's "1.同意公开答复数"."""
    rows = template.rows
    index = _row_index(template)
    words = printed.words
    same = index.by_words.get(words, ())
    # The first unused row of these words at or after start, else before it;
    # rows whose numbering agrees with the printed one first.
    order = (*[i for i in same if i >= start], *[i for i in same if i < start])
    for agreeing in (True, False):
        for i in order:
            if rows[i].code not in used and agreeing == printed.numbering_agrees(index.keys[i]):
                return i, "normalised"
    similar = index.similar.get(words)
    if similar is None:
        if len(index.similar) >= _SIMILAR_LIMIT:
            index.similar.clear()
        similar = index.similar[words] = tuple(
            (i, ratio) for i, w in enumerate(index.words) if (ratio := _ratio(words, w)) >= 0.8
        )
    # The most similar unused row, the first of equals in the order searched.
    best: tuple[float, int] | None = None
    for i, ratio in (*[c for c in similar if c[0] >= start], *[c for c in similar if c[0] < start]):
        if (
            rows[i].code not in used
            and printed.numbering_agrees(index.keys[i])
            and (best is None or ratio > best[0])
        ):
            best = (ratio, i)
    return (best[1], "similar") if best else None


def _row_match_past_period(
    printed: str, template: StatisticsTemplate, used: set[str], start: int
) -> tuple[int, MatchKind] | None:
    """The row a label led by a column's heading is, read past that heading:
    "本年度对申请的答复总数" (the 2009 莆田 附表式) is 对申请的答复数 of the
    本年度 column, the period being the column's, not the row's."""
    text = clean(printed)
    for column in template.columns:
        heading = clean(column.label)
        if text.startswith(heading) and len(text) > len(heading):
            return _row_match(label_key(text[len(heading) :]), template, used, start)
    return None


def _numbered_alike(printed: Key, official: Key) -> bool:
    """Both print a number, and the same: the one sign, besides its place,
    that a row worded otherwise is the template's row.  Without it a row a
    table adds of its own (a derived template's ``added`` row printed where
    a template row is left out) would be taken for the row left out."""
    return bool(printed.code and official.code) and printed.ordinal == official.ordinal


def _numbered_otherwise(printed: Key, official: str) -> bool:
    """Both number the row, in other forms or values (①网站公开 for
    其中：1.网站公开): matched by words and order all the same, as pre-2019
    tables are, and said in the provenance."""
    key = label_key(official)
    return bool(printed.code and key.code) and (printed.code, printed.ordinal) != (
        key.code,
        key.ordinal,
    )


def _without_numbering(labels: tuple[Label, ...]) -> tuple[Label, ...]:
    """A row's labels from its first word on: the figures before it number the row."""
    for i, lab in enumerate(labels):
        if not looks_numeric(lab.cell.text):
            return labels[i:]
    return ()


def match_template(
    grid: Grid,
    template: StatisticsTemplate,
    cells: Sequence[SourceCell] | None = None,
    used: set[str] | None = None,
    start: int = 0,
) -> LegacyResult:
    """The grid's rows and value columns placed on ``template`` (``cells``:
    the grid's :func:`.source.source_cells`, when the caller has them).
    ``used`` and ``start``: the template rows already placed and the row to
    search from, when the grid goes on from another (:func:`join_pieces`)."""
    if cells is None:
        cells = list(source_cells(grid))
    by_row: dict[int, list[SourceCell]] = {}
    for c in cells:
        by_row.setdefault(c.cell.row, []).append(c)
    # Value columns in printed order, and the template column each one is.
    value_cols = sorted({c.cell.col for c in cells})
    col_key: dict[int, tuple[str, MatchKind]] = {}
    free = [col.key for col in template.columns]
    for vc in value_cols:
        heads = next((c.column_labels for c in cells if c.cell.col == vc), ())
        for h in heads:
            column = next((c for c in template.columns if clean(c.label) == h.key.words), None)
            if column is None and YEAR_HEADING.match(clean(h.cell.text)):
                # "2012年度" heads the year's column (本年度), not the running total.
                column = next((c for c in template.columns if not c.cumulative), None)
            if column is not None and column.key in free:
                col_key[vc] = (column.key, "normalised")
                free.remove(column.key)
                break
    for vc in value_cols:
        if vc not in col_key and free:
            col_key[vc] = (free.pop(0), "position")
    used = set() if used is None else set(used)
    already = len(used)
    placements: list[LegacyPlacement] = []
    unplaced: list[SourceCell] = []
    lines: list[PrintedLine] = []
    #: The template row index of each printed line (None: it fits none) and its label's key.
    indexes: list[int | None] = []
    keys: list[Key] = []
    position = start
    for r in sorted(by_row):
        row_cells = by_row[r]
        # A number before the label numbers the row (a 序号 column): not its label.
        labels = _without_numbering(row_cells[0].row_labels)
        # The label is the first label cell; a later short one is the unit (条, 件).
        label = labels[0] if labels else None
        unit = labels[-1].cell.text.strip() if len(labels) > 1 else None
        if label is None:
            unplaced.extend(row_cells)
            continue
        hit = _row_match(label.key, template, used, position)
        if hit is None:
            hit = _row_match_past_period(label.cell.text, template, used, position)
        lines.append(PrintedLine(label.cell.text, unit, None, tuple(row_cells)))
        keys.append(label.key)
        if hit is None:
            indexes.append(None)
            continue
        i, kind = hit
        row = template.rows[i]
        used.add(row.code)
        indexes.append(i)
        position = i + 1
        if label.cell.text == row.label:
            kind = "exact"
        elif kind == "normalised" and _numbered_otherwise(label.key, row.label):
            kind = "numbering"
        lines[-1] = attrs.evolve(lines[-1], code=row.code)
        placements.extend(_placed(lines[-1], row, kind, col_key, unplaced))
    # A row that fits nothing, alone between two rows that fit with the one
    # template row left between them and printing that row's number, is that
    # row, by position (doubtful).
    unfit: list[str] = []
    for n, line in enumerate(lines):
        if indexes[n] is not None:
            continue
        before = indexes[n - 1] if n > 0 else None
        after = indexes[n + 1] if n + 1 < len(lines) else None
        between = before + 1 if before is not None else None
        if (
            between is not None
            and after == between + 1
            and template.rows[between].code not in used
            and not template.rows[between].is_header
            and _numbered_alike(keys[n], label_key(template.rows[between].label))
        ):
            row = template.rows[between]
            used.add(row.code)
            lines[n] = attrs.evolve(line, code=row.code)
            placements.extend(_placed(lines[n], row, "position", col_key, unplaced))
        else:
            unfit.append(line.label)
            unplaced.extend(line.cells)
    printed_heads = {
        vc: next(
            (c.column_labels[-1].cell.text for c in cells if c.cell.col == vc and c.column_labels),
            "",
        )
        for vc in col_key
    }
    columns = tuple((vc, key, how, printed_heads[vc]) for vc, (key, how) in col_key.items())
    return LegacyResult(
        template,
        tuple(placements),
        tuple(unplaced),
        tuple(unfit),
        len(used) - already,
        tuple(lines),
        columns,
    )


def _placed(
    line: PrintedLine,
    row: TemplateRow,
    kind: MatchKind,
    col_key: dict[int, tuple[str, MatchKind]],
    unplaced: list[SourceCell],
) -> list[LegacyPlacement]:
    """The line's cells placed in ``row`` (the ones no value column takes go to ``unplaced``)."""
    out: list[LegacyPlacement] = []
    for c in line.cells:
        if row.is_header and isinstance(read_number(c.cell.text).value, NotApplicable):
            continue  # the form's own "——" on a section row: no figure
        if c.cell.col not in col_key or row.is_header:
            unplaced.append(c)
            continue
        key, ckind = col_key[c.cell.col]
        out.append(LegacyPlacement(c, row.code, key, kind, ckind, line.label, row.label, line.unit))
    return out


def best_template(
    grids: Sequence[Grid], templates: Sequence[StatisticsTemplate]
) -> tuple[Grid, LegacyResult] | None:
    """The grid and template that fit best, if at least half the printed rows fit."""
    best: tuple[Grid, LegacyResult] | None = None
    for grid in grids:
        cells = list(source_cells(grid))  # the same for every template
        for template in templates:
            result = match_template(grid, template, cells)
            if best is None or result.matched_rows > best[1].matched_rows:
                best = (grid, result)
    if best is None or best[1].matched_rows == 0:
        return None
    return best


def _value_columns(cells: Sequence[SourceCell]) -> list[tuple[float, float]] | None:
    """Each value column's extent across the page (x0, x1) over the figures
    printed in it, in column order; None when a cell has no box (a web
    page, a Word file: nothing tells where a column stands) or no figure."""
    spans: dict[int, tuple[float, float]] = {}
    for c in cells:
        box = c.cell.bbox
        if box is None or c.cell.page is None:
            return None
        if not any(ch.isdigit() for ch in c.cell.text):
            continue
        x0, x1 = spans.get(c.cell.col, (box[0], box[2]))
        spans[c.cell.col] = (min(x0, box[0]), max(x1, box[2]))
    return [spans[k] for k in sorted(spans)] or None


def _rows_clean(grid: Grid, cells: Sequence[SourceCell]) -> bool:
    """Every figure the grid prints is in a value cell of its own (none in
    a label's cell, none run together with words: "条 94802"), and each
    row's labels stand on one line of the page (a label of the next line
    taken into a row would give its figure that label).  A piece that is
    not so is never joined (:func:`join_pieces`): its rows may be shifted."""
    values = {(c.cell.row, c.cell.col) for c in cells}
    lines: dict[int, list[tuple[float, float]]] = {}
    for cell in grid.cells():
        words = cell.text.split()
        at = (cell.row, cell.col)
        if words and looks_numeric(words[-1]) and any(ch.isdigit() for ch in words[-1]):
            if at not in values or len(words) > 1:
                return False
        elif words and at not in values and cell.bbox is not None:
            lines.setdefault(cell.row, []).append((cell.bbox[1], cell.bbox[3]))
    for boxes in lines.values():
        tops = [top for top, _ in boxes]
        height = min(bottom - top for top, bottom in boxes)
        if max(tops) - min(tops) > height / 2:
            return False
    return True


def _same_columns(a: list[tuple[float, float]], b: list[tuple[float, float]]) -> bool:
    """As many value columns, each of ``b`` overlapping its own of ``a`` and no other."""
    if len(a) != len(b):
        return False
    for i, (x0, x1) in enumerate(b):
        for j, (y0, y1) in enumerate(a):
            overlaps = max(x0, y0) < min(x1, y1)
            if overlaps != (i == j):
                return False
    return True


def _follows(before: Sequence[SourceCell], after: Sequence[SourceCell]) -> bool:
    """``after``'s figures start below ``before``'s last on its page or on the next page."""
    last = max((c.cell.page or 0, c.cell.bbox[3] if c.cell.bbox else 0.0) for c in before)
    first = min((c.cell.page or 0, c.cell.bbox[1] if c.cell.bbox else 0.0) for c in after)
    return (first[0] == last[0] and first[1] >= last[1]) or first[0] == last[0] + 1


def join_pieces(
    grids: Sequence[Grid], grid: Grid, result: LegacyResult
) -> tuple[tuple[int, ...], LegacyResult]:
    """The tables ``grid``'s statistics table was printed in, and the
    template placed over all of them, in printed order.

    A word processor that prints a form without rules, or breaks it over
    pages, may leave it as several tables to a reader of the PDF.  The
    tables next to ``grid`` are pieces of it when each prints its figures
    in the same value columns (as many, each over its own, by position on
    the page) and starts below the piece before it or on the next page.
    The run of such pieces is matched on the template row after row, each
    piece's rows after the rows of the pieces before it; the join is kept
    only when every piece places a row and ``grid``'s own cells are placed
    as they were alone.  Only a PDF says where its columns stand: a table
    of another format is never joined (``(grid.index,), result``)."""
    alone = (grid.index,), result
    own_cells = list(source_cells(grid))
    base = _value_columns(own_cells)
    if base is None or not _rows_clean(grid, own_cells):
        return alone  # the cells of the other tables are not read: no join
    cells = {g.index: own_cells if g is grid else list(source_cells(g)) for g in grids}

    def joins(g: Grid) -> bool:
        columns = _value_columns(cells[g.index])
        return (
            columns is not None and _same_columns(base, columns) and _rows_clean(g, cells[g.index])
        )

    at = next(i for i, g in enumerate(grids) if g.index == grid.index)
    first = last = at
    while (
        first > 0
        and joins(grids[first - 1])
        and _follows(cells[grids[first - 1].index], cells[grids[first].index])
    ):
        first -= 1
    while (
        last + 1 < len(grids)
        and joins(grids[last + 1])
        and _follows(cells[grids[last].index], cells[grids[last + 1].index])
    ):
        last += 1
    if first == last:
        return alone
    template = result.template
    index = {row.code: i for i, row in enumerate(template.rows)}
    used: set[str] = set()
    start = 0
    parts: list[LegacyResult] = []
    for piece in grids[first : last + 1]:
        part = match_template(piece, template, cells[piece.index], used, start)
        if part.matched_rows == 0:
            return alone
        parts.append(part)
        placed = [line.code for line in part.lines if line.code is not None]
        used |= set(placed)
        start = max(index[code] for code in placed) + 1
    own = parts[at - first]
    if own.placements != result.placements:
        return alone
    joined = LegacyResult(
        template,
        tuple(p for part in parts for p in part.placements),
        tuple(c for part in parts for c in part.unplaced),
        tuple(label for part in parts for label in part.unfit_rows),
        len(used),
        tuple(line for part in parts for line in part.lines),
        result.columns,
    )
    return tuple(g.index for g in grids[first : last + 1]), joined
