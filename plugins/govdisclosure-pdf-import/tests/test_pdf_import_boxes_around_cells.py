"""A box pdfplumber gives around other cells is no cell (``layout._boxes_cut``).

Under a ``<thead>`` a browser prints again at the top of a page, a group
label carried over the break has a box open at its top; with cells drawn
apart it closes against the head's last rule across the whole table, and
pdfplumber gives one "cell" from the label's left side to the table's right
edge around the rows' own cells (round twelve's 云南省工业和信息化厅 2023 on
A4, printed at test time in ``test_pdf_import_printed_portals.py``).  Its text
was three rows of figures in columns, and the whole piece was refused.
"""

from __future__ import annotations

from govdisclosure_pdf_import.layout import _boxes_cut, _Found

#: Page 2's top as pdfplumber found it: the box around three rows (98–559 ×
#: 102–167), the rows' label and figure cells in it, a cell below it.
AROUND = (98.2, 102.4, 559.3, 167.3)
ROWS = [
    (158.2, 107.6, 348.0, 126.7),
    (348.0, 107.6, 374.3, 126.7),
    (158.2, 126.7, 348.0, 147.0),
    (348.0, 126.7, 374.3, 147.0),
    (158.2, 147.0, 348.0, 167.3),
    (348.0, 147.0, 374.3, 167.3),
]
BELOW = (98.2, 167.3, 158.2, 187.6)


def test_a_box_around_cells_keeps_the_part_left_of_them() -> None:
    found = _boxes_cut(_Found([AROUND, *ROWS, BELOW], (36.0, 28.1, 559.3, 187.6)))
    assert found.cells == [(98.2, 102.4, 158.2, 167.3), *ROWS, BELOW]


def test_a_box_around_cells_with_nothing_of_its_own_is_dropped() -> None:
    whole = (158.2, 107.6, 374.3, 167.3)
    found = _boxes_cut(_Found([whole, *ROWS], (158.2, 107.6, 374.3, 167.3)))
    assert found.cells == ROWS


def test_cells_side_by_side_or_a_sliver_beside_are_kept() -> None:
    # Neighbours share their sides; a sliver 1.5 pt high under a cell lies
    # within the snap of its foot but not inside it: neither is "inside".
    sliver = (158.2, 167.3, 348.0, 168.8)
    cells = [*ROWS, sliver]
    found = _boxes_cut(_Found(cells, (158.2, 107.6, 374.3, 168.8)))
    assert found.cells == cells
