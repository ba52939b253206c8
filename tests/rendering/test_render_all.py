"""``examples/render_all.py`` (``make demo``): every example, every renderer, and the consolidation."""

from __future__ import annotations

import runpy
from pathlib import Path
from typing import Any

import pytest

import govdisclosure as gd
from govdisclosure.plugin.manager import renderers
from locations import EXAMPLES


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    script: dict[str, Any] = runpy.run_path(str(EXAMPLES / "render_all.py"))
    assert script["main"]([str(out)]) == 0
    return out


def test_every_example_in_every_format(demo: Path) -> None:
    sources = [
        p for p in EXAMPLES.rglob("*.json") if "plugins" not in p.relative_to(EXAMPLES).parts
    ]
    suffixes = {r.suffix for r in renderers().values()}
    assert {".json", ".md", ".pdf"} <= suffixes
    for source in sources:
        stem = "-".join(source.relative_to(EXAMPLES).with_suffix("").parts)
        for suffix in suffixes:
            assert (demo / (stem + suffix)).stat().st_size > 0, stem + suffix


def test_the_filing_templates_are_written_and_read_back(demo: Path) -> None:
    forms = {n for n, r in renderers().items() if r.form is not None}
    if "xlsx" not in forms:
        pytest.skip("the xlsx plugin (plugins/govdisclosure-xlsx) is not installed")
    from govdisclosure_xlsx import load_xlsx

    for stem in ("form-2021", "form-2019", "form-legacy-national-2016", "form-legacy-fujian-2011"):
        data = (demo / f"{stem}.xlsx").read_bytes()
        report = load_xlsx(data, stem)
        assert report.unit.name == "某县人民政府"


def test_the_units_are_consolidated_with_their_breakdown(demo: Path) -> None:
    units = [gd.load(p) for p in sorted((EXAMPLES / "consolidation").glob("*.json"))]
    written = gd.load(demo / "consolidation-consolidated.json")
    assert written == gd.consolidate(units)
    assert written.unit.name == "清河市人民政府"
    markdown = (demo / "consolidation-consolidated.md").read_text(encoding="utf-8")
    for unit in units:
        assert unit.unit.name in markdown
    assert (demo / "consolidation-consolidated.pdf").read_bytes().startswith(b"%PDF-")
