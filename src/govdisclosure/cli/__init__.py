"""The ``govdisclosure`` command line.

Each subcommand lives in its own module of this package and exposes a
``command`` (a :class:`click.Command`); the group collects them, so adding
a command never edits a shared list.  Exit codes: 0 fine, 1 findings of
severity error, 2 bad usage or unreadable input (with a message, never a
traceback).
"""

from __future__ import annotations

import importlib
import pkgutil

import click

from .. import __version__

__all__ = ["cli", "main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="govdisclosure")
def cli() -> None:
    """Annual reports on government information disclosure (政府信息公开工作年度报告)."""


def _collect() -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        command = getattr(module, "command", None)
        if isinstance(command, click.Command):
            cli.add_command(command)


_collect()


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="govdisclosure")
