"""Tables without rules whose headings are set flush left, not centred.

Many offices set a table's headings at the left of the columns they head
(a word processor's default paragraph alignment) while the figures stay
centred.  A heading's centre then stands over no column: the columns it
heads, and for a group heading (行政诉讼, 法人或其他组织) how many, must be
read from its left edge.  The files are drawn by :mod:`unruled` with
``flush_left=True`` from the examples (淮安 2024, 洪泽 2024, 上海 2019 with
its columns printed blank on every row).  Oracles: the examples' figures,
and pdfplumber, which reads where each heading starts.
"""

from __future__ import annotations

import io
from decimal import Decimal

import attrs
import pdfplumber
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govdisclosure as gd
from govdisclosure import cells_by_path
from govdisclosure.editions.e2019 import Report2019
from govdisclosure.testing.strategies import consistent_reports
from govdisclosure_html import Document
from govdisclosure_pdf_import import import_pdf, pdf_document
from pdfimport_helpers import EXAMPLES
from unruled import unruled_pdf

NAMES = ["huaian-2024", "hongze-2024", "shanghai-szfbgt-2019"]
#: What the import must never say of these files.
_WRONG = {"cell-not-placed", "cells-doubtful", "doubtful-mapping", "table-missing"}


def _words(data: bytes, page: int) -> dict[str, list[float]]:
    """Where each word of a page starts (x0), by its text."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        out: dict[str, list[float]] = {}
        for w in pdf.pages[page].extract_words():
            out.setdefault(w["text"], []).append(round(w["x0"], 1))
        return out


def test_the_headings_really_start_where_their_columns_start() -> None:
    data = unruled_pdf(gd.load(EXAMPLES / "huaian-2024.json"), flush_left=True)
    table4 = _words(data, 3)
    # 行政诉讼 starts where its first column's heading starts, not over the middle of ten.
    assert table4["行政诉讼"] == table4["未经复议直接起诉"] == [table4["结果维持"][1]]
    assert table4["行政复议"] == [table4["结果维持"][0]]
    table3 = _words(data, 2)
    assert table3["申请人情况"] == table3["自然人"]
    assert table3["法人或其他组织"] == table3["商业企业"]


@pytest.mark.parametrize("name", NAMES)
def test_every_printed_cell_is_read_under_its_headings(name: str) -> None:
    # Before: the headings' centres made columns of their own beside the
    # figures' — 143 of 淮安's 200 figures, 133 of 洪泽's 186 and 35 of
    # 上海's 63 not placed, 上海's table 2 not found at all.
    expected = gd.load(EXAMPLES / f"{name}.json")
    report, prov, problems = import_pdf(unruled_pdf(expected, flush_left=True), "left.pdf")
    assert report is not None, [p.message("en") for p in problems]
    assert cells_by_path(report) == cells_by_path(expected)  # blanks stay blank: nothing invented
    assert not {p.code for p in problems} & _WRONG
    assert not any(c.doubtful for c in prov.cells)
    # Table 4's three groups of the same five headings told apart by the spans.
    group = {
        "reconsideration": "行政复议",
        "litigation_direct": "未经复议直接起诉",
        "litigation_after_reconsideration": "复议后起诉",
    }
    table4 = [c for c in prov.cells if c.path.startswith("$.table4.") and c.text]
    assert table4
    for c in table4:
        assert group[c.path.split(".")[2]] in {m.printed for m in c.labels}


def test_a_group_heading_spans_the_columns_headed_below_it() -> None:
    # As the official layout: 行政复议 over five columns, 行政诉讼 over ten,
    # each of its groups over five; 申请人情况 over seven, 法人或其他组织 over
    # five (not over 总计, whose heading stands between it and its columns).
    doc = pdf_document(unruled_pdf(gd.load(EXAMPLES / "huaian-2024.json"), flush_left=True), "l")
    assert isinstance(doc, Document)
    spans = {s.cell.text: s.cell.colspan for g in doc.grids for row in g.rows for s in row if s}
    assert spans["行政复议"] == spans["未经复议直接起诉"] == spans["复议后起诉"] == 5
    assert spans["行政诉讼"] == 10
    assert (spans["申请人情况"], spans["法人或其他组织"], spans["总计"]) == (7, 5, 1)


def _pushed(report: gd.Report, paragraph: str, paragraphs: int) -> gd.Report:
    sections = list(report.sections)
    sections[2] = attrs.evolve(
        sections[2], paragraphs=(*sections[2].paragraphs, *[paragraph] * paragraphs)
    )
    return attrs.evolve(report, sections=tuple(sections))


_FILLER = "本年度依申请公开工作总体平稳。" * 20


@pytest.mark.parametrize(
    ("paragraph", "paragraphs", "pages"),
    [(_FILLER, 1, {3, 4}), (_FILLER, 8, {4, 5}), ("无。", 29, {4})],
    ids=["rows-over", "last-row-over", "header-alone"],
)
def test_over_a_page_break(paragraph: str, paragraphs: int, pages: set[int]) -> None:
    """上海 2019's table 3 pushed over a break (29 short paragraphs: its
    header alone at the foot of page 3, every figure on page 4)."""
    report = _pushed(gd.load(EXAMPLES / "shanghai-szfbgt-2019.json"), paragraph, paragraphs)
    data = unruled_pdf(report, whole_tables=False, flush_left=True)
    imported, prov, problems = import_pdf(data, "left.pdf")
    assert imported is not None
    assert {c.page for c in prov.cells if c.path.startswith("$.table3.") and c.text} == pages
    assert cells_by_path(imported) == cells_by_path(report)
    assert not {p.code for p in problems} & _WRONG


@pytest.mark.parametrize("whole", [False, True])
@pytest.mark.parametrize("amount", ["0", "251000"])
def test_a_figure_centred_in_a_merged_cell_alone_in_its_column(whole: bool, amount: str) -> None:
    """2019's 采购总金额 is one cell over the two columns other blocks head
    本年增/减 and 处理决定数量, its heading flush left, its figure centred in
    it.  With 行政事业性收费's 本年增/减 printed blank, no other figure stands
    where it does; the block's own heading spans both columns, so it is that
    cell's figure, not one "between two columns" left out (a generated report
    found it: amount 0, the fee's change blank)."""
    report = gd.load(EXAMPLES / "shanghai-szfbgt-2019.json")
    assert isinstance(report, Report2019)
    table2 = report.table2
    report = attrs.evolve(
        report,
        table2=attrs.evolve(
            table2,
            fees=attrs.evolve(table2.fees, change=None, change_sign=None),
            procurement=attrs.evolve(table2.procurement, amount=Decimal(amount)),
        ),
    )
    imported, prov, problems = import_pdf(
        unruled_pdf(report, whole_tables=whole, flush_left=True), "left.pdf"
    )
    assert imported is not None
    assert cells_by_path(imported) == cells_by_path(report)
    (cell,) = [c for c in prov.cells if c.path == "$.table2.procurement.amount"]
    assert cell.text == amount and not cell.doubtful
    assert not {p.code for p in problems} & _WRONG


@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.one_of(*(consistent_reports(e, blanks=True, max_count=10**6) for e in ("2019", "2021"))),
    st.booleans(),
)
def test_generated_reports_come_back_the_same(report: gd.Report, whole: bool) -> None:
    imported, prov, problems = import_pdf(
        unruled_pdf(report, whole_tables=whole, flush_left=True), "generated.pdf"
    )
    assert imported is not None, [p.message("en") for p in problems]
    assert cells_by_path(imported) == cells_by_path(report)
    assert not any(c.doubtful for c in prov.cells)
