"""consolidate(): exact sums, the blank/not-applicable rule, provenance, refusals."""

from __future__ import annotations

import pickle
import random
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs
import pytest

import govdisclosure as gd
from govdisclosure.aggregate import (
    ConsolidationError,
    cell_breakdown,
    consolidate,
    leaves,
    partly_blank_paths,
)
from govdisclosure.cells import NA, CellValue, NotApplicable, is_number
from govdisclosure.editions.applications import ApplicantRow, OtherHandling2021
from govdisclosure.flat import shape_of
from govdisclosure.paths import Path
from locations import ROOT

EXAMPLES = ROOT / "examples"
QINGHE = sorted((EXAMPLES / "consolidation").glob("*.json"))

FEES: Path = ("table2", "fees")
NEW_TOTAL: Path = ("table3", "results", "total", "total")
RULES_ISSUED: Path = ("table2", "rules", "issued")


def qinghe() -> list[gd.Report]:
    return [gd.load(p) for p in QINGHE]


def numbers(report: gd.Report) -> tuple[CellValue, ...]:
    return shape_of(report).flatten(report)


def with_cells(report: gd.Report, cells: Mapping[Path, CellValue]) -> gd.Report:
    shape = shape_of(report)
    values = list(shape.flatten(report))
    index = shape.index()
    for path, value in cells.items():
        values[index[path]] = value
    return shape.rebuild(report, values)


def unit(name: str, code: str | None = None) -> gd.ReportingUnit:
    return gd.ReportingUnit(name=name, region_code=code)


def blank2021(name: str, year: int = 2024, **cells: CellValue) -> gd.Report2021:
    report = gd.blank_report("2021", year, unit(name))
    filled = with_cells(report, {tuple(k.split("__")): v for k, v in cells.items()})
    assert isinstance(filled, gd.Report2021)
    return filled


# -- sums --------------------------------------------------------------------------------


def test_three_units_add_up_cell_by_cell() -> None:
    parts = qinghe()
    city = consolidate(parts)  # every part names 清河市人民政府 as its parent
    assert city.unit.name == "清河市人民政府"
    columns = zip(*(numbers(p) for p in parts), strict=True)
    for total, column in zip(numbers(city), columns, strict=True):
        filled = [v for v in column if is_number(v)]
        if filled:
            assert total == sum(filled)
        else:  # the examples print "/" where a cell does not apply
            assert all(isinstance(v, NotApplicable) for v in column) and total == NA
    assert isinstance(city, gd.Report2021)
    assert city.table3.new_applications.total == 166 + 59 + 45


def test_int_stays_int_and_decimal_stays_decimal_exactly() -> None:
    a = blank2021("甲", table2__fees=Decimal("0.1"), table3__new_applications__total=1)
    b = blank2021("乙", table2__fees=Decimal("0.20"), table3__new_applications__total=2)
    c = blank2021("丙", table2__fees=Decimal("12345678901234567890123456789.01"))
    total = consolidate([a, b, c], "合计")
    fees = shape_of(total).flatten(total)[shape_of(total).index()[FEES]]
    assert type(fees) is Decimal and fees == Decimal("12345678901234567890123456789.31")
    assert str(fees) == "12345678901234567890123456789.31"  # 31 digits: no rounding
    new = total.table3.new_applications.total
    assert type(new) is int and new == 3


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ((None, 3), 3),
        ((None, None), None),
        ((NA, NA), NA),
        ((NA, 3), 3),
        ((None, NA), NA),
        ((None, NotApplicable("—")), NotApplicable("—")),
        ((NotApplicable("—"), NotApplicable("—")), NotApplicable("—")),
        ((NotApplicable("—"), NA), NA),
        ((0, None, NA), 0),
    ],
)
def test_blank_and_not_applicable_rule(values: tuple[CellValue, ...], expected: CellValue) -> None:
    reports = [
        blank2021(f"单位{i}", table3__new_applications__natural_person=v)
        for i, v in enumerate(values)
    ]
    total = consolidate(reports, "合计")
    assert total.table3.new_applications.natural_person == expected


def test_partly_blank_cells_are_derived_from_the_parts() -> None:
    path: Path = ("table3", "new_applications", "natural_person")
    a = blank2021("甲", table3__new_applications__natural_person=None)
    b = blank2021("乙", table3__new_applications__natural_person=3)
    c = blank2021("丙", table3__new_applications__natural_person=NA)
    d = blank2021("丁", table3__new_applications__natural_person=4)
    assert partly_blank_paths(consolidate([a, b], "X")) == (path,)
    assert partly_blank_paths(consolidate([c, b], "X")) == (path,)
    assert partly_blank_paths(consolidate([b, d], "X")) == ()
    assert partly_blank_paths(consolidate([a, c], "X")) == ()  # "/", not a number
    # A county's blank stays visible through its city, unless asked for direct parts only.
    city = consolidate([a, b], "市")
    province = consolidate([city, d], "省")
    assert partly_blank_paths(province) == (path,)
    assert partly_blank_paths(province, deep=False) == ()
    assert partly_blank_paths(a) == ()


def test_n_copies_under_n_names_multiply_every_number() -> None:
    for name in ("huaian-2024.json", "shanghai-szfbgt-2019.json", "yuxi-2017.json"):
        report = gd.load(EXAMPLES / name)
        n = 7
        copies = [attrs.evolve(report, unit=unit(f"单位{i}")) for i in range(n)]
        total = consolidate(copies, "合计")
        for mine, one in zip(numbers(total), numbers(report), strict=True):
            if is_number(one):
                assert isinstance(one, int | Decimal)
                assert mine == one * n
                assert type(mine) is type(one)
            else:
                assert mine == one  # blank stays blank, "/" stays "/"


def test_shuffled_inputs_give_identical_numbers() -> None:
    parts = [*qinghe(), gd.load(EXAMPLES / "huaian-2024.json")]
    expected = numbers(consolidate(parts, "X"))
    rng = random.Random(2024)
    for _ in range(5):
        shuffled = parts[:]
        rng.shuffle(shuffled)
        assert numbers(consolidate(shuffled, "X")) == expected


# -- identity, narrative, parts ------------------------------------------------------------


def test_empty_list_with_a_unit_is_the_blank_report() -> None:
    empty: gd.Report = consolidate([], "清河市人民政府", edition="2021", year=2024)
    assert empty == gd.blank_report("2021", 2024, "清河市人民政府")
    legacy: gd.Report = consolidate([], "X", edition="legacy", year=2017, template="fujian-2011")
    assert isinstance(legacy, gd.ReportLegacy) and legacy.statistics.template == "fujian-2011"
    parts = qinghe()
    with_identity = consolidate([empty, *parts], "清河市人民政府")
    assert numbers(with_identity) == numbers(consolidate(parts))


def test_empty_list_without_unit_edition_or_year_is_an_error() -> None:
    with pytest.raises(ConsolidationError) as info:
        consolidate([])
    assert info.value.code == "empty"
    with pytest.raises(ConsolidationError):
        consolidate([], "X")  # no edition and year to make a blank report of


def test_parts_keep_the_inputs_without_narrative() -> None:
    parts = qinghe()
    assert all(p.sections for p in parts)
    city = consolidate(parts)
    assert city.sections == () and city.preamble == ()
    assert [p.unit for p in city.parts] == [p.unit for p in parts]
    for kept, original in zip(city.parts, parts, strict=True):
        assert kept.sections == () and kept.preamble == ()
        assert kept == attrs.evolve(original, sections=(), preamble=())
    # The tree survives a second level and a round trip through JSON.
    province = consolidate([city, blank2021("省直", year=2024)], "省")
    again = gd.loads(gd.dumps(province))
    assert again == province
    assert [leaf.unit.name for leaf in leaves(again)] == [*(p.unit.name for p in parts), "省直"]


def test_narrative_is_the_consolidating_units_own() -> None:
    parts = qinghe()
    draft = attrs.evolve(
        gd.blank_report("2021", 2024, "清河市人民政府", with_headings=True),
        title="清河市2024年政府信息公开工作年度报告",
    )
    city = consolidate(parts, narrative=draft)
    assert city.unit.name == "清河市人民政府"
    assert city.title == draft.title and city.sections == draft.sections
    sections = (gd.Section(heading="一、总体情况", paragraphs=("全市……",)),)
    city = consolidate(parts, "清河市人民政府", narrative=sections)
    assert city.sections == sections


def test_narrative_of_another_year_is_refused() -> None:
    draft = gd.blank_report("2021", 2023, "清河市人民政府", with_headings=True)
    with pytest.raises(ConsolidationError) as info:
        consolidate(qinghe(), narrative=draft)
    assert info.value.code == "years"


def test_unit_by_name_kind_and_object() -> None:
    parts = qinghe()
    assert consolidate(parts, "清河市生态环境局汇总", kind="department").unit.kind is (
        gd.UnitKind.DEPARTMENT
    )
    city = gd.ReportingUnit(name="清河市人民政府", region_code="131200")
    assert consolidate(parts, city).unit == city


# -- refusals ------------------------------------------------------------------------------


def test_different_years_are_refused() -> None:
    with pytest.raises(ConsolidationError) as info:
        consolidate([blank2021("甲", 2023), blank2021("乙", 2024)], "X")
    assert info.value.code == "years"
    assert "2023" in str(info.value) and "不同年度" in str(info.value)
    assert "different years" in info.value.render("en")


def test_different_editions_are_refused() -> None:
    shanghai = gd.load(EXAMPLES / "shanghai-szfbgt-2019.json")
    with pytest.raises(ConsolidationError) as info:
        consolidate([attrs.evolve(shanghai, year=2024), blank2021("甲")], "X")
    assert info.value.code == "editions"


def test_different_templates_are_refused() -> None:
    a = gd.blank_report("legacy", 2011, "甲", template="fujian-2011")
    b = gd.blank_report("legacy", 2011, "乙", template="national-2016")
    with pytest.raises(ConsolidationError) as info:
        consolidate([a, b], "X")
    assert info.value.code == "templates"


def test_2019_amounts_in_different_units_are_refused() -> None:
    shanghai = gd.load(EXAMPLES / "shanghai-szfbgt-2019.json")
    assert isinstance(shanghai, gd.Report2019)
    t2 = shanghai.table2
    other = attrs.evolve(
        shanghai,
        unit=unit("另一单位"),
        table2=attrs.evolve(t2, procurement=attrs.evolve(t2.procurement, amount_unit="万元")),
    )
    assert t2.procurement.amount_unit != "万元"
    with pytest.raises(ConsolidationError) as info:
        consolidate([shanghai, other], "X")
    assert info.value.code == "table-data"


def test_a_unit_twice_is_refused_directly_and_nested() -> None:
    a, b, c = qinghe()
    with pytest.raises(ConsolidationError) as info:
        consolidate([a, b, a], "X")
    assert info.value.code == "duplicate-unit"
    city = consolidate([a, b], "市")
    with pytest.raises(ConsolidationError) as info:
        consolidate([city, c, b], "省")
    assert info.value.code == "duplicate-unit"
    assert b.unit.name in str(info.value) and "市" in str(info.value)
    with pytest.raises(ConsolidationError):
        consolidate([city, consolidate([b, c], "另一市")], "省")


def test_same_name_in_different_regions_is_two_units() -> None:
    a = blank2021("住房和城乡建设局", table3__new_applications__total=1)
    b = attrs.evolve(a, unit=unit("住房和城乡建设局", "530400"))
    c = attrs.evolve(a, unit=unit("住房和城乡建设局", "530100"))
    assert consolidate([b, c], "X").table3.new_applications.total == 2
    with pytest.raises(ConsolidationError):
        consolidate([b, attrs.evolve(b)], "X")


def test_no_common_parent_needs_a_unit() -> None:
    with pytest.raises(ConsolidationError) as info:
        consolidate([blank2021("甲"), blank2021("乙")])
    assert info.value.code == "no-unit"


def test_a_value_that_is_not_a_cell_is_refused() -> None:
    a = blank2021("甲", table3__new_applications__total=1)
    # A float is no cell value: the model refuses it when the row is built…
    with pytest.raises(ValueError, match=r"ApplicantRow\.total"):
        with_cells(blank2021("乙"), {("table3", "new_applications", "total"): 1.5})  # type: ignore[dict-item]
    # …and consolidate refuses one forced past that check.
    b: Any = blank2021("乙")
    object.__setattr__(b.table3.new_applications, "total", 1.5)
    with pytest.raises(ConsolidationError) as info:
        consolidate([a, b], "X")
    assert info.value.code == "cell-value"
    assert "$.table3.new_applications.total" in str(info.value)


# -- （六）其他处理 as one row or three ------------------------------------------------------


def test_other_handling_layouts_are_not_mixed_silently() -> None:
    hongze = gd.load(EXAMPLES / "hongze-2024.json")
    huaian = gd.load(EXAMPLES / "huaian-2024.json")
    assert isinstance(hongze, gd.Report2021) and isinstance(huaian, gd.Report2021)
    assert isinstance(hongze.table3.results.other_handling, ApplicantRow)
    with pytest.raises(ConsolidationError) as info:
        consolidate([hongze, huaian], "X")
    assert info.value.code == "shapes" and "fold" in info.value.render("en")
    folded = consolidate([hongze, huaian], "X", fold_other_handling=True)
    assert isinstance(folded, gd.Report2021)
    row = folded.table3.results.other_handling
    assert isinstance(row, ApplicantRow)
    three = huaian.table3.results.other_handling
    assert isinstance(three, OtherHandling2021)
    one = hongze.table3.results.other_handling
    for column in ("natural_person", "total"):
        subrows = [
            getattr(getattr(three, s), column)
            for s in ("overdue_correction", "unpaid_fee", "other")
        ]
        expected = sum(v for v in [*subrows, getattr(one, column)] if is_number(v))
        assert getattr(row, column) == expected
    # The parts keep what each unit printed.
    assert folded.parts[1].table3.results.other_handling == three
    # Folding keeps every total: （七） is the same either way.
    assert (
        folded.table3.results.total
        == consolidate(
            [hongze, attrs.evolve(huaian, unit=unit("另一"))], "Y", fold_other_handling=True
        ).table3.results.total
    )


def test_a_blank_other_handling_fits_either_layout() -> None:
    huaian = gd.load(EXAMPLES / "huaian-2024.json")
    hongze = gd.load(EXAMPLES / "hongze-2024.json")
    blank = gd.blank_report("2021", 2024, "空白单位")
    results = attrs.evolve(blank.table3.results, other_handling=ApplicantRow())
    blank_one_row = attrs.evolve(blank, table3=attrs.evolve(blank.table3, results=results))
    total = consolidate([huaian, blank_one_row], "X")
    assert isinstance(total, gd.Report2021)
    assert isinstance(total.table3.results.other_handling, OtherHandling2021)
    assert numbers(total) == numbers(huaian)
    # And a blank three-row report adds to one-row reports without folding.
    total = consolidate([hongze, gd.blank_report("2021", 2024, "空白")], "Y")
    assert isinstance(total, gd.Report2021)
    assert isinstance(total.table3.results.other_handling, ApplicantRow)
    assert numbers(total) == numbers(hongze)


# -- the seed: 22 = 9 + 1 + 1 + 7 + 2 + 2 -------------------------------------------------

SEED_UNITS = (
    ("玉溪市人民政府办公室", 9),
    ("华宁县人民政府", 1),
    ("玉溪市江川区人民政府", 1),
    ("玉溪市环境保护局", 7),
    ("玉溪市住房和城乡建设局", 2),
    ("玉溪市抚仙湖管理局", 2),
)


def seed_units() -> list[gd.ReportLegacy]:
    return [
        gd.ReportLegacy(
            unit=unit(name),
            year=2017,
            statistics=gd.StatisticsTable(template="national-2016", rows={"3.1": {"value": n}}),
        )
        for name, n in SEED_UNITS
    ]


def test_seed_applications_add_up_to_22_unit_by_unit() -> None:
    city = consolidate(seed_units(), "玉溪市人民政府")
    assert isinstance(city, gd.ReportLegacy)
    assert city.statistics.value("3.1", "value") == 22
    # Rows nobody printed stay absent (blank), never zero.
    assert set(city.statistics.rows) == {"3.1"}
    cell = cell_breakdown(city, ("statistics", "rows", "3.1", "value"))
    assert cell.equation() == "22 = 9 + 1 + 1 + 7 + 2 + 2"
    assert [c.unit.name for c in cell.contributions] == [name for name, _ in SEED_UNITS]
    assert cell.consistent
    named = cell.equation("zh_Hans_CN", names=True)
    assert named.startswith("22 = 玉溪市人民政府办公室 9 + 华宁县人民政府 1")


def test_seed_matches_the_published_city_report() -> None:
    published = gd.load(EXAMPLES / "yuxi-2017.json")
    assert isinstance(published, gd.ReportLegacy)
    assert published.statistics.value("3.1", "value") == 22
    city = consolidate(seed_units(), published.unit, narrative=published)
    assert city.sections == published.sections and city.title == published.title
    assert city.statistics.value("3.1", "value") == 22


def test_a_refusal_survives_pickling_as_itself() -> None:
    """A worker process (Dask, a cluster) sends a refusal back pickled."""
    inner = ConsolidationError(
        "years", "Reports of different years cannot be added up: {years}", {"years": "2023, 2024"}
    )
    outer = ConsolidationError(
        "years",
        "{reason}: {file} differs from {first}, the first input",
        {"reason": inner, "file": "b.json", "first": "a.json"},
    )
    back = pickle.loads(pickle.dumps(outer))
    assert type(back) is ConsolidationError and back.code == "years"
    assert back.render("en") == outer.render("en") and back.render("zh_Hans_CN") == outer.render(
        "zh_Hans_CN"
    )
