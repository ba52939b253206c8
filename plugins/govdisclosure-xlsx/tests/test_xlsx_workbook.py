"""Renderer ``xlsx``: the official layout, the labels and the numbers, read back by openpyxl."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from openpyxl.worksheet.worksheet import Worksheet

import govdisclosure as gd
from govdisclosure.cells import NotApplicable
from govdisclosure.flat import shape_of
from govdisclosure.i18n import gettext
from govdisclosure.table_grid import report_grids
from govdisclosure.testing.strategies import any_reports, consistent_reports
from govdisclosure_xlsx.plan import sheet_plans
from xlsx_helpers import EXAMPLE_FILES, all_examples, example, open_bytes


def _sheet(data: bytes, name: str) -> Worksheet:
    ws = open_bytes(data)[name]
    assert isinstance(ws, Worksheet)
    return ws


@pytest.mark.parametrize("name", EXAMPLE_FILES)
@pytest.mark.parametrize("locale", ["zh_Hans_CN", "en"])
def test_every_label_number_and_merge_is_where_the_grid_puts_it(name: str, locale: str) -> None:
    report = example(name)
    data = gd.render(report, "xlsx", locale=locale)
    wb = open_bytes(data)
    values = dict(zip(shape_of(report).paths, shape_of(report).flatten(report), strict=True))
    plans = sheet_plans(report, locale)
    assert wb.sheetnames[1 : 1 + len(plans)] == [p.name for p in plans]
    for plan in plans:
        ws = wb[plan.name]
        merged = {str(r) for r in ws.merged_cells.ranges}
        assert ws["A1"].value == gettext(locale, plan.grid.title)
        for cell in plan.grid.cells:
            got = ws[plan.address(cell)].value
            if cell.rows > 1 or cell.cols > 1:
                assert plan.range(cell) in merged
            if cell.role != "value":
                # A label printed otherwise shows as printed, the official beside it.
                assert got == (cell.label(locale) if cell.text else None) or (
                    got is None and not cell.text
                )
                continue
            assert cell.path is not None
            value = values[cell.path]
            if value is None:
                assert got is None
            elif isinstance(value, NotApplicable):
                assert got == value.mark
            elif isinstance(value, Decimal):
                assert Decimal(repr(got)) == value
            else:
                assert got == value


def test_table3_draws_the_official_header_and_the_results_group() -> None:
    """formats.md §1.6: note corner 3×3, 申请人情况 over 7, 法人或其他组织 over 5, 三 down its rows."""
    ws = _sheet(gd.render(example("huaian-2024.json"), "xlsx"), "表三")
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert ws["A2"].value.startswith("（本列数据的勾稽关系为")
    assert {"A2:C4", "D2:J2", "E3:I3", "D3:D4", "J3:J4"} <= merged
    assert ws["D2"].value == "申请人情况"
    assert ws["E3"].value == "法人或其他组织"
    assert [ws.cell(4, c).value for c in range(5, 10)] == [
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
    ]
    assert ws["A7"].value == "三、本年度办理结果"
    # 2021 with three （六） sub-rows: the results group spans 22 rows.
    assert "A7:A28" in merged
    assert ws["A5"].value == "一、本年新收政府信息公开申请数量" and "A5:C5" in merged
    assert ws["J5"].value == 3119


def test_the_single_row_variant_keeps_its_single_row() -> None:
    report = example("hongze-2024.json")
    ws = _sheet(gd.render(report, "xlsx"), "表三")
    labels = [ws.cell(r, c).value for r in range(1, ws.max_row + 1) for c in range(1, 4)]
    assert "（六）其他处理" in labels
    assert not any(isinstance(v, str) and v.startswith("1.申请人无正当理由") for v in labels)
    assert "A7:A26" in {str(r) for r in ws.merged_cells.ranges}  # 20 rows (formats.md §1.6)


def test_table4_has_three_header_rows_and_no_litigation_total() -> None:
    ws = _sheet(gd.render(example("shanghai-szfbgt-2019.json"), "xlsx"), "表四")
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A2:E2", "F2:O2", "F3:J3", "K3:O3", "A3:A4"} <= merged
    assert ws["A2"].value == "行政复议" and ws["F2"].value == "行政诉讼"
    assert ws["F3"].value == "未经复议直接起诉" and ws["K3"].value == "复议后起诉"
    assert ws.max_column == 15


def test_cover_has_unit_year_period_and_dates() -> None:
    report = example("huaian-2024.json")
    ws = _sheet(gd.render(report, "xlsx"), "封面")
    pairs: dict[Any, Any] = {
        ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(3, ws.max_row + 1)
    }
    assert pairs["报告单位"] == report.unit.name
    assert pairs["年度"] == report.year
    assert report.period is not None
    assert pairs["统计期限起始日"].date() == report.period.start
    assert pairs["统计期限截止日"].date() == report.period.end
    written = pairs["成文日期"]
    assert (written.date() if written else None) == report.dates.written


def test_legacy_sheet_lists_every_template_row() -> None:
    report = example("yuxi-2017.json")
    assert isinstance(report, gd.ReportLegacy)
    ws = _sheet(gd.render(report, "xlsx"), "统计表")
    grid = report_grids(report)[0]
    assert ws.max_row == grid.height + 1
    assert [ws.cell(2, c).value for c in (1, 2)] == ["统计指标", "单位"]


@pytest.mark.parametrize("path", all_examples(), ids=lambda p: p.name)
def test_round_trip_of_every_example_is_exact(path: Path) -> None:
    report = gd.load(path)
    for locale in ("zh_Hans_CN", "en"):
        back = gd.render(report, "xlsx", locale=locale)
        again = _load(back)
        assert again == report
        assert gd.dumps(again) == gd.dumps(report)


def _load(data: bytes) -> gd.Report:
    from govdisclosure_xlsx import load_xlsx

    return load_xlsx(data, "book.xlsx")


@pytest.mark.parametrize("locale", ["zh_Hans_CN", "en"])
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report=any_reports(max_depth=1, max_parts=1))
def test_round_trip_of_any_report_is_exact(locale: str, report: gd.Report) -> None:
    """Hostile text (control characters included), every NA mark, exact amounts, parts."""
    back = _load(gd.render(report, "xlsx", locale=locale))
    assert gd.dumps(back) == gd.dumps(report)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(consistent_reports("2021", single_other_handling=True, blanks=True))
def test_round_trip_of_consistent_single_row_reports(report: gd.Report) -> None:
    assert _load(gd.render(report, "xlsx", locale="en")) == report
