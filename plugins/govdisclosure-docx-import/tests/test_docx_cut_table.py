"""A Word file whose table 3 is cut in two tables (Word's 拆分表格, or a
file pasted together page by page): the second goes on with no header.

Written with python-docx from the 淮安 2024 transcription (examples/):
the official layout of each table (:func:`govdisclosure.table_grid.report_grids`,
merges as Word's own ``gridSpan``/``vMerge``), table 3 cut before a row;
a merge running over the cut starts again, empty, in the second table, as
Word does when it splits a table.  Oracle: the example's figures.
"""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path
from typing import Any

import docx
import pytest

import govdisclosure as gd
from govdisclosure import cells_by_path
from govdisclosure.cells import NotApplicable
from govdisclosure.i18n import gettext
from govdisclosure.table_grid import GridCell, TableGrid, report_grids
from govdisclosure_docx_import import import_docx

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
REPORT = gd.load(EXAMPLES / "huaian-2024.json")


def _text(cell: GridCell) -> str:
    if cell.role != "value":
        return gettext("zh_Hans_CN", cell.text)
    obj: Any = REPORT
    for part in cell.path or ():
        obj = getattr(obj, str(part))
    if obj is None:
        return ""
    if isinstance(obj, NotApplicable):
        return obj.mark
    return format(obj, "f") if isinstance(obj, Decimal) else str(obj)


def _add(document: Any, grid: TableGrid, first: int, last: int) -> None:
    """Rows ``first``..``last - 1`` of ``grid`` as one Word table."""
    table = document.add_table(rows=last - first, cols=grid.width)
    for cell in grid.cells:
        top, bottom = max(cell.row, first), min(cell.row + cell.rows, last) - 1
        if top > bottom:
            continue
        start = table.cell(top - first, cell.col)
        end = table.cell(bottom - first, cell.col + cell.cols - 1)
        merged = start if start._tc is end._tc else start.merge(end)
        if cell.row >= first:  # a merge cut by the split starts again empty
            merged.text = _text(cell)


def _docx(cut: int, between: str) -> bytes:
    document = docx.Document()
    document.add_paragraph(REPORT.title or "")
    grids = {g.key: g for g in report_grids(REPORT)}
    for key, heading in (("table2", 1), ("table3", 2), ("table4", 3)):
        document.add_paragraph(REPORT.sections[heading].heading)
        grid = grids[key]
        if key == "table3":
            _add(document, grid, 0, cut)
            document.add_paragraph(between)
            _add(document, grid, cut, grid.height)
        else:
            _add(document, grid, 0, grid.height)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("cut", [15, 14, 26], ids=["before-(四)", "inside-(三)", "before-(七)"])
@pytest.mark.parametrize("between", ["", "续表"])
def test_table_3_cut_in_two_word_tables(cut: int, between: str) -> None:
    # Before: the second table was "none of the official tables", its cells blank.
    report, prov, problems = import_docx(_docx(cut, between), "cut.docx")
    assert report is not None, [p.message("en") for p in problems]
    assert cells_by_path(report) == cells_by_path(REPORT)
    codes = {p.code for p in problems}
    assert not codes & {"cell-not-placed", "cell-missing", "table-not-imported", "doubtful-mapping"}
    assert not any(c.doubtful for c in prov.cells)


def test_a_table_after_text_is_not_joined() -> None:
    report, _, problems = import_docx(_docx(15, "注：以上数据截至12月31日。"), "cut.docx")
    assert report is not None
    got, want = cells_by_path(report), cells_by_path(REPORT)
    assert all(got[k] == want[k] for k, v in got.items() if v is not None)  # nothing invented
    assert {p.code for p in problems} >= {"table-not-imported", "cell-missing"}
