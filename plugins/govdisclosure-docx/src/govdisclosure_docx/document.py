"""The Word document of a report.

Order, as a published report reads: the title (Word's *Title* style,
2号 小标宋), the preamble, the report's own sections as Word headings
(*Heading 1* for 一、…, *Heading 2* for （一）…, so the navigation pane and
a table of contents work) with their paragraphs indented two characters,
each official table inside the section whose heading carries its number
(table 2 in 二、…; a report without that section gets one under the table's
official title, so no table is dropped), the contact line of the
statistics table, then the signature and date after GB/T 9704 7.3.5.2
(issuing body two characters from the right margin, the date on the next
line starting two characters to the right of the body's name).  A pre-2019
report's statistics table follows as 附件 on a page of its own.
"""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document as open_document
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Pt

from govdisclosure.aggregate.skeleton import BLANK_DATE, needs_skeleton, with_skeleton
from govdisclosure.editions import Report, is_template_driven
from govdisclosure.flat import shape_of
from govdisclosure.formatting import contact_items, format_date
from govdisclosure.i18n import gettext, normalize_locale
from govdisclosure.paths import Path as CellPath
from govdisclosure.report_base import Section
from govdisclosure.table_grid import TableGrid, report_grids

from .page import BODY, HEITI, XIAOBIAOSONG, set_faces, setup_document
from .tables import add_table
from .text import clean

__all__ = ["build_document", "document_bytes"]

_NUMERALS = "一二三四五六七八九十"


def _leading_numeral(text: str) -> int | None:
    head = text.strip().split("、", 1)
    if len(head) == 2 and len(head[0]) == 1 and head[0] in _NUMERALS:
        return _NUMERALS.index(head[0]) + 1
    return None


def _title(report: Report, locale: str) -> str:
    if report.title:
        return report.title
    text = gettext(locale, "{unit} {year} annual report on government information disclosure")
    return text.format(unit=report.unit.name, year=report.year)


def _paragraph(doc: Document, text: str) -> None:
    doc.add_paragraph(clean(text), style="Body Text First Indent")


class _Writer:
    def __init__(self, doc: Document, report: Report, locale: str) -> None:
        self.doc = doc
        # A consolidated report without text of its own is laid out with the
        # six sections of its format, the office's part marked (as every
        # renderer of the project does it).
        self.skeleton = needs_skeleton(report)
        report = with_skeleton(report, locale)
        self.report = report
        self.locale = locale
        shape = shape_of(report)
        self.values: dict[CellPath, object] = dict(
            zip(shape.paths, shape.flatten(report), strict=True)
        )
        grids = report_grids(report)
        self.tables: dict[int, TableGrid] = {}
        if not is_template_driven(report):
            for grid in grids:
                number = _leading_numeral(grid.title)
                assert number is not None, grid.title
                self.tables[number] = grid
        self.legacy = grids[0] if is_template_driven(report) else None

    def table(self, grid: TableGrid, heading: str | None) -> None:
        title = gettext(self.locale, grid.title)
        if heading is None or clean(heading) != title:
            caption = self.doc.add_paragraph(style="Table Text")
            caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = caption.add_run(title)
            run.font.size = Pt(12)
            set_faces(run, HEITI)
        add_table(self.doc, grid, self.values, self.locale)
        self.doc.add_paragraph(style="Table Text")

    def orphan(self, number: int) -> None:
        grid = self.tables.pop(number)
        self.doc.add_heading(gettext(self.locale, grid.title), level=1)
        self.table(grid, gettext(self.locale, grid.title))

    def section(self, section: Section, level: int) -> None:
        # A skeleton's official headings are said in the locale.
        heading = gettext(self.locale, section.heading) if self.skeleton else section.heading
        self.doc.add_heading(clean(heading), level=min(level, 9))
        for paragraph in section.paragraphs:
            _paragraph(self.doc, paragraph)
        number = _leading_numeral(section.heading) if level == 1 else None
        if number is not None and number in self.tables:
            self.table(self.tables.pop(number), heading)
        for sub in section.subsections:
            self.section(sub, level + 1)

    def body(self) -> None:
        numbers = {_leading_numeral(s.heading) for s in self.report.sections}
        for section in self.report.sections:
            number = _leading_numeral(section.heading)
            if number is not None:
                for missing in sorted(n for n in self.tables if n < number and n not in numbers):
                    self.orphan(missing)
            self.section(section, 1)
        for missing in sorted(self.tables):
            self.orphan(missing)

    def contact(self) -> None:
        join = "：" if self.locale.startswith("zh") else ": "
        items = contact_items(self.report.contact, self.report.dates.filled, self.locale)
        shown = [f"{label}{join}{value}" for label, value in items]
        if shown:
            self.doc.add_paragraph(clean("\u3000".join(shown)), style="Table Text")

    def signature(self) -> None:
        """GB/T 9704 7.3.5.2: one blank line, the body 2 characters from the right, the date below."""
        name = clean(self.report.signed_by or self.report.unit.name)
        written = self.report.dates.written
        date = format_date(written, self.locale) if written is not None else ""
        if not date and self.skeleton:  # the office's to fill in, as the text is
            date = gettext(self.locale, BLANK_DATE)
        width = BODY.pt
        name_chars, date_chars = _chars(name), _chars(date)
        name_right = 2.0
        date_right = name_right + name_chars - 2 - date_chars
        if date and date_right < 2:
            date_right = 2.0
            name_right = date_right + date_chars + 2 - name_chars
        self.doc.add_paragraph()
        for text, right in ((name, name_right), (date, date_right)):
            if not text:
                continue
            p = self.doc.add_paragraph(text)
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            p.paragraph_format.right_indent = Pt(width * max(right, 0))

    def attachment(self) -> None:
        if self.legacy is None:
            return
        breaker = self.doc.add_paragraph()
        breaker.add_run().add_break(WD_BREAK.PAGE)
        label = self.doc.add_paragraph()
        run = label.add_run(gettext(self.locale, "附件"))
        set_faces(run, HEITI)
        title = self.doc.add_paragraph()
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = title.add_run(gettext(self.locale, self.legacy.title))
        run.font.size = Pt(18)
        set_faces(run, XIAOBIAOSONG)
        add_table(self.doc, self.legacy, self.values, self.locale)
        self.contact()


def _chars(text: str) -> float:
    """Width in characters of the grid: a CJK character 1, a digit or Latin letter 1/2."""
    import unicodedata

    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in text)


def build_document(report: Report, locale: str, template: Path | None = None) -> Document:
    """The report as a python-docx document.

    With ``template`` the document starts from that .docx (the office's own
    letterhead and styles): its body is emptied, its page and styles are kept,
    and only the styles this renderer uses and it lacks are added.
    """
    locale = normalize_locale(locale)
    doc = open_document(str(template)) if template else open_document()
    if template is not None:
        body = doc.element.body
        for child in list(body):
            if child.tag.endswith("}sectPr"):
                continue
            body.remove(child)
    setup_document(doc, office_template=template is not None)
    # Document properties hold at most 255 characters (python-docx enforces
    # the limit Word has); the full title is the first paragraph.
    doc.core_properties.title = clean(_title(report, locale))[:255]
    doc.core_properties.author = clean(report.unit.name)[:255]
    doc.add_paragraph(clean(_title(report, locale)), style="Title")
    for paragraph in report.preamble:
        _paragraph(doc, paragraph)
    writer = _Writer(doc, report, locale)
    writer.body()
    if not is_template_driven(report):
        writer.contact()
    writer.signature()
    writer.attachment()
    return doc


def document_bytes(doc: Document) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
