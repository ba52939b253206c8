"""The JSON renderer: exactly the core's canonical JSON, loading back to the same report."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings

import govdisclosure as gd
from govdisclosure.plugin import manager as plugin_manager
from govdisclosure.testing.strategies import any_reports
from govdisclosure_json import RENDERER

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = sorted(
    p for p in (ROOT / "examples").rglob("*.json") if "plugins" not in p.relative_to(ROOT).parts
)


def test_registered_through_the_entry_point() -> None:
    assert plugin_manager.renderers()["json"] is RENDERER
    assert (RENDERER.media_type, RENDERER.suffix) == ("application/json", ".json")
    assert RENDERER.editions is None  # any edition, from the table definitions
    info = next(i for i in plugin_manager.plugin_infos() if i.name == "json")
    assert info.distribution == "govdisclosure-json" and info.renderers == ("json",)


def test_examples_exist() -> None:
    assert EXAMPLES


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_examples_render_to_the_canonical_json(path: Path) -> None:
    report = gd.load(path)
    data = gd.render(report, "json")
    assert data == gd.dumps(report).encode("utf-8")
    assert gd.loads(data) == report
    # The examples are stored canonically, so rendering gives the file back.
    assert data == path.read_bytes()


def test_locale_does_not_change_data() -> None:
    report = gd.load(EXAMPLES[0])
    assert gd.render(report, "json", locale="en") == gd.render(report, "json")


@settings(max_examples=80, deadline=None)
@given(report=any_reports())
def test_generated_reports_round_trip(report: gd.Report) -> None:
    data = gd.render(report, "json")
    assert data == gd.dumps(report).encode("utf-8")
    assert gd.loads(data) == report
