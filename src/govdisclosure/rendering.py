"""Rendering a report through whichever renderer plugin provides the format.

The core ships no renderer of its own: JSON, Markdown and PDF are plugins
(``plugins/govdisclosure-*``) found through the entry-point group
``govdisclosure``.  This module only looks the renderer up, checks that it
supports the report's edition and calls it; it returns bytes, because
where and how to write them (atomically, with or without overwriting) is
the caller's decision.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .editions import Report
from .errors import LocalizedError, Msg, with_detail
from .i18n import N_
from .plugin import manager as plugin_manager
from .plugin.types import Renderer, RenderOptions

__all__ = [
    "OptionValueError",
    "RenderError",
    "UnknownOptionError",
    "UnknownRendererError",
    "UnsupportedEditionError",
    "get_renderer",
    "one_of",
    "render",
]


class RenderError(ValueError):
    """A report cannot be rendered as asked."""


class UnknownRendererError(LocalizedError, RenderError, LookupError):
    """No installed plugin provides the requested format (``code``
    ``"unknown-renderer"``).

    ``available`` lists the renderer names that are installed, so the
    message can tell the user what to type instead.
    """

    def __init__(self, name: str, available: tuple[str, ...]) -> None:
        self.name = name
        self.available = available
        shown: object = available or Msg(N_("none (install a renderer plugin)"))
        self._localize(
            "unknown-renderer",
            N_("unknown renderer {name!r}; available: {available}"),
            {"name": name, "available": shown},
        )


class UnsupportedEditionError(LocalizedError, RenderError):
    """The renderer exists but does not support the report's edition
    (``code`` ``"unsupported-edition"``)."""

    def __init__(self, renderer: Renderer, edition: str) -> None:
        self.renderer = renderer
        self.edition = edition
        supported: object = tuple(sorted(renderer.editions or ())) or Msg(N_("none"))
        self._localize(
            "unsupported-edition",
            N_(
                "renderer {name!r} does not support the {edition!r} edition (it supports: {supported})"
            ),
            {"name": renderer.name, "edition": edition, "supported": supported},
        )


class UnknownOptionError(LocalizedError, RenderError):
    """An option (``extra``) the renderer does not read (``code``
    ``"unknown-option"``); ``key`` is the option, ``known`` those it reads."""

    def __init__(self, renderer: str, key: str, known: frozenset[str]) -> None:
        self.renderer = renderer
        self.key = key
        self.known = known
        if known:
            message = N_("unknown option {key!r}; {renderer} knows: {known}")
        else:
            message = N_("unknown option {key!r}; {renderer} takes no options")
        self._localize(
            "unknown-option",
            message,
            {"key": key, "renderer": renderer, "known": tuple(sorted(known))},
        )


class OptionValueError(LocalizedError, RenderError):
    """A value a renderer cannot use for one of its options (``code``
    ``"option-value"``, ``path`` the option): ``table4=sideways`` to the PDF
    renderer, a ``template`` that is not a Word file to the Word renderer.

    Raised by the renderers themselves, which alone know their options'
    values; ``renderer``, ``key`` and ``value`` say which.  ``message_id`` is
    a message of the catalogs with ``{key}`` and ``{value}`` among its
    fields; ``params`` fills the others (a tuple is listed as the locale
    lists names: ``auto、portrait、landscape``).  ``detail`` is another
    library's words on why (python-docx's, of a template it cannot use),
    never part of the message: shown at its end, marked as the detail
    (``…（详情：ValueError: …）``, :func:`govdisclosure.errors.with_detail`).
    """

    def __init__(
        self,
        renderer: str,
        key: str,
        value: str,
        message_id: str,
        params: Mapping[str, object] | None = None,
        *,
        detail: str = "",
    ) -> None:
        self.renderer = renderer
        self.key = key
        self.value = value
        self.detail = detail
        self._localize(
            "option-value", message_id, {**(params or {}), "key": key, "value": value}, path=key
        )

    def render(self, locale: str = "zh_Hans_CN") -> str:
        text = super().render(locale)
        return with_detail(locale, text, self.detail) if self.detail else text


def one_of(renderer: str, key: str, value: str, allowed: tuple[str, ...]) -> OptionValueError:
    """The error of an option whose value is not one of ``allowed``:
    ``table4 must be one of auto, portrait, landscape, not 'sideways'``."""
    return OptionValueError(
        renderer,
        key,
        value,
        N_("{key} must be one of {allowed}, not {value!r}"),
        {"allowed": allowed},
    )


def get_renderer(name: str) -> Renderer:
    """The installed renderer called ``name``, or :class:`UnknownRendererError`."""
    available = plugin_manager.renderers()
    try:
        return available[name]
    except KeyError:
        raise UnknownRendererError(name, tuple(sorted(available))) from None


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
            raise UnknownOptionError(renderer.name, unknown[0], renderer.options)
    options = RenderOptions(
        locale=locale,
        charts=charts,
        font=Path(font) if font is not None else None,
        extra={key: str(value) for key, value in extra.items()},
    )
    return renderer.render(report, options)
