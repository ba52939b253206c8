"""A merged cell that runs through a whole page of a table broken over pages.

Table 3's first column (四、本年度办理结果) is one cell over some twenty
rows: printed on A5 or A4 turned it runs from one page through the next,
where the rows beside it start and end on the page.  No horizontal rule
crosses that column anywhere on the page, so no cell was enclosed there:
the page's piece began at the second column, its left edge was not that
of the piece before, and the rest of the table was no table (金井 2021 on
A5: 84 figures not placed; 金井 2022 turned: 139, on A5: 76).

Drawn here with reportlab, the geometry read from 金井 2021 on A5
(pdfplumber's rules on the Chromium print, rounded): page 1 begins the
table, page 2 has the merged column under no rule at either end, the rows
beside it ruled above and below.
"""

from __future__ import annotations

import io

import pdfplumber
import pytest
from reportlab.lib.pagesizes import A5
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas

from govdisclosure_pdf_import.layout import Piece, read_page
from govdisclosure_pdf_import.stitch import chains, to_grid
from unruled import FONT

WIDTH, HEIGHT = A5
#: The merged column, the labels, three figures.
X = (33.7, 66.0, 180.0, 210.0, 238.5, 267.0)
SIZE = 9.0
PAGE_1 = (
    ("（一）予以公开", "1", "2", "3"),
    ("（二）部分公开", "4", "5", "6"),
)
PAGE_2 = (
    ("（三）不予处理", "7", "8", "9"),
    ("（四）其他处理", "10", "11", "12"),
    ("（五）总计", "13", "14", "15"),
)
ROW = 40.0
TOP = 27.7


class _Page:
    """Rules and text in pdfplumber's frame (y down from the page's top)."""

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas

    def across(self, top: float, x0: float, x1: float = X[-1]) -> None:
        self.canvas.line(x0, HEIGHT - top, x1, HEIGHT - top)

    def down(self, x: float, top: float, bottom: float) -> None:
        self.canvas.line(x, HEIGHT - top, x, HEIGHT - bottom)

    def text(self, x: float, top: float, text: str) -> None:
        self.canvas.drawString(x + 2, HEIGHT - top - SIZE - 4, text)


def _rows(page: _Page, rows: tuple[tuple[str, ...], ...], *, first: bool) -> float:
    """The rows beside the merged column, each ruled above and below; returns the foot."""
    top = TOP
    page.across(top, X[0] if first else X[1])  # the merged column is ruled above where it begins
    for row in rows:
        bottom = top + ROW
        page.across(bottom, X[1])
        for left, text in zip(X[1:], row, strict=False):
            page.text(left, top, text)
        top = bottom
    for x in X:
        page.down(x, TOP, top)
    return top


def _table() -> bytes:
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A5)
    page = _Page(canvas)
    canvas.setFont(FONT, SIZE)
    page.text(X[0], TOP, "四、")  # the merged cell's text, where it begins
    _rows(page, PAGE_1, first=True)
    canvas.showPage()
    canvas.setFont(FONT, SIZE)
    _rows(page, PAGE_2, first=False)  # the merged column goes on: no rule across it
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def _pieces(data: bytes) -> list[Piece]:
    pieces: list[Piece] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for n, page in enumerate(pdf.pages, start=1):
            ruled, _, _ = read_page(page, n)
            pieces += ruled
    return pieces


def test_the_page_through_which_the_cell_runs_keeps_its_first_column() -> None:
    _, second = _pieces(_table())
    assert second.bbox[0] == pytest.approx(X[0], abs=1.0)
    merged = [c for c in second.cells if c.col == 0]
    assert [(c.row, c.rowspan, c.text) for c in merged] == [(0, len(PAGE_2), "")]


def test_the_two_pages_are_one_table_with_every_figure_in_its_row() -> None:
    pieces = _pieces(_table())
    (chain,) = chains(pieces, [])
    grid = to_grid(chain, 0)
    rows = [
        [slot.cell.text for slot in row if slot is not None and slot.is_origin and slot.col > 0]
        for row in grid.rows
    ]
    assert rows == [list(r) for r in (*PAGE_1, *PAGE_2)]
    merged = {slot.cell for row in grid.rows for slot in row[:1] if slot is not None}
    assert [c.text for c in merged] == ["四、"]
