"""The JSON renderer: exactly the core's canonical JSON, loading back to the same report."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govdisclosure as gd
from govdisclosure import plugin_manager
from govdisclosure.cells import MAX_COUNT, NA_MARKS, NotApplicable
from govdisclosure.editions.legacy import StatisticsTable
from govdisclosure.flat import shape_of
from govdisclosure.registry import known_template_ids
from govdisclosure_json import RENDERER

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = sorted(
    p for p in (ROOT / "examples").rglob("*.json") if "plugins" not in p.relative_to(ROOT).parts
)

_CELLS: dict[str, st.SearchStrategy[Any]] = {
    "count": st.integers(0, MAX_COUNT),
    "signed": st.integers(-MAX_COUNT, MAX_COUNT),
    "money": st.builds(
        lambda n, k: Decimal(n).scaleb(-k), st.integers(0, 10**12), st.integers(0, 6)
    ),
}
_ANY_CELL = {
    kind: st.one_of(st.none(), st.sampled_from([NotApplicable(m) for m in NA_MARKS]), cells)
    for kind, cells in _CELLS.items()
}


@st.composite
def reports(draw: st.DrawFn, depth: int = 0) -> gd.Report:
    """Any report: every edition, template and layout, cells from the definitions."""
    edition = draw(st.sampled_from(sorted(gd.EDITIONS)))
    kwargs: dict[str, Any] = {
        "unit": gd.ReportingUnit(name=draw(st.text(max_size=20))),
        "year": draw(st.integers(2008, 2030)),
        "title": draw(st.one_of(st.none(), st.text(max_size=20))),
        "dates": gd.ReportDates(written=draw(st.one_of(st.none(), st.dates(dt.date(2008, 1, 1))))),
        "preamble": draw(st.lists(st.text(max_size=40), max_size=2)),
        "sections": draw(
            st.lists(
                st.builds(gd.Section, heading=st.text(max_size=20), paragraphs=st.lists(st.text())),
                max_size=3,
            )
        ),
    }
    if edition == "legacy":
        kwargs["statistics"] = StatisticsTable(template=draw(st.sampled_from(known_template_ids())))
    report: gd.Report = gd.EDITIONS[edition](**kwargs)
    if edition == "2021" and draw(st.booleans()):
        assert isinstance(report, gd.Report2021)
        results = attrs.evolve(report.table3.results, other_handling=gd.ApplicantRow())
        report = attrs.evolve(report, table3=attrs.evolve(report.table3, results=results))
    shape = shape_of(report)
    return shape.rebuild(report, [draw(_ANY_CELL[kind]) for kind in shape.kinds])


@st.composite
def consolidated(draw: st.DrawFn) -> gd.Report:
    report = draw(reports())
    parts = draw(st.lists(reports(), max_size=2))
    same = [p for p in parts if shape_of(p).key == shape_of(report).key]
    return attrs.evolve(report, parts=tuple(same))


def test_registered_through_the_entry_point() -> None:
    assert plugin_manager.renderers()["json"] is RENDERER
    assert (RENDERER.media_type, RENDERER.suffix) == ("application/json", ".json")
    assert RENDERER.editions == frozenset(gd.EDITIONS)
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
@given(report=consolidated())
def test_generated_reports_round_trip(report: gd.Report) -> None:
    data = gd.render(report, "json")
    assert data == gd.dumps(report).encode("utf-8")
    assert gd.loads(data) == report
