"""Counts no unit could have: a typo to report, not a file to refuse.

Loading holds counts up to :data:`~govdisclosure.cells.MAX_STORED` (10^15),
because a consolidated report's totals rightly pass 10^9: 300 cities the
size of 淮安 (行政处罚 ≈ 4 × 10^6 each) already do.  A unit's *own* count
above :data:`~govdisclosure.cells.MAX_COUNT` (10^9) is still a typo —
the largest real figure seen is about 4 × 10^6 — so validation reports it,
on reports that consolidate nothing (no ``parts``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from math import hypot
from typing import Any

from ..cells import MAX_COUNT, NA_MARKS, CellValue, NotApplicable
from ..editions import Report
from ..flat import Shape
from ..i18n import N_
from ..naming import cell_names
from .findings import Finding
from .rules import Context, Rule
from .shared import cell_values, reader, shape

__all__ = ["plausibility_rules"]


def _within(values: tuple[CellValue, ...]) -> bool:
    """True when no integer among ``values`` is beyond ±MAX_COUNT: the
    common case, proved with the C-level ``min`` and ``max`` (amounts may
    pass it; the careful loop then looks at counts only)."""
    mixed: Any = values  # compared as they are; a blank among them raises TypeError
    try:
        return bool(min(mixed) >= -MAX_COUNT and max(mixed) <= MAX_COUNT)
    except (TypeError, ArithmeticError):  # blank or not-applicable cells among them
        counts = [v for v in values if type(v) is int]
        return not counts or (min(counts) >= -MAX_COUNT and max(counts) <= MAX_COUNT)


def _norm_within(values: tuple[CellValue, ...]) -> bool:
    """True when every number among ``values`` is within ±MAX_COUNT, proved
    by one C call over the whole flat tuple: the Euclidean norm
    (:func:`math.hypot`) of the cells, each read as a float.

    The proof is exact, not a guess: the norm is at least the largest
    magnitude among its coordinates, and ``hypot`` errs by less than one
    unit in the last place (2^-52 of the result); an ``int`` beyond the
    limit is at least MAX_COUNT + 1, read as a float exactly (below 2^53)
    or as more than 2^53, so its norm, computed, is still above MAX_COUNT.
    A blank cell makes ``hypot`` raise ``TypeError``: the norm is then taken
    of the cells ``filter(None, …)`` keeps (blanks and zeros dropped, which
    changes no norm); a "/" cell raises again, and the norm of those cells
    is taken with every "/" read as zero (:data:`_AS_ZERO`, looked up in C:
    hashing the ``NotApplicable`` cells into the ``set`` of
    :func:`_all_within` and comparing them cost three times as much).  An
    amount beyond the limit, a NaN or an infinity makes it false, saying
    nothing.  Unlike the ``set`` of :func:`_all_within` it compares no two
    values, and hashes none but on a report with a "/" cell: a report of
    200 cells costs about a third of that proof (``bench/README.md``, the
    thirteenth every-rule round).
    """
    try:
        return hypot(*values) <= MAX_COUNT  # type: ignore[arg-type]
    except TypeError:  # a blank (or "/") cell
        pass
    except (ValueError, OverflowError):  # a signalling NaN; beyond any float
        return False
    filled = tuple(filter(None, values))
    try:
        return hypot(*filled) <= MAX_COUNT  # type: ignore[arg-type]
    except TypeError:  # a "/" cell
        pass
    except (ValueError, OverflowError):
        return False
    try:
        return hypot(*map(_AS_ZERO.get, filled, filled)) <= MAX_COUNT  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):  # an unhashable value (a signalling NaN)
        return False


#: Blank and every "/" mark, each read as zero by :func:`_norm_within`
#: (``get(cell, cell)``: any other cell is itself).
_AS_ZERO: dict[object, int] = {None: 0, **{NotApplicable(mark): 0 for mark in NA_MARKS}}


def _all_within(values: tuple[CellValue, ...]) -> bool:
    """True when every number among ``values``, amounts included, is within
    ±MAX_COUNT, proved on the distinct values: a report repeats a few
    numbers (zeros above all) over hundreds of cells, so building the
    ``set`` (one loop in C) and comparing its dozen members costs half of
    comparing every cell.  False says nothing (a large amount, a NaN):
    :func:`_within` then looks at the counts alone.

    Blank cells are dropped from the set before comparing (``discard``, in
    C): a blank among the numbers would make ``min`` raise, and building
    that exception and then sorting the numbers out in Python cost more
    than the rest of the proof (上海 2019 leaves 135 cells blank)."""
    try:
        distinct: Any = set(values)
    except TypeError:  # an unhashable value (a signalling NaN)
        return False
    distinct.discard(None)
    try:
        return bool(min(distinct) >= -MAX_COUNT and max(distinct) <= MAX_COUNT)
    except ArithmeticError:
        return False
    except (TypeError, ValueError):  # blank or "/" among them; no cell at all
        numbers = [v for v in distinct if type(v) is int or type(v) is Decimal]
        try:
            return not numbers or (min(numbers) >= -MAX_COUNT and max(numbers) <= MAX_COUNT)
        except ArithmeticError:
            return False


#: Reads the count cells of a shape from its flat tuple (by shape key).
_COUNTS: dict[tuple[Any, ...], Callable[[Sequence[CellValue]], tuple[CellValue, ...]]] = {}
_COUNT_KINDS = ("count", "signed")


def _counts(cells: Shape) -> Callable[[Sequence[CellValue]], tuple[CellValue, ...]]:
    """The cells that can be a finding, read in one call: amounts (Decimal)
    never are, and comparing them with the counts is what costs."""
    pick = _COUNTS.get(cells.key)
    if pick is None:
        at = [i for i, kind in enumerate(cells.kinds) if kind in _COUNT_KINDS]
        pick = _COUNTS[cells.key] = reader(at)
    return pick


def _implausible(report: Report, context: Context) -> Iterable[Finding]:
    if report.parts:
        return ()
    values = cell_values(report, context)
    if _norm_within(values):
        # Nothing to look at: only a count beyond the limit is a finding.  A
        # plain return, not a generator made for nothing (every report).
        return ()
    cells = shape(report, context)
    if _all_within(values) or _within(_counts(cells)(values)):
        return ()
    return _beyond(report, values, cells)


def _beyond(report: Report, values: tuple[CellValue, ...], cells: Shape) -> Iterator[Finding]:
    """The findings of :func:`_implausible`: every count beyond the limit."""
    names = None
    for i, value in enumerate(values):
        if type(value) is int and abs(value) > MAX_COUNT and cells.kinds[i] in _COUNT_KINDS:
            names = names or cell_names(report)
            path = cells.paths[i]
            yield Finding(
                rule="cells.implausible-count",
                severity="error",
                path=names[path].json,
                involves=(names[path].json,),
                message_id="cells.implausible-count",
                params={"cell": names[path].label, "actual": value, "limit": MAX_COUNT},
                actual=value,
            )


def plausibility_rules() -> tuple[Rule, ...]:
    return (
        Rule(
            id="cells.implausible-count",
            severity="error",
            title=N_("Count no unit could have"),
            description=(
                "A count above 10^9 in a unit's own report (one that consolidates nothing) is "
                "a typo: the largest real figure seen is about 4 × 10^6 (淮安 2024 行政处罚).  "
                "A consolidated report's totals may pass it and are not flagged; loading "
                "accepts counts up to 10^15 so that national roll-ups read back."
            ),
            source="Real reports (formats.md data notes; examples/huaian-2024.json)",
            basis="heuristic",
            check=_implausible,
        ),
    )
