"""The reference converter: strict cattrs hooks, and every problem with its path.

Counts must be JSON integers in ``[0, 10^9]``, money a JSON *string* holding
a plain decimal, text must be text (cattrs' defaults would coerce ``3.7`` to
``3``).  The checks live in the converter's hooks, not in attrs validators,
so each failure carries its JSON path and all of them are reported at once.
The fast paths (:mod:`.fast_read`, :mod:`.fast_write`) are checked against
this converter, and it decides whenever they meet anything unusual.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from collections.abc import Callable, Iterator
from decimal import Decimal
from enum import Enum, StrEnum
from functools import cache
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

from ..cells import CELL_KINDS, NA_MARKS, TEMPLATE_CELL_KINDS, CellKindRule, NotApplicable
from ..editions import EDITIONS, Report, edition_of
from ..editions.legacy import MONEY_UNITS, LegacyCell, ReportLegacy, StatisticsTemplate
from ..errors import Problem
from ..fields import LABEL_TOO_LONG, MAX_PRINTED_LABEL
from ..filefaults import library_words
from ..i18n import N_
from ..introspect import label_field, printed_fields, table_info
from ..paths import Path, json_path
from ..registry import UnknownTemplateError, find_template, tables_of
from ..report_base import ReportBase, UnitKind
from ..templates import template_problems
from .layouts import layouts_of

_NA_INSTANCES: Final[dict[str, NotApplicable]] = {m: NotApplicable(m) for m in NA_MARKS}


class _Bad(ValueError):
    """A leaf value that is not what the field expects."""

    def __init__(self, expected: str, found: object):
        super().__init__(expected)
        self.expected = expected
        self.found = found


class WrittenNumber(float):
    """A JSON number with a fraction or an exponent, keeping the text it was
    written as (``1e309``, ``NaN``, ``3.0``): read only on the error path, so
    a message shows the number the file holds, not the double it rounds to
    (``1e309`` is infinity, ``1e2`` is ``100.0``)."""

    text: str

    def __new__(cls, text: str) -> WrittenNumber:
        number = super().__new__(cls, text)
        number.text = text
        return number

    def __repr__(self) -> str:
        return self.text

    __str__ = __repr__


def _show(value: object) -> str:
    if isinstance(value, WrittenNumber):
        return value.text
    if type(value) is int:  # beyond 64 bits, orjson cannot write it
        return str(value) if len(str(value)) <= 60 else f"{str(value)[:57]}..."
    text = orjson.dumps(value, default=str).decode() if not isinstance(value, str) else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


# -- cells ---------------------------------------------------------------------
#
# Every cell kind's reader is built from its rule in cells.CELL_KINDS (bounds,
# marks, the text of an amount, the messages); the generated reader
# (fast_read) and the JSON Schema are built from the same rules.


@cache
def _number_text(rule: CellKindRule) -> re.Pattern[str]:
    """The text of a ``Decimal`` cell, with a sign allowed: a leading minus
    is recognised only to say what is wrong with it ("-5" is a negative
    amount, not a malformed one)."""
    assert rule.text_pattern is not None
    return re.compile("-?" + rule.text_pattern)


def _decimal_reader(rule: CellKindRule) -> Callable[[str], Decimal]:
    """Read the text of a filled ``Decimal`` cell of ``rule``'s kind."""
    text = _number_text(rule)

    def read(value: str) -> Decimal:
        if not text.fullmatch(value):
            raise _Bad(rule.expected_text or rule.expected, value)
        number = Decimal(value)
        if not rule.fits(number):
            raise _Bad(rule.expected_in_bounds, value)
        return number

    return read


def _claims(rule: CellKindRule) -> Callable[[Any], bool]:
    """Whether a JSON value is written as a filled cell of ``rule``'s kind
    (right or wrong): an integer for a whole-number kind, a numeric text
    for an amount."""
    if rule.number is int:
        return lambda value: type(value) is int
    text = _number_text(rule)
    return lambda value: type(value) is str and text.fullmatch(value) is not None


def _cell_reader(rule: CellKindRule) -> Callable[[Any, Any], Any]:
    """The reference hook of one cell kind."""
    marks = {m: _NA_INSTANCES[m] for m in rule.marks}
    if rule.number is int:

        def read_whole(value: Any, _: Any) -> int | NotApplicable | None:
            if type(value) is int:
                if rule.fits(value):
                    return value
                raise _Bad(rule.expected_in_bounds, value)
            if value is None:
                return None
            if type(value) is str and value in marks:
                return marks[value]
            raise _Bad(rule.expected, value)

        return read_whole
    decimal = _decimal_reader(rule)

    def read_text(value: Any, _: Any) -> Decimal | NotApplicable | None:
        if value is None:
            return None
        if type(value) is str:
            mark = marks.get(value)
            return mark if mark is not None else decimal(value)
        raise _Bad(rule.expected, value)

    return read_text


_CELL_READERS: Final = {kind: _cell_reader(rule) for kind, rule in CELL_KINDS.items()}
_TEMPLATE_READERS: Final = tuple(
    (_claims(CELL_KINDS[kind]), _CELL_READERS[kind]) for kind in TEMPLATE_CELL_KINDS
)


def _legacy_cell(value: Any, _: Any) -> LegacyCell:
    """A template cell: any of the template kinds, as the JSON writes it.
    Which of them a row wants is the template's to say (see
    :func:`_legacy_problems`); a value that is none is refused naming all."""
    if value is None:
        return None
    if type(value) is str and value in _NA_INSTANCES:
        return _NA_INSTANCES[value]
    for claims, read in _TEMPLATE_READERS:
        if claims(value):
            cell: LegacyCell = read(value, None)
            return cell
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


def _tuple(value: Any, tp: Any, c: cattrs.Converter) -> tuple[Any, ...]:
    """A ``tuple[X, ...]`` field from a JSON array, and only from one.

    cattrs would iterate whatever it is given, so a paragraph list written
    as one string would load as one paragraph per character.
    """
    if type(value) is not list:
        raise _Bad("a value of the right type", value)
    item = typing.get_args(tp)[0]
    handler = c.get_structure_hook(item)
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


def _layout_hook(tp: Any, c: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """Structure a variant field in the shape its keys choose (:mod:`.layouts`)."""
    layouts = layouts_of(tp)
    assert layouts is not None

    def structure_layout(value: Any, _: Any) -> Any:
        return c.structure(value, layouts.choose(value))

    return structure_layout


def _text_map(value: Any, _: Any) -> dict[str, str]:
    """A ``dict[str, str]`` (printed labels by row path) from a JSON object
    of texts, and only from one."""
    if type(value) is not dict:
        raise _Bad("a JSON object mapping row paths to printed labels", value)
    for text in value.values():
        if type(text) is not str:
            raise _Bad("a JSON object whose values are texts (printed labels)", value)
    return dict(value)


def _object_fn(cls: type, c: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """Structure an attrs class from a JSON object, and only from one (cattrs
    would fail on ``null`` or a string with an ``AttributeError``)."""
    base: Any = cattrs.gen.make_dict_structure_fn(cls, c, _cattrs_forbid_extra_keys=True)

    def structure_object(value: Any, _: Any) -> Any:
        if type(value) is not dict:
            raise _Bad("a JSON object", value)
        return base(value, None)

    return structure_object


def _report(value: Any, c: cattrs.Converter) -> Report:
    if not isinstance(value, dict):
        raise _Bad("a JSON object (a report)", value)
    edition = value.get("edition", _LEFT_OUT)
    record = EDITIONS.get(edition) if isinstance(edition, str) else None
    if record is None:
        raise _EditionError(edition)
    cls = record.report_class
    body = {k: v for k, v in value.items() if k != "edition"}
    report: Report = c.structure(body, cls)
    return report


#: The edition of a file that has no ``edition`` key: said as left out, not
#: as ``found null`` (which a file writing ``"edition": null`` is told).
_LEFT_OUT: Final = object()


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


def _has_layouts(tp: Any) -> bool:
    return layouts_of(tp) is not None


def _is_report_class(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, ReportBase) and tp is not ReportBase


def _structure_report_fn(cls: type, c: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """Structure a report of ``cls``.  ``parts`` are typed by their class,
    not the union, so their ``edition`` key (written by the unstructure hook)
    must be checked and dropped here too, or a consolidated report would not
    read back."""
    base: Any = cattrs.gen.make_dict_structure_fn(cls, c, _cattrs_forbid_extra_keys=True)
    edition: str = cls.edition  # type: ignore[attr-defined]

    def structure_report(value: Any, _: Any) -> Any:
        if isinstance(value, dict) and "edition" in value:
            if value["edition"] != edition:
                raise _EditionError(value["edition"], of_parent=True)
            value = {k: v for k, v in value.items() if k != "edition"}
        return base(value, None)

    return structure_report


def _unstructure_report_fn(cls: type, c: cattrs.Converter) -> Callable[[Any], Any]:
    """A report as a dict with ``edition`` first."""
    base: Any = cattrs.gen.make_dict_unstructure_fn(cls, c)
    edition: str = cls.edition  # type: ignore[attr-defined]

    def unstructure_report(obj: Any) -> Any:
        return {"edition": edition, **base(obj)}

    return unstructure_report


def make_converter(*, detailed_validation: bool = True) -> cattrs.Converter:
    """A converter with the strict hooks of this module.

    The library's :data:`converter` is the detailed one: its errors carry
    every problem's path.  ``detailed_validation=False`` gives cattrs' faster
    mode, which stops at the first problem without a path; the benches use
    it to weigh cattrs against the generated reader (bench/README.md).
    """
    c = cattrs.Converter(forbid_extra_keys=True, detailed_validation=detailed_validation)
    for kind, hook in _CELL_READERS.items():
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
    c.register_structure_hook_func(_is_homogeneous_tuple, lambda v, tp: _tuple(v, tp, c))
    c.register_structure_hook_func(lambda t: t == dict[str, str], _text_map)
    c.register_structure_hook_factory(
        lambda t: isinstance(t, type) and attrs.has(t), lambda cls: _object_fn(cls, c)
    )
    # A field with declared layout variants, whatever its edition.
    c.register_structure_hook_factory(_has_layouts, lambda tp: _layout_hook(tp, c))
    c.register_unstructure_hook_func(_has_layouts, lambda v: c.unstructure(v, type(v)))
    c.register_structure_hook(Report, lambda v, _: _report(v, c))
    # Report classes are found by predicate, not listed: an edition added by
    # a plugin gets the same hooks the first time one of its reports is met.
    c.register_structure_hook_factory(_is_report_class, lambda cls: _structure_report_fn(cls, c))
    c.register_unstructure_hook_factory(
        _is_report_class, lambda cls: _unstructure_report_fn(cls, c)
    )
    c.register_unstructure_hook(Report, lambda v: c.unstructure(v, type(v)))
    c.register_unstructure_hook_factory(_omits_defaults, lambda cls: _omitting_fn(cls, c))
    return c


def _omits_defaults(tp: Any) -> bool:
    """An attrs class with fields the JSON leaves out at their default."""
    return (
        isinstance(tp, type)
        and attrs.has(tp)
        and any(f.metadata.get("omit_if_default") for f in attrs.fields(tp))
    )


def _omitting_fn(cls: type, c: cattrs.Converter) -> Callable[[Any], Any]:
    overrides: dict[str, Any] = {
        f.name: cattrs.gen.override(omit_if_default=True)
        for f in attrs.fields(cls)
        if f.metadata.get("omit_if_default")
    }
    base: Callable[[Any], dict[str, Any]] = cattrs.gen.make_dict_unstructure_fn(cls, c, **overrides)
    order = [f.name for f in attrs.fields(cls)]

    def unstructure_in_order(obj: Any) -> dict[str, Any]:
        # cattrs writes the omissible fields last; keep definition order.
        out = base(obj)
        return {name: out[name] for name in order if name in out}

    return unstructure_in_order


#: The converter; use it to (un)structure parts of a report.
converter: Final = make_converter()


# -- errors --------------------------------------------------------------------

#: A field the report must have and the file leaves out (told without a
#: "found": the file holds nothing there to show).
MISSING_FIELD: Final = N_("a required field, which the file leaves out")


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
            else N_('edition "2021", "2019" or "legacy"')
        )
        if exc.found is _LEFT_OUT:
            expected = N_('edition "2021", "2019" or "legacy", which the file leaves out')
            yield Problem(json_path((*path, "edition")), expected)
        else:
            yield Problem(json_path((*path, "edition")), expected, _show(exc.found))
    elif isinstance(exc, KeyError):
        # cattrs already notes the field's name on a missing key
        key = str(exc.args[0])
        where = path if path and path[-1] == key else (*path, key)
        yield Problem(json_path(where), MISSING_FIELD)
    elif isinstance(exc, (TypeError, ValueError)) and "missing" in str(exc):
        yield Problem(json_path(path), MISSING_FIELD)
    else:
        yield Problem(json_path(path), "a value of the right type", detail=library_words(exc))


def _printed_problems(report: Report, root: Path) -> Iterator[Problem]:
    """What the declarations of printed text (:func:`govdisclosure.fields.printed`)
    allow and a JSON type cannot say: a printed label belongs to a row the
    table has, a printed sign is one of its choices."""
    for key, table in tables_of(report):
        name = label_field(type(table))
        labels: dict[str, str] = getattr(table, name) if name else {}
        if labels:
            rows = _row_keys(report, key, table)
            for row_key, label in labels.items():
                if row_key not in rows:
                    yield Problem(
                        json_path((*root, key, str(name), row_key)),
                        "the path of a row of this table (printed labels are kept by row)",
                        _show(row_key),
                    )
                elif len(label) > MAX_PRINTED_LABEL:
                    yield Problem(
                        json_path((*root, key, str(name), row_key)),
                        LABEL_TOO_LONG,
                        _show(label),
                    )
    for path, choices in _closed_printed(report):
        value: Any = report
        for step in path:
            value = getattr(value, str(step))
        if value is not None and value not in choices:
            yield Problem(
                json_path((*root, *path)),
                '"+" (printed with a plus sign), "" (printed without one) or null',
                _show(value),
            )
    parts: tuple[Report, ...] = report.parts
    for i, part in enumerate(parts):
        yield from _printed_problems(part, (*root, "parts", i))


_ROW_KEYS: dict[tuple[type, str | None], frozenset[str]] = {}


def _row_keys(report: Report, key: str, table: object) -> frozenset[str]:
    """The row paths of ``table``, once per table class and layout variant
    (the layout is all an instance changes in a table's rows)."""
    variant = edition_of(report).variant_of(report)
    cache_key = (type(table), None if variant is None else variant.id)
    rows = _ROW_KEYS.get(cache_key)
    if rows is None:
        rows = _ROW_KEYS[cache_key] = frozenset(r.key for r in table_info(table, key).rows)
    return rows


_CLOSED: dict[type, tuple[tuple[Path, tuple[str, ...]], ...]] = {}


def _closed_printed(report: Report) -> tuple[tuple[Path, tuple[str, ...]], ...]:
    """Paths and choices of the printed fields whose choices are closed (the
    signs), once per report class: no layout variant holds printed text."""
    cls = type(report)
    if cls not in _CLOSED:
        _CLOSED[cls] = tuple(
            (path, p.choices) for path, p in printed_fields(tables_of(report)) if p.closed
        )
    return _CLOSED[cls]


def _legacy_problems(report: ReportLegacy, root: Path) -> Iterator[Problem]:
    """What only the template can tell: known rows, columns and units (and,
    for a table carrying its derived template, that the template is sound)."""
    table = report.statistics
    at = (*root, "statistics")
    template: StatisticsTemplate
    if table.derived is not None:
        problems = list(_derived_problems(table.template, table.derived, at))
        yield from problems
        if problems:
            return
        template = table.derived
    else:
        try:
            template = find_template(table.template)
        except UnknownTemplateError:
            yield Problem(
                json_path((*at, "template")),
                "a known statistics template id",
                _show(table.template),
            )
            return
    for key in table.headings:
        if key not in {c.key for c in template.columns}:
            yield Problem(
                json_path((*at, "headings", key)), "a column key of the template", _show(key)
            )
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
            elif not row.printed and value is not None:
                yield Problem(path, "no value: the table as printed has no such row", _show(value))
            elif row.unit in MONEY_UNITS and type(value) is int:
                yield Problem(path, 'an amount as a decimal string such as "96171.6"', str(value))
            elif row.unit not in MONEY_UNITS and isinstance(value, Decimal):
                yield Problem(path, "a whole-number count", _show(format(value, "f")))
    for i, part in enumerate(report.parts):
        yield from _legacy_problems(part, (*root, "parts", i))


def _derived_problems(template_id: str, derived: StatisticsTemplate, at: Path) -> Iterator[Problem]:
    """A template carried by the report must be the one it names, must not
    stand in for a shipped template, and must hold together."""
    where = (*at, "derived")
    if derived.id != template_id:
        yield Problem(
            json_path((*where, "id")),
            "the id named by statistics.template",
            _show(derived.id),
        )
    try:
        find_template(derived.id)
    except UnknownTemplateError:
        pass
    else:
        yield Problem(
            json_path((*where, "id")),
            "an id of its own (a derived template cannot replace a shipped one)",
            _show(derived.id),
        )
    for path, expected, found in template_problems(derived):
        yield Problem(json_path((*where, *path)), expected, _show(found))
