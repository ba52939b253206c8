"""A long table's pages do not depend on how many of its rows are built at a time.

:class:`~govdisclosure_pdf.grid.GridTable` builds :data:`~govdisclosure_pdf.grid.WINDOW`
rows first, then for each part left after a page about the rows the next
page holds (:meth:`~govdisclosure_pdf.grid.GridTable.page_rows`), and more
while they all fit: that only saves work, so the document must be, byte for
byte, the one made when every part is built whole.
"""

from __future__ import annotations

import re
from io import BytesIO
from unittest import mock

from hypothesis import given, settings, strategies
from pypdf import PdfReader
from reportlab.platypus import Spacer
from reportlab.platypus.flowables import Flowable

from govdisclosure_pdf.document import DocumentInfo, build_pdf
from govdisclosure_pdf.fonts import resolve_fonts
from govdisclosure_pdf.grid import Cell, Grid, GridTable
from govdisclosure_pdf.styles import TYPE_HEIGHT, TYPE_WIDTH, Styles, make_styles

_TEXT = "政府信息公开申请3119件，依申请公开。年度报告2024"
_INFO = DocumentInfo(
    title="表", author="单位", subject="表", lang="zh-CN", date=None, keywords="表"
)


def _styles() -> Styles:
    return make_styles(resolve_fonts())


@strategies.composite
def grids(draw: strategies.DrawFn) -> Grid:
    """Tables of 30 to 150 body rows of one to a few lines, some cells merged down column 0."""
    style = _styles().cell
    columns = draw(strategies.integers(2, 4))
    header = draw(strategies.integers(0, 2))
    lengths = draw(strategies.lists(strategies.integers(0, 70), min_size=30, max_size=150))
    total = header + len(lengths)
    rows: list[list[Cell | None]] = [
        [Cell(_TEXT[: 1 + (r + c) % 9], style) for c in range(columns)] for r in range(header)
    ]
    for r, n in enumerate(lengths):
        text = (_TEXT * 4)[r % 7 : r % 7 + n]
        rows.append(
            [Cell(text if c == r % columns else text[: n // 3], style) for c in range(columns)]
        )
    spans: list[tuple[int, int, int, int]] = []
    r = header
    for step in draw(strategies.lists(strategies.integers(-30, 30), max_size=12)):
        if r + 1 >= total:
            break
        if step > 0:  # a label merged down ``step`` more rows
            r1 = min(total - 1, r + step)
            spans.append((0, r, 0, r1))
            for k in range(r + 1, r1 + 1):
                rows[k][0] = None
            r = r1 + 1
        else:  # rows left alone
            r += 1 - step
    return Grid(
        rows=tuple(tuple(row) for row in rows),
        col_widths=tuple([TYPE_WIDTH * 0.9 / columns] * columns),
        header_rows=header,
        spans=tuple(spans),
        shaded_rows=frozenset({total - 1}),
        keep_with_next=frozenset(draw(strategies.sets(strategies.integers(header, total - 1)))),
        min_rows=draw(strategies.integers(1, 4)),
        font=_styles().fonts.body,
    )


def _pdf(grid: Grid, offset: float, window: int, after_page: int | None) -> bytes:
    """The PDF of ``grid`` after ``offset`` points of a page, ``window`` rows built first
    and ``after_page`` rows by each part after a page (None: the estimate)."""
    story: list[Flowable] = [Spacer(1, offset), GridTable(grid, window=window)]
    if after_page is None:
        return build_pdf(story, _styles(), _INFO)
    with mock.patch.object(GridTable, "page_rows", lambda self, height: after_page):
        return build_pdf(story, _styles(), _INFO)


@settings(max_examples=40, deadline=None)
@given(
    grid=grids(),
    offset=strategies.floats(0, TYPE_HEIGHT - 40),
    window=strategies.integers(1, 40),
    after_page=strategies.integers(1, 40),
)
def test_the_rows_built_at_a_time_never_change_the_document(
    grid: Grid, offset: float, window: int, after_page: int
) -> None:
    whole = _pdf(grid, offset, grid.body_count, grid.body_count)
    assert _pdf(grid, offset, window, after_page) == whole
    assert _pdf(grid, offset, window, None) == whole


def test_drawn_rows_forget_their_lines_and_the_header_keeps_them() -> None:
    """A cell's lines are kept for the builds of its page, not for the whole document."""
    style = _styles().cell
    body = [
        (Cell(f"第{i}行", style), Cell("政府信息公开" * (1 + i % 3), style)) for i in range(300)
    ]
    head: tuple[Cell | None, ...] = (Cell("单位", style), Cell("说明", style))
    grid = Grid(rows=(head, *body), col_widths=(100.0, 200.0), header_rows=1)
    build_pdf([GridTable(grid)], _styles(), _INFO)
    assert all(len(cell.cache) == 0 for row in body for cell in row)
    assert all(len(cell.cache) > 0 for cell in head if cell is not None)


def test_rows_kept_together_that_no_page_holds_are_let_go() -> None:
    """A row just shorter than a page, kept with a one-line row after it.

    Neither row is taller than a page, so neither is cut; the two together
    are, and under the first no page has room to cut the second: the table
    used to move to a fresh page, not split there either, and end in a
    ``LayoutError``.  The rows go on one page each.
    """
    style = _styles().cell
    rows = ((Cell("政" * 330, style), Cell("一", style)), (Cell("二", style), Cell("三", style)))
    grid = Grid(
        rows=rows,
        col_widths=(TYPE_WIDTH * 0.2, TYPE_WIDTH * 0.3),
        keep_with_next=frozenset({0}),
        font=_styles().fonts.body,
    )
    table = GridTable(grid)
    _, tall = table.wrap(TYPE_WIDTH, TYPE_HEIGHT * 2)
    assert TYPE_HEIGHT - 20 < table._rowHeights[0] <= TYPE_HEIGHT < tall
    pages = PdfReader(BytesIO(build_pdf([table], _styles(), _INFO))).pages
    texts = [re.sub(r"\s+", "", page.extract_text()) for page in pages]
    assert len(texts) == 2
    assert texts[0].count("政") == 330 and "二" not in texts[0]
    assert "二" in texts[1] and "三" in texts[1]
