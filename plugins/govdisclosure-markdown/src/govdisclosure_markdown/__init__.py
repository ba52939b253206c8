"""Renderer ``markdown``: the whole report as a GitHub-flavoured Markdown document.

Markdown is the format for reading a report in a repository, a pull
request or a wiki, and for diffing two reports as text.  The document has
the report's narrative and every official table with official labels, in
the locale asked for; see :mod:`.document` for the layout and
:mod:`.escape` for why no report text can break it.
"""

from __future__ import annotations

from typing import Final

from govdisclosure.editions import Report
from govdisclosure.plugin import Renderer, RenderOptions, hookimpl
from govdisclosure.rendering import UnknownOptionError, one_of

from .document import render_markdown
from .escape import escape

__all__ = ["RENDERER", "escape", "govdisclosure_renderers", "render", "render_markdown"]


#: The options the renderer reads from ``RenderOptions.extra``.
OPTIONS: Final = {"details": ("false", "true"), "tables": ("pipe", "html")}


def render(report: Report, options: RenderOptions) -> bytes:
    """The Markdown document as UTF-8 bytes.

    ``--option details=true`` adds the unit/period list and the cell legends,
    ``--option tables=html`` draws tables 3 and 4 as HTML tables with their
    merged cells (see :func:`render_markdown`); an unknown option is an
    :class:`~govdisclosure.rendering.UnknownOptionError` and a value it does not
    know an :class:`~govdisclosure.rendering.OptionValueError`, each naming the
    known ones in both locales.
    """
    for key, value in options.extra.items():
        allowed = OPTIONS.get(key)
        if allowed is None:
            raise UnknownOptionError("markdown", key, frozenset(OPTIONS))
        if value not in allowed:
            raise one_of("markdown", key, value, allowed)
    details = options.extra.get("details", "false") == "true"
    html_tables = options.extra.get("tables", "pipe") == "html"
    markdown = render_markdown(report, options.locale, details=details, html_tables=html_tables)
    return markdown.encode("utf-8")


RENDERER = Renderer(
    name="markdown",
    media_type="text/markdown; charset=utf-8; variant=GFM",
    suffix=".md",
    render=render,
    description="The whole report as a GitHub-flavoured Markdown document",
    options=frozenset(OPTIONS),
)


@hookimpl
def govdisclosure_renderers() -> list[Renderer]:
    return [RENDERER]
