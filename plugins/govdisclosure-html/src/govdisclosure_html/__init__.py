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

from govdisclosure.editions import Report
from govdisclosure.errors import LoadError, Problem
from govdisclosure.i18n import N_
from govdisclosure.plugin import ImportOutcome, Loader, Renderer, RenderOptions, hookimpl
from govdisclosure.rendering import RenderError

from .importer import ImportResult, import_html
from .provenance import CellOrigin, ImportProblem, Provenance, provenance_json
from .render import render_html

__all__ = [
    "LOADER",
    "RENDERER",
    "CellOrigin",
    "ImportProblem",
    "ImportResult",
    "Provenance",
    "govdisclosure_loaders",
    "govdisclosure_renderers",
    "import_html",
    "load",
    "provenance_json",
    "render",
    "render_html",
    "trace",
]

_TRUE = {"true": True, "1": True, "yes": True, "false": False, "0": False, "no": False}


def render(report: Report, options: RenderOptions) -> bytes:
    """The page (or fragment) as UTF-8 bytes."""
    unknown = set(options.extra) - {"fragment"}
    if unknown:
        raise RenderError(
            f"unknown option(s) for html: {', '.join(sorted(unknown))}; known: fragment"
        )
    raw = options.extra.get("fragment", "false").strip().lower()
    if raw not in _TRUE:
        raise RenderError(f"fragment must be true or false, not {raw!r}")
    return render_html(report, options.locale, fragment=_TRUE[raw]).encode("utf-8")


#: What a page must have, per problem that stops the import (message ids).
_EXPECTED = {
    "report-in-attachment": N_("the report's tables on the page, not only in an attachment"),
    "no-table": N_("the report's tables on the page (it has text only)"),
    "tables-not-recognised": N_("the tables of an edition of the report format"),
    "no-template-fits": N_("a statistics table that fits a template"),
    "no-year": N_("the report year printed on the page"),
    "model-refused": N_("figures the model accepts"),
}


def _problem(p: ImportProblem) -> Problem:
    found = p.params.get("attachments") or p.params.get("rows") or p.params.get("found", "")
    return Problem(p.path or "$", _EXPECTED.get(p.code, N_("a report page")), found)


def load(data: bytes, source: str) -> Report:
    """The loader: the report of a page, or :class:`LoadError` naming every problem."""
    result = import_html(data, source)
    if result.report is None:
        errors = [_problem(p) for p in result.problems if p.severity == "error"]
        raise LoadError(errors or [Problem("$", N_("a report page"))], source)
    return result.report


#: Problems that make an import partial (a cell not read, not placed, or placed with doubt).
_PARTIAL = frozenset(
    {
        "cell-not-placed",
        "cell-unreadable",
        "cell-missing",
        "table-missing",
        "doubtful-mapping",
        "model-refused",
    }
)


def trace(data: bytes, source: str, locale: str) -> ImportOutcome:
    """The import with its provenance, for ``govdisclosure import``."""
    result = import_html(data, source)
    problems = result.problems
    complete = (
        result.report is not None
        and not any(p.code in _PARTIAL for p in problems)
        and not any(c.doubtful for c in result.provenance.cells)
    )
    return ImportOutcome(
        report=result.report,
        provenance=provenance_json(result.provenance, problems, locale),
        cells_placed=len(result.provenance.cells),
        cells_not_placed=sum(
            1 for p in problems if p.code in ("cell-not-placed", "cell-unreadable")
        ),
        complete=complete,
        errors=tuple(p.message(locale) for p in problems if p.severity == "error"),
        warnings=tuple(p.message(locale) for p in problems if p.severity == "warning"),
    )


RENDERER = Renderer(
    name="html",
    media_type="text/html; charset=utf-8",
    suffix=".html",
    render=render,
    description="The report as an HTML page (or fragment) with the official tables",
)

LOADER = Loader(
    name="html",
    suffixes=frozenset({".html", ".htm"}),
    load=load,
    description="A report published as a portal web page, placed on the official tables",
    trace=trace,
)


@hookimpl
def govdisclosure_renderers() -> list[Renderer]:
    return [RENDERER]


@hookimpl
def govdisclosure_loaders() -> list[Loader]:
    return [LOADER]
