"""``govdisclosure consolidate FILE... --unit NAME``: add up the units' reports.

Writes the consolidated report as JSON — to standard output, or atomically
to ``-o FILE`` (an existing file only with ``--force``).  Inputs that cannot
be added up (different years, editions or statistics templates, a unit
twice, directly or inside a consolidated input) and unreadable inputs are
reported with a message in the chosen locale and exit status 2, never with
a traceback and never with a file written.

FILE may be a directory (walked recursively, ``--glob`` to filter) or a glob
pattern.  The files are read in ``--jobs`` worker processes and folded into
the sum as they arrive (:class:`govdisclosure.aggregate.stream.Folder`):
each input's narrative is dropped on reading, and with ``--no-parts`` the
inputs are not kept at all, so memory stays flat however many files there
are.  Every unreadable file is reported (the run goes on, to name them
all), and then nothing is written: a total that silently left a unit out
would be wrong.
"""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

import click

from ..aggregate import ConsolidationError, check_compatible, strip_narrative
from ..aggregate.stream import Folder
from ..batch import close, drive_files
from ..codec import dumps
from ..editions import Report
from ..errors import LoadError, not_read
from ..i18n import N_, gettext, ngettext
from ..inputs import load
from ..report_base import ReportingUnit, UnitKind
from ._batch import batch_options, input_files
from ._output import (
    PRINTED_PROBLEMS,
    locale_option,
    output_exists,
    output_options,
    refuse_unwritable_folder,
    write_output,
)

__all__ = ["command"]


def _read(path: str) -> Report | LoadError:
    try:
        return load(path)
    except LoadError as exc:
        return exc
    except Exception as exc:  # noqa: BLE001 - any unreadable input is reported, never a traceback
        return not_read(exc, path)


def _read_with(locale: str, path: str) -> Report | str:
    """A report without its narrative (parts keep figures only), or why it cannot
    be read (in ``locale``): what a worker sends back."""
    read = _read(str(path))
    if isinstance(read, LoadError):
        return read.with_source(str(path)).render(locale, limit=PRINTED_PROBLEMS)
    return strip_narrative(read)


@click.command("consolidate")
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option(
    "--no-parts",
    is_flag=True,
    default=False,
    help="Leave the inputs out of the result (no parts): the totals only, in memory that "
    "does not grow with the number of files.",
)
@click.option(
    "--unit",
    "-u",
    metavar="UNIT",
    required=True,
    help="Name of the consolidating unit (全市, 全县 …).",
)
@click.option(
    "--kind",
    type=click.Choice([k.value for k in UnitKind]),
    default=UnitKind.GOVERNMENT.value,
    show_default=True,
    help="Whether the consolidating unit is a people's government or a department.",
)
@click.option(
    "--region-code", metavar="CODE", default=None, help="GB/T 2260 code of the consolidating unit."
)
@click.option(
    "--parent", metavar="UNIT", default=None, help="The unit the consolidating unit reports to."
)
@click.option(
    "--narrative",
    metavar="FILE",
    default=None,
    help="A report of the consolidating unit whose text, title, dates and signatories the "
    "result carries (its figures are ignored).",
)
@click.option(
    "--fold-other-handling",
    is_flag=True,
    default=False,
    help="Allow 2021 reports printing （六）其他处理 as three sub-rows to be added to reports "
    "printing it as one row, by folding the sub-rows.",
)
def command(
    files: tuple[str, ...],
    no_parts: bool,
    unit: str,
    kind: str,
    region_code: str | None,
    parent: str | None,
    narrative: str | None,
    fold_other_handling: bool,
    output: Path | None,
    force: bool,
    pattern: str | None,
    jobs: int,
    quiet: bool,
    locale: str,
) -> None:
    """Add up the reports of several units into the report of UNIT.

    Every count and amount is the exact sum; blank + a number is the
    number, blank everywhere stays blank.  The units' reports are kept
    (without their text) as the result's parts.  Exit status 0: written;
    2: unreadable input, inputs that cannot be added up, or bad usage.
    """
    if output is not None and output.exists() and not force:
        # Said before reading: a corpus read for minutes, then refused for a
        # name given wrongly, is the time lost (written atomically all the same).
        raise output_exists(output, locale)
    if output is not None:
        refuse_unwritable_folder(output, force, locale)  # said before reading, too
    inputs = input_files(files, pattern, unique=False)
    paths = inputs.files
    own: Report | None = None
    if narrative:
        read = _read(narrative)
        if isinstance(read, LoadError):
            click.echo(read.with_source(narrative).render(locale, limit=PRINTED_PROBLEMS), err=True)
            sys.exit(2)
        own = read
    folder = Folder(keep_parts=not no_parts, fold_other_handling=fold_other_handling, sources=paths)
    # An input that gave no file (a pattern, a directory) is said first, and
    # skipped: the run is refused.
    batch = inputs.summary()
    inputs.say(locale, partial(click.echo, err=True))
    problem: ConsolidationError | None = None
    position = -1  # of the result in ``paths`` (results come in their order)

    def take(result: Report | str) -> None:
        nonlocal problem, position
        position += 1
        if isinstance(result, str):
            click.echo(result, err=True)
            batch.skipped += 1
            return
        batch.read += 1
        if problem is None:
            try:
                folder.add(result, at=position)
            except ConsolidationError as exc:
                problem = exc

    drive_files(
        partial(_read_with, locale),
        paths,
        take,
        jobs=jobs,
        locale=locale,
        quiet=quiet,
        summary=batch,
    )
    if problem is None and not batch.exit_code:
        the_unit = ReportingUnit(
            name=unit, kind=UnitKind(kind), region_code=region_code, parent=parent
        )
        try:
            if own is not None and folder.count:
                try:
                    check_compatible([folder.first_report(), own])
                except ConsolidationError as exc:
                    raise folder.naming(exc, str(narrative)) from None
            result = folder.result(the_unit, narrative=own)
        except ConsolidationError as exc:
            problem = exc
        else:
            batch.passed = batch.read  # every input added up
            try:
                write_output(dumps(result), output, force, locale)
            except click.ClickException as exc:
                # Said, then the run's closing line: every input was read
                # and added, and nothing was written.
                exc.show()
                close(batch, locale, quiet)
                sys.exit(exc.exit_code)
            batch.written = 1 if output is not None else 0
            if output is not None and not quiet:
                click.echo(
                    ngettext(
                        locale,
                        "Consolidated {count} report into {unit} ({year}): {path}",
                        "Consolidated {count} reports into {unit} ({year}): {path}",
                        folder.count,
                    ).format(count=f"{folder.count:,}", unit=unit, year=result.year, path=output),
                    err=True,
                )
    if problem is not None:
        message = gettext(locale, "Cannot consolidate: {reason}")
        click.echo(message.format(reason=problem.render(locale)), err=True)
        batch.refused = gettext(locale, _REFUSALS.get(problem.code, _REFUSED_OTHERWISE))
    elif batch.exit_code and not batch.interrupted:
        unread = _REFUSED_UNREADABLE
        if not batch.skipped:  # only inputs that gave no file
            unread = _REFUSED_EMPTY if inputs.empty else _REFUSED_UNMATCHED
        batch.refused = gettext(locale, unread)
    close(batch, locale, quiet)
    if batch.exit_code:
        sys.exit(2)


#: Why a consolidation was refused, in a few words for the run's closing line
#: (the message above it says it in full, with the files), by
#: :attr:`ConsolidationError.code`.
_REFUSALS = {
    "years": N_("inputs of different years"),
    "editions": N_("inputs of different editions"),
    "templates": N_("inputs on different statistics templates"),
    "shapes": N_("tables of different shapes"),
    "table-data": N_("figures in different terms"),
    "cell-value": N_("a cell that cannot be added"),
    "duplicate-unit": N_("a unit counted more than once"),
    "empty": N_("nothing to consolidate"),
    "no-unit": N_("no consolidating unit"),
    "too-large": N_("a total above the largest count a report holds"),
}
_REFUSED_OTHERWISE = N_("see the message above")
_REFUSED_UNREADABLE = N_("an input that cannot be read: a total without it would be wrong")
_REFUSED_EMPTY = N_("a directory that holds no file: a total without its files would be wrong")
_REFUSED_UNMATCHED = N_("a pattern that matches no file: a total without its files would be wrong")


command.params.extend(output_options())
command.params.extend(batch_options())
command.params.append(locale_option())
