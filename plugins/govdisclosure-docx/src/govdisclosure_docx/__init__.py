"""Renderer ``docx``: the report as a Word document laid out after GB/T 9704-2012.

Word is where a report is drafted and signed; this renderer gives the
office a .docx it can keep editing: official faces by name, Word heading
styles, tables with real merged cells, page numbers and the signature
block (see :mod:`.page`, :mod:`.tables` and :mod:`.document`).

``--option template=FILE.docx`` renders into the office's own document
(letterhead, styles), keeping what it defines.
"""

from __future__ import annotations

from pathlib import Path
from zipfile import BadZipFile

from docx.opc.exceptions import OpcError

from govdisclosure.editions import Report
from govdisclosure.i18n import gettext
from govdisclosure.plugin import Renderer, RenderOptions, hookimpl
from govdisclosure.rendering import RenderError

from .document import build_document, document_bytes

__all__ = ["RENDERER", "render"]

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def render(report: Report, options: RenderOptions) -> bytes:
    """The Word document as bytes."""
    unknown = set(options.extra) - {"template"}
    if unknown:
        message = gettext(options.locale, "unknown option {key!r}; {renderer} knows: {known}")
        raise RenderError(message.format(key=min(unknown), renderer="docx", known="template"))
    template = options.extra.get("template")
    path = Path(template) if template else None
    if path is not None and not path.is_file():
        message = gettext(options.locale, "template {template!r} is not a readable .docx file")
        raise RenderError(message.format(template=template))
    try:
        return document_bytes(build_document(report, options.locale, path))
    except (OpcError, BadZipFile):
        # Not a Word package at all (a PDF, an empty file): a wrong option
        # value, said as for a file that is not there.
        message = gettext(options.locale, "template {template!r} is not a readable .docx file")
        raise RenderError(message.format(template=template)) from None
    except (KeyError, ValueError) as exc:
        if path is None:
            raise
        message = gettext(options.locale, "template {template!r} cannot be used: {error}")
        raise RenderError(message.format(template=template, error=exc)) from None


RENDERER = Renderer(
    name="docx",
    media_type=MEDIA_TYPE,
    suffix=".docx",
    render=render,
    description="Word document after GB/T 9704: official faces, heading styles, merged tables",
    options=frozenset({"template"}),
)


@hookimpl
def govdisclosure_renderers() -> list[Renderer]:
    return [RENDERER]
