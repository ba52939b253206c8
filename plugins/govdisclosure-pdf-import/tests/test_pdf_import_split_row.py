"""Table 3 over two and three pages of a Word file exported to PDF, a row
cut by the page break (round three of the probe).

Word lets a table row break across pages unless told otherwise: a long
label then runs on at the top of the next page, under the repeated header,
as a row of its own holding only the label's tail.  The Word rendering of
淮安 2024 with table 3's rows made taller (as a clerk's wider spacing does)
is exported by LibreOffice; its figures are those of the example.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pdfplumber
import pytest

import govdisclosure as gd
from govdisclosure import cells_by_path
from govdisclosure.testing.libreoffice import SOFFICE, convert
from govdisclosure_pdf_import import import_pdf
from govdisclosure_pdf_import.stitch import _Cell, _rejoin_split_row
from pdfimport_helpers import EXAMPLES

REPORT = gd.load(EXAMPLES / "huaian-2024.json")
#: Row heights (twips) of table 3: 700 cuts （六）1.'s label at the foot of a
#: page (LibreOffice 7); 1150 spreads the table over three pages.
HEIGHTS = {"row-cut": 700, "three-pages": 1150}


def _taller_table_3(height: int) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(gd.render(REPORT, "docx")))
    xml = source.read("word/document.xml").decode()
    table = next(t for t in re.findall(r"<w:tbl>.*?</w:tbl>", xml, re.S) if "本年新收" in t)
    tall = f'<w:trHeight w:val="{height}" w:hRule="atLeast"/>'
    taller = re.sub(r"<w:tr><w:trPr>", f"<w:tr><w:trPr>{tall}", table)
    taller = re.sub(r"<w:tr>(?!<w:trPr>)", f"<w:tr><w:trPr>{tall}</w:trPr>", taller)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name in source.namelist():
            data = xml.replace(table, taller) if name == "word/document.xml" else None
            z.writestr(name, data.encode() if data else source.read(name))
    return out.getvalue()


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("split-row")
    for name, height in HEIGHTS.items():
        (folder / f"{name}.docx").write_bytes(_taller_table_3(height))
    convert([folder / f"{name}.docx" for name in HEIGHTS], "pdf", folder)
    return folder


def _pages_of_table_3(pdf: bytes) -> list[str]:
    """The text of each page from 一、本年新收 down to 四、结转下年度."""
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        texts = [page.extract_text() or "" for page in doc.pages]
    start = next(i for i, t in enumerate(texts) if "本年新收" in t)
    end = next(i for i, t in enumerate(texts) if "结转下年度" in t)
    return texts[start : end + 1]


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed (`make system-deps`)")
@pytest.mark.parametrize("name", list(HEIGHTS))
def test_table_3_over_pages_imports_every_figure(exported: Path, name: str) -> None:
    pdf = (exported / f"{name}.pdf").read_bytes()
    pages = _pages_of_table_3(pdf)
    if name == "three-pages":
        assert len(pages) >= 3
    else:
        # The cut the test is about: （六）1.'s label begins on one page and
        # its tail heads the rows of the next, above （六）2.
        page = next(t for t in pages if "2.申请人逾期未按" in t)
        assert "1.申请人无正当理由" not in page
        assert page.index("政府信息公开申请") < page.index("2.申请人逾期未按")
    report, _, problems = import_pdf(pdf, f"{name}.pdf")
    assert isinstance(report, gd.Report2021)
    assert cells_by_path(report) == cells_by_path(REPORT)
    # Before: the cut label was blamed on the publisher (publisher-label,
    # "…行政机关不再处理其" printed for the official label).
    assert not [p.message("en") for p in problems]


def _cell(row: int, col: int, text: str, rowspan: int = 1, colspan: int = 1) -> _Cell:
    return _Cell(row, col, rowspan, colspan, text, 1, (0.0, 0.0, 0.0, 0.0))


def _tail(text: str) -> list[_Cell]:
    """The continuation's first row (row 5): ``text`` in the label column, four
    empty value cells; a row of figures below it."""
    return [
        _cell(5, 2, text),
        *(_cell(5, c, "") for c in range(3, 7)),
        _cell(6, 2, "3.其他"),
        *(_cell(6, c, "1") for c in range(3, 7)),
    ]


def test_a_cut_label_is_joined_and_the_rows_below_move_up() -> None:
    before = [
        _cell(0, 0, "（六）其他处理", rowspan=6, colspan=2),
        _cell(4, 2, "1.申请人无正当理由逾期不补正、行政机关不再处理其"),
        *(_cell(4, c, "2") for c in range(3, 7)),
    ]
    after = _rejoin_split_row(before, _tail("政府信息公开申请"), 5, 4)
    assert before[1].text.endswith("处理其\n政府信息公开申请")
    assert before[0].rowspan == 5  # the group no longer covers the tail row
    assert {c.row for c in after} == {5}
    assert [c.text for c in after if c.col == 2] == ["3.其他"]


@pytest.mark.parametrize(
    ("above", "below"),
    [
        ("规章", "行政规范性文件"),  # a row of its own under an official label
        ("1.申请人无正当理由逾期不补正", "其他说明"),  # together no official label
        ("1.申请人无正当理由逾期不补正、行政机关不再处理其", "2.重复申请"),  # numbered
    ],
)
def test_a_row_at_the_top_of_a_page_stays_a_row(above: str, below: str) -> None:
    before = [_cell(4, 2, above), *(_cell(4, c, "") for c in range(3, 7))]
    tail = _tail(below)
    assert _rejoin_split_row(before, tail, 5, 4) == tail
    assert before[0].text == above
