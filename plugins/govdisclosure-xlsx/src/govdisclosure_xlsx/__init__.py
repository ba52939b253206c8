"""Excel for govdisclosure: renderer ``xlsx`` (with its filing template) and the ``.xlsx`` loader.

* ``render --to xlsx``: the report as a workbook (:mod:`.workbook`): a cover
  sheet and one sheet per official table in the official layout.
* ``new --to xlsx``: the filing template (:mod:`.form`), the renderer's
  ``form``: the same workbook blank, protected, validated and checking every
  relation of the format while the unit types.
* loader ``xlsx``: a filled workbook back into a report (:mod:`.reader`),
  every problem named by sheet, cell and JSON path; a workbook this plugin
  did not write (no hidden data sheet) is imported as published, whatever
  its layout (:mod:`.published`), every cell traced to its sheet and cell.
* loader ``xls-binary`` (``.xls``, ``.et``): the old binary formats, converted
  by LibreOffice when allowed (``GOVDISCLOSURE_SOFFICE=1``), else refused
  with "convert it first".

openpyxl writes and reads; docs/office.md gives the measured comparison
with XlsxWriter and why openpyxl was kept.
"""

from __future__ import annotations

import re
import zipfile
from io import BytesIO

from govdisclosure.editions import Report
from govdisclosure.errors import LoadError
from govdisclosure.plugin import (
    ImportOptions,
    ImportOutcome,
    Loader,
    Renderer,
    RenderOptions,
    hookimpl,
)
from govdisclosure_html.outcome import importing_loader, report_or_error, traced

from .form import build_form
from .plan import DATA_SHEET
from .published import import_binary, import_workbook
from .reader import load_xlsx
from .workbook import build_workbook, workbook_bytes

__all__ = [
    "LOADER",
    "LOADERS",
    "RENDERER",
    "import_binary",
    "import_workbook",
    "load_xlsx",
    "render",
    "render_form",
    "written_by_us",
]

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def render(report: Report, options: RenderOptions) -> bytes:
    """The report as a workbook."""
    return workbook_bytes(build_workbook(report, options.locale)[0])


def render_form(report: Report, options: RenderOptions) -> bytes:
    """The filing template of ``report`` (blank cells open for input, checked live)."""
    return workbook_bytes(build_form(report, options.locale))


RENDERER = Renderer(
    name="xlsx",
    media_type=MEDIA_TYPE,
    suffix=".xlsx",
    render=render,
    form=render_form,
    description="Excel workbook: a cover and one sheet per official table (and a filing template)",
)

_OUR_SHEET = re.compile(rb'<sheet\b[^>]*\bname="' + re.escape(DATA_SHEET.encode()) + rb'"')


def written_by_us(data: bytes) -> bool:
    """Whether the workbook was written by this plugin: it holds the hidden
    data sheet the renderer and the filing template write (read from the
    package's ``xl/workbook.xml``, without loading the workbook)."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as package:
            return _OUR_SHEET.search(package.read("xl/workbook.xml")) is not None
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return False


def _load(data: bytes, source: str) -> Report:
    if written_by_us(data):
        return load_xlsx(data, source)
    return report_or_error(import_workbook(data, source), source)


def _trace(
    data: bytes, source: str, locale: str, options: ImportOptions | None = None
) -> ImportOutcome:
    if not written_by_us(data):
        return traced(import_workbook, data, source, locale, options)
    try:
        report = load_xlsx(data, source)
    except LoadError as exc:
        return ImportOutcome(report=None, provenance={}, errors=(exc.render(locale),))
    # Every cell was read where the plugin's own plan put it: nothing to trace.
    return ImportOutcome(report=report, provenance={}, complete=True)


LOADER = Loader(
    name="xlsx",
    suffixes=frozenset({".xlsx"}),
    load=_load,
    description="A workbook: one written by the xlsx renderer or filing template and filled in,"
    " or any other, imported onto the official tables",
    trace=_trace,
    trace_with=_trace,
)

LOADERS = (
    LOADER,
    importing_loader(
        "xls-binary",
        frozenset({".xls", ".et"}),
        import_binary,
        "Old binary Excel/WPS workbooks: converted by LibreOffice with"
        " GOVDISCLOSURE_SOFFICE=1, else reported as 'convert it first'",
    ),
)


@hookimpl
def govdisclosure_renderers() -> list[Renderer]:
    return [RENDERER]


@hookimpl
def govdisclosure_loaders() -> list[Loader]:
    return list(LOADERS)
