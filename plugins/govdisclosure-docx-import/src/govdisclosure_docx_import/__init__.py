"""Word import for govdisclosure: a .docx report read into the typed model.

* Loader ``docx`` (``.docx``): the body read in order with python-docx;
  every top-level table expanded into a grid through ``w:gridSpan`` (a cell
  over several grid columns) and ``w:vMerge`` (``restart`` opens a cell,
  ``continue`` extends the one above: one origin, never a copied value);
  paragraphs as text.  Then the same mapping as a web page
  (:func:`govdisclosure_html.import_document`).
* Loader ``doc-binary`` (``.doc``, ``.xls``, ``.wps``, ``.et``): the old binary
  formats are refused with "convert it first"; with ``GOVDISCLOSURE_SOFFICE=1``
  and ``soffice`` on the PATH a .doc/.wps is converted to .docx by LibreOffice
  (headless, in a temporary folder, 120 s at most) and imported.

See ``docs/import.md``.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn

from govdisclosure.editions import Report
from govdisclosure.i18n import N_
from govdisclosure.plugin import ImportOptions, ImportOutcome, Loader, hookimpl
from govdisclosure_html import (
    Document,
    ImportProblem,
    ImportResult,
    Provenance,
    import_document,
    report_or_error,
    traced,
)
from govdisclosure_html.grid import Cell, Grid, Slot

__all__ = ["LOADERS", "docx_document", "govdisclosure_loaders", "import_doc", "import_docx"]


def _failed(source: str, problem: ImportProblem, fmt: str) -> ImportResult:
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


def _text(element: Any) -> str:
    """A cell's or paragraph's text: its paragraphs joined by line breaks."""
    paragraphs = element.findall(qn("w:p")) if element.tag != qn("w:p") else [element]
    lines = []
    for p in paragraphs:
        parts = []
        for node in p.iter(qn("w:t"), qn("w:tab"), qn("w:br")):
            parts.append(node.text or "" if node.tag == qn("w:t") else " ")
        lines.append("".join(parts))
    return "\n".join(lines).strip()


def _grid(tbl: Any, index: int) -> Grid:
    """The grid of one ``w:tbl``: gridSpan across, vMerge down."""
    rows: list[list[Slot | None]] = []
    cells: list[Cell] = []
    for r, tr in enumerate(tbl.findall(qn("w:tr"))):
        line: list[Slot | None] = []
        col = 0
        trpr = tr.find(qn("w:trPr"))
        before = trpr.find(qn("w:gridBefore")) if trpr is not None else None
        if before is not None:
            col = int(before.get(qn("w:val"), "0"))
            line.extend([None] * col)
        for tc in tr.findall(qn("w:tc")):
            tcpr = tc.find(qn("w:tcPr"))
            span = 1
            merge: str | None = None
            if tcpr is not None:
                gs = tcpr.find(qn("w:gridSpan"))
                if gs is not None:
                    span = max(1, int(gs.get(qn("w:val"), "1")))
                vm = tcpr.find(qn("w:vMerge"))
                if vm is not None:
                    merge = vm.get(qn("w:val"), "continue")
            above = rows[r - 1][col] if r and col < len(rows[r - 1]) else None
            if merge == "continue" and above is not None:
                origin = above.cell
                grown = origin._replace(rowspan=r - origin.row + 1)
                cells[cells.index(origin)] = grown
                cell = grown
                # Earlier slots of this merged cell point at the grown cell too.
                for rr in range(origin.row, r):
                    for cc in range(origin.col, origin.col + origin.colspan):
                        if cc < len(rows[rr]) and rows[rr][cc] is not None:
                            rows[rr][cc] = Slot(grown, rr, cc)
            else:
                cell = Cell(r, col, 1, span, _text(tc))
                cells.append(cell)
            line.extend(Slot(cell, r, cc) for cc in range(col, col + span))
            col += span
        rows.append(line)
    return Grid(index, tuple(tuple(line) for line in rows))


def _title(paragraphs: list[str]) -> tuple[str | None, list[str]]:
    """The first paragraph when it reads as the report's title.

    A short paragraph naming a 报告, or one of any length that ends with the
    report's name (a unit's name of hundreds of characters makes a long
    title; body text does not end so).
    """
    if paragraphs and "报告" in paragraphs[0]:
        first = paragraphs[0]
        if len(first) <= 80 or first.rstrip().endswith("年度报告"):
            return first, paragraphs[1:]
    return None, paragraphs


def docx_document(data: bytes, source: str) -> Document | ImportResult:
    """The :class:`Document` of a .docx file, or the failed result naming why."""
    try:
        body = docx.Document(io.BytesIO(data)).element.body
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        return _failed(
            source,
            ImportProblem(
                severity="error",
                code="unreadable-file",
                message_id=N_("The file cannot be read as a Word .docx file ({found})"),
                params={"found": f"{type(exc).__name__}: {exc}"[:200]},
            ),
            "docx",
        )
    grids: list[Grid] = []
    paragraphs: list[str] = []
    for child in body.iterchildren():
        if child.tag == qn("w:tbl"):
            grids.append(_grid(child, len(grids)))
        elif child.tag == qn("w:p"):
            text = _text(child)
            if text:
                paragraphs.append(text)
    title, rest = _title(paragraphs)
    return Document(
        grids=tuple(grids),
        paragraphs=tuple(rest),
        title=title,
        encoding="UTF-8 (Office Open XML)",
        encoding_found_by="the package's XML",
        body_found_by="the document body in order: tables and paragraphs",
        format="docx",
    )


def import_docx(
    data: bytes, source: str = "<docx>", *, derive_templates: bool = False
) -> ImportResult:
    """Import one .docx: ``report, provenance, problems = import_docx(data, "r.docx")``.

    ``derive_templates``: see :func:`govdisclosure_html.import_html`."""
    doc = docx_document(data, source)
    if isinstance(doc, ImportResult):
        return doc
    return import_document(doc, source, derive_templates=derive_templates)


def _convert(data: bytes, source: str) -> bytes | None:
    """The .docx LibreOffice makes of an old .doc/.wps, or None."""
    soffice = shutil.which("soffice")
    if soffice is None or os.environ.get("GOVDISCLOSURE_SOFFICE") != "1":
        return None
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / ("input" + Path(source).suffix.lower())
        src.write_bytes(data)
        try:
            subprocess.run(
                [soffice, "--headless", "--convert-to", "docx", "--outdir", tmp, str(src)],
                check=True,
                timeout=120,
                capture_output=True,
                env={**os.environ, "HOME": tmp},
            )
        except (OSError, subprocess.SubprocessError):
            return None
        out = Path(tmp) / "input.docx"
        return out.read_bytes() if out.exists() else None


def import_doc(
    data: bytes, source: str = "<doc>", *, derive_templates: bool = False
) -> ImportResult:
    """An old binary file: converted when allowed (see the module doc), else refused."""
    suffix = Path(source).suffix.lower()
    if suffix in (".doc", ".wps"):
        converted = _convert(data, source)
        if converted is not None:
            return import_docx(converted, source, derive_templates=derive_templates)
    return _failed(
        source,
        ImportProblem(
            severity="error",
            code="convert-first",
            message_id=N_(
                "{suffix} is an old binary format: convert it first (to .docx or .xlsx), e.g. soffice --headless --convert-to docx FILE; with GOVDISCLOSURE_SOFFICE=1 and LibreOffice installed a .doc is converted here"
            ),
            params={"suffix": suffix or "-", "found": suffix or "-"},
        ),
        suffix.lstrip(".") or "doc",
    )


def _load_docx(data: bytes, source: str) -> Report:
    return report_or_error(import_docx(data, source), source)


def _trace_docx(
    data: bytes, source: str, locale: str, options: ImportOptions | None = None
) -> ImportOutcome:
    return traced(import_docx, data, source, locale, options)


def _load_doc(data: bytes, source: str) -> Report:
    return report_or_error(import_doc(data, source), source)


def _trace_doc(
    data: bytes, source: str, locale: str, options: ImportOptions | None = None
) -> ImportOutcome:
    return traced(import_doc, data, source, locale, options)


LOADERS: Sequence[Loader] = (
    Loader(
        name="docx",
        suffixes=frozenset({".docx"}),
        load=_load_docx,
        description="A report written in Word (.docx), placed on the official tables",
        trace=_trace_docx,
        trace_with=_trace_docx,
    ),
    Loader(
        name="doc-binary",
        suffixes=frozenset({".doc", ".xls", ".wps", ".et"}),
        load=_load_doc,
        description="Old binary Word/Excel files: reported as 'convert it first' "
        "(a .doc converted by LibreOffice with GOVDISCLOSURE_SOFFICE=1)",
        trace=_trace_doc,
        trace_with=_trace_doc,
    ),
)


@hookimpl
def govdisclosure_loaders() -> Sequence[Loader]:
    return list(LOADERS)
