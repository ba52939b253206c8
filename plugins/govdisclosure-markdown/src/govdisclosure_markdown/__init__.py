"""Renderer ``markdown``: the whole report as a GitHub-flavoured Markdown document.

Markdown is the format for reading a report in a repository, a pull
request or a wiki, and for diffing two reports as text.  The document has
the report's narrative and every official table with official labels, in
the locale asked for; see :mod:`.document` for the layout and
:mod:`.escape` for why no report text can break it.
"""

from __future__ import annotations

from govdisclosure.editions import Report
from govdisclosure.plugin import Renderer, RenderOptions, hookimpl

from .document import render_markdown
from .escape import escape

__all__ = ["RENDERER", "escape", "govdisclosure_renderers", "render", "render_markdown"]


def render(report: Report, options: RenderOptions) -> bytes:
    """The Markdown document as UTF-8 bytes."""
    return render_markdown(report, options.locale).encode("utf-8")


RENDERER = Renderer(
    name="markdown",
    media_type="text/markdown; charset=utf-8; variant=GFM",
    suffix=".md",
    render=render,
    description="The whole report as a GitHub-flavoured Markdown document",
)


@hookimpl
def govdisclosure_renderers() -> list[Renderer]:
    return [RENDERER]
