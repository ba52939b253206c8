"""The generated writer: per report class, straight-line code that reads the fields into dicts for orjson."""

from __future__ import annotations

import itertools
import threading
import typing
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any, Final

import attrs

from ..cells import CELL_KINDS, NotApplicable
from ..codegen import compile_source
from ..editions import Report, edition_of
from ..editions.legacy import LegacyCell
from .fast_read import _classify, _fn_name
from .reference import _omits_defaults, converter

# The same idea for writing: per class, a generated function that reads the
# fields into dicts in definition order, leaving what orjson writes
# natively (int, str, None, tuples, dates, enums) as it is, and converting
# only Decimal and "/" cells.  Anything else in a cell is refused, as the
# reference hook refuses it, so a report that could not be read back is
# never written.  Tests check the bytes equal ``orjson.dumps(unstructure())``.
#
# The objects a class holds one of (a report's tables, a table's rows) are
# written inline, in the function of the class that holds them: one
# function per report class, per item of a tuple field and per shape of a
# variant field, instead of one call per object.  A report's ~55 objects
# then cost about 10 calls instead of 55, and everything that can be
# decided from the class (which fields are cells, which are text, which
# optional objects) is decided once, when the code is generated.


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


def _optional_object(tp: Any) -> type | None:
    """The attrs class of an ``X | None`` field (``period``), else ``None``."""
    args = [a for a in typing.get_args(tp) if a is not type(None)]
    if len(args) == 1 and len(typing.get_args(tp)) == 2 and attrs.has(args[0]):
        return typing.cast(type, args[0])
    return None


class _Writer:
    """The source of one generated writer: statements, then one dict literal."""

    def __init__(self, name: str, pending: list[type]) -> None:
        self.name = name
        self.pending = pending
        self.lines: list[str] = []
        self._serial: Iterator[int] = itertools.count()

    def local(self, prefix: str) -> str:
        return f"{prefix}{next(self._serial)}"

    def value(self, cls: type, var: str, edition: str | None, path: str) -> str:
        """The expression of the dict of object ``var`` (a ``cls``), with the
        statements it needs appended to :attr:`lines`."""
        from ..introspect import field_types

        if _omits_defaults(cls):  # fields left out at their default: the converter's hook
            self.pending.append(cls)
            return f"{_out_name(cls)}({var})"
        hints = field_types(cls)
        items = [f"'edition': {edition!r}"] if edition else []
        for i, f in enumerate(attrs.fields(cls)):
            kind, detail, _ = _classify(hints[f.name])
            get = f"{var}.{f.name}"
            where = f"{path}.{f.name}".lstrip(".")
            if kind in CELL_KINDS or kind == "legacy":
                v = self.local("v")
                self.lines += [
                    f"    {v} = {get}",
                    f"    if {v}.__class__ is not int and {v} is not None: {v} = _cell({v})"
                    f"  # {where}",
                ]
                expr = v
            elif kind in ("str", "int", "bool", "date", "enum", "str_tuple"):
                expr = get
            elif kind == "object":
                a = self.local("a")
                self.lines.append(f"    {a} = {get}")
                expr = self.value(detail, a, None, where)
            elif kind == "object_tuple":
                # An empty tuple is written as [] by orjson too: no list to build.
                self.pending.append(detail)
                t = self.local("t")
                self.lines.append(f"    {t} = {get}")
                expr = f"{t} and [{_out_name(detail)}(x) for x in {t}]"
            elif kind == "layouts":
                # The writer of each shape is generated on its own (pending),
                # so the table is filled once they all exist (see _build_out_path).
                self.pending.extend(detail.members)
                writers: dict[type, Any] = {}
                _LAYOUT_WRITERS.append((writers, detail.members))
                table = f"{self.name}_L{len(_LAYOUT_WRITERS)}"
                _OUT_NS[table] = writers
                a = self.local("a")
                self.lines.append(f"    {a} = {get}")
                expr = f"{table}[{a}.__class__]({a})"
            elif kind == "rows":
                expr = f"_rows({get})"
            elif hints[f.name] == dict[str, str]:
                expr = get  # orjson writes the dict as the converter's copy of it
            elif (optional := _optional_object(hints[f.name])) is not None:
                self.pending.append(optional)
                a = self.local("a")
                self.lines.append(f"    {a} = {get}")
                expr = f"None if {a} is None else {_out_name(optional)}({a})"
            else:
                typ = f"{self.name}_T{i}"
                _OUT_NS[typ] = hints[f.name]
                expr = f"_conv.unstructure({get}, {typ})"
            items.append(f"{f.name!r}: {expr}")
        return "{" + ", ".join(items) + "}"


def _generate_out(cls: type, edition: str | None, pending: list[type]) -> None:
    name = _out_name(cls)
    if name in _OUT_NS:
        return
    if _omits_defaults(cls):
        _OUT_NS[name] = lambda o, _cls=cls: _OUT_NS["_conv"].unstructure(o, _cls)
        return
    _OUT_NS[name] = None  # reserve: recursive classes refer to themselves
    writer = _Writer(name, pending)
    result = writer.value(cls, "o", edition, "")
    lines = [f"def {name}(o):", *writer.lines, f"    return {result}"]
    compile_source(lines, _OUT_NS, what=f"writer of {cls.__module__}.{cls.__qualname__}")


def _build_out_path() -> Callable[[Report], dict[str, Any]]:
    """The writer of any report: each edition's writers are generated the
    first time one of its reports is written (a command that only reads, as
    ``validate`` does, compiles none; the lock keeps two threads from
    generating the same edition at once)."""
    _OUT_NS["_conv"] = converter
    pending: list[type] = []
    by_class: dict[type, Callable[[Any], dict[str, Any]]] = {}
    lock = threading.Lock()

    def add(cls: type) -> Callable[[Any], dict[str, Any]]:
        with lock:
            if cls in by_class:
                return by_class[cls]
            _generate_out(cls, cls.edition, pending)  # type: ignore[attr-defined]
            while pending:
                _generate_out(pending.pop(), None, pending)
            for writers, shapes in _LAYOUT_WRITERS:
                writers.update((c, _OUT_NS[_out_name(c)]) for c in shapes)
            by_class[cls] = _OUT_NS[_out_name(cls)]
            return by_class[cls]

    def out(report: Report) -> dict[str, Any]:
        write = by_class.get(type(report))
        if write is None:
            write = add(edition_of(report).report_class)
        return write(report)

    return out


_fast_unstructure: Final = _build_out_path()
