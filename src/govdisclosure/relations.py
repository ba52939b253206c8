"""The arithmetic relations of a report, derived from its table definitions.

Nothing here lists cells by hand.  Three sources produce every equation:

* a field whose :class:`~govdisclosure.fields.Spec` has ``role == "total"``
  equals the sum of its siblings — for a cell, the sibling cells (总计 of a
  table-3 row, 总计 of a table-4 group); for a row, column by column, every
  leaf row under its siblings (（七）总计);
* a table class's ``balances`` (table 3's printed 勾稽关系);
* for legacy reports, the statistics template's ``parent``/``relation``,
  and its column roles: a running-total column (``cumulative``, 历年累计)
  is at least the year's column in every row.

Each :class:`Equation` names every cell it involves, so the validator can
point at them and the authoring helpers can fill totals in.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Literal

from attrs import frozen

from .editions import is_template_driven
from .editions.legacy import StatisticsTemplate
from .introspect import cell_kind, is_row_class, table_fields
from .paths import Path

if TYPE_CHECKING:
    from .editions import Report

__all__ = ["Basis", "Equation", "EquationKind", "legacy_equations", "table_equations"]

Basis = Literal["official", "structural", "practitioner", "heuristic"]
EquationKind = Literal["equal", "at_most", "channels"]


@frozen
class Equation:
    """``Σ total == Σ parts`` (``equal``), ``total ≥ part`` (``at_most``), or
    ``Σ parts`` compared with ``total`` where inequality is allowed
    (``channels``: one item on several channels counts once).

    ``rule`` is the stable rule id, e.g. ``table3.balance``; ``column`` the
    column the equation is about, when it runs per column.
    """

    rule: str
    kind: EquationKind
    total: tuple[Path, ...]
    parts: tuple[Path, ...]
    basis: Basis
    column: str | None = None

    @property
    def involves(self) -> tuple[Path, ...]:
        return self.total + self.parts


def _leaf_rows(obj: object, prefix: Path) -> Iterator[tuple[Path, object]]:
    """Every row under ``obj`` (obj itself if it is a row)."""
    if is_row_class(type(obj)):
        yield prefix, obj
        return
    for f, _, _ in table_fields(type(obj)):
        yield from _leaf_rows(getattr(obj, f.name), (*prefix, f.name))


def _row_columns(row: object) -> tuple[str, ...]:
    return tuple(f.name for f, _, _ in table_fields(type(row)))


def table_equations(table: object, prefix: Path) -> Iterator[Equation]:
    """Equations of one table instance (union fields follow the instance)."""
    table_key = str(prefix[0]) if prefix else "table"
    yield from _totals(table, prefix, table_key)
    for balance in getattr(type(table), "balances", ()):

        def resolve(dotted: str) -> tuple[Path, object]:
            obj: Any = table
            for name in dotted.split("."):
                obj = getattr(obj, name)
            return (*prefix, *dotted.split(".")), obj

        lhs = [resolve(p) for p in balance.lhs]
        rhs = [resolve(p) for p in balance.rhs]
        for column in _row_columns(lhs[0][1]):
            yield Equation(
                f"{table_key}.{balance.rule}",
                "equal",
                tuple((*p, column) for p, _ in lhs),
                tuple((*p, column) for p, _ in rhs),
                "official",
                column,
            )


def _totals(obj: object, prefix: Path, table_key: str) -> Iterator[Equation]:
    fields = table_fields(type(obj))
    for f, spec, tp in fields:
        value = getattr(obj, f.name)
        if cell_kind(tp) is None:
            yield from _totals(value, (*prefix, f.name), table_key)
        if spec.role != "total":
            continue
        rule = f"{table_key}.{spec.rule or 'total'}"
        siblings = [(g.name, t) for g, s, t in fields if g.name != f.name and s.role != "total"]
        if cell_kind(tp) is not None:
            yield Equation(
                rule,
                "equal",
                ((*prefix, f.name),),
                tuple((*prefix, name) for name, _ in siblings),
                "structural",
            )
            continue
        leaves = [
            leaf for name, _ in siblings for leaf in _leaf_rows(getattr(obj, name), (*prefix, name))
        ]
        for column in _row_columns(value):
            yield Equation(
                rule,
                "equal",
                ((*prefix, f.name, column),),
                tuple((*p, column) for p, _ in leaves),
                "structural",
                column,
            )


def legacy_equations(template: StatisticsTemplate) -> Iterator[Equation]:
    """Equations of a statistics template, per value column.

    Paths are ``("statistics", "rows", code, column)``.
    """
    basis_of: dict[str, Basis] = {
        "checked": "structural",
        "partly": "practitioner",
        "unchecked": "heuristic",
    }
    for column in template.columns:

        def path(code: str, key: str = column.key) -> Path:
            return ("statistics", "rows", code, key)

        for parent in template.rows:
            children = [r for r in template.rows if r.parent == parent.code]
            summands = [r for r in children if r.relation == "sum"]
            if summands:
                worst = min(
                    (parent, *summands),
                    key=lambda r: ("unchecked", "partly", "checked").index(r.status),
                )
                yield Equation(
                    "legacy.sum",
                    "equal",
                    (path(parent.code),),
                    tuple(path(r.code) for r in summands),
                    basis_of[worst.status],
                    column.key,
                )
            for child in children:
                if child.relation in ("of_which", "channel"):
                    yield Equation(
                        "legacy.of-which" if child.relation == "of_which" else "legacy.channel",
                        "at_most",
                        (path(parent.code),),
                        (path(child.code),),
                        basis_of[child.status],
                        column.key,
                    )
            channels = [r for r in children if r.relation == "channel"]
            if channels:
                yield Equation(
                    "legacy.channels",
                    "channels",
                    (path(parent.code),),
                    tuple(path(r.code) for r in channels),
                    "heuristic",
                    column.key,
                )
    # A running total since the first year (历年累计) includes this year's
    # figure, so in every row it is at least the year's column.  The roles
    # come from the template's columns, not from their keys.
    yearly = [c for c in template.columns if not c.cumulative]
    if yearly:
        this_year = yearly[0]
        for column in template.columns:
            if not column.cumulative:
                continue
            for row in template.value_rows:
                yield Equation(
                    "legacy.cumulative",
                    "at_most",
                    (("statistics", "rows", row.code, column.key),),
                    (("statistics", "rows", row.code, this_year.key),),
                    "structural",
                    column.key,
                )


def report_equations(report: Report) -> tuple[Equation, ...]:
    """Every arithmetic relation of ``report``'s own tables."""
    from .registry import tables_of, template_of

    if is_template_driven(report):
        return tuple(legacy_equations(template_of(report)))
    return tuple(eq for key, table in tables_of(report) for eq in table_equations(table, (key,)))
