"""Which edition a file's tables are printed in, from the tables themselves.

Every installed edition whose statistics are fixed tables is a candidate:
the built-in national formats and any edition a plugin adds (an
:class:`~govdisclosure.editions.base.Edition` record; the pre-2019
template-driven tables are matched against their templates instead, see
:mod:`.legacy`).  Nothing here names an edition: what tells two editions
apart is read from their table definitions (:mod:`.targets`).

Editions are compared two at a time, because a plugin edition may share
whole tables with the format it follows and differ in one block or one
row.  For each pair the evidence is what the two definitions do *not*
share:

1. **labels**: the printed labels (rows, columns, header groups, block
   captions) that only one of the two has.  More of one's own labels
   printed wins.  When neither prints any, an edition whose labels are all
   the other's as well wins against it: the other's extra rows are not on
   the page.
2. **cells**: when the labels cannot tell, the printed value cells as
   (row label, column label) pairs that only one of the two has (the same
   labels drawn in another table layout).

An edition that wins against every other is the edition.  When none does
(a tie, or evidence that contradicts itself: A beats B, B beats C, C beats
A), the report year breaks the tie among the editions nobody beats, and
the import says so; when the year cannot either, no edition is chosen and
the import says that instead.  Nothing is decided from the year alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import cache

from attrs import frozen

from govdisclosure.editions import EDITIONS
from govdisclosure.i18n import N_, gettext, series

from .grid import Grid
from .match import memo_cache
from .plan import figure_labels, passes, shape_number
from .provenance import Duel, ImportProblem
from .source import source_cells
from .targets import edition_tables, words_of_edition
from .text import Key, label_key, read_number

__all__ = ["Recognition", "candidate_editions", "official_words", "recognise"]

#: Fewer printed labels of any edition than this: not an edition's tables.
_MIN_LABELS = 5

_CellKey = tuple[str, str | None]


@frozen
class Recognition:
    """The edition recognised, and the evidence, for the provenance."""

    edition: str | None
    #: The layout variant the tables are printed in (None: the official drawing).
    variant: str | None
    #: One line, in English, for people reading the provenance.
    evidence: str
    #: What decided: "labels", "cells", "year" or None (not recognised).
    decided_by: str | None = None
    #: Every pairwise comparison made.
    duels: tuple[Duel, ...] = ()
    #: Said in the import's report (the year broke a tie; no edition could be told).
    problem: ImportProblem | None = None


def candidate_editions() -> tuple[str, ...]:
    """Every installed edition whose statistics are fixed tables, newest first."""
    return tuple(e for e in EDITIONS if not EDITIONS[e].template_driven)


@cache
def _official_words(candidates: tuple[str, ...]) -> frozenset[str]:
    out: set[str] = set()
    for edition in candidates:
        out |= words_of_edition(edition)
    return frozenset(out)


def official_words() -> frozenset[str]:
    """Every label word of every candidate edition (the anchors a reader
    of unruled text looks for)."""
    return _official_words(candidate_editions())


@cache
def cells_of_edition(edition: str) -> frozenset[_CellKey]:
    """Every value cell of an edition as the (row words, heading words) pairs
    a printed table shows it under: its column, and the block caption, header
    groups and column heading above it (the same row in another block or
    under another column is another layout)."""
    out: set[_CellKey] = set()
    for table in edition_tables(edition):
        for t in table.targets:
            out.add((t.row.words, t.column.words if t.column else None))
            out.update((t.row.words, k.words) for k in t.context)
    return frozenset(out)


def _printed_keys(grids: Sequence[Grid]) -> set[Key]:
    """The matching keys of every printed label (a cell that is not a figure)."""
    return {
        label_key(cell.text)
        for grid in grids
        for cell in grid.cells()
        if cell.text.strip() and read_number(cell.text).unreadable
    }


def _printed_cells(
    grids: Sequence[Grid], checks: list[tuple[int, int, int, str]]
) -> frozenset[_CellKey]:
    """The printed value cells as (row words, column words) pairs, every
    label pair a value cell is printed under (and a single-cell row's own);
    the figures read as labels on the way are added to ``checks`` (grid
    number, row, column, text)."""
    out: set[_CellKey] = set()
    for i, grid in enumerate(grids):
        cells = list(source_cells(grid))
        checks.extend((i, r, c, text) for r, c, text in sorted(figure_labels(cells)))
        for cell in cells:
            rows = cell.row_labels or cell.column_labels
            for r in rows:
                out.add((r.key.words, None))
                for c in cell.column_labels:
                    if c.cell != r.cell:
                        out.add((r.key.words, c.key.words))
    return frozenset(out)


def _duel(
    a: str,
    b: str,
    level: str,
    own_a: frozenset[object],
    own_b: frozenset[object],
    printed: Iterable[object],
) -> Duel:
    """One comparison of a and b on what only one of them has."""
    seen = set(printed)
    only_a, only_b = own_a - own_b, own_b - own_a
    na, nb = len(only_a & seen), len(only_b & seen)
    winner: str | None = None
    if na != nb:
        winner = a if na > nb else b
    elif na == 0 and bool(only_a) != bool(only_b):
        # Neither prints its own: the one with nothing of its own (all its
        # labels are the other's too) wins, the other's extras are absent.
        winner = b if only_a else a
    return Duel(a, b, level, na, nb, len(only_a), len(only_b), winner)


def _variant(edition: str, keys: set[Key]) -> str | None:
    """The layout variant a recognised edition's tables are printed in: one
    whose field's official sub-rows are not printed at all (（六）其他处理
    printed as one row, without its three sub-rows).  A sub-row is printed
    when its words are, under its number in whatever form (③其他 is 3.其他's
    row) or under none; words the edition prints elsewhere too (其他, a
    column of table 3) say nothing without the number, so a column's 其他 is
    no sub-row, and sub-rows printed without numbers are sub-rows all the same."""
    record = EDITIONS[edition]
    for variant in record.variants:
        rows, shared = _sub_rows(edition, tuple(variant.path))
        printed = any(
            k.words in rows and (k.ordinal in rows[k.words] if k.ordinal else k.words not in shared)
            for k in keys
        )
        if rows and not printed:
            return variant.id
    return None


@cache
def _sub_rows(
    edition: str, path: tuple[str, ...]
) -> tuple[dict[str, frozenset[int]], frozenset[str]]:
    """The words of the sub-rows under ``path`` with their numbers, and those
    of them the edition also prints as another label (a column, a group, a
    row elsewhere): read from the table definitions."""
    depth = len(path)
    rows: dict[str, set[int]] = {}
    elsewhere: set[str] = set()
    for table in edition_tables(edition):
        for t in table.targets:
            if t.path[:depth] == path and len(t.path) > depth + 1:
                rows.setdefault(t.row.words, set()).add(t.row.ordinal)
            else:
                elsewhere.add(t.row.words)
            if t.column is not None:
                elsewhere.add(t.column.words)
            elsewhere.update(k.words for k in t.context)
    return {w: frozenset(o) for w, o in rows.items()}, frozenset(elsewhere & rows.keys())


def _names(ids: Sequence[str]) -> Callable[[str], str]:
    """Editions named in a message's locale, joined."""
    return lambda locale: series(locale, (gettext(locale, EDITIONS[e].name) for e in ids))


def _summary(duels: Sequence[Duel]) -> str:
    return "; ".join(d.text for d in duels)


#: Recognitions by the grids' shapes, the year and the candidates, each with
#: the figures read as labels it depends on (:mod:`.plan`); emptied with the
#: placement memo, and when full.
_RECOGNISED: dict[
    tuple[tuple[int, ...], int | None, tuple[str, ...]],
    list[tuple[tuple[tuple[int, int, int, str], ...], Recognition]],
] = memo_cache()
_RECOGNISED_LIMIT = 256


def recognise(
    grids: Sequence[Grid], year: int | None, candidates: tuple[str, ...] | None = None
) -> Recognition:
    """The edition ``grids`` are printed in (see the module doc); ``year`` is
    the report year the text states, if any: a tie-breaker, nothing more.
    ``candidates``: :func:`candidate_editions`, when the caller has them
    already (asking the registry costs a look at every plugin).

    Remembered by the grids' shapes (:func:`.shape.shape`): the printed
    labels decide, and the figures only by where they are, except a figure
    printed as a label, which is checked.
    """
    if not grids:
        return Recognition(None, None, "no table in the file")
    if candidates is None:
        candidates = candidate_editions()
    key = (tuple([shape_number(g) for g in grids]), year, candidates)
    found = _RECOGNISED.get(key)
    if found is None:
        if len(_RECOGNISED) >= _RECOGNISED_LIMIT:
            _RECOGNISED.clear()
        found = _RECOGNISED[key] = []
    for checks, recognition in found:
        if all(passes(grids[i], [(r, c, text)]) for i, r, c, text in checks):
            return recognition
    made: list[tuple[int, int, int, str]] = []
    recognition = _recognise(grids, year, candidates, made)
    found.append((tuple(made), recognition))
    return recognition


def _recognise(
    grids: Sequence[Grid],
    year: int | None,
    candidates: tuple[str, ...],
    checks: list[tuple[int, int, int, str]],
) -> Recognition:
    """:func:`recognise` itself; the figures its decision read as labels
    are added to ``checks``."""
    keys = _printed_keys(grids)
    printed = {k.words for k in keys}
    known = len(printed & _official_words(candidates))
    if known < _MIN_LABELS:
        return Recognition(None, None, f"{known} printed labels of any edition's tables")
    printed_cells: frozenset[_CellKey] | None = None
    duels: list[Duel] = []
    beats: dict[str, set[str]] = {e: set() for e in candidates}
    for i, a in enumerate(candidates):
        for b in candidates[i + 1 :]:
            duel = _duel(a, b, "labels", words_of_edition(a), words_of_edition(b), printed)
            if duel.winner is None:
                if printed_cells is None:
                    printed_cells = _printed_cells(grids, checks)
                by_cells = _duel(
                    a, b, "cells", cells_of_edition(a), cells_of_edition(b), printed_cells
                )
                if by_cells.winner is not None or by_cells.own_a or by_cells.own_b:
                    duel = by_cells
            duels.append(duel)
            if duel.winner is not None:
                loser = b if duel.winner == a else a
                beats[duel.winner].add(loser)
    evidence = _summary(duels)
    for edition in candidates:
        if len(beats[edition]) == len(candidates) - 1:
            decided = "cells" if "cells" in _levels_of(edition, duels) else "labels"
            return Recognition(edition, _variant(edition, keys), evidence, decided, tuple(duels))
    undefeated = [e for e in candidates if not any(e in beaten for beaten in beats.values())]
    by_year = [e for e in undefeated if year is not None and EDITIONS[e].fits_year(year)]
    if len(by_year) == 1:
        edition = by_year[0]
        problem = ImportProblem(
            severity="info",
            code="edition-by-year",
            message_id=N_(
                "The tables do not tell {editions} apart; recognised as {edition} by the "
                "report year {year}: check the edition"
            ),
            params={"year": str(year)},
            localized={"editions": _names(undefeated), "edition": _names([edition])},
        )
        return Recognition(
            edition,
            _variant(edition, keys),
            f"{evidence}; tie broken by the year {year}",
            "year",
            tuple(duels),
            problem,
        )
    tied = undefeated or list(candidates)
    problem = ImportProblem(
        severity="warning",
        code="edition-undecided",
        message_id=N_(
            "The tables could be {editions}: their labels are as much one as the other "
            "(or contradict each other) and the report year does not decide; no edition chosen"
        ),
        localized={"editions": _names(tied)},
    )
    return Recognition(None, None, f"{evidence} (undecided)", None, tuple(duels), problem)


def _levels_of(edition: str, duels: Sequence[Duel]) -> set[str]:
    return {d.level for d in duels if d.winner == edition}
