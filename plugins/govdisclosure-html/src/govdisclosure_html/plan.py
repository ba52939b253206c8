"""Placement plans: what placing a printed table decides, worked out once per table shape.

Finding a grid's value cells and their labels (:mod:`.source`), choosing
the official table it fills and placing each cell (:mod:`.match`) read
the grid's geometry and its label texts, and of a value cell only whether
it is empty or a figure, never which figure.  Official tables print the
same labels in the same cells on every page of an edition, so those
decisions are kept as a :class:`GridPlan` under the grid's *shape*
(:func:`.shape.shape`: every slot's cell position and span, label texts, and
"empty" or "figure" for the rest), and a later grid of the same shape
replays them: only its value cells are read.

A figure can still serve as a label (a numbering column printing 1, 2,
3 …): the texts of such cells are kept with the plan as its ``checks``,
and a plan whose checks the grid does not pass is not used.
"""

from __future__ import annotations

import itertools
from collections.abc import Hashable, Iterable, Sequence
from typing import Any, NamedTuple

from govdisclosure.memo import IdentityMemo

from .grid import Cell, Grid
from .match import (
    Match,
    MatchKind,
    Placement,
    identity_memo_cache,
    memo_cache,
    place,
    stacked_pairs,
)
from .numbering import Misnumbered, misnumbered
from .provenance import LabelMatch
from .shape import FIGURE, shape, text_class
from .source import SourceCell, source_cells
from .targets import Target, TargetTable

__all__ = [
    "GridPlan",
    "Planned",
    "Unplaced",
    "cell_at",
    "figure_labels",
    "grid_plan",
    "passes",
    "shape",
    "shape_number",
    "shape_of",
    "unplaced_labels",
]

#: Shapes of the grids seen last, by identity (with the grid, so the id stays
#: its own): recognition and placement ask for the same grids' shapes.
_SHAPES: IdentityMemo[Grid, Hashable] = IdentityMemo(32)


def shape_of(grid: Grid) -> Hashable:
    """:func:`shape`: the one the grid's maker worked out on the way (an HTML
    table's, :func:`.grid.expand`), else made and remembered for the last few grids."""
    if grid.shape is not None:
        return grid.shape
    found = _SHAPES.get(grid)
    if found is not None:
        return found
    return _SHAPES.put(grid, shape(grid))


#: Every shape met, numbered: the memos of plans and recognitions are keyed
#: by a grid's number, whose hash is itself, not by its shape, whose hash
#: and comparison walk every slot (twice per grid and import, a tenth of an
#: official page's mapping).  A number is never given twice, so a number
#: stands for one shape for good; emptied with the placement memo, and when
#: full (a shape met again then gets a new number: a memo miss, nothing worse).
_NUMBERS: dict[Hashable, int] = memo_cache()
_NUMBERS_LIMIT = 1024
_next_number = itertools.count()

#: The numbers of the grids seen last, by identity (with the grid, so the id
#: stays its own); emptied with the numbers.
_GRID_NUMBERS: IdentityMemo[Grid, int] = identity_memo_cache(32)


def shape_number(grid: Grid) -> int:
    """The number of the grid's shape (:func:`shape_of`): equal numbers, equal shapes."""
    found = _GRID_NUMBERS.get(grid)
    if found is not None:
        return found
    made = shape_of(grid)
    number = _NUMBERS.get(made)
    if number is None:
        if len(_NUMBERS) >= _NUMBERS_LIMIT:
            _NUMBERS.clear()
        number = _NUMBERS[made] = next(_next_number)
    return _GRID_NUMBERS.put(grid, number)


def figure_labels(cells: Iterable[SourceCell]) -> set[tuple[int, int, str]]:
    """(row, column, text) of every figure among the labels of ``cells``."""
    return {
        (lab.cell.row, lab.cell.col, lab.cell.text)
        for c in cells
        for lab in (*c.row_labels, *c.column_labels)
        if text_class(lab.cell.text) == FIGURE
    }


def passes(grid: Grid, checks: Iterable[tuple[int, int, str]]) -> bool:
    """Whether ``grid`` prints each (row, column, text) of ``checks``."""
    text_at = grid.text_at
    return all(text_at(r, c) == text for r, c, text in checks)


class Planned(NamedTuple):
    """A printed value cell placed on a target, by its place in the grid."""

    row: int
    col: int
    target: Target
    #: The worst of the row and column matches, the matches, and the same as
    #: the provenance keeps them.
    kind: MatchKind
    matches: tuple[Match, ...]
    labels: tuple[LabelMatch, ...]
    doubtful: bool


class Unplaced(NamedTuple):
    """A printed value cell that fits no target, with its labels as printed (joined)."""

    row: int
    col: int
    labels: str


class GridPlan(NamedTuple):
    """What placing one grid decided (``table`` is None when nothing was placed)."""

    table: TargetTable | None
    #: In printed order (row, then column): the order of the provenance.
    placed: tuple[Planned, ...]
    unplaced: tuple[Unplaced, ...]
    #: (row, column, text) of every figure the decisions read as a label.
    checks: tuple[tuple[int, int, str], ...]
    #: (row, column) of each placed cell, as :meth:`.cells.Grid.printed` reads them.
    places: tuple[tuple[int, int], ...]
    #: The placed cells as the importer reads them (provenance record,
    #: values: ``importer._Read``), by (index in
    #: ``placed``, table on the page, text and where the text was printed),
    #: for the importer to share between imports.
    origins: dict[Hashable, tuple[Any, ...]]
    #: The rows whose 序号 disagrees with the order of their labels
    #: (:mod:`.numbering`; the numbers are among ``checks``).
    misnumbered: tuple[Misnumbered, ...] = ()


def unplaced_labels(source: SourceCell) -> str:
    """The labels of a value cell as printed, row labels first, joined by " / "."""
    return " / ".join(lab.cell.text for lab in (*source.row_labels, *source.column_labels))


def _choose(cells: Sequence[SourceCell], tables: Sequence[TargetTable]) -> TargetTable:
    """The table whose labels the grid prints most of."""
    # A row's (a column's) cells share one label tuple: each is read once.
    groups = {id(c.row_labels): c.row_labels for c in cells}
    groups.update({id(c.column_labels): c.column_labels for c in cells})
    printed = {lab.key.words for labels in groups.values() for lab in labels}
    # Headings set as two cells one above the other ("行政" over "复议").
    printed.update(w for labels in groups.values() for _, _, w in stacked_pairs(labels))
    return max(tables, key=lambda t: len(printed & (t.row_words | t.column_words)))


def _compile(grid: Grid, tables: Sequence[TargetTable], aliases: dict[str, str]) -> GridPlan:
    cells = list(source_cells(grid))
    if not cells:
        return GridPlan(None, (), (), (), (), {})
    table = _choose(cells, tables)
    placed, unplaced = place(cells, table, aliases)
    checks = figure_labels(cells)
    planned = tuple(_planned(p) for p in sorted(placed, key=_printed_place))
    return GridPlan(
        table if placed else None,
        planned,
        tuple(Unplaced(c.cell.row, c.cell.col, unplaced_labels(c)) for c in unplaced),
        tuple(sorted(checks)),
        tuple((p.row, p.col) for p in planned),
        {},
        tuple(misnumbered(grid, placed, table)),
    )


def _printed_place(p: Placement) -> tuple[int, int]:
    return p.source.cell.row, p.source.cell.col


def _planned(p: Placement) -> Planned:
    cell = p.source.cell
    return Planned(
        cell.row,
        cell.col,
        p.target,
        p.kind,
        tuple(p.matches),
        p.labels,
        p.kind == "position" or not p.source.aligned,
    )


def cell_at(grid: Grid, row: int, col: int) -> Cell:
    """The cell printed at (row, col) of ``grid``: a plan's cell, found in a grid of its shape."""
    cell = grid.cell_at(row, col)
    assert cell is not None  # the shape has a cell there
    return cell


#: Plans by (shape number, tables, aliases), with the tables and aliases they
#: were made for (their ids stand for them only while they live); several plans
#: of one shape differ in their checks.  Bounded, and emptied when full: a
#: plan holds its cells' records (:data:`.importer._ORIGINS_LIMIT`
#: at most): the nine test pages leave ten plans and 1.3 MB of memos in all,
#: so a long batch of pages of many shapes stays in the tens of megabytes.
_PLANS: dict[tuple[int, int, int], tuple[Sequence[TargetTable], dict[str, str], list[GridPlan]]] = (
    memo_cache()
)
_PLANS_LIMIT = 256


def grid_plan(grid: Grid, tables: Sequence[TargetTable], aliases: dict[str, str]) -> GridPlan:
    """The plan of ``grid`` against an edition's ``tables`` (remembered by shape)."""
    key = (shape_number(grid), id(tables), id(aliases))
    found = _PLANS.get(key)
    if found is None or found[0] is not tables or found[1] is not aliases:
        if len(_PLANS) >= _PLANS_LIMIT:
            _PLANS.clear()
        found = _PLANS[key] = (tables, aliases, [])
    plans = found[2]
    for plan in plans:
        if passes(grid, plan.checks):
            return plan
    plan = _compile(grid, tables, aliases)
    plans.append(plan)
    return plan
