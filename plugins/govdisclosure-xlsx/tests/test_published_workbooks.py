"""Workbooks this plugin did not write, imported onto the official tables.

Oracles: the example reports (the workbooks in ``examples/workbooks`` were written by
LibreOffice from their HTML rendering, see its README), openpyxl
reading back the cell each provenance address names, and LibreOffice
converting to and from the old binary .xls.  Generated reports are laid
out the way a clerk builds the statistics tables in a spreadsheet (one
sheet per table, a title row, merged headers, figures typed as text here
and there) by :func:`clerk_workbook`.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

import govdisclosure as gd
from govdisclosure import cells_by_path
from govdisclosure.cells import NotApplicable
from govdisclosure.cli import cli
from govdisclosure.editions import Report, edition_of
from govdisclosure.i18n import gettext
from govdisclosure.table_grid import report_grids
from govdisclosure.testing.libreoffice import convert
from govdisclosure.testing.strategies import consistent_reports
from govdisclosure_xlsx import import_binary, import_workbook, written_by_us
from renumber import renumber_label
from xlsx_helpers import EXAMPLES, needs_libreoffice, to_bytes

DATA = EXAMPLES / "workbooks"
NAMES = sorted(p.stem for p in DATA.glob("*.xlsx"))


@pytest.mark.parametrize("name", NAMES)
def test_every_cell_of_a_workbook_libreoffice_wrote(name: str) -> None:
    data = (DATA / f"{name}.xlsx").read_bytes()
    assert not written_by_us(data)
    report, prov, problems = import_workbook(data, f"{name}.xlsx")
    assert report is not None, [p.message("en") for p in problems]
    expected = gd.load(EXAMPLES / f"{name}.json")
    assert edition_of(report) == edition_of(expected)
    assert cells_by_path(report) == cells_by_path(expected)
    assert (report.title, report.unit.name, report.year) == (
        expected.title,
        expected.unit.name,
        expected.year,
    )
    codes = {p.code for p in problems}
    assert not codes & {"cell-not-placed", "cell-unreadable", "doubtful-mapping"}
    assert not any(c.doubtful for c in prov.cells)
    # gd.load reads it too: the .xlsx loader tells our workbooks from others.
    assert cells_by_path(gd.load(DATA / f"{name}.xlsx")) == cells_by_path(expected)


@pytest.mark.parametrize("name", ["huaian-2024", "yuxi-2017"])
def test_each_provenance_address_holds_the_figure_as_printed(name: str) -> None:
    data = (DATA / f"{name}.xlsx").read_bytes()
    _, prov, _ = import_workbook(data, f"{name}.xlsx")
    sheets = load_workbook(io.BytesIO(data), data_only=True)
    assert prov.format == "xlsx" and prov.cells
    for cell in prov.cells:
        assert cell.address is not None
        sheet, coordinate = cell.address.split("!")
        value = sheets[sheet][coordinate].value
        if not cell.text:  # a figure left blank: the cell is empty
            assert value is None
        elif isinstance(value, float):
            assert Decimal(cell.text) == Decimal(str(value))
        else:
            assert str(value) == cell.text


# -- a clerk's workbook -----------------------------------------------------------------


def _value(report: Report, path: Any, as_text: bool) -> Any:
    obj: Any
    if isinstance(report, gd.ReportLegacy):  # a pre-2019 cell: statistics, rows, code, column
        obj = report.statistics.value(path[2], path[3])
    else:
        obj = report
        for part in path or ():
            obj = getattr(obj, str(part))
    if obj is None:
        return None
    if isinstance(obj, NotApplicable):
        return obj.mark
    if isinstance(obj, Decimal):
        return str(obj) if as_text else float(obj)
    return str(obj) if as_text else obj


def clerk_workbook(report: Report, typed_as_text: frozenset[int] = frozenset()) -> bytes:
    """The report's tables as a clerk lays them out: one sheet per table,
    the unit and year in a merged title row, the official layout with its
    merged cells below, the figures numbered ``typed_as_text`` typed as text."""
    wb = Workbook()
    for sheet in list(wb.worksheets):
        wb.remove(sheet)
    n = 0
    for grid in report_grids(report):
        ws = wb.create_sheet(f"表{len(wb.sheetnames) + 1}")
        ws.cell(1, 1, f"{report.unit.name}{report.year}年政府信息公开工作年度报告统计表")
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=grid.width)
        for cell in grid.cells:
            row, col = cell.row + 3, cell.col + 1
            if cell.role == "value":
                ws.cell(row, col, _value(report, cell.path, n in typed_as_text))
                n += 1
            else:
                ws.cell(row, col, gettext("zh_Hans_CN", cell.text))
            if cell.rows > 1 or cell.cols > 1:
                ws.merge_cells(
                    start_row=row,
                    start_column=col,
                    end_row=cell.last_row + 3,
                    end_column=cell.last_col + 1,
                )
    return to_bytes(wb)


@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.one_of(
        consistent_reports("2021", blanks=True, max_count=10**6),
        consistent_reports("2019", blanks=True, max_count=10**6),
        consistent_reports("legacy", template="national-2016"),
        consistent_reports("legacy", template="fujian-2011"),
    ),
    st.frozensets(st.integers(0, 60), max_size=10),
)
def test_a_clerks_workbook_gives_back_the_same_figures(
    report: Report, typed_as_text: frozenset[int]
) -> None:
    imported, prov, problems = import_workbook(clerk_workbook(report, typed_as_text), "c.xlsx")
    assert imported is not None, [p.message("en") for p in problems]
    assert edition_of(imported) == edition_of(report)
    assert cells_by_path(imported) == cells_by_path(report)
    assert not any(c.doubtful for c in prov.cells)


@pytest.mark.parametrize("name", ["huaian-2024", "shanghai-szfbgt-2019", "pingtan-2011"])
def test_a_workbook_numbering_its_rows_otherwise(name: str) -> None:
    # Every label's numbering in another form (:mod:`renumber`): 一、 rows as
    # 1., （一） rows as ①, 1. rows as （一）.  Before: 133 or more cells of the
    # 2021 and 2019 tables left out; the pre-2019 rows matched without a word
    # on the numbering.
    book = load_workbook(io.BytesIO((DATA / f"{name}.xlsx").read_bytes()))
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.value = renumber_label(cell.value, {1: "1.", 2: "①", 3: "（一）"})
    out = io.BytesIO()
    book.save(out)
    report, prov, problems = import_workbook(out.getvalue(), f"{name}.xlsx")
    assert report is not None, [p.message("en") for p in problems]
    assert cells_by_path(report) == cells_by_path(gd.load(EXAMPLES / f"{name}.json"))
    assert not {p.code for p in problems} & {"cell-not-placed", "cell-missing"}
    assert "numbering" in {c.match for c in prov.cells}


def test_a_formula_without_a_saved_value_is_reported_not_read_as_blank() -> None:
    report = gd.load(EXAMPLES / "huaian-2024.json")
    wb = load_workbook(io.BytesIO(clerk_workbook(report)))
    # openpyxl writes formulas without a cached value, as any program does.
    sheet = wb["表2"]
    target = next(
        c for row in sheet.iter_rows() for c in row if isinstance(c.value, int) and c.value == 3119
    )
    target.value = "=SUM(C4:H4)"
    imported, _, problems = import_workbook(to_bytes(wb), "formula.xlsx")
    unreadable = [p for p in problems if p.code == "cell-unreadable"]
    assert unreadable and "=SUM(C4:H4)" in unreadable[0].message("en")
    assert isinstance(imported, gd.Report2021 | None)
    assert imported is None or imported.table3.new_applications.total is None


def test_a_broken_workbook_is_reported() -> None:
    report, _, problems = import_workbook(b"PK\x03\x04 not a package", "broken.xlsx")
    assert report is None and [p.code for p in problems] == ["unreadable-file"]


# -- old binary workbooks ---------------------------------------------------------------


def test_an_old_binary_workbook_is_convert_it_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GOVDISCLOSURE_SOFFICE", raising=False)
    for suffix in (".xls", ".et"):
        report, _, problems = import_binary(b"\xd0\xcf\x11\xe0 old", f"附表{suffix}")
        assert report is None and [p.code for p in problems] == ["convert-first"]
        assert "convert it first" in problems[0].message("en")
        assert "先转换" in problems[0].message("zh_Hans_CN")
        assert "--convert-to xlsx" in problems[0].message("en")


@needs_libreoffice
def test_an_xls_is_converted_through_libreoffice_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (xls,) = convert([DATA / "yuxi-2017.xlsx"], "xls", tmp_path)
    data = xls.read_bytes()
    monkeypatch.setenv("GOVDISCLOSURE_SOFFICE", "1")
    report, _, problems = import_binary(data, "信息公开附表.xls")
    assert report is not None, [p.message("en") for p in problems]
    assert cells_by_path(report) == cells_by_path(gd.load(EXAMPLES / "yuxi-2017.json"))


# -- the command line -------------------------------------------------------------------


def test_import_writes_the_provenance_with_sheet_and_cell(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["import", str(DATA / "huaian-2024.xlsx"), "-o", str(tmp_path), "--locale", "en"]
    )
    assert result.exit_code == 0, result.output
    provenance = json.loads((tmp_path / "huaian-2024.provenance.json").read_text("utf-8"))
    assert provenance["format"] == "xlsx" and len(provenance["cells"]) == 200
    assert all(c["address"].startswith("Sheet1!") for c in provenance["cells"])
    imported = gd.load(tmp_path / "huaian-2024.json")
    assert cells_by_path(imported) == cells_by_path(gd.load(EXAMPLES / "huaian-2024.json"))


def test_the_export_names_the_sheet_and_cell_of_each_figure(tmp_path: Path) -> None:
    runner = CliRunner()
    imported = runner.invoke(cli, ["import", str(DATA / "yuxi-2017.xlsx"), "-o", str(tmp_path)])
    assert imported.exit_code == 0, imported.output
    out = tmp_path / "cells.csv"
    exported = runner.invoke(
        cli, ["export", str(tmp_path / "yuxi-2017.json"), "--to", "csv", "-o", str(out)]
    )
    assert exported.exit_code == 0, exported.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    printed = [r for r in rows if r["printed"]]
    assert printed and all(r["source_address"].startswith("Sheet1!") for r in printed)
    assert all(r["source_format"] == "xlsx" for r in rows)


def test_the_fee_unit_given_once_above_table_2() -> None:
    # A text row "（金额单位：元）" just above table 2, the heading "本年收费金额"
    # with no unit, the fee in 元.  Before: read as 万元, 10,000 times the amount.
    wb = load_workbook(DATA / "huaian-2024.xlsx")
    ws = wb.worksheets[0]
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == "本年收费金额（单位：万元）":
                cell.value = "本年收费金额"
            elif cell.value == 96171.6:
                cell.value = 961716000
    caption = next(c for row in ws.iter_rows() for c in row if c.value == "第二十条第（一）项")
    above = ws.cell(caption.row - 1, 1)
    assert above.value == "二、主动公开政府信息情况"
    above.value = "（金额单位：元）"  # the heading's row now gives the unit
    result = import_workbook(to_bytes(wb), "unit.xlsx")
    assert isinstance(result.report, gd.Report2021)
    assert result.report.table2.fees == Decimal("96171.6")
    (fee,) = [c for c in result.provenance.cells if c.path == "$.table2.fees"]
    assert fee.note == "heading in 元, converted to 万元"
