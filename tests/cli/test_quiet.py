"""``--quiet`` means the same for every command that takes it: a run that
goes well prints nothing besides its output (docs/cli.md), errors still do."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from govdisclosure.cli import cli
from locations import ROOT

EXAMPLES = ROOT / "examples"
HUAIAN = str(EXAMPLES / "huaian-2024.json")
HONGZE = str(EXAMPLES / "hongze-2024.json")


def _commands(out: Path) -> dict[str, list[str]]:
    return {
        "consolidate": [
            "consolidate",
            HUAIAN,
            HONGZE,
            "-u",
            "X",
            "-o",
            str(out / "x.json"),
            "--fold-other-handling",
        ],
        "export": ["export", HUAIAN, "--to", "csv", "-o", str(out / "cells.csv")],
        "render": ["render", HUAIAN, "--to", "json", "-o", str(out / "r.json")],
        "render-many": ["render", HUAIAN, HONGZE, "--to", "json", "-d", str(out / "many")],
    }


@pytest.mark.parametrize("command", ["consolidate", "export", "render", "render-many"])
@pytest.mark.parametrize("locale", ["zh_Hans_CN", "en"])
def test_quiet_run_that_goes_well_prints_nothing(tmp_path: Path, command: str, locale: str) -> None:
    args = _commands(tmp_path)[command]
    said = CliRunner().invoke(cli, [*args, "-l", locale])
    assert said.exit_code == 0, said.output
    assert said.stderr  # without --quiet the command says what it wrote
    for written in tmp_path.rglob("*"):
        if written.is_file():
            written.unlink()
    result = CliRunner().invoke(cli, [*args, "--quiet", "-l", locale])
    assert result.exit_code == 0, result.output
    assert (result.stdout, result.stderr) == ("", "")
    assert any(p.is_file() for p in tmp_path.rglob("*"))  # and still wrote it


def test_quiet_still_says_errors(tmp_path: Path) -> None:
    out = tmp_path / "x.json"
    out.write_text("{}", encoding="utf-8")
    result = CliRunner().invoke(cli, ["consolidate", HUAIAN, "-u", "X", "-o", str(out), "-q"])
    assert result.exit_code != 0
    assert result.stderr


def test_quiet_import_keeps_its_report_and_drops_the_files_written(tmp_path: Path) -> None:
    # import's lines and closing line are its output (on standard output);
    # "  → NAME.json", the files written, went to standard error even with --quiet.
    page = str(EXAMPLES / "pages" / "pingtan-2023.html")
    said = CliRunner().invoke(cli, ["import", page, "-o", str(tmp_path / "a")])
    assert "→" in said.stderr
    result = CliRunner().invoke(cli, ["import", page, "-o", str(tmp_path / "b"), "--quiet"])
    assert result.exit_code == said.exit_code
    assert result.stdout.splitlines()[:-1] == said.stdout.splitlines()[:-1]
    assert result.stderr == ""
    assert sorted(p.name for p in (tmp_path / "b").iterdir())
