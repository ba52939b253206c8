"""HTML for govdisclosure: import portal pages, render reports as pages.

* Loader ``html`` (``.html``, ``.htm``): a report published as a web page
  read into the typed model.  :func:`import_html` gives the report, the
  provenance of every cell (kept beside the report, not inside it) and the
  problems; the loader returns the report and refuses, with every problem
  named, a page it cannot import (no table, report in an attachment).
* Renderer ``html``: a standalone page (the default) or, with
  ``--option fragment=true``, the ``<article>`` alone for pasting into a
  content system.

See ``docs/import.md``.
"""

from __future__ import annotations

from functools import partial

from govdisclosure.editions import Report
from govdisclosure.plugin import (
    ImportOptions,
    ImportOutcome,
    Loader,
    Renderer,
    RenderOptions,
    hookimpl,
)
from govdisclosure.rendering import UnknownOptionError, one_of

from .importer import Document, ImportResult, import_document, import_html
from .outcome import outcome, report_or_error, traced
from .provenance import CellOrigin, ImportProblem, Provenance, named_paths, provenance_json
from .render import render_html
from .sheets import linked_style_sheets

__all__ = [
    "LOADER",
    "RENDERER",
    "CellOrigin",
    "Document",
    "ImportProblem",
    "ImportResult",
    "Provenance",
    "govdisclosure_loaders",
    "govdisclosure_renderers",
    "import_document",
    "import_html",
    "load",
    "named_paths",
    "outcome",
    "provenance_json",
    "render",
    "render_html",
    "report_or_error",
    "trace",
    "traced",
]

_TRUE = {"true": True, "1": True, "yes": True, "false": False, "0": False, "no": False}


def render(report: Report, options: RenderOptions) -> bytes:
    """The page (or fragment) as UTF-8 bytes."""
    unknown = set(options.extra) - {"fragment"}
    if unknown:
        raise UnknownOptionError("html", min(unknown), frozenset({"fragment"}))
    raw = options.extra.get("fragment", "false").strip().lower()
    if raw not in _TRUE:
        raise one_of("html", "fragment", raw, ("true", "false"))
    return render_html(report, options.locale, fragment=_TRUE[raw]).encode("utf-8")


def load(data: bytes, source: str) -> Report:
    """The loader: the report of a page, or :class:`LoadError` naming every problem."""
    return report_or_error(import_html(data, source), source)


def trace(
    data: bytes, source: str, locale: str, options: ImportOptions | None = None
) -> ImportOutcome:
    """The import with its provenance, for ``govdisclosure import``; the
    linked style sheets are read by ``options.linked_file`` when it is given
    (a page fetched from its URL), else beside the page's file."""
    if options is not None and options.linked_file is not None:
        sheets = linked_style_sheets(options.linked_file)
        return traced(partial(import_html, style_sheets=sheets), data, source, locale, options)
    return traced(import_html, data, source, locale, options)


RENDERER = Renderer(
    name="html",
    media_type="text/html; charset=utf-8",
    suffix=".html",
    render=render,
    description="The report as an HTML page (or fragment) with the official tables",
    options=frozenset({"fragment"}),
)

LOADER = Loader(
    name="html",
    suffixes=frozenset({".html", ".htm"}),
    load=load,
    description="A report published as a portal web page, placed on the official tables",
    trace=trace,
    trace_with=trace,
)


@hookimpl
def govdisclosure_renderers() -> list[Renderer]:
    return [RENDERER]


@hookimpl
def govdisclosure_loaders() -> list[Loader]:
    return [LOADER]
