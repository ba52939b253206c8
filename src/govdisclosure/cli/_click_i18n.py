"""click's own words, and every command's help, in the user's locale.

click marks its messages ("Usage:", "Missing argument", "No such option")
with :func:`gettext.gettext` from the standard library, which reads
compiled ``.mo`` files of the global ``messages`` domain and picks the
language from the environment alone.  Neither fits: our catalogs are the
``.po`` files of :mod:`govdisclosure.i18n`, and ``--locale`` must win over
the environment.  So while a command line runs, the ``_``/``ngettext`` names
of click's modules are pointed at our catalogs for the chosen locale
(:func:`click_locale`) and put back afterwards.  The ids below are click's
own text, listed here so the catalogs keep their translations; an id that
is not listed (a message added by a later click) is shown as click wrote it.

The help of commands and options is English in the code (the message id)
and translated when shown (:func:`localize`); ``scripts/update_catalogs.py``
collects it from the commands themselves.
"""

from __future__ import annotations

import contextlib
import importlib
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    import click


def N_(msgid: str) -> str:
    """Mark click's text as a message id (the catalogs are imported later)."""
    return msgid


__all__ = ["CLICK_MESSAGES", "click_locale", "localize", "message_id"]

#: click's messages that a user of the command line sees, as click words them
#: (not the ``--version`` line: a product name and a number need no
#: catalog, and loading one would triple the time ``--version`` takes).
CLICK_MESSAGES: Final = (
    N_("Usage:"),
    N_("Options"),
    N_("Commands"),
    N_("Error: {message}"),
    N_("Try '{command} {option}' for help."),
    N_("Show this message and exit."),
    N_("Show the version and exit."),
    N_("Missing argument"),
    N_("Missing option"),
    N_("Missing parameter"),
    N_("Missing command."),
    N_("Missing {param_type}"),
    N_("Missing parameter: {param_name}"),
    N_("No such command {name!r}."),
    N_("No such option {name!r}."),
    N_("No such option: {name}"),
    N_("Option {name!r} does not take a value."),
    N_("Invalid value for {param_hint}: {message}"),
    N_("Invalid value: {message}"),
    N_("Aborted!"),
    N_("required"),
    N_("default: {default}"),
    N_("env var: {var}"),
    N_("{value!r} is not a valid {number_type}."),
    N_("{value} is not in the range {range}."),
    N_("{name} {filename!r} does not exist."),
    N_("{name} {filename!r} is a directory."),
    N_("{name} {filename!r} is a file."),
    N_("{name} {filename!r} is not readable."),
    N_("{name} {filename!r} is not writable."),
    N_("file"),
    N_("directory"),
    N_("path"),
    N_("integer"),
    N_("float"),
)

#: click's messages with a plural form: (singular, plural), each form a
#: message id of its own.
CLICK_PLURALS: Final = (
    (
        N_("Got unexpected extra argument ({args})"),
        N_("Got unexpected extra arguments ({args})"),
    ),
    (N_("Did you mean {possibility}?"), N_("(Did you mean one of: {possibilities}?)")),
    (
        N_("Option {name!r} requires an argument."),
        N_("Option {name!r} requires {nargs} arguments."),
    ),
    (N_("{value!r} is not {choice}."), N_("{value!r} is not one of {choices}.")),
)

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

#: Help of the options click adds itself (``--help``, ``--version``): click
#: asks for it while parsing any command line, so it is translated when help
#: is shown (:func:`localize`), not then — ``--version`` must not load a catalog.
_AT_HELP: Final = frozenset({"Show this message and exit.", "Show the version and exit."})

_KNOWN: Final = frozenset(CLICK_MESSAGES) - _AT_HELP
_KNOWN_PLURALS: Final = frozenset(CLICK_PLURALS)


@contextlib.contextmanager
def click_locale(locale: Callable[[], str]) -> Iterator[None]:
    """click's messages in the locale ``locale()`` gives, for the duration
    of the block (asked only when click has something to say)."""

    def translate(message: str) -> str:
        if message not in _KNOWN:
            return message
        from ..i18n import gettext

        return gettext(locale(), message)

    def translate_plural(singular: str, plural: str, n: int) -> str:
        # click picks the form by the English rule (n == 1); each form is
        # its own message id, translated as it stands.
        form = singular if n == 1 else plural
        if (singular, plural) not in _KNOWN_PLURALS:
            return form
        from ..i18n import gettext

        return gettext(locale(), form)

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


def localize(command: click.Command, locale: str, ctx: click.Context | None = None) -> None:
    """Show ``command``'s help and its options' help in ``locale`` (with
    ``ctx``, the ``--help`` option click adds is included)."""
    _translated(command, "help", locale)
    _translated(command, "short_help", locale)
    params = command.get_params(ctx) if ctx is not None else command.params
    for param in params:
        _translated(param, "help", locale)
        if isinstance(getattr(param, "show_default", None), str):
            _translated(param, "show_default", locale)
