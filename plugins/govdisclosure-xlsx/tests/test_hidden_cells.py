"""Hidden rows and columns of a published workbook are not read.

What a clerk hides is out of the reader's sight and off the printed sheet:
a check column of sums beside table 3, an old copy of a row kept out of
view.  Made with openpyxl from the 淮安 2024 workbook LibreOffice wrote
(``examples/workbooks``); oracle: the example's figures.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.worksheet import Worksheet

import govdisclosure as gd
from govdisclosure import cells_by_path
from govdisclosure_html import ImportResult
from govdisclosure_xlsx import import_workbook
from xlsx_helpers import EXAMPLES

REPORT = gd.load(EXAMPLES / "huaian-2024.json")
SOURCE = (EXAMPLES / "workbooks" / "huaian-2024.xlsx").read_bytes()


EXPECTED = cells_by_path(REPORT)


def _row_of(ws: Worksheet, text: str) -> int:
    return next(c.row for row in ws.iter_rows() for c in row if c.value == text)


def _import(edit: Callable[[Worksheet], None]) -> ImportResult:
    wb = load_workbook(io.BytesIO(SOURCE))
    edit(wb.worksheets[0])
    out = io.BytesIO()
    wb.save(out)
    return import_workbook(out.getvalue(), "hidden.xlsx")


def _codes(result: ImportResult) -> set[str]:
    return {p.code for p in result.problems}


def test_a_hidden_check_column_is_not_read() -> None:
    # A "校验" column of 999s right of table 3, hidden.  Before: its 25
    # figures were cell-not-placed and 175 cells of table 3 doubtful.
    def edit(ws: Worksheet) -> None:
        last = _row_of(ws, "四、结转下年度继续办理")
        col = ws.max_column + 1
        ws.cell(_row_of(ws, "申请人情况"), col, "校验")
        for r in range(last - 24, last + 1):
            ws.cell(r, col, 999)
        ws.column_dimensions[get_column_letter(col)].hidden = True

    result = _import(edit)
    assert result.report is not None and cells_by_path(result.report) == EXPECTED
    assert not _codes(result) & {"cell-not-placed", "cells-doubtful"}
    assert not any(c.doubtful for c in result.provenance.cells)
    assert "hidden rows and columns not read (26 cells:" in result.provenance.body_found_by


def _insert_row(ws: Worksheet, at: int) -> None:
    """``ws.insert_rows`` moving the merged ranges too (openpyxl's does not)."""
    ranges = [CellRange(m.coord) for m in ws.merged_cells.ranges]
    for cr in ranges:
        ws.unmerge_cells(cr.coord)
    ws.insert_rows(at)
    for cr in ranges:
        if cr.min_row >= at:
            cr.shift(row_shift=1)
        elif cr.max_row >= at:
            cr.expand(down=1)
        ws.merge_cells(cr.coord)


def test_a_hidden_copy_of_a_row_does_not_take_its_place() -> None:
    # An old 四、结转下年度继续办理 row of 7s kept hidden above the real one.
    # Before: the hidden 7s were read as the row's figures, the real row left
    # out, and the three relations it broke blamed on the publisher.
    def edit(ws: Worksheet) -> None:
        row = _row_of(ws, "四、结转下年度继续办理")
        _insert_row(ws, row)
        for c in range(1, ws.max_column + 1):
            value = ws.cell(row + 1, c).value
            ws.cell(row, c, 7 if isinstance(value, int | float) else value)
        ws.row_dimensions[row].hidden = True

    result = _import(edit)
    assert result.report is not None and cells_by_path(result.report) == EXPECTED
    assert not _codes(result) & {"cell-not-placed", "publisher-error", "cells-doubtful"}


def test_figures_in_a_hidden_row_are_missing_not_read_and_named() -> None:
    # The real row hidden: the reader does not see it, so neither does the
    # import; its seven cells are reported missing and the hidden cells named.
    def edit(ws: Worksheet) -> None:
        ws.row_dimensions[_row_of(ws, "四、结转下年度继续办理")].hidden = True

    result = _import(edit)
    assert result.report is not None
    got = cells_by_path(result.report)
    carried = {k for k in EXPECTED if k[:2] == ("table3", "carried_forward")}
    assert len(carried) == 7 and all(got[k] is None for k in carried)
    assert all(got[k] == v for k, v in EXPECTED.items() if k not in carried)
    missing = {p.path for p in result.problems if p.code == "cell-missing"}
    assert len(missing) == 7
    assert "hidden rows and columns not read (8 cells:" in result.provenance.body_found_by
