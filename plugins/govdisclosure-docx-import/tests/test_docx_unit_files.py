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
from unit_file_oracle import UnitFile, line, score

from govdisclosure.testing.libreoffice import SOFFICE
from govdisclosure_docx_import import import_doc, import_docx


@pytest.mark.parametrize("made", unit.cases(), ids=lambda u: u.name)
def test_unit_file(made: UnitFile) -> None:
    # Before: merges written as w:hMerge lost table 2's heads (15 figures
    # not placed), and headings numbered by w:numPr gave no sections.
    got = score(made, import_docx(made.data, f"{made.name}.docx"))
    assert got.perfect or made.name in KNOWN_SHORT, line(got)


#: Short on purpose, each reported (see docs/import.md, "Files a unit types").
KNOWN_SHORT = {"docx-header-two-rows"}


def test_header_typed_over_two_rows_is_reported_not_guessed() -> None:
    made = unit.case_header_split()
    got = score(made, import_docx(made.data, "unit.docx"))
    assert got.invented == 0 and got.unreported == 0 and got.edition_right, line(got)


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_files_through_libreoffice(tmp_path: Path) -> None:
    for made in unit.cases_converted(tmp_path):
        importer = import_doc if made.refused else import_docx
        got = score(made, importer(made.data, made.name))
        assert got.perfect, line(got)


def test_numbered_headings_read_with_their_numbers() -> None:
    made = unit.case_numbered_headings()
    report, _, _ = import_docx(made.data, "unit.docx")
    assert report is not None
    assert tuple(s.heading for s in report.sections) == made.sections
