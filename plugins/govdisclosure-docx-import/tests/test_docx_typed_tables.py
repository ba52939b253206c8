"""Word files whose tables are typed as text: a line per row, a tab per cell.

Clerks without the table template type the statistics as lines with tab
stops: a merged cell typed once, the fields it covers left empty, a figure
left blank an empty field.  Made with python-docx from the tables of every
example as the project's HTML renderer lays them out (merged cells
included); oracle: the example's figures.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import docx
import pytest

import govdisclosure as gd
from govdisclosure.introspect import iter_cells
from govdisclosure.registry import tables_of, template_of
from govdisclosure_docx_import import import_docx
from govdisclosure_html.importer import page_document
from govdisclosure_html.page import read_page

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
ALL = sorted(p.name for p in EXAMPLES.glob("*.json"))


def _figures(report: gd.Report) -> dict[tuple[str, ...], Any]:
    if isinstance(report, gd.ReportLegacy):
        template = template_of(report)
        return {
            (row.code, col.key): report.statistics.value(row.code, col.key)
            for row in template.value_rows
            for col in template.columns
        }
    return {p: v for k, t in tables_of(report) for p, _, _, v in iter_cells(t, (k,))}


def _typed(report: gd.Report, between: str = "") -> bytes:
    """The report's title, then each table as lines of tab-separated fields."""
    grids = page_document(read_page(gd.render(report, "html"))).grids
    document = docx.Document()
    document.add_paragraph(report.title or "")
    for grid in grids:
        document.add_paragraph(between)
        for r, row in enumerate(grid.rows):
            fields = [
                s.cell.text.replace("\n", "") if s and (s.cell.row, s.cell.col) == (r, c) else ""
                for c, s in enumerate(row)
            ]
            document.add_paragraph("\t".join(fields))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("name", ALL)
def test_tables_typed_with_tabs(name: str) -> None:
    # Before: no table at all ("no-table"), no report.
    report = gd.load(EXAMPLES / name)
    result = import_docx(_typed(report), name.replace(".json", ".docx"))
    assert result.report is not None, [p.message("en") for p in result.problems]
    assert type(result.report) is type(report)
    assert _figures(result.report) == _figures(report)
    codes = {p.code for p in result.problems}
    assert not codes & {
        "cell-not-placed",
        "table-not-imported",
        "cells-doubtful",
        "row-not-printed",
    }


def test_lines_with_tabs_but_no_figure_stay_text() -> None:
    document = docx.Document()
    for line in ("联系人：\t张三", "电话：\t0517-0000000", "地址：\t淮安市"):
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    result = import_docx(out.getvalue(), "contacts.docx")
    assert result.report is None
    assert [p.code for p in result.problems if p.severity == "error"] == ["no-table"]
