"""``govdisclosure new --edition 2021 --year 2025 --unit NAME``: a blank report to fill in.

Every cell is blank (``null``), never zero: a blank report filled in part
way must not pass for a report of zeros.  The report is
:func:`govdisclosure.authoring.blank_report` with the edition's section
headings, each with no paragraphs yet.  A pre-2019 report needs
``--template``; its statistics list every value row of the template with
blank cells, so the codes to fill in are in the file.

``--to FORMAT`` writes the blank report as that format's fill-in form
instead of JSON (the renderer's ``form``, e.g. the Excel filing template of
``--to xlsx``); such a form is a binary file, so ``-o`` is required.
"""

from __future__ import annotations

from pathlib import Path

import click

from ..authoring import blank_report
from ..codec import dumps
from ..editions import EDITIONS, Report
from ..files import write_atomic
from ..i18n import gettext, series
from ..plugin.manager import renderers
from ..plugin.types import RenderOptions
from ..registry import UnknownTemplateError, known_template_ids
from ..report_base import ReportingUnit, UnitKind
from ._output import (
    edition_option,
    locale_option,
    output_exists,
    output_options,
    unwritable,
    write_output,
)

__all__ = ["command"]


def _run(
    edition: str,
    year: int,
    unit: str,
    kind: str,
    template: str | None,
    to: str | None,
    output: Path | None,
    force: bool,
    locale: str,
) -> None:
    known = series(locale, known_template_ids())
    if not unit.strip():
        raise click.BadParameter(gettext(locale, "the unit name is empty"), param_hint="'--unit'")
    template_driven = EDITIONS[edition].template_driven
    if template_driven and template is None:
        message = gettext(locale, "a legacy report needs --template (one of: {known})")
        raise click.UsageError(message.format(known=known))
    if not template_driven and template is not None:
        raise click.BadParameter(
            gettext(locale, "only the legacy edition has statistics templates"),
            param_hint="'--template'",
        )
    try:
        report = blank_report(
            edition,
            year,
            ReportingUnit(name=unit.strip(), kind=UnitKind(kind)),
            template,
            with_headings=True,
            with_rows=True,
        )
    except UnknownTemplateError:
        message = gettext(locale, "unknown template {template}; known: {known}")
        raise click.BadParameter(
            message.format(template=repr(template), known=known), param_hint="'--template'"
        ) from None
    if to is None:
        write_output(dumps(report), output, force, locale)
        if output is not None:  # the file written, as render says it
            click.echo(str(output), err=True)
    else:
        _write_form(report, to, output, force, locale)


def _write_form(report: Report, to: str, output: Path | None, force: bool, locale: str) -> None:
    """The blank report as the fill-in form of the renderer ``to``."""
    with_form = {name: r for name, r in renderers().items() if r.form is not None}
    renderer = with_form.get(to)
    if renderer is None or renderer.form is None:
        message = gettext(locale, "Format {name!r} has no fill-in form; formats with one: {known}")
        known = series(locale, sorted(with_form))
        raise click.BadParameter(message.format(name=to, known=known), param_hint="'--to'")
    if output is None:
        message = gettext(locale, "--to {name} writes a binary file: give -o FILE")
        raise click.UsageError(message.format(name=to))
    if not renderer.supports(report.edition):
        message = gettext(locale, "Format {name!r} does not support the {edition!r} edition")
        raise click.UsageError(message.format(name=to, edition=report.edition))
    if output.exists() and not force:  # one line, as every command says it
        raise output_exists(output, locale)
    data = renderer.form(report, RenderOptions(locale=locale))
    try:
        write_atomic(data, output, force=force)
    except FileExistsError:
        raise output_exists(output, locale) from None
    except OSError as exc:
        raise unwritable(output, exc, locale) from None
    click.echo(str(output), err=True)


command = click.Command(
    "new",
    callback=_run,
    params=[
        edition_option(),
        click.Option(
            ["--year", "-y"],
            type=click.IntRange(1990, 2100),
            metavar="YEAR",
            required=True,
            help="The year the report covers (not the year it is published).",
        ),
        click.Option(
            ["--unit", "-u"], metavar="UNIT", required=True, help="Name of the reporting unit."
        ),
        click.Option(
            ["--kind", "-k"],
            type=click.Choice([k.value for k in UnitKind]),
            default=UnitKind.GOVERNMENT.value,
            show_default=True,
            help="A people's government (人民政府) or one of its departments (政府部门).",
        ),
        click.Option(
            ["--template", "-t"],
            metavar="TEMPLATE",
            default=None,
            help="Legacy only (and required there): the statistics template, e.g. national-2016.",
        ),
        click.Option(
            ["--to"],
            default=None,
            metavar="FORMAT",
            help="Write the fill-in form of this format (xlsx: the Excel filing template) "
            "instead of JSON; needs -o.",
        ),
        *output_options(),
        locale_option(),
    ],
    help="Write a blank report of an edition to fill in: every cell blank, "
    "the official section headings with no text yet.",
    short_help="Write a blank report to fill in.",
)
