"""A page that prints no reporting unit: the import's ``no-unit`` and the
validation's ``unit.unnamed`` say the same thing, each in its place.

The importer reports ``no-unit`` (an error of the import) and still writes
the report, with the unit's name empty; validating that report then finds
``unit.unnamed`` (an error too) on ``$.unit.name``.  The import's own
reading of validation (a relation broken as printed, or a doubtful
mapping) takes only the arithmetic and narrative findings, so the unit's
finding is not counted a second time among the import's problems.
"""

from __future__ import annotations

from pathlib import Path

import attrs

import govdisclosure as gd
from govdisclosure_html import import_html

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "huaian-2024.json"


def test_a_page_without_its_unit_is_no_unit_then_unit_unnamed() -> None:
    report = gd.load(EXAMPLE)
    # Printed without its unit anywhere: no name, no title naming it, no signature.
    page = gd.render(
        attrs.evolve(report, unit=attrs.evolve(report.unit, name=""), title=None, signed_by=None),
        "html",
    )
    result = import_html(page, "page.html")
    assert [(p.severity, p.code) for p in result.problems] == [("error", "no-unit")]
    assert result.report is not None
    assert result.report.unit.name == ""
    errors = [(f.rule, f.path) for f in gd.validate(result.report) if f.severity == "error"]
    assert errors == [("unit.unnamed", "$.unit.name")]


def test_a_page_with_its_unit_has_neither() -> None:
    result = import_html(gd.render(gd.load(EXAMPLE), "html"), "page.html")
    assert "no-unit" not in {p.code for p in result.problems}
    assert result.report is not None
    assert not [f for f in gd.validate(result.report) if f.rule == "unit.unnamed"]
