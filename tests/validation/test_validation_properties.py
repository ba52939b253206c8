"""Soundness and completeness of the arithmetic rules, as properties.

* Sound: a report whose tables satisfy every relation has no error finding
  (under either blank policy), and no finding at all from the arithmetic
  rules.
* Complete: adding 1 to *any* cell of table 3 or table 4 of such a report
  (every cell path of the shape, not a sample) gives at least one error
  whose ``involves`` names that cell.  The same for every cell of a legacy
  template whose relations are checked.

Consistent reports are built here from the relations themselves: random
leaf values, then every total computed from the equations until nothing
changes, then table 3's balance solved for 一 column by column.  When
``govdisclosure.testing.strategies`` is installed its ``consistent_reports``
are checked in tests/validation/test_validation_strategies.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govdisclosure import Report2019, Report2021, ReportingUnit, Section
from govdisclosure.cells import CellValue
from govdisclosure.check import validate
from govdisclosure.editions import EDITIONS, Report
from govdisclosure.editions.applications import ApplicantRow
from govdisclosure.editions.legacy import ReportLegacy, StatisticsTable
from govdisclosure.flat import shape_of
from govdisclosure.paths import json_path
from govdisclosure.plugin.builtin import core_rules
from govdisclosure.relations import report_equations
from govdisclosure.report_base import ReportDates
from govdisclosure.validation.arithmetic import arithmetic_rules

ARITHMETIC = arithmetic_rules()

SECTIONS = tuple(
    Section(heading=h, paragraphs=("无。",)) for h in EDITIONS["2021"].section_headings
)


def _blank_2021_single() -> Report2021:
    r = Report2021(unit=ReportingUnit(name="测试单位"), year=2024)
    results = attrs.evolve(r.table3.results, other_handling=ApplicantRow())
    return attrs.evolve(r, table3=attrs.evolve(r.table3, results=results))


def _base(kind: str) -> Report:
    dates = ReportDates(written=dt.date(2025, 1, 20), published=dt.date(2025, 1, 25))
    unit = ReportingUnit(name="测试单位")
    if kind == "2021":
        return Report2021(unit=unit, year=2024, dates=dates, sections=SECTIONS)
    if kind == "2021-single":
        return attrs.evolve(_blank_2021_single(), dates=dates, sections=SECTIONS)
    if kind == "2019":
        return Report2019(unit=unit, year=2020, dates=dates, sections=SECTIONS)
    return ReportLegacy(
        unit=unit,
        year=2012,
        dates=ReportDates(written=dt.date(2013, 1, 16), published=dt.date(2013, 1, 17)),
        sections=tuple([Section(heading="一、概述", paragraphs=("本报告……",))]),
        statistics=StatisticsTable(template=kind.removeprefix("legacy:")),
    )


def make_consistent(base: Report, leaves: Sequence[int]) -> Report:
    """``base`` with every cell filled so that every relation holds.

    ``leaves`` seeds the cells (cycled); totals are then derived from the
    equations until a fixed point.
    """
    shape = shape_of(base)
    index = shape.index()
    v: list[CellValue] = [leaves[i % len(leaves)] for i in range(len(shape.paths))]
    equations = report_equations(base)

    def ix(paths: Sequence[tuple[str | int, ...]]) -> list[int]:
        return [index[p] for p in paths]

    def settle() -> None:
        for _ in range(10):
            changed = False
            for eq in equations:
                t, p = ix(eq.total), ix(eq.parts)
                parts = sum(v[i] for i in p)  # type: ignore[misc]
                if eq.kind == "equal" and len(t) == 1 and v[t[0]] != parts:
                    v[t[0]] = parts
                    changed = True
                elif eq.kind == "at_most" and v[p[0]] > v[t[0]]:  # type: ignore[operator]
                    v[p[0]] = v[t[0]]
                    changed = True
                elif eq.kind == "channels" and v[t[0]] > parts:  # type: ignore[operator]
                    v[t[0]] = parts
                    changed = True
            if not changed:
                return
        raise AssertionError("totals did not settle")

    settle()
    # Table 3's balance, 一 + 二 = （七） + 四: solve for 一 per applicant column
    # (the 总计 column then follows by row totals).
    for eq in equations:
        if len(eq.total) == 2 and eq.column != "total":
            new, over = ix(eq.total)
            rhs = sum(v[i] for i in ix(eq.parts))  # type: ignore[misc]
            v[over] = min(v[over], rhs)  # type: ignore[type-var]
            v[new] = rhs - v[over]  # type: ignore[operator]
    settle()
    # Money cells hold Decimals (the model refuses an int there, as the JSON does).
    v = [Decimal(x) if k == "money" else x for x, k in zip(v, shape.kinds, strict=True)]  # type: ignore[arg-type]
    report = shape.rebuild(base, v)
    assert not validate(report, rules=ARITHMETIC, blank="missing"), "builder is wrong"
    return report


KINDS = ("2021", "2021-single", "2019", "legacy:fujian-2011", "legacy:national-2016")
leaves_st = st.lists(st.integers(0, 500), min_size=1, max_size=40)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kind=st.sampled_from(KINDS), leaves=leaves_st, blank=st.sampled_from(["missing", "zero"]))
def test_consistent_report_has_no_error(kind: str, leaves: list[int], blank: str) -> None:
    report = make_consistent(_base(kind), leaves)
    findings = validate(report, blank=blank, rules=core_rules())  # type: ignore[arg-type]
    assert [f for f in findings if f.severity == "error"] == []
    assert [f for f in findings if f.rule in {r.id for r in ARITHMETIC}] == []


def _bump_each(report: Report, prefixes: tuple[str, ...]) -> list[tuple[str, Report]]:
    shape = shape_of(report)
    values = shape.flatten(report)
    out = []
    for i, path in enumerate(shape.paths):
        if path[0] not in prefixes:
            continue
        bumped = list(values)
        bumped[i] = values[i] + 1  # type: ignore[operator]
        out.append((json_path(path), shape.rebuild(report, bumped)))
    return out


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kind=st.sampled_from(("2021", "2021-single", "2019")), leaves=leaves_st)
def test_any_changed_cell_of_tables_3_and_4_is_an_error_involving_it(
    kind: str, leaves: list[int]
) -> None:
    report = make_consistent(_base(kind), leaves)
    cases = _bump_each(report, ("table3", "table4"))
    expected = {"2021": 175 + 15, "2021-single": 161 + 15, "2019": 161 + 15}[kind]
    assert len(cases) == expected
    for path, bumped in cases:
        for blank in ("missing", "zero"):
            errors = [
                f for f in validate(bumped, rules=ARITHMETIC, blank=blank) if f.severity == "error"
            ]
            assert any(path in f.involves for f in errors), (path, blank, errors)


@settings(max_examples=10, deadline=None)
@given(leaves=leaves_st)
def test_any_changed_cell_of_a_checked_legacy_template_is_an_error(leaves: list[int]) -> None:
    report = make_consistent(_base("legacy:fujian-2011"), leaves)
    cases = _bump_each(report, ("statistics",))
    # The sums; legacy.cumulative (历年累计 ≥ 本年度) ties every row's two
    # cells but is an inequality, which a bump of one need not break.
    involved = {
        json_path(p)
        for eq in report_equations(report)
        if eq.rule == "legacy.sum"
        for p in eq.involves
    }
    checked = [(p, r) for p, r in cases if p in involved]
    # Rows 1, 2, 3 and their 2 + 6 + 3 parts, in both columns.
    assert len(checked) == 2 * 14
    for path, bumped in checked:
        errors = [f for f in validate(bumped, rules=ARITHMETIC) if f.severity == "error"]
        assert any(path in f.involves for f in errors), path


@settings(max_examples=10, deadline=None)
@given(leaves=leaves_st)
def test_reconstructed_legacy_relations_warn_instead(leaves: list[int]) -> None:
    """national-2016: a changed cell of a sum the template marks partly checked or
    unchecked is a warning involving it, never an error; only the checked 其中 row
    can give an error."""
    report = make_consistent(_base("legacy:national-2016"), leaves)
    sums = {
        json_path(p)
        for eq in report_equations(report)
        if eq.rule == "legacy.sum"
        for p in eq.involves
    }
    assert sums
    for path, bumped in _bump_each(report, ("statistics",)):
        findings = validate(bumped, rules=ARITHMETIC)
        assert {f.rule for f in findings if f.severity == "error"} <= {"legacy.of-which"}
        if path in sums:
            assert any(path in f.involves and f.severity == "warning" for f in findings), path


@settings(max_examples=10, deadline=None)
@given(kind=st.sampled_from(KINDS), leaves=leaves_st, data=st.data())
def test_blank_cells_give_notices_under_missing_never_errors(
    kind: str, leaves: list[int], data: st.DataObject
) -> None:
    """Blanking cells of a consistent report: notices only (missing), nothing else changes."""
    report = make_consistent(_base(kind), leaves)
    shape = shape_of(report)
    values = list(shape.flatten(report))
    blanks = data.draw(st.sets(st.integers(0, len(values) - 1), max_size=20))
    for i in blanks:
        values[i] = None
    blanked = shape.rebuild(report, values)
    findings = validate(blanked, rules=ARITHMETIC, blank="missing")
    assert {f.severity for f in findings} <= {"notice"}
    assert all(f.message_id == "relation.not-checkable" for f in findings)


@settings(max_examples=10, deadline=None)
@given(kind=st.sampled_from(KINDS), leaves=leaves_st)
def test_findings_are_deterministic_and_sorted(kind: str, leaves: list[int]) -> None:
    report = make_consistent(_base(kind), leaves)
    shape = shape_of(report)
    values = list(shape.flatten(report))
    for i in range(0, len(values), 7):
        values[i] = values[i] + 3  # type: ignore[operator]
    broken = shape.rebuild(report, values)
    first = validate(broken, rules=core_rules())
    assert first == validate(broken, rules=core_rules())
    order = {p: i for i, p in enumerate(shape.json_paths)}
    positions = [order[f.path] for f in first if f.path in order]
    assert positions == sorted(positions)
