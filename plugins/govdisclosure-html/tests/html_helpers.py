"""Shared by the tests: the figures of a report, cell by cell."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs

from govdisclosure import ReportLegacy
from govdisclosure.authoring import blank_report
from govdisclosure.editions import Report
from govdisclosure.introspect import iter_cells
from govdisclosure.registry import tables_of, template_of


def figures(report: Report) -> dict[tuple[str, ...], Any]:
    """Every cell of the report's tables by path; a legacy row the report omits reads blank."""
    if isinstance(report, ReportLegacy):
        template = template_of(report)
        return {
            (row.code, column.key): report.statistics.value(row.code, column.key)
            for row in template.value_rows
            for column in template.columns
        }
    return {
        path: value
        for key, table in tables_of(report)
        for path, _, _, value in iter_cells(table, (key,))
    }


def procurement(amount: Decimal, unit: str | None) -> Report:
    """A 2019 report whose one figure is its 政府集中采购 amount, printed with ``unit``.

    ``procurement(Decimal(0), "1")`` is a report Hypothesis found: its page
    printed "0 1" (the amount, then the unit), which was read as 1."""
    report = blank_report("2019", 2020, "某市某局")
    row = attrs.evolve(report.table2.procurement, amount=amount, amount_unit=unit)
    return attrs.evolve(report, table2=attrs.evolve(report.table2, procurement=row))
