"""Our Word renderer and our Word importer meet: render → import gives the
same numbers, for every example report (every edition, the single-row
（六） layout, both statistics templates)."""

from __future__ import annotations

from pathlib import Path

import pytest

import govdisclosure as gd
from govdisclosure.flat import shape_of
from govdisclosure_docx_import import import_docx

EXAMPLES = sorted((Path(__file__).resolve().parents[3] / "examples").glob("*.json"))


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_render_docx_then_import_gives_the_same_numbers(path: Path) -> None:
    report = gd.load(path)
    result = import_docx(gd.render(report, "docx"), path.stem + ".docx")
    assert result.report is not None
    assert result.report.edition == report.edition
    assert shape_of(result.report).flatten(result.report) == shape_of(report).flatten(report)
