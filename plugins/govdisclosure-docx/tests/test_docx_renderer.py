"""Renderer ``docx``: read back by python-docx, and by LibreOffice + pdftotext."""

from __future__ import annotations

import io
import pickle
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document as open_document
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from hypothesis import HealthCheck, given, settings

import govdisclosure as gd
from govdisclosure.flat import shape_of
from govdisclosure.formatting import format_cell, format_date
from govdisclosure.rendering import OptionValueError, RenderError
from govdisclosure.testing.libreoffice import SOFFICE, convert
from govdisclosure.testing.strategies import any_reports

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
EXAMPLE_FILES = (
    "huaian-2024.json",
    "hongze-2024.json",
    "shanghai-szfbgt-2019.json",
    "yuxi-2017.json",
    "pingtan-2011.json",
)
PDFTOTEXT = shutil.which("pdftotext")


def _open(data: bytes) -> object:
    return open_document(io.BytesIO(data))


def _render(name: str, locale: str = "zh_Hans_CN") -> tuple[gd.Report, bytes]:
    report = gd.load(EXAMPLES / name)
    return report, gd.render(report, "docx", locale=locale)


def _numbers(report: gd.Report, locale: str = "zh_Hans_CN") -> list[str]:
    """Every filled table cell as the document prints it."""
    shape = shape_of(report)
    out = []
    for value, kind in zip(shape.flatten(report), shape.kinds, strict=True):
        if isinstance(value, int | Decimal):
            out.append(format_cell(value, kind, locale))
    return out


def _fonts(style: object) -> str | None:
    rpr = style.element.rPr  # type: ignore[attr-defined]
    return None if rpr is None else rpr.find(qn("w:rFonts")).get(qn("w:eastAsia"))


def test_page_faces_and_grid_follow_gb_t_9704() -> None:
    _, data = _render("huaian-2024.json")
    doc = _open(data)
    section = doc.sections[0]  # type: ignore[attr-defined]
    # Word stores twentieths of a point: a millimetre figure comes back within 0.05 mm.
    assert (round(section.page_width.mm, 1), round(section.page_height.mm, 1)) == (210, 297)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(m.mm, 1) for m in margins] == [37, 35, 28, 26]
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "lines"
    assert abs(int(grid.get(qn("w:linePitch"))) / 20 * 22 - 225 / 25.4 * 72) < 1  # 22 lines
    styles = doc.styles  # type: ignore[attr-defined]
    assert _fonts(styles["Normal"]) == "仿宋_GB2312" and styles["Normal"].font.size == Pt(16)
    assert _fonts(styles["Title"]) == "方正小标宋简体" and styles["Title"].font.size == Pt(22)
    assert _fonts(styles["Heading 1"]) == "黑体"
    assert _fonts(styles["Heading 2"]) == "楷体_GB2312"
    assert _fonts(styles["Heading 3"]) == "仿宋_GB2312"


def test_headings_are_word_headings_in_order() -> None:
    report, data = _render("huaian-2024.json")
    doc = _open(data)
    paragraphs = doc.paragraphs  # type: ignore[attr-defined]
    assert paragraphs[0].style.name == "Title"
    level1 = [p.text for p in paragraphs if p.style.name == "Heading 1"]
    assert level1 == [s.heading for s in report.sections]
    level2 = [p.text for p in paragraphs if p.style.name == "Heading 2"]
    assert level2 == [sub.heading for s in report.sections for sub in s.subsections]


def test_tables_have_real_merged_cells() -> None:
    _, data = _render("huaian-2024.json")
    doc = _open(data)
    tables = doc.tables  # type: ignore[attr-defined]
    assert len(tables) == 3
    t3 = tables[1]
    # The 勾稽关系 note spans 3 × 3, 三、本年度办理结果 runs down 22 rows.
    assert t3.cell(0, 0)._tc is t3.cell(2, 2)._tc
    assert t3.cell(0, 0).text.startswith("（本列数据的勾稽关系为")
    assert t3.cell(5, 0)._tc is t3.cell(26, 0)._tc and t3.cell(5, 0).text == "三、本年度办理结果"
    assert t3.cell(0, 3).text == "申请人情况" and t3.cell(0, 3)._tc is t3.cell(0, 9)._tc
    xml = t3._tbl.xml
    assert "w:gridSpan" in xml and "w:vMerge" in xml and "w:tblHeader" in xml
    t4 = tables[2]
    assert t4.cell(0, 5).text == "行政诉讼" and t4.cell(0, 5)._tc is t4.cell(0, 14)._tc


def test_page_numbers_alternate_sides() -> None:
    _, data = _render("huaian-2024.json")
    doc = _open(data)
    assert doc.settings.odd_and_even_pages_header_footer  # type: ignore[attr-defined]
    section = doc.sections[0]  # type: ignore[attr-defined]
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    for footer in (odd, even):
        assert (
            "PAGE" in footer._p.xml and footer.text.startswith("— ") and footer.text.endswith(" —")
        )
    assert (odd.alignment, even.alignment) == (2, 0)  # right, left


def _chars(text: str) -> float:
    return sum(1.0 if ord(ch) > 0x2E7F else 0.5 for ch in text)


def test_signature_and_date() -> None:
    """7.3.5.2: the body 2 characters from the right, the date starting 2 characters further right."""
    report, data = _render("yuxi-2017.json")
    doc = _open(data)
    paragraphs = doc.paragraphs  # type: ignore[attr-defined]
    texts = [p.text for p in paragraphs]
    signer = report.signed_by or report.unit.name
    at = texts.index(signer)
    assert report.dates.written is not None
    date = format_date(report.dates.written)
    assert texts[at + 1] == date
    name_p, date_p = paragraphs[at], paragraphs[at + 1]
    assert name_p.alignment == date_p.alignment == 2  # right
    right_name = name_p.paragraph_format.right_indent.pt / 16
    right_date = date_p.paragraph_format.right_indent.pt / 16
    assert min(right_name, right_date) == pytest.approx(2)
    start_name = right_name + _chars(signer)
    start_date = right_date + _chars(date)
    assert start_name - start_date == pytest.approx(2)


def _document_text(data: bytes) -> str:
    doc = _open(data)
    parts = [p.text for p in doc.paragraphs]  # type: ignore[attr-defined]
    for table in doc.tables:  # type: ignore[attr-defined]
        for row in table.rows:
            parts += [c.text for c in row.cells]
    return "\n".join(parts)


@pytest.mark.parametrize("name", EXAMPLE_FILES)
def test_every_number_is_in_the_document(name: str) -> None:
    report, data = _render(name)
    cells = {c for c in _document_text(data).split("\n")}
    for number in _numbers(report):
        assert number in cells, number


@pytest.mark.skipif(
    SOFFICE is None or PDFTOTEXT is None,
    reason="LibreOffice and pdftotext are not installed; `make system-deps` installs them",
)
@pytest.mark.parametrize("name", EXAMPLE_FILES)
def test_libreoffice_pdf_shows_every_number(name: str, tmp_path: Path) -> None:
    report, data = _render(name)
    source = tmp_path / "report.docx"
    source.write_bytes(data)
    assert PDFTOTEXT is not None
    (pdf,) = convert([source], "pdf", tmp_path)
    text = subprocess.run(
        [PDFTOTEXT, "-layout", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    tokens = set(re.findall(r"[\d,.+\-]+", text))
    for number in _numbers(report):
        assert number in tokens, number
    pages = subprocess.run(
        ["pdfinfo", str(tmp_path / "report.pdf")], capture_output=True, text=True
    ).stdout
    assert "(A4)" in pages


def test_english_labels() -> None:
    _, data = _render("huaian-2024.json", "en")
    text = _document_text(data)
    assert "Applicants" in text or "Natural persons" in text


def test_an_office_template_keeps_its_page_styles_and_header(tmp_path: Path) -> None:
    template = open_document()
    template.sections[0].header.paragraphs[0].text = "某某市人民政府办公室"
    template.sections[0].left_margin = Mm(30)
    template.styles["Heading 1"].font.size = Pt(18)
    template.add_paragraph("to be replaced")
    path = tmp_path / "office.docx"
    template.save(str(path))
    report = gd.load(EXAMPLES / "huaian-2024.json")
    doc = _open(gd.render(report, "docx", template=str(path)))
    section = doc.sections[0]  # type: ignore[attr-defined]
    assert section.header.paragraphs[0].text == "某某市人民政府办公室"
    assert round(section.left_margin.mm) == 30
    assert doc.styles["Heading 1"].font.size == Pt(18)  # type: ignore[attr-defined]
    paragraphs = doc.paragraphs  # type: ignore[attr-defined]
    assert "to be replaced" not in [p.text for p in paragraphs]
    assert [p.text for p in paragraphs if p.style.name == "Heading 1"] == [
        s.heading for s in report.sections
    ]
    assert "PAGE" in section.footer._element.xml  # the template had no footer: numbers added
    assert len(doc.tables) == 3  # type: ignore[attr-defined]
    with pytest.raises(RenderError):
        gd.render(report, "docx", template=str(tmp_path / "missing.docx"))
    with pytest.raises(RenderError):
        gd.render(report, "docx", colour="red")


@pytest.mark.parametrize(
    "content", [b"%PDF-1.7 not a Word file", b"", "workbook"], ids=["pdf", "empty", "xlsx"]
)
def test_a_template_that_is_not_a_word_file_is_a_render_error(
    tmp_path: Path, content: bytes | str
) -> None:
    """A PDF or a workbook given as the office's template is a wrong option value
    (``render`` exits 2 naming it), not a failure of the renderer (exit 1)."""
    path = tmp_path / "letterhead.docx"
    if content == "workbook":
        shutil.copy(EXAMPLES / "workbooks" / "huaian-2024.xlsx", path)
    else:
        assert isinstance(content, bytes)
        path.write_bytes(content)
    report = gd.load(EXAMPLES / "huaian-2024.json")
    with pytest.raises(RenderError) as info:
        gd.render(report, "docx", locale="en", template=str(path))
    assert str(path) in str(info.value)


def test_a_template_word_cannot_use_gives_its_reason_as_the_detail(tmp_path: Path) -> None:
    """A workbook is a package python-docx opens, then refuses: its words
    come at the end, marked as the detail, never inside our sentence
    (before: "模板 '…' 无法使用：file '…' is not a Word file, …")."""
    path = tmp_path / "letterhead.docx"
    shutil.copy(EXAMPLES / "workbooks" / "huaian-2024.xlsx", path)
    report = gd.load(EXAMPLES / "huaian-2024.json")
    with pytest.raises(OptionValueError) as info:
        gd.render(report, "docx", template=str(path))
    error = info.value
    assert error.code == "option-value" and error.key == "template"
    assert error.message_id == "template {template!r} cannot be used"
    assert error.detail.startswith("ValueError: ") and "not a Word file" in error.detail
    assert error.render("zh_Hans_CN") == f"模板 {str(path)!r} 无法使用（详情：{error.detail}）"
    assert error.render("en") == f"template {str(path)!r} cannot be used (detail: {error.detail})"
    assert str(error) == error.render("zh_Hans_CN") + "\n" + error.render("en")
    assert pickle.loads(pickle.dumps(error)).render("en") == error.render("en")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_reports(max_depth=0))
def test_any_report_renders_and_reads_back(report: gd.Report) -> None:
    """Hostile text (control characters, markup) never breaks the document."""
    doc = _open(gd.render(report, "docx"))
    assert doc.paragraphs[0].style.name == "Title"  # type: ignore[attr-defined]
