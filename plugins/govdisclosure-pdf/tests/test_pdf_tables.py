"""The official tables in office style, measured on the PDF (poppler's word boxes).

The published 淮安 and 洪泽 reports centre the numbers in their cells, set
the column heads in bold, give table 2 rows of about 34 pt and leave a blank
line between a table and the next heading.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from io import BytesIO

import pytest
from pypdf import PdfReader

import govdisclosure as gd
from govdisclosure.plugin.types import RenderOptions
from govdisclosure.registry import tables_of
from govdisclosure_pdf import render_pdf
from govdisclosure_pdf.fonts import resolve_fonts
from govdisclosure_pdf.styles import BODY_LEADING, TYPE_WIDTH, make_styles
from govdisclosure_pdf.tables import TableLayout, table2_grid, table3_grid, table4_grid
from pdf_helpers import Rendered, squash
from pdf_reports import EXAMPLES

Render = Callable[..., Rendered]
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)
Box = tuple[float, float, float, float, str]


def _pages(rendered: Rendered) -> list[list[Box]]:
    bbox = rendered.poppler("pdftotext", "-bbox")
    return [
        [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in _WORD.findall(chunk)]
        for chunk in bbox.split("<page ")[1:]
    ]


def _find(words: list[Box], text: str) -> Box:
    found = [w for w in words if w[4] == text]
    assert found, text
    return found[0]


def test_numbers_are_centred_under_their_heads(render_example: Render) -> None:
    """Table 3's first row: each number's centre is its column head's centre."""
    for words in _pages(render_example("huaian-2024")):
        if not any(w[4] == "3119" for w in words):
            continue
        row = _find(words, "3119")
        numbers = [w for w in words if abs(w[1] - row[1]) < 2 and w[4].isdigit()]
        assert [w[4] for w in numbers] == ["3001", "53", "0", "0", "61", "4", "3119"]
        for head, number in (("自然人", numbers[0]), ("其他", numbers[5]), ("总计", numbers[6])):
            h = _find(words, head)
            assert (number[0] + number[2]) / 2 == pytest.approx((h[0] + h[2]) / 2, abs=1.0)
        return
    pytest.fail("table 3 not found")


def test_table2_rows_are_as_tall_as_published(render_example: Render) -> None:
    """规章 → 行政规范性文件: 33.7 pt (洪泽) and 35 pt (淮安) in the published PDFs."""
    for name in ("huaian-2024", "hongze-2024"):
        words = [w for page in _pages(render_example(name)) for w in page]
        a, b = _find(words, "规章"), _find(words, "行政规范性文件")
        assert 28 <= b[1] - a[1] <= 38, name


def test_a_blank_line_between_a_table_and_the_next_heading(render_example: Render) -> None:
    for words in _pages(render_example("huaian-2024")):
        heads = [w for w in words if w[4].startswith("三、收到和处理")]
        if heads:
            value = _find(words, "96171.6")  # the last cell of table 2
            # The cell's padding and a whole grid line lie between them.
            assert heads[0][1] - value[3] >= BODY_LEADING
            return
    pytest.fail("heading 三 not found")


def test_column_heads_are_bold() -> None:
    """Every head cell of tables 2–4 is set in a stroked (bold) style, body cells not."""
    report = gd.load(EXAMPLES / "huaian-2024.json")
    assert isinstance(report, gd.Report2021)
    styles = make_styles(resolve_fonts())
    for locale in ("zh_Hans_CN", "en"):
        layout = TableLayout(locale, styles, TYPE_WIDTH)
        tables = dict(tables_of(report))
        grids = [
            table3_grid(tables["table3"], layout),
            table4_grid(tables["table4"], TableLayout(locale, styles, 640)),
        ]
        for grid in grids:
            heads = [c for row in grid.rows[: grid.header_rows] for c in row if c is not None]
            note = heads[0]  # the 勾稽 note in the corner is a note, not a head
            assert all(c.style.bold > 0 for c in heads if c is not note)
            body = [c for row in grid.rows[grid.header_rows :] for c in row if c is not None]
            assert all(c.style.bold == 0 for c in body)
        t2 = table2_grid(tables["table2"], layout)
        head_rows = [row for row in t2.rows if row[0] is not None and row[0].style.bold > 0]
        assert len(head_rows) == 4  # 信息内容 … in each of the four blocks


@pytest.mark.parametrize("locale", ["zh_Hans_CN", "en"])
def test_landscape_table4_has_its_heading_on_its_page(render_example: Render, locale: str) -> None:
    """The heading turns with the table (it was left alone on the page before)."""
    report = render_example("huaian-2024").report
    data = render_pdf(report, RenderOptions(locale=locale, extra={"table4": "landscape"}))
    pages = [squash(p.extract_text()) for p in PdfReader(BytesIO(data)).pages]
    heading = squash(report.sections[3].heading)
    assert heading.startswith("四、")
    holding = [k for k, text in enumerate(pages) if heading in text]
    assert len(holding) == 1, "the heading is printed once"
    assert "7264178" in pages[holding[0]], "on the table's page"
