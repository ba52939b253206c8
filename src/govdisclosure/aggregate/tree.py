"""The provenance tree of a consolidated report: parts, leaves, unit keys.

A consolidated report keeps the reports it was built from in ``parts``, and
each of those keeps its own: province ← cities ← counties.  The *leaves* are
the reports with no parts — the units' own reports (or a published
consolidated report whose parts we do not have).  A unit is identified by
its name and GB/T 2260 region code, so that two offices called 住建局 in
different cities are different units, and a county consolidated twice
(directly and inside its city) is caught.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from typing import Any, cast

import attrs

from ..codegen import compile_source
from ..editions import Report
from ..report_base import ReportingUnit

__all__ = ["UnitKey", "iter_nodes", "leaves", "strip_narrative", "unit_key"]

UnitKey = tuple[str, str | None]


def unit_key(unit: ReportingUnit) -> UnitKey:
    """What makes two units the same unit (:attr:`ReportingUnit.key`)."""
    return unit.key


def leaves(report: Report) -> Iterator[Report]:
    """The reports at the bottom of ``report``'s tree, left to right.

    A report with no parts is its own only leaf.
    """
    if not report.parts:
        yield report
        return
    for part in report.parts:
        yield from leaves(part)


def iter_nodes(report: Report, depth: int = 0) -> Iterator[tuple[int, Report]]:
    """Every report of the tree with its depth, parents before their parts."""
    yield depth, report
    for part in report.parts:
        yield from iter_nodes(part, depth + 1)


def strip_narrative(report: Report) -> Report:
    """``report`` without preamble and sections, all the way down.

    Parts are stored for their figures and identity; their text belongs to
    their own published reports, and keeping it would make a province's
    file carry every county's prose.  A report that has none is returned as
    it is (no copy), which keeps bulk consolidation cheap.  The copy is a
    generated slot-by-slot copy (:func:`_copier`), not ``attrs.evolve``:
    the fields keep values the report already holds, so ``__init__``'s
    conversions would only cost time (about half of it, measured).
    """
    parts = report.parts
    stripped_parts = tuple(strip_narrative(p) for p in parts) if parts else parts
    changed = any(a is not b for a, b in zip(parts, stripped_parts, strict=True))
    if not (report.sections or report.preamble or changed):
        return report
    copy = _copier(cast(Any, type(report)))
    return cast(Report, copy(report, stripped_parts if changed else parts))


@cache
def _copier(cls: type[Any]) -> Callable[[Any, tuple[Any, ...]], Any]:
    """A function copying a report of ``cls`` with no narrative and the given parts."""
    names = [a.name for a in attrs.fields(cls)]
    if not {"sections", "preamble", "parts"} <= set(names) or not hasattr(cls, "__slots__"):
        return lambda report, parts: attrs.evolve(report, sections=(), preamble=(), parts=parts)
    lines = ["def copy(report, parts):", "    new = _new(_cls)"]
    for name in names:
        if name in ("sections", "preamble"):
            lines.append(f"    _set(new, {name!r}, ())")
        elif name == "parts":
            lines.append("    _set(new, 'parts', parts)")
        else:
            lines.append(f"    _set(new, {name!r}, report.{name})")
    lines.append("    return new")
    scope: dict[str, Any] = {"_new": object.__new__, "_cls": cls, "_set": object.__setattr__}
    compile_source(lines, scope, what=f"copier of {cls.__qualname__} without narrative")
    return cast(Callable[[Any, tuple[Any, ...]], Any], scope["copy"])
