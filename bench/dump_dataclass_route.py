"""orjson walking the report objects itself, as dataclasses: measured, not kept.

orjson writes a dataclass instance natively, in C, without a ``default=``
call: it recognises one by ``__dataclass_fields__`` in the *type's own*
``__dict__``, then (``src/serialize/per_type/dataclass.rs``)

* asks the instance for ``__dict__``; when there is one and the type has no
  ``__slots__``, it walks that dict directly as it walks any dict, skipping
  keys that start with ``_`` (the fast path);
* otherwise (a slotted class: no ``__dict__``, so an ``AttributeError`` is
  raised and cleared, per object) it walks ``__dataclass_fields__`` in its
  order, keeps each field whose ``_field_type`` is ``dataclasses._FIELD``
  and whose name does not start with ``_``, and reads the value with
  ``getattr`` (the slow path).

Our model's JSON is close enough to its fields for that: keys are the
attrs field names in definition order, none starts with ``_``; tuples,
``str`` (and ``StrEnum``), ``int``, ``None``, ``bool``, ``date`` and the
printed-label dicts are written by orjson as the codec writes them.  What
differs goes through ``default=`` (:func:`hook`): a ``Decimal`` cell
(plain text), a "/" cell (its mark), and the legacy template's classes
that leave fields out at their default (the codec's converter).  A report
class's ``edition`` key comes first by naming ``edition`` first in its
``__dataclass_fields__``: ``getattr`` finds the class attribute.

This module gives every attrs class of a report a ``__dataclass_fields__``
for as long as :func:`as_dataclasses` is entered (taken from a dataclass
made by :func:`dataclasses.make_dataclass` with the same field names, so no
private detail of :mod:`dataclasses` is touched; removed again on exit,
since ``dataclasses.is_dataclass`` is true for the classes meanwhile, and
cattrs and Hypothesis act on that), and times, on ``load_bench.py``'s
reports, each alternated with the others, best of :data:`ROUNDS` rounds of
``best()`` (CPU time):

* the floor (``orjson.dumps`` of the ready-made dicts) and
  ``codec.dumps_bytes``;
* **the model classes as they are** (attrs, slotted) seen as dataclasses:
  orjson's slow path;
* the same with the writer's reads and cell checks run first
  (``dump_partial_writers.py``'s ``checks``): the route writes a ``bool``,
  a ``float`` or a plain ``"/"`` string in a cell without a word, where
  ``dumps_bytes`` refuses it, so a kept version would need them;
* **instance-dict mirrors**: each report copied (untimed) into objects of
  plain, unslotted classes with the same ``__dataclass_fields__`` and the
  values in their ``__dict__`` (``edition`` first), so orjson takes its
  fast path: what the route would cost if the model classes had instance
  dicts instead of slots, cells unchecked (the least this route can do),
  then with the checks, either the writer's or :func:`cell_checker`'s
  (the cells alone read and tested, nothing else);
* the two checks alone; and the floor and ``dumps_bytes`` with their
  outputs kept in a list, as ``load_bench.py`` and
  ``dump_alternatives_bench.py`` time them (see below).

Each output is dropped as soon as it is made (:func:`_each`).  Kept in a
list, 2,000 outputs of 13.6 KiB are 27 MB that the allocator hands back
to the system when the list goes and takes again on the next run: in this
process that was ~8,900 page faults a run, 16–36 ms of *system* CPU time
per 2,000 reports (8–18 µs a report, as much again as the floor), which
``time.process_time`` counts; it adds the same to every way and so
squeezes every ratio towards 1.  Dropped, the outputs reuse one buffer:
no faults, and the ratios below are of the work itself.

Every way is checked to give ``dumps_bytes``' bytes on the whole corpus
before it is timed (``tests/bench/test_dump_dataclass_route.py`` checks the
route on generated reports of every edition, and that the checker refuses
what ``dumps_bytes`` refuses); the route also gives the same bytes on every
report of ``examples/``.  Not run by ``bench/run.py``: run
``python bench/dump_dataclass_route.py [N]`` (default 2,000).

Figures: ``python bench/dump_dataclass_route.py 2000``, orjson 3.13.0,
Python 3.11.7, shared 2-core machine at load 2.6–3.1 (other helpers
running), the first of three runs as printed (the ranges over the three
are in ``docs/changelog.md``)::

    dump_dataclass_route: 2000 reports, 2021 edition; CPU µs per report, same bytes
      orjson.dumps of the dicts (floor)                 12.0 µs   1.00×
      codec.dumps_bytes                                 26.3 µs   2.20×
      orjson walks the slotted objects                  47.6 µs   3.98×
        the same, its cells checked first               53.2 µs   4.44×
      orjson walks instance-dict mirrors                14.4 µs   1.20×
        the same, the report's cells checked first      19.4 µs   1.62×
        the same, checked by reading the cells alone    19.4 µs   1.62×
      the writer's reads + cell checks alone             5.3 µs   0.44×
      reading and checking the cells alone               5.1 µs   0.42×
      (the floor, its outputs kept in a list)           25.6 µs   2.14×
      (codec.dumps_bytes, outputs kept in a list)       40.9 µs   3.41×
    orjson.dumps of 5000 objects of seven ints; CPU µs per object
      dicts                                            0.132 µs
      attrs slotted + __dataclass_fields__             0.895 µs
      dataclass(slots=True)                            0.888 µs
      dataclass (instance __dict__)                    0.169 µs

Why it loses:

* **Slotted classes** (the model as it is) take orjson's slow path: per
  object an ``AttributeError`` raised and cleared (the missing
  ``__dict__``), and per field two ``getattr`` calls (the field's
  ``_field_type``, then the value).  On objects of seven ints (a row of
  table 3) that is 0.88–0.91 µs an object against 0.13–0.15 µs for the same
  data as dicts, whether the class is attrs with a ``__dataclass_fields__``
  or a real ``dataclass(slots=True)``: it is orjson's path, not ours.  The
  whole report comes to ~4× the floor, nearly twice ``dumps_bytes``.
* **Instance dicts** take the fast path (0.17–0.19 µs for the same row),
  and the mirrors write a report in 1.19–1.21× the floor.  But the checks a
  kept writer needs cost 0.42–0.44× on their own (reading ~200 cells from
  Python, however it is generated), so the route would stand at
  1.60–1.75×: better than ``dumps_bytes`` (2.16–2.24× in the same runs),
  not within 1.3×.  And getting there means the model's frozen slotted
  classes (18 under a 2021 report, 20 under a 2019 one) turned into dict
  classes (memory per object, the generated reader that sets slots
  rewritten), ``edition`` stored in every report's instance dict ahead of
  its fields, and nothing else ever stored in an instance dict (a cached
  value would be written into the JSON): fragile, for ~0.6×.
* No ``OPT_PASSTHROUGH_*`` option helps: they send *more* types to
  ``default=``, and none lets orjson refuse a ``bool`` or a ``float``
  where a count belongs.
"""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import sys
import typing
from collections.abc import Callable, Iterator
from decimal import Decimal
from functools import partial
from typing import Any

import attrs
import orjson

from dump_partial_writers import partial_writer
from govdisclosure import codec
from govdisclosure.cells import CELL_KINDS, NotApplicable
from govdisclosure.codec import fast_read
from govdisclosure.codec.fast_write import _optional_object
from govdisclosure.codec.reference import _omits_defaults
from govdisclosure.codegen import compile_source
from govdisclosure.editions import Report
from govdisclosure.introspect import field_types
from load_bench import best, make_texts

__all__ = [
    "as_dataclasses",
    "cell_checker",
    "hook",
    "main",
    "mirror",
    "model_classes",
    "objects_alone",
]

OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE
#: Rounds of every way, alternated (the best of each is kept).
ROUNDS = 6


def hook(value: Any) -> Any:
    """orjson's ``default=``: what the codec writes for what orjson cannot."""
    cls = value.__class__
    if cls is Decimal:
        return format(value, "f")
    if cls is NotApplicable:
        return value.mark
    if _omits_defaults(cls):
        return codec.converter.unstructure(value, cls)
    raise TypeError(f"not writable: {value!r}")


def model_classes(cls: type) -> tuple[type, ...]:
    """The attrs classes orjson is to walk itself under a report class
    ``cls`` (itself first): every attrs class its field types name, at any
    depth, but the "/" cell and the classes that leave fields out."""
    found: list[type] = []

    def visit(tp: Any) -> None:
        if isinstance(tp, type) and attrs.has(tp):
            if tp in found or tp is NotApplicable or _omits_defaults(tp):
                return
            found.append(tp)
            for hint in field_types(tp).values():
                visit(hint)
        for arg in typing.get_args(tp):
            visit(arg)

    visit(cls)
    return tuple(found)


def _fields_of(cls: type) -> dict[str, Any]:
    """A ``__dataclass_fields__`` naming ``cls``'s JSON keys in order
    (``edition`` first for a report), from a dataclass made with them."""
    names = [f.name for f in attrs.fields(cls)]
    if isinstance(getattr(cls, "edition", None), str):
        names.insert(0, "edition")
    made = dataclasses.make_dataclass(f"{cls.__name__}Fields", names)
    return {f.name: f for f in dataclasses.fields(made)}


@contextlib.contextmanager
def as_dataclasses(report_cls: type) -> Iterator[tuple[type, ...]]:
    """While entered, the classes of :func:`model_classes` carry a
    ``__dataclass_fields__`` of their own; it is removed on exit."""
    classes = model_classes(report_cls)
    for cls in classes:
        type.__setattr__(cls, "__dataclass_fields__", _fields_of(cls))
    try:
        yield classes
    finally:
        for cls in classes:
            type.__delattr__(cls, "__dataclass_fields__")


def mirror(value: Any, kinds: dict[type, type]) -> Any:
    """``value`` with each object of a class in ``kinds`` copied into an
    object of its unslotted mirror class, its values in its ``__dict__``."""
    cls = value.__class__
    if cls is tuple:
        return tuple(mirror(v, kinds) for v in value)
    mirrored = kinds.get(cls)
    if mirrored is None:
        return value
    copy: Any = object.__new__(mirrored)
    for name in cls.__dataclass_fields__:
        copy.__dict__[name] = mirror(getattr(value, name), kinds)
    return copy


def mirror_classes(classes: tuple[type, ...]) -> dict[type, type]:
    """Per model class (already given its ``__dataclass_fields__``), a plain
    class with instance dicts and the same fields."""
    return {
        cls: type(f"{cls.__name__}Mirror", (), {"__dataclass_fields__": cls.__dataclass_fields__})  # type: ignore[attr-defined]
        for cls in classes
    }


@attrs.frozen
class _Row:
    """Seven counts, as a row of table 3: attrs, slotted (given fields below)."""

    a: int
    b: int
    c: int
    d: int
    e: int
    f: int
    g: int


def _dataclass_row(*, slots: bool) -> type:
    """Seven counts as a dataclass (made, not declared: this module is loaded
    by the tests without an entry in ``sys.modules``, which ``@dataclass``
    needs to read string annotations)."""
    columns = [(name, int) for name in "abcdefg"]
    return dataclasses.make_dataclass("DataclassRow", columns, frozen=True, slots=slots)


def objects_alone(n: int = 5_000) -> dict[str, float]:
    """orjson's own cost per object of seven ints, by what it is given."""
    slotted, unslotted = _dataclass_row(slots=True), _dataclass_row(slots=False)
    type.__setattr__(_Row, "__dataclass_fields__", _fields_of(_Row))
    try:
        given: dict[str, list[Any]] = {
            "dicts": [dict(zip("abcdefg", range(i, i + 7), strict=True)) for i in range(n)],
            "attrs slotted + __dataclass_fields__": [_Row(*range(i, i + 7)) for i in range(n)],
            "dataclass(slots=True)": [slotted(*range(i, i + 7)) for i in range(n)],
            "dataclass (instance __dict__)": [unslotted(*range(i, i + 7)) for i in range(n)],
        }
        text = orjson.dumps(given["dicts"], option=OPTIONS)
        assert all(orjson.dumps(v, option=OPTIONS) == text for v in given.values())
        dump = partial(orjson.dumps, option=OPTIONS)
        times: dict[str, list[float]] = {name: [] for name in given}
        for _ in range(ROUNDS):
            for name, objects in given.items():
                chunks = [objects[i : i + 50] for i in range(0, n, 50)]  # outputs of ~5 KB
                times[name].append(best(_each(dump, chunks)) / n * 1e6)
    finally:
        type.__delattr__(_Row, "__dataclass_fields__")
    print(f"orjson.dumps of {n} objects of seven ints; CPU µs per object")
    for name, runs in times.items():
        print(f"  {name:<46} {min(runs):7.3f} µs")
    return {name: min(runs) for name, runs in times.items()}


#: The classes of what a cell may hold; ``dumps_bytes`` refuses any other.
_CELL_CLASSES = frozenset({int, type(None), Decimal, NotApplicable})


def _refuse(value: Any) -> None:
    raise TypeError(f"not a cell value: {value!r}")


def _check_rows(rows: dict[str, dict[str, Any]]) -> None:
    for cells in rows.values():
        for value in cells.values():
            if value.__class__ not in _CELL_CLASSES:
                _refuse(value)


def _holds_cells(tp: Any, seen: frozenset[type] = frozenset()) -> bool:
    """Whether a value of type ``tp`` can hold a cell, at any depth."""
    if fast_read._classify(tp)[0] in (*CELL_KINDS, "legacy", "rows"):
        return True
    for cls in model_classes_in(tp):
        if cls not in seen and any(
            _holds_cells(hint, seen | {cls}) for hint in field_types(cls).values()
        ):
            return True
    return False


def model_classes_in(tp: Any) -> tuple[type, ...]:
    """The attrs classes a type names at its top or in its arguments, at any depth."""
    if isinstance(tp, type) and attrs.has(tp):
        return (tp,)
    return tuple(cls for arg in typing.get_args(tp) for cls in model_classes_in(arg))


def cell_checker(report_cls: type) -> Callable[[Any], None]:
    """A generated function refusing, as ``dumps_bytes`` does, a report with
    a cell holding anything but an int, ``None``, a ``Decimal`` or a "/"
    cell (a ``bool``, a ``float``, a plain ``"/"`` string), reading the
    cells and nothing else (an int passes on one test of its class), the
    objects a class holds one of checked inline (as ``fast_write`` builds their dicts inline), one function per
    report class, item class of a tuple and shape of a variant field."""
    ns: dict[str, Any] = {"_ok": _CELL_CLASSES, "_refuse": _refuse, "_rows": _check_rows}
    serial = itertools.count()
    pending, done = [report_cls], set()
    tables: list[tuple[dict[type, Any], tuple[type, ...]]] = []

    def name_of(cls: type) -> str:
        return "_c" + fast_read._fn_name(cls)[2:]

    def walk(cls: type, var: str, lines: list[str]) -> None:
        hints = field_types(cls)
        for f in attrs.fields(cls):
            kind, detail, _ = fast_read._classify(hints[f.name])
            get = f"{var}.{f.name}"
            if not _holds_cells(hints[f.name]):
                continue  # text, dates, the unit, the narrative: nothing to check
            if kind in CELL_KINDS or kind == "legacy":
                lines.append(
                    f"    if (v := {get}).__class__ is not int and v is not None"
                    " and v.__class__ not in _ok:"
                    " _refuse(v)"
                )
                continue
            a = f"a{next(serial)}"
            optional = _optional_object(hints[f.name])
            if kind == "object" and not _omits_defaults(detail):
                lines.append(f"    {a} = {get}")
                walk(detail, a, lines)
            elif kind == "object_tuple" and not _omits_defaults(detail):
                pending.append(detail)
                lines.append(f"    for {a} in {get}: {name_of(detail)}({a})")
            elif kind == "layouts":
                pending.extend(detail.members)
                table: dict[type, Any] = {}
                tables.append((table, detail.members))
                ns[f"T{len(tables)}"] = table
                lines.append(f"    {a} = {get}")
                lines.append(f"    T{len(tables)}[{a}.__class__]({a})")
            elif kind == "rows":
                lines.append(f"    _rows({get})")
            elif optional is not None and not _omits_defaults(optional):
                pending.append(optional)
                lines.append(f"    {a} = {get}")
                lines.append(f"    if {a} is not None: {name_of(optional)}({a})")

    while pending:
        cls = pending.pop()
        if cls in done:
            continue
        done.add(cls)
        lines: list[str] = []
        if not _omits_defaults(cls):  # the converter's hook refuses a bad cell there
            walk(cls, "o", lines)
        compile_source(
            [f"def {name_of(cls)}(o):", *lines, "    return None"],
            ns,
            what=f"cell checker of {cls.__qualname__}",
        )
    for table, shapes in tables:
        table.update((shape, ns[name_of(shape)]) for shape in shapes)
    return typing.cast(Callable[[Any], None], ns[name_of(report_cls)])


def _each(fn: Callable[[Any], object], items: list[Any]) -> Callable[[], None]:
    """A run of ``fn`` over ``items`` that drops each output at once."""

    def run() -> None:
        for item in items:
            fn(item)

    return run


def main(n: int = 2_000) -> dict[str, float]:
    reports: list[Report] = codec.loads_many(make_texts(n))
    dicts = [codec.unstructure(r) for r in reports]
    expected = [codec.dumps_bytes(r) for r in reports]
    checks = partial_writer(reports[0], "checks")
    cells_only = cell_checker(type(reports[0]))
    with as_dataclasses(type(reports[0])) as classes:
        kinds = mirror_classes(classes)
        mirrors = [mirror(r, kinds) for r in reports]

        def native(report: Any) -> bytes:
            return orjson.dumps(report, default=hook, option=OPTIONS)

        def checked(report: Report) -> bytes:
            checks(report)
            return orjson.dumps(report, default=hook, option=OPTIONS)

        assert [native(r) for r in reports] == expected
        assert [checked(r) for r in reports] == expected
        assert [native(m) for m in mirrors] == expected

        def cells_then_mirror(pair: tuple[Report, Any]) -> bytes:
            cells_only(pair[0])
            return native(pair[1])

        def checks_then_mirror(pair: tuple[Report, Any]) -> bytes:
            checks(pair[0])
            return native(pair[1])

        dump = partial(orjson.dumps, option=OPTIONS)
        pairs = list(zip(reports, mirrors, strict=True))
        ways: dict[str, Callable[[], object]] = {
            "orjson.dumps of the dicts (floor)": _each(dump, dicts),
            "codec.dumps_bytes": _each(codec.dumps_bytes, reports),
            "orjson walks the slotted objects": _each(native, reports),
            "  the same, its cells checked first": _each(checked, reports),
            "orjson walks instance-dict mirrors": _each(native, mirrors),
            "  the same, the report's cells checked first": _each(checks_then_mirror, pairs),
            "  the same, checked by reading the cells alone": _each(cells_then_mirror, pairs),
            "the writer's reads + cell checks alone": _each(checks, reports),
            "reading and checking the cells alone": _each(cells_only, reports),
            "(the floor, its outputs kept in a list)": lambda: [dump(d) for d in dicts],
            "(codec.dumps_bytes, outputs kept in a list)": lambda: [
                codec.dumps_bytes(r) for r in reports
            ],
        }
        times: dict[str, list[float]] = {name: [] for name in ways}
        for _ in range(ROUNDS):  # alternated, so a busy minute weighs on every way alike
            for name, way in ways.items():
                times[name].append(best(way) / n * 1e6)
    floor = min(times["orjson.dumps of the dicts (floor)"])
    print(f"dump_dataclass_route: {n} reports, 2021 edition; CPU µs per report, same bytes")
    results = {}
    for name, runs in times.items():
        results[name] = min(runs)
        print(f"  {name:<46} {min(runs):7.1f} µs  {min(runs) / floor:5.2f}×")
    return results


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2_000)
    objects_alone()
