"""Statistics templates, and what the tables of an edition look like.

The editions themselves and their registry live in
:mod:`govdisclosure.editions`; this module adds the pre-2019 statistics
templates (built in, and from plugins) and the descriptions of tables.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from . import _sources
from .editions import EDITIONS, Report, UnknownEditionError, edition_of
from .editions.legacy import ReportLegacy, StatisticsTemplate
from .introspect import TableInfo, table_info
from .templates import builtin_templates

__all__ = [
    "UnknownTemplateError",
    "describe",
    "find_template",
    "known_template_ids",
    "set_template_source",
    "tables_of",
    "template_of",
]


class UnknownTemplateError(KeyError):
    """A legacy report names a statistics template nobody provides."""


def set_template_source(source: Callable[[], Mapping[str, StatisticsTemplate]] | None) -> None:
    """Where templates beyond the built-in ones come from (the package
    installs the plugin manager's; tests may install their own)."""
    _sources.templates = source


def find_template(template_id: str) -> StatisticsTemplate:
    """A statistics template by id: built-in first, then from plugins."""
    builtin = builtin_templates()
    if template_id in builtin:
        return builtin[template_id]
    source = _sources.templates
    if source is not None:
        extra: Mapping[str, StatisticsTemplate] = source()
        if template_id in extra:
            return extra[template_id]
    raise UnknownTemplateError(template_id)


def known_template_ids() -> tuple[str, ...]:
    ids = list(builtin_templates())
    source = _sources.templates
    if source is not None:
        ids.extend(k for k in source() if k not in ids)
    return tuple(ids)


def template_of(report: ReportLegacy) -> StatisticsTemplate:
    return find_template(report.statistics.template)


def tables_of(report: object) -> tuple[tuple[str, object], ...]:
    """``(key, table)`` pairs of a report's fixed tables, in printed order.

    Empty for a template-driven edition (its table is ``statistics``,
    described by :func:`template_of`).
    """
    edition = edition_of(report)
    if edition.template_driven:
        return ()
    return tuple((key, getattr(report, key)) for key in edition.table_keys)


def describe(edition: str, *, variant: str | None = None) -> tuple[TableInfo, ...]:
    """Rows and columns, with official labels, of every table of an edition.

    ``variant`` names one of the edition's layout variants (for instance
    ``"single-other-handling"``, the 2021 layout that prints （六）其他处理
    as one row).  A template-driven edition is described by its templates
    (:func:`find_template`).
    """
    from .report_base import ReportingUnit

    try:
        record = EDITIONS[edition]
    except UnknownEditionError:
        raise ValueError(f"unknown edition {edition!r}; known: {', '.join(EDITIONS)}") from None
    if record.template_driven:
        raise ValueError(f"{edition} tables are template-driven: use find_template(id)")
    blank: Report = record.report_class(unit=ReportingUnit(name=""), year=2000)
    if variant is not None:
        blank = record.variant(variant).apply(blank)
    return tuple(table_info(table, key) for key, table in tables_of(blank))
