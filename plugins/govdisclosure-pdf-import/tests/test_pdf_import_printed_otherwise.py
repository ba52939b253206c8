"""PDFs printed otherwise than the two published ones: a file of the tables
alone under a title (an attachment's 附表), and a table printed as a picture.

Made with reportlab from the 淮安 2024 transcription (examples/); oracles:
its figures, and the problems the import must name.
"""

from __future__ import annotations

import io
from typing import Any

from PIL import Image as PILImage
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, TableStyle

import govdisclosure as gd
from govdisclosure.table_grid import report_grids
from govdisclosure_pdf_import import import_pdf
from pdfimport_helpers import EXAMPLES, figures
from unruled import _LABEL_COLUMNS, FONT, _table

REPORT = gd.load(EXAMPLES / "huaian-2024.json")
TITLE = "淮安市人民政府2024年政府信息公开工作年度报告"


def _pdf(*flowables: Any) -> bytes:
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out, pagesize=landscape(A4), leftMargin=15 * mm, rightMargin=15 * mm, topMargin=8 * mm
    )
    title = ParagraphStyle("title", fontName=FONT, fontSize=18, leading=26, alignment=1)
    doc.build([Paragraph(TITLE, title), *flowables])
    return out.getvalue()


def _heading(text: str) -> Paragraph:
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    return Paragraph(text, ParagraphStyle("body", fontName=FONT, fontSize=11, leading=16))


def _ruled(key: str) -> Any:
    grid = {g.key: g for g in report_grids(REPORT)}[key]
    table = _table(REPORT, grid, landscape(A4)[0] - 30 * mm, _LABEL_COLUMNS[key])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    return table


def test_a_title_one_heading_and_a_table() -> None:
    # Before: as many lines of the title's type as of the heading's, the
    # title was taken for body text: no title, no unit, no year, no report.
    data = _pdf(_heading("三、收到和处理政府信息公开申请情况"), _ruled("table3"))
    report, _, problems = import_pdf(data, "fubiao.pdf")
    assert report is not None, [p.message("en") for p in problems]
    assert report.title == TITLE and report.year == 2024 and report.unit.name == "淮安市人民政府"
    want = {k: v for k, v in figures(REPORT).items() if k[0] == "table3"}
    assert {k: v for k, v in figures(report).items() if k[0] == "table3"} == want
    assert {p.code for p in problems if p.severity == "error"} == {"table-missing"}


def test_a_table_printed_as_a_picture_is_named_not_read() -> None:
    picture = io.BytesIO()
    PILImage.new("L", (800, 500), 255).save(picture, "PNG")
    picture.seek(0)
    data = _pdf(
        _heading("二、主动公开政府信息情况"),
        _ruled("table2"),
        _heading("三、收到和处理政府信息公开申请情况"),
        Image(picture, width=400, height=250),
    )
    report, _, problems = import_pdf(data, "picture.pdf")
    assert report is not None
    got = figures(report)
    assert all(v is None for k, v in got.items() if k[0] == "table3")  # nothing guessed
    assert all(got[k] == v for k, v in figures(REPORT).items() if k[0] == "table2")
    (named,) = [p for p in problems if p.code == "tables-as-images"]
    assert named.params["images"].endswith("400×250 pt")
