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
  without ``\\uXXXX`` escapes, two-space indent, newline at the end:
  ``dumps(loads(text)) == text`` for any text we wrote.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import re
import typing
from collections.abc import Callable, Iterator
from decimal import Decimal
from enum import Enum, StrEnum
from pathlib import Path as FsPath
from typing import Any, Final

import attrs
import cattrs
import orjson
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

from .cells import MAX_COUNT, NA_MARKS, NotApplicable
from .editions.applications import ApplicantRow, OtherHandling2021
from .editions.legacy import MONEY_UNITS, LegacyCell, ReportLegacy
from .errors import LoadError, Problem
from .paths import Path, json_path
from .registry import EDITIONS, Report, UnknownTemplateError, find_template

__all__ = ["converter", "dump", "dumps", "load", "loads", "structure", "unstructure"]

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
        return _decimal(value)
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


def _enum(value: Any, cls: type[Enum]) -> Enum:
    try:
        return cls(value)
    except ValueError:
        raise _Bad("one of " + ", ".join(repr(m.value) for m in cls), value) from None


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
    def __init__(self, found: object):
        super().__init__(found)
        self.found = found


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
                    raise _EditionError(value["edition"])
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
        yield Problem(
            json_path((*path, "edition")),
            'edition "2021", "2019" or "legacy"',
            _show(exc.found),
        )
    elif isinstance(exc, KeyError):
        yield Problem(json_path((*path, str(exc.args[0]))), "a required field", "nothing")
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


# -- public API ----------------------------------------------------------------


def structure(data: Any, *, source: str | None = None) -> Report:
    """Build a report from already-parsed JSON data (dicts and lists)."""
    try:
        report: Report = converter.structure(data, Report)  # type: ignore[arg-type]
    except Exception as exc:  # noqa: BLE001 - every failure becomes a LoadError
        raise LoadError(
            list(_problems(exc, ())) or [Problem("$", "a report", repr(exc))], source
        ) from None
    if isinstance(report, ReportLegacy):
        problems = list(_legacy_problems(report, ()))
        if problems:
            raise LoadError(problems, source)
    return report


def unstructure(report: Report) -> dict[str, Any]:
    """The JSON-ready dict of a report (``edition`` first)."""
    return typing.cast(dict[str, Any], converter.unstructure(report, type(report)))


def loads(text: str | bytes, *, source: str | None = None) -> Report:
    """Read a report from JSON text.  Raises :class:`LoadError`."""
    if isinstance(text, bytes):
        if text.startswith(b"\xef\xbb\xbf"):
            text = text[3:]
        try:
            text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise LoadError(
                [
                    Problem(
                        "$",
                        "UTF-8 text",
                        f"invalid byte at offset {exc.start}"
                        + (" (GBK/GB18030?)" if _looks_gbk(text) else ""),
                    )
                ],
                source,
            ) from None
    elif text.startswith("\ufeff"):
        text = text[1:]
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        raise LoadError([Problem("$", "well-formed JSON", str(exc))], source) from None
    return structure(data, source=source)


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
    return orjson.dumps(unstructure(report), option=orjson.OPT_INDENT_2).decode() + "\n"


def dump(report: Report, path: str | os.PathLike[str]) -> None:
    """Write a report atomically: a temporary file renamed into place."""
    target = FsPath(path)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(dumps(report), encoding="utf-8")
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def loads_many(texts: list[bytes] | list[str]) -> list[Report]:
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
