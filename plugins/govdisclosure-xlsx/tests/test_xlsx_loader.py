"""Loader ``xlsx``: a workbook filled by hand, read back or refused cell by cell."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import govdisclosure as gd
from govdisclosure.authoring import blank_report as _blank_report
from govdisclosure.cells import NotApplicable
from govdisclosure.editions import Report
from govdisclosure.plugin.types import RenderOptions
from govdisclosure_xlsx import load_xlsx, render_form
from xlsx_helpers import example, open_bytes, to_bytes


def blank_report(edition: str, year: int, unit: str, template: str | None = None) -> Report:
    """What ``govdisclosure new`` writes: headings, and every template row listed."""
    return _blank_report(edition, year, unit, template, with_headings=True, with_rows=True)


BLANK = blank_report("2021", 2025, "测试县人民政府")


def _filled(values: dict[str, Any], sheet: str = "表三", report: gd.Report = BLANK) -> bytes:
    wb = open_bytes(render_form(report, RenderOptions()))
    for address, value in values.items():
        wb[sheet][address] = value
    return to_bytes(wb)


def _problems(data: bytes, locale: str = "zh_Hans_CN") -> str:
    with pytest.raises(gd.LoadError) as caught:
        load_xlsx(data, "filled.xlsx")
    return caught.value.render(locale)


def test_what_people_type_is_read_as_the_number_they_mean() -> None:
    data = _filled(
        {
            "D5": "12",  # a number typed as text
            "E5": 3.0,  # a float
            "F5": "1,234",  # thousands separator
            "G5": "7件",  # trailing unit
            "H5": "１２",  # full-width digits
            "I5": "/",
            "J5": " — ",
        }
    )
    report = load_xlsx(data, "filled.xlsx")
    assert isinstance(report, gd.Report2021)
    row = report.table3.new_applications
    assert (row.natural_person, row.commercial_enterprise, row.research_institution) == (
        12,
        3,
        1234,
    )
    assert (row.social_welfare_organization, row.legal_service_institution) == (7, 12)
    assert row.other_organization == NotApplicable("/")
    assert row.total == NotApplicable("—")


def test_amounts_keep_their_decimals() -> None:
    for typed, expected in ((96171.6, "96171.6"), ("1,234.50万元", "1234.50"), (3, "3")):
        data = _filled({"B15": typed}, sheet="表二")
        fees = load_xlsx(data, "filled.xlsx").table2.fees  # type: ignore[union-attr]
        assert str(fees) == expected


def test_every_bad_cell_is_named_by_sheet_cell_and_path_in_the_locale() -> None:
    data = _filled({"D5": -1, "E5": "abc", "F5": 2.5, "J30": "12条"})
    zh = _problems(data)
    assert "filled.xlsx: 无法读取报告（3）" in zh
    assert (
        "表三!D5 $.table3.new_applications.natural_person: 应为 0 至 1,000,000,000 之间的整数" in zh
    )
    assert "实际为 -1" in zh and "实际为 'abc'" in zh and "实际为 2.5" in zh
    assert "表三!E5 $.table3.new_applications.commercial_enterprise" in zh
    assert "表三!F5" in zh
    en = _problems(data, "en")
    assert "expected a whole number from 0 to 1,000,000,000" in en


def test_the_cover_is_read_and_checked() -> None:
    data = _filled({"B4": "新县人民政府", "B9": "2025年1月1日", "B10": "2025-13-01"}, sheet="封面")
    text = _problems(data, "en")
    assert "封面!B10 $.period.end: expected a date" in text
    data = _filled({"B4": "新县人民政府", "B9": "2025年1月1日"}, sheet="封面")
    report = load_xlsx(data, "filled.xlsx")
    assert report.unit.name == "新县人民政府"
    assert report.period is not None
    assert str(report.period.start) == "2025-01-01"


def test_a_changed_layout_is_refused_not_misread() -> None:
    wb = open_bytes(render_form(BLANK, RenderOptions()))
    ws = wb["表三"]
    ws.protection.sheet = False
    ws.insert_rows(8)
    text = _problems(to_bytes(wb), "en")
    assert "表三!A8: expected （三）不予公开" in text or "表三!B8" in text


def test_not_a_workbook_and_not_ours() -> None:
    assert "expected an Excel .xlsx workbook (this file is not one: it is not a ZIP package)" in (
        _problems(b"not a zip", "en")
    )
    assert "应为一个 Excel .xlsx 工作簿（该文件不是 ZIP 压缩包" in _problems(
        b"not a zip", "zh_Hans_CN"
    )
    wb = open_bytes(render_form(BLANK, RenderOptions()))
    del wb["_govdisclosure"]
    assert "hidden sheet is missing" in _problems(to_bytes(wb), "en")


def test_a_legacy_workbook_keeps_which_cells_the_report_printed() -> None:
    report = example("pingtan-2011.json")
    assert isinstance(report, gd.ReportLegacy)
    back = load_xlsx(gd.render(report, "xlsx"), "p.xlsx")
    assert back == report and gd.dumps(back) == gd.dumps(report)
    assert isinstance(back, gd.ReportLegacy)
    money = [r.code for r in gd.find_template(report.statistics.template).value_rows if r.is_money]
    for code in money:
        for value in back.statistics.rows.get(code, {}).values():
            assert value is None or isinstance(value, Decimal | NotApplicable)


def test_render_reads_an_xlsx_through_the_loader(tmp_path: Path) -> None:
    source = tmp_path / "huaian.xlsx"
    source.write_bytes(gd.render(example("huaian-2024.json"), "xlsx"))
    cli = str(Path(sys.executable).parent / "govdisclosure")
    done = subprocess.run(
        [cli, "render", str(source), "--to", "json", "-o", "-"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert gd.loads(done.stdout) == example("huaian-2024.json")
