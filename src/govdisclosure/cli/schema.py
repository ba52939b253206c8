"""``govdisclosure schema --edition 2021``: the JSON Schema of a report format.

The schema is generated from the model (:func:`govdisclosure.schema.json_schema`),
so it always matches what ``govdisclosure.loads`` accepts; editors and other
languages can use it to check or complete report files.  ``--template``
pins a legacy statistics template's row codes and columns.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..editions import EDITIONS
from ..i18n import gettext, series
from ..registry import UnknownTemplateError, known_template_ids
from ..schema import json_schema
from ._output import edition_option, locale_option, output_options, write_output

__all__ = ["command"]


def _run(edition: str, template: str | None, output: Path | None, force: bool, locale: str) -> None:
    if template is not None and not EDITIONS[edition].template_driven:
        raise click.BadParameter(
            gettext(locale, "only the legacy edition has statistics templates"),
            param_hint="'--template'",
        )
    try:
        schema = json_schema(edition, template=template)
    except UnknownTemplateError:
        known = series(locale, known_template_ids())
        message = gettext(locale, "unknown template {template}; known: {known}")
        raise click.BadParameter(
            message.format(template=repr(template), known=known), param_hint="'--template'"
        ) from None
    text = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
    write_output(text, output, force, locale)
    if output is not None:  # the file written, as render and new say it
        click.echo(str(output), err=True)


command = click.Command(
    "schema",
    callback=_run,
    params=[
        edition_option(),
        click.Option(
            ["--template", "-t"],
            metavar="TEMPLATE",
            default=None,
            help="Legacy only: pin the statistics template (e.g. national-2016).",
        ),
        *output_options(),
        locale_option(),
    ],
    help="Print the JSON Schema (Draft 2020-12) of a report format, generated from the model.",
    short_help="Print the JSON Schema of a report format.",
)
