"""Tables without rules: a PDF whose tables are text set in columns.

The files are drawn by :mod:`unruled` (reportlab, the official layout with
no grid, box or line) from the reports of the examples folder, which are
the transcriptions of real reports (淮安 2024, 洪泽 2024 with its single
（六） row and its publisher's defect, 上海市人民政府办公厅 2019 of the 2019
edition with 126 blank cells).  Oracles: the example's own figures, and
pdfplumber, which finds no rule on any page and reads back, inside each
cell's bounding box, the text the provenance says was printed there.
"""

from __future__ import annotations

import io

import attrs
import pdfplumber
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govdisclosure as gd
from govdisclosure import cells_by_path
from govdisclosure.editions import edition_of
from govdisclosure.testing.strategies import consistent_reports
from govdisclosure_html import Document
from govdisclosure_pdf_import import import_pdf, pdf_document
from pdfimport_helpers import EXAMPLES
from unruled import unruled_pdf

NAMES = ["huaian-2024", "hongze-2024", "shanghai-szfbgt-2019"]


@pytest.fixture(scope="module", params=NAMES)
def unruled(request: pytest.FixtureRequest) -> tuple[gd.Report, bytes]:
    report = gd.load(EXAMPLES / f"{request.param}.json")
    return report, unruled_pdf(report)


def test_the_file_really_has_no_rules(unruled: tuple[gd.Report, bytes]) -> None:

    with pdfplumber.open(io.BytesIO(unruled[1])) as pdf:
        for page in pdf.pages:
            assert not page.lines and not page.rects and not page.curves
            assert not page.find_tables()


def test_every_printed_cell_is_read_exactly_and_none_invented(
    unruled: tuple[gd.Report, bytes],
) -> None:
    expected, data = unruled
    report, prov, problems = import_pdf(data, "unruled.pdf")
    assert report is not None, [p.message("en") for p in problems]
    assert edition_of(report) == edition_of(expected)
    assert cells_by_path(report) == cells_by_path(expected)  # blanks stay blank: nothing invented
    assert [s.heading for s in report.sections] == [s.heading for s in expected.sections]
    codes = {p.code for p in problems}
    assert not codes & {"cell-not-placed", "cell-unreadable", "doubtful-mapping", "table-missing"}
    # A cell the report left blank is said to be missing, never filled.
    blanks = {p.path for p in problems if p.code == "cell-missing"}
    placed = {c.path for c in prov.cells if c.value is not None}
    assert not blanks & placed
    assert "tables without rules by text position" in prov.body_found_by


def test_provenance_names_page_and_box_of_every_figure(unruled: tuple[gd.Report, bytes]) -> None:

    _, prov, _ = import_pdf(unruled[1], "unruled.pdf")
    figures_placed = [c for c in prov.cells if c.text.strip()]
    assert figures_placed
    with pdfplumber.open(io.BytesIO(unruled[1])) as pdf:
        for cell in figures_placed:
            assert cell.page is not None and cell.bbox is not None
            page = pdf.pages[cell.page - 1]
            found = page.within_bbox(cell.bbox).extract_text()
            assert found.replace(" ", "").replace("\n", "") == cell.text.replace(" ", "")


def _pushed(report: gd.Report, paragraphs: int) -> gd.Report:
    """``report`` with ``paragraphs`` more paragraphs before table 3, which
    push the table down the page (and over a break, for some counts)."""
    sections = list(report.sections)
    filler = "本年度依申请公开工作总体平稳。" * 20
    sections[2] = attrs.evolve(
        sections[2], paragraphs=(*sections[2].paragraphs, *[filler] * paragraphs)
    )
    return attrs.evolve(report, sections=tuple(sections))


@pytest.mark.parametrize("paragraphs", [1, 2, 5, 8])
def test_a_continuation_takes_the_columns_of_the_page_before(paragraphs: int) -> None:
    """上海 2019 prints columns blank on every row of the part of table 3
    that goes onto the next page (and, with one paragraph more, only the
    last row 四、结转下年度继续办理 goes over): the continuation's figures
    land in the columns of the page before, not in the blank neighbours."""
    report = _pushed(gd.load(EXAMPLES / "shanghai-szfbgt-2019.json"), paragraphs)
    imported, prov, problems = import_pdf(unruled_pdf(report, whole_tables=False), "split.pdf")
    assert imported is not None
    pages = {c.page for c in prov.cells if c.path.startswith("$.table3.") and c.text}
    assert len(pages) == 2  # the table does run over the break
    assert cells_by_path(imported) == cells_by_path(report)
    codes = {p.code for p in problems}
    assert not codes & {"cell-not-placed", "cells-doubtful", "doubtful-mapping"}


@pytest.mark.parametrize("name", ["huaian-2024", "shanghai-szfbgt-2019"])
def test_a_header_alone_at_the_foot_of_a_page_heads_the_figures_on_the_next(name: str) -> None:
    """29 one-line paragraphs more leave table 3's header lines, and nothing
    else of the table, at the foot of page 3 (found by Hypothesis with
    湖北省人民政府 2020: the whole of table 3 came back blank).  A header
    has no figure to find its columns by: it is laid out with the figures
    at the top of the next page, as on one page, and the two pieces join."""
    whole = gd.load(EXAMPLES / f"{name}.json")
    sections = list(whole.sections)
    sections[2] = attrs.evolve(sections[2], paragraphs=(*sections[2].paragraphs, *["无。"] * 29))
    report = attrs.evolve(whole, sections=tuple(sections))
    data = unruled_pdf(report, whole_tables=False)
    imported, prov, problems = import_pdf(data, "foot.pdf")
    assert imported is not None
    table3 = [c for c in prov.cells if c.path.startswith("$.table3.") and c.text]
    assert {c.page for c in table3} == {4}  # every figure is on the page after the header
    doc = pdf_document(data, "foot.pdf")
    assert isinstance(doc, Document)
    header = [s.cell for g in doc.grids for row in g.rows for s in row if s and s.cell.page == 3]
    assert any(c.text == "自然人" for c in header)  # the header did stay on page 3
    assert cells_by_path(imported) == cells_by_path(report)
    assert not {p.code for p in problems} & {"cell-not-placed", "table-missing", "doubtful-mapping"}
    assert "申请人情况" not in "".join(doc.paragraphs)  # the header is table, not text
    # The same grid, cell for cell, as the table printed on one page.
    one_page = pdf_document(unruled_pdf(whole, whole_tables=False), "whole.pdf")
    assert isinstance(one_page, Document)
    assert _table3_cells(doc) == _table3_cells(one_page)


def _table3_cells(doc: Document) -> set[tuple[int, int, int, int, str]]:
    (grid,) = [
        g for g in doc.grids if any(s and s.cell.text == "自然人" for r in g.rows for s in r)
    ]
    return {
        (c.row, c.col, c.rowspan, c.colspan, c.text)
        for r in grid.rows
        for s in r
        if s
        for c in [s.cell]
    }


@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.one_of(*(consistent_reports(e, blanks=True, max_count=10**6) for e in ("2019", "2021"))),
    st.integers(0, 8),
)
def test_tables_over_page_breaks_come_back_the_same(report: gd.Report, paragraphs: int) -> None:
    """Wherever the page breaks fall in tables set without rules, the figures come back."""
    report = _pushed(report, paragraphs) if len(report.sections) > 2 else report
    imported, _, problems = import_pdf(unruled_pdf(report, whole_tables=False), "generated.pdf")
    assert imported is not None, [p.message("en") for p in problems]
    assert cells_by_path(imported) == cells_by_path(report)


def test_a_table_over_a_page_break_is_one_table() -> None:
    """Text before table 3 pushes its last rows onto the next page: the two
    pieces are joined as ruled pieces are (same edges, nothing between)."""
    report = gd.load(EXAMPLES / "huaian-2024.json")
    sections = list(report.sections)
    filler = "本年度依申请公开工作总体平稳。" * 20
    sections[2] = attrs.evolve(sections[2], paragraphs=(*sections[2].paragraphs, *[filler] * 4))
    data = unruled_pdf(attrs.evolve(report, sections=tuple(sections)), whole_tables=False)
    imported, prov, problems = import_pdf(data, "unruled.pdf")
    assert imported is not None
    pages = {c.page for c in prov.cells if c.path.startswith("$.table3.")}
    assert len(pages) == 2  # the table does run over the break
    assert cells_by_path(imported) == cells_by_path(report)
    assert not {p.code for p in problems} & {"cell-not-placed", "table-not-imported"}


def test_the_text_around_the_tables_stays_text() -> None:
    report = gd.load(EXAMPLES / "huaian-2024.json")
    doc = pdf_document(unruled_pdf(report), "unruled.pdf")
    assert isinstance(doc, Document)
    assert len(doc.grids) == 3  # tables 2, 3 and 4, nothing else
    text = "".join(doc.paragraphs)
    for section in report.sections:
        assert section.heading in text
    # No figure of a table leaks into the paragraphs as a line of its own.
    assert "3985758" not in text


@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(*(consistent_reports(e, blanks=True, max_count=10**6) for e in ("2019", "2021"))))
def test_generated_reports_come_back_the_same(report: gd.Report) -> None:
    """Blanks and not-applicable marks too: a column printed blank on every
    row is found by its heading, a row printed blank stays a row."""
    imported, prov, problems = import_pdf(unruled_pdf(report), "generated.pdf")
    assert imported is not None, [p.message("en") for p in problems]
    assert cells_by_path(imported) == cells_by_path(report)
    assert all(c.page is not None and c.bbox is not None for c in prov.cells)
