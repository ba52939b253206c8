"""Many reports of one shape as one array: arithmetic and totals with numpy.

A corpus is thousands of reports of a few shapes (edition and layout, or
legacy template).  Stacked into an ``n × cells`` array of counts, the
arithmetic relations of every report are one matrix product and the totals
of a consolidation one column sum.  This module does that, and gives
exactly what the reference path gives:

* :func:`validate_stacked` returns, per report, the findings of
  ``validate(report, rules=arithmetic_rules(), blank=blank)``.  The array
  only decides which reports need no look at all — every count cell a
  number and every relation holding; for the others (a relation that
  fails, a blank or not-applicable cell, an amount in a relation) the
  findings are built by that same ``validate``, so messages, paths and
  order are the reference's.
* :func:`stacked_totals` returns the cells
  :func:`govdisclosure.aggregate.consolidate` would put in the consolidated
  report (``sum_columns`` of the flat tuples): columns of counts are summed
  by numpy, in int64 and only when no sum can overflow; columns holding
  amounts, blanks or not-applicable marks are combined by ``sum_columns``
  itself.

numpy is an optional dependency (``pip install govdisclosure[numpy]``); the
rest of the library never needs it.  Stacking (:func:`stack`) is what
costs — reading every cell of every object — so build a :class:`Stack`
once and ask it both questions; ``bench/validate_bench.py`` prints the
figures.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from itertools import chain
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from .aggregate.combine import sum_columns
from .cells import CellValue
from .editions import Report
from .flat import Shape, shape_of
from .validation.arithmetic import arithmetic_rules, compiled_for
from .validation.engine import validate
from .validation.findings import Finding
from .validation.rules import BlankPolicy

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = ["Stack", "stack", "stacked_totals", "validate_stacked"]

#: Largest magnitude an int64 holds; a column is summed by numpy only when
#: no partial sum can reach it.
_INT64 = 2**63 - 1
#: Integers a float64 holds exactly.
_FLOAT_EXACT = 2**53


def _picker(positions: Sequence[int]) -> Callable[[Sequence[CellValue]], tuple[CellValue, ...]]:
    """A C-level function taking ``positions`` of a flat tuple, as a tuple."""
    if len(positions) == 1:
        one = positions[0]
        return lambda values: (values[one],)
    if not positions:
        return lambda values: ()
    return itemgetter(*positions)


def _numpy() -> Any:
    try:
        import numpy
    except ImportError as exc:  # pragma: no cover - exercised without numpy installed
        raise ImportError(
            "govdisclosure.stacked needs numpy, which the library does not require: "
            "pip install 'govdisclosure[numpy]'"
        ) from exc
    return numpy


class Stack:
    """Reports of one shape, their flat cells, and their counts as an array.

    ``counts`` is ``len(reports) × len(count_positions)`` int64: the count
    cells (every cell that is not an amount) of each report; ``plain[i]``
    is True when every count cell of report ``i`` is a number, so its row
    says everything.  A blank or not-applicable cell is stored as 0, its
    row is not plain and its column (an index into ``count_positions``) is
    in ``irregular``.
    """

    __slots__ = ("count_positions", "counts", "irregular", "plain", "reports", "shape", "values")

    def __init__(self, reports: Sequence[Report]) -> None:
        xp = _numpy()
        if not reports:
            raise ValueError("stack() needs at least one report")
        shape = shape_of(reports[0])
        for report in reports:
            other = shape_of(report)
            if other.key != shape.key:
                raise ValueError(
                    f"stack() takes reports of one shape: {shape.key} and {other.key}; "
                    "group them by govdisclosure.flat.shape_of(report).key"
                )
        self.shape: Shape = shape
        self.reports: tuple[Report, ...] = tuple(reports)
        flatten = shape.flatten
        self.values: list[tuple[CellValue, ...]] = [flatten(r) for r in reports]
        self.count_positions: tuple[int, ...] = tuple(
            i for i, kind in enumerate(shape.kinds) if kind != "money"
        )
        take = self.count_positions
        if len(take) == len(shape.kinds):
            rows: list[tuple[CellValue, ...]] = self.values
        else:
            rows = list(map(_picker(take), self.values))
        self.irregular: frozenset[int] = frozenset()
        width = len(take)
        if set(map(type, chain.from_iterable(rows))) <= {int}:
            self.counts: npt.NDArray[np.int64] = xp.fromiter(
                chain.from_iterable(rows), dtype=xp.int64, count=len(rows) * width
            ).reshape(len(rows), width)
            self.plain: npt.NDArray[np.bool_] = xp.ones(len(rows), dtype=bool)
            return
        # Some cells are blank or not applicable (or not a count at all):
        # they are stored as 0, their rows marked not plain and their
        # columns irregular, for the careful path.
        clean: list[Sequence[CellValue]] = []
        plain: list[bool] = []
        irregular: set[int] = set()
        for row in rows:
            ok = all(type(x) is int for x in row)
            plain.append(ok)
            if ok:
                clean.append(row)
            else:
                clean.append([x if type(x) is int else 0 for x in row])
                irregular.update(j for j, x in enumerate(row) if type(x) is not int)
        self.counts = xp.array(clean, dtype=xp.int64).reshape(len(rows), width)
        self.plain = xp.array(plain, dtype=bool)
        self.irregular = frozenset(irregular)


def stack(reports: Iterable[Report]) -> Stack:
    """Stack ``reports`` (all of one shape) for :func:`validate_stacked` and
    :func:`stacked_totals`."""
    return Stack(list(reports))


def validate_stacked(
    stacked: Stack, *, blank: BlankPolicy = "missing"
) -> list[tuple[Finding, ...]]:
    """The arithmetic findings of every stacked report, in order.

    Equal, report by report, to ``validate(report, rules=arithmetic_rules(),
    blank=blank)``; see the module docstring for how.
    """
    xp = _numpy()
    rules = arithmetic_rules()
    comp = compiled_for(stacked.reports[0])
    column = {p: k for k, p in enumerate(stacked.count_positions)}
    n = len(stacked.reports)
    careful = ~stacked.plain
    # Relations over an amount (legacy money rows) are left to the careful
    # path for every report; the others become one ±1 matrix.
    counted = [
        k
        for k in range(len(comp.equations))
        if all(i in column for i in (*comp.totals[k], *comp.parts[k]))
    ]
    if len(counted) < len(comp.equations):
        careful = xp.ones(n, dtype=bool)
    elif counted:
        a = xp.zeros((len(column), len(counted)), dtype=xp.int64)
        for j, k in enumerate(counted):
            for i in comp.totals[k]:
                a[column[i], j] += 1
            for i in comp.parts[k]:
                a[column[i], j] -= 1
        counts = stacked.counts
        # Total minus parts, per report and relation.  float64 goes through
        # BLAS and is exact while every sum stays below 2**53; int64 otherwise.
        terms = int(xp.abs(a).sum(axis=0).max())
        bound = int(xp.abs(counts).max()) if counts.size else 0
        if bound * terms < _FLOAT_EXACT:
            difference = counts.astype(xp.float64) @ a.astype(xp.float64)
        else:
            difference = counts @ a
        kinds = [comp.equations[k].kind for k in counted]
        equal = xp.array([kind == "equal" for kind in kinds])
        at_most = xp.array([kind == "at_most" for kind in kinds])
        channels = xp.array([kind == "channels" for kind in kinds])
        wrong = (
            ((difference != 0) & equal)
            | ((difference < 0) & at_most)
            | ((difference > 0) & channels)
        )
        careful |= wrong.any(axis=1)
    out: list[tuple[Finding, ...]] = [()] * n
    for i in xp.flatnonzero(careful).tolist():
        out[i] = validate(stacked.reports[i], rules=rules, blank=blank)
    return out


def stacked_totals(stacked: Stack) -> list[CellValue]:
    """The consolidated cells of the stacked reports: ``sum_columns`` of
    their flat tuples (the numbers :func:`~govdisclosure.aggregate.consolidate`
    puts in its result), the columns of counts summed by numpy."""
    xp = _numpy()
    paths = stacked.shape.paths
    counts = stacked.counts
    bound = int(xp.abs(counts).max()) if counts.size else 0
    if bound * len(stacked.reports) > _INT64:
        return sum_columns(stacked.values, paths)  # a sum could overflow int64
    sums = counts.sum(axis=0).tolist()
    out: list[CellValue] = [None] * len(paths)
    by_numpy = set()
    for j, i in enumerate(stacked.count_positions):
        if j not in stacked.irregular:
            out[i] = sums[j]
            by_numpy.add(i)
    rest = [i for i in range(len(paths)) if i not in by_numpy]
    if rest:
        # Amounts, and counts with a blank or not-applicable cell somewhere.
        rows = list(map(_picker(rest), stacked.values))
        for i, total in zip(rest, sum_columns(rows, [paths[i] for i in rest]), strict=True):
            out[i] = total
    # Checked as the reference checks (a total our JSON cannot hold is refused).
    return sum_columns([out], paths)
