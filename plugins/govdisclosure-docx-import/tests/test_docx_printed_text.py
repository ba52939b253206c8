"""A Word cell's text as Word prints it: round three of the probe.

Each variant edits the XML of ``data/huaian-2024.docx`` (a real Word file
with merges, see ``data/README.md``) the way offices leave their files: a
content control in every cell of a form template, tracked changes not
accepted (a deletion, a move), hidden text, a raised footnote mark, a
figure pasted into its cell as a one-cell table.  The expected figures
are those of ``examples/huaian-2024.json``.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest

import govdisclosure as gd
from govdisclosure import cells_by_path
from govdisclosure.paths import Path as CellPath
from govdisclosure_docx_import import import_docx

DATA = Path(__file__).resolve().parent / "data"
EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
SOURCE = DATA / "huaian-2024.docx"
XML = zipfile.ZipFile(SOURCE).read("word/document.xml").decode()
EXPECTED = gd.load(EXAMPLES / "huaian-2024.json")
#: A figure's run as LibreOffice writes it, and two figures of row 一.
RUN = "<w:r><w:rPr></w:rPr><w:t>{}</w:t></w:r>"
FIRST, SECOND = RUN.format("3,001"), RUN.format("53")
CHANGE = 'w:author="a" w:date="2025-01-01T00:00:00Z"'
#: Every cell's paragraph, for wrapping.
CELL_PARAGRAPH = re.compile(r"(<w:tc>(?:<w:tcPr>.*?</w:tcPr>)?)(<w:p>.*?</w:p>)(</w:tc>)")


def _docx(xml: str) -> bytes:
    source = zipfile.ZipFile(SOURCE)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name in source.namelist():
            z.writestr(name, xml.encode() if name == "word/document.xml" else source.read(name))
    return out.getvalue()


def _import(xml: str) -> tuple[dict[CellPath, Any], set[str]]:
    report, _, problems = import_docx(_docx(xml), "variant.docx")
    assert isinstance(report, gd.Report2021), [p.message("en") for p in problems]
    return cells_by_path(report), {p.code for p in problems}


def _after_first(xml: str, old: str, new: str) -> str:
    """``old`` replaced once, after the first figure of row 一."""
    at = xml.index(FIRST)
    return xml[:at] + xml[at:].replace(old, new, 1)


VARIANTS = {
    # Before: every cell read empty; no table recognised, nothing imported.
    "content-control-in-every-cell": CELL_PARAGRAPH.sub(
        r"\1<w:sdt><w:sdtPr></w:sdtPr><w:sdtContent>\2</w:sdtContent></w:sdt>\3", XML
    ),
    "custom-xml-in-every-cell": CELL_PARAGRAPH.sub(
        r'\1<w:customXml w:element="cell">\2</w:customXml>\3', XML
    ),
    # Before: 534 read for 53 (the moved-away 4 read too), a publisher-error.
    "tracked-move-old-place": _after_first(
        XML,
        SECOND,
        f'<w:moveFrom w:id="905" {CHANGE}><w:r><w:t>4</w:t></w:r></w:moveFrom>'
        f'<w:moveTo w:id="906" {CHANGE}>{SECOND}</w:moveTo>',
    ),
    # A deletion whose text Word keeps as w:t (not w:delText) is not printed either.
    "tracked-deletion": XML.replace(
        FIRST, f'<w:del w:id="901" {CHANGE}><w:r><w:t>9</w:t></w:r></w:del>{FIRST}', 1
    ),
    # Before: 537 read for 53, a publisher-error.
    "hidden-text": XML.replace(
        SECOND, SECOND + "<w:r><w:rPr><w:vanish/></w:rPr><w:t>7</w:t></w:r>", 1
    ),
    # Before: table 3 was taken for a layout table, its 175 figures lost.
    "figure-in-a-one-cell-table": re.sub(
        r"<w:p>(?:(?!<w:p>).)*?" + re.escape(FIRST) + r".*?</w:p>",
        '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>'
        '<w:gridCol w:w="1000"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="1000" '
        f'w:type="dxa"/></w:tcPr><w:p>{FIRST}</w:p></w:tc></w:tr></w:tbl><w:p/>',
        XML,
        count=1,
        flags=re.S,
    ),
}


@pytest.mark.parametrize("name", list(VARIANTS))
def test_every_figure_as_word_prints_it(name: str) -> None:
    assert VARIANTS[name] != XML
    figures, codes = _import(VARIANTS[name])
    assert figures == cells_by_path(EXPECTED)
    assert not codes & {"cell-unreadable", "publisher-error", "table-missing", "cell-not-placed"}


def test_a_hidden_switched_off_is_printed() -> None:
    # <w:vanish w:val="0"/> turns hiding off: the run is printed.
    xml = XML.replace(FIRST, '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>3,001</w:t></w:r>', 1)
    figures, _ = _import(xml)
    assert figures == cells_by_path(EXPECTED)


@pytest.mark.parametrize("align", ["superscript", "subscript"])
def test_a_raised_digit_after_a_figure_is_a_mark(align: str) -> None:
    # Before: 53 with a raised footnote mark 1 read 531, and the publisher
    # blamed for the sums it broke.  Now the cell is unreadable, left blank,
    # as "53¹" typed is (a mark is never a digit, and never guessed away).
    xml = XML.replace(
        SECOND, SECOND + f'<w:r><w:rPr><w:vertAlign w:val="{align}"/></w:rPr><w:t>1</w:t></w:r>', 1
    )
    figures, codes = _import(xml)
    want = cells_by_path(EXPECTED)
    changed = {k for k in want if figures[k] != want[k]}
    assert len(changed) == 1
    (key,) = changed
    assert want[key] == 53 and figures[key] is None
    assert "cell-unreadable" in codes and "publisher-error" not in codes


@pytest.mark.parametrize("strike", ["<w:strike/>", "<w:dstrike/>"])
def test_a_struck_figure_is_a_correction_refused(strike: str) -> None:
    # Before: a struck 50 before 53 read 5053, blamed on the publisher.
    xml = XML.replace(SECOND, f"<w:r><w:rPr>{strike}</w:rPr><w:t>50</w:t></w:r>" + SECOND, 1)
    figures, codes = _import(xml)
    want = cells_by_path(EXPECTED)
    (key,) = {k for k in want if figures[k] != want[k]}
    assert want[key] == 53 and figures[key] is None
    assert "cell-unreadable" in codes and "publisher-error" not in codes


def test_a_strike_switched_off_is_no_strike() -> None:
    xml = XML.replace(SECOND, '<w:r><w:rPr><w:strike w:val="0"/></w:rPr><w:t>53</w:t></w:r>', 1)
    figures, _ = _import(xml)
    assert figures == cells_by_path(EXPECTED)
