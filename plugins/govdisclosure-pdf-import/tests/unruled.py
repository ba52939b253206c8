"""A report printed as a PDF whose tables have no rules: the test file of
the text-position path.

Many offices print the tables of the annual report as text set in columns
(a word processor's table with its borders switched off, or tab stops):
no ruling line is drawn, so nothing encloses a cell.  This draws such a
file with reportlab: the official layout of every table
(:func:`govdisclosure.table_grid.report_grids`, merged cells included) set
by platypus ``Table`` with no grid, box or line style, each table under
its section heading, between paragraphs of the report's own text.
"""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import (
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from govdisclosure.cells import NotApplicable
from govdisclosure.editions import Report
from govdisclosure.i18n import gettext
from govdisclosure.table_grid import GridCell, TableGrid, report_grids

FONT = "STSong-Light"
#: The section each table is printed in (二、三、四 of the format), and its label columns.
_SECTIONS = {"table2": 1, "table3": 2, "table4": 3}
_LABEL_COLUMNS = {"table2": 1, "table3": 3, "table4": 0}


def _value(report: Report, cell: GridCell) -> str:
    obj: Any = report
    for part in cell.path or ():
        obj = getattr(obj, str(part))
    if obj is None:
        return ""
    if isinstance(obj, NotApplicable):
        return obj.mark
    if isinstance(obj, Decimal):
        return format(obj, "f")
    return str(obj)


def _table(
    report: Report,
    grid: TableGrid,
    width: float,
    label_cols: int,
    *,
    flush_left: bool = False,
    figures: str = "CENTER",
) -> Table:
    """The table set with no rule; ``flush_left``: its headings set flush
    left in the columns they head, as many offices set them, not centred;
    ``figures``: how the figures sit in their columns (``CENTER``, ``LEFT``
    or ``RIGHT``, reportlab's words)."""
    small = ParagraphStyle("cell", fontName=FONT, fontSize=7, leading=8)
    centred = ParagraphStyle("head", parent=small, alignment=0 if flush_left else 1)
    rows: list[list[Any]] = [["" for _ in range(grid.width)] for _ in range(grid.height)]
    spans: list[tuple[str, tuple[int, int], tuple[int, int]]] = []
    for cell in grid.cells:
        if cell.role == "value":
            text: Any = _value(report, cell)
        else:
            # Labels wrap inside their cell, as a word processor sets them;
            # headings are centred over the columns they head (or set flush left).
            style = centred if cell.role in ("head", "group", "caption") else small
            text = Paragraph(gettext("zh_Hans_CN", cell.text), style)
        rows[cell.row][cell.col] = text
        if cell.rows > 1 or cell.cols > 1:
            spans.append(("SPAN", (cell.col, cell.row), (cell.last_col, cell.last_row)))
    label_width = 0.34 * width if label_cols else 0.0
    value_width = (width - label_width) / (grid.width - label_cols)
    widths = [label_width / max(1, label_cols)] * label_cols
    widths += [value_width] * (grid.width - label_cols)
    table = Table(rows, colWidths=widths, repeatRows=0)
    # No GRID, BOX, INNERGRID or LINE command: the table prints no rule at all.
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 7),
                ("ALIGN", (label_cols, 0), (-1, -1), figures),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                *spans,
            ]
        )
    )
    return table


def landscape_document(out: io.BytesIO) -> tuple[SimpleDocTemplate, float]:
    """A landscape A4 document writing to ``out``, and its text width."""
    page = landscape(A4)
    doc = SimpleDocTemplate(
        out,
        pagesize=page,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=8 * mm,
        bottomMargin=8 * mm,
    )
    return doc, page[0] - 30 * mm


def title_of(report: Report) -> str:
    """The report's title; one without a title of its own gets the one the format prescribes."""
    return report.title or f"{report.unit.name}{report.year}年政府信息公开工作年度报告"


def unruled_pdf(
    report: Report,
    *,
    whole_tables: bool = True,
    flush_left: bool = False,
    figures: str = "CENTER",
) -> bytes:
    """The report's title, text and tables as a PDF whose tables have no rules;
    with ``whole_tables=False`` a table runs over a page break where the text
    before it ends; ``flush_left``: the headings set flush left; ``figures``:
    the figures set ``CENTER``, ``LEFT`` or ``RIGHT`` in their columns."""
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    body = ParagraphStyle("body", fontName=FONT, fontSize=11, leading=16, firstLineIndent=22)
    heading = ParagraphStyle("heading", fontName=FONT, fontSize=12, leading=18)
    title = ParagraphStyle("title", fontName=FONT, fontSize=18, leading=26, alignment=1)
    out = io.BytesIO()
    doc, width = landscape_document(out)
    story: list[Any] = [Paragraph(title_of(report), title), Spacer(1, 12)]
    story += [Paragraph(p, body) for p in report.preamble]
    grids = {g.key: g for g in report_grids(report)}
    drawn: set[str] = set()
    for i, section in enumerate(report.sections):
        if i in _SECTIONS.values():
            story.append(PageBreak())  # each table on a page of its own, under its heading
        story.append(Paragraph(section.heading, heading))
        story += [Paragraph(p, body) for p in section.paragraphs]
        for key, n in _SECTIONS.items():
            if n == i and key in grids:
                table = _table(
                    report,
                    grids[key],
                    width,
                    _LABEL_COLUMNS[key],
                    flush_left=flush_left,
                    figures=figures,
                )
                # Kept on one page (the section's text before it may push it to the next).
                story.append(KeepTogether([table]) if whole_tables else table)
                drawn.add(key)
    for key in _SECTIONS:  # a report with fewer sections: the tables after its text
        if key in grids and key not in drawn:
            table = _table(
                report,
                grids[key],
                width,
                _LABEL_COLUMNS[key],
                flush_left=flush_left,
                figures=figures,
            )
            story += [PageBreak(), table]
    doc.build(story)
    return out.getvalue()
