"""Statistics templates of the pre-2019 table, shipped as data.

Each ``*.json`` file here is one :class:`StatisticsTemplate`.  Adding a
variant needs no code: write its rows as data (or ship it from a plugin
through the ``govdisclosure_statistics_templates`` hook).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

import attrs
import cattrs
import cattrs.gen
import orjson

from .._resources import package_files
from ..editions.legacy import StatisticsTemplate, TemplateRow
from ..i18n import N_

__all__ = [
    "DEFAULT_TEMPLATE",
    "builtin_templates",
    "parse_template",
    "template_json",
    "template_problems",
]

#: Template of a legacy report when none is named (a blank report,
#: ``describe("legacy")``): the national 2016–2018 统计表, the most widely
#: used pre-2019 table.
DEFAULT_TEMPLATE = "national-2016"

_converter = cattrs.Converter(forbid_extra_keys=True)


def _omit_defaults(cls: type) -> None:
    """Leave out fields marked to be omitted at their default (``printed``,
    ``derived_from``), so the shipped files need not spell them."""
    overrides: dict[str, Any] = {
        f.name: cattrs.gen.override(omit_if_default=True)
        for f in attrs.fields(cls)
        if f.metadata.get("omit_if_default")
    }
    _converter.register_unstructure_hook(
        cls, cattrs.gen.make_dict_unstructure_fn(cls, _converter, **overrides)
    )


_omit_defaults(TemplateRow)
_omit_defaults(StatisticsTemplate)


def parse_template(data: bytes | str) -> StatisticsTemplate:
    """Read a template from its JSON text."""
    return _converter.structure(orjson.loads(data), StatisticsTemplate)


def template_json(template: StatisticsTemplate) -> bytes:
    """A template as JSON text, as the shipped files hold it (the inverse
    of :func:`parse_template`)."""
    data = _converter.unstructure(template, StatisticsTemplate)
    return orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n"


@cache
def builtin_templates() -> dict[str, StatisticsTemplate]:
    """The templates that ship with the library, by id."""
    out: dict[str, StatisticsTemplate] = {}
    for entry in sorted(package_files(__package__, __file__).iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            template = parse_template(entry.read_bytes())
            out[template.id] = template
    return out


def template_problems(
    template: StatisticsTemplate,
) -> Iterator[tuple[tuple[str | int, ...], str, object]]:
    """What makes a template unusable, as ``(path, expected, found)``: a
    repeated column key or row code, or a parent that is not a row of it
    (a template carried inside a report is checked so when it is read)."""
    keys: set[str] = set()
    if not template.columns:
        yield ("columns",), N_("at least one value column"), []
    for i, column in enumerate(template.columns):
        if column.key in keys:
            yield ("columns", i, "key"), N_("a column key not used before"), column.key
        keys.add(column.key)
    codes: set[str] = set()
    for i, row in enumerate(template.rows):
        if row.code in codes:
            yield ("rows", i, "code"), N_("a row code not used before"), row.code
        codes.add(row.code)
    for i, row in enumerate(template.rows):
        if row.parent is not None and (row.parent not in codes or row.parent == row.code):
            yield ("rows", i, "parent"), N_("the code of another row of the template"), row.parent
        if row.relation != "none" and row.parent is None:
            yield ("rows", i, "relation"), N_('"none" for a row without a parent'), row.relation
