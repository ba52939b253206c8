"""Page geometry and type sizes of GB/T 9704-2012, in points.

The standard fixes the page (A4; 天头 37 mm, 订口 28 mm, so 切口 26 mm and
bottom 35 mm around a 156 mm × 225 mm type area) and the grid: 22 lines of
28 characters in 3号 (16 pt).  28 characters of 16 pt are 448 pt, a little
wider than the 442.2 pt type area, so, as word processors do with their
character grid, each character advances by 442.2 / 28 ≈ 15.79 pt: the glyphs
stay 16 pt and the spacing is 0.21 pt tighter.  The line pitch is
225 mm / 22 ≈ 28.99 pt.

Sizes of the Chinese size table: 2号 22 pt (title), 3号 16 pt (body),
4号 14 pt (page numbers), 五号 10.5 pt (tables).
"""

from __future__ import annotations

from typing import Final

from attrs import frozen
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from .fonts import FontSet

__all__ = [
    "BODY_SIZE",
    "CHARS_PER_LINE",
    "LINES_PER_PAGE",
    "PAGE_HEIGHT",
    "PAGE_NUMBER_SIZE",
    "PAGE_WIDTH",
    "TABLE_SIZE",
    "TITLE_SIZE",
    "TYPE_HEIGHT",
    "TYPE_WIDTH",
    "Margins",
    "Styles",
    "TextStyle",
    "make_styles",
]

PAGE_WIDTH, PAGE_HEIGHT = A4


@frozen
class Margins:
    """Page margins (GB/T 9704 5.2.1), in points."""

    top: float = 37 * mm
    left: float = 28 * mm
    right: float = 26 * mm
    bottom: float = 35 * mm


MARGINS: Final = Margins()
TYPE_WIDTH: Final = PAGE_WIDTH - MARGINS.left - MARGINS.right
TYPE_HEIGHT: Final = PAGE_HEIGHT - MARGINS.top - MARGINS.bottom

TITLE_SIZE: Final = 22.0
BODY_SIZE: Final = 16.0
PAGE_NUMBER_SIZE: Final = 14.0
TABLE_SIZE: Final = 10.5
CHARS_PER_LINE: Final = 28
LINES_PER_PAGE: Final = 22
#: Line pitch; a hair under 225 mm / 22 so that 22 lines fit despite rounding.
BODY_LEADING: Final = TYPE_HEIGHT / LINES_PER_PAGE - 0.001
#: Extra advance per character so that 28 of them fill the type area.
BODY_CHAR_SPACE: Final = TYPE_WIDTH / CHARS_PER_LINE - BODY_SIZE
#: Outline stroke (points) that makes a regular Song face stand in for 小标宋.
TITLE_STROKE: Final = 0.45
#: Outline stroke (points) that emboldens table heads, as Word's bold does
#: for a Chinese face that has no bold.
HEAD_STROKE: Final = 0.3
#: Distance from the type area's bottom edge to the page number's dash (7.5).
PAGE_NUMBER_DROP: Final = 7 * mm


@frozen
class TextStyle:
    """How a block of text is set.

    ``font`` is the CJK face; ``latin`` sets runs of Latin letters and
    digits (None: the CJK face's own).  ``indent`` is the first-line indent
    and ``left`` the indent of every line, both in points.  ``bold`` strokes
    the outlines as well as filling them, the usual stand-in for 小标宋 when
    only a regular Song face is at hand.
    """

    font: str
    size: float
    leading: float
    latin: str | None = None
    char_space: float = 0.0
    indent: float = 0.0
    left: float = 0.0
    align: str = "justify"
    bold: float = 0.0
    space_before: float = 0.0
    space_after: float = 0.0
    #: Apply 禁则; off for a one-character column read top to bottom, where
    #: a mark takes a cell of its own as in vertical writing.
    kinsoku: bool = True


@frozen
class Styles:
    """Every style a document uses, built once per rendering from its fonts."""

    fonts: FontSet
    title: TextStyle
    body: TextStyle
    heading1: TextStyle
    heading2: TextStyle
    heading3: TextStyle
    attachment_label: TextStyle
    table_title: TextStyle
    cell: TextStyle
    cell_number: TextStyle
    cell_header: TextStyle
    #: Column heads, bold (stroked, as word processors embolden a face with no bold).
    cell_head: TextStyle
    cell_vertical: TextStyle
    cell_small: TextStyle
    #: Column heads of wide tables in English, whose words are long.
    cell_header_small: TextStyle
    note: TextStyle
    page_number: TextStyle


def make_styles(fonts: FontSet, *, table_size: float = TABLE_SIZE) -> Styles:
    """Styles for a font set; ``table_size`` sets the tables' type (10.5–12 pt)."""
    two = 2 * (BODY_SIZE + BODY_CHAR_SPACE)
    body = TextStyle(
        fonts.body,
        BODY_SIZE,
        BODY_LEADING,
        fonts.latin,
        BODY_CHAR_SPACE,
        indent=two,
    )
    table_leading = table_size * 1.25
    # A heavy title face sets its digits in its own heavy Latin, not in a regular Times.
    heavy_latin = None if fonts.heavy_title else fonts.latin
    cell = TextStyle(fonts.body, table_size, table_leading, fonts.latin, align="left")
    return Styles(
        fonts=fonts,
        title=TextStyle(
            fonts.title,
            TITLE_SIZE,
            BODY_LEADING * 1.25,
            heavy_latin,
            align="center",
            bold=TITLE_STROKE if fonts.title == fonts.body else 0.0,
            space_after=BODY_LEADING,
        ),
        body=body,
        heading1=TextStyle(
            fonts.hei,
            BODY_SIZE,
            BODY_LEADING,
            fonts.latin_sans,
            BODY_CHAR_SPACE,
            indent=two,
            align="left",
        ),
        heading2=TextStyle(
            fonts.kai,
            BODY_SIZE,
            BODY_LEADING,
            fonts.latin,
            BODY_CHAR_SPACE,
            indent=two,
            align="left",
        ),
        heading3=body,
        attachment_label=TextStyle(
            fonts.hei, BODY_SIZE, BODY_LEADING, fonts.latin_sans, BODY_CHAR_SPACE, align="left"
        ),
        table_title=TextStyle(
            fonts.title,
            BODY_SIZE + 2,
            BODY_LEADING,
            heavy_latin,
            align="center",
            bold=0.3 if fonts.title == fonts.body else 0.0,
        ),
        cell=cell,
        # Numbers are centred in their cells, as the published tables print them.
        cell_number=TextStyle(fonts.body, table_size, table_leading, fonts.latin, align="center"),
        cell_header=TextStyle(fonts.body, table_size, table_leading, fonts.latin, align="center"),
        cell_head=TextStyle(
            fonts.body, table_size, table_leading, fonts.latin, align="center", bold=HEAD_STROKE
        ),
        cell_vertical=TextStyle(
            fonts.body, table_size, table_leading, fonts.latin, align="center", kinsoku=False
        ),
        cell_small=TextStyle(
            fonts.body, table_size - 1, (table_size - 1) * 1.25, fonts.latin, align="left"
        ),
        cell_header_small=TextStyle(
            fonts.body,
            table_size - 2,
            (table_size - 2) * 1.2,
            fonts.latin,
            align="center",
            bold=HEAD_STROKE * 0.8,
        ),
        note=TextStyle(fonts.body, 12, 18, fonts.latin, align="left"),
        page_number=TextStyle(fonts.body, PAGE_NUMBER_SIZE, PAGE_NUMBER_SIZE, fonts.latin),
    )
