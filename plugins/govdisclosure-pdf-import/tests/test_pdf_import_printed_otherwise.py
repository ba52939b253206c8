"""PDFs printed otherwise than the two published ones: a file of the tables
alone under a title (an attachment's 附表), a table printed as a picture,
table 2 as one table per block, table 3's rows numbered in other forms.

Made with reportlab from the 淮安 2024 transcription (examples/); oracles:
its figures, and the problems the import must name.
"""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

import pytest
from attrs import evolve
from PIL import Image as PILImage
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Table, TableStyle

import govdisclosure as gd
from govdisclosure import cells_by_path
from govdisclosure.table_grid import report_grids
from govdisclosure_pdf_import import import_pdf
from pdfimport_helpers import EXAMPLES
from renumber import renumber_label
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
    want = {k: v for k, v in cells_by_path(REPORT).items() if k[0] == "table3"}
    assert {k: v for k, v in cells_by_path(report).items() if k[0] == "table3"} == want
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
    got = cells_by_path(report)
    assert all(v is None for k, v in got.items() if k[0] == "table3")  # nothing guessed
    assert all(got[k] == v for k, v in cells_by_path(REPORT).items() if k[0] == "table2")
    (named,) = [p for p in problems if p.code == "tables-as-images"]
    assert named.params["images"].endswith("400×250 pt")


def test_table_2_as_one_ruled_table_per_block_under_its_caption() -> None:
    # Each 第二十条 block a ruled table of its own, its caption a paragraph
    # above it.  Before: only the block with most cells was read; 行政许可,
    # 行政处罚, 行政强制 and the fee were "none of the official tables".
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    small = ParagraphStyle("cell", fontName=FONT, fontSize=9, leading=11)
    assert isinstance(REPORT, gd.Report2021)
    t2 = REPORT.table2

    def block(rows: list[list[object]]) -> Any:
        cells = [[Paragraph(str(c), small) for c in row] for row in rows]
        table = Table(cells, colWidths=[200, 150, 150, 150][: len(rows[0])])
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
        return table

    rules, documents = t2.rules, t2.normative_documents
    story: list[Any] = [_heading("一、总体情况"), _heading("二、主动公开政府信息情况")]
    story += [
        _heading("第二十条第（一）项"),
        block(
            [
                ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
                ["规章", rules.issued, rules.repealed, rules.in_force],
                ["行政规范性文件", documents.issued, documents.repealed, documents.in_force],
            ]
        ),
        _heading("第二十条第（五）项"),
        block([["信息内容", "本年处理决定数量"], ["行政许可", t2.licensing]]),
        _heading("第二十条第（六）项"),
        block(
            [
                ["信息内容", "本年处理决定数量"],
                ["行政处罚", t2.penalties],
                ["行政强制", t2.enforcement],
            ]
        ),
        _heading("第二十条第（八）项"),
        block([["信息内容", "本年收费金额（单位：万元）"], ["行政事业性收费", t2.fees]]),
    ]
    report, prov, problems = import_pdf(_pdf(*story), "blocks.pdf")
    assert report is not None
    want = {k: v for k, v in cells_by_path(REPORT).items() if k[0] == "table2"}
    assert {k: v for k, v in cells_by_path(report).items() if k[0] == "table2"} == want
    codes = {p.code for p in problems}
    assert not codes & {"table-not-imported", "cell-not-placed", "doubtful-mapping"}
    assert not any(c.doubtful for c in prov.cells)


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "unruled"])
@pytest.mark.parametrize(
    "forms",
    [{1: "1.", 2: "1、", 3: "（一）"}, {3: "①"}, {1: "（1）", 2: "（1）", 3: "（1）"}],
    ids=["levels in each other's forms", "1. as ①", "every level （1）"],
)
def test_table_3_numbering_its_rows_otherwise(forms: dict[int, str], ruled: bool) -> None:
    # Table 3's rows numbered in other forms (:mod:`renumber`), ruled and
    # unruled.  Before: the levels in each other's forms were no table 3 at
    # all, ① sub-rows matched as "similar" and （六）'s taken for absent (14
    # cells left out), every level （1） left 42 cells out.
    heading = _heading("三、收到和处理政府信息公开申请情况")  # registers the font
    grid = {g.key: g for g in report_grids(REPORT)}["table3"]
    cells = [
        c if c.role == "value" else evolve(c, text=renumber_label(c.text, forms))
        for c in grid.cells
    ]
    table = _table(
        REPORT,
        evolve(grid, cells=tuple(cells)),
        landscape(A4)[0] - 30 * mm,
        _LABEL_COLUMNS["table3"],
    )
    if ruled:
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    report, prov, problems = import_pdf(_pdf(heading, table), "t3.pdf")
    assert report is not None, [p.message("en") for p in problems]
    want = {k: v for k, v in cells_by_path(REPORT).items() if k[0] == "table3"}
    assert {k: v for k, v in cells_by_path(report).items() if k[0] == "table3"} == want
    assert not {p.code for p in problems} & {"cell-not-placed", "publisher-error"}
    assert "numbering" in {c.match for c in prov.cells}
    assert "similar" not in {m.kind for c in prov.cells for m in c.labels}


def test_the_fee_unit_given_once_above_its_table() -> None:
    # The 第二十条第（八）项 block as a ruled table under "（金额单位：元）", its
    # heading "本年收费金额" with no unit, the fee in 元.  Before: 961716000 read
    # as 万元, 10,000 times the amount, with no word said.
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    small = ParagraphStyle("cell", fontName=FONT, fontSize=9, leading=11)
    assert isinstance(REPORT, gd.Report2021)
    rows = [["信息内容", "本年收费金额"], ["行政事业性收费", "961716000"]]
    table = Table([[Paragraph(c, small) for c in row] for row in rows], colWidths=[200, 150])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    story = [
        _heading("二、主动公开政府信息情况"),
        _heading("（金额单位：元）"),
        _heading("第二十条第（八）项"),
        table,
        _heading("三、收到和处理政府信息公开申请情况"),
        _ruled("table3"),
    ]
    report, prov, _ = import_pdf(_pdf(*story), "fee-in-yuan.pdf")
    assert isinstance(report, gd.Report2021)
    assert report.table2.fees == REPORT.table2.fees == Decimal("96171.6")
    (fee,) = [c for c in prov.cells if c.path == "$.table2.fees"]
    assert fee.note == "heading in 元, converted to 万元"
