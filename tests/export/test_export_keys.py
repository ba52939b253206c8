"""The long-format export's static columns against a fixed table, per edition.

A cell's ``key`` is what a panel of years joins on, so it must not move
between releases: ``expected_keys.tsv`` beside this file lists, for one
report of each edition and layout (2021 with the three official rows of
（六）其他处理 and with the one row some units print, 2019, and two pre-2019
templates), every cell's key, kind, row code, labels, the edition breaks on
either side and the JSON path an import's provenance names.  The table is
data, read here, not computed by the code under test: a change to any key
fails this test, and is then either a mistake or a deliberate break that
the changelog must announce (the table is rewritten by running this file:
``PYTHONPATH=tests .venv/bin/python tests/export/test_export_keys.py``).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import govdisclosure as gd
from govdisclosure.export.keys import Layout, layout_of
from locations import ROOT

TABLE = Path(__file__).with_name("expected_keys.tsv")
#: One example report per edition and layout.
REPORTS = (
    "huaian-2024.json",
    "hongze-2024.json",
    "shanghai-szfbgt-2019.json",
    "yuxi-2017.json",
    "pingtan-2011.json",
)
COLUMNS = (
    "keys",
    "kinds",
    "row_code",
    "row_zh",
    "row_en",
    "column_zh",
    "column_en",
    "break_before",
    "break_after",
    "json_paths",
)


def rows_of(name: str, layout: Layout) -> list[tuple[str, ...]]:
    """One line per cell: the report's file, then each column ("" for none)."""
    columns = [getattr(layout, c) for c in COLUMNS]
    return [(name, *("" if v is None else v for v in cell)) for cell in zip(*columns, strict=True)]


def expected(name: str) -> list[tuple[str, ...]]:
    with TABLE.open(encoding="utf-8", newline="") as f:
        return [tuple(row) for row in csv.reader(f, delimiter="\t") if row[0] == name]


@pytest.mark.parametrize("name", REPORTS)
def test_every_cell_key_label_and_break_is_the_fixed_tables(name: str) -> None:
    report = gd.load(ROOT / "examples" / name)
    assert rows_of(name, layout_of(report)) == expected(name)


def test_the_fixed_table_holds_each_edition_and_its_breaks() -> None:
    """What the table itself says, so that rewriting it cannot hide a
    change of meaning: the 2019 and 2021 keys are attribute paths shared on
    table 3 (but for 其他处理, whose rows 2021 split); a template's keys are prefixed by its id; 2021 cells of the
    redefined table 2 break with 2019, and every 2019 cell with what came
    before (the 2019 format replaced the templates)."""
    with TABLE.open(encoding="utf-8", newline="") as f:
        lines = list(csv.reader(f, delimiter="\t"))
    by_report: dict[str, list[list[str]]] = {}
    for line in lines:
        by_report.setdefault(line[0], []).append(line)
    assert tuple(by_report) == REPORTS
    key, before, after = 1, 8, 9

    def keys(name: str, prefix: str) -> set[str]:
        return {line[key] for line in by_report[name] if line[key].startswith(prefix)}

    # Table 3 is shared but for 其他处理, one row in 2019, sub-rows in 2021.
    other = "table3.results.other_handling."
    t2019, t2021 = keys("shanghai-szfbgt-2019.json", "table3."), keys("huaian-2024.json", "table3.")
    assert {k for k in t2019 if not k.startswith(other)} == {
        k for k in t2021 if not k.startswith(other)
    }
    assert len(t2019 & t2021) > 50
    assert all(
        line[before].startswith("table2-") == line[key].startswith("table2.")
        for line in by_report["huaian-2024.json"]
    )
    assert all(line[before] for line in by_report["shanghai-szfbgt-2019.json"])
    assert all(line[after] for line in by_report["yuxi-2017.json"])
    assert all(line[key].startswith("national-2016:rows.") for line in by_report["yuxi-2017.json"])
    assert all(line[key].startswith("fujian-2011:rows.") for line in by_report["pingtan-2011.json"])


def _write_table() -> None:
    """Rewrite ``expected_keys.tsv`` from the code as it is (a deliberate change)."""
    with TABLE.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, delimiter="\t", lineterminator="\n")
        for name in REPORTS:
            out.writerows(rows_of(name, layout_of(gd.load(ROOT / "examples" / name))))


if __name__ == "__main__":
    _write_table()
