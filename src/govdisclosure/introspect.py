"""Introspection of the table definitions: rows, columns, labels, cells.

Renderers, validators, the schema generator and aggregation all ask these
functions what a table looks like instead of keeping their own lists.  A
*row class* is an attrs class whose table fields are all cells (e.g.
:class:`~govdisclosure.editions.applications.ApplicantRow`); a *group* holds
rows or groups (（三）不予公开); a cell field placed directly in a table is a
row with one column (table 2, blocks B–D of the 2021 format).
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterable, Iterator
from typing import Any, Union

import attrs
from attrs import frozen

from .cells import CELL_KINDS, CellKind
from .fields import Spec, get_spec, printed_choices

__all__ = [
    "CellKind",
    "ColumnInfo",
    "RowInfo",
    "TableInfo",
    "attrs_classes_in",
    "cell_kind",
    "field_types",
    "is_row_class",
    "iter_cells",
    "printed_fields",
    "table_fields",
    "table_info",
]


def cell_kind(tp: Any) -> CellKind | None:
    """The kind of a cell type alias (``Count`` …), or ``None``."""
    meta = getattr(tp, "__metadata__", None)
    if meta and meta[0] in CELL_KINDS:
        return typing.cast(CellKind, meta[0])
    return None


def attrs_classes_in(tp: Any) -> tuple[type, ...]:
    """The attrs classes a field type names (one, or the members of a union)."""
    if isinstance(tp, type) and attrs.has(tp):
        return (tp,)
    origin = typing.get_origin(tp)
    if origin is Union or origin is types.UnionType:
        return tuple(a for a in typing.get_args(tp) if isinstance(a, type) and attrs.has(a))
    return ()


TableField = tuple["attrs.Attribute[Any]", Spec, Any]
_FIELDS: dict[type, tuple[TableField, ...]] = {}
_ROW_CLASS: dict[type, bool] = {}


def field_types(cls: type) -> dict[str, Any]:
    """Resolved annotations of an attrs class (handles ``from __future__``)."""
    return typing.get_type_hints(cls, include_extras=True)


def table_fields(cls: type) -> tuple[TableField, ...]:
    """The fields of ``cls`` that carry a :class:`Spec`, with their types (cached)."""
    cached = _FIELDS.get(cls)
    if cached is None:
        hints = field_types(cls)
        out = []
        for f in attrs.fields(cls):
            spec = get_spec(f)
            if spec is not None:
                out.append((f, spec, hints[f.name]))
        cached = _FIELDS[cls] = tuple(out)
    return cached


def is_row_class(cls: type) -> bool:
    """True when every table field of ``cls`` is a cell (cached)."""
    cached = _ROW_CLASS.get(cls)
    if cached is None:
        fields = table_fields(cls)
        cached = _ROW_CLASS[cls] = bool(fields) and all(
            cell_kind(tp) is not None for _, _, tp in fields
        )
    return cached


def iter_cells(
    obj: object, prefix: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], CellKind, tuple[Spec, ...], Any]]:
    """Every cell under ``obj`` in definition order.

    Yields ``(path, kind, specs, value)``: the attribute path from ``obj``,
    the cell kind, the chain of specs from the outermost field to the cell,
    and the value.  The walk follows the *instance*, so a union field
    (（六）其他处理 as one row or three) yields the cells it actually has.
    """
    yield from _iter(obj, prefix, ())


def _iter(
    obj: object, prefix: tuple[str, ...], chain: tuple[Spec, ...]
) -> Iterator[tuple[tuple[str, ...], CellKind, tuple[Spec, ...], Any]]:
    for f, spec, tp in table_fields(type(obj)):
        value = getattr(obj, f.name)
        kind = cell_kind(tp)
        path = (*prefix, f.name)
        if kind is not None:
            yield path, kind, (*chain, spec), value
        else:
            yield from _iter(value, path, (*chain, spec))


@frozen
class ColumnInfo:
    """A value column: its attribute name, official label, unit and group."""

    key: str
    label: str
    unit: str | None
    kind: CellKind
    #: Header group above the column (法人或其他组织), if any.
    group: str | None = None
    is_total: bool = False


@frozen
class RowInfo:
    """A row of an official table as the format prints it.

    ``columns`` is empty for a group heading (（三）不予公开), which has no
    cells of its own.  ``path`` is the attribute path from the table.
    """

    path: tuple[str, ...]
    label: str
    code: str
    depth: int
    columns: tuple[ColumnInfo, ...]
    #: Block caption (table 2) or header group (table 4).
    block: str | None = None
    is_total: bool = False
    unit: str | None = None

    @property
    def is_group(self) -> bool:
        return not self.columns


@frozen
class TableInfo:
    """An official table: its attribute on the report, title and rows."""

    key: str
    title: str
    rows: tuple[RowInfo, ...]


def _columns(cls: type) -> tuple[ColumnInfo, ...]:
    return tuple(
        ColumnInfo(
            f.name,
            s.label,
            s.unit,
            typing.cast(CellKind, cell_kind(tp)),
            s.block,
            s.role == "total",
        )
        for f, s, tp in table_fields(cls)
    )


def _rows(obj: object, prefix: tuple[str, ...], depth: int) -> Iterator[RowInfo]:
    for f, spec, tp in table_fields(type(obj)):
        path = (*prefix, f.name)
        kind = cell_kind(tp)
        value = getattr(obj, f.name)
        if kind is not None:
            column = ColumnInfo(f.name, spec.column or spec.label, spec.unit, kind)
            yield RowInfo(
                path,
                spec.label,
                spec.code,
                depth,
                (column,),
                spec.block,
                spec.role == "total",
                spec.unit,
            )
        elif is_row_class(type(value)):
            yield RowInfo(
                path,
                spec.label,
                spec.code,
                depth,
                _columns(type(value)),
                spec.block,
                spec.role == "total",
                spec.unit,
            )
        else:
            yield RowInfo(
                path, spec.label, spec.code, depth, (), spec.block, spec.role == "total", spec.unit
            )
            yield from _rows(value, path, depth + 1)


def table_info(table: object, key: str) -> TableInfo:
    """Describe a table instance (use a blank instance to describe a class)."""
    title = getattr(type(table), "title", key)
    return TableInfo(key, title, tuple(_rows(table, (), 0)))


def printed_fields(
    tables: Iterable[tuple[str, object]],
) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """``(path, choices)`` of every :func:`~govdisclosure.fields.printed`
    field inside ``tables`` (``(key, table)`` pairs), in definition order."""
    out: list[tuple[tuple[str, ...], tuple[str, ...]]] = []

    def walk(obj: Any, prefix: tuple[str, ...]) -> None:
        for f in attrs.fields(type(obj)):
            choices = printed_choices(f)
            if choices is not None:
                out.append(((*prefix, f.name), choices))
        for f, _, tp in table_fields(type(obj)):
            if cell_kind(tp) is None:
                walk(getattr(obj, f.name), (*prefix, f.name))

    for key, table in tables:
        walk(table, (key,))
    return tuple(out)
