"""The public Hypothesis strategies keep their promises.

Relations are evaluated numerically here, independently of the validation
package, straight from :func:`govdisclosure.relations.report_equations`:
blank and not-applicable cells read as 0.
"""

from __future__ import annotations

import re
import runpy
import subprocess
import sys
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import govdisclosure as gd
from govdisclosure.aggregate import consolidate
from govdisclosure.authoring import complete_totals
from govdisclosure.cells import MAX_COUNT, is_number
from govdisclosure.editions import EDITIONS
from govdisclosure.editions.applications import ApplicantRow, OtherHandling2021
from govdisclosure.flat import shape_of
from govdisclosure.paths import Path, json_path
from govdisclosure.relations import Equation, report_equations
from govdisclosure.report_base import UnitKind
from govdisclosure.testing import (
    any_reports,
    consistent_reports,
    report_families,
    reports_with_defect,
    sections,
    units,
)
from govdisclosure.testing.strategies import seeded_draws
from locations import ROOT

FAST = settings(max_examples=50, deadline=None)


def cell(report: gd.Report, path: Path) -> Any:
    if isinstance(report, gd.ReportLegacy):
        return report.statistics.value(str(path[2]), str(path[3]))
    obj: Any = report
    for name in path:
        obj = getattr(obj, str(name))
    return obj


def number(report: gd.Report, path: Path) -> int | Decimal:
    value = cell(report, path)
    return value if is_number(value) else 0


def holds(report: gd.Report, eq: Equation) -> bool:
    total = sum(number(report, p) for p in eq.total)
    parts = sum(number(report, p) for p in eq.parts)
    if eq.kind == "equal":
        return total == parts
    if eq.kind == "at_most":
        return total >= parts
    return True  # "channels": inequality allowed either way


def broken(report: gd.Report) -> list[Equation]:
    return [eq for eq in report_equations(report) if not holds(report, eq)]


CASES = [
    pytest.param("2021", {}, id="2021"),
    pytest.param("2021", {"single_other_handling": True}, id="2021-single-row"),
    pytest.param("2021", {"blanks": True}, id="2021-blanks"),
    pytest.param("2019", {}, id="2019"),
    pytest.param("2019", {"blanks": True, "text": "hostile"}, id="2019-blanks-hostile"),
    pytest.param("legacy", {}, id="legacy"),
    pytest.param("legacy", {"blanks": True}, id="legacy-blanks"),
    pytest.param("legacy", {"template": "fujian-2011"}, id="fujian"),
    pytest.param("legacy", {"template": "fujian-2011", "blanks": True}, id="fujian-blanks"),
]


@pytest.mark.parametrize(("edition", "options"), CASES)
def test_consistent_reports_satisfy_every_relation(edition: str, options: dict[str, Any]) -> None:
    @FAST
    @given(consistent_reports(edition, **options))
    def check(report: gd.Report) -> None:
        assert type(report) is gd.EDITIONS[edition].report_class
        assert broken(report) == []
        # nothing left to derive: complete_totals is a fixed point
        assert complete_totals(report) == report
        assert complete_totals(report, overwrite=True) == report
        # and the report loads
        assert gd.loads(gd.dumps(report)) == report

    check()


@FAST
@given(consistent_reports("2021"))
def test_without_blanks_every_cell_is_a_number(report: gd.Report) -> None:
    values = shape_of(report).flatten(report)
    assert all(is_number(v) for v in values)
    assert all(0 <= v <= MAX_COUNT for v in values if isinstance(v, int))


@FAST
@given(consistent_reports("2019", max_count=50))
def test_change_never_takes_items_below_zero(report: gd.Report) -> None:
    assert isinstance(report, gd.Report2019)
    for row in (report.table2.licensing, report.table2.penalties, report.table2.fees):
        assert isinstance(row.previous_items, int) and isinstance(row.change, int)
        assert row.previous_items + row.change >= 0


@FAST
@given(consistent_reports("2021", max_count=20, year=2023))
def test_parameters_bound_the_report(report: gd.Report) -> None:
    assert report.year == 2023
    assert report.period == gd.Period.calendar_year(2023)
    leaves = report.table3.results.disclosed  # type: ignore[union-attr]
    assert all(
        isinstance(v, int) and v <= 20
        for v in (leaves.natural_person, leaves.commercial_enterprise)
    )


@FAST
@given(consistent_reports("2021"))
def test_realistic_text_uses_the_edition_headings(report: gd.Report) -> None:
    assert tuple(s.heading for s in report.sections) == EDITIONS["2021"].section_headings
    assert report.unit.name.endswith(("人民政府", "局", "委员会"))


@FAST
@given(consistent_reports("2021", single_other_handling=True))
def test_single_other_handling_layout(report: gd.Report) -> None:
    assert type(report.table3.results.other_handling) is ApplicantRow  # type: ignore[union-attr]


@FAST
@given(consistent_reports("2021"))
def test_default_layout_has_three_subrows(report: gd.Report) -> None:
    assert type(report.table3.results.other_handling) is OtherHandling2021  # type: ignore[union-attr]


@pytest.mark.parametrize("edition", ["2021", "2019", "legacy"])
def test_reports_with_defect_break_a_relation_through_the_defect(edition: str) -> None:
    @FAST
    @given(reports_with_defect(edition))
    def check(case: tuple[gd.Report, Path]) -> None:
        report, path = case
        assert json_path(path).startswith("$.")
        assert is_number(cell(report, path))
        involving = [eq for eq in report_equations(report) if path in eq.involves]
        assert any(eq.kind == "equal" and not holds(report, eq) for eq in involving)
        # every broken relation involves the defect: exactly one cell changed
        assert all(path in eq.involves for eq in broken(report))

    check()


@pytest.mark.parametrize("edition", ["2021", "2019", "legacy"])
def test_report_families_share_year_and_layout(edition: str) -> None:
    @FAST
    @given(report_families(edition, min_size=2, max_size=5))
    def check(family: list[gd.Report]) -> None:
        assert 2 <= len(family) <= 5
        assert len({r.year for r in family}) == 1
        assert len({r.unit.name for r in family}) == len(family)
        assert len({shape_of(r).key for r in family}) == 1
        assert all(broken(r) == [] for r in family)
        # What consolidate() needs: here, one unit for 2019's 采购总金额.
        assert consolidate(family, "汇总单位").year == family[0].year

    check()


@FAST
@given(any_reports())
def test_any_reports_load(report: gd.Report) -> None:
    assert gd.loads(gd.dumps(report)) == report


@settings(max_examples=30, deadline=None)
@given(any_reports("2021", max_depth=2, max_parts=2))
def test_any_reports_nest_parts_of_their_edition(report: gd.Report) -> None:
    def walk(r: gd.Report, depth: int) -> int:
        assert type(r) is gd.Report2021
        return max([depth, *(walk(p, depth + 1) for p in r.parts)])

    assert walk(report, 0) <= 2


@FAST
@given(units(UnitKind.DEPARTMENT))
def test_units_of_a_kind(unit: gd.ReportingUnit) -> None:
    assert unit.kind is UnitKind.DEPARTMENT
    assert unit.region_code is None or (len(unit.region_code) == 6 and unit.region_code.isdigit())


@FAST
@given(units(text="hostile"))
def test_hostile_units_are_never_blank(unit: gd.ReportingUnit) -> None:
    """Hostile names are any text but a blank one (``unit.unnamed``, an error):
    a generated report stays valid whatever its text."""
    assert unit.name.strip()


def test_a_blank_hostile_name_keeps_its_blanks_before_a_name() -> None:
    names = set()

    @FAST
    @given(units(text="hostile"))
    def draw(unit: gd.ReportingUnit) -> None:
        names.add(unit.name)

    draw()
    # Drawn from the hostile texts, the blank ones among them come before a name.
    assert any(name != name.lstrip() for name in names)


@FAST
@given(sections("legacy"))
def test_sections_of_an_edition(narrative: tuple[gd.Section, ...]) -> None:
    assert tuple(s.heading for s in narrative) == EDITIONS["legacy"].section_headings


def test_hypothesis_entry_point_registers_report_types() -> None:
    @FAST
    @given(st.from_type(gd.Report2021), st.from_type(gd.ReportingUnit))
    def check(report: gd.Report2021, unit: gd.ReportingUnit) -> None:
        assert broken(report) == []
        assert unit.name

    check()


@pytest.mark.parametrize(
    "make",
    [
        lambda: consistent_reports("2022"),
        lambda: consistent_reports("2019", single_other_handling=True),
        lambda: consistent_reports("legacy", template="no-such-template"),
        lambda: consistent_reports("2021", max_count=10**9),
        lambda: consistent_reports("2021", text="binary"),  # type: ignore[arg-type]
        lambda: report_families("2021", min_size=3, max_size=2),
        lambda: any_reports("2020"),
        lambda: units("government"),  # type: ignore[arg-type]
    ],
)
def test_bad_arguments_fail_at_once(make: Any) -> None:
    with pytest.raises(InvalidArgument):
        make()


def test_strategies_example_runs() -> None:
    namespace = runpy.run_path(str(ROOT / "examples" / "strategies_example.py"))
    namespace["main"]()


def test_docs_examples_run() -> None:
    """Every Python block of docs/testing.md runs, in order, and its tests pass."""
    text = (ROOT / "docs" / "testing.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.DOTALL)
    assert len(blocks) >= 5
    namespace: dict[str, Any] = {}
    for block in blocks:
        exec(compile(block, "docs/testing.md", "exec"), namespace)
    tests = [v for k, v in namespace.items() if k.startswith("test_") and callable(v)]
    assert len(tests) >= 5
    for test in tests:
        test()


@FAST
@given(consistent_reports("legacy", template="fujian-2011", blanks=True))
def test_running_totals_are_never_below_the_year(report: gd.Report) -> None:
    assert isinstance(report, gd.ReportLegacy)
    for values in report.statistics.rows.values():
        year, cumulative = values.get("year"), values.get("cumulative")
        if is_number(year) and is_number(cumulative):
            assert cumulative >= year


@pytest.mark.parametrize(
    "first",
    [
        "import govdisclosure.testing.strategies",
        "from govdisclosure.testing import consistent_reports",
        "import hypothesis",
    ],
)
def test_registration_works_whichever_package_is_imported_first(first: str) -> None:
    """Hypothesis calls the entry-point hook while it is being imported; a
    strategies module imported before Hypothesis must still register."""
    code = (
        f"{first}\n"
        "from hypothesis import strategies as st\n"
        "import govdisclosure as gd\n"
        "assert isinstance(st.from_type(gd.ReportingUnit).example(), gd.ReportingUnit)\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_seeded_draws_give_the_same_reports_on_every_call_and_others_for_another_seed() -> None:
    first = seeded_draws(consistent_reports("2021"), 3, at=7)
    assert len(first) == 3
    assert all(isinstance(report, gd.Report2021) for report in first)
    assert seeded_draws(consistent_reports("2021"), 3, at=7) == first
    assert seeded_draws(consistent_reports("2021"), 3, at=8) != first
