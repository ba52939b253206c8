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

import docx
import pytest

import govdisclosure as gd
from govdisclosure import cells_by_path
from govdisclosure_docx_import import import_docx
from govdisclosure_html.importer import page_document
from govdisclosure_html.page import read_page

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
ALL = sorted(p.name for p in EXAMPLES.glob("*.json"))


def _typed(report: gd.Report, how: str = "padded") -> bytes:
    """The report's title, then each table as lines of tab-separated fields:
    ``padded`` (a field for every column, a merged cell's covered ones
    empty), ``captions`` (the same, but a line of one text, a block's
    caption, typed without tabs) or ``unpadded`` (a merged cell typed once,
    the fields it covers left out)."""
    grids = page_document(read_page(gd.render(report, "html"))).grids
    document = docx.Document()
    document.add_paragraph(report.title or "")
    for grid in grids:
        document.add_paragraph("")
        for r, row in enumerate(grid.rows):
            fields = [
                s.cell.text.replace("\n", "") if s and (s.cell.row, s.cell.col) == (r, c) else None
                for c, s in enumerate(row)
            ]
            texts = [f for f in fields if f]
            if how == "captions" and len(texts) == 1 and fields[0]:
                document.add_paragraph(texts[0])
            elif how == "unpadded":
                document.add_paragraph("\t".join(f for f in fields if f is not None))
            else:
                document.add_paragraph("\t".join(f or "" for f in fields))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("how", ["padded", "captions"])
@pytest.mark.parametrize("name", ALL)
def test_tables_typed_with_tabs(name: str, how: str) -> None:
    # Before: no table at all ("no-table"), no report.
    report = gd.load(EXAMPLES / name)
    result = import_docx(_typed(report, how), name.replace(".json", ".docx"))
    assert result.report is not None, [p.message("en") for p in result.problems]
    assert type(result.report) is type(report)
    assert cells_by_path(result.report) == cells_by_path(report)
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


@pytest.mark.parametrize("name", ["huaian-2024.json", "shanghai-szfbgt-2019.json"])
def test_lines_typed_without_a_field_for_each_column_are_not_read(name: str) -> None:
    # A merged cell typed once, the fields it covers left out: the fields no
    # longer say the columns (Word's tab stops do).  Read as a grid, 22 of
    # 淮安's figures landed in other columns; such lines stay text, nothing
    # is placed, and the file has no table.
    result = import_docx(_typed(gd.load(EXAMPLES / name), "unpadded"), "unpadded.docx")
    assert result.report is None
    assert [p.code for p in result.problems if p.severity == "error"] == ["no-table"]
