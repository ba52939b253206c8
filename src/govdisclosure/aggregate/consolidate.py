"""Consolidation: the reports of several units added up into one report.

A city's (全市) report is built from the reports of its offices, counties and
departments — the 玉溪 2017 report says so and lists the 22 applications
unit by unit.  :func:`consolidate` makes that report: every count and amount
is the exact sum of the inputs (blank and not-applicable cells combine by
the rule of :mod:`.combine`), the narrative is the consolidating unit's own
(or none: prose is not summed), and ``parts`` keeps the inputs without their
narrative, so the whole tree province ← cities ← counties stays available
for a per-unit :func:`~govdisclosure.aggregate.breakdown`.

Reports of one edition and year form a commutative monoid under
consolidation: the blank report is the identity, the order and the grouping
of the inputs do not change a number.  Whatever would break that — two
years, two editions, two statistics templates, two layouts of （六） that
cannot be reconciled, a unit counted twice (even once directly and once
inside a sub-consolidation) — raises :class:`ConsolidationError`, never a
sum.

Speed: each input is flattened once with the generated code of
:func:`govdisclosure.flat.shape_of`, the cells are summed column by column
with the built-in ``sum`` (exact for ``int`` and ``Decimal``), and the
tables are rebuilt once.  Flattening is what costs (see
``bench/consolidate_bench.py``).
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from typing import Any, TypeVar, cast

import attrs

from ..authoring import blank_report
from ..cells import CellValue, NotApplicable, is_number
from ..editions import EDITIONS, Report, is_template_driven
from ..editions.legacy import ReportLegacy
from ..flat import Shape, shape_of
from ..i18n import N_
from ..introspect import cell_kind, printed_fields, table_fields
from ..paths import Path
from ..registry import tables_of
from ..report_base import Period, ReportBase, ReportingUnit, Section, UnitKind
from .combine import sum_columns
from .errors import ConsolidationError
from .layout import choose_shape, values_in
from .tree import UnitKey, leaves, strip_narrative

__all__ = ["check_compatible", "consolidate", "partly_blank_paths"]

R = TypeVar("R", bound=Report)


def consolidate(
    reports: Iterable[R],
    unit: ReportingUnit | str | None = None,
    *,
    kind: UnitKind | str | None = None,
    narrative: Report | Sequence[Section] | None = None,
    edition: str | None = None,
    year: int | None = None,
    template: str | None = None,
    fold_other_handling: bool = False,
) -> R:
    """The report of ``unit`` that adds up ``reports``.

    * ``unit``: the consolidating unit, a :class:`ReportingUnit` or a name
      (then ``kind`` says government or department; government by default).
      Left out, it is the ``narrative`` report's unit, or else the
      ``parent`` every input names; with neither, it is an error.
    * ``narrative``: the consolidating unit's own text.  A report (for
      instance the unit's draft) gives its preamble, sections, title, dates,
      signatories and period; a list of :class:`Section` gives just the
      sections.  Without it the result has no narrative at all: the units'
      prose is not summed.
    * ``edition``, ``year``, ``template`` (legacy statistics template):
      needed only for an empty ``reports``, whose result is the blank
      report — the identity of consolidation; given with inputs, they must
      agree with them.
    * ``fold_other_handling``: allow 2021 reports that print （六）其他处理
      as three sub-rows to be added to reports that print it as one row, by
      folding the sub-rows.  Off by default: folding discards a split the
      office printed.  A （六） left entirely blank fits either layout.

    The result's ``parts`` are the inputs without their narrative
    (:func:`~.tree.strip_narrative`), in the order given.  Raises
    :class:`ConsolidationError` for inputs that cannot be added up.
    """
    inputs = list(reports)
    if not inputs:
        target_unit = _resolve_unit(inputs, unit, kind, narrative)
        return cast(R, _identity(target_unit, narrative, edition, year, template))
    if isinstance(narrative, ReportBase):
        # The unit's own text must be about the same year, in the same format.
        _check_editions_and_years([inputs[0], narrative], edition, year)
    check_compatible(inputs, edition=edition, year=year, template=template)
    target_unit = _resolve_unit(inputs, unit, kind, narrative)
    shapes = [shape_of(r) for r in inputs]
    values, shape = _sum(inputs, fold_other_handling, shapes)
    base = next(r for r, s in zip(inputs, shapes, strict=True) if s is shape)
    rebuilt = _with_data(shape.rebuild(base, values), _table_data(inputs))
    parts: Any = tuple(
        r if not (r.sections or r.preamble or r.parts) else strip_narrative(r) for r in inputs
    )
    return cast(
        R,
        attrs.evolve(rebuilt, **_identity_fields(target_unit, inputs, narrative), parts=parts),
    )


def _sum(
    reports: Sequence[Report], fold: bool, shapes: Sequence[Shape] | None = None
) -> tuple[list[CellValue], Shape]:
    if shapes is None:
        shapes = [shape_of(r) for r in reports]
    shape = choose_shape(reports, fold=fold, shapes_of=shapes)
    flatten = shape.flatten
    # Bulk flattening allocates a tuple per report and nothing cyclic; a
    # collection pass over 100,000 reports mid-way is pure cost.
    enabled = gc.isenabled()
    gc.disable()
    try:
        rows = [
            flatten(r) if s is shape else values_in(r, shape, fold=fold)
            for r, s in zip(reports, shapes, strict=True)
        ]
        return sum_columns(rows, shape.paths), shape
    finally:
        if enabled:
            gc.enable()


def check_compatible(
    reports: Sequence[Report],
    *,
    edition: str | None = None,
    year: int | None = None,
    template: str | None = None,
) -> None:
    """Raise :class:`ConsolidationError` unless ``reports`` can be added up.

    Same edition, same year, same statistics template (legacy), the same
    non-cell table data (the 2019 format's unit of 采购总金额), and no unit
    twice among the leaves of all their trees.  The table layout is checked
    when the cells are read (:func:`~.layout.choose_shape`).
    """
    _check_editions_and_years(reports, edition, year)
    if {r.edition for r in reports} == {"legacy"}:
        templates = sorted(
            {cast(ReportLegacy, r).statistics.template for r in reports}
            | ({template} if template else set())
        )
        if len(templates) > 1:
            raise ConsolidationError(
                "templates",
                N_(
                    "Legacy reports can be added up only when they use the same statistics "
                    "template; these use {templates}"
                ),
                {"templates": tuple(templates)},
            )
    _table_data(reports)
    _check_duplicates(reports)


def _check_editions_and_years(
    reports: Sequence[Report], edition: str | None, year: int | None
) -> None:
    editions = sorted({r.edition for r in reports} | ({edition} if edition else set()))
    if len(editions) > 1:
        raise ConsolidationError(
            "editions",
            N_("Reports of different editions cannot be added up: {editions}"),
            {"editions": tuple(editions)},
        )
    years = sorted({r.year for r in reports} | ({year} if year is not None else set()))
    if len(years) > 1:
        raise ConsolidationError(
            "years",
            N_("Reports of different years cannot be added up: {years}"),
            {"years": tuple(map(str, years))},
        )


def _check_duplicates(reports: Sequence[Report]) -> None:
    """Raise when a unit occurs twice among the leaves: one pass, a dict lookup per unit."""
    holders: dict[UnitKey, list[str]] = {}
    twice = False
    for r in reports:
        for u in (r.unit,) if not r.parts else (leaf.unit for leaf in leaves(r)):
            # An input that is a partial sum of a distributed run (its unit
            # name starts with NUL) is named by the unit it holds.
            holder = r.unit.name if not r.unit.name.startswith("\0") else u.name
            found = holders.get(u.key)
            if found is None:
                holders[u.key] = [holder]
            else:
                found.append(holder)
                twice = True
    if twice:
        raise duplicate_error({k: v for k, v in holders.items() if len(v) > 1})


#: Units listed by name in a duplicate-unit message; the rest are counted.
SHOWN = 20


def duplicate_error(twice: dict[UnitKey, list[str]]) -> ConsolidationError:
    """The error naming units counted more than once, with the inputs holding each.

    The first :data:`SHOWN` units (in order) are named; the others are
    counted, so that two copies of a province give a readable message, not
    one of half a megabyte.
    """
    keys = sorted(twice)
    entries = []
    for key in keys[:SHOWN]:
        name, code = key
        label = name if code is None else f"{name} [{code}]"
        holders = twice[key]
        shown = ", ".join(holders[:SHOWN]) + (" …" if len(holders) > SHOWN else "")
        entries.append(f"{label} ← {shown}")
    if len(keys) > SHOWN:
        entries.append(f"… (+{len(keys) - SHOWN})")
    return ConsolidationError(
        "duplicate-unit",
        N_(
            "Units would be counted more than once; each is shown with the inputs that "
            "contain it: {units}"
        ),
        {"units": "; ".join(entries)},
    )


def _data_paths(cls: type[Report]) -> tuple[Path, ...]:
    return _data_paths_of(cast(Any, cls))


@cache
def _data_paths_of(cls: Any) -> tuple[Path, ...]:
    """Paths of the printed text inside the tables of a report class that
    is not a cell (``amount_unit`` of the 2019 format's 政府集中采购),
    derived from the definitions (:func:`govdisclosure.fields.printed`).

    Only a printed *unit* says in what terms the figures are; a printed sign
    or misprinted label is how one report looked, so a consolidated report,
    which no one printed, starts without them."""
    if EDITIONS[cls.edition].template_driven:
        return ()
    blank = cls(unit=ReportingUnit(name=""), year=2000)
    return tuple(path for path, p in printed_fields(tables_of(blank)) if p.what == "unit")


def _get(obj: object, path: Path) -> object:
    for name in path:
        obj = getattr(obj, str(name))
    return obj


def _table_data(reports: Sequence[Report]) -> dict[Path, object]:
    """The non-cell table data of ``reports`` (the 2019 format's unit of
    采购总金额), which must agree among the reports that have a figure
    beside it; raises :class:`ConsolidationError` when it does not.

    A report whose cells beside the data are all blank or "/" says nothing
    in those terms, so its data does not count — which keeps the blank
    report the identity.
    """
    out: dict[Path, object] = {}
    for path in _data_paths(type(reports[0])):
        row_cells = _row_cells(type(reports[0]), path)
        values = {
            repr(_get(r, path)): _get(r, path)
            for r in reports
            if any(is_number(_get(r, cell)) for cell in row_cells)
        }
        if len(values) > 1:
            raise ConsolidationError(
                "table-data",
                N_(
                    "The reports differ in {path} ({values}); their figures are not in the "
                    "same terms and cannot be added up"
                ),
                {"path": ".".join(map(str, path)), "values": ", ".join(sorted(values))},
            )
        out[path] = next(iter(values.values())) if values else _get(reports[0], path)
    return out


def _row_cells(cls: type[Report], path: Path) -> tuple[Path, ...]:
    """The cells of the row object that holds the data at ``path``."""
    row: Any = _get(cls(unit=ReportingUnit(name=""), year=2000), path[:-1])  # type: ignore[call-arg]
    return tuple(
        (*path[:-1], f.name) for f, _, tp in table_fields(type(row)) if cell_kind(tp) is not None
    )


def _with_data(report: R, data: dict[Path, object]) -> R:
    """``report`` with the table data set (nested evolve along each path)."""
    for path, value in data.items():
        if _get(report, path) != value:
            report = cast(R, _evolve_at(report, path, value))
    return report


def _evolve_at(obj: Any, path: Path, value: object) -> Any:
    name = str(path[0])
    if len(path) == 1:
        return attrs.evolve(obj, **{name: value})
    return attrs.evolve(obj, **{name: _evolve_at(getattr(obj, name), path[1:], value)})


def _resolve_unit(
    inputs: Sequence[Report],
    unit: ReportingUnit | str | None,
    kind: UnitKind | str | None,
    narrative: Report | Sequence[Section] | None,
) -> ReportingUnit:
    the_kind = UnitKind(kind) if kind is not None else None
    if isinstance(unit, ReportingUnit):
        return unit if the_kind is None else attrs.evolve(unit, kind=the_kind)
    if isinstance(unit, str):
        return ReportingUnit(name=unit, kind=the_kind or UnitKind.GOVERNMENT)
    if isinstance(narrative, ReportBase):
        found = narrative.unit
        return found if the_kind is None else attrs.evolve(found, kind=the_kind)
    if not inputs:
        raise ConsolidationError(
            "empty",
            N_(
                "Nothing to consolidate: an empty list gives the blank report of a unit, "
                "so name the unit, the edition and the year"
            ),
        )
    parents = {r.unit.parent for r in inputs}
    if len(parents) == 1 and None not in parents:
        return ReportingUnit(name=cast(str, parents.pop()), kind=the_kind or UnitKind.GOVERNMENT)
    raise ConsolidationError(
        "no-unit",
        N_(
            "Name the consolidating unit: the reports do not all name the same parent unit "
            "({parents})"
        ),
        {"parents": ", ".join(sorted(str(p) for p in parents))},
    )


def _identity(
    unit: ReportingUnit,
    narrative: Report | Sequence[Section] | None,
    edition: str | None,
    year: int | None,
    template: str | None,
) -> Report:
    """The blank report of ``unit``: consolidating nothing."""
    if isinstance(narrative, ReportBase):
        edition = edition or narrative.edition
        year = narrative.year if year is None else year
        if template is None and is_template_driven(narrative):
            template = narrative.statistics.template
        check_compatible([narrative], edition=edition, year=year, template=template)
    if edition is None or year is None:
        raise ConsolidationError(
            "empty",
            N_(
                "Nothing to consolidate: an empty list gives the blank report of a unit, "
                "so name the unit, the edition and the year"
            ),
        )
    blank = blank_report(
        edition, year, unit, template if EDITIONS[edition].template_driven else None
    )
    return attrs.evolve(blank, **_identity_fields(unit, [blank], narrative))


def _identity_fields(
    unit: ReportingUnit, inputs: Sequence[Report], narrative: Report | Sequence[Section] | None
) -> dict[str, Any]:
    """Every field of :class:`ReportBase` but ``year``: from the narrative
    report when there is one, else blank; the period the inputs share."""
    if isinstance(narrative, ReportBase):
        source: Any = narrative
    else:
        source = ReportBase(unit=unit, year=inputs[0].year if inputs else 2000)
    out = {f.name: getattr(source, f.name) for f in attrs.fields(ReportBase) if f.name != "year"}
    out["unit"] = unit
    if not isinstance(narrative, ReportBase):
        if inputs:
            first = inputs[0].period
            same = all(r.period is first or r.period == first for r in inputs)
            out["period"] = first if same else Period.calendar_year(inputs[0].year)
        if narrative is not None:
            out["sections"] = tuple(narrative)
    return out


# -- provenance ----------------------------------------------------------------------


def partly_blank_paths(report: Report, *, deep: bool = True) -> tuple[Path, ...]:
    """Cells whose figure absorbed a blank or a "/" of some contributing report.

    ``blank + 3 = 3`` is the rule, and a reader should know that the 3 is
    incomplete.  That is not stored as a flag: it is read off the reports
    the result was built from — the leaves of its tree (``deep``, the
    default: a county's blank stays visible through its city), or only the
    direct ``parts``.  Paths are in table order; a report without parts has
    none.
    """
    if not report.parts:
        return ()
    shape = shape_of(report)
    own = shape.flatten(report)
    contributors: list[Report] = list(leaves(report)) if deep else list(report.parts)
    rows = [values_in(r, shape, fold=True) for r in contributors]
    return tuple(
        path
        for i, path in enumerate(shape.paths)
        if is_number(own[i]) and any(_not_number(row[i]) for row in rows)
    )


def _not_number(value: CellValue) -> bool:
    return value is None or isinstance(value, NotApplicable)


def iter_contributors(report: Report, *, deep: bool = False) -> Iterator[Report]:
    """The direct parts, or (``deep``) the leaves of the tree."""
    if deep:
        yield from leaves(report)
    else:
        yield from report.parts
