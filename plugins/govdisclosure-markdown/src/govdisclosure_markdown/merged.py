"""Tables 3 and 4 as HTML tables inside the Markdown, with their merged cells.

GitHub-flavoured Markdown tables cannot merge cells, so the pipe tables
spell each column's full heading ("申请人情况：法人或其他组织：商业企业").
GFM passes raw HTML through, so with ``--option tables=html`` the two tables
whose headers are merged are written as ``<table>`` elements drawn from the
core's grid of the official layout (:mod:`govdisclosure.table_grid`), as
the format prints them.
"""

from __future__ import annotations

from html import escape
from typing import Any

from govdisclosure.formatting import format_cell
from govdisclosure.table_grid import GridCell, TableGrid

__all__ = ["html_table"]

#: Roles drawn as header cells.
_HEAD_ROLES = frozenset({"note", "caption", "head", "group", "section", "unit"})


def _value(report: Any, cell: GridCell, locale: str) -> str:
    obj = report
    for name in cell.path or ():
        obj = getattr(obj, str(name))
    return format_cell(obj, cell.kind or "count", locale, sign=cell.sign)


def html_table(report: Any, grid: TableGrid, locale: str) -> list[str]:
    """The lines of one ``<table>`` (no blank line inside: GFM ends an HTML
    block at a blank line)."""
    rows: dict[int, list[GridCell]] = {}
    for cell in grid.cells:
        rows.setdefault(cell.row, []).append(cell)
    lines = ["<table>"]
    for r in range(grid.height):
        parts = []
        for cell in sorted(rows.get(r, ()), key=lambda c: c.col):
            tag = "th" if cell.role in _HEAD_ROLES or (cell.role == "label") else "td"
            span = (f' rowspan="{cell.rows}"' if cell.rows > 1 else "") + (
                f' colspan="{cell.cols}"' if cell.cols > 1 else ""
            )
            text = _value(report, cell, locale) if cell.role == "value" else cell.label(locale)
            indent = "&emsp;" * cell.depth if cell.role == "label" else ""
            parts.append(f"<{tag}{span}>{indent}{escape(text)}</{tag}>")
        lines.append("<tr>" + "".join(parts) + "</tr>")
    lines.append("</table>")
    return lines
