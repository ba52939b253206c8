"""Statistics templates, and what the tables of an edition look like.

The editions themselves and their registry live in
:mod:`govdisclosure.editions`; this module adds the pre-2019 statistics
templates (built in, and from plugins) and the descriptions of tables.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache

import attrs

from . import _sources
from .editions import EDITIONS, Report, UnknownEditionError, edition_of, is_template_driven
from .editions.legacy import ReportLegacy, StatisticsTable, StatisticsTemplate
from .errors import LocalizedError
from .i18n import N_
from .introspect import CellKind, ColumnInfo, RowInfo, TableInfo, table_info
from .templates import DEFAULT_TEMPLATE, builtin_templates

__all__ = [
    "UnknownTemplateError",
    "describe",
    "find_template",
    "known_template_ids",
    "not_printed_cells",
    "printed_template",
    "report_tables",
    "set_template_source",
    "table_template",
    "tables_of",
    "template_info",
    "template_of",
]


class UnknownTemplateError(LocalizedError, KeyError):
    """A legacy report names a statistics template nobody provides (``code``
    ``"unknown-template"``); ``args[0]`` is the id, as a ``KeyError``'s."""

    def __init__(self, template: str) -> None:
        self.template = template
        self._localize(
            "unknown-template",
            N_("unknown template {template}; known: {known}"),
            {"template": template, "known": known_template_ids()},
            args=(template,),
        )


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
    """The template a report's statistics table follows: the one derived
    from the printed table when the report carries it, else the shipped (or
    plugin) template it names.  Every reader of a legacy table asks this."""
    return table_template(report.statistics)


def table_template(table: StatisticsTable) -> StatisticsTemplate:
    """The template of a statistics table (see :func:`template_of`)."""
    return table.derived if table.derived is not None else find_template(table.template)


def tables_of(report: object) -> tuple[tuple[str, object], ...]:
    """``(key, table)`` pairs of a report's fixed tables, in printed order.

    Empty for a template-driven edition (its table is ``statistics``,
    described by :func:`template_of`).
    """
    edition = edition_of(report)
    if edition.template_driven:
        return ()
    return tuple((key, getattr(report, key)) for key in edition.table_keys)


def template_info(
    template: StatisticsTemplate, headings: Mapping[str, str] | None = None
) -> TableInfo:
    """The pre-2019 statistics table of ``template`` described as the typed
    tables are (layout ``"indicators"``): one row per template row, path
    ``("rows", code)``, numbering as its code, the printed column headings
    (``headings`` by column key, e.g. "2012年度") or the template's."""
    printed = headings or {}
    rows = []
    for row in template.rows:
        kind: CellKind = "money" if row.is_money else "count"
        columns = (
            ()
            if row.is_header
            else tuple(
                ColumnInfo(c.key, printed.get(c.key, c.label), row.unit, kind)
                for c in template.columns
            )
        )
        rows.append(
            RowInfo(
                ("rows", row.code),
                row.label,
                row.number,
                row.level,
                columns,
                unit=row.unit,
                printed=row.printed,
            )
        )
    return TableInfo("statistics", template.title, tuple(rows), "indicators")


def report_tables(report: object) -> tuple[TableInfo, ...]:
    """Every statistics table of ``report`` as printed, described the same way
    whatever the edition: the typed tables from their definitions (in the
    report's own layout variant), a legacy table from its template and
    printed headings.  Renderers, ``show`` and cell naming start here."""
    if is_template_driven(report):
        return (template_info(template_of(report), report.statistics.headings),)
    return tuple(table_info(table, key) for key, table in tables_of(report))


def describe(
    edition: str, *, variant: str | None = None, template: str | None = None
) -> tuple[TableInfo, ...]:
    """Rows and columns, with official labels, of every table of an edition.

    ``variant`` names one of the edition's layout variants (for instance
    ``"single-other-handling"``, the 2021 layout that prints （六）其他处理
    as one row).  A template-driven edition is described through one of its
    statistics templates: ``template`` (an id, see :func:`find_template`),
    by default the national 2016–2018 table.
    """
    from .report_base import ReportingUnit

    try:
        record = EDITIONS[edition]
    except UnknownEditionError:
        raise ValueError(f"unknown edition {edition!r}; known: {', '.join(EDITIONS)}") from None
    if record.template_driven:
        if variant is not None:
            raise ValueError(f"{edition} tables have no layout variants; name a template")
        return (template_info(find_template(template or DEFAULT_TEMPLATE)),)
    if template is not None:
        raise ValueError(f"{edition} tables are fixed: only pre-2019 tables have templates")
    blank: Report = record.report_class(unit=ReportingUnit(name=""), year=2000)
    if variant is not None:
        blank = record.variant(variant).apply(blank)
    return tuple(table_info(table, key) for key, table in tables_of(blank))


def not_printed_cells(report: object) -> frozenset[tuple[str, ...]]:
    """Paths of the cells of rows ``report``'s table did not print (a legacy
    table held as printed through a derived template); empty otherwise."""
    if not is_template_driven(report):
        return frozenset()
    return _not_printed(template_of(report))


@cache
def _not_printed(template: StatisticsTemplate) -> frozenset[tuple[str, ...]]:
    return frozenset(
        ("statistics", "rows", row.code, column.key)
        for row in template.value_rows
        if not row.printed
        for column in template.columns
    )


def printed_template(report: ReportLegacy) -> StatisticsTemplate:
    """The template of ``report``'s table as the report printed it, for
    renderers: without the rows it did not print, and with the column
    headings it printed ("2012年度" for 本年度)."""
    return _as_printed(template_of(report), tuple(report.statistics.headings.items()))


@cache
def _as_printed(
    template: StatisticsTemplate, headings: tuple[tuple[str, str], ...]
) -> StatisticsTemplate:
    printed = dict(headings)
    if not printed and not template.not_printed:
        return template
    return attrs.evolve(
        template,
        columns=tuple(attrs.evolve(c, label=printed.get(c.key, c.label)) for c in template.columns),
        rows=tuple(r for r in template.rows if r.printed),
    )
