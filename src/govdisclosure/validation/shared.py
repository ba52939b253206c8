"""Work several rules need from one report, done once per validation.

The rules are separate (each has its id, its documentation and its
findings), but many read the same things: the cells as the flat tuple of
the report's shape (the arithmetic, the completeness of the table
sections, the plausibility of counts, the narrative figures) and the
paragraphs of the narrative (every text rule).  Each is built on first use
and kept in the validation's :attr:`~.rules.Context.cache`, keyed by the
report it was built from, so a context reused for another report never
hands out a stale one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import itemgetter

from ..cells import CellValue
from ..editions import Report
from ..flat import Shape, shape_of
from .paragraphs import Paragraphs
from .rules import Context

__all__ = ["cell_values", "paragraphs", "reader", "shape"]


def shape(report: Report, context: Context) -> Shape:
    """``shape_of(report)``, once per validation (it looks at the report's
    edition and layout each time it is asked)."""
    cached = context.cache.get("shape")
    if cached is None or cached[0] is not report:
        cached = context.cache["shape"] = (report, shape_of(report))
    found: Shape = cached[1]
    return found


def cell_values(report: Report, context: Context) -> tuple[CellValue, ...]:
    """``shape_of(report).flatten(report)``, once per validation."""
    cached = context.cache.get("cells")
    if cached is None or cached[0] is not report:
        cached = context.cache["cells"] = (report, shape(report, context).flatten(report))
    values: tuple[CellValue, ...] = cached[1]
    return values


def paragraphs(report: Report, context: Context) -> Paragraphs:
    """The report's :class:`~.paragraphs.Paragraphs`, once per validation."""
    cached = context.cache.get("paragraphs")
    if cached is None or cached.report is not report:
        cached = context.cache["paragraphs"] = Paragraphs(report)
    text: Paragraphs = cached
    return text


def reader(at: Sequence[int]) -> Callable[[Sequence[CellValue]], tuple[CellValue, ...]]:
    """Reads the cells at positions ``at`` of a flat tuple as a tuple, in one
    call (``itemgetter``; rules compiled per shape read their cells so)."""
    if len(at) > 1:
        get: Callable[[Sequence[CellValue]], tuple[CellValue, ...]] = itemgetter(*at)
        return get
    if at:
        only = at[0]
        return lambda values: (values[only],)
    return lambda values: ()
