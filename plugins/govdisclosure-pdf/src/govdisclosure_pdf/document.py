"""Page templates, page numbers, rotated pages and the PDF's metadata.

GB/T 9704-2012 7.5: page numbers are 4号 (14 pt) Song Arabic numerals with
a 一字线 (em dash) on each side, the dash 7 mm below the type area; odd
pages put the number on the right, even pages on the left, one character in
from the edge of the type area.  Clause 8: a table set landscape keeps the
page number where every other page has it, and its top faces the binding
edge on odd pages and the outer edge on even pages; with left binding both
mean the left edge of the sheet, so a landscape table is rotated a quarter
turn counter-clockwise on every page.

Reproducibility: reportlab's ``invariant`` mode fixes the file identifier
and object order; the creation date is the report's own (成文日期, else the
publication date), never the clock, and a report with neither date gets no
date at all rather than an invented one.

Navigation: the viewer shows the document's title rather than its file name
(``DisplayDocTitle``) and opens the outline (:mod:`.outline`) beside the
pages.
"""

from __future__ import annotations

import datetime as dt
from io import BytesIO
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFInfo, PDFName, PDFString
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate
from reportlab.platypus.flowables import Flowable

from .outline import Entry, mark
from .styles import (
    MARGINS,
    PAGE_HEIGHT,
    PAGE_NUMBER_DROP,
    PAGE_NUMBER_SIZE,
    PAGE_WIDTH,
    TYPE_HEIGHT,
    TYPE_WIDTH,
    Styles,
)
from .text import text_width

__all__ = [
    "DocumentInfo",
    "GovDocTemplate",
    "Rotated",
    "Stack",
    "build_pdf",
    "page_number_text",
    "released",
]


def page_number_text(page: int) -> str:
    """``— 7 —``: the number between two 一字线."""
    return f"— {page} —"


class DocumentInfo:
    """Metadata written into the PDF."""

    def __init__(
        self,
        *,
        title: str,
        author: str,
        subject: str,
        lang: str,
        date: dt.date | None,
        keywords: str,
    ) -> None:
        self.title = title
        self.author = author
        self.subject = subject
        self.lang = lang
        self.date = date
        self.keywords = keywords


class GovDocTemplate(BaseDocTemplate):  # type: ignore[misc]
    """A4 with the GB/T 9704 type area and alternating page numbers."""

    def __init__(self, target: BytesIO, styles: Styles, info: DocumentInfo) -> None:
        self.gd_styles = styles
        self.gd_info = info
        super().__init__(
            target,
            pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
            leftMargin=MARGINS.left,
            rightMargin=MARGINS.right,
            topMargin=MARGINS.top,
            bottomMargin=MARGINS.bottom,
            title=info.title,
            author=info.author,
            subject=info.subject,
            keywords=info.keywords,
            creator="govdisclosure-pdf",
            invariant=1,
            lang=info.lang,
            displayDocTitle=True,
            initialFontName=styles.fonts.body,
        )
        frame = Frame(
            MARGINS.left,
            MARGINS.bottom,
            TYPE_WIDTH,
            TYPE_HEIGHT,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="type-area",
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._on_page)])

    def _on_page(self, canv: Any, doc: Any) -> None:
        date = self.gd_info.date
        if date is None:
            # The same object (the document has registered it): only its class changes.
            canv._doc.info.__class__ = _UndatedInfo
        else:
            stamp = f"D:{date.year:04d}{date.month:02d}{date.day:02d}000000+08'00'"
            canv.setDateFormatter(lambda *_: stamp)
        if doc.page == 1 and getattr(canv, "_gd_outline_shown", False) is False:
            canv.showOutline()
            canv._gd_outline_shown = True
        draw_page_number(canv, doc.page, self.gd_styles)


class _UndatedInfo(PDFInfo):  # type: ignore[misc]
    """The document information dictionary without CreationDate and ModDate.

    reportlab always writes both (in invariant mode, a fixed date); a report
    that states no date must not claim one.
    """

    def format(self, document: Any) -> bytes:
        entries = {
            "Title": PDFString(self.title),
            "Author": PDFString(self.author),
            "Producer": PDFString(self.producer),
            "Creator": PDFString(self.creator),
            "Subject": PDFString(self.subject),
            "Keywords": PDFString(self.keywords),
            "Trapped": PDFName(self.trapped),
        }
        return bytes(PDFDictionary(entries).format(document))


def draw_page_number(canv: Any, page: int, styles: Styles) -> None:
    """Draw ``— n —`` under the type area, right on odd pages, left on even."""
    size = PAGE_NUMBER_SIZE
    fonts = styles.fonts
    dash = "—"
    digits = str(page)
    latin = fonts.latin or fonts.body
    dash_w = text_width(dash, fonts.body, size)
    space_w = text_width(" ", latin, size)
    num_w = text_width(digits, latin, size)
    total = 2 * dash_w + 2 * space_w + num_w
    one_char = size
    x = MARGINS.left + TYPE_WIDTH - one_char - total if page % 2 else MARGINS.left + one_char
    # The dash sits at about 0.35 em above the baseline; its top 7 mm below the area.
    y = MARGINS.bottom - PAGE_NUMBER_DROP - 0.4 * size
    tx = canv.beginText()
    tx.setTextOrigin(x, y)
    tx.setFont(fonts.body, size)
    tx.textOut(dash)
    tx.setFont(latin, size)
    tx.textOut(f" {digits} ")
    tx.setFont(fonts.body, size)
    tx.textOut(dash)
    canv.drawText(tx)


def released(items: list[Flowable], availWidth: float, availHeight: float) -> list[Flowable]:
    """``items`` as the parts of a split whose first part fits ``availHeight``.

    A group kept together (headings with their text, text with the
    signature) that no page can hold is let go: its members follow one
    another, the first one split where the page ends (reportlab wants the
    first part of a split to fit).  An empty list moves it all to the next
    page.
    """
    first, rest = items[0], items[1:]
    _, height = first.wrapOn(getattr(first, "canv", None), availWidth, availHeight)
    if height + first.getSpaceBefore() <= availHeight + 1e-6:
        return items
    parts: list[Flowable] = first.split(availWidth, availHeight - first.getSpaceBefore())
    return [*parts, *rest] if parts else []


class Stack(Flowable):  # type: ignore[misc]
    """Flowables drawn one under the other as a single block (never split)."""

    def __init__(self, parts: list[Flowable]) -> None:
        super().__init__()
        self.parts = parts
        self._sizes: list[tuple[float, float]] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        canv = getattr(self, "canv", None)  # none yet when measured before drawing
        self._sizes = [p.wrapOn(canv, availWidth, availHeight) for p in self.parts]
        self.width = max((w for w, _ in self._sizes), default=0.0)
        self.height = sum(h for _, h in self._sizes)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """Kept whole unless no page could hold it: then its parts go on one by one."""
        canv = getattr(self, "canv", None)
        tall = sum(p.wrapOn(canv, availWidth, TYPE_HEIGHT)[1] for p in self.parts)
        if tall <= TYPE_HEIGHT + 1e-6 and not getattr(self, "_postponed", False):
            return []  # it goes whole to the next page (reportlab marks it postponed)
        return released(list(self.parts), availWidth, availHeight)

    def draw(self) -> None:
        y = self.height
        for part, (_, h) in zip(self.parts, self._sizes, strict=True):
            y -= h
            part.drawOn(self.canv, 0, y)


class Rotated(Flowable):  # type: ignore[misc]
    """A flowable turned a quarter counter-clockwise: a landscape table on a portrait page.

    It is laid out as if the page were landscape (the type area's height
    becomes its width) and drawn turned, so its top faces the binding
    edge (GB/T 9704 clause 8); the page number stays where it always is.
    """

    def __init__(self, content: Flowable, outline: Entry | None = None) -> None:
        super().__init__()
        self.content = content
        self.outline = outline
        self._w = 0.0
        self._h = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        w, h = self.content.wrapOn(self.canv, TYPE_HEIGHT - 1, TYPE_WIDTH)
        self._w, self._h = w, h
        return h, w

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.translate(self._h, 0)
        canv.rotate(90)
        self.content.drawOn(canv, 0, 0)
        canv.restoreState()
        # After the content: the heading turned with the table is its parent.
        mark(canv, self.outline, self._w)


def build_pdf(story: list[Flowable], styles: Styles, info: DocumentInfo) -> bytes:
    """Lay out ``story`` on GB/T 9704 pages and return the PDF's bytes."""
    out = BytesIO()
    doc = GovDocTemplate(out, styles, info)
    doc.build(story)
    return out.getvalue()
