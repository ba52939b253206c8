"""Word variants: 淮安 2024's Word file with what editors leave in a document.

Made from the Word file in the Word import plugin's test data (淮安 2024 as
LibreOffice wrote it), by editing its ``word/document.xml``; the figures it
prints are those of ``examples/huaian-2024.json``.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from functools import cache

import govdisclosure as gd
from govdisclosure import cells_by_path

from .variant import EXAMPLES, PLUGINS, Case, Figures, Variant, collect

_SOURCE = PLUGINS / "govdisclosure-docx-import/tests/data/huaian-2024.docx"
_RUN = "<w:r><w:rPr></w:rPr><w:t>{}</w:t></w:r>"
#: Two figures of table 3 as the file prints them (its first row: 3,001 then 53).
FIRST, SECOND = _RUN.format("3,001"), _RUN.format("53")
_DATE = 'w:author="a" w:date="2025-01-01T00:00:00Z"'


def repack(docx: bytes, edit: str | None = None) -> bytes:
    """``docx`` with its ``word/document.xml`` replaced by ``edit`` (unchanged if None)."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml" and edit is not None:
                data = edit.encode()
            z.writestr(item.filename, data)
    return out.getvalue()


def document_xml(docx: bytes) -> str:
    """The body of ``docx``."""
    return zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml").decode()


@cache
def _source() -> tuple[bytes, str]:
    docx = _SOURCE.read_bytes()
    return docx, document_xml(docx)


def _edited(xml: str) -> bytes:
    return repack(_source()[0], xml)


def in_content_controls(xml: str) -> str:
    """``xml`` with the content of each table cell inside a content control (``w:sdt``)."""
    return re.sub(
        r"(<w:tc>(?:<w:tcPr>(?:(?!</w:tcPr>).)*</w:tcPr>)?)((?:(?!</w:tc>|<w:tc>).)*)(</w:tc>)",
        r"\1<w:sdt><w:sdtPr></w:sdtPr><w:sdtContent>\2</w:sdtContent></w:sdt>\3",
        xml,
    )


def wrapped_cells() -> Iterator[Case]:
    """Each cell's paragraph inside a content control (``w:sdt``) or custom XML element, as
    the form templates that units fill in are written."""
    xml = _source()[1]
    yield Case("control (as written by LibreOffice)", _source()[0])
    cell = r"(<w:tc>(?:<w:tcPr>.*?</w:tcPr>)?)(<w:p>.*?</w:p>)(</w:tc>)"
    yield Case(
        "every cell's paragraph in a w:sdt (form template)",
        _edited(
            re.sub(
                cell, r"\1<w:sdt><w:sdtPr></w:sdtPr><w:sdtContent>\2</w:sdtContent></w:sdt>\3", xml
            )
        ),
    )
    yield Case(
        "cell paragraphs in w:customXml",
        _edited(re.sub(cell, r'\1<w:customXml w:element="cell">\2</w:customXml>\3', xml)),
    )


def tracked_changes() -> Iterator[Case]:
    """Tracked changes never accepted: a deletion and an insertion, a deleted row, a move's
    two places (``w:moveFrom`` left where the figure was), as a reviewed draft is published."""
    xml = _source()[1]
    deleted = f'<w:del w:id="901" {_DATE}><w:r><w:delText>3,000</w:delText></w:r></w:del>'
    yield Case(
        "tracked: old 3,000 deleted, 3,001 inserted",
        _edited(xml.replace(FIRST, f'{deleted}<w:ins w:id="902" {_DATE}>{FIRST}</w:ins>', 1)),
    )
    at = xml.index(FIRST)
    start, end = xml.rindex("<w:tr>", 0, at), xml.index("</w:tr>", at) + len("</w:tr>")
    row = xml[start:end].replace("<w:trPr>", f'<w:trPr><w:del w:id="950" {_DATE}/>', 1)
    row = re.sub(
        r"<w:r><w:rPr></w:rPr><w:t>([^<]*)</w:t></w:r>",
        lambda m: (
            f'<w:del w:id="951" {_DATE}><w:r><w:delText>{m.group(1)}</w:delText></w:r></w:del>'
        ),
        row,
    )
    yield Case(
        "tracked: a whole old figure row deleted (w:del in trPr)",
        _edited(xml[:start] + row + xml[start:]),
    )
    yield Case(
        "tracked move: 3,001 moved from a note into its cell",
        _edited(xml.replace(FIRST, f'<w:moveTo w:id="903" {_DATE}>{FIRST}</w:moveTo>', 1)),
    )
    second = xml.index(SECOND, at)
    moved_out = f'{FIRST}<w:moveFrom w:id="904" {_DATE}><w:r><w:t>53</w:t></w:r></w:moveFrom>'
    yield Case(
        "tracked move: 53 moved out of the cell before (moveFrom left there)",
        _edited(xml[:at] + xml[at:second].replace(FIRST, moved_out, 1) + xml[second:]),
    )
    moved_in = f'<w:moveTo w:id="906" {_DATE}>{SECOND}</w:moveTo>'
    yield Case(
        "moveFrom: 4 moved away, 53 moved in",
        _edited(
            xml[:second]
            + f'<w:moveFrom w:id="905" {_DATE}><w:r><w:t>4</w:t></w:r></w:moveFrom>'
            + xml[second:].replace(SECOND, moved_in, 1)
        ),
    )


def around_figures() -> Iterator[Case]:
    """What else an editor leaves beside a figure: a comment, a footnote reference or a raised
    footnote digit, hidden (``w:vanish``) text, a ``=SUM(LEFT)`` field, a hyperlink or smart tag."""
    xml = _source()[1]
    comment = (
        '<w:commentRangeStart w:id="0"/>' + FIRST + '<w:commentRangeEnd w:id="0"/>'
        '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r>'
    )
    yield Case("comment anchored on a figure", _edited(xml.replace(FIRST, comment, 1)))
    raised = '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>1</w:t></w:r>'
    yield Case(
        "superscript footnote mark run after 3,001",
        _edited(xml.replace(FIRST, FIRST + raised, 1)),
        marked=1,
    )
    reference = '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="2"/></w:r>'
    yield Case("footnote reference after 3,001", _edited(xml.replace(FIRST, FIRST + reference, 1)))
    hidden = "<w:r><w:rPr><w:vanish/></w:rPr><w:t>7</w:t></w:r>"
    yield Case(
        "hidden (w:vanish) digit inside 3,001",
        _edited(xml.replace(FIRST, _RUN.format("3,0") + hidden + _RUN.format("01"), 1)),
    )
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> =SUM(LEFT) </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + _RUN.format("3,119")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    yield Case(
        "figure as a formula field {=SUM(LEFT)} result",
        _edited(xml.replace(_RUN.format("3,119"), field, 1)),
    )
    linked = f'<w:smartTag w:uri="u" w:element="n"><w:hyperlink w:anchor="x">{FIRST}</w:hyperlink></w:smartTag>'
    yield Case("figure inside a hyperlink / smartTag", _edited(xml.replace(FIRST, linked, 1)))
    yield Case(
        "superscript mark run after 53", _edited(xml.replace(SECOND, SECOND + raised, 1)), marked=1
    )
    yield Case("hidden (w:vanish) 7 after 53", _edited(xml.replace(SECOND, SECOND + hidden, 1)))


def nested_table() -> Iterator[Case]:
    """A figure pasted into its cell as a one-cell table (copied from a spreadsheet)."""
    xml = _source()[1]
    nested = (
        '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
        '<w:tblGrid><w:gridCol w:w="1000"/></w:tblGrid><w:tr><w:tc>'
        f'<w:tcPr><w:tcW w:w="1000" w:type="dxa"/></w:tcPr><w:p>{FIRST}</w:p></w:tc></w:tr></w:tbl><w:p/>'
    )
    at = xml.index(FIRST)
    start, end = xml.rindex("<w:p>", 0, at), xml.index("</w:p>", at) + len("</w:p>")
    yield Case(
        "3,001 pasted as a one-cell table inside its cell",
        _edited(xml[:start] + nested + xml[end:]),
    )


def struck_corrections() -> Iterator[Case]:
    """A corrected figure with the old one struck through before it (``w:strike``,
    ``w:dstrike``) instead of deleted: which figure stands is the reader's call."""
    xml = _source()[1]
    for name, strike in (
        ("Word: struck 50 before 53", "<w:strike/>"),
        ("Word: double-struck 50 before 53", "<w:dstrike/>"),
    ):
        old = f"<w:r><w:rPr>{strike}</w:rPr><w:t>50</w:t></w:r>"
        yield Case(name, _edited(xml.replace(SECOND, old + SECOND, 1)), marked=1)


@cache
def huaian() -> Figures:
    """The figures 淮安 2024 prints (``examples/huaian-2024.json``)."""
    return cells_by_path(gd.load(EXAMPLES / "huaian-2024.json"))


def variants() -> list[Variant]:
    """Every Word variant of 淮安 2024's Word file."""
    builders = (wrapped_cells, tracked_changes, around_figures, nested_table, struck_corrections)
    return collect("Word", builders, huaian(), gd.Report2021)
