"""Authoring: blank reports, and totals derived only when asked."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govdisclosure as gd
from govdisclosure.authoring import blank_report, complete_totals
from govdisclosure.cells import NA
from govdisclosure.editions import EDITIONS
from govdisclosure.editions.applications import ApplicantRow
from govdisclosure.flat import shape_of
from govdisclosure.paths import Path
from govdisclosure.registry import UnknownTemplateError
from govdisclosure.relations import report_equations
from govdisclosure.testing import consistent_reports

FAST = settings(max_examples=50, deadline=None)


def _totals(report: gd.Report) -> set[Path]:
    return {
        eq.total[0] for eq in report_equations(report) if eq.kind == "equal" and len(eq.total) == 1
    }


def _blank_out(report: gd.Report, paths: set[Path]) -> gd.Report:
    shape = shape_of(report)
    values = [
        None if p in paths else v for p, v in zip(shape.paths, shape.flatten(report), strict=True)
    ]
    return shape.rebuild(report, values)


def _value(report: gd.Report, path: Path) -> Any:
    shape = shape_of(report)
    return shape.flatten(report)[shape.index()[path]]


def _with_cell(report: gd.Report, path: Path, value: Any) -> gd.Report:
    shape = shape_of(report)
    values = list(shape.flatten(report))
    values[shape.index()[path]] = value
    return shape.rebuild(report, values)


@pytest.mark.parametrize("edition", ["2021", "2019", "legacy"])
def test_complete_totals_restores_erased_totals(edition: str) -> None:
    @FAST
    @given(consistent_reports(edition))
    def check(report: gd.Report) -> None:
        erased = _blank_out(report, _totals(report))
        assert complete_totals(erased) == report

    check()


@FAST
@given(consistent_reports("2021"), st.data())
def test_published_totals_are_never_overwritten_by_default(
    report: gd.Report, data: st.DataObject
) -> None:
    path = data.draw(st.sampled_from(sorted(_totals(report), key=str)))
    wrong = _value(report, path) + 7
    edited = _with_cell(report, path, wrong)
    assert _value(complete_totals(edited), path) == wrong
    assert complete_totals(edited, overwrite=True) == report


def test_totals_from_leaves_fill_inner_totals_first() -> None:
    report = blank_report("2021", 2024, "玉溪市人民政府")
    results = report.table3.results
    disclosed = ApplicantRow(natural_person=3, commercial_enterprise=1)
    not_disclosed = attrs.evolve(results.not_disclosed, state_secret=ApplicantRow(natural_person=2))
    results = attrs.evolve(results, disclosed=disclosed, not_disclosed=not_disclosed)
    report = attrs.evolve(report, table3=attrs.evolve(report.table3, results=results))
    done = complete_totals(report)
    assert done.table3.results.disclosed.total == 4
    assert done.table3.results.not_disclosed.state_secret.total == 2
    total = done.table3.results.total
    assert (total.natural_person, total.commercial_enterprise, total.total) == (5, 1, 6)
    # columns nobody filled in stay blank: no invented zeros
    assert total.research_institution is None
    # rows nobody filled in keep a blank total
    assert done.table3.results.partly_disclosed.total is None
    # 一 and 二 are not totals: the balance is the author's to keep
    assert done.table3.new_applications.total is None


def test_blank_and_not_applicable_parts_read_as_zero_beside_a_number() -> None:
    report = blank_report("2021", 2024, "x")
    t4 = report.table4
    row = attrs.evolve(t4.reconsideration, upheld=2, corrected=NA)
    report = attrs.evolve(report, table4=attrs.evolve(t4, reconsideration=row))
    done = complete_totals(report)
    assert done.table4.reconsideration.total == 2
    assert done.table4.litigation_direct.total is None


def test_a_not_applicable_total_is_published() -> None:
    report = blank_report("2021", 2024, "x")
    t4 = report.table4
    row = attrs.evolve(t4.reconsideration, upheld=2, total=NA)
    report = attrs.evolve(report, table4=attrs.evolve(t4, reconsideration=row))
    assert complete_totals(report).table4.reconsideration.total is NA
    assert complete_totals(report, overwrite=True).table4.reconsideration.total == 2


def test_legacy_nested_sums_and_row_order() -> None:
    report = blank_report("legacy", 2016, "玉溪市人民政府")
    rows: dict[str, dict[str, Any]] = {
        "3.3.4.1": {"value": 2},
        "3.3.4.6": {"value": 1},
        "3.3.1": {"value": 5},
        "3.3": {"value": None},
        "1.1.1": {"value": 4},
    }
    report = attrs.evolve(
        report, statistics=gd.StatisticsTable(template="national-2016", rows=rows)
    )
    done = complete_totals(report)
    assert done.statistics.value("3.3.4", "value") == 3
    assert done.statistics.value("3.3", "value") == 8
    # 其中 rows are bounds, not sums: 1.1 is not derived from 1.1.1
    assert done.statistics.value("1.1", "value") is None
    # rows keep their order; a derived row the report lacked comes after
    assert list(done.statistics.rows) == ["3.3.4.1", "3.3.4.6", "3.3.1", "3.3", "1.1.1", "3.3.4"]
    assert report.statistics.rows["3.3"] == {"value": None}  # the input is untouched


def test_legacy_money_and_cumulative_columns() -> None:
    report = blank_report("legacy", 2011, "平潭县人民政府", template="fujian-2011")
    rows: dict[str, dict[str, Any]] = {
        "2.1": {"year": 3, "cumulative": 10},
        "2.4": {"year": 2},
    }
    report = attrs.evolve(report, statistics=gd.StatisticsTable(template="fujian-2011", rows=rows))
    done = complete_totals(report)
    assert done.statistics.rows["2"] == {"year": 5, "cumulative": 10}


def test_parts_are_completed_too() -> None:
    part = blank_report("2021", 2024, "华宁县人民政府")
    t4 = part.table4
    part = attrs.evolve(
        part, table4=attrs.evolve(t4, reconsideration=attrs.evolve(t4.reconsideration, upheld=1))
    )
    whole = attrs.evolve(blank_report("2021", 2024, "玉溪市人民政府"), parts=tuple([part]))
    assert complete_totals(whole).parts[0].table4.reconsideration.total == 1


def test_legacy_sum_of_two_staff_rows() -> None:
    report = blank_report("legacy", 2016, "x")
    rows: dict[str, dict[str, Any]] = {"8.3.1": {"value": 2}, "8.3.2": {"value": NA}}
    report = attrs.evolve(
        report, statistics=gd.StatisticsTable(template="national-2016", rows=rows)
    )
    assert complete_totals(report).statistics.value("8.3", "value") == 2


@pytest.mark.parametrize(("edition", "cls"), [("2021", gd.Report2021), ("2019", gd.Report2019)])
def test_blank_report(edition: str, cls: type) -> None:
    report = blank_report(edition, 2020, "上海市人民政府")
    assert type(report) is cls
    assert report.unit == gd.ReportingUnit(name="上海市人民政府")
    assert report.period == gd.Period.calendar_year(2020)
    assert all(v is None for v in shape_of(report).flatten(report))
    assert report.sections == ()
    headed = blank_report(edition, 2020, "上海市人民政府", with_headings=True)
    assert tuple(s.heading for s in headed.sections) == EDITIONS[edition].section_headings
    assert gd.loads(gd.dumps(headed)) == headed


def test_blank_legacy_report() -> None:
    unit = gd.ReportingUnit(name="玉溪市人民政府", region_code="530400")
    report = blank_report("legacy", 2017, unit)
    assert report.statistics == gd.StatisticsTable(template="national-2016")
    assert report.unit is unit
    fujian = blank_report("legacy", 2011, unit, template="fujian-2011")
    assert fujian.statistics.template == "fujian-2011"


def test_blank_report_refuses_what_it_cannot_make() -> None:
    with pytest.raises(ValueError, match="unknown edition"):
        blank_report("2022", 2022, "x")
    with pytest.raises(ValueError, match="templates are for legacy"):
        blank_report("2021", 2022, "x", template="national-2016")
    with pytest.raises(UnknownTemplateError):
        blank_report("legacy", 2012, "x", template="hunan-2012")


def test_loading_never_derives_totals() -> None:
    report = blank_report("2021", 2024, "x")
    t4 = report.table4
    report = attrs.evolve(
        report, table4=attrs.evolve(t4, reconsideration=attrs.evolve(t4.reconsideration, upheld=4))
    )
    loaded = gd.loads(gd.dumps(report))
    assert isinstance(loaded, gd.Report2021)
    assert loaded.table4.reconsideration.total is None
