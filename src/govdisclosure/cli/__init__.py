"""The ``govdisclosure`` command line.

Each subcommand lives in its own module of this package and exposes a
``command`` (a :class:`click.Command`); the group finds the modules, so
adding a command never edits a shared list.  A command's module is imported
only when that command runs (or when ``--help`` lists them all), so
``govdisclosure --version`` and a single command do not pay for the others.
A module whose command name is a Python keyword ends in ``ing``
(``importing`` is ``import``); helper modules start with an underscore.  Exit codes: 0 fine, 1 findings of severity
error, 2 bad usage or unreadable input (with a message, never a traceback).
"""

from __future__ import annotations

import importlib
import pkgutil

import click

__all__ = ["cli", "main"]

#: Command names that are not their module's name.
_RENAMED = {"importing": "import"}


def _modules() -> dict[str, str]:
    """Command name → module name, from the files of this package (no import)."""
    names = sorted(info.name for info in pkgutil.iter_modules(__path__))
    return {_RENAMED.get(n, n): n for n in names if not n.startswith("_")}


class _LazyGroup(click.Group):
    """A group that imports a command's module when the command is asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*_modules(), *self.commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.commands:
            return self.commands[cmd_name]
        module_name = _modules().get(cmd_name)
        if module_name is None:
            return None
        module = importlib.import_module(f"{__name__}.{module_name}")
        command = getattr(module, "command", None)
        if not isinstance(command, click.Command):
            return None
        self.add_command(command, cmd_name)
        return command


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="govdisclosure", prog_name="govdisclosure")
@click.option(
    "--locale",
    "-l",
    default=None,
    help="Language of every command's labels and messages (zh_Hans_CN, en); "
    "the commands' own --locale, before or after the command name, is the same.",
)
@click.pass_context
def cli(ctx: click.Context, locale: str | None) -> None:
    """Annual reports on government information disclosure (政府信息公开工作年度报告)."""
    if locale is not None:
        # Becomes the subcommand's --locale default; the subcommand checks it.
        ctx.default_map = {name: {"locale": locale} for name in _modules()}


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="govdisclosure")
