"""The example reports in examples/: canonical, faithful to their sources, consistent.

* Every example loads and is in canonical form (``dumps(loads(text)) == text``).
* The 玉溪 2017 seed keeps every number its text states at its template row,
  and leaves every other row blank.
* The real reports keep what was published, including the blanks and the
  inconsistencies that the validator is meant to find.
* The made-up 清河市 units satisfy every relation of their tables.
* A bad count in any example is reported at its exact JSON path.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

import govdisclosure as gd
from govdisclosure.cells import CellValue, number_or_zero
from govdisclosure.editions.applications import ApplicantRow, OtherHandling2021
from govdisclosure.flat import shape_of
from govdisclosure.introspect import iter_cells
from govdisclosure.paths import Path as CellPath
from govdisclosure.paths import json_path
from govdisclosure.relations import Equation, report_equations
from locations import EXAMPLES

#: Report files, by path relative to examples/ (examples/plugins/ holds code, not reports).
REPORT_FILES = sorted(
    p.relative_to(EXAMPLES).as_posix()
    for p in EXAMPLES.rglob("*.json")
    if p.relative_to(EXAMPLES).parts[0] != "plugins"
)

CONSOLIDATION = (
    "consolidation/dongcheng-2024.json",
    "consolidation/ecology-bureau-2024.json",
    "consolidation/xishan-2024.json",
)


def _load(name: str) -> gd.Report:
    return gd.loads((EXAMPLES / name).read_text(encoding="utf-8"), source=name)


def _cell_reader(report: gd.Report) -> Callable[[CellPath], CellValue]:
    """Read any cell of ``report`` by its path (as the relations name it)."""
    shape = shape_of(report)
    values = shape.flatten(report)
    index = shape.index()
    return lambda path: values[index[path]]


def _holds(equation: Equation, read: Callable[[CellPath], CellValue]) -> bool:
    """Evaluate one relation with numbers, reading blanks (and "/") as 0."""
    total = sum(number_or_zero(read(p)) for p in equation.total)
    parts = sum(number_or_zero(read(p)) for p in equation.parts)
    if equation.kind == "equal":
        return total == parts
    if equation.kind == "at_most":
        return total >= parts
    return True  # "channels": one item on several channels counts once; never an error


def _failing(report: gd.Report, *, filled_only: bool = False) -> list[Equation]:
    """Relations that do not hold; ``filled_only`` skips those touching a blank cell."""
    read = _cell_reader(report)
    return [
        eq
        for eq in report_equations(report)
        if not (filled_only and any(read(p) is None for p in eq.involves)) and not _holds(eq, read)
    ]


# -- every example ---------------------------------------------------------------


def test_the_examples_are_all_there() -> None:
    expected = sorted(
        [
            *CONSOLIDATION,
            "hongze-2024.json",
            "huaian-2024.json",
            "pingtan-2011.json",
            "pingtanxian-2011.json",
            "pingtanxian-2012.json",
            "shanghai-szfbgt-2019.json",
            "yuxi-2017.json",
        ]
    )
    assert expected == REPORT_FILES


@pytest.mark.parametrize("name", REPORT_FILES)
def test_example_loads_and_is_canonical(name: str) -> None:
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    report = gd.loads(text)
    assert gd.dumps(report) == text
    assert gd.load(EXAMPLES / name) == report


@pytest.mark.parametrize("name", REPORT_FILES)
def test_example_has_identity_and_narrative(name: str) -> None:
    report = _load(name)
    assert report.unit.name
    assert report.title and str(report.year) in report.title
    assert report.period == gd.Period.calendar_year(report.year)
    assert report.preamble
    assert report.sections
    assert all(s.heading for s in report.sections)


# -- a bad count is reported at its path --------------------------------------------


def _first_count(report: gd.Report) -> CellPath:
    """The first count cell holding a number, found through the report's shape."""
    shape = shape_of(report)
    values = shape.flatten(report)
    for path, kind, value in zip(shape.paths, shape.kinds, values, strict=True):
        if kind == "count" and type(value) is int:
            return path
    raise AssertionError("no filled count cell")


def _set(data: Any, path: CellPath, value: object) -> None:
    for step in path[:-1]:
        data = data[step]
    assert path[-1] in data, path
    data[path[-1]] = value


@pytest.mark.parametrize("bad", [-5, "abc"], ids=["negative", "text"])
@pytest.mark.parametrize("name", REPORT_FILES)
def test_a_bad_count_is_reported_at_its_json_path(name: str, bad: object) -> None:
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    path = _first_count(gd.loads(text))
    data = json.loads(text)
    _set(data, path, bad)
    with pytest.raises(gd.LoadError) as caught:
        gd.loads(json.dumps(data, ensure_ascii=False))
    assert [p.path for p in caught.value.problems] == [json_path(path)]


# -- 玉溪 2017: the seed ----------------------------------------------------------------

#: Every number the seed text states, at its row of the national-2016 template.
YUXI_STATED = {
    "1.1": 218972,  # 主动公开政府信息数
    "1.1.1": 22,  # 其中：主动公开规范性文件数
    "1.2": 22,  # 制发规范性文件总数
    "1.3.1": 82,  # 政府公报
    "1.3.2": 94802,  # 政府网站
    "1.3.3": 3353,  # 政务微博
    "1.3.4": 16617,  # 政务微信
    "1.3.5": 104118,  # 其他方式
    "2.1": 1517,  # 回应公众关注热点或重大舆情数
    "2.2.1": 45,  # 新闻发布会
    "2.2.1.1": 29,  # 其中：主要负责同志参加
    "2.2.2": 129,  # 政府网站在线访谈
    "2.2.2.1": 11,  # 其中：主要负责同志参加
    "2.2.3": 749,  # 政策解读稿件
    "2.2.4": 438,  # 微博微信回应事件
    "2.2.5": 1296,  # 其他方式回应事件
    "3.1": 22,  # 收到申请数
    "3.2.2": 0,  # 延期办结数: "未出现延期办理情况"
    "4": 0,  # 行政复议: "未发生…行政复议、诉讼和申诉"
    "5": 0,  # 行政诉讼
    "6": 0,  # 举报投诉 (申诉)
}


@pytest.fixture(scope="module")
def yuxi() -> gd.ReportLegacy:
    report = _load("yuxi-2017.json")
    assert isinstance(report, gd.ReportLegacy)
    return report


def test_yuxi_identity(yuxi: gd.ReportLegacy) -> None:
    assert yuxi.unit == gd.ReportingUnit(
        name="玉溪市人民政府", kind=gd.UnitKind.GOVERNMENT, region_code="530400"
    )
    assert yuxi.year == 2017
    assert yuxi.title == "玉溪市2017年政府信息公开工作年度报告"
    assert yuxi.statistics.template == "national-2016"
    assert yuxi.signed_by == "玉溪市人民政府"


def test_yuxi_stated_numbers_come_back_exactly(yuxi: gd.ReportLegacy) -> None:
    for code, value in YUXI_STATED.items():
        got = yuxi.statistics.value(code, "value")
        assert type(got) is int and got == value, code
    stated = [YUXI_STATED[c] for c in ("1.1", "1.3.2", "1.3.4", "1.3.5", "1.1.1", "2.1")]
    assert stated == [218972, 94802, 16617, 104118, 22, 1517]


def test_yuxi_unstated_rows_are_blank_not_zero(yuxi: gd.ReportLegacy) -> None:
    template = gd.find_template("national-2016")
    assert set(yuxi.statistics.rows) == set(YUXI_STATED)
    for row in template.value_rows:
        if row.code not in YUXI_STATED:
            assert yuxi.statistics.value(row.code, "value") is None, row.code
    # The 2017 categories (机构职能类 1089 …) and the training have no row: text only.
    assert yuxi.statistics.value("9.3", "value") is None
    narrative = json.dumps(gd.codec.unstructure(yuxi)["sections"], ensure_ascii=False)
    assert "机构职能类信息1089条" in narrative
    assert "共170人参加培训" in narrative


def test_yuxi_channels_add_up_here_but_are_only_a_notice(yuxi: gd.ReportLegacy) -> None:
    channels = [yuxi.statistics.value(f"1.3.{i}", "value") for i in range(1, 6)]
    assert sum(number_or_zero(v) for v in channels) == 218972
    # Every relation whose cells the text states holds; the others cannot be checked
    # (收到申请数 22 is stated, its channels are not: blank, not zero).
    assert _failing(yuxi, filled_only=True) == []
    assert [eq.total for eq in _failing(yuxi)] == [(("statistics", "rows", "3.1", "value"),)]


def test_yuxi_dates_and_contact(yuxi: gd.ReportLegacy) -> None:
    assert yuxi.dates == gd.ReportDates(
        written=dt.date(2018, 2, 23), filled=dt.date(2018, 2, 14), published=dt.date(2019, 12, 25)
    )
    assert yuxi.contact == gd.Contact(
        filing_unit="玉溪市人民政府办公室",
        head="瓦庆超",
        reviewer="卢春剑",
        filler="业玉春",
        phone="0877—2025340",
    )


def test_yuxi_narrative_is_the_seed_text(yuxi: gd.ReportLegacy) -> None:
    assert len(yuxi.preamble) == 2
    assert yuxi.preamble[1].startswith("根据《中华人民共和国政府信息公开条例》")
    assert [s.heading for s in yuxi.sections] == [
        "一、概述",
        "二、主动公开政府信息情况",
        "三、政府信息依申请公开办理情况",
        "四、因政府信息公开申请行政复议、提起行政诉讼情况",
        "五、存在的主要问题及改进措施",
        "六、需要说明的其他事项与附表",
    ]
    subsections = yuxi.sections[0].subsections
    assert len(subsections) == 7
    assert subsections[0].heading == "(一)健全组织领导"
    text = json.dumps(gd.codec.unstructure(yuxi), ensure_ascii=False)
    for noise in ("分享到", "ICP", "政府网站标识码", "表格.jpg"):
        assert noise not in text


# -- real reports --------------------------------------------------------------------


def test_huaian_is_a_clean_control() -> None:
    report = _load("huaian-2024.json")
    assert isinstance(report, gd.Report2021)
    assert isinstance(report.table3.results.other_handling, OtherHandling2021)
    assert report.table2.penalties == 3985758
    assert report.table2.fees == Decimal("96171.6")
    assert report.table3.new_applications.total == 3119
    assert report.table4.reconsideration.total == 351
    assert _failing(report) == []


def test_hongze_prints_other_handling_as_one_row() -> None:
    report = _load("hongze-2024.json")
    assert isinstance(report, gd.Report2021)
    other = report.table3.results.other_handling
    assert type(other) is ApplicantRow
    assert other == ApplicantRow(
        natural_person=0,
        commercial_enterprise=0,
        research_institution=0,
        social_welfare_organization=0,
        legal_service_institution=0,
        other_organization=0,
        total=0,
    )
    assert _failing(report) == []
    # Kept as published: the text says 17 applications, table 3 says 95.
    assert report.table3.new_applications.total == 95
    assert "受理政府信息公开申请 17 件" in report.sections[0].paragraphs[2]


def test_hongze_is_within_huaian() -> None:
    """洪泽区 is a district of 淮安市: none of its cells exceeds the city's."""
    city, district = _load("huaian-2024.json"), _load("hongze-2024.json")
    assert isinstance(city, gd.Report2021) and isinstance(district, gd.Report2021)
    read_city = _cell_reader(city)
    city_paths = set(shape_of(city).paths)
    subrows = ("overdue_correction", "unpaid_fee", "other")
    shape = shape_of(district)
    for path, value in zip(shape.paths, shape.flatten(district), strict=True):
        if path in city_paths:
            bound = number_or_zero(read_city(path))
        else:  # （六） printed as one row: bounded by the city's three sub-rows together
            *row, column = path
            bound = sum(number_or_zero(read_city((*row, s, column))) for s in subrows)
        assert number_or_zero(value) <= bound, path


def _blank_count(table: object) -> int:
    return sum(value is None for _, _, _, value in iter_cells(table))


def test_shanghai_keeps_its_blanks() -> None:
    report = _load("shanghai-szfbgt-2019.json")
    assert isinstance(report, gd.Report2019)
    # formats.md/data README: 126 blank cells in table 3; table 4 has 9 more.
    assert _blank_count(report.table3) == 126
    assert _blank_count(report.table4) == 9
    assert _blank_count(report.table2) == 0
    results = report.table3.results
    assert results.disclosed.total is None
    assert results.disclosed.natural_person == 258
    assert results.other_handling == ApplicantRow()
    assert results.total.total == 805
    assert report.table2.procurement.amount == Decimal("251000")
    assert report.table2.procurement.amount_unit == "元"
    assert report.dates.published == dt.date(2020, 1, 31)


def test_shanghai_balance_holds_but_blank_row_totals_do_not() -> None:
    report = _load("shanghai-szfbgt-2019.json")
    failing = {eq.rule for eq in _failing(report)}
    # 收办平衡 holds in every column (859 + 18 = 805 + 72) …
    assert "table3.balance" not in failing
    # … while the result rows left their 总计 blank: read as 0 they cannot add up.
    assert "table3.row-total" in failing


def test_pingtan_parent_and_child_print_the_same_table() -> None:
    parent, child = _load("pingtan-2011.json"), _load("pingtanxian-2011.json")
    assert isinstance(parent, gd.ReportLegacy) and isinstance(child, gd.ReportLegacy)
    assert parent.statistics == child.statistics
    assert parent.statistics.template == "fujian-2011"
    assert child.unit.parent == parent.unit.name
    assert parent.parts == ()
    assert parent.statistics.value("1", "year") == 425
    assert parent.statistics.value("1", "cumulative") == 1516
    assert _failing(parent) == []


def test_pingtanxian_2012_keeps_its_inconsistency() -> None:
    report = _load("pingtanxian-2012.json")
    assert isinstance(report, gd.ReportLegacy)
    value = report.statistics.value
    assert (value("1", "year"), value("1.1", "year"), value("1.2", "year")) == (2026, 1795, 0)
    assert (value("1", "cumulative"), value("1.1", "cumulative")) == (3542, 3304)
    failing = [(eq.rule, eq.column) for eq in _failing(report)]
    assert failing == [("legacy.sum", "year"), ("legacy.sum", "cumulative")]
    # The running total continues the 2011 report: 1516 + 2026 = 3542.
    previous = _load("pingtanxian-2011.json")
    assert isinstance(previous, gd.ReportLegacy)
    assert number_or_zero(previous.statistics.value("1", "cumulative")) + 2026 == 3542


# -- 清河市 (made up): three units for consolidation -------------------------------------


@pytest.mark.parametrize("name", CONSOLIDATION)
def test_made_up_unit_satisfies_every_relation(name: str) -> None:
    report = _load(name)
    assert isinstance(report, gd.Report2021)
    equations = report_equations(report)
    assert len(equations) > 0
    assert _failing(report) == []
    # Filled in completely: no blank cell.
    assert all(v is not None for v in shape_of(report).flatten(report))


def test_made_up_units_belong_to_one_city_and_year() -> None:
    reports = [_load(n) for n in CONSOLIDATION]
    assert {r.unit.parent for r in reports} == {"清河市人民政府"}
    assert {r.year for r in reports} == {2024}
    assert {type(r) for r in reports} == {gd.Report2021}
    assert {shape_of(r).key for r in reports} == {shape_of(reports[0]).key}
    assert len({r.unit.name for r in reports}) == 3
    for report in reports:
        published = report.dates.published
        assert published is not None
        deadline = (
            dt.date(2025, 1, 31)
            if report.unit.kind is gd.UnitKind.DEPARTMENT
            else dt.date(2025, 3, 31)
        )
        assert published <= deadline, report.unit.name
        assert report.unit.region_code is not None and report.unit.region_code.startswith("1312")


@pytest.mark.parametrize("name", CONSOLIDATION)
def test_made_up_unit_has_six_sections_and_reports_fees(name: str) -> None:
    report = _load(name)
    assert isinstance(report, gd.Report2021)
    assert [s.heading[:2] for s in report.sections] == [
        "一、",
        "二、",
        "三、",
        "四、",
        "五、",
        "六、",
    ]
    other = report.table3.results.other_handling
    assert isinstance(other, OtherHandling2021)
    section_six = "".join(report.sections[5].paragraphs)
    assert "信息处理费" in section_six
    if number_or_zero(other.unpaid_fee.total):
        assert "收费通知" in section_six
    new = report.table3.new_applications.total
    assert f"新收政府信息公开申请{new}件" in "".join(report.sections[0].paragraphs)
