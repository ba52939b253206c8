"""Renderer ``csv``: every cell of a report's tables as one CSV row.

Columns: ``table``, ``row``, ``column``, ``value``.  Labels are the
official ones (translated when ``locale="en"``), taken from the table
definitions by introspection (the report's own tables: a pre-2019 table
printed otherwise than every shipped template is drawn from the template it
carries; a column heading printed otherwise, "2011年度" for 本年度, as
printed), so this plugin needs no list of rows of its own and follows the
library when a format changes.  Values are written as
data, not for display: ``1234`` rather than ``1,234``; a blank cell is
empty and a not-applicable cell keeps its mark ("/"), so the three states
of a cell survive.

The output starts with a UTF-8 byte-order mark because spreadsheet
programs otherwise guess a legacy encoding and garble the Chinese labels.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from govdisclosure import cells_by_path
from govdisclosure.cells import NotApplicable
from govdisclosure.editions import Report
from govdisclosure.i18n import gettext
from govdisclosure.plugin import Renderer, RenderOptions, hookimpl
from govdisclosure.registry import report_tables

__all__ = ["govdisclosure_renderers", "render_csv", "rows"]

HEADER = ("table", "row", "column", "value")


def _value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, NotApplicable):
        return value.mark
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def rows(report: Report, locale: str = "zh_Hans_CN") -> list[tuple[str, str, str, str]]:
    """``(table, row, column, value)`` for every cell, in printed order."""
    cells = cells_by_path(report)  # every cell, keyed by its path from the report
    out: list[tuple[str, str, str, str]] = []
    for info in report_tables(report):  # the report's own tables, pre-2019 ones included
        title = gettext(locale, info.title)
        for row in info.rows:
            label = gettext(locale, row.label)
            for column in row.columns:
                value = cells[info.cell_path(row, column)]
                out.append((title, label, gettext(locale, column.label), _value(value)))
    return out


def render_csv(report: Report, options: RenderOptions) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(rows(report, options.locale))
    return buffer.getvalue().encode("utf-8-sig")


@hookimpl
def govdisclosure_renderers() -> list[Renderer]:
    return [
        Renderer(
            name="csv",
            media_type="text/csv; charset=utf-8",
            suffix=".csv",
            render=render_csv,
            description="Every table cell as a CSV row: table, row, column, value",
        )
    ]
