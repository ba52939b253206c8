"""Word tables typed as lines on tab stops, a merged cell typed once.

A clerk without the table template sets a tab stop at each column's left
edge and types each row as a line: a merged cell's text once, then as many
tabs as it takes to reach the next column (one when the text runs over the
stops it covers, as a long row label does; five after a short heading over
five columns).  The lines then have fewer fields than the table has columns,
and only the stops say where each field stands.  Made with python-docx from
the tables of every example as the project's HTML renderer lays them out
(merged cells included), set in 8 pt on a page wide enough for the
widest table, so that no line wraps; oracle: the example's figures.
"""

from __future__ import annotations

import io
import unicodedata

import docx
import pytest
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Pt, Twips

import govdisclosure as gd
from govdisclosure import cells_by_path
from govdisclosure_docx_import import import_docx
from govdisclosure_html.importer import page_document
from govdisclosure_html.page import read_page
from test_docx_typed_tables import ALL, EXAMPLES

#: 8 pt in twips: one em of the text (set small, as wide tables are, so
#: that table 3 fits a custom page Word allows: 22 inches at most).
EM = 160


def _width(text: str) -> int:
    """The text's width in twips, as 仿宋 and 宋体 draw it (full-width one em)."""
    return sum(EM if unicodedata.east_asian_width(ch) in ("W", "F") else EM // 2 for ch in text)


def _layout(texts: dict[tuple[int, int], tuple[str, int]], width: int) -> list[int]:
    """Each column's left edge (twips): wide enough for its one-column texts
    with three ems to spare, a text over several columns ending at least four
    ems away from every stop it runs over."""
    columns = [3 * EM] * width
    for (_, c), (text, span) in texts.items():
        if span == 1:
            columns[c] = max(columns[c], _width(text) + 3 * EM)
    for _ in range(20):
        edges = [sum(columns[:c]) for c in range(width + 1)]
        moved = False
        for (_, c), (text, span) in texts.items():
            end = edges[c] + _width(text)
            for k in range(c + 1, c + span + 1):
                if abs(end - edges[k]) < 4 * EM or (k == c + span and end > edges[k] - 4 * EM):
                    columns[k - 1] += 3 * EM
                    moved = True
                    break
        if not moved:
            return edges
    raise AssertionError("no layout")


def _on_stops(report: gd.Report) -> bytes:
    grids = page_document(read_page(gd.render(report, "html"))).grids
    document = docx.Document()
    document.styles["Normal"].font.size = Pt(8)
    document.add_paragraph(report.title or "")
    widest = 0
    for grid in grids:
        document.add_paragraph("")
        width = max(len(row) for row in grid.rows)
        texts = {
            (r, c): (s.cell.text.replace("\n", ""), s.cell.colspan)
            for r, row in enumerate(grid.rows)
            for c, s in enumerate(row)
            if s and (s.cell.row, s.cell.col) == (r, c) and s.cell.text.strip()
        }
        edges = _layout(texts, width)
        for r in range(len(grid.rows)):
            line = ""
            c = 0
            while c < width:
                text, span = texts.get((r, c), ("", 1))
                line += text
                end = edges[c] + _width(text)
                nxt = c + span
                if nxt < width:
                    line += "\t" * sum(1 for e in edges[1:width] if end < e <= edges[nxt])
                c = nxt
            widest = max(widest, end)
            p = document.add_paragraph(line)
            for e in edges[1:width]:
                p.paragraph_format.tab_stops.add_tab_stop(Twips(e), WD_TAB_ALIGNMENT.LEFT)
    section = document.sections[0]
    section.left_margin = section.right_margin = Twips(720)
    section.page_width = Twips(widest + 1440 + 4 * EM)  # margins and room to spare
    assert section.page_width <= Twips(22 * 1440)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("name", ALL)
def test_merged_cells_typed_once_on_tab_stops(name: str) -> None:
    # Before: the lines have fewer fields than columns, so they stayed text:
    # "no-table", no report.
    report = gd.load(EXAMPLES / name)
    data = _on_stops(report)
    lines = [p for p in docx.Document(io.BytesIO(data)).paragraphs if "\t" in p.text]
    if not isinstance(report, gd.ReportLegacy):  # a legacy table merges no cell
        assert len({p.text.count("\t") for p in lines}) > 1  # fields left out, as typed
    result = import_docx(data, name.replace(".json", ".docx"))
    assert result.report is not None, [p.message("en") for p in result.problems]
    assert type(result.report) is type(report)
    assert cells_by_path(result.report) == cells_by_path(report)
    codes = {p.code for p in result.problems}
    assert not codes & {"cell-not-placed", "table-not-imported", "cells-doubtful"}
