"""A third-party plugin, installed for real, rendering through the manager.

The CSV example (``examples/plugins/govdisclosure-csv``) is built from its
own ``pyproject.toml`` and installed with pip into a temporary directory
(``pip install --target``), which is then put on ``sys.path``: the entry
point pip writes is the one the manager discovers, exactly as after a
normal install, and the project's venv is left untouched.  A broken plugin
is a hand-made distribution whose module raises on import.
"""

from __future__ import annotations

import csv
import importlib
import importlib.util
import io
import subprocess
import sys
from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner

import govdisclosure as gd
from fake_plugins import Site
from govdisclosure.cli import cli
from govdisclosure.introspect import table_info
from govdisclosure.plugin import manager as pm
from govdisclosure.registry import find_template, tables_of
from locations import ROOT

CSV_PLUGIN = ROOT / "examples" / "plugins" / "govdisclosure-csv"
HUAIAN = ROOT / "examples" / "huaian-2024.json"
PINGTAN = ROOT / "examples" / "pingtanxian-2012.json"
#: A pre-2019 report whose table fits no shipped template: it carries the template derived from it.
DERIVED = (
    ROOT
    / "plugins/govdisclosure-html/tests/data/2009_gaj-gonganju_80645/imported-derived/report.json"
)


@pytest.fixture(scope="module")
def csv_wheel_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The CSV plugin pip-installed into a directory of its own (once per module)."""
    target = tmp_path_factory.mktemp("csv-plugin")
    command = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps"]
    # Build with the hatchling already installed when there is one (fast,
    # offline); otherwise let pip fetch it in an isolated build env.
    if importlib.util.find_spec("hatchling") is not None:
        command.append("--no-build-isolation")
    command += ["--target", str(target), str(CSV_PLUGIN)]
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    return target


@pytest.fixture
def with_csv(csv_wheel_dir: Path, site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(csv_wheel_dir))
    importlib.invalidate_caches()
    pm.reset_plugin_manager()


def _rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM spreadsheets need
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_installed_plugin_is_discovered(with_csv: None) -> None:
    info = next(i for i in pm.plugin_infos() if i.name == "csv")
    assert (info.distribution, info.version, info.renderers) == (
        "govdisclosure-csv",
        "0.1.0",
        ("csv",),
    )
    assert pm.failures() == ()


def test_csv_has_one_row_per_cell(with_csv: None) -> None:
    report = gd.load(HUAIAN)
    assert isinstance(report, gd.Report2021)
    rows = _rows(gd.render(report, "csv"))
    assert rows[0] == ["table", "row", "column", "value"]
    expected = sum(
        len(r.columns) for key, table in tables_of(report) for r in table_info(table, key).rows
    )
    assert len(rows) - 1 == expected
    total = [
        r for r in rows if r[0] == "三、收到和处理政府信息公开申请情况" and r[1] == "（七）总计"
    ]
    assert total[-1][2] == "总计"
    assert total[-1][3] == str(report.table3.results.total.total)


def test_csv_legacy_and_english(with_csv: None) -> None:
    report = gd.load(PINGTAN)
    assert isinstance(report, gd.ReportLegacy)
    template = find_template(report.statistics.template)
    rows = _rows(gd.render(report, "csv", locale="en"))
    assert len(rows) - 1 == len(template.value_rows) * len(template.columns)
    assert rows[1][0] != template.title  # translated


def test_csv_of_a_table_printed_otherwise_has_its_own_rows(with_csv: None) -> None:
    """A pre-2019 table that fits no shipped template is drawn from the
    template it carries, as every built-in renderer draws it: one row per
    cell, the figures as printed."""
    report = gd.load(DERIVED)
    assert isinstance(report, gd.ReportLegacy) and report.statistics.derived is not None
    rows = _rows(gd.render(report, "csv"))
    figures = gd.cells_by_path(report)
    assert len(rows) - 1 == len(figures)
    assert [r[3] for r in rows[1:]] == ["" if v is None else str(v) for v in figures.values()]


def test_cli_renders_with_the_third_party_plugin(
    with_csv: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["render", str(HUAIAN), "--to", "csv"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "huaian-2024.csv").read_bytes() == gd.render(gd.load(HUAIAN), "csv")


def test_a_plugin_that_fails_to_import_breaks_nothing_else(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    name, _, dist = site.install(
        "raise RuntimeError('this plugin is broken')\n", entry_point="brokenplugin", version="0.9"
    )
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(cli, ["render", str(HUAIAN), "--to", "markdown"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "huaian-2024.md").read_bytes() == gd.render(gd.load(HUAIAN), "markdown")

    listing = runner.invoke(cli, ["plugins"])
    assert listing.exit_code == 0
    assert f"{name} {dist} 0.9: RuntimeError: this plugin is broken" in listing.stdout
    assert "markdown" in listing.stdout

    data = orjson.loads(runner.invoke(cli, ["plugins", "--format", "json"]).stdout)
    (failure,) = data["failures"]
    assert (failure["name"], failure["distribution"], failure["version"]) == (name, dist, "0.9")
    assert "markdown" in data["renderers"]

    verbose = runner.invoke(cli, ["plugins", "--verbose"])
    assert "Traceback" in verbose.stdout


def test_strict_mode_makes_the_listing_fail(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    name, _, _ = site.install("raise RuntimeError('broken')\n")
    monkeypatch.setenv(pm.STRICT_ENV, "1")
    pm.reset_plugin_manager()
    result = CliRunner().invoke(cli, ["plugins"])
    assert result.exit_code == 2 and name in result.stderr
