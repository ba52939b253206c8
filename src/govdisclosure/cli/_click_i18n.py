"""click's own words, and every command's help, in the user's locale.

click marks its messages ("Usage:", "Missing argument", "No such option")
with :func:`gettext.gettext` from the standard library, which reads
compiled ``.mo`` files of the global ``messages`` domain and picks the
language from the environment alone.  Neither fits: our catalogs are the
``.po`` files of :mod:`govdisclosure.i18n`, and ``--locale`` must win over
the environment.  So while a command line runs, the ``_``/``ngettext`` names
of click's modules are pointed at our catalogs for the chosen locale
(:func:`click_locale`) and put back afterwards.

The message ids are click's own text, taken from the installed click by
``scripts/update_catalogs.py`` (Babel's extractor over click's source, the
names of its parameter types and its default metavariables ``[OPTIONS]``
and ``COMMAND [ARGS]...``), never listed by hand; ``--check`` fails when a
click release adds a message the catalogs lack, so the click versions the
catalogs were made for are pinned in ``pyproject.toml``.

What click words once, when a parameter is made (the name of a path
parameter, ``"file"``) or never passes through gettext (``[OPTIONS]``, the
type names shown as ``TEXT``, ``INTEGER``), is kept as its message id and
translated each time help or an error is shown (:func:`localize`).  The
help of commands and options is English in the code (the message id) and
translated the same way; ``scripts/update_catalogs.py`` collects it from
the commands themselves.
"""

from __future__ import annotations

import contextlib
import importlib
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    import click

__all__ = ["click_locale", "localize", "message_id", "untranslated"]

#: click's modules that import ``gettext``/``ngettext`` by name.
_MODULES: Final = (
    "click.core",
    "click.decorators",
    "click.exceptions",
    "click.formatting",
    "click.parser",
    "click.types",
    "click.termui",
    "click.utils",
)

#: click's messages that are not translated while a command line is parsed:
#: the help of the options click adds itself (``--help``, ``--version``),
#: asked for while parsing any command line (translated when help is shown,
#: :func:`localize`), and the ``--version`` line — a product name and a
#: number, printed without loading a catalog (that would triple its time).
_NOT_WHILE_PARSING: Final = frozenset(
    {"Show this message and exit.", "Show the version and exit.", "%(prog)s, version %(version)s"}
)

#: What :func:`localize` translated during the command line being run:
#: ``(object, attribute)`` by identity, put back to its message id when the
#: run ends, so no command, option or shared click type (``click.STRING``)
#: keeps one run's language for the next (a test runner, a server).
_shown: dict[tuple[int, str], tuple[object, str]] = {}

#: Whether click's messages are translated now (not while a command's
#: module is imported: what click words then is kept for every locale).
_translating: list[bool] = [True]


@contextlib.contextmanager
def untranslated() -> Iterator[None]:
    """click's messages as click words them during the block: a command's
    module imported under one locale must not keep that locale's words
    (a path parameter's name) for the next command line."""
    _translating.append(False)
    try:
        yield
    finally:
        _translating.pop()


@contextlib.contextmanager
def click_locale(locale: Callable[[], str]) -> Iterator[None]:
    """click's messages in the locale ``locale()`` gives, for the duration
    of the block (asked only when click has something to say)."""

    def translate(message: str) -> str:
        if message in _NOT_WHILE_PARSING or not _translating[-1]:
            return message
        from ..i18n import gettext

        return gettext(locale(), message)

    def translate_plural(singular: str, plural: str, n: int) -> str:
        if not _translating[-1]:
            return singular if n == 1 else plural
        from ..i18n import ngettext

        return ngettext(locale(), singular, plural, n)

    saved: list[tuple[object, str, object]] = []
    for name in _MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:  # pragma: no cover - a click without the module
            continue
        for attr, value in (("_", translate), ("ngettext", translate_plural)):
            if hasattr(module, attr):
                saved.append((module, attr, getattr(module, attr)))
                setattr(module, attr, value)
    try:
        yield
    finally:
        for owner, attr, original in reversed(saved):
            setattr(owner, attr, original)
        for obj, attr in _shown.values():
            setattr(obj, attr, getattr(obj, f"_gd_msgid_{attr}"))
        _shown.clear()


def message_id(obj: object, attr: str) -> str | None:
    """The message id of ``obj.attr`` (a command's or option's help), even
    after :func:`localize` showed it in another language."""
    value = getattr(obj, f"_gd_msgid_{attr}", getattr(obj, attr, None))
    return value if isinstance(value, str) else None


def _translated(obj: object, attr: str, locale: str) -> None:
    """Set ``obj.attr`` to its message id translated into ``locale``,
    remembering the id so the next locale starts from it again."""
    from ..i18n import gettext

    key = f"_gd_msgid_{attr}"
    if not hasattr(obj, key):
        setattr(obj, key, getattr(obj, attr, None))
    msgid = getattr(obj, key)
    if isinstance(msgid, str) and msgid:
        setattr(obj, attr, gettext(locale, msgid))
        _shown[(id(obj), attr)] = (obj, attr)


def localize(command: click.Command, locale: str, ctx: click.Context | None = None) -> None:
    """Show ``command``'s help, its options' help and click's words about
    them (``[OPTIONS]``, ``COMMAND [ARGS]...``, the names of parameter
    types, shown as ``TEXT`` or in "'x' is not a valid integer") in
    ``locale``; with ``ctx``, the ``--help`` option click adds is included."""
    for attr in ("help", "short_help", "options_metavar", "subcommand_metavar"):
        _translated(command, attr, locale)
    params = command.get_params(ctx) if ctx is not None else command.params
    for param in params:
        _translated(param, "help", locale)
        if isinstance(getattr(param, "show_default", None), str):
            _translated(param, "show_default", locale)
        # click's types are shared (click.STRING): each command line sets
        # their names to its locale before anything is shown.
        _translated(param.type, "name", locale)
