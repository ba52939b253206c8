"""The counts of ``import`` take the plural form their number asks for.

The per-file line and the closing totals said "1 cells placed" (one
message for every count); they go through ``ngettext`` as every other
count does, and large counts are grouped as the batch summary groups them
("1,200 cells placed").  A traced toy loader is installed for real
(fake_plugins.py): ``.gdt`` files "N" give a report traced with N cells
placed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from fake_plugins import Site, make_site
from govdisclosure.cli import cli

LOADER = """
import govdisclosure as gd
from govdisclosure.plugin.specs import hookimpl
from govdisclosure.plugin.types import ImportOutcome, Loader


def _load(data, source):
    return gd.blank_report("2021", 2024, "某县人民政府")


def _trace(data, source, locale):
    placed = int(data.decode().strip())
    return ImportOutcome(
        report=_load(data, source),
        provenance={"cells": []},
        cells_placed=placed,
        complete=True,
    )


@hookimpl
def govdisclosure_loaders():
    return [Loader(name="gdt", suffixes=frozenset({".gdt"}), load=_load, trace=_trace)]
"""


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    made = make_site(tmp_path, monkeypatch)
    site = next(made)
    site.install(LOADER)
    yield site
    next(made, None)


SAID = {
    "en": (
        "{path}: fully imported (1 cell placed, 0 not placed)",
        "1 file: 1 fully imported, 0 partly imported, 0 failed; 1 cell placed, 0 not placed; "
        "2 files written;",
        "{path}: fully imported (1,200 cells placed, 0 not placed)",
        "2 files: 2 fully imported, 0 partly imported, 0 failed; 1,201 cells placed, "
        "0 not placed; 4 files written;",
    ),
    "zh_Hans_CN": (
        "{path}: 全部导入（导入 1 个单元格，0 个未能对应）",
        "共 1 个文件：全部导入 1 个，部分导入 0 个，失败 0 个；导入单元格 1 个，未能对应 0 个；"
        "写出 2 个文件；",
        "{path}: 全部导入（导入 1,200 个单元格，0 个未能对应）",
        "共 2 个文件：全部导入 2 个，部分导入 0 个，失败 0 个；导入单元格 1,201 个，未能对应 0 个；"
        "写出 4 个文件；",
    ),
}


@pytest.mark.parametrize("locale", list(SAID))
def test_counts_take_their_plural_form(site: Site, tmp_path: Path, locale: str) -> None:
    one, many = tmp_path / "one.gdt", tmp_path / "many.gdt"
    one.write_text("1", encoding="utf-8")
    many.write_text("1200", encoding="utf-8")
    line_one, total_one, line_many, total_many = SAID[locale]
    runner = CliRunner()
    result = runner.invoke(cli, ["import", str(one), "-o", str(tmp_path / "a"), "-l", locale])
    assert result.exit_code == 0, result.output
    assert line_one.format(path=one) + "\n" in result.stdout
    assert total_one in result.stdout
    result = runner.invoke(
        cli, ["import", str(one), str(many), "-o", str(tmp_path / "b"), "-l", locale]
    )
    assert result.exit_code == 0, result.output
    assert line_many.format(path=many) + "\n" in result.stdout
    assert total_many in result.stdout


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("en", "Interrupted after 2 of 5 files; 2 files: 2 fully imported"),
        ("zh_Hans_CN", "已中断：5 个文件中已处理 2 个；共 2 个文件：全部导入 2 个"),
    ],
)
def test_an_interrupted_import_says_how_far_it_got(locale: str, expected: str) -> None:
    """Ctrl-C: the closing line leads with how far the run got, in the
    locale, as every batch command's does."""
    from govdisclosure.batch import Summary
    from govdisclosure.cli.importing import _closing_line

    batch = Summary(total=5, written=4, interrupted=True)
    counts = {"full": 2, "partly": 0, "failed": 0}
    assert _closing_line(counts, 30, 0, batch, locale).startswith(expected)
