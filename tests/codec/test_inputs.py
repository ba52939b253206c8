"""One input door: gd.load and every command read through the loader plugins.

A loader is installed for real (a module and its dist-info on sys.path, see
fake_plugins.py); it reads a toy format, ``.gdx``: "UNIT|YEAR|NEW" — enough
to prove dispatch, not a format anyone uses.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import govdisclosure as gd
from fake_plugins import Site, make_site
from govdisclosure.cli import cli
from govdisclosure.flat import cells_by_path

LOADER = """
import attrs
import govdisclosure as gd
from govdisclosure.errors import LoadError, Problem
from govdisclosure.plugin.specs import hookimpl
from govdisclosure.plugin.types import Loader


def _load(data, source):
    try:
        unit, year, new = data.decode().strip().split("|")
    except ValueError:
        raise LoadError([Problem("$", "UNIT|YEAR|NEW", data[:20].decode(errors="replace"))])
    report = gd.blank_report("2021", int(year), unit)
    row = attrs.evolve(report.table3.new_applications, natural_person=int(new))
    return attrs.evolve(report, table3=attrs.evolve(report.table3, new_applications=row))


def _broken(data, source):
    raise ZeroDivisionError("division by zero")


@hookimpl
def govdisclosure_loaders():
    return [
        Loader(name="gdx", suffixes=frozenset({".gdx"}), load=_load),
        Loader(name="broken", suffixes=frozenset({".brk"}), load=_broken),
    ]
"""


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    made = make_site(tmp_path, monkeypatch)
    site = next(made)
    site.install(LOADER)
    yield site
    next(made, None)


def test_gd_load_reads_a_loader_format(site: Site, tmp_path: Path) -> None:
    path = tmp_path / "unit.gdx"
    path.write_text("某县人民政府|2024|7", encoding="utf-8")
    report = gd.load(path)
    assert report.unit.name == "某县人民政府" and report.year == 2024
    assert report.table3.new_applications.natural_person == 7  # type: ignore[union-attr]


def test_every_command_reads_through_the_loaders(site: Site, tmp_path: Path) -> None:
    a, b = tmp_path / "a.gdx", tmp_path / "b.gdx"
    a.write_text("甲县|2024|7", encoding="utf-8")
    b.write_text("乙县|2024|5", encoding="utf-8")
    runner = CliRunner()
    shown = runner.invoke(cli, ["show", str(a)])
    assert shown.exit_code == 0 and "甲县" in shown.output
    checked = runner.invoke(cli, ["validate", str(a), "--format", "json"])
    assert checked.exit_code in (0, 1)
    assert json.loads(checked.stdout)["reports"][0]["unit"] == "甲县"
    out = tmp_path / "total.json"
    summed = runner.invoke(cli, ["consolidate", str(a), str(b), "--unit", "某市", "-o", str(out)])
    assert summed.exit_code == 0, summed.output
    assert gd.load(out).table3.new_applications.natural_person == 12  # type: ignore[union-attr]
    compared = runner.invoke(cli, ["compare", str(a), str(b)])
    assert compared.exit_code == 0, compared.output
    rendered = runner.invoke(cli, ["render", str(a), "--to", "json", "-o", "-"])
    assert rendered.exit_code == 0 and gd.loads(rendered.stdout).unit.name == "甲县"


def test_a_loader_error_names_the_file(site: Site, tmp_path: Path) -> None:
    path = tmp_path / "bad.gdx"
    path.write_text("no bars here", encoding="utf-8")
    with pytest.raises(gd.LoadError) as info:
        gd.load(path)
    assert info.value.source == str(path)
    assert "UNIT|YEAR|NEW" in str(info.value)


def test_a_broken_loader_is_a_load_error_not_a_traceback(site: Site, tmp_path: Path) -> None:
    path = tmp_path / "x.brk"
    path.write_bytes(b"anything")
    with pytest.raises(gd.LoadError) as info:
        gd.load(path)
    # The loader named; what it raised only as the marked detail.
    assert "实际为 broken（详情：ZeroDivisionError: division by zero）" in str(info.value)
    assert "found broken (detail: ZeroDivisionError: division by zero)" in str(info.value)
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "x.brk" in result.output


def test_json_content_loads_whatever_the_suffix(tmp_path: Path) -> None:
    report = gd.blank_report("2019", 2020, "某县")
    path = tmp_path / "report.txt"
    path.write_text(gd.dumps(report), encoding="utf-8")
    assert gd.load(path) == report


def test_an_unknown_format_says_which_suffixes_are_read(site: Site, tmp_path: Path) -> None:
    path = tmp_path / "report.xyz"
    path.write_bytes(b"%PDF-1.7 not json")
    with pytest.raises(gd.LoadError) as info:
        gd.load(path)
    message = info.value.render("en")
    assert "report.xyz" in message and ".gdx" in message


def test_import_reports_a_broken_loader_and_goes_on(site: Site, tmp_path: Path) -> None:
    """``import`` goes through the same door: a loader's exception fails its file
    with the loader named, and the other files are imported."""
    broken, fine = tmp_path / "x.brk", tmp_path / "unit.gdx"
    broken.write_bytes(b"anything")
    fine.write_text("某县人民政府|2024|7", encoding="utf-8")
    out = tmp_path / "out"
    args = ["import", str(broken), str(fine), "-o", str(out), "--jobs", "1", "-l", "en"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert f"{broken}: failed" in result.stdout
    assert "found broken (detail: ZeroDivisionError: division by zero)" in result.stdout
    assert gd.load(out / "unit.json").unit.name == "某县人民政府"


@pytest.mark.parametrize("suffix", [".gdx", ".html", ".pdf", ".xlsx", ".docx"])
def test_an_empty_file_is_said_to_be_empty_whatever_its_format(
    site: Site, tmp_path: Path, suffix: str
) -> None:
    """A download that failed leaves a file of 0 bytes: it is said to be empty, not
    "File is not a zip file" or "the page has text only"."""
    path = tmp_path / f"report{suffix}"
    path.write_bytes(b"")
    with pytest.raises(gd.LoadError) as info:
        gd.load(path)
    assert info.value.render("en").endswith("$: expected a report, not an empty file")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["import", str(path), "-o", str(out), "-l", "en"])
    assert result.exit_code == 2
    assert f"{path}: failed: expected a report, not an empty file" in result.stdout


@pytest.mark.parametrize(
    ("locale", "line", "total"),
    [
        (
            "zh_Hans_CN",
            "全部导入（读取 {n} 个单元格；读取器未记录各单元格印在何处）",
            "导入单元格 {n} 个",
        ),
        (
            "en",
            "fully imported ({n} cell read; the loader gave no trace of where it was printed)",
            "{n} cell placed",
        ),
    ],
)
def test_an_import_without_a_trace_counts_the_cells_it_read(
    site: Site, tmp_path: Path, locale: str, line: str, total: str
) -> None:
    """A loader that gives no provenance is not summed up as "0 cells placed":
    the report's cells that hold a value are counted, and the line says
    plainly that the loader gave no trace."""
    path = tmp_path / "unit.gdx"
    path.write_text("某县人民政府|2024|7", encoding="utf-8")
    filled = sum(1 for v in cells_by_path(gd.load(path)).values() if v is not None)
    assert filled == 1  # the toy format fills one cell
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["import", str(path), "-o", str(out), "-l", locale])
    assert result.exit_code == 0, result.output
    assert f"{path}: {line.format(n=filled)}" in result.stdout
    assert total.format(n=filled) in result.stdout
    assert not (out / "unit.provenance.json").exists()
