"""The generated writer: per class, code that reads the fields into dicts for orjson."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final

import attrs

from ..cells import CELL_KINDS, NotApplicable
from ..codegen import compile_source
from ..editions import BUILTIN, Report, edition_of
from ..editions.legacy import LegacyCell
from .fast_read import _classify, _fn_name
from .reference import converter

# The same idea for writing: per class, a generated function that reads the
# fields into a dict in definition order, leaving what orjson writes
# natively (int, str, None, tuples, dates, enums) as it is, and converting
# only Decimal and "/" cells.  Anything else in a cell is refused, as the
# reference hook refuses it, so a report that could not be read back is
# never written.  Tests check the bytes equal ``orjson.dumps(unstructure())``.


def _cell_out(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, NotApplicable):
        return value.mark
    raise TypeError(f"not a cell value: {value!r}")


def _rows_out(rows: dict[str, dict[str, LegacyCell]]) -> dict[str, dict[str, Any]]:
    return {
        code: {
            key: value if value.__class__ is int or value is None else _cell_out(value)
            for key, value in cells.items()
        }
        for code, cells in rows.items()
    }


_OUT_NS: dict[str, Any] = {"_cell": _cell_out, "_rows": _rows_out, "_conv": None}

#: The writers' tables of the variant fields, each with the shapes it
#: dispatches on; filled once the shapes' writers are generated.
_LAYOUT_WRITERS: list[tuple[dict[type, Any], tuple[type, ...]]] = []


def _out_name(cls: type) -> str:
    return "_u" + _fn_name(cls)[2:]


def _generate_out(cls: type, edition: str | None, pending: list[type]) -> None:
    from ..introspect import field_types

    name = _out_name(cls)
    if name in _OUT_NS:
        return
    _OUT_NS[name] = None
    hints = field_types(cls)
    lines = [f"def {name}(o):"]
    items = [f"'edition': {edition!r}"] if edition else []
    for i, f in enumerate(attrs.fields(cls)):
        kind, detail, _ = _classify(hints[f.name])
        get = f"o.{f.name}"
        if kind in CELL_KINDS or kind == "legacy":
            lines += [
                f"    v{i} = {get}",
                f"    if v{i}.__class__ is not int and v{i} is not None: v{i} = _cell(v{i})",
            ]
            expr = f"v{i}"
        elif kind in ("str", "int", "bool", "date", "enum", "str_tuple"):
            expr = get
        elif kind == "object":
            pending.append(detail)
            expr = f"{_out_name(detail)}({get})"
        elif kind == "object_tuple":
            pending.append(detail)
            expr = f"[{_out_name(detail)}(x) for x in {get}]"
        elif kind == "layouts":
            # The writer of each shape is generated below (pending), so the
            # table is filled once they all exist (see _build_out_path).
            pending.extend(detail.members)
            writers: dict[type, Any] = {}
            _LAYOUT_WRITERS.append((writers, detail.members))
            _OUT_NS[f"{name}_L{i}"] = writers
            expr = f"{name}_L{i}[{get}.__class__]({get})"
        elif kind == "rows":
            expr = f"_rows({get})"
        else:
            _OUT_NS[f"{name}_T{i}"] = hints[f.name]
            expr = f"_conv.unstructure({get}, {name}_T{i})"
        items.append(f"{f.name!r}: {expr}")
    lines.append("    return {" + ", ".join(items) + "}")
    compile_source(lines, _OUT_NS, what=f"writer of {cls.__module__}.{cls.__qualname__}")


def _build_out_path() -> Callable[[Report], dict[str, Any]]:
    """Generate the writers of every report class; editions added by
    plugins are generated the first time one of their reports is written."""
    _OUT_NS["_conv"] = converter
    pending: list[type] = []
    by_class: dict[type, Callable[[Any], dict[str, Any]]] = {}

    def add(cls: type) -> Callable[[Any], dict[str, Any]]:
        _generate_out(cls, cls.edition, pending)  # type: ignore[attr-defined]
        while pending:
            _generate_out(pending.pop(), None, pending)
        for writers, shapes in _LAYOUT_WRITERS:
            writers.update((c, _OUT_NS[_out_name(c)]) for c in shapes)
        by_class[cls] = _OUT_NS[_out_name(cls)]
        return by_class[cls]

    for edition in BUILTIN:
        add(edition.report_class)

    def out(report: Report) -> dict[str, Any]:
        write = by_class.get(type(report))
        if write is None:
            write = add(edition_of(report).report_class)
        return write(report)

    return out


_fast_unstructure: Final = _build_out_path()
