"""``govdisclosure.table_grid``: the official tables as merged grids, checked against the definitions."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings

import govdisclosure as gd
from govdisclosure.flat import shape_of
from govdisclosure.table_grid import TableGrid, report_grids
from govdisclosure.testing.strategies import any_reports
from locations import EXAMPLES


def _covered(grid: TableGrid) -> dict[tuple[int, int], object]:
    seen: dict[tuple[int, int], object] = {}
    for cell in grid.cells:
        for r in range(cell.row, cell.last_row + 1):
            for c in range(cell.col, cell.last_col + 1):
                assert (r, c) not in seen, (grid.key, r, c)
                seen[(r, c)] = cell
    return seen


def _check(report: gd.Report) -> None:
    grids = report_grids(report)
    paths = [cell.path for grid in grids for cell in grid.values()]
    assert paths == list(shape_of(report).paths)
    for grid in grids:
        covered = _covered(grid)
        assert set(covered) == {(r, c) for r in range(grid.height) for c in range(grid.width)}


@pytest.mark.parametrize("path", sorted(p for p in EXAMPLES.glob("*.json")), ids=lambda p: p.name)
def test_every_cell_once_and_no_hole(path: Path) -> None:
    _check(gd.load(path))


@settings(max_examples=30, deadline=None)
@given(any_reports(max_depth=0))
def test_any_layout(report: gd.Report) -> None:
    _check(report)


def test_official_spans_of_table3_and_table4() -> None:
    """formats.md §1.6, §1.7: 3 header rows, the note 3 × 3, 三 down 22 rows; 15 columns."""
    table2, table3, table4 = report_grids(gd.load(EXAMPLES / "huaian-2024.json"))
    assert (table2.width, table3.width, table4.width) == (4, 10, 15)
    assert table3.header_rows == 3 and table4.header_rows == 3
    note = table3.cells[0]
    assert (note.role, note.rows, note.cols) == ("note", 3, 3)
    results = next(c for c in table3.cells if c.text == "三、本年度办理结果")
    assert (results.col, results.rows) == (0, 22)
    litigation = next(c for c in table4.cells if c.text == "行政诉讼")
    assert (litigation.row, litigation.col, litigation.cols) == (0, 5, 10)
