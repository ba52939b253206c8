"""A table broken over pages by a browser: the row at the top of the page under no rule.

Chromium prints the rule between two rows once, at the foot of the page
where the table breaks: the first row of the next page stands between its
column rules with nothing drawn above it.  That row is read as a row of the
table, not left as loose text above it (which also kept the two pages'
pieces from being joined again).
"""

from __future__ import annotations

import io
from itertools import pairwise

import pdfplumber
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas

from govdisclosure_pdf_import.layout import read_page
from unruled import FONT

XS = (60.0, 200.0, 260.0, 320.0)
#: The page's top margin, then the rows' lower rules.
YS = (28.0, 84.0, 124.0)
TEXTS = (("5.属于三类内部事务信息", "0", "0"), ("6.属于四类过程性信息", "1", "1"))
HEIGHT = 842.0


def _page(*, top_rule: bool) -> bytes:
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    out = io.BytesIO()
    pdf = Canvas(out, pagesize=(595.0, HEIGHT))
    w = 0.75
    pdf.setFillGray(0)
    for y in YS[1:] if not top_rule else YS:
        pdf.rect(XS[0], HEIGHT - y - w, XS[-1] - XS[0], w, stroke=0, fill=1)
    for x in XS:
        pdf.rect(x, HEIGHT - YS[-1], w, YS[-1] - YS[0], stroke=0, fill=1)
    pdf.setFont(FONT, 10)
    for row, (top, bottom) in zip(TEXTS, pairwise(YS), strict=True):
        for text, left in zip(row, XS, strict=False):
            pdf.drawString(left + 3, HEIGHT - (top + bottom) / 2 - 4, text)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def _read(data: bytes) -> tuple[list[list[str]], list[str]]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pieces, groups, _ = read_page(pdf.pages[0], 1)
    rows: dict[int, list[str]] = {}
    for piece in pieces:
        for cell in piece.cells:
            rows.setdefault(cell.row, []).append(cell.text)
    return [rows[r] for r in sorted(rows)], ["".join(c["text"] for c in g) for g in groups]


def test_a_ruled_table_reads_both_rows() -> None:
    assert _read(_page(top_rule=True)) == ([list(r) for r in TEXTS], [])


def test_the_row_under_no_rule_at_the_top_of_the_page_is_a_row() -> None:
    assert _read(_page(top_rule=False)) == ([list(r) for r in TEXTS], [])
