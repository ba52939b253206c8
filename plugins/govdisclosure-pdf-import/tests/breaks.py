"""A report's table set so that a page break falls after exactly its first rows.

A ruled table whose header rows end one page and whose figures all start
the next is the case the published files showed only by chance; this sets
it deterministically with reportlab: the report's title, its first heading,
a spacer, the section heading and the table (the official layout,
:func:`unruled.table_flowable`, with or without rules), the spacer cut so
that the heading and the table's first ``rows`` rows fill page 1 to within
a point.  reportlab splits a table only between rows, so the rest goes to
page 2.
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, Spacer, TableStyle

from govdisclosure.editions import Report
from govdisclosure.table_grid import report_grids
from unruled import _LABEL_COLUMNS, _SECTIONS, FONT, _table, landscape_document, title_of

#: A platypus frame's padding, top and bottom (6 pt each).
_FRAME_PADDING = 12.0


def break_after(report: Report, key: str, rows: int, *, ruled: bool = True) -> bytes:
    """The report's title and table ``key`` with a page break after its first ``rows`` rows."""
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    out = io.BytesIO()
    doc, width = landscape_document(out)
    grids = {g.key: g for g in report_grids(report)}
    table = _table(report, grids[key], width, _LABEL_COLUMNS[key])
    if ruled:
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    table.wrap(width, doc.height)
    head = sum(table._rowHeights[:rows])
    body = ParagraphStyle("body", fontName=FONT, fontSize=11, leading=16)
    big = ParagraphStyle("title", fontName=FONT, fontSize=18, leading=26, alignment=1)
    above: list[Any] = [
        Paragraph(title_of(report), big),
        Paragraph(report.sections[0].heading, body),
        Paragraph(report.sections[_SECTIONS[key]].heading, body),
    ]
    used = sum(p.wrap(width, doc.height)[1] for p in above)
    spacer = doc.height - _FRAME_PADDING - used - head - 1.0
    assert spacer > 0, "the table's first rows do not fit on one page"
    doc.build([*above[:2], Spacer(1, spacer), above[2], table])
    return out.getvalue()
