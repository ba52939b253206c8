"""Consolidated reports for the tests, built from the example reports.

Cells are summed with the library's flat shapes (blank + blank stays blank,
a blank counts as nothing beside a number); the result keeps the reports it
was built from in ``parts``, which is what the PDF's attachment shows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

import govdisclosure as gd
from govdisclosure.cells import NotApplicable
from govdisclosure.common import ReportingUnit
from govdisclosure.flat import shape_of

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


# -- arguments of the converter=tuple fields -----------------------------------------------
# mypy's attrs plugin types the parameters of fields declared converter=tuple
# (Section.paragraphs/subsections, a report's preamble/sections/parts) as
# Iterable[_T_co] with the type variable unbound, so no argument type-checks.
# These check the items and pass the tuple on untyped; tests/tuple_fields.py
# has the same for the library's tests.  Drop them once the library declares
# typed converters.


def paragraphs_arg(*paragraphs: str) -> Any:
    """``paragraphs=`` of a :class:`~govdisclosure.Section`, ``preamble=`` of a report."""
    return paragraphs


def sections_arg(items: Iterable[gd.Section]) -> Any:
    """``sections=`` of a report."""
    return tuple(items)


def parts_arg(items: Iterable[gd.Report]) -> Any:
    """``parts=`` of a consolidated report."""
    return tuple(items)


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
        parts=parts_arg(reports),
    )


def city_2024() -> gd.Report:
    """清河市 2024: the three example units of examples/consolidation."""
    parts = [gd.load(p) for p in sorted((EXAMPLES / "consolidation").glob("*.json"))]
    city = consolidate(parts, "清河市人民政府")
    text = gd.load(EXAMPLES / "huaian-2024.json")
    return attrs.evolve(city, sections=sections_arg(text.sections[:1]), dates=parts[0].dates)


def pingtan_2011() -> gd.Report:
    """平潭综合实验区 2011 consolidating 平潭县 (legacy, Fujian template)."""
    child = gd.load(EXAMPLES / "pingtanxian-2011.json")
    parent = gd.load(EXAMPLES / "pingtan-2011.json")
    return attrs.evolve(parent, parts=parts_arg([child]))
