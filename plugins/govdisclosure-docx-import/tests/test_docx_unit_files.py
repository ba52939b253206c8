"""Word files typed by a unit's staff (``unit_files_docx``), imported.

Each file is made with python-docx (or resaved by LibreOffice) the way
people make them, not by the project's renderers, with what it prints
written down; the import must place every printed figure exactly, invent
none, report every cell it leaves out, and get the edition right.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import unit_files_docx as unit
from govdisclosure.paths import json_path
from govdisclosure.testing.libreoffice import SOFFICE
from govdisclosure_docx_import import import_doc, import_docx
from unit_file_oracle import UnitFile, as_converted, line, score


@pytest.mark.parametrize("made", unit.cases(), ids=lambda u: u.name)
def test_unit_file(made: UnitFile) -> None:
    # Before: merges written as w:hMerge lost table 4 (15 figures not
    # placed), headings numbered by w:numPr gave no sections, and table 4's
    # headings typed over two rows ("行政" over "复议", "其他" over "结果")
    # were none of the official tables.
    got = score(made, import_docx(made.data, f"{made.name}.docx"))
    assert got.perfect, line(got)


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_files_through_libreoffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GOVDISCLOSURE_SOFFICE", raising=False)
    made = list(unit.cases_converted(tmp_path))
    for one in made:
        importer = import_doc if one.refused else import_docx
        got = score(one, importer(one.data, one.name))
        assert got.perfect, line(got)
    # Asked to convert, the .doc is converted and read whole.
    monkeypatch.setenv("GOVDISCLOSURE_SOFFICE", "1")
    (old,) = [one for one in made if one.refused]
    got = score(as_converted(old), import_doc(old.data, old.name))
    assert got.perfect, line(got)


def test_numbered_headings_read_with_their_numbers() -> None:
    made = unit.case_numbered_headings()
    report, _, _ = import_docx(made.data, "unit.docx")
    assert report is not None
    assert tuple(s.heading for s in report.sections) == made.sections


def test_formula_fields_never_updated_say_what_to_do() -> None:
    # Before: "cannot be read as a figure (not a number)", as for any text,
    # which leaves the reader to find out that Word never calculated them.
    made = unit.case_formula_fields()
    _, _, problems = import_docx(made.data, "fields.docx")
    said = [p for p in problems if p.code == "cell-unreadable"]
    assert {p.path for p in said} == {json_path(path) for path in made.unreadable}
    for p in said:
        assert "=SUM(LEFT)" in p.message("en")
        assert "never calculated" in p.message("en")
        assert "update the fields" in p.message("en")
        assert "not a number" not in p.message("en")
        assert "从未计算" in p.message("zh_Hans_CN")
        assert "更新域" in p.message("zh_Hans_CN")
