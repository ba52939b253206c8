"""Statistics templates of the pre-2019 table, shipped as data.

Each ``*.json`` file here is one :class:`StatisticsTemplate`.  Adding a
variant needs no code: write its rows as data (or ship it from a plugin
through the ``govdisclosure_statistics_templates`` hook).
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import cattrs
import orjson

from ..editions.legacy import StatisticsTemplate

__all__ = ["builtin_templates", "parse_template"]

_converter = cattrs.Converter(forbid_extra_keys=True)


def parse_template(data: bytes | str) -> StatisticsTemplate:
    """Read a template from its JSON text."""
    return _converter.structure(orjson.loads(data), StatisticsTemplate)


@cache
def builtin_templates() -> dict[str, StatisticsTemplate]:
    """The templates that ship with the library, by id."""
    out: dict[str, StatisticsTemplate] = {}
    for entry in sorted(resources.files(__package__).iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            template = parse_template(entry.read_bytes())
            out[template.id] = template
    return out
