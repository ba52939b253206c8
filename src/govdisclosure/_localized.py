"""The base of the errors the library raises to its Python callers, said in
both locales (re-exported by :mod:`govdisclosure.errors`).

Kept apart, importing nothing but the standard library at first, because
:mod:`govdisclosure.i18n` derives its ``UnknownLocaleError`` from it and
``govdisclosure --help`` imports the catalogs and nothing more.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

__all__ = ["LocalizedError", "Msg"]


class Msg(str):
    """A parameter of a :class:`LocalizedError` that is itself a message id,
    said in the locale the error is shown in (``expected`` of a cell)."""

    __slots__ = ()


_E = TypeVar("_E", bound="LocalizedError")


def _rebuild(cls: type[_E], args: tuple[object, ...], state: dict[str, Any]) -> _E:
    """Unpickle a :class:`LocalizedError` by its parts (see ``__reduce__``)."""
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    return error


class LocalizedError(Exception):
    """An error the library raises to a Python caller, said in both locales.

    * ``code``: a stable identifier of the reason (``"cell-value"``,
      ``"unknown-renderer"`` …), for programs that handle some reasons
      themselves; never translated;
    * ``path``: the field the error is about (``"ApplicantRow.natural_person"``),
      or ``None``;
    * ``message_id`` and ``params``: the message, an English message id of
      the catalogs with ``{placeholders}``; a parameter that is a :class:`Msg`
      is translated too.

    ``str()`` is the Chinese text, a line break and the English text, as for
    :class:`LoadError`: the library keeps no locale of its own (a process may
    serve both), so the text a log or a traceback shows is readable by
    either reader; :meth:`render` gives one locale.  The types that derive
    from it also derive from the built-in type they always were
    (``ValueError``, ``TypeError``, ``LookupError``, ``KeyError``).
    """

    code: str
    path: str | None
    message_id: str
    params: dict[str, object]

    def _localize(
        self,
        code: str,
        message_id: str,
        params: Mapping[str, object] | None = None,
        *,
        path: str | None = None,
        args: tuple[object, ...] | None = None,
    ) -> None:
        """Set the parts, then the exception's ``args``: ``args`` when given
        (a ``KeyError`` keeps its key), else the text of :meth:`__str__`."""
        self.code = code
        self.path = path
        self.message_id = message_id
        self.params = dict(params or {})
        Exception.__init__(self, *(args if args is not None else (str(self),)))

    def render(self, locale: str = "zh_Hans_CN") -> str:
        """The message in ``locale`` with its parameters filled in."""
        # A plugin's error (its own message ids) is said from its catalogs.
        from .i18n import message, series, spaced

        def said(value: object) -> object:
            if isinstance(value, Msg):
                return message(locale, value)
            if isinstance(value, tuple | list):
                return series(locale, map(str, value))
            return value

        return spaced(
            locale,
            message(locale, self.message_id),
            **{key: said(value) for key, value in self.params.items()},
        )

    def __str__(self) -> str:
        return self.render("zh_Hans_CN") + "\n" + self.render("en")

    def __reduce__(self) -> tuple[Callable[..., Any], tuple[object, ...]]:
        """Pickled by its parts, whatever the subclass's ``__init__`` takes: an
        error raised in a worker process reaches the caller as itself."""
        return (_rebuild, (type(self), self.args, dict(self.__dict__)))
