"""Page, grid, faces and page numbers of a GB/T 9704-2012 document.

Figures from formats.md §5 (GB/T 9704-2012):

* A4; 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm, hence 切口 26 mm and
  bottom 35 mm (5.2.1);
* 22 lines of 28 characters, 3号 (16 pt) 仿宋 (5.2.2, 5.2.3): the
  document's line grid (``w:docGrid`` type "lines") has a pitch of
  225 mm / 22, and the body's characters are set 0.25 pt closer than the
  face (15.75 pt × 28 = 155.6 mm), so 28 fit the 156 mm line.  A character
  grid ("linesAndChars") would say the same to Word, but LibreOffice
  spreads such a grid to about 17 characters a line (seen converting to
  PDF), so the condensed spacing is the form both read alike;
* title 2号 (22 pt) 小标宋 (7.3.1); body 仿宋; first-level headings 黑体,
  second 楷体, third and fourth 仿宋 (7.3.3);
* page numbers in 4号 (14 pt) 宋体 half-width digits between two 一字线
  (``— 1 —``), below the type area; odd pages on the right one character
  in, even pages on the left one character in (7.5).

Faces are *named*, not embedded: a .docx names its fonts and the Word on
the office's machine draws them with its own 仿宋_GB2312 and 方正小标宋简体.
A machine without them (LibreOffice on Linux) substitutes a CJK face.
"""

from __future__ import annotations

from typing import Final

from docx.document import Document
from docx.enum.section import WD_SECTION_START
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph

__all__ = [
    "BODY",
    "CONDENSE",
    "FANGSONG",
    "HEITI",
    "KAITI",
    "LINE_PITCH",
    "SONGTI",
    "TITLE",
    "XIAOBIAOSONG",
    "set_faces",
    "setup_document",
]

FANGSONG: Final = "仿宋_GB2312"
XIAOBIAOSONG: Final = "方正小标宋简体"
HEITI: Final = "黑体"
KAITI: Final = "楷体_GB2312"
SONGTI: Final = "宋体"
#: Latin text beside the Chinese (digits, English): the usual companion face.
LATIN: Final = "Times New Roman"

BODY: Final = Pt(16)  # 3号
TITLE: Final = Pt(22)  # 2号
PAGE_NUMBER: Final = Pt(14)  # 4号
#: 225 mm / 22 lines, in twentieths of a point (Word's unit for the grid).
LINE_PITCH: Final = round(225 / 25.4 * 72 / 22 * 20)
#: Character spacing of the body, in twentieths of a point: 28 characters in 156 mm.
CONDENSE: Final = -5
#: Faces of the heading levels 1–4 (7.3.3).
HEADING_FACES: Final = (HEITI, KAITI, FANGSONG, FANGSONG)


def set_faces(element: object, east_asian: str, latin: str = LATIN) -> None:
    """Name ``east_asian`` for CJK text and ``latin`` for the rest on a run or style."""
    rpr = element._element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), latin)
    fonts.set(qn("w:eastAsia"), east_asian)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)


def _indent_chars(paragraph_format: object, first_line_chars: int) -> None:
    """First-line indent in characters (w:firstLineChars), which follows the grid."""
    ppr = paragraph_format._element.get_or_add_pPr()  # type: ignore[attr-defined]
    ind = ppr.find(qn("w:ind"))
    if ind is None:
        ind = OxmlElement("w:ind")
        ppr.append(ind)
    ind.set(qn("w:firstLineChars"), str(first_line_chars * 100))
    ind.set(qn("w:firstLine"), str(int(first_line_chars * 16 * 20)))


def _style(doc: Document, name: str, face: str, size: Pt, *, bold: bool = False) -> ParagraphStyle:
    style = doc.styles[name]
    assert isinstance(style, ParagraphStyle)
    style.font.size = size
    style.font.bold = bold
    style.font.italic = False
    style.font.color.rgb = RGBColor(0, 0, 0)
    set_faces(style, face)
    fmt = style.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    return style


def _has_style(doc: Document, name: str) -> bool:
    return any(style.name == name for style in doc.styles)


def _new_style(doc: Document, name: str, outline: int | None = None) -> None:
    """Add a paragraph style ``name`` based on Normal (for a template that lacks it)."""
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    if outline is not None:
        # What makes a heading show in Word's navigation pane.
        level = OxmlElement("w:outlineLvl")
        level.set(qn("w:val"), str(outline))
        style.element.get_or_add_pPr().append(level)


def setup_document(doc: Document, *, office_template: bool = False) -> None:
    """A4, GB/T 9704 margins and grid, the styles, page numbers on both sides.

    With ``office_template`` the document is the office's own: its page,
    grid, defaults and every style it defines are kept; only the styles this
    renderer uses and the template lacks are added (in the GB/T 9704 form),
    and page numbers only if it has no footer text of its own.
    """
    if office_template:
        for name, outline in (("Title", None), *((f"Heading {n}", n - 1) for n in range(1, 5))):
            if not _has_style(doc, name):
                _new_style(doc, name, outline)
                _configure(doc, name)
        if not _has_style(doc, "Body Text First Indent"):
            _body_indent(doc)
        if not _has_style(doc, "Table Text"):
            _table_style(doc)
        footer = doc.sections[0].footer
        own = not footer.is_linked_to_previous and (
            any(p.text.strip() for p in footer.paragraphs) or "PAGE" in footer._element.xml
        )
        if not own:
            _page_numbers(doc)
        return
    section = doc.sections[0]
    section.start_type = WD_SECTION_START.NEW_PAGE
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    # The footer's 一字线 sits 7 mm below the type area (7.5): 35 − 7 mm
    # to its top, less the height of a 14 pt line, from the page's edge.
    section.footer_distance = Mm(35 - 7 - 5)
    section.header_distance = Mm(15)
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        section._sectPr.append(grid)
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(LINE_PITCH))
    grid.attrib.pop(qn("w:charSpace"), None)

    _defaults(doc)
    normal = _style(doc, "Normal", FANGSONG, BODY)
    normal.paragraph_format.widow_control = True
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:val"), str(CONDENSE))
    normal.element.get_or_add_rPr().append(spacing)
    for name in ("Title", *(f"Heading {n}" for n in range(1, 5))):
        _configure(doc, name)
    _body_indent(doc)
    _table_style(doc)
    _page_numbers(doc)


def _configure(doc: Document, name: str) -> None:
    """The GB/T 9704 form of the title or a heading style."""
    if name == "Title":
        title = _style(doc, "Title", XIAOBIAOSONG, TITLE)
        title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        title.paragraph_format.space_after = Pt(29)
        ppr = title.element.get_or_add_pPr()
        for border in ppr.findall(qn("w:pBdr")):
            ppr.remove(border)
        return
    level = int(name.rsplit(" ", 1)[1])
    heading = _style(doc, name, HEADING_FACES[level - 1], BODY)
    heading.paragraph_format.keep_with_next = True
    _indent_chars(heading.paragraph_format, 2)


def _defaults(doc: Document) -> None:
    """The document defaults: 3号 仿宋, Chinese, no spacing after paragraphs.

    The grid's character pitch is counted from the default font size, so
    it must be the body's 16 pt, not the template's 11 pt.
    """
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    assert defaults is not None
    rpr = defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
    assert rpr is not None
    for tag in ("w:sz", "w:szCs"):
        size = rpr.find(qn(tag))
        if size is None:
            size = OxmlElement(tag)
            rpr.append(size)
        size.set(qn("w:val"), str(int(BODY.pt * 2)))
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        rpr.remove(fonts)
    fonts = OxmlElement("w:rFonts")
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), LATIN)
    fonts.set(qn("w:eastAsia"), FANGSONG)
    rpr.insert(0, fonts)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:eastAsia"), "zh-CN")
    spacing = defaults.find(qn("w:pPrDefault") + "/" + qn("w:pPr") + "/" + qn("w:spacing"))
    if spacing is not None:
        spacing.set(qn("w:after"), "0")
        spacing.set(qn("w:line"), "240")


def _body_indent(doc: Document) -> None:
    styles = doc.styles
    if "Body Text First Indent" in [s.name for s in styles]:
        body = styles["Body Text First Indent"]
    else:
        body = styles.add_style("Body Text First Indent", WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(body, ParagraphStyle)
    body.base_style = styles["Normal"]
    _indent_chars(body.paragraph_format, 2)


def _table_style(doc: Document) -> None:
    """``Table Text``: 五号 (10.5 pt) 仿宋, single spacing, off the body grid."""
    names = [s.name for s in doc.styles]
    style = (
        doc.styles["Table Text"]
        if "Table Text" in names
        else doc.styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
    )
    assert isinstance(style, ParagraphStyle)
    style.base_style = doc.styles["Normal"]
    style.font.size = Pt(10.5)
    set_faces(style, FANGSONG)
    ppr = style.element.get_or_add_pPr()
    snap = OxmlElement("w:snapToGrid")
    snap.set(qn("w:val"), "0")
    ppr.append(snap)
    style.paragraph_format.line_spacing = 1.0


def _number_field(paragraph: Paragraph) -> None:
    """``— PAGE —`` in 4号 宋体 with half-width digits."""

    def run(text: str | None = None, field: str | None = None) -> None:
        r = paragraph.add_run()
        r.font.size = PAGE_NUMBER
        set_faces(r, SONGTI, SONGTI)
        if text is not None:
            r.text = text
            return
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), field or "")
        r._r.append(char)

    run("— ")
    run(field="begin")
    instr = paragraph.add_run()
    instr.font.size = PAGE_NUMBER
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = " PAGE "
    instr._r.append(code)
    run(field="separate")
    run("1")
    run(field="end")
    run(" —")


def _page_numbers(doc: Document) -> None:
    """Odd pages: right, one character in; even pages: left, one character in (7.5)."""
    doc.settings.odd_and_even_pages_header_footer = True
    section = doc.sections[0]
    for footer, alignment in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.alignment = alignment
        paragraph.paragraph_format.first_line_indent = Pt(0)
        if alignment == WD_ALIGN_PARAGRAPH.RIGHT:
            paragraph.paragraph_format.right_indent = PAGE_NUMBER
        else:
            paragraph.paragraph_format.left_indent = PAGE_NUMBER
        _number_field(paragraph)
