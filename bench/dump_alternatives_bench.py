"""The writer of ``codec.dumps_bytes`` against the other ways to the same bytes.

The dump figure of ``load_bench.py`` (``codec.dumps_bytes`` over
``orjson.dumps`` of the same reports already turned into dicts) has a
target of 1.3× that the generated writer does not reach.  This bench
measures, on ``load_bench.py``'s reports in one run (CPU time), each way
tried of writing exactly the same bytes, so the choice can be checked again
when orjson or msgspec change:

* **the floor**: ``orjson.dumps`` of the ready-made dicts;
* **codec.dumps_bytes**: the generated writer (one dict per object, built
  inline in the function of its report class; cells checked);
* **orjson's default= hook**: ``orjson.dumps(report, default=hook)`` with a
  generated per-class hook returning one shallow dict per attrs object
  (orjson cannot walk attrs or slotted objects itself; cells are not
  checked, so this is a lower bound of that route);
* **msgspec** (when installed): the ready-made dicts encoded by
  ``msgspec.json.Encoder`` and indented by ``msgspec.json.format`` (msgspec
  writes no indentation itself) — the floor of any msgspec route to our
  layout — and the reports copied into ``msgspec.Struct`` mirrors (the
  edition as the struct's tag, written first), encoded and indented.
  msgspec encodes attrs classes natively, but not in our layout: a "/" cell
  is an attrs object and ``Decimal`` is written with ``str()``.

* **dicts filled in place**: the writer's dicts made once per class and
  filled on each call (``dump_partial_writers.py``, ``skeleton``);
* **a template writer**: the text written without dicts, from fixed
  fragments per class and depth and the values of one orjson call split
  back apart (``dump_template_writer.py``), and that route's least work:
  the values already read, written in one call, split and joined with the
  exact text between them (and orjson writing those values alone);
* **the writer's parts**: its reads alone, and its reads with the cell
  checks (``dump_partial_writers.py``): not writers, the least any writer
  from the objects does.

Every alternative is checked to give ``dumps_bytes``' bytes before it is
timed.  Not run by ``bench/run.py`` (no figure of ``floors.py``): run
``python bench/dump_alternatives_bench.py [N]`` (default 2,000).  The
figures, and why 1.3× is out of reach, are in ``bench/README.md``.
"""

from __future__ import annotations

import importlib
import sys
import typing
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
import orjson

import dump_template_writer
from dump_partial_writers import partial_writer
from govdisclosure import codec
from govdisclosure.cells import CELL_KINDS, NotApplicable
from govdisclosure.codec.fast_read import _classify
from govdisclosure.codec.fast_write import _cell_out
from govdisclosure.codec.reference import _omits_defaults
from govdisclosure.codegen import compile_source
from govdisclosure.editions import Report
from govdisclosure.introspect import field_types
from load_bench import best, make_texts

OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE
#: Rounds of every way, alternated (the best of each is kept).
ROUNDS = 6


def _msgspec() -> Any:
    try:
        return importlib.import_module("msgspec")
    except ImportError:
        return None


# -- orjson's default= hook: one shallow dict per object ---------------------------


_HOOKS: dict[type, Callable[[Any], Any]] = {
    Decimal: lambda value: format(value, "f"),
    NotApplicable: lambda value: value.mark,
}


def _shallow(cls: type) -> Callable[[Any], Any]:
    """A generated function giving the dict of one object, its values as they are."""
    if _omits_defaults(cls):
        return lambda o: codec.converter.unstructure(o, cls)
    edition = getattr(cls, "edition", None)
    items = [f"'edition': {edition!r}"] if isinstance(edition, str) else []
    items += [f"{f.name!r}: o.{f.name}" for f in attrs.fields(cls)]
    namespace: dict[str, Any] = {}
    compile_source(
        [f"def shallow(o): return {{{', '.join(items)}}}"], namespace, what=f"hook {cls.__name__}"
    )
    return typing.cast(Callable[[Any], Any], namespace["shallow"])


def hook(value: Any) -> Any:
    """orjson's ``default``: called for every object orjson cannot write."""
    write = _HOOKS.get(value.__class__)
    if write is None:
        if not attrs.has(value.__class__):
            raise TypeError(f"not writable: {value!r}")
        write = _HOOKS[value.__class__] = _shallow(value.__class__)
    return write(value)


# -- msgspec Struct mirrors ----------------------------------------------------


class Mirrors:
    """Per attrs class, a ``msgspec.Struct`` with its fields and a generated copier."""

    def __init__(self, msgspec: Any) -> None:
        self.msgspec = msgspec
        self.ns: dict[str, Any] = {"_cell": _cell_out, "_conv": codec.converter}
        self.layouts: list[tuple[dict[type, Any], tuple[type, ...]]] = []

    def copier(self, cls: type) -> Callable[[Any], Any]:
        self._generate(cls)
        for table, shapes in self.layouts:
            table.update((shape, self.ns[self._name(shape)]) for shape in shapes)
        return typing.cast(Callable[[Any], Any], self.ns[self._name(cls)])

    @staticmethod
    def _name(cls: type) -> str:
        return f"m_{cls.__module__.replace('.', '_')}_{cls.__qualname__}"

    def _generate(self, cls: type) -> None:
        name = self._name(cls)
        if name in self.ns:
            return
        if _omits_defaults(cls):
            self.ns[name] = lambda o, _cls=cls: codec.converter.unstructure(o, _cls)
            return
        self.ns[name] = None
        hints = field_types(cls)
        edition = getattr(cls, "edition", None)
        tag = {"tag_field": "edition", "tag": edition} if isinstance(edition, str) else {}
        fields = attrs.fields(cls)
        self.ns[f"S{name}"] = self.msgspec.defstruct(
            name, [(f.name, object) for f in fields], **tag
        )
        lines, args, pending = [f"def {name}(o):"], [], []
        for i, f in enumerate(fields):
            kind, detail, _ = _classify(hints[f.name])
            get = f"o.{f.name}"
            if kind in CELL_KINDS or kind == "legacy":
                lines += [
                    f"    v{i} = {get}",
                    f"    if v{i}.__class__ is not int and v{i} is not None: v{i} = _cell(v{i})",
                ]
                args.append(f"v{i}")
            elif kind == "object":
                pending.append(detail)
                args.append(f"{self._name(detail)}({get})")
            elif kind == "object_tuple":
                pending.append(detail)
                args.append(f"[{self._name(detail)}(x) for x in {get}]")
            elif kind == "layouts":
                pending.extend(detail.members)
                table: dict[type, Any] = {}
                self.layouts.append((table, detail.members))
                self.ns[f"L{i}{name}"] = table
                args.append(f"L{i}{name}[{get}.__class__]({get})")
            elif (
                kind in ("str", "int", "bool", "date", "enum", "str_tuple")
                or hints[f.name] == dict[str, str]
            ):
                args.append(get)
            else:  # the statistics period (X | None), legacy rows: the converter
                self.ns[f"T{i}{name}"] = hints[f.name]
                args.append(f"_conv.unstructure({get}, T{i}{name})")
        lines.append(f"    return S{name}({', '.join(args)})")
        compile_source(lines, self.ns, what=f"mirror {cls.__qualname__}")
        for shape in pending:
            self._generate(shape)


def _leaves(node: Any, out: list[Any]) -> list[Any]:
    """The scalar values of unstructured JSON data, in the order they are written."""
    if isinstance(node, dict):
        for value in node.values():
            _leaves(value, out)
    elif isinstance(node, list):
        for value in node:
            _leaves(value, out)
    else:
        out.append(node)
    return out


def _placeholders(node: Any) -> Any:
    """``node`` with each scalar replaced by a NUL byte, written verbatim."""
    if isinstance(node, dict):
        return {key: _placeholders(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_placeholders(value) for value in node]
    return orjson.Fragment(b"\0")


def splice(values: tuple[Any, ...], frame: list[bytes | None]) -> bytes:
    """The template route's least work: orjson writes the values (already read)
    in one call, split back one a line and joined with the text between them."""
    out = orjson.dumps(values, option=orjson.OPT_INDENT_2)
    if out.count(b"\n") != len(values) + 1:
        raise ValueError("a value of more than one line")
    pieces = frame.copy()
    pieces[1::2] = out[4:-2].split(b",\n  ")
    return b"".join(typing.cast(list[bytes], pieces))


def main(n: int = 2_000) -> dict[str, float]:
    reports: list[Report] = codec.loads_many(make_texts(n))
    dicts = [codec.unstructure(r) for r in reports]
    expected = [codec.dumps_bytes(r) for r in reports]
    template = dump_template_writer.writer(type(reports[0]))
    skeleton = partial_writer(reports[0], "skeleton")
    reads, checks = partial_writer(reports[0], "reads"), partial_writer(reports[0], "checks")
    values = [tuple(_leaves(d, [])) for d in dicts]
    frames: list[list[bytes | None]] = []
    for d, v in zip(dicts, values, strict=True):
        text = orjson.dumps(_placeholders(d), option=OPTIONS).split(b"\0")
        frame: list[bytes | None] = [None] * (2 * len(v) + 1)
        frame[0::2] = text
        frames.append(frame)
    assert [splice(v, f) for v, f in zip(values, frames, strict=True)] == expected
    assert [template(r) for r in reports] == expected
    assert [orjson.dumps(skeleton(r), option=OPTIONS) for r in reports] == expected
    assert [orjson.dumps(r, default=hook, option=OPTIONS) for r in reports] == expected
    ways: dict[str, Callable[[], object]] = {
        "orjson.dumps of the dicts (floor)": lambda: [
            orjson.dumps(d, option=OPTIONS) for d in dicts
        ],
        "codec.dumps_bytes": lambda: [codec.dumps_bytes(r) for r in reports],
        "orjson default= hook": lambda: [
            orjson.dumps(r, default=hook, option=OPTIONS) for r in reports
        ],
        "dicts filled in place + orjson": lambda: [
            orjson.dumps(skeleton(r), option=OPTIONS) for r in reports
        ],
        "template writer (text, no dicts)": lambda: [template(r) for r in reports],
        "  its least: values read, split, joined": lambda: [
            splice(v, f) for v, f in zip(values, frames, strict=True)
        ],
        "  the values alone by orjson": lambda: [
            orjson.dumps(v, option=orjson.OPT_INDENT_2) for v in values
        ],
        "reads of the writer only": lambda: [reads(r) for r in reports],
        "reads + cell checks only": lambda: [checks(r) for r in reports],
    }
    msgspec = _msgspec()
    if msgspec is not None:
        encode, indent = msgspec.json.Encoder().encode, msgspec.json.format
        mirror = Mirrors(msgspec).copier(type(reports[0]))

        def via_mirrors(report: Report) -> bytes:
            return bytes(indent(encode(mirror(report)), indent=2)) + b"\n"

        assert [bytes(indent(encode(d), indent=2)) + b"\n" for d in dicts] == expected
        assert [via_mirrors(r) for r in reports] == expected
        ways["msgspec of the dicts + format"] = lambda: [
            indent(encode(d), indent=2) + b"\n" for d in dicts
        ]
        ways["msgspec Struct mirrors + format"] = lambda: [via_mirrors(r) for r in reports]
    times: dict[str, list[float]] = {name: [] for name in ways}
    for _ in range(ROUNDS):  # alternated, so a busy minute weighs on every way alike
        for name, way in ways.items():
            times[name].append(best(way) / n * 1e6)
    floor = min(times["orjson.dumps of the dicts (floor)"])
    print(f"dump_alternatives_bench: {n} reports, 2021 edition; CPU µs per report, same bytes")
    results = {}
    for name, runs in times.items():
        results[name] = min(runs)
        print(f"  {name:<40} {min(runs):7.1f} µs  {min(runs) / floor:5.2f}×")
    if msgspec is None:
        print("  (msgspec is not installed: its two ways were not measured)")
    return results


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2_000)
