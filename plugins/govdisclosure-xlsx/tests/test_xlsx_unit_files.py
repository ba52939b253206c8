"""Workbooks typed by a unit's staff (``unit_files_xlsx``), imported.

Each workbook is made with openpyxl (or saved by LibreOffice Calc) the way
people make them, not by the project's renderers, with what it prints
written down; the import must place every printed figure exactly, invent
none, leave a formula never calculated blank and name it, tell a total the
unit got wrong as the publisher's error, and get the edition right.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import unit_files_xlsx as unit
from govdisclosure.paths import json_path
from govdisclosure.testing.libreoffice import SOFFICE
from govdisclosure_xlsx import import_binary, import_workbook
from unit_file_oracle import UnitFile, as_converted, line, score


@pytest.mark.parametrize("made", unit.cases(), ids=lambda u: u.name)
def test_unit_workbook(made: UnitFile) -> None:
    # Before: with every total typed as =SUM and saved by openpyxl (no value
    # cached), table 3's 总计 column was taken for labels (27 cells reported
    # "no printed cell") and table 4 was not found; so was table 4 with its
    # headings typed over two rows ("行政" over "复议").
    got = score(made, import_workbook(made.data, f"{made.name}.xlsx"))
    assert got.perfect, line(got)


def test_sums_never_calculated_are_named_with_their_formula() -> None:
    made = unit.case_formulas_uncached()
    _, _, problems = import_workbook(made.data, "sums.xlsx")
    said = {p.path: p.message("en") for p in problems if p.code == "cell-unreadable"}
    # Every total on a row: table 3's 总计 column and table 4's three.
    assert {path[0] for path in made.unreadable} == {"table3", "table4"}
    assert set(said) == {json_path(path) for path in made.unreadable}
    assert all("=SUM(" in text for text in said.values())
    # Said as what it is, with what to do (before: "cannot be read as a
    # figure (not a number)", as for any text).
    assert all("never calculated" in text for text in said.values())
    assert all("recalculate" in text for text in said.values())
    assert all("not a number" not in text for text in said.values())
    in_chinese = [p.message("zh_Hans_CN") for p in problems if p.code == "cell-unreadable"]
    assert in_chinese and all("从未计算" in text for text in in_chinese)
    assert all("重新计算" in text for text in in_chinese)


def test_a_cell_not_read_is_named_by_its_address() -> None:
    """Each ``cell-unreadable`` names the spreadsheet's cell, as the
    provenance of a cell read does (``表三!I5``), so the reader finds it."""
    made = unit.case_formulas_uncached()
    result = import_workbook(made.data, "sums.xlsx")
    unreadable = [p for p in result.problems if p.code == "cell-unreadable"]
    assert len(unreadable) == len(made.unreadable)
    placed = {(c.table, c.row, c.col): c.address for c in result.provenance.cells}
    for problem in unreadable:
        assert problem.address is not None and "!" in problem.address
        assert placed.get((problem.table or 0, problem.row or 0, problem.col or 0)) == (
            problem.address
        )


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_workbooks_through_libreoffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GOVDISCLOSURE_SOFFICE", raising=False)
    made = list(unit.cases_converted(tmp_path))
    for one in made:
        importer = import_binary if one.refused else import_workbook
        got = score(one, importer(one.data, one.name))
        assert got.perfect, line(got)
    # Asked to convert, the .xls is converted and read whole.
    monkeypatch.setenv("GOVDISCLOSURE_SOFFICE", "1")
    (old,) = [one for one in made if one.refused]
    got = score(as_converted(old), import_binary(old.data, old.name))
    assert got.perfect, line(got)
