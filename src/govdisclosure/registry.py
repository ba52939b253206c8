"""The editions and what belongs to each: report class, tables, templates."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Final, Literal, TypeAlias

from .editions.e2019 import Report2019
from .editions.e2021 import Report2021
from .editions.legacy import ReportLegacy, StatisticsTemplate
from .introspect import TableInfo, table_info
from .templates import builtin_templates

__all__ = [
    "EDITIONS",
    "TABLE_KEYS",
    "Edition",
    "Report",
    "UnknownTemplateError",
    "describe",
    "find_template",
    "set_template_source",
    "tables_of",
    "template_of",
]

Edition = Literal["2021", "2019", "legacy"]
Report: TypeAlias = Report2021 | Report2019 | ReportLegacy

#: Report class of each edition, in the order users meet them (newest first).
EDITIONS: Final[dict[str, type[Report2021] | type[Report2019] | type[ReportLegacy]]] = {
    "2021": Report2021,
    "2019": Report2019,
    "legacy": ReportLegacy,
}

#: The attribute names of the official tables, in printed order.
TABLE_KEYS: Final = ("table2", "table3", "table4")


class UnknownTemplateError(KeyError):
    """A legacy report names a statistics template nobody provides."""


_extra_templates: Callable[[], Mapping[str, StatisticsTemplate]] | None = None


def set_template_source(source: Callable[[], Mapping[str, StatisticsTemplate]] | None) -> None:
    """Where templates beyond the built-in ones come from (the plugin manager)."""
    global _extra_templates
    _extra_templates = source


def find_template(template_id: str) -> StatisticsTemplate:
    """A statistics template by id: built-in first, then from plugins."""
    builtin = builtin_templates()
    if template_id in builtin:
        return builtin[template_id]
    if _extra_templates is not None:
        extra = _extra_templates()
        if template_id in extra:
            return extra[template_id]
    raise UnknownTemplateError(template_id)


def known_template_ids() -> tuple[str, ...]:
    ids = list(builtin_templates())
    if _extra_templates is not None:
        ids.extend(k for k in _extra_templates() if k not in ids)
    return tuple(ids)


def template_of(report: ReportLegacy) -> StatisticsTemplate:
    return find_template(report.statistics.template)


def tables_of(report: Report2021 | Report2019) -> tuple[tuple[str, object], ...]:
    """``(key, table)`` pairs of a 2019/2021 report, in printed order."""
    return tuple((key, getattr(report, key)) for key in TABLE_KEYS)


def describe(edition: str, *, single_other_handling: bool = False) -> tuple[TableInfo, ...]:
    """Rows and columns, with official labels, of every table of an edition.

    ``single_other_handling`` describes the 2021 layout variant that prints
    （六）其他处理 as one row.  Legacy tables are described by their
    template (:func:`find_template`).
    """
    from .common import ReportingUnit

    blank: Report2021 | Report2019
    if edition == "2021":
        blank = Report2021(unit=ReportingUnit(name=""), year=2000)
        if single_other_handling:
            blank = _single_row_variant(blank)
    elif edition == "2019":
        blank = Report2019(unit=ReportingUnit(name=""), year=2000)
    elif edition == "legacy":
        raise ValueError("legacy tables are template-driven: use find_template(id)")
    else:
        raise ValueError(f"unknown edition {edition!r}; known: {', '.join(EDITIONS)}")
    if single_other_handling and edition != "2021":
        raise ValueError("only the 2021 edition has the single-row variant")
    return tuple(table_info(table, key) for key, table in tables_of(blank))


def _single_row_variant(report: Report2021) -> Report2021:
    import attrs

    from .editions.applications import ApplicantRow

    results = attrs.evolve(report.table3.results, other_handling=ApplicantRow())
    return attrs.evolve(report, table3=attrs.evolve(report.table3, results=results))
