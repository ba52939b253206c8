"""Word import: .docx files with real gridSpan/vMerge merges (tests/data/README.md),
old binary files reported as "convert it first"."""

from __future__ import annotations

import io
import json
import zipfile
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

import govdisclosure as gd
from govdisclosure import cells_by_path
from govdisclosure.cli import cli
from govdisclosure.testing.libreoffice import SOFFICE, convert
from govdisclosure_docx_import import docx_document, import_doc, import_docx
from govdisclosure_html import Document
from renumber import levels, renumber

DATA = Path(__file__).resolve().parent / "data"
EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


@pytest.mark.parametrize("name", ["huaian-2024", "hongze-2024"])
def test_every_cell_of_the_word_file(name: str) -> None:
    report, prov, problems = import_docx((DATA / f"{name}.docx").read_bytes(), f"{name}.docx")
    assert report is not None, [p.message("en") for p in problems]
    expected = gd.load(EXAMPLES / f"{name}.json")
    assert cells_by_path(report) == cells_by_path(expected)
    assert (report.title, report.unit.name, report.period) == (
        expected.title,
        expected.unit.name,
        expected.period,
    )
    assert prov.format == "docx" and not any(c.doubtful for c in prov.cells)
    assert not [p for p in problems if p.code in ("cell-not-placed", "cell-missing")]


def test_merged_cells_are_one_origin() -> None:
    doc = docx_document((DATA / "huaian-2024.docx").read_bytes(), "huaian.docx")
    assert isinstance(doc, Document)
    cells = {c.text: c for g in doc.grids for c in g.cells()}
    assert cells["三、本年度办理结果"].rowspan == 22  # vMerge restart + 21 continue
    assert cells["申请人情况"].colspan == 7  # gridSpan
    grid = next(g for g in doc.grids if any(c.text == "申请人情况" for c in g.cells()))
    slots = [s for row in grid.rows for s in row if s is not None]
    covered = [s for s in slots if s.cell.text == "三、本年度办理结果"]
    assert len(covered) == 22 and sum(s.is_origin for s in covered) == 1


def test_a_broken_docx_is_reported() -> None:
    report, _, problems = import_docx(b"PK\x03\x04 not a package", "broken.docx")
    assert report is None and [p.code for p in problems] == ["unreadable-file"]


def test_old_binary_files_are_convert_it_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GOVDISCLOSURE_SOFFICE", raising=False)
    for suffix in (".doc", ".wps"):
        report, _, problems = import_doc(b"\xd0\xcf\x11\xe0 old", f"report{suffix}")
        assert report is None and [p.code for p in problems] == ["convert-first"]
        assert "convert it first" in problems[0].message("en")
        assert "先转换" in problems[0].message("zh_Hans_CN")


def test_import_command_reads_word_files(tmp_path: Path) -> None:
    old = tmp_path / "old.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0 old")
    result = CliRunner().invoke(
        cli,
        ["import", str(DATA / "hongze-2024.docx"), str(old), "-o", str(tmp_path / "o")],
        env={"GOVDISCLOSURE_SOFFICE": "0"},
    )
    assert result.exit_code == 2, result.output
    provenance = json.loads((tmp_path / "o/hongze-2024.provenance.json").read_text("utf-8"))
    assert provenance["format"] == "docx" and len(provenance["cells"]) == 186


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) not installed")
def test_a_doc_is_converted_through_libreoffice_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (doc,) = convert([DATA / "hongze-2024.docx"], "doc", tmp_path)
    data = doc.read_bytes()
    monkeypatch.setenv("GOVDISCLOSURE_SOFFICE", "1")
    report, _, problems = import_doc(data, "hongze-2024.doc")
    assert report is not None, [p.message("en") for p in problems]
    assert cells_by_path(report) == cells_by_path(gd.load(EXAMPLES / "hongze-2024.json"))


def _renumbered(data: bytes, forms: dict[int, str]) -> bytes:
    """The Word file with its tables' row numbering in other forms (:mod:`renumber`)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            part = zin.read(item.filename)
            if item.filename == "word/document.xml":
                part = renumber(part.decode("utf-8"), forms).encode("utf-8")
            zout.writestr(item, part)
    return out.getvalue()


@pytest.mark.parametrize(
    "forms",
    [{1: "1."}, {2: "1、"}, {3: "①"}, {3: "（一）"}, {1: "（1）", 2: "（1）", 3: "（1）"}],
    ids=["一、 as 1.", "（一） as 1、", "1. as ①", "1. as （一）", "every level （1）"],
)
def test_a_word_file_numbering_its_rows_otherwise(forms: dict[int, str]) -> None:
    # The 淮安 file's table rows numbered in other forms: the same 200 cells,
    # each renumbered label said to be a "numbering" match.
    data = (DATA / "huaian-2024.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert levels(z.read("word/document.xml").decode("utf-8")) == {1: 4, 2: 7, 3: 19}
    original, _, _ = import_docx(data, "huaian.docx")
    report, prov, problems = import_docx(_renumbered(data, forms), "renumbered.docx")
    assert report is not None and original is not None
    assert cells_by_path(report) == cells_by_path(original)
    assert not [p for p in problems if p.code in ("cell-not-placed", "cell-missing")]
    assert len(prov.cells) == 200 and not any(c.doubtful for c in prov.cells)
    numbering = [c for c in prov.cells if c.match == "numbering"]
    assert numbering and all(
        m.kind == "numbering" for c in numbering for m in c.labels if m.printed != m.official
    )


def test_the_fee_unit_given_once_above_table_2() -> None:
    # "（金额单位：元）" as the paragraph before table 2, the heading
    # "本年收费金额" with no unit, the fee in 元.  Before: 961716000 read as
    # 万元, 10,000 times the amount.
    document = docx.Document(str(DATA / "huaian-2024.docx"))
    table = document.tables[0]
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.text = run.text.replace(
                        "本年收费金额（单位：万元）", "本年收费金额"
                    ).replace("96,171.6", "961,716,000")
    table._tbl.addprevious(document.add_paragraph("（金额单位：元）")._p)
    out = io.BytesIO()
    document.save(out)
    result = import_docx(out.getvalue(), "unit.docx")
    assert isinstance(result.report, gd.Report2021)
    assert result.report.table2.fees == Decimal("96171.6")
    (fee,) = [c for c in result.provenance.cells if c.path == "$.table2.fees"]
    assert fee.note == "heading in 元, converted to 万元"


def _wrapped(how: str) -> bytes:
    """The 淮安 2024 Word file with its table 3 inside a one-cell layout table
    (a frame the table was pasted into) or a content control (``w:sdt``)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document(str(DATA / "huaian-2024.docx"))
    table3 = document.tables[1]._tbl
    if how == "layout-table":
        outer = document.add_table(rows=1, cols=1)._tbl
        table3.addprevious(outer)
        cell = outer.find(f".//{qn('w:tc')}")
        for p in cell.findall(qn("w:p")):
            cell.remove(p)
        cell.append(table3)
        cell.append(OxmlElement("w:p"))  # a cell ends with a paragraph
    else:
        sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
        sdt.append(content)
        table3.addprevious(sdt)
        content.append(table3)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("how", ["layout-table", "content-control"])
def test_a_table_inside_a_layout_table_or_a_content_control(how: str) -> None:
    # Before: only the body's own tables were read; table 3 (175 figures)
    # inside a layout table or a content control was "table-missing".
    result = import_docx(_wrapped(how), f"{how}.docx")
    assert isinstance(result.report, gd.Report2021)
    expected = gd.load(EXAMPLES / "huaian-2024.json")
    assert cells_by_path(result.report) == cells_by_path(expected)
    assert not {p.code for p in result.problems} & {"table-missing", "cell-not-placed"}
