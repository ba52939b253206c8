"""Renderer ``csv``: every cell of a report's tables as one CSV row.

Columns: ``table``, ``row``, ``column``, ``value``.  Labels are the
official ones (translated when ``locale="en"``), taken from the table
definitions by introspection, so this plugin needs no list of rows of its
own and follows the library when a format changes.  Values are written as
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

from govdisclosure.cells import NotApplicable
from govdisclosure.editions import Report, is_template_driven
from govdisclosure.i18n import gettext
from govdisclosure.introspect import iter_cells, table_info
from govdisclosure.plugin import Renderer, RenderOptions, hookimpl
from govdisclosure.registry import find_template, tables_of

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

    def tr(label: str) -> str:
        return gettext(locale, label)

    out: list[tuple[str, str, str, str]] = []
    if is_template_driven(report):
        template = find_template(report.statistics.template)
        for trow in template.value_rows:
            for tcol in template.columns:
                value = report.statistics.value(trow.code, tcol.key)
                out.append((tr(template.title), tr(trow.label), tr(tcol.label), _value(value)))
        return out
    for key, table in tables_of(report):
        info = table_info(table, key)
        cells = {path: value for path, _, _, value in iter_cells(table)}
        for row in info.rows:
            for column in row.columns:
                path = (*row.path, column.key)
                value = cells[path] if path in cells else cells[row.path]
                out.append((tr(info.title), tr(row.label), tr(column.label), _value(value)))
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
