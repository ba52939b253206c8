"""A report page laid on one sheet, as a spreadsheet's HTML import lays it.

LibreOffice Calc opening a portal page (and Excel pasting one) puts every
table of the page on one sheet, on the columns of the widest table, each
cell merged over the sheet columns it takes, and the section headings in
rows of one cell between the tables.  :func:`page_sheet` lays an example
report so: every grid cell merged over two sheet columns, a heading row
before each table.  Oracle: the example report's figures.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from openpyxl import Workbook

import govdisclosure as gd
from govdisclosure import cells_by_path
from govdisclosure.editions import edition_of
from govdisclosure.i18n import gettext
from govdisclosure.paths import Path
from govdisclosure.table_grid import report_grids
from govdisclosure_xlsx import import_workbook
from xlsx_helpers import EXAMPLES, to_bytes

HEADINGS = {
    "table2": "二、主动公开政府信息情况",
    "table3": "三、收到和处理政府信息公开申请情况",
    "table4": "四、政府信息公开行政复议、行政诉讼情况",
}


def page_sheet(
    report: gd.Report,
    blank: Iterable[Path] = (),
    heading_suffix: str = "",
    *,
    caption_in_first_cell: bool = False,
) -> bytes:
    """The report's tables on one sheet, every cell over two sheet columns,
    each table after its section heading alone on a row; the figures at
    ``blank`` left empty (their merged ranges stay); with
    ``caption_in_first_cell`` the heading also on a line before the text of
    the table's first cell (a ``<caption>`` as Calc opens it)."""
    blanks = set(blank)
    figures = cells_by_path(report)
    wb = Workbook()
    ws = wb.worksheets[0]
    ws.cell(1, 1, f"{report.unit.name}{report.year}年政府信息公开工作年度报告")
    ws.cell(2, 1, "一、总体情况")
    ws.cell(3, 1, "本机关依照条例公开政府信息，本年工作情况如下。")
    top = 4
    for grid in report_grids(report):
        ws.cell(top, 1, HEADINGS[grid.key] + heading_suffix)
        top += 1
        for cell in grid.cells:
            row, col = top + cell.row, 1 + 2 * cell.col
            if cell.role == "value":
                assert cell.path is not None
                value = None if cell.path in blanks else figures[cell.path]
                ws.cell(row, col, value if isinstance(value, int | Decimal) else None)
            else:
                text = gettext("zh_Hans_CN", cell.text)
                if caption_in_first_cell and (cell.row, cell.col) == (0, 0):
                    text = f"{HEADINGS[grid.key]} \n{text}"
                ws.cell(row, col, text)
            ws.merge_cells(
                start_row=row,
                start_column=col,
                end_row=top + cell.last_row,
                end_column=2 + 2 * cell.last_col,
            )
        top += grid.height
    ws.cell(top, 1, "五、存在的主要问题及改进情况")
    ws.cell(top + 1, 1, "公开的及时性有待提高。")
    return to_bytes(wb)


def test_section_headings_between_the_tables_end_each_table() -> None:
    # Before: the headings of 三 and 四, short and ending no sentence, were
    # taken for captions inside table 2, so tables 2, 3 and 4 made one grid:
    # table 2 and table 4 reported missing, their 25 figures not placed.
    report = gd.load(EXAMPLES / "huaian-2024.json")
    for suffix in ("", "（有关情况附表）"):
        imported, prov, problems = import_workbook(page_sheet(report, heading_suffix=suffix), "p")
        assert imported is not None, [p.message("en") for p in problems]
        assert edition_of(imported) == edition_of(report)
        assert cells_by_path(imported) == cells_by_path(report)
        assert not {p.code for p in problems} & {"table-missing", "cell-not-placed"}
        assert not any(c.doubtful for c in prov.cells)


def test_a_table_3_row_printed_all_blank_alone_on_its_row_stays_in_the_table() -> None:
    # 四、结转下年度继续办理 with every figure blank shows its label and seven
    # blank merged ranges: a row of the table.  Before: a one-cell row
    # before the heading of 四, left out of table 3; its seven cells
    # reported missing instead of read as printed blank.
    report = gd.load(EXAMPLES / "huaian-2024.json")
    carried = [p for p in cells_by_path(report) if p[:2] == ("table3", "carried_forward")]
    assert len(carried) == 7
    imported, _, problems = import_workbook(page_sheet(report, blank=carried), "p")
    assert imported is not None
    got = cells_by_path(imported)
    assert all(got[p] is None for p in carried)
    assert {p: v for p, v in got.items() if p not in carried} == {
        p: v for p, v in cells_by_path(report).items() if p not in carried
    }
    assert "cell-missing" not in {p.code for p in problems}


def test_a_table_3_row_numbered_like_a_heading_is_no_heading() -> None:
    # "一、本年新收政府信息公开申请数量" alone on a row (its figures blank) is
    # numbered 一、 as a section heading is, but is none of the formats' headings.
    report = gd.load(EXAMPLES / "huaian-2024.json")
    new = [p for p in cells_by_path(report) if p[:2] == ("table3", "new_applications")]
    imported, _, problems = import_workbook(page_sheet(report, blank=new), "p")
    assert imported is not None
    got = cells_by_path(imported)
    assert all(got[p] is None for p in new)
    assert (
        got[("table3", "results", "total", "total")]
        == cells_by_path(report)[("table3", "results", "total", "total")]
    )
    assert "table-missing" not in {p.code for p in problems}


def test_a_caption_calc_put_before_the_first_cell_of_a_table_is_no_part_of_its_label() -> None:
    # Calc gives a table's <caption> a row of its own and also puts it, on a
    # line of its own, before the text of the table's first cell.  Before:
    # "四、政府信息公开行政复议、行政诉讼情况\n行政复议" matched no label, and
    # table 4's five 行政复议 figures were not placed.
    report = gd.load(EXAMPLES / "huaian-2024.json")
    data = page_sheet(report, caption_in_first_cell=True)
    imported, prov, problems = import_workbook(data, "p")
    assert imported is not None
    assert cells_by_path(imported) == cells_by_path(report)
    assert not {p.code for p in problems} & {"cell-not-placed", "cell-missing"}
    assert not any(c.doubtful for c in prov.cells)
