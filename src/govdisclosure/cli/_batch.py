"""The options every batch command shares, and its input list.

``FILE...`` may be files, directories (walked recursively) and glob
patterns (:func:`govdisclosure.batch.expand_inputs`); ``--glob`` filters the
files found in directories; ``--jobs N`` runs the files in N worker
processes (default: every core); ``--quiet`` hides the progress display.

A glob pattern that matches no file is not a file: it is not handed to the
workers (where it would be said as a file that does not exist) but kept
apart (:attr:`Inputs.unmatched`); so is a directory that yields no file
(:attr:`Inputs.empty`: empty, or none of its files matches ``--glob`` or
has a suffix the command reads).  Each command says what it could not find
(:attr:`Inputs.missing`: "no file matches PATTERN", "DIR holds no file
matching PATTERN") before the files' results and counts each in its summary
apart from the files (:meth:`Inputs.summary`: "1 pattern matching no file",
not one more file "unreadable" or "skipped"), and the run exits 2: the user
named an input and got nothing from it, whether a pattern or a folder did it.

``--glob`` given where no directory is (every input a file, or a pattern
matching files) filters nothing: the command says so in one line
(:meth:`Inputs.glob_unused`) rather than let the user believe the files
were chosen by it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence

import click
from attrs import frozen

from ..batch import Summary, default_jobs, expand_inputs, report_suffixes
from ..i18n import gettext, series

__all__ = [
    "Inputs",
    "batch_options",
    "holds_no_file",
    "input_files",
    "no_file_matches",
    "paired_inputs",
]


def _jobs(ctx: click.Context, param: click.Parameter, value: int | None) -> int:
    if value is None:
        return default_jobs()
    if value < 1:
        locale = getattr(ctx.find_root().command, "locale", "en")
        raise click.BadParameter(gettext(locale, "must be 1 or more"), ctx, param)
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
            metavar="N",
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


@frozen
class Inputs:
    """The files of a run, the glob patterns given that matched none and the
    directories that yielded none (with the ``--glob`` pattern, else the
    suffixes, they were searched for)."""

    files: Sequence[str]
    unmatched: tuple[str, ...] = ()
    empty: tuple[str, ...] = ()
    pattern: str | None = None
    suffixes: frozenset[str] = frozenset()
    #: Whether a directory was among the inputs (named, or matched by a pattern).
    folders: bool = False

    def summary(self) -> Summary:
        """The run's summary, its inputs counted: the files, and apart from
        them the patterns and folders that gave none."""
        return Summary(total=len(self.files), unmatched=len(self.unmatched), empty=len(self.empty))

    def glob_unused(self, locale: str) -> str | None:
        """The note that ``--glob`` filtered nothing (no directory among the
        inputs: it chooses only the files taken from directories), in
        ``locale``, or ``None``."""
        if self.pattern is None or self.folders:
            return None
        message = gettext(
            locale,
            "Note: --glob {pattern} was not used: it chooses the files taken from directories, "
            "and no directory was given",
        )
        return message.format(pattern=self.pattern)

    def say(self, locale: str, echo: Callable[[str], None]) -> None:
        """Say the note on ``--glob`` (:meth:`glob_unused`) and each input that
        gave no file (:meth:`missing`), a line each, with ``echo``."""
        note = self.glob_unused(locale)
        if note is not None:
            echo(note)
        for _, line in self.missing(locale):
            echo(line)

    def missing(self, locale: str) -> list[tuple[str, str]]:
        """Each input that gave no file, with what to say of it in ``locale``:
        the patterns first, then the directories, each in the order given."""
        said = [(pattern, no_file_matches(locale, pattern)) for pattern in self.unmatched]
        for folder in self.empty:
            said.append((folder, holds_no_file(locale, folder, self.pattern, self.suffixes)))
        return said


def no_file_matches(locale: str, pattern: str) -> str:
    """``no file matches PATTERN``, in ``locale``."""
    return gettext(locale, "no file matches {pattern}").format(pattern=pattern)


def holds_no_file(
    locale: str, folder: str, pattern: str | None, suffixes: Iterable[str] = ()
) -> str:
    """``DIR holds no file matching PATTERN`` (``--glob``), else ``DIR holds
    no .json or .html file`` (the suffixes the command takes), in ``locale``."""
    if pattern is not None:
        message = gettext(locale, "{directory} holds no file matching {pattern}")
        return message.format(directory=folder, pattern=pattern)
    kinds = sorted(suffixes)
    if len(kinds) > 1:
        joint = gettext(locale, "{items} or {item}")
        kinds = [joint.format(items=series(locale, kinds[:-1]), item=kinds[-1])]
    message = gettext(locale, "{directory} holds no {suffixes} file")
    return message.format(directory=folder, suffixes=series(locale, kinds))


def input_files(
    items: Iterable[str],
    pattern: str | None,
    suffixes: Iterable[str] | None = None,
    *,
    unique: bool = True,
) -> Inputs:
    """The files named by ``items`` (as strings), the glob patterns that
    matched none and the directories that yielded none; such an input is
    not bad usage but a missing input (said and counted by the command)."""
    items = list(items)
    unmatched: list[str] = []
    empty: list[str] = []
    walked: list[str] = []
    files = expand_inputs(
        items,
        pattern=pattern,
        suffixes=suffixes,
        unique=unique,
        unmatched=unmatched,
        empty=empty,
        folders=walked,
    )
    taken: frozenset[str] = frozenset()
    if empty and pattern is None:  # said by the suffixes the folders were searched for
        taken = report_suffixes()
        if suffixes is not None:
            taken = frozenset(s.lower() for s in suffixes)
    return Inputs(files, tuple(unmatched), tuple(empty), pattern, taken, bool(walked))


def paired_inputs(
    paths: Sequence[str],
    jobs: int,
    locale: str,
    say: Callable[[str], None],
    summary: Summary,
    quiet: bool,
    closing: Callable[[], None] | None = None,
) -> list[tuple[str, str | None]]:
    """Each file with the file of its unit's year before (``--pair-years``).

    One pass reads every file's unit and year, in the workers
    (:mod:`govdisclosure.batch.years`); a file with two candidates is said so
    (``say``, a line on standard error) and goes without either.  The files
    come unit by unit, each unit's years in order
    (:func:`~govdisclosure.batch.years.chain_order`), so that a report's year
    before is usually the file just read.  Ctrl-C during the pass ends the
    command with the summary (nothing was done yet: ``closing`` prints the
    command's own closing line, else the batch line) and exit status 2.
    """
    from ..batch import close
    from ..batch.runner import run_chunks
    from ..batch.years import chain_order, identities, pair_years

    try:
        found = [ident for _, chunk in run_chunks(identities, paths, jobs) for ident in chunk]
    except KeyboardInterrupt:
        summary.interrupted = True
        summary.stop()
        if closing is not None:
            closing()
        else:
            close(summary, locale, quiet)
        sys.exit(2)
    pairing = pair_years(found)
    for i, candidates in pairing.ambiguous.items():
        message = gettext(
            locale,
            "{path}: continuity not checked: two or more reports of the year before: {files}",
        )
        say(message.format(path=paths[i], files=series(locale, (paths[j] for j in candidates))))
    return [
        (paths[i], paths[pairing.previous[i]] if i in pairing.previous else None)
        for i in chain_order(found, pairing)
    ]
