"""Which locale a command line speaks, decided before anything heavy is imported.

``--locale`` anywhere on the line wins; else the environment (GNU's
``LANGUAGE`` priority list, then ``LC_ALL``, ``LC_MESSAGES``, ``LANG``, in
POSIX order); else Chinese, the official wording.  The catalogs (and Babel)
are imported only when a locale has to be normalised, so ``govdisclosure
--version`` never pays for them.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Final

__all__ = ["LOCALE_VARIABLES", "command_line_locale", "environment_locale"]

#: The environment variables that name the user's locale, in POSIX order
#: (``LANGUAGE``, GNU's priority list of languages, is read before them).
LOCALE_VARIABLES: Final = ("LC_ALL", "LC_MESSAGES", "LANG")


def _language(value: str) -> str:
    """``zh_CN.UTF-8@modifier`` → ``zh_CN``."""
    return value.split(".")[0].split("@")[0].strip()


def environment_locale() -> str:
    """The locale the environment asks for, as GNU gettext reads it.

    The first of ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` that is set is the
    user's locale (POSIX); where it is set and not ``C``/``POSIX``,
    ``LANGUAGE`` (a colon-separated priority list, ``LANGUAGE=en:zh_CN`` as
    desktops set it) is tried first and its first language the library
    speaks wins.  ``C``, ``POSIX``, an unsupported language or nothing set
    give Chinese, the official wording.
    """
    from ..i18n import LOCALES, UnknownLocaleError, normalize_locale

    base = next((v for v in (_language(os.environ.get(n, "")) for n in LOCALE_VARIABLES) if v), "")
    if base in ("", "C", "POSIX"):
        return LOCALES[0]  # GNU gettext, too, reads no LANGUAGE in the C locale
    for wanted in os.environ.get("LANGUAGE", "").split(":"):
        if wanted := _language(wanted):
            try:
                return normalize_locale(wanted)
            except UnknownLocaleError:
                continue
    try:
        return normalize_locale(base)
    except UnknownLocaleError:
        return LOCALES[0]


def command_line_locale(args: Sequence[str]) -> str:
    """The locale a command line asks for: its last ``--locale``/``-l``
    (before or after the command name), else the environment's.  A value
    that is not a locale is left for the option itself to refuse."""
    from ..i18n import UnknownLocaleError, normalize_locale

    wanted: str | None = None
    items = list(args)
    for i, arg in enumerate(items):
        if arg == "--":
            break
        if arg in ("--locale", "-l") and i + 1 < len(items):
            wanted = items[i + 1]
        elif arg.startswith("--locale="):
            wanted = arg.partition("=")[2]
        elif arg.startswith("-l") and not arg.startswith("--") and len(arg) > 2:
            wanted = arg[2:]
    if wanted is not None:
        try:
            return normalize_locale(wanted)
        except UnknownLocaleError:
            pass
    return environment_locale()
