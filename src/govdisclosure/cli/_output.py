"""Options and output shared by the commands: locale, edition, atomic files.

A command that writes a file writes it to a temporary name in the same
directory and renames it into place, so an interrupted run never leaves a
half-written file, and it refuses to replace an existing file unless asked
to (``--force``): a blank report written over a filled-in one would lose a
year's work.
"""

from __future__ import annotations

import errno
import os
import stat
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import click

from ..editions import EDITIONS
from ..files import write_atomic
from ..i18n import LOCALES, UnknownLocaleError, gettext, normalize_locale, series
from ..oserrors import os_error_text
from ..plugin import manager as plugin_manager
from ._locale import LOCALE_VARIABLES, environment_locale

if TYPE_CHECKING:
    from rich.console import Console

__all__ = [
    "EXIT_UNWRITABLE",
    "LOCALE_VARIABLES",
    "PRINTED_PROBLEMS",
    "OutputError",
    "edition_option",
    "environment_locale",
    "locale_option",
    "make_output_folder",
    "output_exists",
    "output_options",
    "printable",
    "refuse_unwritable_folder",
    "terminal",
    "unwritable",
    "warn_plugin_failures",
    "write_output",
]


#: Problems (of an unreadable file) and findings (of a report) printed per
#: file as text; the rest are counted in one "and N more" line.  Machine
#: formats (``validate --format json``) list every one.
PRINTED_PROBLEMS: Final = 100


def _locale(ctx: click.Context, param: click.Parameter, value: str) -> str:
    try:
        return normalize_locale(value)
    except UnknownLocaleError:
        # Said in the locale the rest of the line is in (the environment's).
        told = getattr(ctx.find_root().command, "locale", LOCALES[0])
        message = gettext(told, "unknown locale {locale!r}; supported: {supported}")
        supported = gettext(told, "{locales} (also {variants})").format(
            locales=series(told, LOCALES), variants=series(told, ("zh_CN", "zh", "en_US …"))
        )
        raise click.BadParameter(
            message.format(locale=value, supported=supported), ctx, param
        ) from None


def locale_option() -> click.Option:
    """``--locale``: a supported locale or a variant of one (``zh_CN``, ``en_US``);
    by default the environment's (:func:`environment_locale`)."""
    return click.Option(
        ["--locale", "-l"],
        metavar="LOCALE",
        default=environment_locale,
        show_default="LANGUAGE / LC_ALL / LC_MESSAGES / LANG, else zh_Hans_CN",
        callback=_locale,
        help=f"Language of labels and messages: {', '.join(LOCALES)} (or a variant, e.g. zh_CN, en_US).",
    )


class _EditionChoice(click.Choice[str]):
    """The known editions, asked when the option is used (not when the
    command line is built): editions that plugins add are known only once
    the plugins are loaded, and loading them costs start-up time."""

    def __init__(self) -> None:
        super().__init__(())

    @property
    def choices(self) -> tuple[str, ...]:
        return tuple(EDITIONS)

    @choices.setter
    def choices(self, value: object) -> None:
        pass


def edition_option(required: bool = True) -> click.Option:
    """``--edition``: one of the editions the library models."""
    return click.Option(
        ["--edition", "-e"],
        type=_EditionChoice(),
        required=required,
        help="Report format: 2021 (国办公开办函〔2021〕30号), 2019 (〔2019〕60号) or legacy (pre-2019).",
    )


def output_options() -> list[click.Option]:
    """``-o/--output`` and ``--force``."""
    return [
        click.Option(
            ["--output", "-o"],
            type=click.Path(dir_okay=False, path_type=Path),
            metavar="FILE",
            default=None,
            help="Write to this file (atomically) instead of standard output.",
        ),
        click.Option(
            ["--force", "-f"],
            is_flag=True,
            default=False,
            help="Replace the output file if it exists.",
        ),
    ]


#: The exit status of every command whose output file or folder cannot be
#: written (docs/cli.md): that of bad usage and unreadable input.
EXIT_UNWRITABLE: Final = 2


class OutputError(click.ClickException):
    """An output file or folder that cannot be written: one line naming it
    and why, exit status :data:`EXIT_UNWRITABLE` whatever the command."""

    exit_code = EXIT_UNWRITABLE


def unwritable(path: str | os.PathLike[str], exc: OSError, locale: str) -> OutputError:
    """The error of ``path`` that cannot be written (``exc``), said in ``locale``."""
    message = gettext(locale, "Cannot write {path}: {reason}")
    return OutputError(message.format(path=os.fspath(path), reason=os_error_text(exc, locale)))


def output_exists(path: str | os.PathLike[str], locale: str) -> OutputError:
    """The refusal of an output ``path`` that exists (without ``--force``):
    one line naming it, said in ``locale``, exit status
    :data:`EXIT_UNWRITABLE` — as every command says it, not bad usage with
    the command's usage lines above it (the command line is right, the
    file is in the way)."""
    message = gettext(locale, "{path} exists; use --force to replace it")
    return OutputError(message.format(path=os.fspath(path)))


def refuse_unwritable_folder(path: Path, force: bool, locale: str) -> None:
    """Raise the error of ``path`` that cannot be written (:func:`unwritable`)
    when the folder it goes into is not there, not a folder or not writable:
    said before a long run reads its inputs, as ``export``, ``render`` and
    ``import`` say it by opening their outputs first, not after every input
    was read.  The folder is the one :func:`~govdisclosure.files.write_atomic`
    writes into (through a symbolic link under ``force``)."""
    folder = (Path(os.path.realpath(path)) if force else path).parent
    try:
        if not stat.S_ISDIR(os.stat(folder).st_mode):
            raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(folder))
        if not os.access(folder, os.W_OK):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(folder))
    except OSError as exc:
        raise unwritable(path, exc, locale) from None


def make_output_folder(path: Path, locale: str) -> None:
    """Make the folder a batch writes its outputs into (``render -d``,
    ``import -o``), or raise the error saying why it cannot be written
    (:func:`unwritable`): one line before any input is read, rather than the
    same reason once per file after each was read and rendered.  A folder
    that is there but not writable (read-only, another user's) is refused
    here too; ``mkdir`` alone lets it through."""
    try:
        path.mkdir(parents=True, exist_ok=True)
        if not os.access(path, os.W_OK | os.X_OK):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
    except OSError as exc:
        raise unwritable(path, exc, locale) from None


def write_output(text: str, output: Path | None, force: bool, locale: str) -> None:
    """Print ``text``, or write it to ``output`` atomically.

    An existing ``output`` is refused (:func:`output_exists`) unless
    ``force``; a file that cannot be written is said so (:func:`unwritable`).
    """
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        write_atomic(text.encode("utf-8"), output, force=force)
    except FileExistsError:
        raise output_exists(output, locale) from None
    except OSError as exc:
        raise unwritable(output, exc, locale) from None


class _StrictPluginError(click.ClickException):
    """A plugin failed in strict mode: bad usage (exit 2), like ``plugins`` reports it."""

    exit_code = 2


#: What a command can ask the plugins for, by the name it gives.
_NEEDS: Final = {
    "renderers": plugin_manager.renderers,
    "loaders": plugin_manager.loaders,
    "rules": plugin_manager.rules,
}


def warn_plugin_failures(locale: str, *needs: str) -> None:
    """Ask the plugins for what the command ``needs`` (``"rules"``,
    ``"renderers"``, ``"loaders"``), then print one warning line on stderr
    per plugin that failed to load or whose hook raised.

    Only the plugins that provide what the command needs are imported
    (the others' failures are ``govdisclosure plugins``' to list).  The
    command carries on without a failed plugin (its formats, rules or
    templates are simply missing); ``govdisclosure plugins --verbose`` gives
    the details.  In strict mode (``GOVDISCLOSURE_STRICT_PLUGINS=1``) the
    failure is an error instead (exit 2).
    """
    try:
        for need in needs:
            _NEEDS[need]()
        # The catalogs the command's messages will be said from: a damaged
        # one is said now, once, rather than when a message is shown.
        plugin_manager.usable_catalogs(locale)
        failures = plugin_manager.failures(everything=False)
    except plugin_manager.PluginError as exc:
        raise _StrictPluginError(str(exc)) from None
    seen: set[str] = set()
    for failure in failures:
        if failure.name in seen:
            continue
        seen.add(failure.name)
        origin = (
            f"{failure.distribution} {failure.version or ''}".strip()
            if failure.distribution
            else gettext(locale, "registered in code")
        )
        if failure.hook == "govdisclosure_message_catalogs":
            # The plugin works; its messages come from the core's catalog or
            # are shown as written.
            message = gettext(
                locale,
                "Warning: plugin {name} ({origin}): {error}; its messages are shown"
                " untranslated (see `govdisclosure plugins`)",
            ).format(name=failure.name, origin=origin, error=failure.said(locale))
            click.echo(message, err=True)
            continue
        message = gettext(
            locale,
            "Warning: plugin {name} ({origin}) failed and is skipped"
            " (detail: {error}; see `govdisclosure plugins`)",
        ).format(name=failure.name, origin=origin, error=failure.error)
        click.echo(message, err=True)


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


#: Characters a terminal acts on instead of showing: C0 controls but tab and
#: newline, DEL, C1 controls (ESC starts the sequences that clear a screen
#: or set a window title), and the bidirectional overrides.
_CONTROLS = {
    c: _escape(chr(c))
    for c in (
        *range(0x00, 0x09),
        *range(0x0B, 0x20),
        *range(0x7F, 0xA0),
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
    )
}


def printable(text: str) -> str:
    """``text`` from a report, safe to print: control characters shown as
    escapes (``\\x1b``), so a unit name cannot clear the screen or set the
    window title.  Everything else is printed as it is."""
    return text.translate(_CONTROLS)


@cache
def _console_class() -> type[Console]:
    """rich's console, except that a reader who goes away (``| head``)
    raises :class:`BrokenPipeError` for the command line to turn into its
    exit status (rich itself would exit 1, the status for "errors found").
    Made on first use: a command that prints plain lines imports no rich
    console (see :mod:`._plain`)."""
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            self.quiet = True
            raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))

    return _Console


def terminal(**options: Any) -> Console:
    """A rich console on standard output (or ``file=``): as wide as the
    terminal (80 columns when output is not a terminal and ``COLUMNS`` is
    unset), tables wrapping inside their cells."""
    return _console_class()(highlight=False, **options)
