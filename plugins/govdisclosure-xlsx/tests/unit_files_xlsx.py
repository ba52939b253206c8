"""Excel workbooks as a unit's staff type them, made here deterministically.

Not through the project's renderers: openpyxl writes each workbook as a
person builds it in a spreadsheet — a title row merged across, one sheet
per statistics table (or every table on one sheet under its section
heading), the headings merged with "merge cells" — and each case does one
thing people do: columns and rows hidden, totals as =SUM formulas (saved by
a program, so with no value cached; or opened and saved by LibreOffice,
which calculates them), figures typed as text with 件 or in full-width
digits, a total the unit got wrong, an old binary .xls.  The figures come
from the examples' transcriptions, and what each workbook prints is written
down as it is made (:class:`unit_file_oracle.UnitFile`).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path as FsPath

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

import govdisclosure as gd
from govdisclosure.paths import Path
from govdisclosure.table_grid import GridCell, TableGrid, report_grids
from govdisclosure.testing.libreoffice import convert
from unit_file_oracle import UnitFile, example, figures, header_over_two_rows, value_text

#: What goes into a figure's cell: the cell and its figure as text.
Typed = Callable[[GridCell, str], str | int | float]


def _number(cell: GridCell, text: str) -> str | int | float:
    """A figure as a clerk types it: a number (Excel stores it as one)."""
    if cell.role == "value" and text:
        try:
            value = Decimal(text)
        except ArithmeticError:
            return text
        return int(value) if value == value.to_integral_value() else float(value)
    return text


def save(book: Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def put(
    ws: Worksheet,
    report: gd.Report,
    grid: TableGrid,
    top: int,
    typed: Typed = _number,
    gap: int | None = None,
) -> dict[Path, str]:
    """``grid`` written with its top-left corner at row ``top``, column A;
    its merged cells merged; a row left free before grid row ``gap``.
    Returns each value cell's address."""
    addresses: dict[Path, str] = {}

    def at(r: int) -> int:
        return top + r + (1 if gap is not None and r >= gap else 0)

    for cell in grid.cells:
        row, col = at(cell.row), 1 + cell.col
        ws.cell(row, col, typed(cell, value_text(report, cell)))
        if cell.rows > 1 or cell.cols > 1:
            ws.merge_cells(
                start_row=row,
                start_column=col,
                end_row=at(cell.row + cell.rows - 1),
                end_column=col + cell.cols - 1,
            )
        if cell.path is not None:
            addresses[cell.path] = f"{get_column_letter(col)}{row}"
    return addresses


def title_row(ws: Worksheet, report: gd.Report, width: int) -> None:
    ws.cell(1, 1, report.title)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)


def sheet_per_table(
    report: gd.Report,
    typed: Typed = _number,
    gaps: dict[str, int] | None = None,
    shape: Callable[[gd.Report, TableGrid], TableGrid] = lambda _, grid: grid,
) -> tuple[Workbook, dict[Path, tuple[Worksheet, str]]]:
    """The title on the first sheet, then each table on a sheet of its own
    under its section heading (表一, 表二, …)."""
    book = Workbook()
    first = book.active
    assert first is not None
    where: dict[Path, tuple[Worksheet, str]] = {}
    headings = [s.heading for s in report.sections[1:]]
    for n, official in enumerate(report_grids(report)):
        grid = shape(report, official)
        ws = first if n == 0 else book.create_sheet()
        ws.title = f"表{'一二三四'[n]}"
        top = 1
        if n == 0:
            title_row(ws, report, grid.width)
            top = 2
        if n < len(headings):
            ws.cell(top, 1, headings[n])
            top += 1
        gap = (gaps or {}).get(grid.key)
        for path, address in put(ws, report, grid, top, typed, gap).items():
            where[path] = (ws, address)
    return book, where


def _totals(report: gd.Report) -> dict[Path, tuple[Path, ...]]:
    """Each total cell typed as a =SUM of the figures left of it on its row."""
    out: dict[Path, tuple[Path, ...]] = {}
    for grid in report_grids(report):
        by_row: dict[int, list[GridCell]] = {}
        for cell in grid.values():
            by_row.setdefault(cell.row, []).append(cell)
        for row in by_row.values():
            row.sort(key=lambda c: c.col)
            start = 0  # table 4: three groups on a row, each with its 总计
            for k, cell in enumerate(row):
                if cell.path and cell.path[-1] == "total":
                    if k > start:
                        out[cell.path] = tuple(c.path for c in row[start:k] if c.path)
                    start = k + 1
    return out


def with_formulas(report: gd.Report) -> tuple[bytes, frozenset[Path]]:
    """Every total on a table's rows typed as =SUM(…) of the figures left of
    it; openpyxl saves no value for a formula."""
    book, where = sheet_per_table(report)
    totals = _totals(report)
    for total, parts in totals.items():
        ws, address = where[total]
        first, last = where[parts[0]][1], where[parts[-1]][1]
        ws[address] = f"=SUM({first}:{last})"
    return save(book), frozenset(totals)


def case_sheet_per_table() -> UnitFile:
    report = example("huaian-2024.json")
    book, _ = sheet_per_table(report)
    return UnitFile("xlsx-sheet-per-table", save(book), figures(report), report.edition)


def case_hidden() -> UnitFile:
    """Last year's figures kept in a hidden column beside each table, and a
    hidden check row under table 3's first row: no reader sees them."""
    report = example("huaian-2024.json")
    # A row left free in table 3 under its first row of figures (the
    # merged 三、本年度办理结果 runs over it further down).
    first = min(c.row for c in report_grids(report)[1].values())
    book, where = sheet_per_table(report, gaps={"table3": first + 1})
    for sheet in book.worksheets:
        extra = sheet.max_column + 1
        for row in range(1, sheet.max_row + 1):
            if any(isinstance(c.value, int) for c in sheet[row]):
                sheet.cell(row, extra, 9999)
        sheet.column_dimensions[get_column_letter(extra)].hidden = True
    ws, address = where[("table3", "new_applications", "total")]
    row = ws[address].row + 1
    ws.cell(row, 1, "核对")
    for col in range(4, 11):
        ws.cell(row, col, 7777)
    ws.row_dimensions[row].hidden = True
    return UnitFile("xlsx-hidden-rows-columns", save(book), figures(report), report.edition)


def case_formulas_uncached() -> UnitFile:
    report = example("huaian-2024.json")
    data, totals = with_formulas(report)
    printed = {p: v for p, v in figures(report).items() if p not in totals}
    return UnitFile("xlsx-sum-not-calculated", data, printed, report.edition, unreadable=totals)


def _as_text(cell: GridCell, text: str) -> str | int | float:
    """Figures typed as text: some with 件, some in full-width digits, some
    with a thousands separator, some with spaces around."""
    if cell.role != "value" or not text.isdigit():
        return _number(cell, text)
    pick = (cell.row * 7 + cell.col) % 5
    if pick == 0:
        return f"{text}件"
    if pick == 1:
        return text.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if pick == 2 and len(text) > 3:
        return f"{int(text):,}"
    if pick == 3:
        return f" {text} "
    return text


def case_text_numbers() -> UnitFile:
    report = example("huaian-2024.json")
    book, _ = sheet_per_table(report, _as_text)
    return UnitFile("xlsx-numbers-as-text", save(book), figures(report), report.edition)


def case_wrong_total() -> UnitFile:
    """The unit typed table 3's 总计 of new applications one too many."""
    report = example("huaian-2024.json")
    book, where = sheet_per_table(report)
    path = ("table3", "new_applications", "total")
    ws, address = where[path]
    ws[address] = int(ws[address].value) + 1
    printed = {**figures(report), path: Decimal(ws[address].value)}
    return UnitFile("xlsx-total-wrong", save(book), printed, report.edition, publisher_error=True)


def case_one_sheet() -> UnitFile:
    """Everything on one sheet: the title, the preamble, each section's
    heading and paragraphs a row each, the tables under their headings."""
    report = example("huaian-2024.json")
    book = Workbook()
    ws = book.active
    assert ws is not None
    grids = list(report_grids(report))
    width = max(g.width for g in grids)
    title_row(ws, report, width)
    row = 2
    for text in report.preamble:
        ws.cell(row, 1, text)
        row += 1
    for n, section in enumerate(report.sections):
        ws.cell(row, 1, section.heading)
        row += 1
        for text in section.paragraphs:
            ws.cell(row, 1, text)
            row += 1
        if 1 <= n <= len(grids):
            put(ws, report, grids[n - 1], row)
            row += grids[n - 1].height + 1
    return UnitFile(
        "xlsx-one-sheet", save(book), figures(report), report.edition,
        sections=tuple(s.heading for s in report.sections),
    )  # fmt: skip


def case_header_split() -> UnitFile:
    """Each heading of one row typed over two rows, its words broken."""
    report = example("huaian-2024.json")
    book, _ = sheet_per_table(report, shape=header_over_two_rows)
    return UnitFile("xlsx-header-two-rows", save(book), figures(report), report.edition)


def case_2019() -> UnitFile:
    report = example("shanghai-szfbgt-2019.json")
    book, _ = sheet_per_table(report)
    return UnitFile("xlsx-2019-edition", save(book), figures(report), report.edition)


def case_legacy() -> UnitFile:
    report = example("yuxi-2017.json")
    book, _ = sheet_per_table(report)
    return UnitFile("xlsx-2017-template", save(book), figures(report), report.edition)


def cases() -> list[UnitFile]:
    """Every workbook made with openpyxl alone."""
    return [
        case_sheet_per_table(),
        case_hidden(),
        case_formulas_uncached(),
        case_text_numbers(),
        case_wrong_total(),
        case_one_sheet(),
        case_header_split(),
        case_2019(),
        case_legacy(),
    ]


def cases_converted(folder: FsPath) -> Iterator[UnitFile]:
    """The workbooks that arrive through LibreOffice: the =SUM workbook
    opened and saved (its totals calculated and cached), and the first
    workbook saved as an old binary .xls (refused: convert it first)."""
    folder.mkdir(parents=True, exist_ok=True)
    report = example("huaian-2024.json")
    data, _ = with_formulas(report)
    path = folder / "sums.xlsx"
    path.write_bytes(data)
    (saved,) = convert([path], "xlsx:Calc Office Open XML", folder / "saved")
    yield UnitFile("xlsx-sum-saved-by-calc", saved.read_bytes(), figures(report), report.edition)
    plain = folder / "plain.xlsx"
    plain.write_bytes(case_sheet_per_table().data)
    (old,) = convert([plain], "xls:MS Excel 97", folder / "xls")
    yield UnitFile(
        "xls-binary", old.read_bytes(), figures(report), report.edition, refused="convert-first"
    )
