"""Renderer ``json``: the report in govdisclosure's own lossless JSON.

Rendering through the plugin system (rather than calling ``dumps``) lets
the CLI, ``make demo`` and any tool that iterates over the installed
renderers treat JSON like every other output format.  The bytes are
exactly ``govdisclosure.dumps(report).encode()``, so the output loads back
to an equal report; the core's stable key order makes the output
byte-for-byte reproducible.

The JSON Schema of this output comes from the core
(``govdisclosure.schema.json_schema(edition)``), not from a second
renderer: a schema describes an edition, not a report.
"""

from __future__ import annotations

from govdisclosure.codec import dumps_bytes
from govdisclosure.editions import Report
from govdisclosure.plugin import Renderer, RenderOptions, hookimpl

__all__ = ["RENDERER", "govdisclosure_renderers", "render_json"]


def render_json(report: Report, options: RenderOptions) -> bytes:
    """The report as UTF-8 JSON; ``options`` are ignored (data has no locale).

    The bytes of :func:`govdisclosure.dumps`, written without the round trip
    through ``str`` (which tripled the cost of a report of many parts).
    """
    return dumps_bytes(report)


RENDERER = Renderer(
    name="json",
    media_type="application/json",
    suffix=".json",
    render=render_json,
    description="The report as govdisclosure JSON (lossless; loads back to an equal report)",
    options=frozenset(),
)


@hookimpl
def govdisclosure_renderers() -> list[Renderer]:
    return [RENDERER]
