"""Excel for govdisclosure: renderer ``xlsx`` (with its filing template) and the ``.xlsx`` loader.

* ``render --to xlsx``: the report as a workbook (:mod:`.workbook`): a cover
  sheet and one sheet per official table in the official layout.
* ``new --to xlsx``: the filing template (:mod:`.form`), the renderer's
  ``form``: the same workbook blank, protected, validated and checking every
  relation of the format while the unit types.
* loader ``xlsx``: a filled workbook back into a report (:mod:`.reader`),
  every problem named by sheet, cell and JSON path.

openpyxl writes and reads; docs/office.md gives the measured comparison
with XlsxWriter and why openpyxl was kept.
"""

from __future__ import annotations

from govdisclosure.editions import Report
from govdisclosure.plugin import Loader, Renderer, RenderOptions, hookimpl

from .form import build_form
from .reader import load_xlsx
from .workbook import build_workbook, workbook_bytes

__all__ = ["LOADER", "RENDERER", "load_xlsx", "render", "render_form"]

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
    options=frozenset(),
)

LOADER = Loader(
    name="xlsx",
    suffixes=frozenset({".xlsx"}),
    load=load_xlsx,
    description="A workbook written by the xlsx renderer or filing template, filled in",
)


@hookimpl
def govdisclosure_renderers() -> list[Renderer]:
    return [RENDERER]


@hookimpl
def govdisclosure_loaders() -> list[Loader]:
    return [LOADER]
