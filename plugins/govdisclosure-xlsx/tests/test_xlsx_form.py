"""The filing template: protection, validation and live relations, checked by openpyxl and LibreOffice."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl.worksheet.worksheet import Worksheet

import govdisclosure as gd
from govdisclosure.authoring import blank_report as _blank_report
from govdisclosure.editions import Report
from govdisclosure.plugin.types import RenderOptions
from govdisclosure.relations import report_equations
from govdisclosure_xlsx import load_xlsx, render_form
from govdisclosure_xlsx.form import FILL_ERROR
from govdisclosure_xlsx.plan import cover_rows, sheet_plans
from xlsx_helpers import libreoffice_roundtrip, needs_libreoffice, open_bytes, to_bytes


def blank_report(edition: str, year: int, unit: str, template: str | None = None) -> Report:
    """What ``govdisclosure new`` writes: headings, and every template row listed."""
    return _blank_report(edition, year, unit, template, with_headings=True, with_rows=True)


BLANKS = {
    "2021": blank_report("2021", 2025, "测试县人民政府"),
    "2019": blank_report("2019", 2020, "测试县人民政府"),
    "legacy-national": blank_report("legacy", 2017, "测试市人民政府", template="national-2016"),
    "legacy-fujian": blank_report("legacy", 2011, "测试县人民政府", template="fujian-2011"),
}


def _form(report: gd.Report, locale: str = "zh_Hans_CN") -> bytes:
    return render_form(report, RenderOptions(locale=locale))


def _rules(ws: Worksheet) -> list[tuple[str, str, str]]:
    """(range, formula, fill colour) of every conditional format of a sheet."""
    out = []
    for cf in ws.conditional_formatting:
        for rule in cf.rules:
            assert rule.dxf is not None and rule.dxf.fill is not None
            colour = str(rule.dxf.fill.fgColor.rgb)[-6:]
            out.append((str(cf.sqref), rule.formula[0], colour))
    return out


@pytest.mark.parametrize("key", list(BLANKS))
def test_labels_locked_inputs_unlocked_without_password(key: str) -> None:
    report = BLANKS[key]
    wb = open_bytes(_form(report))
    for plan in sheet_plans(report, "zh_Hans_CN"):
        ws = wb[plan.name]
        assert ws.protection.sheet and not ws.protection.password
        for cell in plan.grid.cells:
            locked = ws[plan.address(cell)].protection.locked
            assert locked is (cell.role != "value"), (plan.name, plan.address(cell))
    cover = wb["封面"]
    assert cover.protection.sheet and not cover.protection.password
    choices = {str(dv.sqref): dv for dv in cover.data_validations.dataValidation}
    kind_row = next(row for row, field in cover_rows(report) if field.kind == "unit_kind")
    assert choices[f"B{kind_row}"].formula1 == '"人民政府,政府部门"'
    for row, field in cover_rows(report):
        assert cover.cell(row, 2).protection.locked is (field.kind == "fixed")
        assert cover.cell(row, 1).protection.locked


@pytest.mark.parametrize("key", list(BLANKS))
def test_every_input_cell_has_its_validation(key: str) -> None:
    report = BLANKS[key]
    wb = open_bytes(_form(report))
    for plan in sheet_plans(report, "zh_Hans_CN"):
        ws = wb[plan.name]
        rules = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
        for cell in plan.grid.values():
            address = plan.address(cell)
            dv = rules[address]
            assert dv.type == "custom" and dv.allow_blank and dv.showErrorMessage
            formula = str(dv.formula1)
            assert f'{address}="/"' in formula
            if cell.kind == "count":
                assert f"{address}>=0" in formula and f"{address}=INT({address})" in formula
            elif cell.kind == "money":
                assert f"{address}>=0" in formula and "INT(" not in formula
            else:
                assert f"{address}>=-1000000000" in formula


@pytest.mark.parametrize("key", list(BLANKS))
def test_every_relation_has_a_conditional_format_and_a_comment(key: str) -> None:
    report = BLANKS[key]
    wb = open_bytes(_form(report))
    plans = sheet_plans(report, "zh_Hans_CN")
    where = {p: (plan.name, a) for plan in plans for p, a in plan.value_addresses().items()}
    formats = {name: _rules(wb[name]) for name in {plan.name for plan in plans}}
    equations = [eq for eq in report_equations(report) if eq.kind != "channels"]
    assert equations
    for eq in equations:
        marked = eq.parts if eq.kind == "at_most" else eq.total
        sheet = where[marked[0]][0]
        target = " ".join(where[p][1] for p in marked)
        hits = [f for r, f, _ in formats[sheet] if r == target]
        assert hits, (eq.rule, target)
        assert any(all(f"${where[p][1][0]}$" in f for p in eq.involves) for f in hits)
        for p in marked:
            comment = wb[sheet][where[p][1]].comment
            assert comment is not None and eq.rule in comment.text


def test_a_2021_total_is_red_and_commented() -> None:
    ws = open_bytes(_form(BLANKS["2021"]))["表三"]
    rules = _rules(ws)
    row_total = [f for r, f, colour in rules if r == "J5" and colour == FILL_ERROR]
    assert row_total == [
        "AND(COUNT($J$5,$D$5,$E$5,$F$5,$G$5,$H$5,$I$5)>0,"
        "ROUND(SUM($J$5)-SUM($D$5,$E$5,$F$5,$G$5,$H$5,$I$5),6)<>0)"
    ]
    comment = ws["J5"].comment
    assert comment is not None and "J5 = D5 + E5 + F5 + G5 + H5 + I5" in comment.text


def _scratch(ws: Worksheet, formulas: list[str]) -> list[str]:
    """Put each formula in a scratch cell far right; their addresses."""
    out = []
    for i, formula in enumerate(formulas, start=1):
        ws.cell(i, 40, "=" + formula)
        out.append(f"AN{i}")
    return out


@needs_libreoffice
def test_libreoffice_evaluates_relations_and_validation(tmp_path: Path) -> None:
    """A user fills the template through openpyxl; LibreOffice computes what Excel would show."""
    wb = open_bytes(_form(BLANKS["2021"]))
    ws = wb["表三"]
    # Row 一 (new applications): parts 3 + 2, total typed 6 (wrong) - row 二 right.
    ws["D5"], ws["E5"], ws["J5"] = 3, 2, 6
    ws["D6"], ws["E6"], ws["J6"] = 1, 1, 2
    # A negative count, a fraction, "/" and a text where counts go.
    ws["D8"], ws["E8"], ws["F8"], ws["G8"] = -1, 2.5, "/", "abc"
    rules = {r: f for r, f, _ in _rules(ws)}
    dv = {str(d.sqref): str(d.formula1) for d in ws.data_validations.dataValidation}
    cells = _scratch(
        ws, [rules["J5"], rules["J6"], dv["D5"], dv["D8"], dv["E8"], dv["F8"], dv["G8"]]
    )
    # 表二's amount takes decimals; its count does not.
    t2 = wb["表二"]
    fees = sheet_plans(BLANKS["2021"], "zh_Hans_CN")[0].value_addresses()[("table2", "fees")]
    t2[fees] = 96171.6
    t2_dv = {str(d.sqref): str(d.formula1) for d in t2.data_validations.dataValidation}
    t2_cells = _scratch(t2, [t2_dv[fees]])
    recalculated = open_bytes(libreoffice_roundtrip(to_bytes(wb), tmp_path), data_only=True)
    got = [recalculated["表三"][c].value for c in cells]
    assert got == [True, False, True, False, False, True, False]
    assert [recalculated["表二"][c].value for c in t2_cells] == [True]


@needs_libreoffice
def test_a_template_saved_by_libreoffice_reads_the_same_and_keeps_its_checks(
    tmp_path: Path,
) -> None:
    report = gd.load(Path(__file__).resolve().parents[3] / "examples" / "huaian-2024.json")
    resaved = libreoffice_roundtrip(_form(report), tmp_path)
    assert load_xlsx(resaved, "resaved.xlsx") == report
    before, after = open_bytes(_form(report))["表三"], open_bytes(resaved)["表三"]
    assert after.protection.sheet
    assert len(after.data_validations.dataValidation) == len(before.data_validations.dataValidation)
    assert sorted((r, f) for r, f, _ in _rules(after)) == sorted(
        (r, f) for r, f, _ in _rules(before)
    )
    comments = [c.coordinate for row in after.iter_rows() for c in row if c.comment]
    assert comments == [c.coordinate for row in before.iter_rows() for c in row if c.comment]


def test_new_to_xlsx_writes_the_template(tmp_path: Path) -> None:
    target = tmp_path / "form.xlsx"
    cli = [str(Path(sys.executable).parent / "govdisclosure")]
    args = ["new", "-e", "2021", "-y", "2025", "-u", "测试县人民政府", "--to", "xlsx"]
    done = subprocess.run([*cli, *args, "-o", str(target)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert load_xlsx(target.read_bytes(), str(target)) == BLANKS["2021"]
    no_output = subprocess.run([*cli, *args, "-l", "en"], capture_output=True, text=True)
    assert no_output.returncode == 2 and "-o FILE" in no_output.stderr
    markdown = [*cli, *args[:-1], "markdown", "-o", str(tmp_path / "x")]
    other = subprocess.run(markdown, capture_output=True, text=True)
    assert other.returncode == 2 and "xlsx" in other.stderr
