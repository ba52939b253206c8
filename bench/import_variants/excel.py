"""Excel variants: 淮安 2024's workbook with a figure cell typed or formatted otherwise.

Made from ``examples/workbooks/huaian-2024.xlsx`` by openpyxl, one cell of
table 3 changed (L33 prints 53, I33 prints 3001); the figures it prints are
those of ``examples/huaian-2024.json``.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from functools import partial

from openpyxl import load_workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.comments import Comment
from openpyxl.worksheet.worksheet import Worksheet

import govdisclosure as gd

from .variant import EXAMPLES, Case, Variant, collect
from .word import huaian

_WORKBOOK = EXAMPLES / "workbooks" / "huaian-2024.xlsx"


def _edited(edit: Callable[[Worksheet], None]) -> bytes:
    book = load_workbook(_WORKBOOK, rich_text=True)
    edit(book.worksheets[0])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _setting(value: object) -> Callable[[Worksheet], None]:
    def edit(sheet: Worksheet) -> None:
        sheet["L33"].value = value

    return edit


def _commented(sheet: Worksheet) -> None:
    sheet["L33"].comment = Comment("含转办3件", "a")


def _as_text(sheet: Worksheet) -> None:
    sheet["L33"].value = "53"
    sheet["I33"].value = "3,001"


def marked_cells() -> Iterator[Case]:
    """A figure cell holding rich text (a raised footnote digit, an old figure struck through,
    runs in another font), a mark typed after it, a comment on it, or figures stored as
    text: what a workbook filled in by hand holds."""
    raised = CellRichText(("53", TextBlock(InlineFont(vertAlign="superscript"), "1")))
    struck = CellRichText((TextBlock(InlineFont(strike=True), "50"), " 53"))
    bold = CellRichText((TextBlock(InlineFont(b=True), "5"), "3"))
    for name, edit, marked in (
        ("Excel: rich text 53 + raised 1", _setting(raised), 1),
        ("Excel: struck 50 before 53 (rich text)", _setting(struck), 1),
        ("Excel: rich text without marks (bold 5, 3)", _setting(bold), 0),
        ("Excel: 53¹ typed", _setting("53¹"), 1),
        ("Excel: a comment on 53", _commented, 0),
        ("Excel: figures stored as text, 3,001", _as_text, 0),
    ):
        yield Case(name, partial(_edited, edit), marked=marked)


def variants() -> list[Variant]:
    """Every Excel variant of 淮安 2024's workbook."""
    return collect("Excel", (marked_cells,), huaian(), gd.Report2021)
