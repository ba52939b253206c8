"""The table definitions describe the official formats (formats.md §1–3)."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

import govdisclosure as gd
from govdisclosure.editions.applications import BALANCE_NOTE
from govdisclosure.flat import shape_of
from govdisclosure.introspect import RowInfo, TableInfo
from govdisclosure.relations import report_equations


def _data_rows(table: TableInfo) -> list[RowInfo]:
    return [r for r in table.rows if not r.is_group]


def test_2021_table3_has_25_rows_of_7_applicant_columns() -> None:
    table3 = gd.describe("2021")[1]
    rows = _data_rows(table3)
    assert len(rows) == 25
    assert {len(r.columns) for r in rows} == {7}
    assert [c.label for c in rows[0].columns] == [
        "自然人",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
        "总计",
    ]
    # No 法人或其他组织 subtotal column: it is a header group only.
    assert "法人或其他组织" not in [c.label for c in rows[0].columns]
    assert {c.group for c in rows[0].columns[1:6]} == {"法人或其他组织"}
    labels = [r.label for r in table3.rows]
    assert labels[0] == "一、本年新收政府信息公开申请数量"
    assert "3.危及“三安全一稳定”" in labels
    assert labels[-1] == "四、结转下年度继续办理"


def test_2021_table2_blocks_and_money_unit() -> None:
    table2 = gd.describe("2021")[0]
    blocks = [r.block for r in table2.rows]
    assert blocks == [
        "第二十条第（一）项",
        "第二十条第（一）项",
        "第二十条第（五）项",
        "第二十条第（六）项",
        "第二十条第（六）项",
        "第二十条第（八）项",
    ]
    fees = table2.rows[-1]
    assert fees.columns[0].kind == "money" and fees.unit == "万元"


def test_table4_has_fifteen_cells_in_three_groups() -> None:
    table4 = gd.describe("2021")[2]
    assert sum(len(r.columns) for r in table4.rows) == 15
    assert [r.block for r in table4.rows] == [None, "行政诉讼", "行政诉讼"]


def test_2019_differs_from_2021_only_where_the_format_does() -> None:
    t2019 = gd.describe("2019")
    t2021 = gd.describe("2021")
    assert len(_data_rows(t2019[1])) == 23  # （六）其他处理 is one row
    assert [r.label for r in t2019[0].rows][1] == "规范性文件"
    assert [r.label for r in t2021[0].rows][1] == "行政规范性文件"
    assert any(c.kind == "signed" for r in t2019[0].rows for c in r.columns)
    assert t2019[2] == t2021[2]


def test_single_row_variant_describes_what_was_printed() -> None:
    table3 = gd.describe("2021", variant="single-other-handling")[1]
    assert len(_data_rows(table3)) == 23
    other = next(r for r in table3.rows if r.code == "（六）")
    assert not other.is_group


def test_balance_note_and_relations_are_derived() -> None:
    report = gd.Report2021(unit=gd.ReportingUnit(name="某单位"), year=2024)
    assert gd.Table3_2021.note == BALANCE_NOTE
    rules = [e.rule for e in report_equations(report)]
    assert rules.count("table3.balance") == 7
    assert rules.count("table3.row-total") == 25
    assert rules.count("table3.results-total") == 7
    assert rules.count("table4.group-total") == 3
    assert len(shape_of(report).paths) == 10 + 175 + 15


def test_templates_are_data() -> None:
    fujian = gd.find_template("fujian-2011")
    assert len(fujian.rows) == 17
    assert [c.label for c in fujian.columns] == ["本年度", "历年累计"]
    national = gd.find_template("national-2016")
    assert national.row("1.1.1").parent == "1.1"
    assert national.row("7").is_money
    assert national.row("1").is_header


def test_reports_are_immutable() -> None:
    report = gd.Report2021(unit=gd.ReportingUnit(name="某单位"), year=2024)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        report.year = 2025  # type: ignore[misc]
    assert report.period.start.isoformat() == "2024-01-01"


def test_paragraphs_refuse_one_string_and_non_text() -> None:
    """A str is an Iterable[str], so only the converter can stop it being split."""
    import pytest

    from govdisclosure.report_base import Section

    with pytest.raises(TypeError, match="one string"):
        Section(heading="一、总体情况", paragraphs="第一段文字")
    with pytest.raises(TypeError, match="not int"):
        Section(heading="一、总体情况", paragraphs=[1])  # type: ignore[list-item]
    assert Section(heading="h", paragraphs=iter(["a", "b"])).paragraphs == ("a", "b")


@pytest.mark.parametrize("junk", [-5, 3.5, "5", 10**20, True, Decimal("1")])
def test_a_count_cell_refuses_junk_when_built(junk: object) -> None:
    """A report built in Python holds the loader's invariants, so gd.dump
    never writes what gd.load refuses; the error names the field."""
    with pytest.raises(ValueError, match=r"ApplicantRow\.natural_person"):
        gd.ApplicantRow(natural_person=junk)  # type: ignore[arg-type]


@pytest.mark.parametrize("junk", [5, 3.5, "5", Decimal("-1"), Decimal("NaN")])
def test_a_money_cell_refuses_junk_when_built(junk: object) -> None:
    with pytest.raises(ValueError, match=r"Table2_2021\.fees"):
        gd.Table2_2021(fees=junk)  # type: ignore[arg-type]


def test_signed_cells_take_negatives_and_legacy_rows_are_checked() -> None:
    from govdisclosure.editions.e2019 import ItemRow2019

    assert ItemRow2019(change=-3).change == -3
    with pytest.raises(ValueError, match=r"ItemRow2019\.change"):
        ItemRow2019(change=1.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"rows\['1'\]\['value'\]"):
        gd.StatisticsTable(template="national-2016", rows={"1": {"value": -1}})
    with pytest.raises(TypeError, match="year"):
        gd.blank_report("2021", True, "x")
