"""``govdisclosure export FILE... --to parquet|csv -o OUT``: reports as long-format tables.

One row per cell of every report (unit, region code, parent, year, edition,
stable cell key, row and column labels in Chinese and English, value,
state; see :mod:`govdisclosure.export` and ``docs/export.md``), and with
``--findings FILE`` one row per validation finding with its fingerprint.
FILE may be a directory (walked recursively, ``--glob`` to filter) or a
glob pattern; the files are read in ``--jobs`` worker processes and their
rows streamed into the output, which is written to a temporary file and
moved into place at the end (an existing file only with ``--force``).  A
file that cannot be read is reported and left out; the run goes on and
exits 2, and when no file could be read nothing is written (an empty table
would read as a year without reports).  Ctrl-C stops it without writing
anything.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import Any

import click

from ..batch import close, drive_files
from ..errors import LoadError, not_read
from ..i18n import N_, gettext, ngettext
from ..inputs import load
from ._batch import batch_options, input_files, paired_inputs
from ._output import (
    PRINTED_PROBLEMS,
    locale_option,
    output_exists,
    unwritable,
    warn_plugin_failures,
)

__all__ = ["command"]


def _tables(
    with_findings: bool, locale: str, item: str | tuple[str, str | None]
) -> tuple[Any, Any] | str:
    """A file's cell batch (and findings batch), or why it cannot be read.

    The import's provenance beside the file (``NAME.provenance.json``), when
    there is one, gives each cell its printed text and origin.  Under
    ``--pair-years`` the item is the file and its unit's year before, whose
    report the findings are checked against (the continuity rules; when it
    cannot be read, without it: its own row of the run says why)."""
    from ..export import cell_batch, finding_batch
    from ..export.provenance import ProvenanceError, provenance_beside

    path, last_year = (item, None) if isinstance(item, str) else item
    name = str(path)
    try:
        report = load(path)
    except LoadError as exc:
        return exc.with_source(name).render(locale, limit=PRINTED_PROBLEMS)
    except Exception as exc:  # noqa: BLE001 - any unreadable input is reported, never a traceback
        error = not_read(exc)
        return error.with_source(name).render(locale, limit=PRINTED_PROBLEMS)
    try:
        provenance = provenance_beside(name)
    except ProvenanceError as exc:
        return exc.render(locale)
    try:
        cells = cell_batch(report, name, provenance)
    except LoadError as exc:  # a value the table cannot hold exactly
        return exc.render(locale, limit=PRINTED_PROBLEMS)
    if not with_findings:
        return cells, None
    if last_year is None:
        return cells, finding_batch(report, name)
    from ..check import validate

    try:
        previous = load(last_year)
    except Exception:  # noqa: BLE001 - reported when that file's own turn comes
        return cells, finding_batch(report, name)
    return cells, finding_batch(report, name, validate(report, previous=previous))


@click.command("export")
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option(
    "--to",
    "-t",
    "to",
    type=click.Choice(["parquet", "csv"]),
    default="parquet",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="FILE",
    required=True,
    help="The cells table: one row per cell of every report.",
)
@click.option(
    "--findings",
    "findings_to",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="FILE",
    default=None,
    help="Also write the findings table (every installed rule): one row per finding.",
)
@click.option(
    "--pair-years",
    is_flag=True,
    help="With --findings: check each report's continuity against the same unit's report of "
    "the year before when it is among FILE... (rows then come unit by unit).",
)
@click.option("--force", "-f", is_flag=True, default=False, help="Replace files that exist.")
def command(
    files: tuple[str, ...],
    to: str,
    output: Path,
    findings_to: Path | None,
    pair_years: bool,
    force: bool,
    pattern: str | None,
    jobs: int,
    quiet: bool,
    locale: str,
) -> None:
    """Write reports as tidy long-format tables (Parquet or CSV) for analysis."""
    if pair_years and findings_to is None:
        message = gettext(locale, "--pair-years checks the findings: give --findings FILE too")
        raise click.UsageError(message)
    warn_plugin_failures(locale, "loaders", "rules")
    try:
        from ..export import CELL_SCHEMA, FINDING_SCHEMA, TableWriter
        from ..export.tables import pyarrow

        pyarrow()
    except ImportError as exc:
        raise click.ClickException(str(exc)) from None
    inputs = input_files(files, pattern)
    paths = inputs.files
    writers: list[TableWriter] = []
    try:
        cells = TableWriter(output, CELL_SCHEMA.get(), to, force=force)
        writers.append(cells)
        found = (
            TableWriter(findings_to, FINDING_SCHEMA.get(), to, force=force)
            if findings_to is not None
            else None
        )
        if found is not None:
            writers.append(found)
    except FileExistsError as exc:
        for writer in writers:
            writer.abort()
        raise output_exists(exc.filename, locale) from None
    except OSError as exc:
        for writer in writers:
            writer.abort()
        raise unwritable(exc.filename, exc, locale) from None
    # An input that gave no file (a pattern, a directory) is said first, and
    # counted apart from the files.
    batch = inputs.summary()
    inputs.say(locale, partial(click.echo, err=True))
    items: Sequence[str] | list[tuple[str, str | None]] = paths
    if pair_years:
        say = partial(click.echo, err=True)
        try:
            items = paired_inputs(paths, jobs, locale, say, batch, quiet)
        except SystemExit:
            for writer in writers:
                writer.abort()
            raise

    def take(result: tuple[Any, Any] | str) -> None:
        if isinstance(result, str):
            click.echo(result, err=True)
            batch.skipped += 1
            return
        batch.read += 1
        batch.passed += 1
        cells.write(result[0])
        if found is not None:
            found.write(result[1])

    try:
        drive_files(
            partial(_tables, found is not None, locale),
            items,
            take,
            jobs=jobs,
            locale=locale,
            quiet=quiet,
            summary=batch,
        )
        if batch.interrupted:
            for writer in writers:
                writer.abort()
        elif batch.read == 0 and batch.exit_code:
            # Every input was missing or unreadable: an empty table would pass
            # for a year with no reports in a pipeline that reads it, so none
            # is written, and the closing line says why, as consolidate's.
            for writer in writers:
                writer.abort()
            batch.refused = gettext(locale, _NOTHING_READ if batch.skipped else _NO_FILE)
            batch.refused_writing = True
        else:
            for writer in writers:
                writer.commit()
                batch.written += 1
                if not quiet:
                    click.echo(
                        ngettext(
                            locale, "{rows} row: {path}", "{rows} rows: {path}", writer.rows
                        ).format(rows=f"{writer.rows:,}", path=writer.target),
                        err=True,
                    )
    except OSError as exc:  # the output's disk is full or gone: nothing is left half written
        if exc.filename not in {str(writer.target) for writer in writers}:
            raise
        for writer in writers:
            writer.abort()
        raise unwritable(exc.filename, exc, locale) from None
    close(batch, locale, quiet)
    sys.exit(batch.exit_code)


#: Why nothing was written, in a few words for the closing line (each input
#: is said above it): every file unreadable, or no input gave a file.
_NOTHING_READ = N_("no file could be read: an empty table would pass for a year without reports")
_NO_FILE = N_("no input gave a file: an empty table would pass for a year without reports")


command.params.extend(batch_options())
command.params.append(locale_option())
