"""``govdisclosure validate FILE...``: check reports and list the findings.

Every file is read and checked on its own: one unreadable file is reported
(in the chosen locale, with every problem and its path) and the others are
still checked.  Exit status: 0 when no finding is an error, 1 when any
finding is an error, 2 when the command was misused or an input could not
be read.  ``--format json`` prints one JSON list of findings on stdout (the
summary and read errors go to stderr), for scripts and CI.

``--part FILE`` (repeatable) names the reports of the units a published
report consolidates: each FILE is then also compared cell by cell with the
sum of those parts (a cell below the sum is an error,
``aggregate.parent-below-parts``; the cells above it one notice,
``aggregate.parent-vs-parts`` — a city may cover units that publish no
report of their own).  Parts that cannot be
read, or cannot be added up with a FILE (another year or edition, a unit
twice), are reported and exit 2; the parent check is then skipped rather
than run over an incomplete sum.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Any, cast

import click
import orjson
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..aggregate import ConsolidationError, check_against_parts
from ..codec import load
from ..errors import LoadError, Problem
from ..i18n import gettext
from ..registry import Report
from ..validation import BlankPolicy, Finding, validate
from ..validation.engine import path_order
from ..validation.findings import sort_key
from ._output import locale_option, warn_plugin_failures

__all__ = ["command"]

_STYLE = {"error": "bold red", "warning": "yellow", "notice": "cyan"}


def _read(path: str) -> Report | LoadError:
    try:
        return load(path)
    except LoadError as exc:
        return exc
    except Exception as exc:  # noqa: BLE001 - any unreadable input is reported, never a traceback
        return LoadError([Problem("$", "a readable report", f"{type(exc).__name__}: {exc}")], path)


def _severity(locale: str, severity: str) -> str:
    names = {
        "error": gettext(locale, "error"),
        "warning": gettext(locale, "warning"),
        "notice": gettext(locale, "notice"),
    }
    return names[severity]


def _counts(locale: str, findings: Sequence[Finding]) -> str:
    errors = sum(f.severity == "error" for f in findings)
    warnings = sum(f.severity == "warning" for f in findings)
    notices = sum(f.severity == "notice" for f in findings)
    return gettext(locale, "{errors} errors, {warnings} warnings, {notices} notices").format(
        errors=errors, warnings=warnings, notices=notices
    )


def _print_text(
    console: Console, locale: str, name: str, report: Report, findings: Sequence[Finding]
) -> None:
    head = Text(f"{name}", style="bold")
    head.append(f"  {report.unit.name} {report.year} ({report.edition})  ", style="")
    head.append(_counts(locale, findings), style="dim")
    console.print(head)
    if not findings:
        console.print(Text("  " + gettext(locale, "No findings."), style="green"))
        console.print()
        return
    table = Table(show_header=True, header_style="bold", expand=False, show_lines=False)
    table.add_column(gettext(locale, "Severity"), no_wrap=True)
    table.add_column(gettext(locale, "Rule"), no_wrap=True)
    table.add_column(gettext(locale, "Path"), overflow="fold")
    table.add_column(gettext(locale, "Message"), overflow="fold")
    for f in findings:
        table.add_row(
            Text(_severity(locale, f.severity), style=_STYLE[f.severity]),
            Text(f.rule),
            Text(f.path),
            Text(f.message(locale)),
        )
    console.print(table)
    console.print()


def _load_entries(name: str, error: LoadError, locale: str) -> list[dict[str, Any]]:
    """An unreadable file as JSON entries: one per problem, rule ``load``."""
    out = []
    for p in error.problems:
        text = f"{gettext(locale, 'expected')} {gettext(locale, p.expected)}"
        if p.found:
            text += f"; {gettext(locale, 'found')} {p.found}"
        out.append(
            {
                "file": name,
                "rule": "load",
                "severity": "error",
                "path": p.path,
                "involves": [p.path],
                "expected": None,
                "actual": None,
                "message": text,
            }
        )
    return out


@click.command("validate")
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option(
    "--previous",
    metavar="FILE",
    help="Last year's report of the same unit, for the cross-year (continuity) rules.",
)
@click.option(
    "--part",
    "parts",
    multiple=True,
    metavar="FILE",
    help="A report of a unit that FILE consolidates (repeat for each unit): "
    "FILE's cells are also compared with the sum of the parts.",
)
@click.option(
    "--blank",
    type=click.Choice(["missing", "zero"]),
    default="missing",
    show_default=True,
    help="Read blank and not-applicable cells as missing (relations over them are "
    "notices) or as zero.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="A table per file, or one JSON list of findings.",
)
def command(
    files: tuple[str, ...],
    previous: str | None,
    parts: tuple[str, ...],
    blank: str,
    fmt: str,
    locale: str,
) -> None:
    """Check reports against the format's rules and list what is wrong.

    Exit status 0: no errors; 1: some finding is an error; 2: bad usage or
    an unreadable input.
    """
    warn_plugin_failures(locale)
    own = {os.path.realpath(name) for name in files} & {os.path.realpath(p) for p in parts}
    if own:
        message = gettext(locale, "{path} is given both as a report and as one of its parts")
        raise click.UsageError(message.format(path=sorted(own)[0]))
    err = Console(file=sys.stderr, highlight=False, soft_wrap=True)
    out = Console(highlight=False, width=max(Console().width, 120))
    unreadable = 0
    last_year: Report | None = None
    if previous is not None:
        read = _read(previous)
        if isinstance(read, LoadError):
            unreadable += 1
            err.print(Text(read.with_source(previous).render(locale)))
        else:
            last_year = read
    part_reports: list[Report] = []
    parts_readable = True
    for name in parts:
        read = _read(name)
        if isinstance(read, LoadError):
            unreadable += 1
            parts_readable = False
            err.print(Text(read.with_source(name).render(locale)))
        else:
            part_reports.append(read)
    entries: list[dict[str, Any]] = []
    passed = failed = 0
    for name in files:
        read = _read(name)
        if isinstance(read, LoadError):
            unreadable += 1
            err.print(Text(read.with_source(name).render(locale)))
            entries.extend(_load_entries(name, read, locale))
            continue
        findings = validate(read, previous=last_year, blank=cast(BlankPolicy, blank), locale=locale)
        checked = True
        if part_reports and parts_readable:
            try:
                against = check_against_parts(read, part_reports)
            except ConsolidationError as exc:
                unreadable += 1
                message = gettext(locale, "Cannot compare with the parts")
                err.print(Text(f"{name}: {message}: {exc.render(locale)}"))
                checked = False  # never counted as passed; counted as unreadable
            else:
                findings = tuple(sorted((*findings, *against), key=sort_key(path_order(read))))
        if any(f.severity == "error" for f in findings):
            failed += 1
        elif checked:
            passed += 1
        if fmt == "json":
            entries.extend({"file": name, **f.to_dict(locale)} for f in findings)
        else:
            _print_text(out, locale, name, read, findings)
    summary = gettext(
        locale, "{total} files: {passed} passed, {failed} with errors, {unreadable} unreadable"
    ).format(total=len(files), passed=passed, failed=failed, unreadable=unreadable)
    if fmt == "json":
        sys.stdout.write(orjson.dumps(entries, option=orjson.OPT_INDENT_2).decode() + "\n")
        err.print(Text(summary))
    else:
        out.print(Text(summary, style="bold"))
    if unreadable:
        sys.exit(2)
    sys.exit(1 if failed else 0)


command.params.append(locale_option())
