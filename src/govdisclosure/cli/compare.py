"""``govdisclosure compare OLD NEW``: what changed between two reports.

Prints the cells whose figure changed, with the change and the relative
change, then what cannot be compared and why (the 2019 and 2021 formats'
table 2, （六） as one row against three, the pre-2019 table), then cells
only one report has.  ``--format json`` prints the whole comparison for
scripts.  Exit status 0, or 2 for an unreadable input or bad usage.
"""

from __future__ import annotations

import sys

import click
import orjson
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..aggregate import Comparison, Unmatched, compare
from ..editions import Report
from ..errors import LoadError, not_read
from ..i18n import gettext, ngettext
from ..inputs import load
from ._output import PRINTED_PROBLEMS, locale_option, terminal

__all__ = ["command"]


def _read(path: str) -> Report | LoadError:
    try:
        return load(path)
    except LoadError as exc:
        return exc
    except Exception as exc:  # noqa: BLE001 - any unreadable input is reported, never a traceback
        return not_read(exc, path)


def _show(locale: str, value: object) -> str:
    if value is None:
        return gettext(locale, "blank")
    return str(value)


def _signed(value: object) -> str:
    if value is None:
        return ""
    text = str(value)
    return text if text.startswith("-") or text == "0" else "+" + text


def _unmatched_table(locale: str, items: tuple[Unmatched, ...]) -> Table:
    table = Table(show_header=True, header_style="bold", expand=False)
    table.add_column(gettext(locale, "Cell"), overflow="fold")
    table.add_column(gettext(locale, "Value"), justify="right", overflow="fold")
    for u in items:
        table.add_row(Text(u.label.render(locale)), Text(_show(locale, u.value)))
    return table


def _print_text(console: Console, locale: str, c: Comparison, all_cells: bool) -> None:
    head = Text(f"{c.old_unit.name} {c.old_year} ({c.old_edition})", style="bold")
    head.append("  →  ")
    head.append(f"{c.new_unit.name} {c.new_year} ({c.new_edition})", style="bold")
    # Lines of prose are left to the terminal to wrap (soft_wrap): rich
    # wraps at spaces, so a long Chinese sentence, one "word" to it, went
    # whole to the next line and left "! " or "表: " alone on its own.
    console.print(head, soft_wrap=True)
    for note in c.notes:
        console.print(Text("! " + note.message(locale), style="yellow"), soft_wrap=True)
    shown = c.cells if all_cells else c.changed
    console.print(
        Text(
            ngettext(
                locale,
                "{changed} of {compared} compared cell changed",
                "{changed} of {compared} compared cells changed",
                len(c.cells),
            ).format(changed=len(c.changed), compared=len(c.cells))
        )
    )
    if shown:
        table = Table(show_header=True, header_style="bold", expand=False)
        table.add_column(gettext(locale, "Cell"), overflow="fold")
        table.add_column(gettext(locale, "Old"), justify="right", overflow="fold")
        table.add_column(gettext(locale, "New"), justify="right", overflow="fold")
        table.add_column(gettext(locale, "Change"), justify="right", overflow="fold")
        table.add_column("%", justify="right", overflow="fold")
        for cell in shown:
            percent = cell.percent()
            table.add_row(
                Text(cell.label.render(locale)),
                Text(_show(locale, cell.old)),
                Text(_show(locale, cell.new)),
                Text(_signed(cell.change)),
                Text("" if percent is None else _signed(percent)),
            )
        console.print(table)
    if c.not_comparable:
        console.print(Text(gettext(locale, "Not comparable"), style="bold"))
        for n in c.not_comparable:
            # The joints as the locale writes them (``：``, ``（…）`` in Chinese).
            area = gettext(locale, "{where}: {problem}").format(
                where=n.area.render(locale), problem=""
            )
            message = n.message(locale)
            said = gettext(locale, "{message} ({source})").format(
                message=message, source=n.reason.source
            )
            line = Text(f"- {area}", style="bold")
            line.append(message, style="")
            line.append(said.removeprefix(message), style="dim")
            console.print(line, soft_wrap=True)
    for title, items in (
        (gettext(locale, "Only in the new report"), c.appeared),
        (gettext(locale, "Only in the old report"), c.vanished),
    ):
        if items:
            console.print(Text(title, style="bold"))
            console.print(_unmatched_table(locale, items))


@click.command("compare")
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="NEW")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="A readable summary, or the whole comparison as JSON.",
)
@click.option(
    "--all", "all_cells", is_flag=True, default=False, help="List unchanged cells as well."
)
def command(old: str, new: str, fmt: str, all_cells: bool, locale: str) -> None:
    """Compare two reports cell by cell (last year's OLD with this year's NEW).

    Rows that the formats redefined between 2020 and 2021 are listed as not
    comparable, with the reason, instead of given a misleading change.
    """
    read = [_read(old), _read(new)]
    failed = False
    for name, r in zip((old, new), read, strict=True):
        if isinstance(r, LoadError):
            click.echo(r.with_source(name).render(locale, limit=PRINTED_PROBLEMS), err=True)
            failed = True
    if failed:
        sys.exit(2)
    a, b = read
    assert not isinstance(a, LoadError) and not isinstance(b, LoadError)
    comparison = compare(a, b)
    if fmt == "json":
        data = comparison.to_dict(locale, all_cells=all_cells)
        sys.stdout.write(orjson.dumps(data, option=orjson.OPT_INDENT_2).decode() + "\n")
        return
    console = terminal()
    _print_text(console, locale, comparison, all_cells)


command.params.append(locale_option())
