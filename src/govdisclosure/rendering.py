"""Rendering a report through whichever renderer plugin provides the format.

The core ships no renderer of its own: JSON, Markdown and PDF are plugins
(``plugins/govdisclosure-*``) found through the entry-point group
``govdisclosure``.  This module only looks the renderer up, checks that it
supports the report's edition and calls it; it returns bytes, because
where and how to write them (atomically, with or without overwriting) is
the caller's decision.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .editions import Report
from .plugin import manager as plugin_manager
from .plugin.types import Renderer, RenderOptions

__all__ = [
    "RenderError",
    "UnknownRendererError",
    "UnsupportedEditionError",
    "get_renderer",
    "render",
]


class RenderError(ValueError):
    """A report cannot be rendered as asked."""


class UnknownRendererError(RenderError, LookupError):
    """No installed plugin provides the requested format.

    ``available`` lists the renderer names that are installed, so the
    message can tell the user what to type instead.
    """

    def __init__(self, name: str, available: tuple[str, ...]) -> None:
        self.name = name
        self.available = available
        shown = ", ".join(available) if available else "none (install a renderer plugin)"
        super().__init__(f"unknown renderer {name!r}; available: {shown}")

    def __str__(self) -> str:
        # LookupError (KeyError-like) would repr() the message otherwise.
        return str(self.args[0])


class UnsupportedEditionError(RenderError):
    """The renderer exists but does not support the report's edition."""

    def __init__(self, renderer: Renderer, edition: str) -> None:
        self.renderer = renderer
        self.edition = edition
        supported = ", ".join(sorted(renderer.editions or ())) or "none"
        super().__init__(
            f"renderer {renderer.name!r} does not support the {edition!r} edition"
            f" (it supports: {supported})"
        )


def get_renderer(name: str) -> Renderer:
    """The installed renderer called ``name``, or :class:`UnknownRendererError`."""
    available = plugin_manager.renderers()
    try:
        return available[name]
    except KeyError:
        raise UnknownRendererError(name, tuple(sorted(available))) from None


def _unknown_option(name: str, key: str, known: frozenset[str], locale: str) -> str:
    from .i18n import gettext, series

    if not known:
        message = gettext(locale, "unknown option {key!r}; {renderer} takes no options")
        return message.format(key=key, renderer=name)
    message = gettext(locale, "unknown option {key!r}; {renderer} knows: {known}")
    return message.format(key=key, renderer=name, known=series(locale, sorted(known)))


def render(
    report: Report,
    to: str,
    *,
    locale: str = "zh_Hans_CN",
    charts: bool = False,
    font: str | Path | None = None,
    **extra: Any,
) -> bytes:
    """The whole document for ``report`` in the format ``to`` ("pdf", "markdown", "json" …).

    ``to`` is the name of an installed renderer plugin
    (:func:`govdisclosure.plugin.manager.renderers`); an unknown one raises
    :class:`UnknownRendererError`, listing the installed ones, and one that
    does not support the report's edition :class:`UnsupportedEditionError`.
    ``locale`` is the language of the labels and text the document adds
    (``"zh_Hans_CN"``, the default, or ``"en"``); what the report printed
    stays as printed.  ``charts`` adds the charts of renderers that draw
    them (PDF).  ``font`` is a TrueType file or a font configuration for
    renderers that embed fonts (see docs/pdf.md).  ``extra`` holds
    renderer-specific options; they reach the renderer as text in
    :attr:`RenderOptions.extra`, the same way the CLI passes them
    (``--option KEY=VALUE``); a renderer refuses a key it does not read
    with :class:`RenderError`.
    """
    renderer = get_renderer(to)
    edition = report.edition
    if not renderer.supports(edition):
        raise UnsupportedEditionError(renderer, edition)
    if renderer.options is not None:
        unknown = sorted(set(extra) - renderer.options)
        if unknown:
            raise RenderError(_unknown_option(renderer.name, unknown[0], renderer.options, locale))
    options = RenderOptions(
        locale=locale,
        charts=charts,
        font=Path(font) if font is not None else None,
        extra={key: str(value) for key, value in extra.items()},
    )
    return renderer.render(report, options)
