"""openpyxl or XlsxWriter for writing the Excel workbooks: the measurement behind the choice.

Both libraries write the *same* filing-template workbook of 淮安 2024 (2021
edition): every sheet's labels and numbers in the official grid
(:func:`govdisclosure.table_grid.report_grids`), the merged cells, a border
on every grid cell, a custom data validation on every value cell, a
conditional format per relation and the relation comments, with the
formulas of :mod:`govdisclosure_xlsx.form`.  The figures are per workbook,
best of several runs, and the ratio is against XlsxWriter (the floor: a
write-only library that streams XML).  For context the script also times
the plugin's own renderer and template (which add styles, widths, the
cover and the hidden sheet) and reading a workbook back with the loader,
which only openpyxl can do.

Run ``python bench/xlsx_bench.py [N]`` (default 30 workbooks per run) or ``make bench``.
"""

from __future__ import annotations

import io
import sys
import time
from collections.abc import Callable
from pathlib import Path

import openpyxl
import xlsxwriter
from openpyxl.comments import Comment
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Border, PatternFill, Side
from openpyxl.worksheet.datavalidation import DataValidation

import govdisclosure as gd
from govdisclosure.cells import CellValue
from govdisclosure.flat import shape_of
from govdisclosure.i18n import gettext
from govdisclosure.paths import Path as Path_
from govdisclosure.plugin.types import RenderOptions
from govdisclosure.relations import report_equations
from govdisclosure_xlsx import load_xlsx, render, render_form
from govdisclosure_xlsx.form import relation_formula, validation_formula
from govdisclosure_xlsx.plan import SheetPlan, sheet_plans
from govdisclosure_xlsx.values import written_value

ROOT = Path(__file__).resolve().parent.parent
REPEAT = 5
LOCALE = "zh_Hans_CN"


def _content(
    report: gd.Report,
) -> tuple[tuple[SheetPlan, ...], dict[Path_, CellValue], dict[Path_, str]]:
    plans = sheet_plans(report, LOCALE)
    shape = shape_of(report)
    values = dict(zip(shape.paths, shape.flatten(report), strict=True))
    where = {p: a for plan in plans for p, a in plan.value_addresses().items()}
    return plans, values, where


def with_openpyxl(report: gd.Report) -> bytes:
    plans, values, where = _content(report)
    wb = openpyxl.Workbook()
    side = Side(style="thin")
    border = Border(left=side, right=side, top=side, bottom=side)
    sheet_of = {}
    for plan in plans:
        ws = wb.create_sheet(plan.name)
        for cell in plan.grid.cells:
            target = ws[plan.address(cell)]
            if cell.role == "value":
                assert cell.path is not None
                target.value = written_value(values[cell.path])
                ws.add_data_validation(
                    DataValidation(
                        type="custom",
                        formula1=validation_formula(plan.address(cell), cell.kind or "count"),
                        sqref=plan.address(cell),
                    )
                )
                sheet_of[cell.path] = ws
            else:
                target.value = gettext(LOCALE, cell.text) if cell.text else None
            for r in range(cell.row, cell.last_row + 1):
                for c in range(cell.col, cell.last_col + 1):
                    ws.cell(r + 2, c + 1).border = border
            if cell.rows > 1 or cell.cols > 1:
                ws.merge_cells(plan.range(cell))
    fill = PatternFill(start_color="FFC7CE", end_color="FFC7CE", fill_type="solid")
    for eq in report_equations(report):
        ws = sheet_of[eq.total[0]]
        rule = FormulaRule(formula=[relation_formula(eq, where)], fill=fill)  # type: ignore[no-untyped-call]
        ws.conditional_formatting.add(" ".join(where[p] for p in eq.total), rule)
        ws[where[eq.total[0]]].comment = Comment(eq.rule, "bench")
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def with_xlsxwriter(report: gd.Report) -> bytes:
    plans, values, where = _content(report)
    buffer = io.BytesIO()
    wb = xlsxwriter.Workbook(buffer, {"in_memory": True})
    boxed = wb.add_format({"border": 1})
    red = wb.add_format({"bg_color": "#FFC7CE"})
    sheet_of = {}
    for plan in plans:
        ws = wb.add_worksheet(plan.name)
        for cell in plan.grid.cells:
            if cell.role == "value":
                assert cell.path is not None
                content: object = written_value(values[cell.path])
                ws.data_validation(
                    plan.address(cell),
                    {
                        "validate": "custom",
                        "value": validation_formula(plan.address(cell), cell.kind or "count"),
                    },
                )
                sheet_of[cell.path] = ws
            else:
                content = gettext(LOCALE, cell.text) if cell.text else None
            top, left = cell.row + 1, cell.col
            if cell.rows > 1 or cell.cols > 1:
                ws.merge_range(top, left, cell.last_row + 1, cell.last_col, content, boxed)
            elif content is None:
                ws.write_blank(top, left, None, boxed)
            else:
                ws.write(top, left, content, boxed)
    for eq in report_equations(report):
        ws = sheet_of[eq.total[0]]
        formula = "=" + relation_formula(eq, where)
        for path in eq.total:
            ws.conditional_format(
                where[path], {"type": "formula", "criteria": formula, "format": red}
            )
        ws.write_comment(where[eq.total[0]], eq.rule)
    wb.close()
    return buffer.getvalue()


def best(fn: Callable[[], object], n: int) -> float:
    """Best of REPEAT runs of ``n`` calls, in ms per call."""
    times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        for _ in range(n):
            fn()
        times.append((time.perf_counter() - start) / n * 1000)
    return min(times)


def main(argv: list[str]) -> int:
    n = int(argv[0]) if argv else 30
    report = gd.load(ROOT / "examples" / "huaian-2024.json")
    options = RenderOptions()
    # Both writers must produce workbooks openpyxl can read back with the same values.
    for data in (with_openpyxl(report), with_xlsxwriter(report)):
        ws = openpyxl.load_workbook(io.BytesIO(data))["表三"]
        assert ws["J5"].value == 3119, ws["J5"].value
    floor = best(lambda: with_xlsxwriter(report), n)
    rows = [
        ("XlsxWriter, same template content (floor)", floor),
        ("openpyxl, same template content", best(lambda: with_openpyxl(report), n)),
        (
            "plugin render (openpyxl, styled, cover, hidden sheet)",
            best(lambda: render(report, options), n),
        ),
        ("plugin filing template (openpyxl)", best(lambda: render_form(report, options), n)),
    ]
    data = render_form(report, options)
    rows.append(
        ("loader: read the template back (openpyxl)", best(lambda: load_xlsx(data, "b.xlsx"), n))
    )
    print(
        f"淮安 2024, {n} workbooks per run, best of {REPEAT}; ms per workbook, ratio to the floor"
    )
    for name, ms in rows:
        print(f"  {name:58s} {ms:8.2f} ms  {ms / floor:5.2f}×")
    print(
        f"  sizes: openpyxl {len(with_openpyxl(report)):,} B, XlsxWriter {len(with_xlsxwriter(report)):,} B"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
