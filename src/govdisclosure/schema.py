"""JSON Schema (Draft 2020-12) of the report JSON, generated from the model.

Nothing here is written by hand per table: :func:`json_schema` walks the
attrs fields and type annotations of an edition's report class, the way the
codec does, so the schema and the loader cannot drift apart.  What it
derives:

* every attrs class becomes an object in ``$defs`` with
  ``additionalProperties: false`` (the loader forbids unknown keys) and the
  fields without a default as ``required``; a report adds ``edition`` as a
  required ``const``;
* cells by kind, each from its rule in :data:`govdisclosure.cells.CELL_KINDS`
  (the rules the codec reads by): a count is an integer in ``[0, 10^15]``, a
  signed count in ``[-10^15, 10^15]``, money a string holding a plain
  non-negative decimal (never a JSON number, which would lose exactness);
  each may be ``null`` (blank) or one of the not-applicable marks;
* dates as ``"YYYY-MM-DD"`` strings with ``format: date``; enums as
  ``enum``; tuples as arrays; the recursive ``parts`` and ``subsections``
  through ``$ref``;
* a union of classes as ``oneOf``: （六）其他处理 of the 2021 format is
  either the three official sub-rows or one row as printed.  The codec reads
  ``{}`` as the single row, so the sub-row branch asks for at least one key
  and the branches never overlap;
* ``title`` of a table field is its official label; its ``description``
  gives the English translation, the official code and the unit.

Legacy (pre-2019) statistics are template-driven: without a template the
schema can only say that ``rows`` maps row codes to objects mapping column
keys to cells (codes and keys are checked by pattern, not by name).  Pass
``template=`` to pin one template's row codes, column keys and, per row,
whether a value is a count or an amount.

One difference is inherent in JSON Schema: ``1.0`` is an ``integer`` there,
while the loader accepts only ``1`` for a count.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from enum import Enum
from typing import Any, Final, Union

import attrs

from .cells import CELL_KINDS, DECIMAL_TEXT, NA_MARKS, TEMPLATE_CELL_KINDS, CellKindRule
from .editions import EDITIONS
from .editions.legacy import LegacyCell, StatisticsTable, StatisticsTemplate
from .fields import Spec, get_spec
from .i18n import gettext
from .introspect import cell_kind, field_types, is_row_class
from .registry import find_template

__all__ = [
    "COLUMN_KEY_PATTERN",
    "DATE_PATTERN",
    "DRAFT",
    "MONEY_PATTERN",
    "ROW_CODE_PATTERN",
    "json_schema",
]

DRAFT: Final = "https://json-schema.org/draft/2020-12/schema"


def _anchored(pattern: str) -> str:
    """``pattern`` matched in full, in the dialect of JSON Schema.

    ``$`` is followed by ``(?!\\n)`` because Python's ``re`` (which Python
    validators use) lets ``$`` match before a final newline; in ECMA-262,
    the dialect JSON Schema names, the look-ahead is always true there.
    """
    return rf"^{pattern}$(?!\n)"


#: A non-negative plain decimal, as the codec reads money ("96171.6"):
#: the money rule's text (:data:`govdisclosure.cells.CELL_KINDS`), anchored.
MONEY_PATTERN: Final = _anchored(DECIMAL_TEXT)

#: A calendar date written ``YYYY-MM-DD`` (``format: date`` checks the day).
DATE_PATTERN: Final = _anchored("[0-9]{4}-[0-9]{2}-[0-9]{2}")

#: Row codes of a statistics template: dotted segments ("3.3.4.1").
ROW_CODE_PATTERN: Final = _anchored(r"[0-9A-Za-z]+(\.[0-9A-Za-z]+)*")

#: Column keys of a statistics template ("value", "year", "cumulative").
COLUMN_KEY_PATTERN: Final = _anchored("[a-z][a-z0-9_]*")


def _ref(name: str) -> dict[str, Any]:
    return {"$ref": f"#/$defs/{name}"}


def _filled(rule: CellKindRule) -> dict[str, Any]:
    """The schema of a filled cell of ``rule``'s kind."""
    if rule.text_pattern is not None:
        # An amount's text cannot carry a bound: the rule's text is unsigned.
        return {"type": "string", "pattern": _anchored(rule.text_pattern)}
    schema: dict[str, Any] = {"type": "integer", "minimum": rule.minimum}
    if rule.maximum is not None:
        schema["maximum"] = rule.maximum
    return schema


def _cell_defs() -> dict[str, Any]:
    """One definition per cell kind, from its rule, and the marks they share."""
    marks = {m for rule in CELL_KINDS.values() for m in rule.marks}
    na = {
        "enum": [m for m in NA_MARKS if m in marks],
        "description": "Not applicable, with the mark the report printed.",
    }
    null = {"type": "null", "description": "Blank: left empty in the report (not a zero)."}
    defs: dict[str, Any] = {"not_applicable": na}
    for kind, rule in CELL_KINDS.items():
        defs[kind] = {
            "description": rule.description,
            "anyOf": [_filled(rule), null, _ref("not_applicable")],
        }
    defs["date"] = {"type": "string", "format": "date", "pattern": DATE_PATTERN}
    return defs


def _legacy_cell_def() -> dict[str, Any]:
    return {
        "description": "A statistics cell: a count, an amount string, blank or not applicable; "
        "which of count or amount depends on the row's unit in the template.",
        "anyOf": [
            *(_filled(CELL_KINDS[kind]) for kind in TEMPLATE_CELL_KINDS),
            {"type": "null"},
            _ref("not_applicable"),
        ],
    }


def _describe(spec: Spec) -> dict[str, str]:
    """``title`` (official label) and ``description`` (English, code, unit)."""
    out = {"title": spec.label}
    parts = [gettext("en", spec.label)]
    if spec.block:
        parts.append(f"Block: {spec.block} ({gettext('en', spec.block)}).")
    if spec.column:
        parts.append(f"Column: {spec.column} ({gettext('en', spec.column)}).")
    if spec.code:
        parts.append(f"Official number: {spec.code}.")
    if spec.unit:
        parts.append(f"Unit: {spec.unit} ({gettext('en', spec.unit)}).")
    if spec.role == "total":
        parts.append("A total of its sibling rows or cells.")
    if spec.note:
        parts.append(gettext("en", spec.note))
    out["description"] = " ".join(p if p.endswith(".") else p + "." for p in parts)
    return out


class _Builder:
    """Collects ``$defs`` while walking the classes of one edition."""

    def __init__(self, template: StatisticsTemplate | None) -> None:
        self.defs: dict[str, Any] = _cell_defs()
        self.template = template

    def type_schema(self, tp: Any, owner: type, name: str) -> dict[str, Any]:
        kind = cell_kind(tp)
        if kind is not None:
            return _ref(kind)
        if tp is LegacyCell:
            self.defs.setdefault("legacy_cell", _legacy_cell_def())
            return _ref("legacy_cell")
        if tp is str:
            return {"type": "string"}
        if tp is bool:
            return {"type": "boolean"}
        if tp is int:
            return {"type": "integer"}
        if tp is dt.date:
            return _ref("date")
        if isinstance(tp, type) and issubclass(tp, Enum):
            return {"enum": [m.value for m in tp]}
        if isinstance(tp, type) and attrs.has(tp):
            return _ref(self.define(tp))
        origin = typing.get_origin(tp)
        args = typing.get_args(tp)
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": self.type_schema(args[0], owner, name)}
        if origin is dict and args[0] is str:
            return self.mapping_schema(args[1], owner, name)
        if origin is Union or origin is types.UnionType:
            return self.union_schema(args, owner, name)
        raise TypeError(f"no JSON Schema for {owner.__name__}.{name}: {tp!r}")

    def union_schema(self, args: tuple[Any, ...], owner: type, name: str) -> dict[str, Any]:
        nullable = type(None) in args
        members = [a for a in args if a is not type(None)]
        classes = [m for m in members if isinstance(m, type) and attrs.has(m)]
        if len(members) == 1:
            inner = self.type_schema(members[0], owner, name)
            if not nullable:
                return inner
            if set(inner) == {"type"} and isinstance(inner["type"], str):
                return {"type": [inner["type"], "null"]}
            return {"anyOf": [inner, {"type": "null"}]}
        if len(classes) != len(members):
            raise TypeError(f"no JSON Schema for the union {owner.__name__}.{name}")
        has_row = any(is_row_class(c) for c in classes)
        branches: list[dict[str, Any]] = []
        for cls in classes:
            branch = _ref(self.define(cls))
            if has_row and not is_row_class(cls):
                # The codec reads {} as the blank single row: keep oneOf exclusive.
                branch["minProperties"] = 1
            branches.append(branch)
        if nullable:
            branches.append({"type": "null"})
        return {"oneOf": branches}

    def mapping_schema(self, value_tp: Any, owner: type, name: str) -> dict[str, Any]:
        if owner is StatisticsTable and name == "rows":
            if self.template is not None:
                return self.pinned_rows(self.template)
            return {
                "type": "object",
                "description": "Values by template row code, then by column key. Which codes "
                "and keys exist depends on the template: pin one with json_schema(..., "
                "template=ID).",
                "propertyNames": {"pattern": ROW_CODE_PATTERN},
                "additionalProperties": {
                    "type": "object",
                    "propertyNames": {"pattern": COLUMN_KEY_PATTERN},
                    "additionalProperties": self.type_schema(
                        typing.get_args(value_tp)[1], owner, name
                    ),
                },
            }
        return {"type": "object", "additionalProperties": self.type_schema(value_tp, owner, name)}

    def pinned_rows(self, template: StatisticsTemplate) -> dict[str, Any]:
        properties: dict[str, Any] = {}
        for row in template.rows:
            row_schema: dict[str, Any] = {"type": "object", "title": row.label}
            english = gettext("en", row.label)
            if row.is_header:
                row_schema["description"] = f"{english}. A heading row: no values."
                row_schema["properties"] = {c.key: {"type": "null"} for c in template.columns}
            else:
                assert row.unit is not None
                kind = "money" if row.is_money else "count"
                row_schema["description"] = (
                    f"{english}. Unit: {row.unit} ({gettext('en', row.unit)})."
                )
                row_schema["properties"] = {
                    c.key: {**_ref(kind), "title": c.label} for c in template.columns
                }
            row_schema["additionalProperties"] = False
            properties[row.code] = row_schema
        return {
            "type": "object",
            "description": f"Values of template {template.id!r} by row code, then column key.",
            "properties": properties,
            "additionalProperties": False,
        }

    def define(self, cls: type) -> str:
        """Add ``cls`` to ``$defs`` (once) and return its name there."""
        name = cls.__name__
        if name in self.defs:
            return name
        self.defs[name] = {}  # placeholder: recursive types refer to it
        hints = field_types(cls)
        schema: dict[str, Any] = {"type": "object"}
        title = getattr(cls, "title", None)
        if isinstance(title, str):
            schema["title"] = title
        if cls.__doc__:
            schema["description"] = cls.__doc__.strip().split("\n\n")[0].replace("\n", " ")
        properties: dict[str, Any] = {}
        required: list[str] = []
        edition = next((e.id for e in EDITIONS.values() if e.report_class is cls), None)
        if edition is not None:
            properties["edition"] = {"const": edition}
            required.append("edition")
        for f in attrs.fields(cls):
            prop = self.type_schema(hints[f.name], cls, f.name)
            spec = get_spec(f)
            if spec is not None:
                prop = {**prop, **_describe(spec)}
            if f.name == "template" and cls is StatisticsTable and self.template is not None:
                prop = {"const": self.template.id}
            properties[f.name] = prop
            if f.default is attrs.NOTHING:
                required.append(f.name)
        schema["properties"] = properties
        schema["required"] = required
        schema["additionalProperties"] = False
        self.defs[name] = schema
        return name


def json_schema(edition: str, *, template: str | None = None) -> dict[str, Any]:
    """The JSON Schema (Draft 2020-12) of a report of ``edition``.

    ``template`` (legacy only) pins the statistics template: its id, row
    codes, column keys and the kind of each row's values.  Raises
    :class:`ValueError` for an unknown edition or a template given for
    another edition, and
    :class:`~govdisclosure.registry.UnknownTemplateError` for an unknown
    template id.
    """
    record = EDITIONS.get(edition)
    if record is None:
        raise ValueError(f"unknown edition {edition!r}; known: {', '.join(EDITIONS)}")
    cls = record.report_class
    if template is not None and not record.template_driven:
        raise ValueError("only the legacy edition has statistics templates")
    pinned = find_template(template) if template is not None else None
    builder = _Builder(pinned)
    root = builder.define(cls)
    schema_id = f"urn:govdisclosure:schema:{edition}" + (f":{template}" if template else "")
    description = (
        f"A govdisclosure report in the {edition!r} edition, as govdisclosure.dumps writes it"
        " and govdisclosure.loads reads it."
    )
    if pinned is not None:
        description += f" Statistics follow template {pinned.id!r} ({pinned.title})."
    return {
        "$schema": DRAFT,
        "$id": schema_id,
        "title": f"政府信息公开工作年度报告 ({edition})",
        "description": description,
        "$ref": f"#/$defs/{root}",
        "$defs": builder.defs,
    }
