"""The report as a workbook: a cover sheet, one sheet per official table.

Each table sheet draws the grid of :mod:`govdisclosure.table_grid` (the
official layout: merged header cells, merged group cells such as
三、本年度办理结果 down its rows, table 2's captioned blocks) with the
official labels in the locale asked for and the report's numbers.  A hidden
sheet (:data:`~.plan.DATA_SHEET`) carries the report's JSON with every table
cell blanked: the narrative, consolidated parts and the like have no cell
in a statistics workbook, and the loader needs them to give back the whole
report.  The numbers and the cover are read from the visible cells only.
"""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from typing import Any, Final

import attrs
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from govdisclosure.codec import dumps
from govdisclosure.editions import Report, is_template_driven
from govdisclosure.flat import shape_of
from govdisclosure.i18n import gettext, normalize_locale
from govdisclosure.paths import Path
from govdisclosure.report_base import UnitKind
from govdisclosure.table_grid import GridCell

from .cover import UNIT_KIND_LABELS
from .escape import escape
from .plan import DATA_SHEET, FORMAT_MARK, SheetPlan, cover_name, cover_rows, sheet_plans
from .values import number_format, written_value

__all__ = ["CHUNK", "blank_tables", "build_workbook", "cell_values", "workbook_bytes"]

#: Characters of JSON per cell of the hidden sheet (a cell holds 32,767).
CHUNK: Final = 30_000

_THIN: Final = Side(style="thin", color="000000")
_BORDER: Final = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_BODY_FONT: Final = "宋体"
_HEAD_FONT: Final = "黑体"


def blank_tables(report: Report) -> Report:
    """``report`` with every table cell blank (a legacy table keeps its row and column keys)."""
    if is_template_driven(report):
        rows = {code: dict.fromkeys(cells, None) for code, cells in report.statistics.rows.items()}
        table = attrs.evolve(report.statistics, rows=rows)
        return attrs.evolve(report, statistics=table)
    shape = shape_of(report)
    return shape.rebuild(report, [None] * len(shape.paths))


def cell_values(report: Report) -> dict[Path, object]:
    """Every table cell of ``report`` by path."""
    shape = shape_of(report)
    return dict(zip(shape.paths, shape.flatten(report), strict=True))


def _text_width(text: str) -> float:
    return sum(2.0 if unicodedata.east_asian_width(ch) in "WF" else 1.1 for ch in text)


def _style(cell: GridCell) -> tuple[Font, Alignment]:
    if cell.role in ("head", "caption", "note"):
        bold = cell.role != "note"
        size = 9 if cell.role == "note" else 10
        font = Font(name=_HEAD_FONT if bold else _BODY_FONT, size=size, bold=bold)
        horizontal = "left" if cell.role == "caption" else "center"
        return font, Alignment(horizontal=horizontal, vertical="center", wrap_text=True)
    if cell.role == "value":
        return Font(name=_BODY_FONT, size=10), Alignment(horizontal="right", vertical="center")
    if cell.role in ("unit", "section"):
        return Font(name=_BODY_FONT, size=10), Alignment(horizontal="center", vertical="center")
    indent = 0 if cell.role == "group" else min(cell.depth, 15)
    horizontal = "center" if cell.role == "group" else "left"
    return Font(name=_BODY_FONT, size=10), Alignment(
        horizontal=horizontal, vertical="center", wrap_text=True, indent=indent
    )


def _vertical(cell: GridCell, locale: str) -> bool:
    """The outermost group of table 3 (三、本年度办理结果) runs down a narrow column."""
    return cell.role == "group" and cell.col == 0 and cell.rows > 3 and locale != "en"


def _widths(
    cells: tuple[GridCell, ...], texts: dict[GridCell, str], width: int, locale: str
) -> list[float]:
    """Column widths (in characters) from the one-column cells: labels up to 60, heads 12."""
    widths = [4.0] * width
    for cell in cells:
        if cell.cols != 1:
            continue
        if cell.role == "value":
            need = 8.0
        elif _vertical(cell, locale):
            need = 3.0
        else:
            cap = 60.0 if cell.role in ("label", "group") else 12.0
            need = min(_text_width(texts[cell]), cap) + 2
        widths[cell.col] = max(widths[cell.col], need)
    return widths


def _draw_table(ws: Worksheet, plan: SheetPlan, report: Report, locale: str) -> None:
    grid = plan.grid
    values = cell_values(report)
    ws.cell(1, 1, gettext(locale, grid.title)).font = Font(name=_HEAD_FONT, size=14, bold=True)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=grid.width)
    ws.cell(1, 1).alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.row_dimensions[1].height = 30
    # A printed label is the report's text: escaped like the rest of it.
    texts = {cell: escape(cell.label(locale)) for cell in grid.cells if cell.role != "value"}
    widths = _widths(grid.cells, texts, grid.width, locale)
    heights = [15.0] * grid.height
    for cell in grid.cells:
        target = ws[plan.address(cell)]
        font, alignment = _style(cell)
        if cell.role == "value":
            assert cell.path is not None and cell.kind is not None
            value = values[cell.path]
            target.value = written_value(value)  # type: ignore[arg-type]
            target.number_format = number_format(value, cell.kind, cell.sign)  # type: ignore[arg-type]
        else:
            target.value = texts[cell]
            _as_text(target)
            if _vertical(cell, locale):
                alignment = Alignment(
                    horizontal="center", vertical="center", wrap_text=True, text_rotation=255
                )
            else:
                room = sum(widths[cell.col : cell.last_col + 1]) - 1
                lines = -(-_text_width(texts[cell]) // max(room, 1.0))
                heights[cell.row] = max(heights[cell.row], 14.0 * lines / cell.rows + 2)
        target.font = font
        target.alignment = alignment
        for r in range(cell.row, cell.last_row + 1):
            for c in range(cell.col, cell.last_col + 1):
                ws.cell(r + 2, c + 1).border = _BORDER
        if cell.rows > 1 or cell.cols > 1:
            ws.merge_cells(plan.range(cell))
    for c, width in enumerate(widths):
        ws.column_dimensions[get_column_letter(c + 1)].width = width
    for r, height in enumerate(heights):
        ws.row_dimensions[r + 2].height = height
    labels = max(
        (c.last_col + 1 for c in grid.cells if c.role in ("label", "group", "note")), default=0
    )
    ws.freeze_panes = f"{get_column_letter(labels + 1)}{grid.header_rows + 2}"
    ws.print_title_rows = f"1:{grid.header_rows + 1}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if grid.width > 4 else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)


def _as_text(cell: Any) -> None:
    """Text that begins with "=" is the report's text, not a formula:
    openpyxl would write it as one (and read it back as nothing)."""
    if cell.data_type == "f":
        cell.data_type = "s"


def _cover_value(value: object, locale: str) -> str | int | dt.date | None:
    if isinstance(value, UnitKind):
        return gettext(locale, UNIT_KIND_LABELS[value])
    if isinstance(value, str):
        return escape(value)
    assert value is None or isinstance(value, int | dt.date)
    return value


def _draw_cover(ws: Worksheet, report: Report, locale: str) -> dict[tuple[str, ...], str]:
    title = report.title or gettext(
        locale, "{unit} {year} annual report on government information disclosure"
    ).format(unit=report.unit.name, year=report.year)
    ws.cell(1, 1, escape(title)).font = Font(name=_HEAD_FONT, size=14, bold=True)
    ws.merge_cells("A1:B1")
    ws.cell(1, 1).alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.row_dimensions[1].height = 36
    addresses = {}
    for row, field in cover_rows(report):
        label = ws.cell(row, 1, gettext(locale, field.label))
        label.font = Font(name=_HEAD_FONT, size=11, bold=True)
        label.border = _BORDER
        value = ws.cell(row, 2, _cover_value(field.get(report), locale))
        _as_text(value)
        value.font = Font(name=_BODY_FONT, size=11)
        value.border = _BORDER
        value.alignment = Alignment(horizontal="left", vertical="center", wrap_text=True)
        if field.kind == "date":
            value.number_format = "yyyy-mm-dd"
        addresses[field.path] = f"B{row}"
    ws.column_dimensions["A"].width = 26
    ws.column_dimensions["B"].width = 56
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    return addresses


def _draw_data(ws: Worksheet, report: Report, locale: str) -> None:
    ws.sheet_state = "hidden"
    text = escape(dumps(blank_tables(report)))
    ws["A1"] = FORMAT_MARK
    ws["A2"] = locale
    for i in range(0, max(len(text), 1), CHUNK):
        ws.cell(3 + i // CHUNK, 1, text[i : i + CHUNK])


def build_workbook(report: Report, locale: str) -> tuple[Workbook, tuple[SheetPlan, ...]]:
    """The workbook of ``report`` and the plan of its table sheets."""
    locale = normalize_locale(locale)
    wb = Workbook()
    cover = wb.active
    assert cover is not None
    cover.title = cover_name(locale)
    _draw_cover(cover, report, locale)
    plans = sheet_plans(report, locale)
    for plan in plans:
        _draw_table(wb.create_sheet(plan.name), plan, report, locale)
    _draw_data(wb.create_sheet(DATA_SHEET), report, locale)
    wb.properties.title = cover.cell(1, 1).value
    wb.properties.creator = "govdisclosure"
    return wb, plans


def workbook_bytes(wb: Workbook) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
