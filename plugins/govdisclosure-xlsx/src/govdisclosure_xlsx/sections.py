"""Which one-cell rows of a sheet are the report's section headings.

A page copied into a spreadsheet (LibreOffice Calc's HTML import, Excel's
paste) lays every table of the page on one sheet, on the columns of the
widest, with the section headings between them in rows of one cell:
"三、收到和处理政府信息公开申请情况" right above table 3's header.  Such a row
is short and ends no sentence, like a block's caption inside table 2
("第二十条第（一）项"), so it would join table 2, table 3 and table 4 into one
grid, of which the mapping recognises one table and reports the others as
missing.  A row that prints a section heading of a format is the report's
text and ends the table before it.

Only the headings the formats print are taken (:attr:`Edition.section_headings`),
numbered with their own Chinese numeral, worded as the format words them or
with a 的 more or less, a bracketed remark after them ("（有关情况附表）") left
aside: "一、本年新收政府信息公开申请数量" alone on a row (a table-3 row whose
figures are all blank) is a row of the table, not a heading.
"""

from __future__ import annotations

import re
from functools import cache

from govdisclosure.editions import EDITIONS
from govdisclosure_html.text import label_key

__all__ = ["is_section_heading", "without_caption"]

#: A remark in brackets after a heading: "（有关情况附表）", "（见附表）".
_REMARK = re.compile(r"\([^()]*\)$")


def _words(text: str) -> str:
    return text.replace("的", "")


@cache
def _headings() -> frozenset[tuple[int, str]]:
    """(numeral's value, words without 的) of every format's section headings."""
    out = set()
    for edition in EDITIONS.values():
        for heading in edition.section_headings:
            key = label_key(heading)
            out.add((key.ordinal, _words(key.words)))
    return frozenset(out)


def is_section_heading(text: str) -> bool:
    """``text`` prints one of the formats' section headings (see the module doc)."""
    key = label_key(text)
    if not key.code or key.code.startswith("(") or key.code.isdigit():
        return False  # numbered 一、 only: (一) and 1. number rows and blocks
    words = _REMARK.sub("", key.words)
    return (key.ordinal, _words(words)) in _headings()


def without_caption(text: str) -> str:
    """A table cell's text without a first line that is a section heading.

    Calc opening a page puts a table's ``<caption>`` ("四、政府信息公开行政复议、
    行政诉讼情况") on a row of its own above the table *and* before the text
    of the table's first cell, on a line of its own: "四、…情况\n行政复议" is
    no label of the format, and table 4's first five figures went unplaced.
    The heading is no part of any cell's label; the rest of the cell is."""
    first, newline, rest = text.partition("\n")
    if newline and rest.strip() and is_section_heading(first):
        return rest.strip()
    return text
