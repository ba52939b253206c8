"""Reading a filled workbook back into a report (the ``.xlsx`` loader).

The workbook must be one this plugin wrote (a rendered report or a filing
template), filled in Excel, WPS or LibreOffice: its hidden sheet says which
edition, layout and locale it was written in, so the loader rebuilds the
same plan (:mod:`.plan`) and knows which cell holds which value.  It then
checks, in this order, and reports *every* problem of a step at once:

1. the sheets and the label cells are where they were written (a row
   inserted by hand would shift every value below it, so reading values
   from a changed layout would be worse than refusing it);
2. each cover value and each table value is readable (see
   :func:`.values.parse_cell` for what is forgiven).

A problem is named by sheet and cell address and by the report's JSON path
(``表三!D12 $.table3.results.total.natural_person``), and says what was
expected as a message id, so :meth:`govdisclosure.LoadError.render` shows
it in the user's locale.  The report that comes out is checked by the core
codec once more, so a workbook can never produce a report that a JSON file
could not.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from typing import Any

import attrs
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook import Workbook

from govdisclosure.cells import CellValue
from govdisclosure.codec import dumps, loads
from govdisclosure.editions import Report, is_template_driven
from govdisclosure.errors import LoadError, Problem
from govdisclosure.filefaults import library_words, package_fault
from govdisclosure.flat import shape_of
from govdisclosure.i18n import LOCALES, N_, gettext
from govdisclosure.paths import Path, json_path

from .cover import CoverProblem, apply_cover, parse_cover_value
from .escape import escape, unescape
from .plan import DATA_SHEET, FORMAT_MARK, SheetPlan, cover_name, cover_rows, sheet_plans
from .values import CellProblem, parse_cell

__all__ = ["load_xlsx"]


def _open(data: bytes) -> Workbook:
    try:
        return load_workbook(io.BytesIO(data), data_only=True)
    except (
        InvalidFileException,
        zipfile.BadZipFile,
        KeyError,
        OSError,
        ValueError,
        SyntaxError,  # a part of the package that is not XML (lxml's or ElementTree's)
    ) as exc:
        fault = package_fault(data, "xlsx")
        detail = "" if fault.named else library_words(exc)
        raise LoadError([Problem("$", fault.expected, detail=detail)]) from None


def _remainder(wb: Workbook) -> tuple[Report, str]:
    """The report without its table values, and the workbook's locale."""
    if DATA_SHEET not in wb.sheetnames or wb[DATA_SHEET]["A1"].value != FORMAT_MARK:
        raise LoadError(
            [Problem("$", N_("a workbook written by govdisclosure (its hidden sheet is missing)"))]
        )
    ws = wb[DATA_SHEET]
    locale = str(ws["A2"].value)
    if locale not in LOCALES:
        raise LoadError([Problem(f"{DATA_SHEET}!A2", N_("a supported locale"), locale)])
    chunks = []
    row = 3
    while isinstance(ws.cell(row, 1).value, str):
        chunks.append(str(ws.cell(row, 1).value))
        row += 1
    try:
        return loads(unescape("".join(chunks))), locale
    except LoadError as exc:
        raise LoadError(
            [attrs.evolve(p, path=f"{DATA_SHEET}!A3 {p.path}") for p in exc.problems]
        ) from None


def _same_label(found: Any, expected: str) -> bool:
    def norm(text: str) -> str:
        return "".join(unicodedata.normalize("NFKC", text).split())

    return isinstance(found, str) and norm(found) == norm(expected)


def _layout_problems(wb: Workbook, plans: tuple[SheetPlan, ...], locale: str) -> list[Problem]:
    problems = []
    for plan in plans:
        if plan.name not in wb.sheetnames:
            problems.append(Problem(plan.name, N_("this sheet, as the workbook was written"), "-"))
            continue
        ws = wb[plan.name]
        for cell in plan.grid.cells:
            if cell.role == "value" or not cell.text:
                continue
            expected = escape(cell.label(locale))
            found = ws[plan.address(cell)].value
            if not _same_label(found, expected):
                where = f"{plan.name}!{plan.address(cell)}"
                problems.append(Problem(where, cell.text, repr(found)))
    return problems


def _cover(wb: Workbook, report: Report, locale: str, problems: list[Problem]) -> Report:
    name = cover_name(locale)
    if name not in wb.sheetnames:
        problems.append(Problem(name, N_("this sheet, as the workbook was written"), "-"))
        return report
    ws = wb[name]
    values: dict[tuple[str, ...], Any] = {}
    for row, field in cover_rows(report):
        label = ws.cell(row, 1).value
        where = f"{name}!B{row} {json_path(field.path)}"
        if not _same_label(label, gettext(locale, field.label)):
            problems.append(Problem(f"{name}!A{row}", field.label, repr(label)))
            continue
        if field.kind == "fixed":
            continue
        found = ws.cell(row, 2).value
        if found in (None, "") and field.get(report) == "":
            # A cell cannot tell an empty text from no text; keep the report's own.
            continue
        try:
            values[field.path] = parse_cover_value(field, found)
        except CoverProblem as exc:
            problems.append(Problem(where, str(exc.args[0]), repr(found)))
    return apply_cover(report, values)


def _table_values(
    wb: Workbook, plans: tuple[SheetPlan, ...], problems: list[Problem]
) -> dict[Path, CellValue]:
    out: dict[Path, CellValue] = {}
    for plan in plans:
        ws = wb[plan.name]
        for cell in plan.grid.values():
            assert cell.path is not None and cell.kind is not None
            address = plan.address(cell)
            target = ws[address]
            try:
                out[cell.path] = parse_cell(
                    target.value, cell.kind, cell.unit, str(target.number_format or "General")
                )
            except CellProblem as exc:
                where = f"{plan.name}!{address} {json_path(cell.path)}"
                problems.append(Problem(where, str(exc.args[0]), repr(target.value)))
    return out


def _with_values(report: Report, values: dict[Path, CellValue]) -> Report:
    if is_template_driven(report):
        rows = {code: dict(cells) for code, cells in report.statistics.rows.items()}
        for path, value in values.items():
            _, _, code, key = path
            assert isinstance(code, str) and isinstance(key, str)
            if value is not None or key in rows.get(code, {}):
                rows.setdefault(code, {})[key] = value
        table = attrs.evolve(report.statistics, rows=rows)
        return attrs.evolve(report, statistics=table)
    shape = shape_of(report)
    return shape.rebuild(report, [values[p] for p in shape.paths])


def load_xlsx(data: bytes, source: str) -> Report:
    """The report in a workbook written by this plugin (and filled by anyone)."""
    try:
        wb = _open(data)
        report, locale = _remainder(wb)
        plans = sheet_plans(report, locale)
        problems = _layout_problems(wb, plans, locale)
        if problems:
            raise LoadError(problems)
        report = _cover(wb, report, locale, problems)
        values = _table_values(wb, plans, problems)
        if problems:
            raise LoadError(problems)
        return loads(dumps(_with_values(report, values)))
    except LoadError as exc:
        raise exc.with_source(source) from None
