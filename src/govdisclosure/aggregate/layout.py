"""Reading a report in another layout of its edition: （六） as one row or three.

The 2021 format prints （六）其他处理 as three sub-rows, and real reports
also print it as one row (洪泽区 2024); both are kept as printed
(:class:`~govdisclosure.editions.e2021.Results2021`).  Two such reports have
different :func:`~govdisclosure.flat.shape_of` keys and cannot be summed cell
by cell.  What is allowed:

* **folding** three sub-rows into one row, column by column, by the cell
  rule of :mod:`.combine` — only when asked (``fold_other_handling=True``),
  because it throws away the split the office printed;
* **adapting a blank （六）**: a report that left every （六） cell blank
  says nothing about the layout, so it reads as blank in either layout
  without losing anything.

Everything else is a :class:`ConsolidationError`.  The correspondence
between the layouts is derived from the two shapes' paths: a cell of the
one-row layout ``(…, "other_handling", column)`` gathers the cells
``(…, "other_handling", sub_row, column)`` of the three-row layout.  No list
of cells is kept here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from ..cells import CellValue
from ..editions import EDITIONS, Report
from ..flat import Shape, shape_of
from ..i18n import N_
from ..paths import Path, json_path
from .combine import combine
from .errors import ConsolidationError

__all__ = ["Plan", "choose_shape", "plan", "values_in"]

#: For each cell of the target shape: copy one source cell, fold several
#: source cells into it, or spread one source cell that must be blank.
Op = tuple[Literal["copy", "fold", "spread"], tuple[int, ...]]


class Plan:
    """How to read a report of shape ``source`` as shape ``target``."""

    def __init__(self, source: Shape, target: Shape):
        self.source = source
        self.target = target
        src = source.index()
        tgt = target.index()
        folds: dict[Path, list[int]] = {}
        for i, p in enumerate(source.paths):
            if p not in tgt and len(p) >= 2:
                folds.setdefault((*p[:-2], p[-1]), []).append(i)
        ops: list[Op] = []
        for d in target.paths:
            if d in src:
                ops.append(("copy", (src[d],)))
            elif d in folds:
                ops.append(("fold", tuple(folds[d])))
            elif len(d) >= 2 and (*d[:-2], d[-1]) in src:
                ops.append(("spread", (src[(*d[:-2], d[-1])],)))
            else:
                raise ConsolidationError(
                    "shapes",
                    N_("Reports whose tables differ cannot be added up: {path} has no counterpart"),
                    {"path": json_path(d)},
                )
        used = {i for _, idx in ops for i in idx}
        if used != set(range(len(source.paths))):
            missing = min(set(range(len(source.paths))) - used)
            raise ConsolidationError(
                "shapes",
                N_("Reports whose tables differ cannot be added up: {path} has no counterpart"),
                {"path": json_path(source.paths[missing])},
            )
        self.ops = tuple(ops)
        #: Source cells that only a fold or a spread reads: (六) itself.
        self.differing = tuple(sorted(i for op, idx in ops if op != "copy" for i in idx))
        self.folds = any(op == "fold" for op, _ in ops)

    def is_lossless_for(self, values: Sequence[CellValue]) -> bool:
        """True when reading ``values`` this way loses nothing: the cells
        that differ between the layouts are all blank."""
        return all(values[i] is None for i in self.differing)

    def apply(self, values: Sequence[CellValue]) -> tuple[CellValue, ...]:
        out: list[CellValue] = []
        for (op, idx), path in zip(self.ops, self.target.paths, strict=True):
            if op == "copy":
                out.append(values[idx[0]])
            elif op == "fold":
                out.append(combine((values[i] for i in idx), json_path(path)))
            else:
                out.append(None)  # callers check is_lossless_for first
        return tuple(out)


_PLANS: dict[tuple[tuple[Any, ...], tuple[Any, ...]], Plan] = {}


def plan(source: Shape, target: Shape) -> Plan:
    """The plan reading ``source`` as ``target`` (computed once per pair)."""
    key = (source.key, target.key)
    found = _PLANS.get(key)
    if found is None:
        found = _PLANS[key] = Plan(source, target)
    return found


def values_in(report: Report, target: Shape, *, fold: bool = True) -> tuple[CellValue, ...]:
    """``report``'s cells read in the layout ``target``.

    The same shape reads as it is.  A three-row （六） is folded when
    ``fold`` is true; otherwise, and for a one-row （六） read as three, the
    （六） cells must be blank.
    """
    source = shape_of(report)
    values = source.flatten(report)
    if source.key == target.key:
        return values
    if _template_driven(source) or _template_driven(target) or source.key[0] != target.key[0]:
        raise _shape_error(source, target)
    p = plan(source, target)
    if not p.is_lossless_for(values) and not (fold and p.folds):
        raise _layout_error(report)
    return p.apply(values)


def choose_shape(
    reports: Sequence[Report], *, fold: bool, shapes_of: Sequence[Shape] | None = None
) -> Shape:
    """The shape a set of reports of one edition is added up in.

    One shape → that shape.  2021 reports in both （六） layouts → the
    one-row layout when some one-row report has a figure in （六） (folding
    the others, which needs ``fold`` unless their （六） is blank), else the
    three-row layout (the one-row reports' blank （六） adapts).
    ``shapes_of`` may pass each report's shape when the caller has them.
    """
    shapes: dict[tuple[Any, ...], Shape] = {}
    for shape in {id(s): s for s in shapes_of or map(shape_of, reports)}.values():
        shapes.setdefault(shape.key, shape)
    if len(shapes) == 1:
        return next(iter(shapes.values()))
    if any(map(_template_driven, shapes.values())):
        templates = sorted(str(s.key[1]) for s in shapes.values() if _template_driven(s))
        raise ConsolidationError(
            "templates",
            N_(
                "Legacy reports can be added up only when they use the same statistics "
                "template; these use {templates}"
            ),
            {"templates": tuple(templates)},
        )
    # Typed reports of one edition: only a layout variant differs.
    by_size = sorted(shapes.values(), key=lambda s: len(s.paths))
    one_row, three_rows = by_size[0], by_size[-1]
    to_three = plan(one_row, three_rows)
    needs_one_row = any(
        shape_of(r).key == one_row.key and not to_three.is_lossless_for(one_row.flatten(r))
        for r in reports
    )
    if not needs_one_row:
        return three_rows
    to_one = plan(three_rows, one_row)
    for r in reports:
        if (
            not fold
            and shape_of(r).key == three_rows.key
            and not to_one.is_lossless_for(three_rows.flatten(r))
        ):
            raise _layout_error(r)
    return one_row


def _layout_error(report: Report) -> ConsolidationError:
    return ConsolidationError(
        "shapes",
        N_(
            "（六）其他处理 is printed as three sub-rows in the report of {unit} and as one row "
            "in others; pass fold_other_handling=True (command line: "
            "--fold-other-handling) to fold the sub-rows into one row"
        ),
        {"unit": report.unit.name},
    )


def _shape_error(source: Shape, target: Shape) -> ConsolidationError:
    return ConsolidationError(
        "shapes",
        N_("Reports whose tables differ cannot be added up: {a} and {b}"),
        {"a": _describe(source), "b": _describe(target)},
    )


def _template_driven(shape: Shape) -> bool:
    return EDITIONS[str(shape.key[0])].template_driven


def _describe(shape: Shape) -> str:
    return "/".join(str(k) for k in shape.key if k is not None)
