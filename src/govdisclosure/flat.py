"""Reports as flat tuples of cells, and back: the fast path for bulk work.

Turning objects into numbers is the real cost of validating or summing
100,000 reports (engineering notes: a generic attrs walk is ~15× slower than
summing stacked numbers).  For each *shape* — an edition's report class plus
the layout its union fields take (（六） as one row or three), or a legacy
template — we generate, once, straight-line code that reads every cell into
a tuple and code that rebuilds the tables from such a tuple.  Cell order is
:func:`~govdisclosure.introspect.iter_cells` order, and :attr:`Shape.paths`
names each position.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

import attrs
from attrs import frozen

from .cells import CellValue
from .codegen import compile_source
from .editions import EDITIONS, Edition, Report, edition_of, is_template_driven
from .editions.legacy import StatisticsTemplate
from .introspect import CellKind, cell_kind, iter_cells, table_fields
from .memo import IdentityMemo
from .paths import Path, json_path
from .registry import known_template_ids, template_of

__all__ = ["Shape", "cells_by_path", "filled_cells", "layout_tests", "shape_of"]


@frozen(eq=False)
class Shape:
    """The cell layout shared by every report of one edition and layout.

    ``key`` identifies the shape; two reports can be summed cell by cell
    exactly when their shapes have the same key.
    """

    key: tuple[Any, ...]
    paths: tuple[Path, ...]
    kinds: tuple[CellKind, ...]
    flatten: Callable[[Report], tuple[CellValue, ...]]
    #: ``rebuild(report, values)`` → ``report`` with its tables replaced by
    #: ``values`` (narrative and identity untouched).
    rebuild: Callable[[Report, Sequence[CellValue]], Report]
    #: Positions of cells in rows the table as printed left out (a legacy
    #: table held through a derived template): never read as zero.
    not_printed: frozenset[int] = frozenset()

    @property
    def json_paths(self) -> tuple[str, ...]:
        return tuple(json_path(p) for p in self.paths)

    def index(self) -> dict[Path, int]:
        return {p: i for i, p in enumerate(self.paths)}


def shape_of(report: Report) -> Shape:
    """The :class:`Shape` of a report (cached per shape).

    The key is ``(edition id, variant id or None)`` for a fixed-table
    edition and ``(edition id, template id)`` for a template-driven one.

    The last report asked about is remembered with its shape (a report is
    immutable): validating one report asks for its shape a dozen times.
    Otherwise the report's class leads to its edition's :func:`_picker`.
    """
    global _last
    last = _last
    if last[0] is report:
        return last[1]
    pick = _PICKERS.get(type(report))
    if pick is None:
        pick = _PICKERS[type(report)] = _picker(edition_of(report))
    shape = pick(report)
    _last = (report, shape)
    return shape


def cells_by_path(report: Report) -> dict[Path, CellValue]:
    """Every cell of the report's tables, keyed by its path, in
    :func:`~govdisclosure.introspect.iter_cells` order.

    The one way to compare two reports' figures cell by cell (an import
    against the report it should give, a rendering read back, this year
    against last): the keys are the paths the findings and the provenance
    name (``("table3", "granted", "natural_person")``), and a pre-2019
    table's keys run over every value row of its template
    (``("statistics", "rows", code, column)``), so a row the report leaves
    out reads as blank (None) rather than being absent.
    """
    shape = shape_of(report)
    return dict(zip(shape.paths, shape.flatten(report), strict=True))


def filled_cells(report: Report) -> int:
    """How many cells of the report's tables hold a value (a figure or "/",
    not applicable): what an import that gives no trace of its cells read."""
    return sum(1 for value in shape_of(report).flatten(report) if value is not None)


#: The last report :func:`shape_of` was asked about, and its shape.
_last: tuple[object, Shape] = (object(), None)  # type: ignore[assignment]

#: The shape picker of each report class (:func:`_picker`).
_PICKERS: dict[type, Callable[[Report], Shape]] = {}


def layout_tests(edition: Edition) -> tuple[tuple[Callable[[object], bool], str], ...]:
    """``(test, variant id)`` of each layout variant of a fixed-table edition,
    in the order :func:`shape_of` tries them: a report has the layout of the
    first whose test it passes, the official layout when none.  (Code
    specialised per report class, as the arithmetic screen, picks the
    layout the same way.)"""
    return tuple((variant.test(), variant.id) for variant in edition.variants)


def _picker(edition: Edition) -> Callable[[Report], Shape]:
    """``pick(report)`` → the shape of a report of ``edition``.

    Made once per report class, so that a report of a fixed-table edition
    costs one test per layout variant (:meth:`Variant.test`) and no lookup
    of its edition; each shape is still built on first use.
    """
    if edition.template_driven:
        return lambda report: _template_shape(template_of(report))  # type: ignore[arg-type]
    tests = layout_tests(edition)
    #: The shapes picked so far, by variant id (None: the official layout),
    #: kept here so that a pick costs its tests and one lookup by a string.
    picked: dict[str | None, Shape] = {}

    def pick(report: Report) -> Shape:
        variant: str | None = None
        for test, vid in tests:
            if test(report):
                variant = vid
                break
        shape = picked.get(variant)
        if shape is None:
            shape = picked[variant] = _typed_shape(edition.id, variant)
        return shape

    return pick


#: Shapes of templates by the template object (a template's hash and
#: equality walk all its rows: a shipped template is one object, looked up
#: by identity first).  Bounded, since derived templates come one per report.
_BY_TEMPLATE: IdentityMemo[StatisticsTemplate, Shape] = IdentityMemo(1024)


def _template_shape(template: StatisticsTemplate) -> Shape:
    known = _BY_TEMPLATE.get(template)
    if known is not None:
        return known
    return _BY_TEMPLATE.put(template, _legacy_shape(template))


@cache
def _typed_shape(edition_id: str, variant_id: str | None) -> Shape:
    edition = EDITIONS[edition_id]
    blank = edition.report_class(unit=_unit(), year=2000)
    if variant_id is not None:
        blank = edition.variant(variant_id).apply(blank)
    table_keys = edition.table_keys
    key = (edition_id, variant_id)
    paths: list[Path] = []
    kinds: list[CellKind] = []
    for table_key in table_keys:
        for path, kind, _, _ in iter_cells(getattr(blank, table_key), (table_key,)):
            paths.append(path)
            kinds.append(kind)
    flat_src = _flatten_source(paths)
    counter = iter(range(len(paths)))
    ctors: dict[str, Any] = {}

    def build(obj: Any, expr: str) -> str:
        cls_: Any = type(obj)
        name = f"C{len(ctors)}"
        ctors[name] = cls_
        args = []
        table_names = set()
        for f, _, tp in table_fields(cls_):
            table_names.add(f.name)
            if cell_kind(tp) is not None:
                args.append(f"{f.name}=v[{next(counter)}]")
            else:
                args.append(f"{f.name}=" + build(getattr(obj, f.name), f"{expr}.{f.name}"))
        for f in attrs.fields(cls_):
            if f.name not in table_names:
                args.append(f"{f.name}={expr}.{f.name}")  # non-cell data, e.g. amount_unit
        return f"{name}(" + ", ".join(args) + ")"

    tables = ", ".join(f"{k}=" + build(getattr(blank, k), f"r.{k}") for k in table_keys)
    rebuild_src = f"def rebuild(r, v):\n    return evolve(r, {tables})\n"
    namespace: dict[str, Any] = {"evolve": attrs.evolve, **ctors}
    compile_source(flat_src + rebuild_src, namespace, what=f"flat layout of {key}")
    return Shape(key, tuple(paths), tuple(kinds), namespace["flatten"], namespace["rebuild"])


def _flatten_source(paths: Sequence[Path]) -> str:
    """``def flatten(r)`` reading each shared prefix once.

    ``r.table3.results.not_disclosed`` is bound to a local before its eight
    rows are read, instead of walking the whole chain for each of their 56
    cells: about 1.5× faster than one full attribute chain per cell.
    """
    names: dict[Path, str] = {(): "r"}
    lines = ["def flatten(r):"]

    def local(prefix: Path) -> str:
        name = names.get(prefix)
        if name is None:
            parent = local(prefix[:-1])
            name = names[prefix] = f"o{len(names)}"
            lines.append(f"    {name} = {parent}.{prefix[-1]}")
        return name

    cells = [f"{local(p[:-1])}.{p[-1]}" for p in paths]
    lines.append("    return (" + "".join(c + ", " for c in cells) + ")")
    return "\n".join(lines) + "\n"


@cache
def _legacy_shape(template: StatisticsTemplate) -> Shape:
    cells = [
        (row.code, column.key, "money" if row.is_money else "count")
        for row in template.value_rows
        for column in template.columns
    ]
    paths: tuple[Path, ...] = tuple(("statistics", "rows", c, k) for c, k, _ in cells)
    kinds: tuple[CellKind, ...] = tuple(k for _, _, k in cells)  # type: ignore[misc]

    # A derived template comes with one report (its table as printed): the
    # closure, not generated code that would cost more to compile (~0.1 ms)
    # than it saves on that report.
    carried = None if template.id in known_template_ids() else template
    if carried is None:
        flatten = _legacy_flatten([(code, key) for code, key, _ in cells], template.id)
    else:

        def flatten(report: Report) -> tuple[CellValue, ...]:
            rows = report.statistics.rows  # type: ignore[union-attr]
            return tuple(rows.get(code, {}).get(key) for code, key, _ in cells)

    def rebuild(report: Report, values: Sequence[CellValue]) -> Report:
        rows: dict[str, dict[str, CellValue]] = {}
        for (code, key, _), value in zip(cells, values, strict=True):
            if value is not None:
                rows.setdefault(code, {})[key] = value
        assert is_template_driven(report)
        table = attrs.evolve(report.statistics, template=template.id, derived=carried, rows=rows)
        return attrs.evolve(report, statistics=table)

    # A derived template is known by its content: two tables derived alike
    # share a shape, and an id cannot stand for two different tables.
    key: tuple[Any, ...] = ("legacy", template.id)
    if carried is not None:
        key = (*key, template)
    absent = frozenset(i for i, (code, _, _) in enumerate(cells) if code in template.not_printed)
    return Shape(key, paths, kinds, flatten, rebuild, absent)


def _legacy_flatten(
    cells: Sequence[tuple[str, str]], template_id: str
) -> Callable[[Report], tuple[CellValue, ...]]:
    """``flatten(report)`` of a template's cells ``(row code, column key)``:
    each row's dict looked up once, then straight-line reads of its cells
    (``rows.get(code, {}).get(key)`` for each cell, generated)."""
    rows: dict[str, str] = {}
    lines = ["def flatten(r):", "    rows = r.statistics.rows"]
    for code, _ in cells:
        if code not in rows:
            rows[code] = f"g{len(rows)}"
            lines.append(f"    {rows[code]} = rows.get({code!r}, EMPTY)")
    reads = "".join(f"{rows[code]}.get({key!r}), " for code, key in cells)
    lines.append(f"    return ({reads})")
    # EMPTY is only read from: a row the report does not hold reads as blank.
    namespace: dict[str, Any] = {"EMPTY": {}}
    compile_source(lines, namespace, what=f"flat layout of template {template_id}")
    flatten: Callable[[Report], tuple[CellValue, ...]] = namespace["flatten"]
    return flatten


def _unit() -> Any:
    from .report_base import ReportingUnit

    return ReportingUnit(name="")
