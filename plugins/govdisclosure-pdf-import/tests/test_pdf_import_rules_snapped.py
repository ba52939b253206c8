"""A column rule of one table not moved onto the rule of another table.

pdfplumber snaps the vertical edges of a whole page together in chains:
edges within 3 pt of each other become one, at their mean.  A browser draws
each side of a bordered cell as a thin filled shape (a bevelled side and
the rule beside it: edges 0.75 pt apart), so on a page where one table's
column rule stands a few points from another table's, the chain runs from
one to the other, and the boundary of the table with fewer edges there is
moved off its own rule (lg.gov.cn on A5: table 4's rule at 292.5 set at
296.6, where table 3 above it draws its own).  The same table on the next
page, drawn alike, kept its boundary at 292.5; more than 4 pt apart, the
two pieces' boundaries stayed two columns, a cut head and the rest of it
spanned different columns, and the figure under it was not placed.

Drawn here with reportlab as Chromium prints it: table 3's piece at the top
of page 1 with its rule at 297.0, table 4's heads at the foot with theirs
at 292.5, and table 4's figures on page 2.
"""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A5
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas

from govdisclosure_html import Document
from govdisclosure_pdf_import import pdf_document
from unruled import FONT

WIDTH, HEIGHT = A5
#: Table 4's column rules, and table 3's (its rule at 297.0 beside 292.5).
FOUR = (34.5, 151.5, 267.75, 292.5, 317.25, 384.75)
THREE = (34.5, 151.5, 267.75, 297.0, 384.75)
HEADS = ("甲", "乙", "丙", "丁", "戊")
SIZE = 9.0


def _side(canvas: Canvas, x: float, top: float, bottom: float) -> None:
    """A cell's side as Chromium paints it: a light and a dark filled strip, 0.75 pt each."""
    for x0, grey in ((x - 0.75, 0.66), (x, 0.33)):
        canvas.setFillGray(grey)
        canvas.rect(x0, HEIGHT - bottom, 0.75, bottom - top, stroke=0, fill=1)


def _across(canvas: Canvas, y: float, x0: float, x1: float) -> None:
    canvas.setFillGray(0.33)
    canvas.rect(x0, HEIGHT - y - 0.75, x1 - x0, 0.75, stroke=0, fill=1)


def _text(canvas: Canvas, x: float, top: float, text: str) -> None:
    canvas.setFillGray(0.0)
    canvas.drawString(x + 3, HEIGHT - top - SIZE - 2, text)


def _row(
    canvas: Canvas, xs: tuple[float, ...], top: float, bottom: float, texts: list[str]
) -> None:
    _across(canvas, top, xs[0], xs[-1])
    _across(canvas, bottom, xs[0], xs[-1])
    for x in xs:
        _side(canvas, x, top, bottom)
    for x, text in zip(xs, texts, strict=False):
        _text(canvas, x, top, text)


def _two_tables() -> bytes:
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A5)
    canvas.setFont(FONT, SIZE)
    # Page 1: a table of ten rows (a rule drawn for each row), then table 4's heads.
    for k in range(10):
        _row(canvas, THREE, 40.0 + 18 * k, 58.0 + 18 * k, [f"行{k + 1}", "件", str(k), str(k)])
    _text(canvas, FOUR[0], 500.0, "四、行政复议、行政诉讼情况")
    _row(canvas, FOUR, 530.0, 567.75, list(HEADS))
    canvas.showPage()
    # Page 2: its row of figures, drawn alike.
    canvas.setFont(FONT, SIZE)
    _row(canvas, FOUR, 28.0, 46.0, ["1", "2", "3", "4", "5"])
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def test_a_table_keeps_its_own_column_rule_beside_another_tables() -> None:
    # Before: table 4's boundary on page 1 was set at 296.6 (the chain's mean),
    # page 2's at 292.5; the two pieces made a grid of six columns, 丁 and its
    # figure in different ones.
    document = pdf_document(_two_tables(), "two-tables.pdf")
    assert isinstance(document, Document)
    (grid,) = [g for g in document.grids if g.rows[0][0] and g.rows[0][0].cell.text == "甲"]
    texts = [[s.cell.text if s is not None else None for s in row] for row in grid.rows]
    assert texts == [list(HEADS), ["1", "2", "3", "4", "5"]]
    (cell,) = [s.cell for s in grid.rows[0] if s is not None and s.cell.text == "丁"]
    assert cell.bbox is not None
    assert abs(cell.bbox[0] - 292.5) <= 0.75  # on its own rule, not table 3's


def test_the_other_table_keeps_its_rule_too() -> None:
    document = pdf_document(_two_tables(), "two-tables.pdf")
    assert isinstance(document, Document)
    (grid,) = [g for g in document.grids if g.rows[0][0] and g.rows[0][0].cell.text == "行1"]
    assert len(grid.rows) == 10
    assert [s.cell.text if s is not None else None for s in grid.rows[3]] == ["行4", "件", "3", "3"]
    figure = grid.rows[0][2]
    assert figure is not None and figure.cell.bbox is not None
    assert abs(figure.cell.bbox[2] - 297.0) <= 0.75
