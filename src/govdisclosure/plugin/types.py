"""The values plugins hand to the core through the hooks in :mod:`.hookspecs`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from attrs import field, frozen

from ..editions import Report
from ..i18n import MessageCatalog

__all__ = ["ImportOutcome", "Loader", "MessageCatalog", "RenderOptions", "Renderer"]


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
    render: Callable[[Report, RenderOptions], bytes]
    #: Editions the renderer supports ("2021", "2019", "legacy"); ``None``
    #: when it lays out any edition's tables from their definitions (the
    #: built-in renderers do), editions added by plugins included.
    editions: frozenset[str] | None = None
    description: str = ""
    #: A fill-in form of the report, for formats a unit fills in and sends
    #: back (the Excel filing template): ``govdisclosure new --to NAME``
    #: writes ``form(blank_report, options)``.  None when the format has none.
    form: Callable[[Report, RenderOptions], bytes] | None = None
    #: The keys of ``--option KEY=VALUE`` (:attr:`RenderOptions.extra`) the
    #: renderer reads: any other key is refused before it renders, naming
    #: these (a typo is never ignored).  ``None`` when the renderer does not
    #: say, and checks its options itself.
    options: frozenset[str] | None = None

    def supports(self, edition: str) -> bool:
        """Whether the renderer can render reports of ``edition``."""
        return self.editions is None or edition in self.editions


@frozen(kw_only=True)
class ImportOutcome:
    """What an importing loader found in one file, for ``govdisclosure import``.

    ``report`` is None when nothing could be imported.  ``provenance`` is
    the loader's own JSON-ready record of where each cell was printed
    (written beside the report, never inside it).  ``errors`` and
    ``warnings`` are messages in the locale asked for; ``complete`` is True
    when every cell of the report was placed without doubt.
    """

    report: Report | None
    provenance: Mapping[str, object]
    cells_placed: int = 0
    cells_not_placed: int = 0
    complete: bool = False
    errors: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


@frozen(kw_only=True)
class ImportOptions:
    """Choices of ``govdisclosure import`` that importing loaders honour."""

    #: Keep a pre-2019 statistics table that fits no shipped template
    #: exactly as printed, on a template derived from it.
    derive_templates: bool = False
    #: Reads a file the document links (a web page's style sheet) by the
    #: address printed in it: its bytes, or None when it is not read.  None
    #: leaves it to the loader (the HTML loader reads the sheets saved beside
    #: a page read from a file); ``govdisclosure import URL`` gives a reader
    #: that fetches them from the page's own site.
    linked_file: Callable[[str], bytes | None] | None = None


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
    #: ``trace(data, source, locale)``: the import with its provenance, for
    #: loaders that read published documents (``govdisclosure import``).
    trace: Callable[[bytes, str, str], ImportOutcome] | None = None
    #: ``trace_with(data, source, locale, options)``: the same, honouring
    #: the import's :class:`ImportOptions` (loaders that support them).
    trace_with: Callable[[bytes, str, str, ImportOptions], ImportOutcome] | None = None
