"""What is wrong with a file that its reading library refused, in our words.

pdfminer, python-docx and openpyxl say why they refuse a file in English and
in their own terms (``PdfminerException: No /Root object! - Is this really a
PDF?``, ``BadZipFile: File is not a zip file``, ``KeyError: "There is no item
named 'word/document.xml' in the archive"``).  A user of the Chinese locale
must read a Chinese sentence that says what the file is and what was expected,
so the fault is told from the file's own bytes, which every format lets us
read without its library: a PDF begins with ``%PDF-`` and ends with
``%%EOF``; a .docx or .xlsx is a ZIP package (it begins with ``PK``, its
directory is at its end) holding ``word/document.xml`` or ``xl/workbook.xml``;
an old binary .doc or .xls is an OLE compound file; a web page saved under the
file's name begins with ``<``.

Each function returns a :class:`Fault`: ``expected`` is a message id of the
catalogs saying what was expected and what this file is instead, and
``named`` says whether that is the whole story.  Only a fault the bytes
cannot name (``damaged``) keeps the library's words, as the marked detail
(docs/i18n.md, "The libraries' words").
"""

from __future__ import annotations

import io
from typing import Final, Literal

from attrs import frozen

__all__ = ["Fault", "library_words", "package_fault", "pdf_fault"]


def N_(msgid: str) -> str:
    """Mark a message id (:func:`govdisclosure.i18n.N_`, without importing the catalogs)."""
    return msgid


#: The longest detail shown: a library that quotes the whole file cannot
#: flood a summary.
DETAIL_LIMIT: Final = 200

_OLE: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@frozen
class Fault:
    """What is wrong with a file: ``code`` (stable, untranslated:
    ``not-pdf``, ``web-page``, ``cut-short``, ``old-binary``, ``not-zip``,
    ``no-part``, ``damaged``), ``expected`` (a message id: what was
    expected, and what this file is instead) and ``named``: false only for
    ``damaged``, where the reading library's words add what the bytes
    cannot say."""

    code: str
    expected: str

    @property
    def named(self) -> bool:
        return self.code != "damaged"


def _web_page(head: bytes) -> bool:
    """Markup (an HTML page, an error page a server sent instead of the file)."""
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


def pdf_fault(data: bytes) -> Fault:
    """What is wrong with ``data`` as a PDF that did not open."""
    head = data[:1024]
    if b"%PDF-" not in head:
        if _web_page(head):
            return Fault(
                "web-page", N_("a PDF document (this file is a web page, saved under its name)")
            )
        return Fault("not-pdf", N_("a PDF document (this file does not begin as a PDF does)"))
    if b"%%EOF" not in data[-2048:]:
        return Fault(
            "cut-short",
            N_("a complete PDF document (this one is cut short: the end of the file is missing)"),
        )
    return Fault(
        "damaged",
        N_("a PDF document that opens (this one is a PDF, but damaged inside)"),
    )


#: By format: the part every package of it holds, and the messages.
_PACKAGES: Final = {
    "docx": (
        "word/document.xml",
        {
            "web-page": N_("a Word .docx document (this file is a web page, saved under its name)"),
            "old-binary": N_(
                "a Word .docx document (this file is an old binary Word or Excel file, .doc or"
                " .xls: save it as .docx first)"
            ),
            "not-zip": N_("a Word .docx document (this file is not one: it is not a ZIP package)"),
            "cut-short": N_(
                "a complete Word .docx document (this one is cut short: the end of the file is"
                " missing)"
            ),
            "no-part": N_(
                "a Word .docx document (this file is a ZIP package, but holds no Word document)"
            ),
            "damaged": N_(
                "a Word .docx document that opens (this one is a Word package, but damaged inside)"
            ),
        },
    ),
    "xlsx": (
        "xl/workbook.xml",
        {
            "web-page": N_(
                "an Excel .xlsx workbook (this file is a web page, saved under its name)"
            ),
            "old-binary": N_(
                "an Excel .xlsx workbook (this file is an old binary Excel or Word file, .xls or"
                " .doc: save it as .xlsx first)"
            ),
            "not-zip": N_(
                "an Excel .xlsx workbook (this file is not one: it is not a ZIP package)"
            ),
            "cut-short": N_(
                "a complete Excel .xlsx workbook (this one is cut short: the end of the file is"
                " missing)"
            ),
            "no-part": N_(
                "an Excel .xlsx workbook (this file is a ZIP package, but holds no workbook)"
            ),
            "damaged": N_(
                "an Excel .xlsx workbook that opens (this one is a workbook package, but damaged"
                " inside)"
            ),
        },
    ),
}


def package_fault(data: bytes, fmt: Literal["docx", "xlsx"]) -> Fault:
    """What is wrong with ``data`` as a .docx or .xlsx package that did not open."""
    import zipfile  # only a package that did not open needs it (`validate` never imports it)

    part, says = _PACKAGES[fmt]
    head = data[:1024]

    def fault(code: str) -> Fault:
        return Fault(code, says[code])

    if not head.startswith(b"PK"):
        if head.startswith(_OLE):
            return fault("old-binary")
        if _web_page(head):
            return fault("web-page")
        return fault("not-zip")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        # A ZIP's directory is at its end: a package that begins as one and
        # has none was cut short (a download broken off).
        return fault("cut-short")
    if part not in names:
        return fault("no-part")
    return fault("damaged")


def library_words(exc: BaseException) -> str:
    """The reading library's own words (``PdfminerException: Unexpected EOF``),
    on one line and at most :data:`DETAIL_LIMIT` characters: kept only as the
    marked detail of a message of ours."""
    text = " ".join(str(exc).split())
    words = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    return words if len(words) <= DETAIL_LIMIT else words[: DETAIL_LIMIT - 1] + "…"
