"""``govdisclosure consolidate FILE... --unit NAME``: add up the units' reports.

Writes the consolidated report as JSON — to standard output, or atomically
to ``-o FILE`` (an existing file only with ``--force``).  Inputs that cannot
be added up (different years, editions or statistics templates, a unit
twice, directly or inside a consolidated input) and unreadable inputs are
reported with a message in the chosen locale and exit status 2, never with
a traceback and never with a file written.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..aggregate import ConsolidationError, consolidate
from ..codec import dumps
from ..editions import Report
from ..errors import LoadError, Problem
from ..i18n import gettext
from ..inputs import load
from ..report_base import ReportingUnit, UnitKind
from ._output import locale_option, output_options, write_output

__all__ = ["command"]


def _read(path: str) -> Report | LoadError:
    try:
        return load(path)
    except LoadError as exc:
        return exc
    except Exception as exc:  # noqa: BLE001 - any unreadable input is reported, never a traceback
        return LoadError([Problem("$", "a readable report", f"{type(exc).__name__}: {exc}")], path)


@click.command("consolidate")
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option("--unit", "-u", required=True, help="Name of the consolidating unit (全市, 全县 …).")
@click.option(
    "--kind",
    type=click.Choice([k.value for k in UnitKind]),
    default=UnitKind.GOVERNMENT.value,
    show_default=True,
    help="Whether the consolidating unit is a people's government or a department.",
)
@click.option("--region-code", default=None, help="GB/T 2260 code of the consolidating unit.")
@click.option("--parent", default=None, help="The unit the consolidating unit reports to.")
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
    unit: str,
    kind: str,
    region_code: str | None,
    parent: str | None,
    narrative: str | None,
    fold_other_handling: bool,
    output: Path | None,
    force: bool,
    locale: str,
) -> None:
    """Add up the reports of several units into the report of UNIT.

    Every count and amount is the exact sum; blank + a number is the
    number, blank everywhere stays blank.  The units' reports are kept
    (without their text) as the result's parts.  Exit status 0: written;
    2: unreadable input, inputs that cannot be added up, or bad usage.
    """
    reports: list[Report] = []
    unreadable = False
    for name in (*files, *((narrative,) if narrative else ())):
        read = _read(name)
        if isinstance(read, LoadError):
            click.echo(read.with_source(name).render(locale), err=True)
            unreadable = True
        else:
            reports.append(read)
    if unreadable:
        sys.exit(2)
    own = reports.pop() if narrative else None
    the_unit = ReportingUnit(name=unit, kind=UnitKind(kind), region_code=region_code, parent=parent)
    try:
        result = consolidate(
            reports, the_unit, narrative=own, fold_other_handling=fold_other_handling
        )
    except ConsolidationError as exc:
        click.echo(f"{gettext(locale, 'Cannot consolidate')}: {exc.render(locale)}", err=True)
        sys.exit(2)
    write_output(dumps(result), output, force, locale)
    if output is not None:
        click.echo(
            gettext(locale, "Consolidated {count} reports into {unit} ({year}): {path}").format(
                count=len(reports), unit=unit, year=result.year, path=output
            ),
            err=True,
        )


command.params.extend(output_options())
command.params.append(locale_option())
