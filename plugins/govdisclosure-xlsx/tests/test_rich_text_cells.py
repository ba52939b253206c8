"""A figure cell typed as rich text (round three of the probe): the workbook
LibreOffice wrote of 淮安 2024 (``examples/workbooks``) with the cell of row
一's 商业企业 figure (53) given a footnote mark set raised, or an old figure
struck through before it, as clerks correct a table in Excel or WPS.
"""

from __future__ import annotations

import io
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

import govdisclosure as gd
from govdisclosure import cells_by_path
from govdisclosure.paths import Path as CellPath
from govdisclosure_xlsx import import_workbook
from xlsx_helpers import EXAMPLES

SOURCE = EXAMPLES / "workbooks" / "huaian-2024.xlsx"
EXPECTED = gd.load(EXAMPLES / "huaian-2024.json")
#: Row 一's 商业企业 cell on the sheet LibreOffice wrote.
CELL = "L33"


def _with(value: CellRichText) -> tuple[dict[CellPath, Any], set[str]]:
    book = load_workbook(SOURCE, rich_text=True)
    sheet = book.worksheets[0]
    assert sheet[CELL].value == 53
    sheet[CELL].value = value
    out = io.BytesIO()
    book.save(out)
    report, _, problems = import_workbook(out.getvalue(), "variant.xlsx")
    assert isinstance(report, gd.Report2021)
    return cells_by_path(report), {p.code for p in problems}


@pytest.mark.parametrize(
    "value",
    [
        CellRichText(("53", TextBlock(InlineFont(vertAlign="superscript"), "1"))),
        CellRichText(("53", TextBlock(InlineFont(vertAlign="subscript"), "2"))),
        CellRichText((TextBlock(InlineFont(strike=True), "50"), " 53")),
    ],
    ids=["raised-mark", "lowered-mark", "struck-old-figure"],
)
def test_a_mark_or_a_struck_figure_is_no_digit(value: CellRichText) -> None:
    # Before: read as the cell's plain text, 531, 532 and 5053: a figure
    # invented and the publisher blamed for the sums it broke.  Now the cell
    # is unreadable, left blank, as "53¹" typed is.
    figures, codes = _with(value)
    want = cells_by_path(EXPECTED)
    (key,) = {k for k in want if figures[k] != want[k]}
    assert want[key] == 53 and figures[key] is None
    assert "cell-unreadable" in codes and "publisher-error" not in codes


def test_rich_text_without_marks_is_its_text() -> None:
    figures, codes = _with(CellRichText((TextBlock(InlineFont(b=True), "5"), "3")))
    assert figures == cells_by_path(EXPECTED)
    assert "cell-unreadable" not in codes
