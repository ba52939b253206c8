"""A pre-2019 form as LibreOffice Writer prints a portal's page: no rules, cells a few points apart.

玉溪 2017's form (its borders set by CSS alone, which Writer does not draw)
is printed in three columns, 统计指标, 单位 and 统计数, 4.8 points apart at
16 pt; the labels are set flush right, the figures flush right, and a long
label wraps over two lines as far apart as the rows, its row's unit and
figure midway between them.  The header is printed again on every page.
Read by position, 12 of its 21 figures were left out (all reported).

The pages below are built from the positions Writer gives the form's
characters (``test_pdf_import_writer_pieces.py`` makes the PDF itself).
"""

from __future__ import annotations

from typing import Any

from govdisclosure_pdf_import.layout import PieceCell
from govdisclosure_pdf_import.textgrid import Carried, split_at_columns, text_tables

SIZE = 16.0
#: Where Writer ends the labels (set flush right) and starts the units' column.
LABEL_END = 417.5
UNIT_AT = 438.3
FIGURE_END = 520.3


def _width(ch: str) -> float:
    return 10.17 if ch.isascii() else SIZE


def _chars(text: str, x0: float, top: float) -> list[dict[str, Any]]:
    out = []
    for ch in text:
        w = _width(ch)
        if ch != " ":
            out.append(
                {"text": ch, "x0": x0, "x1": x0 + w, "top": top, "bottom": top + SIZE, "size": SIZE}
            )
        x0 += w if ch != " " else 5.1
    return out


def _flush_right(text: str, x1: float, top: float) -> list[dict[str, Any]]:
    width = sum(_width(ch) if ch != " " else 5.1 for ch in text)
    return _chars(text, x1 - width, top)


def _row(label: str, unit: str, figure: str, top: float) -> list[dict[str, Any]]:
    line = _flush_right(label, LABEL_END, top) if label else []
    if unit:
        line += _flush_right(unit, UNIT_AT + SIZE, top)
    if figure:
        line += _flush_right(figure, FIGURE_END, top - 1.5)
    return line


def _header(top: float = 108.9) -> list[dict[str, Any]]:
    return [
        *_flush_right("统计指标", LABEL_END, top),
        *_chars("单位", 422.3, top),
        *_chars("统计数", 472.4, top),
    ]


def _first_page() -> list[list[dict[str, Any]]]:
    return [
        _header(),
        _flush_right("（一）主动公开政府信息数（不同渠道和方式公", LABEL_END, 145.8),
        _row("", "条", "218972", 164.3),
        _flush_right("开相同信息计 1 条）", LABEL_END, 182.8),
        _row("其中：主动公开规范性文件数", "条", "22", 219.8),
        _row("制发规范性文件总数", "件", "22", 256.7),
        [
            *_flush_right("（二）通过不同渠道和方式公开政府信息的情况", LABEL_END, 293.7),
            *_chars("——", 422.3, 292.2),
        ],
        _row("1.政府公报公开政府信息数", "条", "82", 330.6),
        _row("2.政府网站公开政府信息数", "条", "94802", 367.6),
        _row("3.政务微博公开政府信息数", "条", "3353", 404.5),
    ]


def _rows(cells: tuple[PieceCell, ...]) -> list[list[str]]:
    rows: dict[int, list[str]] = {}
    for c in sorted(cells, key=lambda c: (c.row, c.col)):
        rows.setdefault(c.row, []).append(c.text)
    return list(rows.values())


def test_a_unit_and_its_figure_closer_than_a_character_are_two_cells() -> None:
    """ "条" and "94802" stand 15.2 points apart at 16 pt: one segment, read
    as the text "条 94802" in the figures' column.  Other rows print the
    units' column and the figures' apart, so the gap is a column's: cut."""
    page = _first_page()
    lines = [[(s.text, round(s.x0)) for s in split] for split in _split(page)]
    assert [t for t, _ in lines[8]] == ["2.政府网站公开政府信息数", "条", "94802"]
    assert [t for t, _ in lines[0]] == ["统计指标", "单位", "统计数"]
    assert [t for t, _ in lines[6]] == ["（二）通过不同渠道和方式公开政府信息的情况", "——"]
    # Words no other line's columns bracket stay together (a space inside a label).
    assert [t for t, _ in lines[3]] == ["开相同信息计 1 条）"]


def _split(page: list[list[dict[str, Any]]]) -> list[list[Any]]:
    from govdisclosure_pdf_import.textgrid import _column_gaps, segments

    lines = [segments(g) for g in page]
    gaps = _column_gaps(lines)
    return [split_at_columns(g, gaps) or ln for g, ln in zip(page, lines, strict=True)]


def test_a_paragraph_with_no_columns_around_it_is_not_cut() -> None:
    text = _chars("主动公开政府信息数 82 条", 82.0, 100.0)
    assert split_at_columns(text, []) is None
    assert split_at_columns(text, [(300.0, 330.0), (300.0, 330.0)]) is None


def test_the_form_as_writer_prints_it_is_read_row_by_row() -> None:
    """Every row of figures with its whole label and its unit: the label
    wrapped over two lines around its figure, the labels set flush right
    one column (not one per left edge), the section row's "——" in the
    units' column, not a column of figures."""
    pieces, _, _, _ = text_tables(1, _first_page())
    (piece,) = pieces
    rows = _rows(piece.cells)
    assert rows[0] == ["统计指标", "单位", "统计数"]
    assert rows[1] == [
        "（一）主动公开政府信息数（不同渠道和方式公开相同信息计 1 条）",
        "条",
        "218972",
    ]
    assert rows[2] == ["其中：主动公开规范性文件数", "条", "22"]
    assert rows[4] == ["（二）通过不同渠道和方式公开政府信息的情况", "——"]
    assert rows[6] == ["2.政府网站公开政府信息数", "条", "94802"]
    assert len(piece.xs) == 4  # label, unit, figure: three columns


def test_lines_around_a_figure_that_make_no_official_label_stay_apart() -> None:
    """Two lines around a row's figure are one label only when together they
    are an official label: otherwise each stays where it was put."""
    page = _first_page()
    page[3] = _flush_right("另一段文字", LABEL_END, 182.8)
    pieces, _, _, _ = text_tables(1, page)
    texts = {c.text for p in pieces for c in p.cells}
    assert "（一）主动公开政府信息数（不同渠道和方式公另一段文字" not in texts


def test_a_header_printed_again_keeps_the_columns_of_the_page_before() -> None:
    """The next page prints the header again, rows printed blank, then one
    "0": alone it cannot tell that figures are set flush right, so its
    column stood 17 points off the page before's (joined as another column,
    the 0 not placed), and the blank rows above it were header lines."""
    first, _, _, carried = text_tables(1, _first_page())
    assert isinstance(carried, Carried)
    second_page = [
        _header(),
        _row("2.同意公开答复数", "件", "", 145.8),
        _row("3.同意部分公开答复数", "件", "", 182.8),
        _row("4.不同意公开答复数", "件", "", 219.8),
        _row("四、行政复议数量", "件", "0", 256.7),
        _row("（一）维持具体行政行为数", "件", "", 293.7),
    ]
    second, _, _, _ = text_tables(2, second_page, carried)
    (piece,) = second
    assert piece.xs[-2:] == first[0].xs[-2:]
    rows = _rows(piece.cells)
    assert rows[1] == ["2.同意公开答复数", "件", ""]  # a row printed blank, not a heading
    assert rows[4] == ["四、行政复议数量", "件", "0"]
