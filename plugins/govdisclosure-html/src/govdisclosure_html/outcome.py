"""An import's result as the loader hook and ``govdisclosure import`` want it.

Every importer that maps through :func:`~govdisclosure_html.importer.import_document`
(the web page, PDF and Word loaders) ends the same way: the loader returns
the report or refuses with every problem named, and ``trace`` gives the
command the report, its provenance and the counts of its summary.  Kept in
one place so the formats cannot drift apart in what "fully imported" means.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Literal

from govdisclosure.editions import Report
from govdisclosure.errors import LoadError, Problem
from govdisclosure.filefaults import Fault, library_words, package_fault, pdf_fault
from govdisclosure.i18n import N_, gettext
from govdisclosure.plugin import ImportOptions, ImportOutcome, Loader

from .importer import Document, ImportResult, import_document
from .provenance import ImportProblem, Provenance, provenance_json

__all__ = [
    "PARTIAL",
    "failed",
    "import_read",
    "importing_loader",
    "outcome",
    "report_or_error",
    "traced",
    "unreadable_file",
]

#: What a file must have, per problem that stops the import (message ids).
_EXPECTED = {
    "report-in-attachment": N_("the report's tables on the page, not only in an attachment"),
    "no-table": N_("the report's tables on the page (it has text only)"),
    "report-on-linked-page": N_("the report's tables on the page, not only on a page it links"),
    "tables-as-images": N_("the report's tables as tables, not as pictures"),
    "tables-not-recognised": N_("the tables of an edition of the report format"),
    "no-template-fits": N_("a statistics table that fits a template"),
    "no-year": N_("the report year printed on the page"),
    "model-refused": N_("figures the model accepts"),
    "no-text-layer": N_("a PDF with a text layer (not a scanned image)"),
    "unreadable-file": N_("a file that opens"),
    "convert-first": N_("a .docx or .xlsx file (convert the old binary format first)"),
}

#: Problems that make an import partial (a cell not read, not placed, or placed with doubt).
PARTIAL = frozenset(
    {
        "cell-not-placed",
        "cell-unreadable",
        "cell-missing",
        "table-missing",
        "doubtful-mapping",
        "model-refused",
    }
)


def _problem(p: ImportProblem) -> Problem:
    found = (
        p.params.get("attachments")
        or p.params.get("pages")
        or p.params.get("rows")
        or p.params.get("images")
        or p.params.get("found", "")
    )
    if p.code == "unreadable-file":
        # What is wrong with the file, in our words; the reading library's
        # only as the detail, and only where ours cannot name the fault.
        return Problem("$", p.params["expected"], detail=p.params.get("detail", ""))
    return Problem(p.path or "$", _EXPECTED.get(p.code, N_("a report page")), found)


def report_or_error(result: ImportResult, source: str) -> Report:
    """The loader's answer: the report, or :class:`LoadError` naming every problem."""
    if result.report is None:
        errors = [_problem(p) for p in result.problems if p.severity == "error"]
        raise LoadError(errors or [Problem("$", N_("a report page"))], source)
    return result.report


def _figure_lost(p: ImportProblem) -> bool:
    """A figure of the report's own table left out: printed in a piece of a
    pre-2019 form the template was not placed on (a warning).  A figure of
    a table that is none of the official tables (a copy, last year's report)
    is told for information only: the report lacks nothing."""
    return p.code == "figure-not-imported" and p.severity != "info"


def outcome(result: ImportResult, locale: str) -> ImportOutcome:
    """The import with its provenance, for ``govdisclosure import``."""
    problems = result.problems
    complete = (
        result.report is not None
        and not any(p.code in PARTIAL or _figure_lost(p) for p in problems)
        and not any(c.doubtful for c in result.provenance.cells)
    )
    return ImportOutcome(
        report=result.report,
        provenance=provenance_json(result.provenance, problems, locale),
        cells_placed=len(result.provenance.cells),
        cells_not_placed=sum(
            1
            for p in problems
            if p.code in ("cell-not-placed", "cell-unreadable") or _figure_lost(p)
        ),
        complete=complete,
        errors=tuple(p.message(locale) for p in problems if p.severity == "error"),
        warnings=tuple(p.message(locale) for p in problems if p.severity == "warning"),
    )


def traced(
    importer: Callable[..., ImportResult],
    data: bytes,
    source: str,
    locale: str,
    options: ImportOptions | None = None,
) -> ImportOutcome:
    """The ``trace`` of a loader built on ``importer`` (``import_html``,
    ``import_pdf``, ``import_docx``…): the import run with the command's
    options, answered with its provenance (:func:`outcome`)."""
    derive = options is not None and options.derive_templates
    return outcome(importer(data, source, derive_templates=derive), locale)


def failed(source: str, problem: ImportProblem, fmt: str) -> ImportResult:
    """An import that stopped before reading any table (a file that does not
    open, an old binary format): no report, the file's provenance, one problem."""
    prov = Provenance(
        source=source,
        encoding="",
        encoding_found_by="",
        body_found_by="",
        edition=None,
        edition_evidence="",
        format=fmt,
    )
    return ImportResult(None, prov, (problem,))


#: The sentence of each format, without and with the library's words as
#: the detail (whole sentences, so that each language places the parts).
_SENTENCES = {
    "pdf": (
        N_("{file} cannot be read as a PDF: expected {expected}"),
        N_("{file} cannot be read as a PDF: expected {expected} (detail: {detail})"),
    ),
    "xlsx": (
        N_("{file} cannot be read as an Excel workbook: expected {expected}"),
        N_("{file} cannot be read as an Excel workbook: expected {expected} (detail: {detail})"),
    ),
    "docx": (
        N_("{file} cannot be read as a Word .docx file: expected {expected}"),
        N_("{file} cannot be read as a Word .docx file: expected {expected} (detail: {detail})"),
    ),
}


def _said(message_id: str, locale: str) -> str:
    return gettext(locale, message_id)


def unreadable_file(
    exc: Exception, data: bytes, source: str, fmt: Literal["pdf", "docx", "xlsx"]
) -> ImportProblem:
    """The problem of a file its reading library refused.

    The sentence is ours, in the reader's language: which file, that it
    could not be read as that format, what was expected and what the file
    is instead (:mod:`govdisclosure.filefaults` tells that from its bytes:
    a web page saved under the name, a file cut short, an old .doc …).
    The library's words (English, from pdfminer, python-docx or openpyxl)
    are added, marked as the detail, only where the bytes cannot name the
    fault (a PDF or package damaged inside); the params keep them in the
    provenance (``found``) in any case."""
    fault: Fault = pdf_fault(data) if fmt == "pdf" else package_fault(data, fmt)
    words = library_words(exc)
    detail = "" if fault.named else words
    message_id = _SENTENCES[fmt][1 if detail else 0]
    return ImportProblem(
        severity="error",
        code="unreadable-file",
        message_id=message_id,
        params={
            "found": words,
            "detail": detail,
            "fault": fault.code,
            "expected": fault.expected,
            "file": source,
            "format": fmt,
        },
        localized={"expected": partial(_said, fault.expected)},
    )


def import_read(
    read: Callable[[bytes, str], Document | ImportResult],
    data: bytes,
    source: str,
    *,
    derive_templates: bool = False,
) -> ImportResult:
    """Read a file into a :class:`Document` with ``read`` and map it onto the
    model, or give ``read``'s failed result: how every office and PDF
    importer ends, so that the formats map through one door."""
    doc = read(data, source)
    if isinstance(doc, ImportResult):
        return doc
    return import_document(doc, source, derive_templates=derive_templates)


def importing_loader(
    name: str,
    suffixes: frozenset[str],
    importer: Callable[..., ImportResult],
    description: str,
) -> Loader:
    """The loader of an importer: ``load`` answers with the report or every
    problem (:func:`report_or_error`), ``trace`` with the provenance too
    (:func:`traced`)."""

    def load(data: bytes, source: str) -> Report:
        return report_or_error(importer(data, source), source)

    def trace(
        data: bytes, source: str, locale: str, options: ImportOptions | None = None
    ) -> ImportOutcome:
        return traced(importer, data, source, locale, options)

    return Loader(
        name=name,
        suffixes=suffixes,
        load=load,
        description=description,
        trace=trace,
        trace_with=trace,
    )
