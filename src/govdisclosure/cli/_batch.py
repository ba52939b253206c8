"""The options every batch command shares, and its input list.

``FILE...`` may be files, directories (walked recursively) and glob
patterns (:func:`govdisclosure.batch.expand_inputs`); ``--glob`` filters the
files found in directories; ``--jobs N`` runs the files in N worker
processes (default: every core); ``--quiet`` hides the progress display.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import click

from ..batch import default_jobs, expand_inputs
from ..i18n import gettext

__all__ = ["batch_options", "input_files"]


def _jobs(ctx: click.Context, param: click.Parameter, value: int | None) -> int:
    if value is None:
        return default_jobs()
    if value < 1:
        raise click.BadParameter("must be 1 or more", ctx, param)
    return value


def batch_options() -> list[click.Option]:
    """``--glob``, ``--jobs/-j`` and ``--quiet/-q``."""
    return [
        click.Option(
            ["--glob", "pattern"],
            metavar="PATTERN",
            default=None,
            help="Only the files in the given directories whose name matches PATTERN (shell "
            "wildcards; a pattern with a slash is matched against the path below the "
            "directory); default: every file a report can be read from.",
        ),
        click.Option(
            ["--jobs", "-j"],
            type=int,
            default=None,
            callback=_jobs,
            help="Worker processes (default: every core).",
        ),
        click.Option(
            ["--quiet", "-q"],
            is_flag=True,
            default=False,
            help="No progress display (validate: nor the files without findings).",
        ),
    ]


def input_files(
    items: Iterable[str],
    pattern: str | None,
    locale: str,
    suffixes: Iterable[str] | None = None,
    *,
    unique: bool = True,
) -> Sequence[str]:
    """The files named by ``items`` (as strings); none at all is bad usage."""
    files = expand_inputs(items, pattern=pattern, suffixes=suffixes, unique=unique)
    if not files:
        raise click.UsageError(gettext(locale, "No input files found"))
    return files
