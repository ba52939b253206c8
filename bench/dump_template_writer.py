"""The template writer that ``dump_alternatives_bench.py`` measures (not used by the library).

Per attrs class and indentation depth, a generated function writes the JSON
text of an object without building its dicts: the text between the values
(keys, colons, commas, newlines and indentation, ``edition`` first) is
fixed per class and depth and kept as a list of fragments; the values of
the object and of the objects it holds one of (a report's tables and
rows, inline) are read into ONE tuple that orjson writes in one call, and
that output is split back into the values and joined with the fragments.

* Cells are checked and converted as :mod:`govdisclosure.codec.fast_write`
  does (an amount or a mark becomes its text, anything else is refused).
* With only cells in the tuple (null, integers, decimals as text, marks),
  no value holds a comma: orjson's compact output is split at ``,``.
  Otherwise orjson indents the tuple, one value a line: a written string
  never holds a raw newline, so ``,\n  `` parts the values exactly, and a
  value of more than one line (a container where text was expected) shows
  in the count of newlines and is refused.
* Lists of objects, lists of text, the variant tables and anything else
  are parts made on their own: a nested writer at the deeper depth, or
  orjson's indented text of the value with every newline re-indented (what
  orjson writes in place, since indentation is all its line breaks hold).

Whatever it refuses raises :class:`Unusual`; a writer built on it would fall
back to ``fast_write``.  The bench checks its bytes equal ``dumps_bytes``'.
"""

from __future__ import annotations

import itertools
import threading
import typing
from collections.abc import Callable, Iterator
from typing import Any, Final

import attrs
import orjson

from govdisclosure.cells import CELL_KINDS
from govdisclosure.codec.fast_read import _classify, _fn_name
from govdisclosure.codec.fast_write import _cell_out, _optional_object, _rows_out
from govdisclosure.codec.reference import _omits_defaults, converter
from govdisclosure.codegen import compile_source
from govdisclosure.introspect import field_types

__all__ = ["Unusual", "writer"]


class Unusual(Exception):
    """The template writer met a value it leaves to the dict writer."""


_I2: Final = orjson.OPT_INDENT_2
_dumps: Final = orjson.dumps

_NS: dict[str, Any] = {
    "_Unusual": Unusual,
    "_dumps": _dumps,
    "_I2": _I2,
    "_cell": _cell_out,
    "_rows": _rows_out,
    "_conv": converter,
}
_CACHE: dict[tuple[type, int], Callable[[Any], bytes]] = {}
_LOCK = threading.RLock()


def _nl(depth: int) -> str:
    """The name of the constant holding a newline and ``depth`` indents (and its ``,`` form)."""
    name = f"_N{depth}"
    if name not in _NS:
        _NS[name] = b"\n" + b"  " * depth
        _NS[f"_J{depth}"] = b",\n" + b"  " * depth
    return name


def writer(cls: type, depth: int = 0) -> Callable[[Any], bytes]:
    """The writer of a ``cls`` at ``depth`` (0: a whole report, newline included),
    generated the first time it is asked for (lists nest to any depth)."""
    write = _CACHE.get((cls, depth))
    if write is None:
        with _LOCK:
            write = _CACHE.get((cls, depth))
            if write is None:
                write = _CACHE[cls, depth] = _generate(cls, depth)
    return write


_NS["_writer"] = writer


class _Text:
    """The source of one text writer: statements, the template's fragments and its slots.

    A slot is either a scalar (read into the flat tuple orjson writes in one
    call) or a part (bytes made by the statements: a list, a nested writer)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.frags: list[bytes] = [b""]
        self.slots: list[tuple[bool, str]] = []
        self.text_scalars = False
        self.lines: list[str] = []
        self._serial: Iterator[int] = itertools.count()

    def local(self, prefix: str) -> str:
        return f"{prefix}{next(self._serial)}"

    def const(self, value: Any) -> str:
        name = f"{self.name}_K{next(self._serial)}"
        _NS[name] = value
        return name

    def literal(self, text: bytes) -> None:
        self.frags[-1] += text

    def scalar(self, expr: str) -> None:
        self.slots.append((True, expr))
        self.frags.append(b"")

    def part(self, expr: str) -> None:
        p = self.local("p")
        self.lines.append(f"    {p} = {expr}")
        self.slots.append((False, p))
        self.frags.append(b"")

    def any(self, expr: str, depth: int) -> None:
        """Any value, as orjson writes it in place: its indented text, re-indented."""
        self.part(f"_dumps({expr}, None, _I2).replace(b'\\n', {_nl(depth)})")

    def object(self, cls: type, var: str, depth: int, edition: str | None, path: str) -> None:

        if _omits_defaults(cls):
            self.any(f"_conv.unstructure({var}, {self.const(cls)})", depth)
            return
        hints = field_types(cls)
        fields = attrs.fields(cls)
        if not fields and not edition:
            self.literal(b"{}")
            return
        inner = b"\n" + b"  " * (depth + 1)
        sep = b"{"

        def key(name: str) -> None:
            nonlocal sep
            self.literal(sep + inner + _dumps(name) + b": ")
            sep = b","

        if edition:
            key("edition")
            self.literal(_dumps(edition))
        for f in fields:
            key(f.name)
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
                self.scalar(v)
            elif kind in ("str", "int", "bool", "date", "enum"):
                self.text_scalars = True
                self.scalar(get)
            elif kind == "object":
                a = self.local("a")
                self.lines.append(f"    {a} = {get}")
                self.object(detail, a, depth + 1, None, where)
            elif kind == "object_tuple":
                t = self.local("t")
                item = self.const(detail)
                self.lines.append(f"    {t} = {get}")
                self.part(
                    f"b'[' + {_nl(depth + 2)} + _J{depth + 2}.join("
                    f"[_writer({item}, {depth + 2})(x) for x in {t}]) + {_nl(depth + 1)} + b']'"
                    f" if {t} else _dumps({t}, None, _I2)"
                )
            elif kind == "layouts":
                a = self.local("a")
                members = self.const(frozenset(detail.members))
                self.lines += [
                    f"    {a} = {get}",
                    f"    if {a}.__class__ not in {members}: raise _Unusual",
                ]
                self.part(f"_writer({a}.__class__, {depth + 1})({a})")
            elif (optional := _optional_object(hints[f.name])) is not None and not _omits_defaults(
                optional
            ):
                a = self.local("a")
                self.lines.append(f"    {a} = {get}")
                self.part(
                    f"b'null' if {a} is None else _writer({self.const(optional)}, {depth + 1})({a})"
                )
            elif kind == "rows":
                self.any(f"_rows({get})", depth + 1)
            elif kind == "str_tuple" or hints[f.name] == dict[str, str]:
                self.any(get, depth + 1)
            else:
                self.any(f"_conv.unstructure({get}, {self.const(hints[f.name])})", depth + 1)
        self.literal(b"\n" + b"  " * depth + b"}")


def _generate(cls: type, depth: int) -> Callable[[Any], bytes]:
    name = f"_t{depth}" + _fn_name(cls)[2:]
    text = _Text(name)
    edition = getattr(cls, "edition", None)
    text.object(cls, "o", depth, edition if isinstance(edition, str) else None, "")
    if depth == 0:
        text.literal(b"\n")
    template: list[bytes | None] = [None] * (2 * len(text.frags) - 1)
    template[0::2] = text.frags
    _NS[f"{name}_T"] = template
    scalars = [expr if is_scalar else "None" for is_scalar, expr in text.slots]
    parts = [(i, expr) for i, (is_scalar, expr) in enumerate(text.slots) if not is_scalar]
    lines = [f"def {name}(o):", *text.lines]
    if not text.slots:
        lines.append(f"    return {b''.join(text.frags)!r}")
    elif len(parts) == len(text.slots):
        lines += [
            f"    L = {name}_T.copy()",
            f"    L[1::2] = ({''.join(e + ', ' for _, e in parts)})",
            "    return b''.join(L)",
        ]
    elif not text.text_scalars:
        # Cells only: null, integers and the texts of amounts and marks,
        # none of which holds a comma.
        lines += [
            f"    P = _dumps(({''.join(e + ', ' for e in scalars)}))[1:-1].split(b',')",
            *(f"    P[{i}] = {expr}" for i, expr in parts),
            f"    L = {name}_T.copy()",
            "    L[1::2] = P",
            "    return b''.join(L)",
        ]
    else:
        lines += [
            f"    out = _dumps(({''.join(e + ', ' for e in scalars)}), None, _I2)",
            f"    if out.count(b'\\n') != {len(scalars) + 1}: raise _Unusual",
            "    P = out[4:-2].split(b',\\n  ')",
            *(f"    P[{i}] = {expr}" for i, expr in parts),
            f"    L = {name}_T.copy()",
            "    L[1::2] = P",
            "    return b''.join(L)",
        ]
    compile_source(lines, _NS, what=f"text writer of {cls.__module__}.{cls.__qualname__}")
    return typing.cast(Callable[[Any], bytes], _NS[name])
