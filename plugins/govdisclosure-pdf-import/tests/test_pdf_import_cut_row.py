"""A table row cut by a page break, drawn as a browser prints it.

A browser lets a row taller than what is left of the page run over the
break: table 4's heads, set one character a line on A5, print their first
characters at the foot of one page and the rest at the top of the next.
The cut cells get no rule where the break cuts them, while the cells that
start afresh on the next page (the heads under 未经复议直接起诉, which
Chromium moves whole) get a rule above them; under the heads that went on,
the rest of their height is an empty band, and at the foot of the page
before an empty band stands where the moved heads would have begun.

Drawn here with reportlab, the geometry read from 长春 on A5 (pdfplumber's
words on the Chromium print, rounded): the heads are joined again, the
empty bands are no rows, and each of the 15 figures stands under its head.
Chromium may also print a cut head whole on the first page, its last
characters running on below where its rules end (平潭 2025 on A5): they are
the cut cell's text.
"""

from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A5
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas

from govdisclosure_html import Document
from govdisclosure_pdf_import import pdf_document
from govdisclosure_pdf_import.layout import _open_ends
from unruled import FONT

WIDTH, HEIGHT = A5
#: Column rules of table 4 (five 行政复议 columns, ten 行政诉讼 columns).
X: tuple[float, ...] = (34.6, 59.2, 84.0, 108.7, 132.7, 151.5, 176.2, 200.2, 225.0, 249.7)
X = (*X, 267.7, 292.5, 317.2, 342.0, 366.7, 384.5)
HEADS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
SIZE = 9.0


class _Page:
    """Rules and text in pdfplumber's frame (y down from the page's top)."""

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas

    def across(self, top: float, x0: float = X[0], x1: float = X[-1]) -> None:
        self.canvas.line(x0, HEIGHT - top, x1, HEIGHT - top)

    def down(self, x: float, top: float, bottom: float) -> None:
        self.canvas.line(x, HEIGHT - top, x, HEIGHT - bottom)

    def text(self, x: float, top: float, text: str, *, one_a_line: bool = False) -> None:
        for k, ch in enumerate(text if one_a_line else [text]):
            self.canvas.drawString(x + 2, HEIGHT - top - SIZE - k * (SIZE + 3), ch)


def _cut_table_4(*, figures: bool = True, spilled: bool = False) -> bytes:
    """Table 4 cut in its heads by the page break: as 长春 on A5 prints it, or
    (``spilled``) as 平潭 2025 on A5 does: the cut heads' rules end higher
    up, over the band under 未经复议直接起诉, their text is printed whole on
    the first page, its last characters below the cut, and on the next page
    they go on as empty cells beside the moved heads, under no rule."""
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A5)
    canvas.setFont(FONT, SIZE)
    canvas.setLineWidth(0.75)
    # Page 1: the section heading, then the table from 514.6 to the page's foot.
    page = _Page(canvas)
    page.text(X[0], 490.0, "四、政府信息公开行政复议、行政诉讼情况")
    foot = 551.6 if spilled else 567.7
    page.across(514.6)
    page.across(533.5)
    page.across(551.6, X[5])
    if not spilled:
        page.across(567.7)
    for x in (X[0], X[5], X[-1]):
        page.down(x, 514.6, foot)
    for x in X[1:5]:
        page.down(x, 533.5, foot)
    page.down(X[10], 533.5, 551.6)
    page.text(X[0], 516.0, "行政复议")
    page.text(X[5], 516.0, "行政诉讼")
    for k, head in enumerate(HEADS):  # cut: two characters of four on this page (or all)
        page.text(X[k], 535.0, head if spilled else head[:2], one_a_line=True)
    page.text(X[5], 535.0, "未经复议直接起诉")
    page.text(X[10], 535.0, "复议后起诉")
    canvas.showPage()
    # Page 2: the cut heads go on under no rule; the moved heads start under one.
    canvas.setFont(FONT, SIZE)
    canvas.setLineWidth(0.75)
    page = _Page(canvas)
    if not spilled:
        page.across(28.1, X[5])
        page.across(77.6, X[0], X[5])
    page.across(93.8)
    page.across(109.9)
    for x in (X[0], *X[5:]):
        page.down(x, 28.1, 109.9)
    for x in X[1:5]:  # the band under the cut heads is one empty box
        if spilled:  # no rule at the top, the cut heads' rest one empty row with the moved heads
            page.down(x, 28.1, 109.9)
        else:
            page.down(x, 28.1, 77.6)
            page.down(x, 93.8, 109.9)
    for k, head in enumerate(HEADS):
        if not spilled:
            page.text(X[k], 29.0, head[2:], one_a_line=True)
        page.text(X[5 + k], 29.0, head, one_a_line=True)
        page.text(X[10 + k], 29.0, head, one_a_line=True)
    for k in range(15 if figures else 0):
        page.text(X[k], 95.0, str(k + 1))
    canvas.showPage()
    canvas.save()
    return out.getvalue()


@pytest.mark.parametrize("spilled", [False, True], ids=["run-on", "spilled"])
def test_a_head_row_cut_by_the_break_is_joined_and_its_bands_are_no_rows(spilled: bool) -> None:
    # Before: page 2's cut heads (维持, 纠正 … under no rule) were no cells,
    # the bands were rows of their own, and the grid's 行政复议 columns had
    # no heads over their figures: table 4 was no table of the format.
    # Spilled: the heads' last characters below the cut on page 1 were lines
    # of text between the two pieces, which kept them apart (15 not placed).
    document = pdf_document(_cut_table_4(spilled=spilled), "cut.pdf")
    assert isinstance(document, Document)
    (grid,) = [g for g in document.grids if "行政复议" in g.rows[0][0].cell.text]  # type: ignore[union-attr]
    texts = [
        [s.cell.text.replace("\n", "") if s is not None else None for s in row] for row in grid.rows
    ]
    assert len(texts) == 4, texts
    assert texts[1][:5] == list(HEADS)
    assert texts[2][:5] == list(HEADS)  # the heads run down over the row of 行政诉讼's heads
    assert texts[2][5:] == [*HEADS, *HEADS]
    assert texts[3] == [str(k + 1) for k in range(15)]


def test_a_rule_across_part_of_the_top_leaves_the_rest_open() -> None:
    # The top rule runs over the moved heads only: the cut heads' stretch
    # (text under no rule) is closed at the page's top, and only it.
    rules = [
        {"object_type": "line", "x0": X[5], "x1": X[-1], "top": 28.1, "bottom": 28.1},
        {"object_type": "line", "x0": X[0], "x1": X[5], "top": 77.6, "bottom": 77.6},
        {"object_type": "line", "x0": X[0], "x1": X[-1], "top": 93.8, "bottom": 93.8},
        *({"object_type": "line", "x0": x, "x1": x, "top": 28.1, "bottom": 93.8} for x in X),
    ]
    chars = [{"text": "维", "x0": 37.0, "x1": 46.0, "top": 30.0, "bottom": 39.0}]
    (closing,) = _open_ends(rules, chars)
    assert (closing["x0"], closing["x1"], closing["top"]) == (X[0], X[5], 28.1)
    assert _open_ends(rules, []) == []  # no text under the open stretch: nothing closed


def test_a_row_of_figures_all_printed_blank_stays_a_row() -> None:
    # The empty slivers among the heads go; a row of 15 blanks under them
    # is the table's row of figures, printed blank, and stays.
    document = pdf_document(_cut_table_4(figures=False), "blank.pdf")
    assert isinstance(document, Document)
    (grid,) = [g for g in document.grids if "行政复议" in g.rows[0][0].cell.text]  # type: ignore[union-attr]
    assert len(grid.rows) == 4
    last = grid.rows[3]
    assert all(s is not None and s.is_origin and s.cell.text == "" for s in last)
