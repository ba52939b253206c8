"""Table rules a browser paints as filled shapes: each side a thin polygon.

A portal's ``<table border="1">`` has "outset"/"inset" cell borders: a
browser printing the page paints each side of each cell as a filled
quadrilateral, bevelled at the corners where a light side meets a dark one
(Chromium: a rectangle for a side that meets no other colour, a four-point
path for one that does).  The paths are rules as much as the rectangles;
read as anything else, every row of the table is one cell.
"""

from __future__ import annotations

import io
from itertools import pairwise

import pdfplumber
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas

from govdisclosure_pdf_import.layout import read_page
from unruled import FONT

#: The table: column edges and row edges (points from the top left), and its texts.
XS = (60.0, 200.0, 260.0, 320.0)
YS = (100.0, 124.0, 148.0)
TEXTS = (("信息内容", "本年制发件数", "本年废止件数"), ("规章", "3", "7"))
DARK, LIGHT = 0.33, 0.66
HEIGHT = 842.0


def _bevelled_table(*, sides_as_paths: bool, xs: tuple[float, ...] = XS, w: float = 0.75) -> bytes:
    """A two-row table whose vertical rules are bevelled paths (as printed by
    a browser) or, ``sides_as_paths`` false, filled rectangles."""
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    out = io.BytesIO()
    pdf = Canvas(out, pagesize=(595.0, HEIGHT))
    for top, bottom in pairwise(YS):
        for left, right in pairwise(xs):
            # Top and bottom sides: plain filled rectangles.
            for y, shade in ((top, DARK), (bottom - w, LIGHT)):
                pdf.setFillGray(shade)
                pdf.rect(left, HEIGHT - y - w, right - left, w, stroke=0, fill=1)
            # Left and right sides: quadrilaterals cut at 45° at one end.
            for x, shade in ((left, DARK), (right - w, LIGHT)):
                pdf.setFillGray(shade)
                if not sides_as_paths:
                    pdf.rect(x, HEIGHT - bottom, w, bottom - top, stroke=0, fill=1)
                    continue
                path = pdf.beginPath()
                path.moveTo(x, HEIGHT - top)
                path.lineTo(x, HEIGHT - bottom)
                path.lineTo(x + w, HEIGHT - bottom + w)
                path.lineTo(x + w, HEIGHT - top)
                path.close()
                pdf.drawPath(path, stroke=0, fill=1)
    pdf.setFillGray(0)
    pdf.setFont(FONT, 10)
    for row, top in zip(TEXTS, YS, strict=False):
        for text, left in zip(row, xs, strict=False):
            pdf.drawString(left + 3, HEIGHT - top - 16, text)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def _cells(data: bytes) -> list[list[str]]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pieces, _, _ = read_page(pdf.pages[0], 1)
    assert len(pieces) == 1
    (piece,) = pieces
    rows: dict[int, list[str]] = {}
    for cell in piece.cells:
        rows.setdefault(cell.row, []).append(cell.text)
    return [rows[r] for r in sorted(rows)]


def test_rules_painted_as_filled_rectangles_make_the_cells() -> None:
    assert _cells(_bevelled_table(sides_as_paths=False)) == [list(r) for r in TEXTS]


def test_rules_painted_as_bevelled_paths_make_the_same_cells() -> None:
    assert _cells(_bevelled_table(sides_as_paths=True)) == [list(r) for r in TEXTS]


@settings(max_examples=15, deadline=None)
@given(
    widths=st.tuples(*(st.floats(min_value=w, max_value=160) for w in (80.0, 64.0, 64.0))),
    w=st.floats(min_value=0.25, max_value=1.5),
)
def test_bevelled_paths_read_as_rectangles_whatever_the_widths(
    widths: tuple[float, float, float], w: float
) -> None:
    """Law: the same table with its sides painted as bevelled paths or as
    rectangles is read as the same cells, whatever its column widths and the
    borders' thickness."""
    xs = (60.0, 60.0 + widths[0], 60.0 + widths[0] + widths[1], 60.0 + sum(widths))
    as_paths = _cells(_bevelled_table(sides_as_paths=True, xs=xs, w=w))
    assert as_paths == _cells(_bevelled_table(sides_as_paths=False, xs=xs, w=w))
    assert as_paths == [list(r) for r in TEXTS]
