"""Loading and saving reports as JSON, with one cattrs converter.

Choices, and why:

* **Strict hooks.**  cattrs' defaults coerce ``3.7`` to ``3`` and ``5`` to
  ``"5"``; a report library must not.  Counts must be JSON integers in
  ``[0, 10^9]``, money a JSON *string* holding a plain decimal (a float
  would lose exactness), text must be text.
* **Every problem, with its path.**  Type and range checks live in the
  converter's hooks rather than in attrs validators, so each failure carries
  its JSON path and all of them are reported at once (:class:`LoadError`).
* **Stable output.**  Keys in definition order, ``edition`` first, UTF-8
  without ``\\u4e2d``-style escapes, two-space indent, newline at the end:
  ``dumps(loads(text)) == text`` for any text we wrote.
* **Fast, with the converter as the reference.**  Generic structuring cost
  about three times the JSON parse.  Generated per-class functions (see
  "fast path" below) load and write well-formed reports; whenever they meet
  anything unusual, the converter starts over and decides, so strictness
  and error messages are the converter's alone.  ``bench/README.md`` has
  the figures.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import re
import types
import typing
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from enum import Enum, StrEnum
from pathlib import Path as FsPath
from typing import Any, Final

import attrs
import cattrs
import orjson
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from .cells import MAX_COUNT, NA_MARKS, NotApplicable
from .common import UnitKind
from .editions.applications import ApplicantRow, OtherHandling2021
from .editions.legacy import MONEY_UNITS, LegacyCell, ReportLegacy
from .errors import LoadError, Problem
from .files import write_atomic
from .i18n import N_
from .paths import Path, json_path
from .registry import EDITIONS, Report, UnknownTemplateError, find_template
from .tuples import TUPLE_CONVERTERS

__all__ = [
    "converter",
    "dump",
    "dumps",
    "dumps_bytes",
    "load",
    "loads",
    "loads_many",
    "structure",
    "unstructure",
]

_DECIMAL = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?\Z")
_NA_INSTANCES: Final[dict[str, NotApplicable]] = {m: NotApplicable(m) for m in NA_MARKS}


class _Bad(ValueError):
    """A leaf value that is not what the field expects."""

    def __init__(self, expected: str, found: object):
        super().__init__(expected)
        self.expected = expected
        self.found = found


def _show(value: object) -> str:
    text = orjson.dumps(value, default=str).decode() if not isinstance(value, str) else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


# -- cells ---------------------------------------------------------------------


def _count(value: Any, _: Any) -> int | NotApplicable | None:
    if type(value) is int:
        if 0 <= value <= MAX_COUNT:
            return value
        raise _Bad("a count between 0 and 1000000000", value)
    if value is None:
        return None
    if type(value) is str and value in _NA_INSTANCES:
        return _NA_INSTANCES[value]
    raise _Bad('a whole-number count, null (blank) or "/" (not applicable)', value)


def _signed(value: Any, _: Any) -> int | NotApplicable | None:
    if type(value) is int:
        if -MAX_COUNT <= value <= MAX_COUNT:
            return value
        raise _Bad("a signed count between -1000000000 and 1000000000", value)
    if value is None:
        return None
    if type(value) is str and value in _NA_INSTANCES:
        return _NA_INSTANCES[value]
    raise _Bad('a whole number (may be negative), null (blank) or "/" (not applicable)', value)


def _decimal(value: str) -> Decimal:
    if not _DECIMAL.match(value):
        raise _Bad('an amount as a decimal string such as "96171.6"', value)
    number = Decimal(value)
    if number < 0:
        raise _Bad("a non-negative amount", value)
    return number


def _money(value: Any, _: Any) -> Decimal | NotApplicable | None:
    if value is None:
        return None
    if type(value) is str:
        if value in _NA_INSTANCES:
            return _NA_INSTANCES[value]
        return _decimal(value)
    raise _Bad('an amount as a decimal string such as "96171.6", null or "/"', value)


def _legacy_cell(value: Any, _: Any) -> LegacyCell:
    if type(value) is int:
        if 0 <= value <= MAX_COUNT:
            return value
        raise _Bad("a count between 0 and 1000000000", value)
    if value is None:
        return None
    if type(value) is str:
        if value in _NA_INSTANCES:
            return _NA_INSTANCES[value]
        if _DECIMAL.match(value):
            return _decimal(value)
    # Which of the two a row wants is the template's to say (see
    # _legacy_problems); text that is neither is refused naming both.
    raise _Bad('a whole-number count, an amount string, null (blank) or "/"', value)


def _unstructure_cell(value: Any) -> Any:
    if type(value) is int or value is None:
        return value
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, NotApplicable):
        return value.mark
    raise TypeError(f"not a cell value: {value!r}")


# -- scalars -------------------------------------------------------------------


def _str(value: Any, _: Any) -> str:
    if type(value) is str:
        return value
    raise _Bad("text (a JSON string)", value)


def _int(value: Any, _: Any) -> int:
    if type(value) is int:
        return value
    raise _Bad("a whole number", value)


def _bool(value: Any, _: Any) -> bool:
    if type(value) is bool:
        return value
    raise _Bad("true or false", value)


def _date(value: Any, _: Any) -> dt.date:
    if type(value) is str:
        try:
            return dt.date.fromisoformat(value) if len(value) == 10 else _raise_date(value)
        except ValueError:
            pass
    raise _Bad('a date as "YYYY-MM-DD"', value)


def _raise_date(value: str) -> dt.date:
    raise ValueError(value)


#: What an enum field expects, as a message id of the catalogs.
_ENUM_EXPECTED: Final[dict[type[Enum], str]] = {
    UnitKind: N_('"government" (a people\'s government) or "department"'),
}


def _enum(value: Any, cls: type[Enum]) -> Enum:
    try:
        return cls(value)
    except ValueError:
        expected = _ENUM_EXPECTED.get(cls)
        if expected is None:  # an enum added to the model without a message yet
            expected = "one of " + ", ".join(repr(m.value) for m in cls)
        raise _Bad(expected, value) from None


def _is_homogeneous_tuple(tp: Any) -> bool:
    args = typing.get_args(tp)
    return typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple(value: Any, tp: Any) -> tuple[Any, ...]:
    """A ``tuple[X, ...]`` field from a JSON array, and only from one.

    cattrs would iterate whatever it is given, so a paragraph list written
    as one string would load as one paragraph per character.
    """
    if type(value) is not list:
        raise _Bad("a value of the right type", value)
    item = typing.get_args(tp)[0]
    handler = converter.get_structure_hook(item)
    out, errors = [], []
    for index, element in enumerate(value):
        try:
            out.append(handler(element, item))
        except Exception as exc:  # noqa: BLE001 - collected, reported with the index
            note = IterableValidationNote(f"Structuring {tp} @ index {index}", index, item)
            exc.__notes__ = [*getattr(exc, "__notes__", []), note]
            errors.append(exc)
    if errors:
        raise IterableValidationError(f"While structuring {tp!r}", errors, tp)
    return tuple(out)


def _other_handling(value: Any, _: Any) -> OtherHandling2021 | ApplicantRow:
    """（六）其他处理: three official sub-rows, or a single printed row."""
    if isinstance(value, dict) and not (value.keys() & _SUBROW_KEYS):
        return converter.structure(value, ApplicantRow)
    return converter.structure(value, OtherHandling2021)


_SUBROW_KEYS: Final = frozenset(a.name for a in attrs.fields(OtherHandling2021))


def _report(value: Any, _: Any) -> Report:
    if not isinstance(value, dict):
        raise _Bad("a JSON object (a report)", value)
    edition = value.get("edition")
    cls = EDITIONS.get(edition) if isinstance(edition, str) else None
    if cls is None:
        raise _EditionError(edition)
    body = {k: v for k, v in value.items() if k != "edition"}
    report: Report = converter.structure(body, cls)
    return report


class _EditionError(ValueError):
    def __init__(self, found: object, *, of_parent: bool = False):
        super().__init__(found)
        self.found = found
        #: Raised for a part whose edition differs from its report's.
        self.of_parent = of_parent


def _is_kind(kind: str) -> Callable[[Any], bool]:
    def predicate(tp: Any) -> bool:
        meta = getattr(tp, "__metadata__", None)
        return bool(meta) and typing.cast(tuple[Any, ...], meta)[0] == kind

    return predicate


def _make_converter() -> cattrs.Converter:
    c = cattrs.Converter(forbid_extra_keys=True)
    kind_hooks: dict[str, Callable[[Any, Any], Any]] = {
        "count": _count,
        "signed": _signed,
        "money": _money,
    }
    for kind, hook in kind_hooks.items():
        c.register_structure_hook_func(_is_kind(kind), hook)
        c.register_unstructure_hook_func(_is_kind(kind), _unstructure_cell)
    c.register_structure_hook(LegacyCell, _legacy_cell)
    c.register_unstructure_hook(LegacyCell, _unstructure_cell)
    c.register_structure_hook(str, _str)
    c.register_structure_hook(int, _int)
    c.register_structure_hook(bool, _bool)
    c.register_structure_hook(dt.date, _date)
    c.register_unstructure_hook(dt.date, dt.date.isoformat)
    c.register_structure_hook_func(lambda t: isinstance(t, type) and issubclass(t, Enum), _enum)
    # A StrEnum is also a str: without its own hook the str hook above wins
    # (single dispatch by MRO) and any text would pass as a UnitKind.
    c.register_structure_hook(StrEnum, _enum)
    c.register_structure_hook_func(_is_homogeneous_tuple, _tuple)
    c.register_structure_hook(OtherHandling2021 | ApplicantRow, _other_handling)
    c.register_unstructure_hook(
        OtherHandling2021 | ApplicantRow, lambda v: c.unstructure(v, type(v))
    )
    c.register_structure_hook(Report, _report)
    for edition, cls in EDITIONS.items():
        # ``parts`` are typed by their class, not the union, so their
        # ``edition`` key (written by the unstructure hook below) must be
        # checked and dropped here too, or a consolidated report would not
        # read back.
        base_structure = cattrs.gen.make_dict_structure_fn(cls, c, _cattrs_forbid_extra_keys=True)

        def structure_report(
            value: Any, _: Any, _base: Any = base_structure, _edition: str = edition
        ) -> Any:
            if isinstance(value, dict) and "edition" in value:
                if value["edition"] != _edition:
                    raise _EditionError(value["edition"], of_parent=True)
                value = {k: v for k, v in value.items() if k != "edition"}
            return _base(value, None)

        c.register_structure_hook(cls, structure_report)
        base = cattrs.gen.make_dict_unstructure_fn(cls, c)

        def unstructure_report(obj: Any, _base: Any = base, _edition: str = edition) -> Any:
            return {"edition": _edition, **_base(obj)}

        c.register_unstructure_hook(cls, unstructure_report)
    c.register_unstructure_hook(Report, lambda v: c.unstructure(v, type(v)))
    return c


#: The converter; use it to (un)structure parts of a report.
converter: Final = _make_converter()


# -- errors --------------------------------------------------------------------


def _problems(exc: BaseException, path: Path) -> Iterator[Problem]:
    if isinstance(exc, ForbiddenExtraKeysError):
        for key in sorted(exc.extra_fields):
            yield Problem(json_path((*path, key)), "no such field (unknown key)", repr(key))
        return
    if isinstance(exc, (ClassValidationError, IterableValidationError)):
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            step: str | int
            name = getattr(note, "name", None)
            if name is not None:
                step = name
            elif isinstance(getattr(note, "index", None), (int, str)):
                # list items carry an int index; mapping values their str key
                step = typing.cast(int | str, note.index)
            else:
                step = str(note)
            yield from _problems(sub, (*path, step))
        for sub in without:
            yield from _problems(sub, path)
        return
    if isinstance(exc, _Bad):
        yield Problem(json_path(path), exc.expected, _show(exc.found))
    elif isinstance(exc, _EditionError):
        expected = (
            N_("the edition of the report it is part of")
            if exc.of_parent
            else 'edition "2021", "2019" or "legacy"'
        )
        yield Problem(json_path((*path, "edition")), expected, _show(exc.found))
    elif isinstance(exc, KeyError):
        # cattrs already notes the field's name on a missing key
        key = str(exc.args[0])
        where = path if path and path[-1] == key else (*path, key)
        yield Problem(json_path(where), "a required field", "nothing")
    elif isinstance(exc, (TypeError, ValueError)) and "missing" in str(exc):
        yield Problem(json_path(path), "a required field", str(exc))
    else:
        yield Problem(json_path(path), "a value of the right type", f"{type(exc).__name__}: {exc}")


def _legacy_problems(report: ReportLegacy, root: Path) -> Iterator[Problem]:
    """What only the template can tell: known rows, columns and units."""
    table = report.statistics
    try:
        template = find_template(table.template)
    except UnknownTemplateError:
        yield Problem(
            json_path((*root, "statistics", "template")),
            "a known statistics template id",
            _show(table.template),
        )
        return
    columns = {c.key for c in template.columns}
    rows = {r.code: r for r in template.rows}
    for code, values in table.rows.items():
        row_path = (*root, "statistics", "rows", code)
        row = rows.get(code)
        if row is None:
            yield Problem(json_path(row_path), "a row code of the template", _show(code))
            continue
        for key, value in values.items():
            path = json_path((*row_path, key))
            if key not in columns:
                yield Problem(path, "a column key of the template", _show(key))
            elif row.is_header and value is not None:
                yield Problem(path, "no value: this row is a section heading", _show(value))
            elif row.unit in MONEY_UNITS and type(value) is int:
                yield Problem(path, 'an amount as a decimal string such as "96171.6"', str(value))
            elif row.unit not in MONEY_UNITS and isinstance(value, Decimal):
                yield Problem(path, "a whole-number count", _show(format(value, "f")))
    for i, part in enumerate(report.parts):
        yield from _legacy_problems(part, (*root, "parts", i))


# -- fast path -------------------------------------------------------------------
#
# The converter above is the reference: it is strict and reports every
# problem with its path.  It is also generic, and loading spends most of its
# time there (engineering notes: cattrs+orjson ~3× a bare orjson.loads).
# So for each attrs class reachable from a report we generate, once,
# straight-line code that checks each value with direct type tests, in the
# same order and with the same rules as the hooks, and builds the object
# without going through its ``__init__`` (none of these classes has
# validators or ``__attrs_post_init__``; the ``tuple`` converters are
# applied by building tuples).  The fast path never reports anything: on the
# first value it does not like it raises, and :func:`structure` starts over
# with the reference converter, so error messages and paths are exactly the
# reference's.  Tests check that both paths agree on valid and invalid input.


class _Slow(Exception):
    """The fast path met something it leaves to the reference converter."""


_MISSING: Final = object()


def _fast_decimal(value: Any) -> Decimal | NotApplicable:
    if type(value) is not str:
        raise _Slow
    na = _NA_INSTANCES.get(value)
    return na if na is not None else _decimal(value)


def _fast_legacy_cell(value: Any) -> LegacyCell:
    if type(value) is int:
        if 0 <= value <= MAX_COUNT:
            return value
        raise _Slow
    if value is None:
        return None
    return _fast_decimal(value)


def _fast_rows(value: Any) -> dict[str, dict[str, LegacyCell]]:
    if type(value) is not dict:
        raise _Slow
    out: dict[str, dict[str, LegacyCell]] = {}
    for code, row in value.items():
        if type(code) is not str or type(row) is not dict:
            raise _Slow
        cells: dict[str, LegacyCell] = {}
        for key, cell in row.items():
            if type(key) is not str:
                raise _Slow
            cells[key] = _fast_legacy_cell(cell)
        out[code] = cells
    return out


def _fast_other_handling(value: Any) -> OtherHandling2021 | ApplicantRow:
    """（六）其他处理, decided as :func:`_other_handling` decides."""
    if type(value) is dict and _SUBROW_KEYS.isdisjoint(value):
        return typing.cast(ApplicantRow, _FAST_NS["_s_row"](value))
    return typing.cast(OtherHandling2021, _FAST_NS["_s_subrows"](value))


_FAST_NS: dict[str, Any] = {
    "_Slow": _Slow,
    "_M": _MISSING,
    "_NA": _NA_INSTANCES,
    "_MAXC": MAX_COUNT,
    "_new": object.__new__,
    "_dec": _fast_decimal,
    "_date": _date,
    "_rows": _fast_rows,
    "_legacy": _fast_legacy_cell,
    "_oh": _fast_other_handling,
    "_conv": None,  # the converter, set below (a generic field's fallback)
}


def _fn_name(cls: type) -> str:
    return f"_s_{cls.__module__.replace('.', '_')}_{cls.__qualname__.replace('.', '_')}"


def _check_code(kind: str, v: str, optional: bool) -> list[str]:
    """Lines that check (and convert) local ``v`` for one field kind."""
    if kind == "count" or kind == "signed":
        low = "0" if kind == "count" else "-_MAXC"
        return [
            f"if {v}.__class__ is int:",
            f"    if {v} < {low} or {v} > _MAXC: raise _Slow",
            f"elif {v} is not None:",
            f"    if {v}.__class__ is not str: raise _Slow",
            f"    {v} = _NA[{v}]",
        ]
    if kind == "money":
        return [f"if {v} is not None: {v} = _dec({v})"]
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
    from .introspect import cell_kind

    kind = cell_kind(tp)
    if kind is not None:
        return kind, None, False
    if tp == LegacyCell:
        return "legacy", None, False
    if tp == OtherHandling2021 | ApplicantRow:
        return "other_handling", None, False
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
    from .introspect import field_types

    name = _fn_name(cls)
    if name in _FAST_NS:
        return
    if not _can_generate(cls):
        # Leave the class to the reference converter (its errors send the
        # whole report down the reference path).
        _FAST_NS[name] = lambda d, _cls=cls: converter.structure(d, _cls)
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
        if kind in ("count", "signed", "money", "str", "int", "bool", "date"):
            body = _check_code(kind, v, optional)
        elif kind == "legacy":
            body = [f"{v} = _legacy({v})"]
        elif kind == "other_handling":
            body = [f"{v} = _oh({v})"]
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
            body = [f"{v} = _conv.structure({v}, _T{i})"]
        exact.append(f"{v} = d[{f.name!r}]")
        exact += body
        default = f.default
        if default is attrs.NOTHING:
            partial.append(f"{v} = d[{f.name!r}]")
            partial += body
        elif default is None and (kind in ("count", "signed", "money", "legacy") or optional):
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
    else:
        head += [
            "n = len(d)",
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
        *("    " + x for x in partial + build),
    ]
    exec("\n".join(source), _FAST_NS)


def _can_generate(cls: type) -> bool:
    """Whether building ``cls`` without its ``__init__`` gives the same object:
    no validators, no converters but the tuple ones (we build tuples), no
    post-init hook, every field a slot we can set."""
    if hasattr(cls, "__attrs_post_init__") or hasattr(cls, "__attrs_pre_init__"):
        return False
    for f in attrs.fields(cls):
        if f.validator is not None or not f.init:
            return False
        if f.converter is not None and f.converter not in TUPLE_CONVERTERS:
            return False
        if not isinstance(getattr(cls, f.name, None), types.MemberDescriptorType):
            return False
    return True


def _build_fast_path() -> Callable[[Any], Report]:
    """Generate the fast functions of every report class; return the entry."""
    _FAST_NS["_conv"] = converter
    pending: list[type] = [ApplicantRow, OtherHandling2021]
    for edition, cls in EDITIONS.items():
        _generate(cls, edition, pending)
    while pending:
        _generate(pending.pop(), None, pending)
    _FAST_NS["_s_row"] = _FAST_NS[_fn_name(ApplicantRow)]
    _FAST_NS["_s_subrows"] = _FAST_NS[_fn_name(OtherHandling2021)]
    by_edition = {edition: _FAST_NS[_fn_name(cls)] for edition, cls in EDITIONS.items()}

    def fast_report(data: Any) -> Report:
        if type(data) is not dict:
            raise _Slow
        edition = data.get("edition")
        if type(edition) is not str or edition not in by_edition:
            raise _Slow
        report: Report = by_edition[edition](data)
        return report

    return fast_report


_fast_report: Final = _build_fast_path()


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


def _out_name(cls: type) -> str:
    return "_u" + _fn_name(cls)[2:]


def _generate_out(cls: type, edition: str | None, pending: list[type]) -> None:
    from .introspect import field_types

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
        if kind in ("count", "signed", "money", "legacy"):
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
        elif kind == "other_handling":
            expr = f"_oh[{get}.__class__]({get})"
        elif kind == "rows":
            expr = f"_rows({get})"
        else:
            _OUT_NS[f"{name}_T{i}"] = hints[f.name]
            expr = f"_conv.unstructure({get}, {name}_T{i})"
        items.append(f"{f.name!r}: {expr}")
    lines.append("    return {" + ", ".join(items) + "}")
    exec("\n".join(lines), _OUT_NS)


def _build_out_path() -> Callable[[Report], dict[str, Any]]:
    _OUT_NS["_conv"] = converter
    pending: list[type] = [ApplicantRow, OtherHandling2021]
    for edition, cls in EDITIONS.items():
        _generate_out(cls, edition, pending)
    while pending:
        _generate_out(pending.pop(), None, pending)
    _OUT_NS["_oh"] = {c: _OUT_NS[_out_name(c)] for c in (ApplicantRow, OtherHandling2021)}
    by_class = {cls: _OUT_NS[_out_name(cls)] for cls in EDITIONS.values()}

    def out(report: Report) -> dict[str, Any]:
        result: dict[str, Any] = by_class[type(report)](report)
        return result

    return out


_fast_unstructure: Final = _build_out_path()


# -- public API ----------------------------------------------------------------


def structure(data: Any, *, source: str | None = None) -> Report:
    """Build a report from already-parsed JSON data (dicts and lists).

    The generated fast path is tried first; if it refuses anything, the
    reference converter builds the report or raises :class:`LoadError` with
    every problem.  Legacy tables are then checked against their template.
    """
    try:
        report = _fast_report(data)
    except Exception:  # noqa: BLE001 - anything unusual: the reference path decides
        report = _reference_structure(data, source)
    if isinstance(report, ReportLegacy):
        problems = list(_legacy_problems(report, ()))
        if problems:
            raise LoadError(problems, source)
    return report


def _reference_structure(data: Any, source: str | None = None) -> Report:
    """The reference converter alone (the fast path's fallback and oracle)."""
    try:
        report: Report = converter.structure(data, Report)  # type: ignore[arg-type]
    except Exception as exc:  # noqa: BLE001 - every failure becomes a LoadError
        raise LoadError(
            list(_problems(exc, ())) or [Problem("$", "a report", repr(exc))], source
        ) from None
    return report


def unstructure(report: Report) -> dict[str, Any]:
    """The JSON-ready dict of a report (``edition`` first)."""
    return typing.cast(dict[str, Any], converter.unstructure(report, type(report)))


def loads(text: str | bytes, *, source: str | None = None) -> Report:
    """Read a report from JSON text.  Raises :class:`LoadError`."""
    if isinstance(text, bytes):
        if text.startswith(b"\xef\xbb\xbf"):
            text = text[3:]
    elif text.startswith("\ufeff"):
        text = text[1:]
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        # orjson refuses text that is not UTF-8; only then is it worth
        # decoding (a second pass over the bytes) to say where and why.
        if isinstance(text, bytes):
            _check_utf8(text, source)
        raise LoadError([Problem("$", "well-formed JSON", str(exc))], source) from None
    return structure(data, source=source)


def _check_utf8(data: bytes, source: str | None) -> None:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LoadError(
            [
                Problem(
                    "$",
                    "UTF-8 text",
                    f"invalid byte at offset {exc.start}"
                    + (" (GBK/GB18030?)" if _looks_gbk(data) else ""),
                )
            ],
            source,
        ) from None


def _looks_gbk(data: bytes) -> bool:
    try:
        data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return True


def load(path: str | os.PathLike[str]) -> Report:
    """Read a report from a JSON file; errors name the file."""
    name = os.fspath(path)
    try:
        data = FsPath(path).read_bytes()
    except OSError as exc:
        raise LoadError([Problem("$", "a readable file", exc.strerror or str(exc))], name) from None
    return loads(data, source=name)


def dumps(report: Report) -> str:
    """The canonical JSON text of a report (stable, UTF-8, indented)."""
    return dumps_bytes(report).decode()


_DUMP_OPTIONS: Final = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE


def dumps_bytes(report: Report) -> bytes:
    """:func:`dumps` as UTF-8 bytes, without decoding: what a file receives.

    Decoding ~15 KiB of mostly Chinese UTF-8 into a ``str`` costs about as
    much as writing the JSON; bulk writers and :func:`dump` skip it.
    """
    return orjson.dumps(_fast_unstructure(report), option=_DUMP_OPTIONS)


def dump(report: Report, path: str | os.PathLike[str]) -> None:
    """Write a report atomically (:func:`govdisclosure.files.write_atomic`).

    The JSON is made first, so a report that cannot be written leaves
    nothing behind; readers of ``path`` see the old file or the new one,
    never part of one.  An existing file is replaced.
    """
    write_atomic(dumps_bytes(report), path, force=True)


def loads_many(texts: Iterable[str | bytes]) -> list[Report]:
    """Load many reports with the garbage collector paused.

    Bulk loads build many small objects; pausing GC is the largest single
    saving measured (see bench/).  GC is restored even on error.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        return [loads(t) for t in texts]
    finally:
        if enabled:
            gc.enable()
