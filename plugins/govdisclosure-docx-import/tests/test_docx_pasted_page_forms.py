"""What a Word file made from a portal page holds that one typed in Word does not.

LibreOffice Writer opening a page (a person pasting it into Word gets the
same) keeps a floating table (``<table align="left">``) as a text box, a
``<sup>`` as a run raised by ``w:position``, and the page's heading as the
first paragraph, which may name the report by its short name 年报.  Each
case edits the XML of ``data/huaian-2024.docx`` (a file LibreOffice wrote,
see ``data/README.md``) so; the expected figures are those of
``examples/huaian-2024.json``.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import govdisclosure as gd
from govdisclosure import cells_by_path
from govdisclosure_docx_import import docx_document, import_docx
from govdisclosure_html import Document

DATA = Path(__file__).resolve().parent / "data"
EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
SOURCE = DATA / "huaian-2024.docx"
XML = zipfile.ZipFile(SOURCE).read("word/document.xml").decode()
EXPECTED = gd.load(EXAMPLES / "huaian-2024.json")
TABLES = re.findall(r"<w:tbl>.*?</w:tbl>", XML, re.S)


def _docx(xml: str) -> bytes:
    source = zipfile.ZipFile(SOURCE)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name in source.namelist():
            z.writestr(name, xml.encode() if name == "word/document.xml" else source.read(name))
    return out.getvalue()


def _in_text_box(table: str, *, fallback: bool = True) -> str:
    """``table`` in a text box anchored in a paragraph, as Writer saves a
    page's floating table: the drawing, and the same box again as VML for
    programs that read no drawing (``fallback``); or the VML box alone."""
    vml = f"<w:pict><v:rect><v:textbox><w:txbxContent>{table}<w:p/></w:txbxContent></v:textbox></v:rect></w:pict>"
    if not fallback:
        return f"<w:p><w:r><w:t>附表：</w:t></w:r><w:r>{vml}</w:r></w:p>"
    drawing = (
        '<w:drawing><wp:anchor><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f"<wps:wsp><wps:txbx><w:txbxContent>{table}<w:p/></w:txbxContent></wps:txbx></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing>"
    )
    return (
        "<w:p><w:r><w:t>附表：</w:t></w:r><w:r><mc:AlternateContent>"
        f'<mc:Choice Requires="wps">{drawing}</mc:Choice>'
        f"<mc:Fallback>{vml}</mc:Fallback></mc:AlternateContent></w:r></w:p>"
    )


def test_a_table_in_a_text_box_is_read_once() -> None:
    # Before: table 3 in a text box was read as its anchor paragraph's text,
    # twice (the drawing and its fallback), and reported missing: 175
    # figures not imported.
    for fallback in (True, False):
        xml = XML.replace(TABLES[1], _in_text_box(TABLES[1], fallback=fallback), 1)
        document = docx_document(_docx(xml), "boxed.docx")
        assert isinstance(document, Document)
        assert len(document.grids) == len(TABLES)
        assert "附表：" in document.paragraphs
        assert not any("本年新收政府信息公开申请数量" in p for p in document.paragraphs)
        result = import_docx(_docx(xml), "boxed.docx")
        assert isinstance(result.report, gd.Report2021), [p.code for p in result.problems]
        assert cells_by_path(result.report) == cells_by_path(EXPECTED)
        assert not {p.code for p in result.problems} & {"table-missing", "cell-not-placed"}


RUN = "<w:r><w:rPr></w:rPr><w:t>53</w:t></w:r>"


def test_a_digit_raised_by_its_position_is_a_mark() -> None:
    # Writer saves a page's <sup>1</sup> as a run raised 8 half-points and
    # set smaller.  Before: 53 and the raised 1 read 531, the publisher
    # blamed for the sums it broke.  Now the cell is unreadable and blank.
    for position in ("8", "-6"):
        mark = f'<w:r><w:rPr><w:position w:val="{position}"/><w:sz w:val="19"/></w:rPr><w:t>1</w:t></w:r>'
        result = import_docx(_docx(XML.replace(RUN, RUN + mark, 1)), "sup.docx")
        assert result.report is not None
        figures, want = cells_by_path(result.report), cells_by_path(EXPECTED)
        changed = {k for k in want if figures[k] != want[k]}
        assert len(changed) == 1
        (key,) = changed
        assert want[key] == 53 and figures[key] is None
        codes = {p.code for p in result.problems}
        assert "cell-unreadable" in codes and "publisher-error" not in codes


def test_a_run_at_position_zero_is_on_the_line() -> None:
    mark = '<w:r><w:rPr><w:position w:val="0"/></w:rPr><w:t>1</w:t></w:r>'
    result = import_docx(_docx(XML.replace(RUN, RUN + mark, 1)), "zero.docx")
    assert result.report is not None
    assert 531 in cells_by_path(result.report).values()


def test_a_title_naming_the_report_by_its_short_name() -> None:
    # "…信息公开年报" names the report as 年报.  Before: no title, so no year
    # and no unit: no report at all.
    title = re.search(r"<w:p>.*?</w:p>", XML, re.S)
    assert title is not None and "年政府信息公开工作年度报告" in title.group(0)
    first = (
        '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>'
        "2024年淮安市人民政府信息公开年报</w:t></w:r></w:p>"
    )
    result = import_docx(_docx(XML.replace(title.group(0), first, 1)), "nianbao.docx")
    assert isinstance(result.report, gd.Report2021), [p.code for p in result.problems]
    assert (result.report.year, result.report.unit.name) == (2024, "淮安市人民政府")
    assert result.report.title == "2024年淮安市人民政府信息公开年报"
    assert cells_by_path(result.report) == cells_by_path(EXPECTED)


def test_the_unit_of_a_title_naming_the_report_by_its_short_name() -> None:
    # With no 报告单位 line, the unit is the title's words before the
    # report's name.  Before: "湖口县卫生健康委员会信息公开年报" was the unit.
    title = re.search(r"<w:p>.*?</w:p>", XML, re.S)
    unit_line = re.search(r"<w:p>(?:(?!<w:p>).)*?报告单位：.*?</w:p>", XML, re.S)
    assert title is not None and unit_line is not None
    first = "<w:p><w:r><w:t>2024年湖口县卫生健康委员会信息公开年报</w:t></w:r></w:p>"
    xml = XML.replace(title.group(0), first, 1).replace(unit_line.group(0), "", 1)
    result = import_docx(_docx(xml), "hukou.docx")
    assert result.report is not None
    assert (result.report.year, result.report.unit.name) == (2024, "湖口县卫生健康委员会")


LABEL_CELL = re.search(r"<w:tc>(?:(?!</w:tc>).)*?>行政规范性文件<.*?</w:tc>", XML, re.S)
assert LABEL_CELL is not None
FIGURE_CELL = XML[LABEL_CELL.end() :].split("</w:tc>", 1)[0] + "</w:tc>"


def _figure_moved_left(own_cell_prints: str = "") -> str:
    """The 8 of 行政规范性文件 (本年制发件数) as Writer saves a figure pasted
    into its cell as a one-cell table: the table moved into the label's cell,
    under its words, and the figure's own cell left empty (or, here, printing
    ``own_cell_prints``)."""
    assert LABEL_CELL is not None and ">8<" in FIGURE_CELL
    box = (
        "<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc><w:tcPr/>"
        "<w:p><w:r><w:t>8</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/>"
    )
    label = LABEL_CELL.group(0).replace("</w:tc>", box + "</w:tc>")
    figure = FIGURE_CELL.replace("<w:t>8</w:t>", f"<w:t>{own_cell_prints}</w:t>")
    return XML.replace(LABEL_CELL.group(0) + FIGURE_CELL, label + figure, 1)


def test_a_figure_moved_under_its_label_is_put_back() -> None:
    # Before: the label cell read "行政规范性文件\n8" (matched as the
    # publisher's label), the figure cell empty: 8 lost, with no problem
    # naming it.  Now the 8 is put back and the provenance says how.
    result = import_docx(_docx(_figure_moved_left()), "moved.docx")
    assert isinstance(result.report, gd.Report2021), [p.code for p in result.problems]
    assert cells_by_path(result.report) == cells_by_path(EXPECTED)
    assert not {p.code for p in result.problems} & {"cell-not-placed", "publisher-label"}
    (origin,) = [
        o for o in result.provenance.cells if o.path == "$.table2.normative_documents.issued"
    ]
    assert origin.text == "8" and origin.value == 8 and not origin.doubtful
    assert origin.note is not None and "printed in the cell before it" in origin.note


def test_a_figure_moved_under_its_label_beside_a_printed_cell_is_reported() -> None:
    # The figure's own cell prints something: which cell the figure was
    # printed for is not sure.  It is reported, not placed; the label still
    # matches exactly and the cell beside it is read as printed.
    result = import_docx(_docx(_figure_moved_left("5")), "stray.docx")
    assert result.report is not None
    figures = cells_by_path(result.report)
    assert figures[("table2", "normative_documents", "issued")] == 5
    assert 8 not in {v for k, v in figures.items() if k[:2] == ("table2", "normative_documents")}
    stray = [p for p in result.problems if p.code == "cell-not-placed"]
    assert [(p.params["text"], p.params["labels"]) for p in stray] == [("8", "行政规范性文件")]
    assert "publisher-label" not in {p.code for p in result.problems}


def _with_styles(xml: str, styles: str) -> bytes:
    source = zipfile.ZipFile(SOURCE)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name in source.namelist():
            data = source.read(name)
            if name == "word/document.xml":
                data = xml.encode()
            elif name == "word/styles.xml":
                data = data.replace(b"</w:styles>", styles.encode() + b"</w:styles>")
            z.writestr(name, data)
    return out.getvalue()


DEL_STYLE = (
    '<w:style w:type="character" w:styleId="Del"><w:name w:val="del"/><w:rPr></w:rPr></w:style>'
)
DELETED = '<w:r><w:rPr><w:rStyle w:val="Del"/></w:rPr><w:t>80</w:t></w:r>'


def test_digits_in_writers_del_style_are_struck() -> None:
    # Writer saves a page's <del>80</del>53 as a run "80" in a character
    # style named "del" with no strike: printed 8053.  Before: read as 8053
    # (the relations then blamed on the publisher).  Now the cell is refused
    # and reported, as the page (80 deleted) is.
    result = import_docx(_with_styles(XML.replace(RUN, DELETED + RUN, 1), DEL_STYLE), "del.docx")
    assert result.report is not None
    figures, want = cells_by_path(result.report), cells_by_path(EXPECTED)
    changed = {k for k in want if figures[k] != want[k]}
    assert len(changed) == 1
    (key,) = changed
    assert want[key] == 53 and figures[key] is None
    assert 8053 not in figures.values()
    codes = {p.code for p in result.problems}
    assert "cell-unreadable" in codes and "publisher-error" not in codes


def test_a_style_of_another_name_is_read_as_printed() -> None:
    other = DEL_STYLE.replace('w:val="del"', 'w:val="Emphasis"')
    result = import_docx(_with_styles(XML.replace(RUN, DELETED + RUN, 1), other), "em.docx")
    assert result.report is not None
    assert 8053 in cells_by_path(result.report).values()
