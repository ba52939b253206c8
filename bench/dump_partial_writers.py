"""Generated writers that do part of ``fast_write``'s work, for ``dump_alternatives_bench.py``.

They split the cost of ``codec.dumps_bytes`` over the floor (``orjson.dumps``
of ready-made dicts) into its pieces, and try one more way to the dicts:

* ``reads``: read every value a report's writer reads (the report, its
  tables and rows, inline), and nothing else;
* ``checks``: the same reads with each cell checked and converted as the
  writer does: the least any writer from the objects has to do;
* ``skeleton``: the same dicts as the writer, but made once per class
  (edition first) and filled in place on every call, values stored into
  them instead of building new ones.  Not re-entrant nor thread-safe (a
  part, being a report, would overwrite its parent's dicts): a lower bound
  of that route, good for the bench's corpus, whose reports have no parts.

Lists of objects, variant tables and the other fields go through the dict
writer's own generated functions, as they do in ``fast_write``.
"""

from __future__ import annotations

import itertools
import typing
from collections.abc import Callable
from typing import Any, Literal

import attrs

from govdisclosure.cells import CELL_KINDS
from govdisclosure.codec.fast_read import _classify, _fn_name
from govdisclosure.codec.fast_write import (
    _OUT_NS,
    _fast_unstructure,
    _optional_object,
    _out_name,
)
from govdisclosure.codec.reference import _omits_defaults
from govdisclosure.codegen import compile_source
from govdisclosure.editions import Report
from govdisclosure.introspect import field_types

__all__ = ["Mode", "partial_writer"]

Mode = Literal["reads", "checks", "skeleton"]


def partial_writer(report: Report, mode: Mode) -> Callable[[Report], Any]:
    """The ``mode`` writer of ``report``'s class (see the module's docstring)."""
    _fast_unstructure(report)  # the dict writer's functions of every shape now exist
    ns: dict[str, Any] = dict(_OUT_NS)
    ns["_shape"] = lambda a: _OUT_NS[_out_name(a.__class__)](a)
    serial = itertools.count()
    lines: list[str] = []

    def walk(cls: type, var: str, edition: str | None) -> str:
        hints = field_types(cls)
        skeleton: dict[str, Any] = {"edition": edition} if edition else {}
        name = f"S{next(serial)}"
        ns[name] = skeleton
        for f in attrs.fields(cls):
            kind, detail, _ = _classify(hints[f.name])
            get = f"{var}.{f.name}"
            if kind == "object" and not _omits_defaults(detail):
                a = f"a{next(serial)}"
                lines.append(f"    {a} = {get}")
                skeleton[f.name] = ns[walk(detail, a, None)]
                continue
            skeleton[f.name] = None
            if kind in CELL_KINDS or kind == "legacy":
                v = f"v{next(serial)}"
                lines.append(f"    {v} = {get}")
                if mode != "reads":
                    lines.append(
                        f"    if {v}.__class__ is not int and {v} is not None: {v} = _cell({v})"
                    )
                expr = v
            elif kind == "object_tuple":
                expr = f"{get} and [{_out_name(detail)}(x) for x in {get}]"
            elif kind == "layouts":
                expr = f"_shape({get})"
            elif kind == "rows":
                expr = f"_rows({get})"
            elif (optional := _optional_object(hints[f.name])) is not None:
                expr = f"None if {get} is None else {_out_name(optional)}({get})"
            else:  # text, numbers, dates, enums, printed labels: as they are
                expr = get
            if mode == "skeleton":
                lines.append(f"    {name}[{f.name!r}] = {expr}")
            elif kind not in CELL_KINDS and kind != "legacy":
                lines.append(f"    {get}")
        return name

    cls = type(report)
    top = walk(cls, "o", report.edition)
    result = top if mode == "skeleton" else "None"
    fn = f"_{mode}" + _fn_name(cls)[2:]
    compile_source(
        [f"def {fn}(o):", *lines, f"    return {result}"], ns, what=f"{mode} writer of {cls}"
    )
    return typing.cast(Callable[[Report], Any], ns[fn])
