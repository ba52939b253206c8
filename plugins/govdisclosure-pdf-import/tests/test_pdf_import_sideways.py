"""Pages printed sideways (``govdisclosure_pdf_import.turned``).

The published 淮安 PDF (ruled tables) and an unruled PDF of the 洪泽
example, their pages turned two ways a file meets: the page's ``/Rotate``
set (pypdf's ``rotate``: a viewer shows the page sideways), or the page's
content drawn turned by a matrix onto a blank page of the other
orientation (no ``/Rotate``: the text itself runs up or down).  Each
imports the figures, title and unit of the upright file, and every cell's
box, given in the turned file's own page frame, holds exactly the
characters of the cell's text there.  Before ``turned``: 116 of 淮安's 200
figures with its table pages at ``/Rotate`` 90 or 270, none at 180.
"""

from __future__ import annotations

import io
from collections import Counter
from functools import cache

import pdfplumber
import pypdf
import pytest
from pypdf import PageObject, Transformation

import govdisclosure as gd
from govdisclosure import cells_by_path
from govdisclosure_html import ImportResult
from govdisclosure_pdf_import import import_pdf
from govdisclosure_pdf_import.turned import Turn, back
from pdfimport_helpers import DATA, EXAMPLES
from unruled import unruled_pdf


@cache
def _upright(name: str) -> ImportResult:
    return import_pdf(_file(name), f"{name}.pdf")


@cache
def _file(name: str) -> bytes:
    if name == "huaian":
        return (DATA / "huaian-2024.pdf").read_bytes()
    return unruled_pdf(gd.load(EXAMPLES / "hongze-2024.json"))


def _rotated(data: bytes, pages: set[int] | None, degrees: int) -> bytes:
    """``pages`` (0-based; None: all) shown turned by ``/Rotate``."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    writer = pypdf.PdfWriter()
    for i, page in enumerate(reader.pages):
        writer.add_page(page)
        if pages is None or i in pages:
            writer.pages[-1].rotate(degrees)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _drawn_turned(data: bytes, pages: set[int] | None, degrees: int) -> bytes:
    """``pages`` drawn turned counter-clockwise by ``degrees`` (90 or 270)
    onto a blank page of the other orientation: no ``/Rotate``, the text
    itself runs up (90) or down (270)."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    writer = pypdf.PdfWriter()
    for i, page in enumerate(reader.pages):
        if pages is not None and i not in pages:
            writer.add_page(page)
            continue
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        blank = PageObject.create_blank_page(width=h, height=w)
        # The matrix as a producer writes it (0 and ±1: pypdf's rotate()
        # leaves cos 90° = 6e-17, which makes pdfminer take a filled
        # rectangle for a curve).
        turn = (0, 1, -1, 0, h, 0) if degrees == 90 else (0, -1, 1, 0, 0, w)
        blank.merge_transformed_page(page, Transformation(turn))
        writer.add_page(blank)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


#: 淮安's tables are on pages 3 to 5; 洪泽's unruled tables on the pages after the text.
CASES = [
    ("huaian", "rotate", {2, 3, 4}, 90),
    ("huaian", "rotate", {2, 3, 4}, 270),
    ("huaian", "rotate", {2, 3, 4}, 180),
    ("huaian", "rotate", None, 90),
    ("huaian", "drawn", {2, 3, 4}, 90),
    ("huaian", "drawn", None, 270),
    ("hongze", "rotate", None, 90),
    ("hongze", "rotate", None, 270),
    ("hongze", "drawn", None, 90),
]


def _turned(name: str, how: str, pages: set[int] | None, degrees: int) -> bytes:
    return (_rotated if how == "rotate" else _drawn_turned)(_file(name), pages, degrees)


@pytest.mark.parametrize(
    ("name", "how", "pages", "degrees"),
    CASES,
    ids=[f"{n}-{h}-{'all' if p is None else 'tables'}-{d}" for n, h, p, d in CASES],
)
def test_a_page_printed_sideways_reads_as_the_upright_page(
    name: str, how: str, pages: set[int] | None, degrees: int
) -> None:
    data = _turned(name, how, pages, degrees)
    upright = _upright(name)
    assert upright.report is not None
    result = import_pdf(data, "sideways.pdf")
    assert result.report is not None, [p.message("en") for p in result.problems]
    assert cells_by_path(result.report) == cells_by_path(upright.report)
    assert result.report.title == upright.report.title
    assert result.report.unit == upright.report.unit
    assert {p.code for p in result.problems} == {p.code for p in upright.problems}
    assert "printed sideways, read turned upright" in result.provenance.body_found_by
    # Every cell's box, in the turned file's own page frame, holds the
    # characters of its text and no other.
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        chars = {
            n: pdf.pages[n - 1].chars for n in {c.page for c in result.provenance.cells if c.page}
        }
        for cell in result.provenance.cells:
            assert cell.page is not None and cell.bbox is not None
            x0, top, x1, bottom = cell.bbox
            inside = [
                ch["text"]
                for ch in chars[cell.page]
                if x0 <= (ch["x0"] + ch["x1"]) / 2 <= x1
                and top <= (ch["top"] + ch["bottom"]) / 2 <= bottom
                and ch["text"].strip()
            ]
            assert Counter(inside) == Counter(cell.text.replace(" ", "").replace("\n", "")), cell


def test_an_upright_file_is_not_turned() -> None:
    for name in ("huaian", "hongze"):
        assert "sideways" not in _upright(name).provenance.body_found_by


@pytest.mark.parametrize("degrees", [90, 180, 270])
def test_a_box_turned_and_back_is_the_box(degrees: int) -> None:
    # Turning clockwise by 90 takes (x, y) on a page h high to (h - y, x).
    width, height = 595.0, 842.0
    box = (10.0, 20.0, 50.0, 30.0)
    x0, top, x1, bottom = box
    turned = {
        90: (height - bottom, x0, height - top, x1),
        180: (width - x1, height - bottom, width - x0, height - top),
        270: (top, width - x1, bottom, width - x0),
    }[degrees]
    assert back(turned, Turn(degrees, width, height)) == box
