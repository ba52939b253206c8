"""An edition added by a plugin works everywhere, with no change to the core.

The plugin is ``examples/plugins/govdisclosure-edition-draft`` (a fictional
``draft-2027`` format: the 2021 tables plus one block in table 2),
pip-installed into a directory of its own and found through its entry point
like any installed distribution.  Every capability the library offers for
an edition is exercised on it: load, dump, JSON Schema, describe, validate,
consolidate, compare, every renderer, the importers' recognition, the CLI and
the Hypothesis strategies.
"""

from __future__ import annotations

import importlib
import importlib.util
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

import govdisclosure as gd
from govdisclosure.aggregate import compare
from govdisclosure.cli import cli
from govdisclosure.flat import shape_of
from govdisclosure.plugin import manager as pm
from govdisclosure.schema import json_schema
from govdisclosure.testing.strategies import any_reports, consistent_reports
from locations import ROOT

PLUGIN = ROOT / "examples" / "plugins" / "govdisclosure-edition-draft"
EDITION = "draft-2027"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The plugin pip-installed into a directory of its own (once per module)."""
    target = tmp_path_factory.mktemp("edition-plugin")
    command = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps"]
    if importlib.util.find_spec("hatchling") is not None:
        command.append("--no-build-isolation")
    command += ["--target", str(target), str(PLUGIN)]
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    return target


@pytest.fixture(autouse=True)
def with_plugin(installed: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.syspath_prepend(str(installed))
    monkeypatch.delenv("GOVDISCLOSURE_DISABLE_PLUGIN_AUTOLOAD", raising=False)
    monkeypatch.delenv("GOVDISCLOSURE_PLUGINS", raising=False)
    importlib.invalidate_caches()
    pm.reset_plugin_manager()
    yield
    monkeypatch.undo()
    importlib.invalidate_caches()
    pm.reset_plugin_manager()


def _filled(year: int = 2027, unit: str = "某市人民政府") -> Any:
    """A report of the plugin edition with every relation holding."""
    report: Any = gd.blank_report(EDITION, year, unit, with_headings=True)
    t2 = report.table2
    consult = attrs.evolve(t2.consultations, held=3, answered=40, answered_online=25)
    t3 = report.table3
    row = attrs.evolve(t3.new_applications, natural_person=5, total=5)
    results = attrs.evolve(t3.results, disclosed=row)
    table3 = attrs.evolve(t3, new_applications=row, results=results)
    filled = attrs.evolve(report, table2=attrs.evolve(t2, consultations=consult), table3=table3)
    return gd.complete_totals(filled)


def test_the_edition_is_registered_through_the_hook() -> None:
    assert EDITION in gd.EDITIONS
    record = gd.EDITIONS[EDITION]
    assert record.predecessor == "2021" and record.fits_year(2030)
    assert any(EDITION in info.editions for info in pm.plugin_infos())
    assert not pm.conflicts() and not pm.failures()


def test_the_edition_goes_and_comes_back_with_its_plugin() -> None:
    """The registry remembers the plugins' editions only while the same
    plugins are registered: taken out, the edition is unknown at once."""
    assert EDITION in gd.EDITIONS
    manager = pm.get_plugin_manager()
    name = next(info.name for info in pm.plugin_infos() if EDITION in info.editions)
    plugin = manager.unregister(name=name)
    try:
        assert EDITION not in gd.EDITIONS
        assert EDITION not in list(gd.EDITIONS)
    finally:
        manager.register(plugin, name=name)
    assert EDITION in gd.EDITIONS and gd.EDITIONS[EDITION].predecessor == "2021"


def test_describe_derives_the_new_block() -> None:
    table2, table3, table4 = gd.describe(EDITION)
    assert table4.title == gd.describe("2021")[2].title
    labels = [row.label for row in table2.rows]
    assert "网上政务咨询" in labels
    assert [r.label for r in table3.rows] == [r.label for r in gd.describe("2021")[1].rows]
    single = gd.describe(EDITION, variant="single-other-handling")[1]
    assert len(single.rows) < len(table3.rows)


def test_dump_load_and_schema(tmp_path: Path) -> None:
    report = _filled()
    path = tmp_path / "draft.json"
    gd.dump(report, path)
    assert gd.load(path) == report
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["edition"] == EDITION
    assert data["table2"]["consultations"]["answered"] == 40
    jsonschema.Draft202012Validator(json_schema(EDITION)).validate(data)


def test_load_errors_name_the_path() -> None:
    text = gd.dumps(_filled()).replace('"answered": 40', '"answered": -1')
    with pytest.raises(gd.LoadError) as info:
        gd.loads(text)
    assert "$.table2.consultations.answered" in str(info.value)


def test_validate_checks_the_tables_arithmetic() -> None:
    report = _filled()
    assert [f for f in gd.validate(report, blank="zero") if f.severity == "error"] == []
    t3 = report.table3
    broken_total = attrs.evolve(t3.results.total, natural_person=6)
    broken = attrs.evolve(
        report, table3=attrs.evolve(t3, results=attrs.evolve(t3.results, total=broken_total))
    )
    errors = [f for f in gd.validate(broken, blank="zero") if f.severity == "error"]
    assert any("$.table3.results.total.natural_person" in f.involves for f in errors)


def test_consolidate_adds_up_the_new_block() -> None:
    a, b = _filled(unit="甲县"), _filled(unit="乙县")
    total = gd.consolidate([a, b], "某市人民政府")
    assert total.edition == EDITION
    assert total.table2.consultations.answered == 80
    assert total.table3.results.total.total == 10
    assert [p.unit.name for p in total.parts] == ["甲县", "乙县"]


def test_compare_with_its_predecessor() -> None:
    old = gd.blank_report("2021", 2026, "某市人民政府")
    new = _filled()
    result = compare(old, new)
    reasons = {group.reason.id for group in result.not_comparable}
    assert "draft-consultations" in reasons
    assert any(c.json_path == "$.table3.results.disclosed.natural_person" for c in result.cells)


def test_every_renderer_renders_it() -> None:
    report = _filled()
    for name, renderer in pm.renderers().items():
        assert renderer.supports(EDITION), name
    markdown = gd.render(report, "markdown").decode()
    assert "网上政务咨询" in markdown and "本年答复问题数" in markdown
    assert gd.loads(gd.render(report, "json")) == report
    pdf = PdfReader(io.BytesIO(gd.render(report, "pdf")))
    text = "".join(page.extract_text() for page in pdf.pages)
    assert "网上政务咨询" in text.replace("\n", "")


def test_the_importers_recognise_it() -> None:
    """Its page, rendered by the HTML renderer, is imported back as the
    plugin edition (its extra block's labels win against 2021's), and a
    2021 report of the plugin's years stays 2021 (the block is not there)."""
    from govdisclosure_html import import_html

    report = _filled()
    imported, provenance, problems = import_html(gd.render(report, "html"), "draft.html")
    assert imported is not None, [p.message("en") for p in problems]
    assert imported.edition == EDITION and provenance.edition_decided_by == "labels"
    assert imported.table2.consultations == report.table2.consultations
    assert shape_of(imported).flatten(imported) == shape_of(report).flatten(report)
    old = gd.complete_totals(gd.blank_report("2021", 2027, "某市人民政府", with_headings=True))
    again, provenance, _ = import_html(gd.render(old, "html"), "2021.html")
    assert again is not None and again.edition == "2021"
    (duel,) = [d for d in provenance.edition_duels if {d.a, d.b} == {"2021", EDITION}]
    assert duel.winner == "2021" and (duel.printed_a, duel.printed_b) == (0, 0)


def test_the_cli_knows_the_edition(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "new.json"
    result = runner.invoke(
        cli, ["new", "--edition", EDITION, "--year", "2027", "--unit", "某市", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    report = gd.load(out)
    assert report.edition == EDITION
    assert [s.heading for s in report.sections] == list(gd.EDITIONS[EDITION].section_headings)
    shown = runner.invoke(cli, ["show", str(out)])
    assert shown.exit_code == 0 and "draft-2027" in shown.output


# The plugin is installed by a fixture, so the strategies are built when
# first drawn from (st.deferred), not when the module is imported.
_FIXTURE_OK = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@_FIXTURE_OK
@given(st.deferred(lambda: consistent_reports(EDITION, blanks=True)))
def test_strategies_draw_consistent_reports_of_it(report: Any) -> None:
    assert report.edition == EDITION and gd.EDITIONS[EDITION].fits_year(report.year)
    assert gd.loads(gd.dumps(report)) == report
    assert [f for f in gd.validate(report, blank="zero") if f.rule.startswith("table")] == []


@_FIXTURE_OK
@given(st.deferred(lambda: any_reports(EDITION, max_depth=1)))
def test_any_report_of_it_round_trips(report: Any) -> None:
    assert gd.loads(gd.dumps(report)) == report
