"""The values plugins hand to the core through the hooks in :mod:`.hookspecs`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from attrs import field, frozen

from .registry import Report

__all__ = ["Loader", "RenderOptions", "Renderer"]


@frozen(kw_only=True)
class RenderOptions:
    """What a caller asks of a renderer.

    ``locale`` is ``"zh_Hans_CN"`` (official wording, the default) or
    ``"en"``.  ``extra`` carries renderer-specific options as text (for
    example ``{"font": "/usr/share/fonts/..."}``) so that the CLI can pass
    ``--option key=value`` without knowing every renderer.
    """

    locale: str = "zh_Hans_CN"
    #: Add charts where the renderer can draw them (PDF).
    charts: bool = False
    #: A TrueType font to embed (PDF); None lets the renderer search.
    font: Path | None = None
    extra: Mapping[str, str] = field(factory=dict)


@frozen(kw_only=True)
class Renderer:
    """A named output format.

    ``render(report, options)`` returns the whole document as bytes; writing
    files is the caller's business (the CLI writes atomically).
    """

    name: str
    media_type: str
    #: File suffix with the dot (".pdf").
    suffix: str
    #: Editions the renderer supports ("2021", "2019", "legacy").
    editions: frozenset[str]
    render: Callable[[Report, RenderOptions], bytes]
    description: str = ""
    #: A fill-in form of the report, for formats a unit fills in and sends
    #: back (the Excel filing template): ``govdisclosure new --to NAME``
    #: writes ``form(blank_report, options)``.  None when the format has none.
    form: Callable[[Report, RenderOptions], bytes] | None = None


@frozen(kw_only=True)
class Loader:
    """A reader of another input format (Excel, HTML …) into a report.

    ``load(data, source)`` gets the raw bytes and the file name and returns a
    report or raises :class:`~govdisclosure.errors.LoadError`.
    """

    name: str
    #: File suffixes it reads, with the dot (".xlsx").
    suffixes: frozenset[str]
    load: Callable[[bytes, str], Report]
    description: str = ""
