"""A figure moved into a cell merged the old way (``w:hMerge``) is put back.

A word processor moves a figure pasted as a one-cell table into the cell
before its own (:func:`govdisclosure_docx_import._moved_figure`).  When that
cell is widened by ``w:hMerge`` continue cells (one ``w:tc`` a grid column),
the figure's own cell is the one after them.  Before, the first continue
cell was taken for it: the figure was carried into a cell that has no text
of its own, then dropped, neither placed nor reported.
"""

from __future__ import annotations

from typing import Any

from docx.oxml import parse_xml

from govdisclosure_docx_import import FiguresFound, _grid

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _cell(inner: str, merge: str | None = None) -> str:
    props = "" if merge is None else f'<w:tcPr><w:hMerge w:val="{merge}"/></w:tcPr>'
    return f"<w:tc>{props}{inner}</w:tc>"


def _p(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" if text else "<w:p/>"


def _table(own: str) -> Any:
    """One row: a label over two grid columns (hMerge) with the figure 94
    pasted under it as a one-cell table, then the figure's own cell."""
    box = f"<w:tbl><w:tr>{_cell(_p('94'))}</w:tr></w:tbl>"
    row = (
        _cell(_p("本年新收") + box + _p(""), "restart") + _cell(_p(""), "continue") + _cell(_p(own))
    )
    return parse_xml(f'<w:tbl xmlns:w="{_W}"><w:tr>{row}</w:tr></w:tbl>')


def test_the_figure_goes_back_to_the_cell_after_the_merged_one() -> None:
    found = FiguresFound()
    grid = _grid(_table(""), 0, found)
    texts = {(c.row, c.col, c.colspan): c.text for c in grid.cells()}
    assert texts == {(0, 0, 2): "本年新收", (0, 2, 1): "94"}
    assert found.moved == {(0, 0, 2)}
    assert found.stray == []


def test_the_figure_is_reported_when_its_cell_prints_something() -> None:
    found = FiguresFound()
    grid = _grid(_table("7"), 0, found)
    texts = {(c.row, c.col, c.colspan): c.text for c in grid.cells()}
    assert texts == {(0, 0, 2): "本年新收", (0, 2, 1): "7"}
    assert found.stray == [(0, 0, 0, "94", "本年新收")]
