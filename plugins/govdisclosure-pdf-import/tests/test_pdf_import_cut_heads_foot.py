"""Table 3's heads cut at a page's foot where some columns are closed higher up.

Printed on A4 turned, 徐闻's table 3 begins at the foot of page 1 and the
break cuts its heads: no rule under them, the column rules running to the
foot.  The heads 商业 and 科研 fit whole and are ruled under (an empty band
below them to the foot); the others (the block caption, 自然人, 总计) run on
over the break.  The foot was closed only where text stood between it and
the rule nearest it across the whole stretch, here the rule under 商业 and
科研 with nothing below: the foot stayed open, the cut heads were no cells
and their words loose lines, and the table's total column on page 2 was
read under no head (10 figures not placed).  Each column is judged by its
own nearest rule now.

Drawn here with reportlab, the geometry read from the Chromium print
(pdfplumber's rules, rounded).
"""

from __future__ import annotations

import io
from typing import Any

import pdfplumber
import pytest
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas

from govdisclosure_pdf_import.layout import _open_ends, read_page
from unruled import FONT

WIDTH, HEIGHT = landscape(A4)
#: The block caption, 自然人, 商业, 科研, the other organisations, 总计.
X = (33.7, 550.5, 584.2, 609.0, 633.7, 782.2, 807.0)
FOOT = 567.7
SIZE = 11.0


def _rules() -> list[dict[str, Any]]:
    """The rules, as pdfplumber gives them: (y, x0, x1) across, (x, top) down to the foot."""
    across = [
        (480.7, X[0], X[-1]),
        (499.5, X[1], X[-1]),  # under 申请人情况
        (518.2, X[2], X[5]),  # under 法人或其他组织
        (552.0, X[2], X[4]),  # under 商业 and 科研, which fit whole
    ]
    down = [(X[0], 480.7), (X[1], 480.7), (X[2], 499.5), (X[3], 518.2), (X[4], 518.2)]
    down += [(X[5], 499.5), (X[6], 480.7)]
    return [
        *(
            {"object_type": "line", "x0": x0, "x1": x1, "top": y, "bottom": y}
            for y, x0, x1 in across
        ),
        *({"object_type": "line", "x0": x, "x1": x, "top": top, "bottom": FOOT} for x, top in down),
    ]


#: (x, top, text): each head's lines as printed.
TEXTS = (
    (X[0], 485.1, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"),
    (X[1], 485.1, "申请人情况"),
    (X[1], 503.8, "自然"),
    (X[1], 519.6, "人"),
    (X[2], 503.8, "法人或其他组织"),
    (X[5], 503.8, "总"),
    (X[5], 519.6, "计"),
    (X[2], 522.6, "商"),
    (X[2], 538.3, "业"),
    (X[3], 522.6, "科"),
    (X[3], 538.3, "研"),
    (X[4], 522.6, "社会公益组织"),
)


def _page() -> bytes:
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(WIDTH, HEIGHT))
    canvas.setLineWidth(0.75)
    for rule in _rules():
        x0, x1, top, bottom = (float(rule[k]) for k in ("x0", "x1", "top", "bottom"))
        canvas.line(x0, HEIGHT - top, x1, HEIGHT - bottom)
    canvas.setFont(FONT, SIZE)
    for x, top, text in TEXTS:
        canvas.drawString(x + 2, HEIGHT - top - SIZE + 1, text)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def _chars(x: float, top: float) -> dict[str, Any]:
    return {"text": "字", "x0": x + 2, "x1": x + 2 + SIZE, "top": top, "bottom": top + SIZE}


def test_the_foot_is_closed_where_a_cut_head_stands_under_its_own_nearest_rule() -> None:
    closing = _open_ends(_rules(), [_chars(X[1], 519.6)])
    assert [(c["x0"], c["x1"], c["top"]) for c in closing] == [(X[0], X[-1], FOOT)]


def test_a_foot_with_no_text_above_it_in_any_column_stays_open() -> None:
    assert _open_ends(_rules(), [_chars(X[1], 485.1)]) == []


def test_the_cut_heads_are_cells_of_the_table_and_no_text_is_left_outside() -> None:
    with pdfplumber.open(io.BytesIO(_page())) as pdf:
        pieces, groups, _ = read_page(pdf.pages[0], 1)
    (piece,) = pieces
    assert groups == []
    assert piece.bbox[3] == pytest.approx(FOOT, abs=0.1)
    texts = {cell.text.replace("\n", "") for cell in piece.cells}
    assert {"自然人", "总计", "商业", "科研", "法人或其他组织", "申请人情况"} <= texts
