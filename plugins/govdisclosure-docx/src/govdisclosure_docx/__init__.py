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
from govdisclosure.filefaults import library_words
from govdisclosure.i18n import N_
from govdisclosure.plugin import Renderer, RenderOptions, hookimpl
from govdisclosure.rendering import OptionValueError, UnknownOptionError

from .document import build_document, document_bytes

__all__ = ["RENDERER", "render"]

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def render(report: Report, options: RenderOptions) -> bytes:
    """The Word document as bytes."""
    unknown = set(options.extra) - {"template"}
    if unknown:
        raise UnknownOptionError("docx", min(unknown), frozenset({"template"}))
    template = options.extra.get("template")
    path = Path(template) if template else None
    if path is not None and not path.is_file():
        raise _not_a_template(str(template))
    try:
        return document_bytes(build_document(report, options.locale, path))
    except (OpcError, BadZipFile):
        # Not a Word package at all (a PDF, an empty file): a wrong option
        # value, said as for a file that is not there.
        raise _not_a_template(str(template)) from None
    except (KeyError, ValueError) as exc:
        if path is None:
            raise
        # python-docx's words on why: the marked detail, not our message.
        raise OptionValueError(
            "docx",
            "template",
            str(template),
            N_("template {template!r} cannot be used"),
            {"template": str(template)},
            detail=library_words(exc),
        ) from None


def _not_a_template(template: str) -> OptionValueError:
    return OptionValueError(
        "docx",
        "template",
        template,
        N_("template {template!r} is not a readable .docx file"),
        {"template": template},
    )


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
