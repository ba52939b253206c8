"""A writer that builds dataclass objects with instance dicts instead of dicts: measured, not kept.

orjson writes a dataclass natively; when the object has an instance
``__dict__`` (and its class no ``__slots__``) it walks that dict as it
walks any dict (``dump_dataclass_route.py`` describes both of its paths).
Building a dict from Python costs a hash-table insertion per key (the
``BUILD_CONST_KEY_MAP`` of the codec's generated writer: about half of
that writer's instructions, ``dump_counts.py``); an object of an
unslotted class stores its attributes in an array laid out by keys the
class's instances share, and its ``__dict__`` is made from that array in
one step when orjson asks for it.  So this writer is the codec's own
generated writer (the same reads, the same cell checks, the same
conversion of ``Decimal`` and "/" cells) with one change: where the codec
builds a dict literal, it makes an object of a per-class mirror dataclass
(``init=False``, no slots; ``edition`` first on a report) and stores the
values into it, in field order.  Lists, printed-label dicts, the legacy
rows and the classes that leave fields out stay as the codec writes them.

It is made from the source of :mod:`govdisclosure.codec.fast_write`,
compiled again as a separate module (its own namespace of generated
functions), with :class:`MirrorWriter` in place of the codec's
``_Writer``: the dict literal each call of ``value`` returns is parsed
(:mod:`ast`) and turned into statements.  :func:`dumps_bytes` is the
writer; ``tests/bench/test_dump_mirror_writer.py`` checks it writes the
codec's bytes for generated reports of every edition and refuses what the
codec refuses.  ``dump_counts.py`` counts its instructions (``mirrors``).
"""

from __future__ import annotations

import ast
import dataclasses
import inspect
import itertools
from collections.abc import Callable
from types import ModuleType
from typing import Any

import attrs
import orjson

from govdisclosure.codec import fast_write
from govdisclosure.editions import Report

OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE


def _writer_module() -> ModuleType:
    """The codec's writer module compiled again under another name."""
    module = ModuleType("govdisclosure.codec._mirror_write")
    module.__package__ = "govdisclosure.codec"
    exec(compile(inspect.getsource(fast_write), "<mirror writer>", "exec"), module.__dict__)
    return module


_module = _writer_module()
_NS: dict[str, Any] = _module._OUT_NS
_NS["_new"] = object.__new__
_serial = itertools.count()


def mirror_class(cls: type, edition: str | None) -> type:
    """A dataclass with ``cls``'s field names (``edition`` first on a
    report), no ``__init__`` and no slots: its objects keep their values
    in an instance dict, which orjson walks."""
    names = (["edition"] if edition else []) + [f.name for f in attrs.fields(cls)]
    fields = [(name, Any) for name in names]
    return dataclasses.make_dataclass(
        f"{cls.__name__}Out", fields, init=False, repr=False, eq=False
    )


class MirrorWriter(_module._Writer):  # type: ignore[misc,name-defined]
    """The codec's writer, making a mirror object where it made a dict."""

    def value(self, cls: type, var: str, edition: str | None, path: str) -> str:
        literal: str = super().value(cls, var, edition, path)
        if not literal.startswith("{"):
            return literal  # a call (the classes that leave fields out)
        tree = ast.parse(literal, mode="eval").body
        assert isinstance(tree, ast.Dict)
        name = f"{self.name}_M{next(_serial)}"
        _NS[name] = mirror_class(cls, edition)
        obj: str = self.local("m")
        self.lines.append(f"    {obj} = _new({name})")
        for key, expr in zip(tree.keys, tree.values, strict=True):
            assert isinstance(key, ast.Constant) and isinstance(key.value, str)
            self.lines.append(f"    {obj}.{key.value} = {ast.unparse(expr)}")
        return obj


_module.__dict__["_Writer"] = MirrorWriter  # what its _generate_out makes writers with
_unstructure: Callable[[Report], Any] = _module._build_out_path()


def dumps_bytes(report: Report) -> bytes:
    """``codec.dumps_bytes``' bytes, written from mirror objects."""
    return orjson.dumps(_unstructure(report), option=OPTIONS)
