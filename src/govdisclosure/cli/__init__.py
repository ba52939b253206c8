"""The ``govdisclosure`` command line.

Each subcommand lives in its own module of this package and exposes a
``command`` (a :class:`click.Command`); the group finds the modules, so
adding a command never edits a shared list.  A command's module is imported
only when that command runs (or when ``--help`` lists them all), so
``govdisclosure --version`` and a single command do not pay for the others.
A module whose command name is a Python keyword ends in ``ing``
(``importing`` is ``import``); helper modules start with an underscore.

Exit codes: 0 fine, 1 findings of severity error, 2 bad usage, unreadable
input or output that cannot be written (with a message, never a
traceback) or stopped by Ctrl-C, 141 standard output closed by its reader (``| head``: nothing
more is printed, as a program ended by ``SIGPIPE`` would be).

The locale of every message — click's own usage errors and ``--help``
included — is decided before click parses anything: ``--locale`` anywhere
on the line, else ``LANGUAGE`` and ``LC_ALL``/``LC_MESSAGES``/``LANG`` (as GNU
gettext reads them), else Chinese.
"""

from __future__ import annotations

import contextlib
import errno
import importlib
import importlib.util
import os
import pkgutil
import sys
from collections.abc import Iterator, Sequence
from functools import cache
from typing import Any, Final

import click

from .._resources import kept
from .._version import __version__
from ._click_i18n import click_locale, localize, untranslated
from ._collector import long_lived, own_process, spare_exit
from ._help_width import terminal_widths
from ._locale import command_line_locale
from ._whole_writes import whole_writes

__all__ = ["EXIT_BROKEN_PIPE", "EXIT_INTERRUPTED", "cli", "command_line_locale", "main"]

#: Exit status when standard output's reader has gone (``| head``): the
#: status a shell reports for a program ended by ``SIGPIPE`` (128 + 13).
EXIT_BROKEN_PIPE: Final = 141

#: Exit status of a command stopped by Ctrl-C, as every batch command's loop
#: exits when interrupted (``govdisclosure.batch``).
EXIT_INTERRUPTED: Final = 2

#: Command names that are not their module's name.
_RENAMED = {"importing": "import"}


def _modules() -> dict[str, str]:
    """Command name → module name, from the files of this package (no import)."""
    names = sorted(info.name for info in pkgutil.iter_modules(__path__))
    return {_RENAMED.get(n, n): n for n in names if not n.startswith("_")}


def _summary(name: str, module_name: str | None) -> click.Command | None:
    """A stand-in for a command, with the help its module declares, read
    from the module's source without running it (:func:`_help_texts`).

    What is read is kept in the user's cache under the module's source and
    this module's own (the reader): parsing every command's source cost
    ``--help`` more than the rest of it.
    """
    if module_name is None:
        return None
    spec = importlib.util.find_spec(f"{__name__}.{module_name}")
    if spec is None or spec.origin is None:
        return None
    origin = spec.origin
    with open(origin, "rb") as handle:
        source = handle.read()
    key = _reader_source() + b"\0" + source
    texts = kept("help", key, lambda: _help_texts(source, origin), tuple)
    if not texts:
        return None
    help_text, short_help = texts
    return click.Command(name, help=help_text, short_help=short_help)


@cache
def _reader_source() -> bytes:
    with open(__file__, "rb") as handle:
        return handle.read()


def _help_texts(source: bytes, origin: str) -> tuple[str | None, str | None] | tuple[()]:
    """``(help, short_help)`` of the command a module's source declares, or
    ``()`` when it declares none: ``command = click.Command(..., help=...,
    short_help=...)`` or a function ``command`` decorated with
    ``@click.command(...)`` (its docstring is the help)."""
    import ast

    def literal(node: ast.expr | None) -> str | None:
        return (
            node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None
        )

    tree = ast.parse(source.decode("utf-8"), origin)
    for node in tree.body:
        call: ast.expr | None = None
        help_text: str | None = None
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "command" for t in node.targets
        ):
            call = node.value
        elif isinstance(node, ast.FunctionDef) and node.name == "command":
            help_text = ast.get_docstring(node, clean=False)
            call = next((d for d in node.decorator_list if isinstance(d, ast.Call)), None)
        else:
            continue
        keywords = {k.arg: k.value for k in call.keywords} if isinstance(call, ast.Call) else {}
        return literal(keywords.get("help")) or help_text, literal(keywords.get("short_help"))
    return ()


class _OutputError(click.ClickException):
    """Standard output cannot be written (a full disk): exit 2, one line."""

    exit_code = 2


def _quiet_stdout() -> None:
    """Point standard output at ``/dev/null``, so the interpreter's last
    flush of what is still buffered neither fails nor prints a warning."""
    try:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, sys.stdout.fileno())
        os.close(fd)
    except (OSError, ValueError, AttributeError):
        pass  # not a real file (a test runner's buffer): nothing to flush later


def _flush_stdout() -> None:
    with contextlib.suppress(ValueError):  # closed
        sys.stdout.flush()


def _output_failed(exc: OSError, locale: str) -> click.ClickException | click.exceptions.Exit:
    """What a failed write to standard output becomes: a quiet exit when the
    reader has gone, a one-line error otherwise."""
    _quiet_stdout()
    if exc.errno == errno.EPIPE:
        return click.exceptions.Exit(EXIT_BROKEN_PIPE)
    from ..i18n import gettext
    from ..oserrors import os_error_text

    message = gettext(locale, "Cannot write the output: {error}")
    return _OutputError(message.format(error=os_error_text(exc, locale)))


@contextlib.contextmanager
def _help_punctuated(group: _LazyGroup) -> Iterator[None]:
    """click's help and usage lines, for the duration of the block, written
    with the punctuation of the command line's locale
    (:class:`._punctuation.HelpFormatter`, imported only when help or a
    usage line is written)."""

    def make_formatter(ctx: click.Context) -> click.HelpFormatter:
        from ._punctuation import formatter

        return formatter(group.locale)(width=ctx.terminal_width, max_width=ctx.max_content_width)

    saved = click.Context.make_formatter
    click.Context.make_formatter = make_formatter  # type: ignore[method-assign, assignment]
    try:
        yield
    finally:
        click.Context.make_formatter = saved  # type: ignore[method-assign]


class _PunctuatedUsageError(click.UsageError):
    """A usage error as click said it, punctuated as the locale writes
    (:mod:`._punctuation`); same context, and a usage error's exit status."""

    def __init__(self, original: click.UsageError, text: str) -> None:
        super().__init__(text, original.ctx)


def _punctuated(exc: click.UsageError, locale: str) -> click.UsageError:
    from ._punctuation import punctuated

    text = exc.format_message()
    rewritten = punctuated(text, locale)
    return exc if rewritten == text else _PunctuatedUsageError(exc, rewritten)


#: Longer than any command's first sentence: ``get_short_help_str`` cuts none.
_WHOLE = 1_000


class _LazyGroup(click.Group):
    """A group that imports a command's module when the command is asked for,
    speaks the user's locale and turns a failing standard output into an
    exit status."""

    #: The command line being run (set by :meth:`main`).
    _argv: tuple[str, ...] = ()
    _locale: str | None = None

    @property
    def locale(self) -> str:
        """The locale of the command line being run, decided on first use
        (``--version`` never needs it, nor the catalogs)."""
        if self._locale is None:
            self._locale = command_line_locale(self._argv)
        return self._locale

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        localize(self, self.locale, ctx)
        super().format_help(ctx, formatter)

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        localize(self, self.locale, ctx)  # a usage error of the group itself
        super().format_usage(ctx, formatter)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*_modules(), *self.commands})

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The list of commands, from their modules' source: ``--help``
        imports none of them (each would import what its command needs)."""
        from ..i18n import gettext

        commands: list[tuple[str, click.Command]] = []
        for name in self.list_commands(ctx):
            command = self.commands.get(name) or _summary(name, _modules().get(name))
            if command is not None and not command.hidden:
                localize(command, self.locale)
                commands.append((name, command))
        if commands:
            # Each command's first sentence whole, wrapped beside its name:
            # click cut it to one line's characters, which left English
            # sentences ending in "..." (``Compare two reports cell by cell
            # (last year's OLD with...``) and Chinese ones, two cells a
            # character, whole.
            rows = [(name, command.get_short_help_str(_WHOLE)) for name, command in commands]
            with formatter.section(gettext(self.locale, "Commands")):
                formatter.write_dl(rows)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = self.commands.get(cmd_name)
        if command is None:
            module_name = _modules().get(cmd_name)
            if module_name is None:
                return None
            # What click words at import is kept as its id; the modules live
            # as long as the process (see _collector).
            with untranslated(), long_lived():
                module = importlib.import_module(f"{__name__}.{module_name}")
            found = getattr(module, "command", None)
            if not isinstance(found, click.Command):
                return None
            self.add_command(found, cmd_name)
            command = found
        localize(command, self.locale, ctx)
        return command

    def main(self, args: Sequence[str] | None = None, *rest: Any, **extra: Any) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        self._argv, self._locale = tuple(argv), None
        with click_locale(lambda: self.locale), terminal_widths(), _help_punctuated(self):
            try:
                try:
                    return super().main(argv, *rest, **extra)
                finally:
                    # What is still buffered is written now, while a failure
                    # can be reported (at exit it would be a warning and 120).
                    _flush_stdout()
            except OSError as exc:  # help or a version that cannot be printed
                if exc.filename is not None and exc.errno != errno.EPIPE:
                    raise
                failure = _output_failed(exc, self.locale)
                if isinstance(failure, click.ClickException):
                    failure.show()
                raise SystemExit(failure.exit_code) from None

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.UsageError as exc:  # the group's own options
            raise _punctuated(exc, self.locale) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            try:
                return super().invoke(ctx)
            finally:
                _flush_stdout()
        except click.UsageError as exc:  # a command's parameters, or no such command
            raise _punctuated(exc, self.locale) from None
        except OSError as exc:
            if exc.filename is not None and exc.errno != errno.EPIPE:
                raise  # a file's error: the command's to report
            raise _output_failed(exc, self.locale) from None
        except KeyboardInterrupt:
            # Ctrl-C before a batch's own loop (which says how far it got):
            # the command stops with exit status 2, as an interrupted batch
            # does, not click's "Aborted!" and 1, which `validate` uses for
            # findings of severity error.
            from ..i18n import gettext

            click.echo(gettext(self.locale, "Interrupted: the command was stopped"), err=True)
            raise SystemExit(EXIT_INTERRUPTED) from None


class _SettingError(click.ClickException):
    """An environment variable of the library set to a value it cannot use:
    bad usage (exit 2), said before anything is read."""

    exit_code = 2


def _max_input_size(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    from ..files import MAX_INPUT_SIZE_ENV, parse_size
    from ..i18n import gettext

    if value is None:
        # The variable set by hand: refused when it is not a size, rather
        # than the default limit applied silently in its place.
        raw = os.environ.get(MAX_INPUT_SIZE_ENV, "").strip()
        if not raw:
            return
        try:
            parse_size(raw)
        except ValueError:
            raise _SettingError(
                gettext(
                    getattr(ctx.find_root().command, "locale", "en"),
                    "The environment variable {variable} is set to {value!r}; expected a size "
                    "in bytes with an optional unit K, M, G or T (e.g. 300M, 2G), or nothing "
                    "for the default of 256M",
                ).format(variable=MAX_INPUT_SIZE_ENV, value=raw)
            ) from None
        return
    try:
        parse_size(value)
    except ValueError:
        raise click.BadParameter(
            gettext(
                getattr(ctx.find_root().command, "locale", "en"),
                "not a size: {value} (e.g. 300M, 2G)",
            ).format(value=value),
            ctx,
            param,
        ) from None
    # The environment carries it to the worker processes of batch runs.
    os.environ[MAX_INPUT_SIZE_ENV] = value


@click.group(
    cls=_LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Annual reports on government information disclosure (政府信息公开工作年度报告).",
)
@click.version_option(__version__, package_name="govdisclosure", prog_name="govdisclosure")
@click.option(
    "--locale",
    "-l",
    metavar="LOCALE",
    default=None,
    help="Language of every command's labels and messages (zh_Hans_CN, en); "
    "the commands' own --locale, before or after the command name, is the same.",
)
@click.option(
    "--max-input-size",
    metavar="SIZE",
    default=None,
    expose_value=False,
    callback=_max_input_size,
    help="Refuse input files larger than SIZE (e.g. 300M, 2G; default 256M, or "
    "GOVDISCLOSURE_MAX_INPUT_SIZE).",
)
@click.pass_context
def cli(ctx: click.Context, locale: str | None) -> None:
    if locale is not None:
        # Becomes the subcommand's --locale default; the subcommand checks it.
        ctx.default_map = {name: {"locale": locale} for name in _modules()}


def main() -> None:
    """Console-script entry point: the process is the command's, so the
    collector is spared its walks over what lives as long as the process
    (:mod:`govdisclosure.cli._collector`)."""
    own_process()
    whole_writes()
    try:
        cli(prog_name="govdisclosure")
    finally:
        spare_exit()
