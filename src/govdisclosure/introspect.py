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
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Literal, Union

import attrs
from attrs import frozen

from .cells import CELL_KINDS, CellKind
from .fields import Printed, Spec, get_printed, get_spec

__all__ = [
    "LAYOUTS",
    "CellKind",
    "ColumnInfo",
    "Layout",
    "RowInfo",
    "TableInfo",
    "attrs_classes_in",
    "cell_kind",
    "field_types",
    "is_row_class",
    "iter_cells",
    "label_field",
    "printed_fields",
    "printed_name",
    "printed_with",
    "table_fields",
    "table_info",
]

#: How a table is laid out, declared by the table (a ``layout`` class
#: attribute) so renderers and tools dispatch on it instead of on a table's
#: key or the edition:
#:
#: * ``"blocks"``: captioned blocks of rows, each block with its own column
#:   heads (table 2);
#: * ``"rows"``: labelled rows, possibly grouped, under one set of column
#:   heads that may be grouped (table 3);
#: * ``"single-row"``: one row of cells under grouped column heads (table 4);
#: * ``"indicators"``: 统计指标 / 单位 / value columns, one row per indicator,
#:   section rows printing "——" (the pre-2019 statistics table).
Layout = Literal["blocks", "rows", "single-row", "indicators"]
LAYOUTS: tuple[Layout, ...] = ("blocks", "rows", "single-row", "indicators")


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


_HINTS: dict[type, Mapping[str, Any]] = {}


def field_types(cls: type) -> Mapping[str, Any]:
    """Resolved annotations of an attrs class (handles ``from __future__``),
    worked out once per class: the codec, the layouts and the narrative
    checks each ask for the same classes, and resolving evaluates every
    annotation's text again (a start-up of ``validate FILE`` asked 40 times
    for 20 classes)."""
    hints = _HINTS.get(cls)
    if hints is None:
        hints = _HINTS[cls] = types.MappingProxyType(
            typing.get_type_hints(cls, include_extras=True)
        )
    return hints


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
    #: False for a row the table as printed left out (a legacy table whose
    #: template was derived from the printed one).
    printed: bool = True
    #: The label as the report printed it, where it differs from ``label``
    #: (a misprint kept, never corrected silently); ``None`` otherwise.
    printed_label: str | None = None

    @property
    def is_group(self) -> bool:
        return not self.columns

    @property
    def key(self) -> str:
        """The row's key among a table's printed labels: its dotted path."""
        return ".".join(self.path)


@frozen
class TableInfo:
    """An official table: its attribute on the report, title, rows and layout.

    A cell's path from the report is ``(key, *row.path)`` for a row with one
    cell placed directly in the table (table 2's items), else ``(key,
    *row.path, column.key)``: :meth:`cell_path` says which.
    """

    key: str
    title: str
    rows: tuple[RowInfo, ...]
    layout: Layout = "rows"

    def cell_path(self, row: RowInfo, column: ColumnInfo) -> tuple[str, ...]:
        """The path from the report of ``row``'s cell in ``column``."""
        if len(row.columns) == 1 and row.columns[0].key == row.path[-1]:
            return (self.key, *row.path)
        return (self.key, *row.path, column.key)


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


def _rows(
    obj: object, prefix: tuple[str, ...], depth: int, labels: dict[str, str]
) -> Iterator[RowInfo]:
    for f, spec, tp in table_fields(type(obj)):
        path = (*prefix, f.name)
        kind = cell_kind(tp)
        value = getattr(obj, f.name)
        printed = labels.get(".".join(path)) if labels else None  # as printed
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
                printed_label=printed,
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
                printed_label=printed,
            )
        else:
            yield RowInfo(
                path,
                spec.label,
                spec.code,
                depth,
                (),
                spec.block,
                spec.role == "total",
                spec.unit,
                printed_label=printed,
            )
            yield from _rows(value, path, depth + 1, labels)


_LABEL_FIELD: dict[type, str | None] = {}


def label_field(cls: type) -> str | None:
    """The name of the field of table class ``cls`` that keeps its printed
    row labels (a :func:`~govdisclosure.fields.printed` ``"labels"`` field),
    or ``None`` when the class has none (cached)."""
    if cls not in _LABEL_FIELD:
        _LABEL_FIELD[cls] = next(
            (
                f.name
                for f in attrs.fields(cls)
                if (p := get_printed(f)) is not None and p.what == "labels"
            ),
            None,
        )
    return _LABEL_FIELD[cls]


def table_info(table: object, key: str) -> TableInfo:
    """Describe a table instance (use a blank instance to describe a class).

    Each row carries the label the report printed where it differs from the
    official one (:attr:`RowInfo.printed_label`)."""
    title = getattr(type(table), "title", key)
    name = label_field(type(table))
    labels: dict[str, str] = getattr(table, name) if name else {}
    layout: Layout = getattr(type(table), "layout", "rows")
    return TableInfo(key, title, tuple(_rows(table, (), 0, labels)), layout)


def printed_with(row: object, column: str, what: str) -> str | None:
    """The printed ``what`` (``"unit"``, ``"sign"``) that goes with cell
    ``column`` of the row object ``row``, from the declarations
    (:class:`~govdisclosure.fields.Printed`); ``None`` if there is none."""
    name = printed_name(type(row), column, what)
    value = getattr(row, name) if name is not None else None
    return value if isinstance(value, str) else None


def printed_name(cls: type, column: str, what: str) -> str | None:
    """The name of the field of row class ``cls`` declared to keep the
    printed ``what`` of cell ``column`` (``amount_unit`` for the unit of
    ``amount``), or ``None``: how importers know where printed text goes."""
    if not attrs.has(cls):
        return None
    for f in attrs.fields(cls):
        p = get_printed(f)
        if p is not None and p.what == what and p.of == column:
            return str(f.name)
    return None


def printed_fields(
    tables: Iterable[tuple[str, object]],
) -> tuple[tuple[tuple[str, ...], Printed], ...]:
    """``(path, declaration)`` of every :func:`~govdisclosure.fields.printed`
    field inside ``tables`` (``(key, table)`` pairs), in definition order."""
    out: list[tuple[tuple[str, ...], Printed]] = []

    def walk(obj: Any, prefix: tuple[str, ...]) -> None:
        for f in attrs.fields(type(obj)):
            printed = get_printed(f)
            if printed is not None:
                out.append(((*prefix, f.name), printed))
        for f, _, tp in table_fields(type(obj)):
            if cell_kind(tp) is None:
                walk(getattr(obj, f.name), (*prefix, f.name))

    for key, table in tables:
        walk(table, (key,))
    return tuple(out)
