"""A workbook whose table 3 is cut in two: rows apart on one sheet, or
going on on a second sheet (a clerk pasting a report page by page, or
keeping each printed page on a sheet).

Written with openpyxl from the 淮安 2024 transcription (examples/): the
official layout of each table (:func:`govdisclosure.table_grid.report_grids`,
merges as merged ranges), one sheet per table with its heading, table 3 cut
before a row.  A merged range running over the cut starts again in the
second piece, empty or with its label repeated.  Oracle: the example's
figures.  The Word equivalent is ``test_docx_cut_table.py``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

import govdisclosure as gd
from govdisclosure import cells_by_path
from govdisclosure.cells import NotApplicable
from govdisclosure.i18n import gettext
from govdisclosure.table_grid import GridCell, TableGrid, report_grids
from govdisclosure_xlsx import import_workbook
from xlsx_helpers import EXAMPLES, to_bytes

REPORT = gd.load(EXAMPLES / "huaian-2024.json")


def _value(cell: GridCell) -> Any:
    obj: Any = REPORT
    for part in cell.path or ():
        obj = getattr(obj, str(part))
    if isinstance(obj, NotApplicable):
        return obj.mark
    return float(obj) if isinstance(obj, Decimal) else obj


def _put(
    ws: Worksheet, grid: TableGrid, first: int, last: int, at: int, *, repeat: bool = False
) -> int:
    """Rows ``first``..``last - 1`` of ``grid`` from sheet row ``at`` on; the
    next free row.  A merge cut at ``first`` starts again, empty, or with its
    text when ``repeat``."""
    for cell in grid.cells:
        top, bottom = max(cell.row, first), min(cell.row + cell.rows, last) - 1
        if top > bottom:
            continue
        row, col = top - first + at, cell.col + 1
        if cell.row >= first or repeat:
            if cell.role == "value":
                ws.cell(row, col, _value(cell))
            else:
                ws.cell(row, col, gettext("zh_Hans_CN", cell.text))
        if bottom > top or cell.cols > 1:
            ws.merge_cells(
                start_row=row,
                start_column=col,
                end_row=bottom - first + at,
                end_column=cell.col + cell.cols,
            )
    return at + last - first


def _workbook(cut: int, between: tuple[str, ...], *, sheet: bool, repeat: bool = False) -> bytes:
    """The three tables, table 3 cut before its row ``cut``; ``between``: the
    rows printed between the two pieces (``""``: an empty row); ``sheet``: the
    second piece on a sheet of its own."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.cell(1, 1, REPORT.title or "")
    at = 3
    grids = {g.key: g for g in report_grids(REPORT)}
    for key, heading in (("table2", 1), ("table3", 2), ("table4", 3)):
        if key != "table2":
            ws = wb.create_sheet(key)
            at = 1
        ws.cell(at, 1, REPORT.sections[heading].heading)
        grid = grids[key]
        if key != "table3":
            _put(ws, grid, 0, grid.height, at + 1)
            continue
        at = _put(ws, grid, 0, cut, at + 1)
        if sheet:
            ws = wb.create_sheet("table3-2")
            at = 0
        for line in between:
            at += 1
            if line:
                ws.cell(at, 1, line)
        _put(ws, grid, cut, grid.height, at + 1, repeat=repeat)
    return to_bytes(wb)


CUTS = pytest.mark.parametrize(
    "cut", [15, 14, 26], ids=["before-(四)", "inside-(三)", "before-(七)"]
)


def _whole(data: bytes) -> None:
    report, prov, problems = import_workbook(data, "cut.xlsx")
    assert report is not None, [p.message("en") for p in problems]
    assert cells_by_path(report) == cells_by_path(REPORT)
    codes = {p.code for p in problems}
    assert not codes & {"cell-not-placed", "cell-missing", "table-not-imported", "doubtful-mapping"}
    assert not any(c.doubtful for c in prov.cells)


@CUTS
@pytest.mark.parametrize("between", [("",), ("", ""), ("续表",), ("", "（续表）", "")])
def test_table_3_cut_by_empty_rows_on_one_sheet(cut: int, between: tuple[str, ...]) -> None:
    # Before: the second piece was "none of the official tables", 91-98 figures blank.
    _whole(_workbook(cut, between, sheet=False))


@CUTS
@pytest.mark.parametrize("between", [(), ("续表",)])
def test_table_3_going_on_on_a_second_sheet(cut: int, between: tuple[str, ...]) -> None:
    _whole(_workbook(cut, between, sheet=True))


@CUTS
@pytest.mark.parametrize("sheet", [False, True], ids=["one-sheet", "second-sheet"])
def test_merged_labels_repeated_in_the_second_piece(cut: int, sheet: bool) -> None:
    _whole(_workbook(cut, ("",), sheet=sheet, repeat=True))


def test_the_provenance_names_the_second_piece_s_own_cells() -> None:
    data = _workbook(15, ("",), sheet=True)
    _, prov, _ = import_workbook(data, "cut.xlsx")
    sheets = {c.address.split("!")[0] for c in prov.cells if c.address is not None}
    assert sheets == {"Sheet", "table3", "table3-2", "table4"}


@pytest.mark.parametrize("sheet", [False, True], ids=["one-sheet", "second-sheet"])
def test_a_piece_after_text_is_not_joined(sheet: bool) -> None:
    data = _workbook(15, ("注：以上数据截至12月31日。",), sheet=sheet)
    report, _, problems = import_workbook(data, "cut.xlsx")
    assert report is not None
    got, want = cells_by_path(report), cells_by_path(REPORT)
    assert all(got[k] == want[k] for k, v in got.items() if v is not None)  # nothing invented
    assert {p.code for p in problems} >= {"table-not-imported", "cell-missing"}
