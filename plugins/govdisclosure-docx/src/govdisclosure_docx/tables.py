"""The official tables as Word tables with real merged cells.

Each table is drawn from :func:`govdisclosure.table_grid.report_grids`,
the grid every office format shares: a merged cell of the grid is one
merged Word cell (``w:gridSpan`` across, ``w:vMerge`` down), not a cell
with borders hidden.  Header rows repeat on every page (``w:tblHeader``).
Column widths follow the labels: a column of value cells is narrow, the
label column takes what the others leave of the 156 mm type area, and the
column that holds only 三、本年度办理结果 is one character wide, so the
label stands in a vertical line as in the printed table.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from docx.document import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table, _Cell

from govdisclosure.formatting import format_cell
from govdisclosure.paths import Path
from govdisclosure.table_grid import GridCell, TableGrid

from .page import FANGSONG, HEITI, set_faces
from .text import clean

__all__ = ["TYPE_WIDTH", "add_table"]

#: Width of the type area (版心), mm.
TYPE_WIDTH = 156.0
_SIZE = Pt(10.5)
_SMALL = Pt(9)


def _width(text: str) -> float:
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.55 for ch in text)


def _column_widths(grid: TableGrid, texts: dict[GridCell, str], total: float) -> list[float]:
    """mm per column: each column as wide as its widest one-column cell needs, scaled."""
    need = [2.0] * grid.width
    for cell in grid.cells:
        if cell.cols != 1:
            continue
        if cell.role == "value":
            want = 4.0
        elif cell.role == "group" and cell.col == 0 and cell.rows > 3:
            want = 1.3
        elif cell.role == "group":
            want = min(_width(texts[cell]), 5.5)
        elif cell.role == "label":
            want = min(_width(texts[cell]), 20.0)
        else:
            want = min(_width(texts[cell]), 4.5)
        need[cell.col] = max(need[cell.col], want)
    scale = total / sum(need)
    return [n * scale for n in need]


def _set_width(cell: _Cell, mm: float) -> None:
    cell.width = Mm(mm)


def _narrow_margins(table: Table) -> None:
    """1 mm cell padding left and right (Word's default is 1.9 mm): table 4's
    fifteen 10 mm columns then hold two characters a line (结果/维持)."""
    tblpr = table._tbl.tblPr
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        m = OxmlElement(f"w:{side}")
        m.set(qn("w:w"), "57")
        m.set(qn("w:type"), "dxa")
        margins.append(m)
    tblpr.append(margins)


def _repeat_header(table: Table, rows: int) -> None:
    for row in table.rows[:rows]:
        trpr = row._tr.get_or_add_trPr()
        flag = OxmlElement("w:tblHeader")
        flag.set(qn("w:val"), "true")
        trpr.append(flag)


def _write(cell: _Cell, text: str, role: str, depth: int, style_id: str) -> None:
    paragraph = cell.paragraphs[0]
    # The style by its id: python-docx looks a style name up through every
    # style of the document on each assignment.
    paragraph._p.style = style_id
    run = paragraph.add_run(clean(text))
    if role in ("head", "caption"):
        set_faces(run, HEITI)
    elif role == "note":
        run.font.size = _SMALL
        set_faces(run, FANGSONG)
    if role == "value":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif role in ("head", "unit", "section", "group", "note"):
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    else:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        paragraph.paragraph_format.left_indent = Pt(10.5 * min(depth, 6))
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def add_table(
    doc: Document,
    grid: TableGrid,
    values: dict[Path, Any],
    locale: str,
    *,
    width: float = TYPE_WIDTH,
) -> Table:
    """Draw ``grid`` with ``values`` (cells by path) at the end of ``doc``."""
    texts = {c: c.label(locale) for c in grid.cells if c.role != "value"}
    table = doc.add_table(rows=grid.height, cols=grid.width)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _narrow_margins(table)
    widths = _column_widths(grid, texts, width)
    style_id = doc.styles["Table Text"].style_id
    # The rows' XML elements, read once: python-docx's table.cell(r, c)
    # lays out every cell of the table on each call, which made a table
    # cost the square of its number of cells.
    rows = table._tbl.tr_lst

    def at(row: int, col: int) -> _Cell:
        return _Cell(rows[row].tc_at_grid_offset(col), table)

    for tr in rows:
        for tc, mm in zip(tr.tc_lst, widths, strict=True):
            _set_width(_Cell(tc, table), mm)
    for column, mm in zip(table.columns, widths, strict=True):
        column.width = Mm(mm)
    for cell in grid.cells:
        target = at(cell.row, cell.col)
        if cell.rows > 1 or cell.cols > 1:
            target = target.merge(at(cell.last_row, cell.last_col))
        if cell.role == "value":
            assert cell.path is not None and cell.kind is not None
            # Every decimal an amount has: the document is what gets published.
            text = format_cell(values[cell.path], cell.kind, locale, exact=True, sign=cell.sign)
        else:
            text = texts[cell]
        _write(target, text, cell.role, cell.depth, style_id)
    if grid.header_rows:
        _repeat_header(table, grid.header_rows)
    drawn: Table = table
    return drawn
