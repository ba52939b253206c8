"""Consolidated reports for the tests, built from the example reports.

Cells are summed with the library's flat shapes (blank + blank stays blank,
a blank counts as nothing beside a number); the result keeps the reports it
was built from in ``parts``, which is what the PDF's attachment shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import attrs

import govdisclosure as gd
from govdisclosure.cells import NotApplicable
from govdisclosure.flat import shape_of
from govdisclosure.report_base import ReportingUnit

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


def _add(a: object, b: object) -> object:
    if a is None or isinstance(a, NotApplicable):
        return b
    if b is None or isinstance(b, NotApplicable):
        return a
    return a + b  # type: ignore[operator]


def consolidate(reports: Sequence[gd.Report], unit: str) -> gd.Report:
    """The sum of ``reports`` under ``unit``, keeping them as ``parts``."""
    shape = shape_of(reports[0])
    totals: list[object] = list(shape.flatten(reports[0]))
    for report in reports[1:]:
        assert shape_of(report).key == shape.key
        totals = [_add(a, b) for a, b in zip(totals, shape.flatten(report), strict=True)]
    base = shape.rebuild(reports[0], totals)  # type: ignore[arg-type]
    return attrs.evolve(
        base,
        unit=ReportingUnit(name=unit),
        title=None,
        signed_by=None,
        preamble=(),
        sections=(),
        # Same shape, so the same edition as base: mypy cannot see it.
        parts=tuple(reports),  # type: ignore[arg-type]
    )


def city_2024() -> gd.Report:
    """清河市 2024: the three example units of examples/consolidation."""
    parts = [gd.load(p) for p in sorted((EXAMPLES / "consolidation").glob("*.json"))]
    city = consolidate(parts, "清河市人民政府")
    text = gd.load(EXAMPLES / "huaian-2024.json")
    return attrs.evolve(city, sections=tuple(text.sections[:1]), dates=parts[0].dates)


def pingtan_2011() -> gd.Report:
    """平潭综合实验区 2011 consolidating 平潭县 (legacy, Fujian template)."""
    child = gd.load(EXAMPLES / "pingtanxian-2011.json")
    parent = gd.load(EXAMPLES / "pingtan-2011.json")
    assert isinstance(parent, gd.ReportLegacy) and isinstance(child, gd.ReportLegacy)
    return attrs.evolve(parent, parts=[child])
