"""Per-unit breakdowns and the parent-versus-parts check."""

from __future__ import annotations

import attrs
import pytest

import govdisclosure as gd
from govdisclosure.aggregate import (
    ConsolidationError,
    breakdown,
    cell_breakdown,
    check_against_parts,
    consolidate,
)
from govdisclosure.cells import NA
from govdisclosure.flat import shape_of
from govdisclosure.validation import Finding
from locations import EXAMPLES

NEW_TOTAL = ("table3", "new_applications", "total")


def qinghe() -> list[gd.Report]:
    return [gd.load(p) for p in sorted((EXAMPLES / "consolidation").glob("*.json"))]


def test_breakdown_rows_are_the_parts_and_columns_every_cell() -> None:
    parts = qinghe()
    city = consolidate(parts)
    table = breakdown(city)
    shape = shape_of(city)
    assert [c.path for c in table.columns] == list(shape.paths)
    assert [r.unit for r in table.rows] == [p.unit for p in parts]
    assert table.totals == shape.flatten(city)
    for row, part in zip(table.rows, parts, strict=True):
        assert row.values == shape.flatten(part)
        assert row.depth == 1 and not row.consolidated
    column = table.columns[table.index(NEW_TOTAL)]
    assert column.json_path == "$.table3.new_applications.total"
    assert column.label.render("zh_Hans_CN") == "一、本年新收政府信息公开申请数量 / 总计"
    assert "Total" in column.label.render("en")
    assert column.kind == "count"


def test_breakdown_of_chosen_cells_and_json_paths() -> None:
    city = consolidate(qinghe())
    table = breakdown(city, paths=["$.table3.new_applications.total", ("table2", "fees")])
    assert [c.json_path for c in table.columns] == [
        "$.table3.new_applications.total",
        "$.table2.fees",
    ]
    data = table.to_dict("en")
    assert data["unit"] == "清河市人民政府"
    rows = data["rows"]
    assert isinstance(rows, list) and len(rows) == 3
    assert all(isinstance(v, str) for v in [r["values"][1] for r in rows])  # money as text
    with pytest.raises(KeyError):
        breakdown(city, paths=["$.nowhere"])


def test_filled_only_drops_cells_nobody_filled() -> None:
    a = gd.blank_report("2021", 2024, "甲")
    b = attrs.evolve(
        a,
        unit=gd.ReportingUnit(name="乙"),
        table3=attrs.evolve(a.table3, new_applications=gd.ApplicantRow(total=3)),
    )
    table = breakdown(consolidate([a, b], "X"), filled_only=True)
    assert [c.path for c in table.columns] == [NEW_TOTAL]
    assert [r.values for r in table.rows] == [(None,), (3,)]


def test_nested_tree_as_parts_leaves_and_tree() -> None:
    a, b, c = qinghe()
    city = consolidate([a, b], "市本级汇总")
    province = consolidate([city, c], "省")
    parts = breakdown(province)
    assert [r.unit.name for r in parts.rows] == ["市本级汇总", c.unit.name]
    assert [r.consolidated for r in parts.rows] == [True, False]
    leaves = breakdown(province, rows="leaves")
    assert [(r.unit.name, r.depth) for r in leaves.rows] == [
        (a.unit.name, 2),
        (b.unit.name, 2),
        (c.unit.name, 1),
    ]
    tree = breakdown(province, rows="tree")
    assert [r.depth for r in tree.rows] == [1, 2, 2, 1]
    cell = cell_breakdown(province, NEW_TOTAL, rows="leaves")
    assert cell.equation() == "270 = 166 + 59 + 45"
    assert cell.consistent
    with pytest.raises(ValueError, match="rows must be"):
        breakdown(province, rows="all")  # type: ignore[arg-type]


def test_breakdown_shows_blank_and_not_applicable_as_printed() -> None:
    a = gd.blank_report("2021", 2024, "甲")
    b = attrs.evolve(
        a,
        unit=gd.ReportingUnit(name="乙"),
        table3=attrs.evolve(a.table3, new_applications=gd.ApplicantRow(total=3)),
    )
    c = attrs.evolve(
        a,
        unit=gd.ReportingUnit(name="丙"),
        table3=attrs.evolve(a.table3, new_applications=gd.ApplicantRow(total=NA)),
    )
    cell = cell_breakdown(consolidate([a, b, c], "X"), "$.table3.new_applications.total")
    assert [x.value for x in cell.contributions] == [None, 3, NA]
    assert cell.equation("en") == "3 = blank + 3 + /"
    assert cell.equation("zh_Hans_CN") == "3 = 空白 + 3 + /"


def test_a_report_without_parts_has_no_rows() -> None:
    table = breakdown(gd.load(EXAMPLES / "huaian-2024.json"))
    assert table.rows == () and len(table.columns) == len(table.totals)


def test_units_in_another_other_handling_layout_are_shown_folded() -> None:
    hongze = gd.load(EXAMPLES / "hongze-2024.json")
    huaian = gd.load(EXAMPLES / "huaian-2024.json")
    both = consolidate([hongze, huaian], "X", fold_other_handling=True)
    cell = cell_breakdown(both, ("table3", "results", "other_handling", "total"))
    assert cell.consistent and len(cell.contributions) == 2


# -- parent against parts ----------------------------------------------------------------


def test_pingtan_parent_equals_its_only_part() -> None:
    """平潭综合实验区 2011 printed the same table as 平潭县 (data/README)."""
    parent = gd.load(EXAMPLES / "pingtan-2011.json")
    child = gd.load(EXAMPLES / "pingtanxian-2011.json")
    assert check_against_parts(parent, [child]) == []
    assert isinstance(parent, gd.ReportLegacy) and isinstance(child, gd.ReportLegacy)
    with_parts = attrs.evolve(parent, parts=[child])
    assert check_against_parts(with_parts) == []


def test_a_city_against_one_district_gives_one_summary_notice() -> None:
    """洪泽区 is one district of 淮安; the city covers far more: parts are missing."""
    city = gd.load(EXAMPLES / "huaian-2024.json")
    district = gd.load(EXAMPLES / "hongze-2024.json")
    (notice,) = check_against_parts(city, [district])
    assert isinstance(notice, Finding)
    assert (notice.rule, notice.severity, notice.path) == (
        "aggregate.parent-vs-parts",
        "notice",
        "$",
    )
    assert "$.table3.new_applications.total" in notice.involves
    n = len(notice.involves)
    assert n > 1
    assert notice.message("en") == f"{n} cells exceed the listed parts; parts may be missing"
    assert (
        notice.message("zh_Hans_CN") == f"{n}个单元格大于所列单位报告之和；可能缺少部分单位的报告"
    )


def test_a_parent_below_its_parts_is_an_error_per_cell_saying_which_way() -> None:
    """The district published as if it covered the whole city: impossible."""
    city = gd.load(EXAMPLES / "huaian-2024.json")
    district = gd.load(EXAMPLES / "hongze-2024.json")
    findings = check_against_parts(district, [city])
    assert findings and {(f.rule, f.severity) for f in findings} == {
        ("aggregate.parent-below-parts", "error")
    }
    first = next(f for f in findings if f.path == "$.table3.new_applications.total")
    assert isinstance(city, gd.Report2021) and isinstance(district, gd.Report2021)
    assert (first.actual, first.expected) == (95, 3119)
    assert first.message("en").endswith(
        ": the published figure is 95, below the 3119 that the 1 report of the unit it covers "
        "gives; a parent cannot count less than its parts"
    )
    assert "below" in first.message("en") and "1 reports" not in first.message("en")
    assert "小于所涵盖单位的 1 份报告之和 3119" in first.message("zh_Hans_CN")


def test_the_plural_follows_the_number_of_reports() -> None:
    city = gd.load(EXAMPLES / "huaian-2024.json")
    district = gd.load(EXAMPLES / "hongze-2024.json")
    other = attrs.evolve(district, unit=gd.ReportingUnit(name="淮安市清江浦区人民政府"))
    (one,) = [
        f for f in check_against_parts(district, [city]) if "new_applications.total" in f.path
    ]
    (two,) = [
        f
        for f in check_against_parts(district, [city, other])
        if "new_applications.total" in f.path
    ]
    assert "the 1 report of the unit it covers gives" in one.message("en")
    assert "below the 3214 that the 2 reports of the units it covers add up to" in two.message("en")
    assert "2 份报告之和 3214" in two.message("zh_Hans_CN")


def test_parent_check_compares_only_cells_both_sides_filled() -> None:
    seed = gd.load(EXAMPLES / "yuxi-2017.json")
    units = [
        gd.ReportLegacy(
            unit=gd.ReportingUnit(name=name),
            year=2017,
            statistics=gd.StatisticsTable(template="national-2016", rows={"3.1": {"value": n}}),
        )
        for name, n in (("市政府办", 9), ("华宁县", 1), ("江川区", 1), ("市环保局", 7))
    ]
    findings = check_against_parts(seed, units)  # 18 of the 22 applications
    (notice,) = findings
    assert notice.involves == ("$.statistics.rows['3.1'].value",)
    assert notice.message("en") == "1 cell exceeds the listed parts; parts may be missing"


def test_parent_check_refuses_parts_of_another_year() -> None:
    city = gd.load(EXAMPLES / "huaian-2024.json")
    with pytest.raises(ConsolidationError):
        check_against_parts(city, [attrs.evolve(city, year=2023, unit=gd.ReportingUnit(name="x"))])
