"""Shared by the tests: the figures of a report, cell by cell."""

from __future__ import annotations

from typing import Any

from govdisclosure import ReportLegacy
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
