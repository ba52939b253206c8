"""Authoring helpers: a blank report to fill in, and totals derived on request.

Published totals are data.  A report read from the world keeps the totals it
printed (or left blank), so that validation can catch a total that is not the
sum of its parts; :mod:`govdisclosure.codec` never derives one.  People who
*write* a report, and test-data generators, want the opposite: enter the
leaf cells and let the library add them up.  That is :func:`complete_totals`,
an explicit step the caller chooses to take.

Which cells are totals is not listed here: it comes from
:func:`govdisclosure.relations.report_equations`, i.e. from the table
definitions (``role == "total"``) and, for legacy reports, from the
statistics template's ``sum`` relations.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any, Literal, TypeVar, overload

import attrs

from .cells import CellValue, NotApplicable, is_number
from .editions import EDITIONS, Report, edition_of
from .editions.e2019 import Report2019
from .editions.e2021 import Report2021
from .editions.legacy import ReportLegacy, StatisticsTable
from .errors import ArgumentError
from .flat import shape_of
from .i18n import N_
from .paths import Path
from .registry import find_template
from .relations import Equation, report_equations
from .report_base import Period, ReportingUnit, Section
from .templates import DEFAULT_TEMPLATE

__all__ = [
    "DEFAULT_TEMPLATE",
    "blank_report",
    "complete_totals",
    "fill_flat",
    "ordered_totals",
]

R = TypeVar("R", bound=Report)


@overload
def blank_report(
    edition: Literal["2021"],
    year: int,
    unit: ReportingUnit | str,
    template: None = None,
    *,
    with_headings: bool = False,
    with_rows: bool = False,
) -> Report2021: ...
@overload
def blank_report(
    edition: Literal["2019"],
    year: int,
    unit: ReportingUnit | str,
    template: None = None,
    *,
    with_headings: bool = False,
    with_rows: bool = False,
) -> Report2019: ...
@overload
def blank_report(
    edition: Literal["legacy"],
    year: int,
    unit: ReportingUnit | str,
    template: str | None = None,
    *,
    with_headings: bool = False,
    with_rows: bool = False,
) -> ReportLegacy: ...
@overload
def blank_report(
    edition: str,
    year: int,
    unit: ReportingUnit | str,
    template: str | None = None,
    *,
    with_headings: bool = False,
    with_rows: bool = False,
) -> Report: ...
def blank_report(
    edition: str,
    year: int,
    unit: ReportingUnit | str,
    template: str | None = None,
    *,
    with_headings: bool = False,
    with_rows: bool = False,
) -> Report:
    """A report of ``edition`` with every cell blank, ready to be filled in.

    ``unit`` may be a :class:`ReportingUnit` or just its name.  ``template``
    names the statistics template of a template-driven (pre-2019) report
    (default :data:`DEFAULT_TEMPLATE`); it must be known (built in or from a
    plugin).  ``with_headings=True`` adds the edition's section headings
    (:attr:`Edition.section_headings <govdisclosure.editions.base.Edition.section_headings>`)
    with no text, the skeleton an office writes into; by default the
    narrative is empty, so a blank report prints nothing its author did not
    write.  ``with_rows=True`` lists every value row of the template with
    blank cells, so the row codes to fill in are in the file (a fixed-table
    edition always has every cell).  ``govdisclosure new`` writes both.
    The statistics period is the calendar year, as the conventional opening
    states it (a report class built directly states none until told).
    """
    try:
        record = EDITIONS[edition]
    except KeyError:
        raise ArgumentError(
            "unknown-edition",
            N_("unknown edition {edition!r}; known: {known}"),
            {"edition": edition, "known": tuple(EDITIONS)},
        ) from None
    if isinstance(unit, str):
        unit = ReportingUnit(name=unit)
    # typed Any: the tuple converter on `sections` confuses the attrs mypy plugin
    sections: Any = (
        tuple(Section(heading=h) for h in record.section_headings) if with_headings else ()
    )
    if not record.template_driven:
        if template is not None:
            raise ArgumentError(
                "template-not-used",
                N_("edition {edition!r} has fixed tables; templates are for legacy reports"),
                {"edition": edition},
            )
        report: Report = record.report_class(
            unit=unit, year=year, period=Period.calendar_year(year), sections=sections
        )
        return report
    found = find_template(template or DEFAULT_TEMPLATE)  # raises UnknownTemplateError early
    rows: dict[str, dict[str, CellValue]] = (
        {row.code: {column.key: None for column in found.columns} for row in found.value_rows}
        if with_rows
        else {}
    )
    legacy: Report = record.report_class(
        unit=unit,
        year=year,
        period=Period.calendar_year(year),
        sections=sections,
        statistics=StatisticsTable(template=found.id, rows=rows),
    )
    return legacy


def complete_totals(report: R, *, overwrite: bool = False) -> R:
    """``report`` with its total cells derived from their parts.

    Uses every ``equal`` relation of :func:`~.relations.report_equations`
    whose total side is a single cell: row 总计 of table 3, （七）总计 column
    by column, the group totals of table 4, and a legacy template's ``sum``
    parents.  Inner totals are computed before the totals that add them up
    (a row's 总计 before （七）总计's 总计 column; 3.3.4 before 3.3), and the
    pass repeats until nothing changes.

    * A blank or not-applicable part reads as 0, but only when at least one
      part holds a number: a total of nothing but blanks stays blank, since
      inventing a 0 would print a figure nobody reported.
    * A total that holds a value — a number or a "/" mark — was published
      and is never changed, unless ``overwrite=True``.  Use ``overwrite`` to
      repair totals after editing parts.
    * The relations that have more than one cell on each side (table 3's
      一 + 二 = （七） + 四) say nothing about which cell to change, so they
      are left to the author and checked by validation.

    Parts of a consolidated report (``report.parts``) are completed too.
    Sums are exact (``int`` or ``Decimal``); a sum above
    :data:`~govdisclosure.cells.MAX_COUNT` is written as is and will be
    refused on loading, as any such count would.
    """
    equations = _single_total_equations(report_equations(report))
    parts = tuple(complete_totals(p, overwrite=overwrite) for p in report.parts)
    if edition_of(report).template_driven:
        completed: Any = _complete_legacy(report, equations, overwrite)  # type: ignore[arg-type]
    else:
        completed = _complete_typed(report, equations, overwrite)
    if parts != report.parts:
        completed = attrs.evolve(completed, parts=parts)
    result: R = completed
    return result


def _single_total_equations(equations: Iterable[Equation]) -> list[Equation]:
    """``equal`` equations with one total cell, inner totals first.

    A total that is a part of another equation must be computed first; a
    topological order does it in one pass, and :func:`_fill` repeats the
    pass to a fixed point in case a template declares something odd.
    """
    chosen = [eq for eq in equations if eq.kind == "equal" and len(eq.total) == 1]
    by_total: dict[Path, list[int]] = {}
    for i, eq in enumerate(chosen):
        by_total.setdefault(eq.total[0], []).append(i)
    order: list[int] = []
    state: dict[int, int] = {}  # 1 = visiting, 2 = done

    def visit(i: int) -> None:
        if state.get(i):
            return  # done, or a cycle: leave the cycle to the fixed-point loop
        state[i] = 1
        for part in chosen[i].parts:
            for j in by_total.get(part, ()):
                visit(j)
        state[i] = 2
        order.append(i)

    for i in range(len(chosen)):
        visit(i)
    return [chosen[i] for i in order]


def _fill(
    equations: list[Equation],
    get: Any,
    put: Any,
    overwrite: bool,
) -> None:
    """Write each equation's total from its parts, repeating to a fixed point."""
    fillable = {eq.total[0] for eq in equations if overwrite or get(eq.total[0]) is None}
    for _ in range(len(equations) + 1):
        changed = False
        for eq in equations:
            target = eq.total[0]
            if target not in fillable:
                continue
            values = [get(p) for p in eq.parts]
            numbers = [v for v in values if is_number(v)]
            if not numbers:
                continue
            total: int | Decimal = sum(numbers[1:], numbers[0])
            current = get(target)
            if current is None or isinstance(current, NotApplicable) or current != total:
                put(target, total)
                changed = True
        if not changed:
            return
    raise ValueError("the total relations of this report do not settle (a cycle?)")


def fill_flat(
    equations: list[Equation],
    values: list[CellValue],
    index: dict[Path, int],
    *,
    overwrite: bool = False,
) -> bool:
    """:func:`complete_totals` on a flat cell list (see :mod:`.flat`), in place.

    ``equations`` must come from :func:`ordered_totals`.  Returns whether any
    value changed.  Bulk code and the test-data strategies use this to avoid
    rebuilding objects between steps.
    """
    changed = False

    def get(path: Path) -> CellValue:
        return values[index[path]]

    def put(path: Path, value: CellValue) -> None:
        nonlocal changed
        values[index[path]] = value
        changed = True

    _fill(equations, get, put, overwrite)
    return changed


def ordered_totals(equations: Iterable[Equation]) -> list[Equation]:
    """The equations :func:`complete_totals` fills, inner totals first."""
    return _single_total_equations(equations)


def _complete_typed(report: Report, equations: list[Equation], overwrite: bool) -> Report:
    shape = shape_of(report)
    index = shape.index()
    values: list[CellValue] = list(shape.flatten(report))
    if not fill_flat(equations, values, index, overwrite=overwrite):
        return report
    rebuilt: Report = shape.rebuild(report, values)
    return rebuilt


def _complete_legacy(
    report: ReportLegacy, equations: list[Equation], overwrite: bool
) -> ReportLegacy:
    # Copy the rows, keeping their order; a total row the report did not
    # have is added after the rows it had.
    rows: dict[str, dict[str, CellValue]] = {
        code: dict(values) for code, values in report.statistics.rows.items()
    }
    changed = False

    def get(path: Path) -> CellValue:
        return rows.get(str(path[2]), {}).get(str(path[3]))

    def put(path: Path, value: CellValue) -> None:
        nonlocal changed
        rows.setdefault(str(path[2]), {})[str(path[3])] = value
        changed = True

    _fill(equations, get, put, overwrite)
    if not changed:
        return report
    table = attrs.evolve(report.statistics, rows=rows)
    return attrs.evolve(report, statistics=table)
