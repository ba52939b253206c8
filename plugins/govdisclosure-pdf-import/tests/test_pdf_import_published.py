"""The two published PDFs (data/published of the reference folder, copied to
tests/data): every printed cell imported exactly, the publisher's defects
reported as the publisher's.

The expected figures are the transcriptions data/reports/04_huaian_2024.md and
06_hongze_2024.md of the reference folder, kept in this repository as
examples/huaian-2024.json and examples/hongze-2024.json; a few are spelled out
below as printed, so that a wrong example cannot hide a wrong import.
"""

from __future__ import annotations

import pdfplumber
import pytest

import govdisclosure as gd
from govdisclosure import cells_by_path
from govdisclosure.editions import edition_of
from govdisclosure.errors import LoadError
from govdisclosure_html import Document, ImportProblem, Provenance, provenance_json
from govdisclosure_pdf_import import import_pdf, pdf_document
from pdfimport_helpers import DATA, EXAMPLES

NAMES = ["huaian", "hongze"]


def _import(name: str) -> tuple[gd.Report, Provenance, tuple[ImportProblem, ...]]:
    report, prov, problems = import_pdf((DATA / f"{name}-2024.pdf").read_bytes(), f"{name}.pdf")
    assert report is not None, [p.message("en") for p in problems]
    return report, prov, problems


@pytest.mark.parametrize("name", NAMES)
def test_every_printed_cell_is_imported_exactly(name: str) -> None:
    report, prov, problems = _import(name)
    expected = gd.load(EXAMPLES / f"{name}-2024.json")
    assert edition_of(report).id == "2021"
    assert cells_by_path(report) == cells_by_path(expected)
    assert report.year == 2024
    assert report.title == expected.title
    assert report.unit.name == expected.unit.name
    assert report.period == expected.period
    # Row labels as printed (洪泽 prints 2.其他法律行政止公开): kept, not corrected.
    assert isinstance(report, gd.Report2021) and isinstance(expected, gd.Report2021)
    assert (report.table2.printed_labels, report.table3.printed_labels) == (
        expected.table2.printed_labels,
        expected.table3.printed_labels,
    )
    assert [s.heading for s in report.sections] == [s.heading for s in expected.sections]
    codes = {p.code for p in problems}
    assert not codes & {"cell-not-placed", "cell-unreadable", "cell-missing", "doubtful-mapping"}
    assert not any(c.doubtful for c in prov.cells)


#: Figures as printed in huaian-2024.pdf (04_huaian_2024.md), by cell path.
HUAIAN = {
    "table2.rules.issued": 1,
    "table2.rules.in_force": 11,
    "table2.normative_documents.repealed": 26,
    "table2.licensing": 447228,
    "table2.penalties": 3985758,  # page 4: the block continues after the page break
    "table2.enforcement": 88283,
    "table3.new_applications.total": 3119,
    "table3.carried_over.total": 34,
    "table3.results.unable_to_provide.not_held.natural_person": 746,
    "table3.results.unable_to_provide.needs_new_making.total": 11,  # first row on page 5
    "table3.results.other_handling.overdue_correction.total": 71,
    "table3.results.total.total": 3050,
    "table3.carried_forward.total": 103,
    "table4.reconsideration.upheld": 72,
    "table4.reconsideration.total": 351,
    "table4.litigation_direct.total": 26,
    "table4.litigation_after_reconsideration.pending": 6,
}


def test_figures_as_printed_by_huaian() -> None:
    report, _, _ = _import("huaian")
    got = {".".join(map(str, k)): v for k, v in cells_by_path(report).items()}
    assert {k: got[k] for k in HUAIAN} == HUAIAN
    assert str(got["table2.fees"]) == "96171.6"


def test_hongze_single_other_handling_row_and_misprinted_label() -> None:
    report, prov, problems = _import("hongze")
    got = {".".join(map(str, k)): v for k, v in cells_by_path(report).items()}
    assert edition_of(report).id == "2021"
    # One printed row （六）其他处理, no 1./2./3. under it.
    rows = {k.rsplit(".", 1)[0] for k in got if ".other_handling" in k}
    assert rows == {"table3.results.other_handling"}
    assert got["table3.new_applications.total"] == 95
    assert got["table2.licensing"] == 9487
    assert got["table4.litigation_after_reconsideration.total"] == 3
    misprint = [p for p in problems if p.code == "publisher-label"]
    assert [p.params["printed"] for p in misprint] == ["2.其他法律行政止公开"]
    origin = next(
        c
        for c in prov.cells
        if c.path == "$.table3.results.not_disclosed.prohibited_by_law.natural_person"
    )
    assert origin.labels[0].printed == "2.其他法律行政止公开"
    assert origin.labels[0].official == "2.其他法律行政法规禁止公开"
    assert origin.match == "similar" and not origin.doubtful


def test_hongze_text_against_table_is_the_publishers_error() -> None:
    _, _, problems = _import("hongze")
    errors = [p for p in problems if p.code == "publisher-error"]
    assert len(errors) == 1 and "17" in errors[0].message("en") and "95" in errors[0].message("en")
    assert not [p for p in problems if p.code == "doubtful-mapping"]


@pytest.mark.parametrize("name", NAMES)
def test_provenance_names_page_and_box_where_the_text_is_printed(name: str) -> None:
    _, prov, problems = _import(name)
    assert prov.format == "pdf"
    with pdfplumber.open(DATA / f"{name}-2024.pdf") as pdf:
        for cell in prov.cells:
            assert cell.page is not None and cell.bbox is not None
            page = pdf.pages[cell.page - 1]
            # pdfplumber's own reading of that box is the text the provenance says.
            found = page.within_bbox(cell.bbox).extract_text()
            assert found.replace(" ", "").replace("\n", "") == cell.text.replace(" ", "")
    cells = provenance_json(prov, problems, "en")["cells"]
    assert isinstance(cells, list) and cells
    assert all("page" in c and len(c["bbox"]) == 4 for c in cells)


def test_tables_across_page_breaks_and_labels_broken_over_lines() -> None:
    doc = pdf_document((DATA / "huaian-2024.pdf").read_bytes(), "huaian.pdf")
    assert isinstance(doc, Document)
    # Three tables in the text, not five pieces: 2 and 3 run over a page break.
    assert len(doc.grids) == 3
    labels = {
        gd_cell.text.replace("\n", "").replace(" ", ""): gd_cell
        for g in doc.grids
        for gd_cell in g.cells()
    }
    # 三、本年度办理结果, one character per line, is one label over both pages' rows.
    result = labels["三、本年度办理结果"]
    assert result.page == 4 and result.rowspan == 22
    # "（四）无" at the foot of page 4 and "法提供" at the top of page 5: one label.
    assert labels["（四）无法提供"].rowspan == 3
    assert "（四）无" not in labels and "法提供" not in labels


def test_a_scan_is_reported_as_having_no_text_layer() -> None:
    data = (DATA / "scan-hongze-2024-p3.pdf").read_bytes()
    report, prov, problems = import_pdf(data, "scan.pdf")
    assert report is None and prov.cells == ()
    assert [p.code for p in problems] == ["no-text-layer"]
    assert "OCR" in problems[0].message("en")
    assert "文字层" in problems[0].message("zh_Hans_CN")
    with pytest.raises(LoadError) as err:
        gd.load(DATA / "scan-hongze-2024-p3.pdf")
    assert "scan-hongze-2024-p3.pdf" in err.value.render("en")
    assert "text layer" in err.value.render("en")


def test_a_file_that_is_no_pdf_is_reported_not_raised() -> None:
    report, _, problems = import_pdf(b"%PDF-1.4\nnot really", "broken.pdf")
    assert report is None
    assert [p.code for p in problems] == ["unreadable-file"]


def test_gd_load_reads_a_pdf_through_the_loader() -> None:
    report = gd.load(DATA / "huaian-2024.pdf")
    assert cells_by_path(report) == cells_by_path(gd.load(EXAMPLES / "huaian-2024.json"))


def test_the_publishers_error_is_told_in_the_readers_language() -> None:
    """The failed relation's own message follows the locale too (it used to
    be written in English inside the Chinese sentence)."""
    _, _, problems = _import("hongze")
    (error,) = [p for p in problems if p.code == "publisher-error"]
    zh = error.message("zh_Hans_CN")
    assert zh.startswith("按原文所印数字") and "正文为17" in zh and "The text says" not in zh
    assert "一、本年新收政府信息公开申请数量 / 总计为95" in zh
    en = error.message("en")
    assert en.startswith("As printed") and "The text says 17" in en and "正文为" not in en


@pytest.mark.parametrize(("name", "page", "rule"), [("hongze", 2, 517.15), ("huaian", 3, 519.4)])
def test_a_cells_box_ends_on_its_own_tables_rule(name: str, page: int, rule: float) -> None:
    # Table 2 ends its page's top table with its right rule at 517.15 (洪泽)
    # and 519.4 (淮安); table 3 below it on the same page draws its own 1.4
    # and 2 pt away.  pdfplumber snapped the two rules of different tables
    # into one at their mean, and the provenance's box of every cell of that
    # column ended between them (516.45, 520.4).  Rules with text between them
    # are found apart now: the box ends on the table's own rule.
    _, prov, _ = _import(name)
    right = {
        round(c.bbox[2], 2)
        for c in prov.cells
        if c.bbox is not None and c.page == page + 1 and c.path == "$.table2.fees"
    }
    assert right == {rule}
    with pdfplumber.open(DATA / f"{name}-2024.pdf") as pdf:
        drawn = [o for o in pdf.pages[page].rects + pdf.pages[page].lines + pdf.pages[page].curves]
        assert any(abs(float(o["x0"]) - rule) < 0.01 for o in drawn)
