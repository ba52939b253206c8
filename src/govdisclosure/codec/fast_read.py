"""The generated loader: straight-line code per class, the reference as fallback."""

from __future__ import annotations

import datetime as dt
import threading
import types
import typing
from collections.abc import Callable
from decimal import Decimal
from enum import Enum
from typing import Any, Final

import attrs

from ..cells import CELL_KINDS, TEMPLATE_CELL_KINDS, CellKindRule, NotApplicable
from ..codegen import compile_source
from ..editions import EDITIONS, Report
from ..editions.legacy import LegacyCell
from ..fields import CODEC_CHECKED
from ..tuples import TUPLE_CONVERTERS
from .layouts import Layouts, layouts_of
from .reference import _NA_INSTANCES, _date, _decimal_reader, converter

# -- fast path -------------------------------------------------------------------
#
# The converter above is the reference: it is strict and reports every
# problem with its path.  It is also generic, and loading spends most of its
# time there (engineering notes: cattrs+orjson ~3× a bare orjson.loads).
# So for each attrs class reachable from a report we generate, once,
# straight-line code that checks each value with direct type tests, in the
# same order and with the same rules as the hooks (a cell's bounds, marks and
# text come from its rule in cells.CELL_KINDS, as the hooks' do; a field with
# layout variants is read in the shape codec/layouts.py chooses), compiled by
# govdisclosure.codegen so tracebacks show it, and builds the object
# without going through its ``__init__`` (none of these classes has
# validators or ``__attrs_post_init__``; the ``tuple`` converters are
# applied by building tuples).  The fast path never reports anything: on the
# first value it does not like it raises, and :func:`structure` starts over
# with the reference converter, so error messages and paths are exactly the
# reference's.  Tests check that both paths agree on valid and invalid input.


class _Slow(Exception):
    """The fast path met something it leaves to the reference converter."""


_MISSING: Final = object()


def _fast_text_cell(rule: CellKindRule) -> Callable[[Any], Any]:
    """The fast reader of a filled-or-marked ``Decimal`` cell (``None`` is
    handled by the generated code): the reference's text reader, behind a
    type test."""
    marks = {m: _NA_INSTANCES[m] for m in rule.marks}
    decimal = _decimal_reader(rule)

    def read(value: Any) -> Decimal | NotApplicable:
        if value.__class__ is not str:
            raise _Slow
        mark = marks.get(value)
        return mark if mark is not None else decimal(value)

    return read


def _template_kinds() -> tuple[CellKindRule, Callable[[Any], Any]]:
    """The whole-number kind of a template cell, and the reader of its text kind."""
    rules = [CELL_KINDS[kind] for kind in TEMPLATE_CELL_KINDS]
    whole = [r for r in rules if r.number is int]
    text = [r for r in rules if r.number is not int]
    assert len(whole) == 1 and len(text) == 1, "a template cell is one whole kind or one amount"
    return whole[0], _fast_text_cell(text[0])


_TEMPLATE_WHOLE, _template_text = _template_kinds()


def _fast_legacy_cell(value: Any) -> LegacyCell:
    if value.__class__ is int:
        if _TEMPLATE_WHOLE.fits(value):
            return value
        raise _Slow
    if value is None:
        return None
    return typing.cast(Decimal | NotApplicable, _template_text(value))


class _Keys(threading.local):
    """Keys of the objects read by this thread since the last reset
    (``KEYS.n = 0``): the caller compares them with the keys of the text
    to find duplicates (:func:`govdisclosure.codec.loads`)."""

    n = 0


KEYS: Final = _Keys()


def _count_keys(value: Any) -> None:
    """Add the keys of every object inside ``value`` to :data:`KEYS`: for a
    value the generic converter reads, so that its keys are counted too."""
    n = 0
    todo = [value]
    while todo:
        item = todo.pop()
        if item.__class__ is dict:
            n += len(item)
            todo.extend(item.values())
        elif item.__class__ is list:
            todo.extend(item)
    KEYS.n += n


def _generic_reader(cls: type) -> Callable[[Any], Any]:
    """A class left to the reference converter, its keys counted."""

    def read(value: Any) -> Any:
        _count_keys(value)
        return converter.structure(value, cls)

    return read


def _fast_rows(value: Any) -> dict[str, dict[str, LegacyCell]]:
    if type(value) is not dict:
        raise _Slow
    out: dict[str, dict[str, LegacyCell]] = {}
    KEYS.n += len(value)
    for code, row in value.items():
        if type(code) is not str or type(row) is not dict:
            raise _Slow
        KEYS.n += len(row)
        cells: dict[str, LegacyCell] = {}
        for key, cell in row.items():
            if type(key) is not str:
                raise _Slow
            cells[key] = _fast_legacy_cell(cell)
        out[code] = cells
    return out


def _layout_reader(layouts: Layouts) -> Callable[[Any], Any]:
    """Read a variant field in the shape :meth:`Layouts.choose` picks, with
    that shape's generated reader."""
    names = {cls: _fn_name(cls) for cls in layouts.members}
    choose = layouts.choose

    def read(value: Any) -> Any:
        return _FAST_NS[names[choose(value)]](value)

    return read


_FAST_NS: dict[str, Any] = {
    "_Slow": _Slow,
    "_M": _MISSING,
    "_new": object.__new__,
    "_date": _date,
    "_rows": _fast_rows,
    "_legacy": _fast_legacy_cell,
    "_conv": None,  # the converter, set below (a generic field's fallback)
    "_K": KEYS,
    "_count": _count_keys,
}
for _kind, _rule in CELL_KINDS.items():
    # What the generated checks of each cell kind use (see _check_code).
    if _rule.number is int:
        _FAST_NS[f"_marks_{_kind}"] = {m: _NA_INSTANCES[m] for m in _rule.marks}
    else:
        _FAST_NS[f"_text_{_kind}"] = _fast_text_cell(_rule)


def _fn_name(cls: type) -> str:
    return f"_s_{cls.__module__.replace('.', '_')}_{cls.__qualname__.replace('.', '_')}"


def _check_code(kind: str, v: str, optional: bool) -> list[str]:
    """Lines that check (and convert) local ``v`` for one field kind.

    A cell kind's checks come from its rule (:data:`~govdisclosure.cells.CELL_KINDS`):
    whole numbers are tested inline against the rule's bounds, written as
    constants; an amount's text goes through the rule's text reader.
    """
    rule = CELL_KINDS.get(kind)  # type: ignore[call-overload]
    if rule is not None:
        if rule.number is not int:
            return [f"if {v} is not None: {v} = _text_{kind}({v})"]
        bounds = f"{v} < {rule.minimum}"
        if rule.maximum is not None:
            bounds += f" or {v} > {rule.maximum}"
        return [
            f"if {v}.__class__ is int:",
            f"    if {bounds}: raise _Slow",
            f"elif {v} is not None:",
            f"    if {v}.__class__ is not str: raise _Slow",
            f"    {v} = _marks_{kind}[{v}]",
        ]
    if kind in ("str", "int", "bool"):
        cond = f"{v}.__class__ is not {kind}"
        if optional:
            cond = f"{v} is not None and {cond}"
        return [f"if {cond}: raise _Slow"]
    if kind == "date":
        return (
            [f"if {v} is not None: {v} = _date({v}, None)"]
            if optional
            else [f"{v} = _date({v}, None)"]
        )
    raise AssertionError(kind)


def _classify(tp: Any) -> tuple[str, Any, bool]:
    """``(kind, detail, optional)`` of a field type, for code generation."""
    from ..introspect import cell_kind

    kind = cell_kind(tp)
    if kind is not None:
        return kind, None, False
    if tp == LegacyCell:
        return "legacy", None, False
    layouts = layouts_of(tp)
    if layouts is not None:
        return "layouts", layouts, False
    args = typing.get_args(tp)
    origin = typing.get_origin(tp)
    optional = False
    if origin in (typing.Union, types.UnionType) and type(None) in args and len(args) == 2:
        tp = next(a for a in args if a is not type(None))
        optional = True
        origin, args = typing.get_origin(tp), typing.get_args(tp)
    if tp in (str, int, bool):
        return tp.__name__, None, optional
    if tp is dt.date:
        return "date", None, optional
    if optional:
        return "generic", None, False
    if isinstance(tp, type) and issubclass(tp, Enum):
        return "enum", tp, False
    if isinstance(tp, type) and attrs.has(tp):
        return "object", tp, False
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = args[0]
        if item is str:
            return "str_tuple", None, False
        if isinstance(item, type) and attrs.has(item):
            return "object_tuple", item, False
    if tp == dict[str, dict[str, LegacyCell]]:
        return "rows", None, False
    return "generic", None, False


def _generate(cls: type, edition: str | None, pending: list[type]) -> None:
    """Compile the fast structure function of ``cls`` into ``_FAST_NS``.

    Two variants are generated.  The usual input (anything we wrote) has
    every key, so the first variant reads keys by subscription after one
    length check, which also rules out unknown keys; anything else goes to
    the second, which looks keys up with defaults and checks for unknown
    ones.  ``edition`` is set for report classes: their JSON may carry an
    ``edition`` key, which must then name their own edition.
    """
    from ..introspect import field_types

    name = _fn_name(cls)
    if name in _FAST_NS:
        return
    if not _can_generate(cls):
        # Leave the class to the reference converter (its errors send the
        # whole report down the reference path).
        _FAST_NS[name] = _generic_reader(cls)
        return
    _FAST_NS[name] = None  # reserve: recursive classes refer to themselves
    hints = field_types(cls)
    fields = attrs.fields(cls)
    consts: dict[str, Any] = {"_C": cls}
    exact: list[str] = []
    partial: list[str] = []
    for i, f in enumerate(fields):
        v = f"v{i}"
        kind, detail, optional = _classify(hints[f.name])
        consts[f"_S{i}"] = getattr(cls, f.name).__set__
        body: list[str]
        if kind in CELL_KINDS or kind in ("str", "int", "bool", "date"):
            body = _check_code(kind, v, optional)
        elif kind == "legacy":
            body = [f"{v} = _legacy({v})"]
        elif kind == "layouts":
            pending.extend(detail.members)
            consts[f"_L{i}"] = _layout_reader(detail)
            body = [f"{v} = {name}_L{i}({v})"]
        elif kind == "enum":
            consts[f"_E{i}"] = detail
            body = [f"{v} = _E{i}({v})"]
        elif kind == "object":
            pending.append(detail)
            body = [f"{v} = {_fn_name(detail)}({v})"]
        elif kind == "str_tuple":
            body = [
                f"if {v}.__class__ is not list: raise _Slow",
                f"for x in {v}:",
                "    if x.__class__ is not str: raise _Slow",
                f"{v} = tuple({v})",
            ]
        elif kind == "object_tuple":
            pending.append(detail)
            body = [
                f"if {v}.__class__ is not list: raise _Slow",
                f"{v} = tuple([{_fn_name(detail)}(x) for x in {v}])",
            ]
        elif kind == "rows":
            body = [f"{v} = _rows({v})"]
        else:
            consts[f"_T{i}"] = hints[f.name]
            body = [f"_count({v})", f"{v} = _conv.structure({v}, _T{i})"]
        exact.append(f"{v} = d[{f.name!r}]")
        exact += body
        default = f.default
        if default is attrs.NOTHING:
            partial.append(f"{v} = d[{f.name!r}]")
            partial += body
        elif default is None and (kind in CELL_KINDS or kind == "legacy" or optional):
            partial.append(f"{v} = g({f.name!r})")  # missing and null are both blank
            partial += body
        else:
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                if default.takes_self:
                    missing = "raise _Slow"  # the reference path computes it
                else:
                    consts[f"_D{i}"] = default.factory
                    missing = f"{v} = _D{i}()"
            else:
                consts[f"_D{i}"] = default
                missing = f"{v} = _D{i}"
            partial += [f"{v} = g({f.name!r}, _M)", f"if {v} is _M:", f"    {missing}", "else:"]
            partial += ["    " + line for line in body]
    build = ["o = _new(_C)", *(f"_S{i}(o, v{i})" for i in range(len(fields))), "return o"]
    params = ", ".join(f"{k}={name}{k}" for k in consts)
    for k, value in consts.items():
        _FAST_NS[f"{name}{k}"] = value
    _FAST_NS[f"{name}_K"] = frozenset(f.name for f in fields) | (
        {"edition"} if edition else frozenset()
    )
    head = ["if d.__class__ is not dict: raise _Slow"]
    if edition is None:
        head.append(f"if len(d) != {len(fields)}: return {name}_partial(d)")
        head.append(f"_K.n += {len(fields)}")
    else:
        head += [
            "n = len(d)",
            "_K.n += n",
            "if 'edition' in d:",
            f"    if d['edition'] != {edition!r}: raise _Slow",
            "    n -= 1",
            f"if n != {len(fields)}: return {name}_partial(d)",
        ]
    source = [f"def {name}(d, {params}):", *("    " + x for x in head + exact + build)]
    source += [
        f"def {name}_partial(d, {params}):",
        f"    if not d.keys() <= {name}_K: raise _Slow",
        *(
            [f"    if 'edition' in d and d['edition'] != {edition!r}: raise _Slow"]
            if edition
            else []
        ),
        "    g = d.get",
        *([] if edition else ["    _K.n += len(d)"]),
        *("    " + x for x in partial + build),
    ]
    compile_source(source, _FAST_NS, what=f"reader of {cls.__module__}.{cls.__qualname__}")


def _can_generate(cls: type) -> bool:
    """Whether building ``cls`` without its ``__init__`` gives the same object:
    no validators but those the readers enforce themselves
    (:data:`govdisclosure.fields.CODEC_CHECKED`), no converters but the
    tuple ones (we build tuples), no post-init hook, every field a slot we
    can set."""
    if hasattr(cls, "__attrs_post_init__") or hasattr(cls, "__attrs_pre_init__"):
        return False
    for f in attrs.fields(cls):
        if (f.validator is not None and f.validator not in CODEC_CHECKED) or not f.init:
            return False
        if f.converter is not None and f.converter not in TUPLE_CONVERTERS:
            return False
        if not isinstance(getattr(cls, f.name, None), types.MemberDescriptorType):
            return False
    return True


def _build_fast_path() -> Callable[[Any], Report]:
    """The entry of the fast path: each edition's readers are generated the
    first time one of its reports is read (built-in and plugin editions
    alike: a process that reads only 2021 reports compiles only theirs)."""
    _FAST_NS["_conv"] = converter
    pending: list[type] = []
    by_edition: dict[str, Callable[[Any], Any]] = {}

    lock = threading.Lock()

    def add(edition: str) -> Callable[[Any], Any]:
        with lock:
            if edition in by_edition:
                return by_edition[edition]
            cls = EDITIONS[edition].report_class
            _generate(cls, edition, pending)
            while pending:
                _generate(pending.pop(), None, pending)
            by_edition[edition] = _FAST_NS[_fn_name(cls)]
            return by_edition[edition]

    def fast_report(data: Any) -> Report:
        if type(data) is not dict:
            raise _Slow
        edition = data.get("edition")
        if type(edition) is not str:
            raise _Slow
        read = by_edition.get(edition)
        if read is None:
            if edition not in EDITIONS:
                raise _Slow
            read = add(edition)
        report: Report = read(data)
        return report

    return fast_report


_fast_report: Final = _build_fast_path()
