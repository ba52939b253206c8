"""``govdisclosure validate FILE...``: check reports and list the findings.

Every file is read and checked on its own: one unreadable file is reported
(in the chosen locale, with every problem and its path) and the others are
still checked.  Exit status: 0 when no finding is an error, 1 when any
finding is an error, 2 when the command was misused or an input could not
be read.  ``--format json`` prints one JSON document (reports, findings,
unused acceptances) on stdout (the summary and read errors go to stderr),
for scripts and CI; ``--format jsonl`` streams one JSON object per line as
each file is checked, for runs too large to hold in one document.

FILE may be a directory (walked recursively, ``--glob`` to filter) or a
glob pattern; ``--jobs N`` checks the files in N worker processes (output
in the order of the files), with a progress display on standard error
(``--quiet``: none) and one closing line on standard error: the files
passed, with errors and unreadable, and the time (files per second from a
second on, :func:`govdisclosure.batch.summary.timing`).  A report whose table cells are all blank (an unfilled report
from ``govdisclosure new``) is an error, ``report.unfilled``.  Ctrl-C
stops the run with the summary so far (exit 2).

``--part FILE`` (repeatable) names the reports of the units a published
report consolidates: each FILE is then also compared cell by cell with the
sum of those parts (a cell below the sum is an error,
``aggregate.parent-below-parts``; the cells above it one notice,
``aggregate.parent-vs-parts`` — a city may cover units that publish no
report of their own).  Parts that cannot be
read, or cannot be added up with a FILE (another year or edition, a unit
twice), are reported and exit 2; the parent check is then skipped rather
than run over an incomplete sum.

Each file's summary says how many relations were checked and how each went
(passed, failed, not checkable).  ``--accept FILE`` reads accepted findings
(JSON or TOML, see :mod:`govdisclosure.validation.review`): they are listed
as accepted and do not fail the run; a finding whose values changed since
it was accepted is re-opened.  ``--format sarif`` writes SARIF 2.1.0.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Sequence
from functools import cache, partial
from typing import TYPE_CHECKING, Any, Final, cast

import click
import orjson
from attrs import frozen

from ..batch import Summary, drive
from ..batch.summary import after_interruption
from ..check import check
from ..editions import Report
from ..errors import LoadError, not_read
from ..flat import shape_of
from ..i18n import N_, gettext, ngettext
from ..inputs import load
from ..validation import BlankPolicy, Finding
from ..validation.engine import path_order
from ..validation.findings import sort_key
from ..validation.outcomes import RelationCounts
from ..validation.review import Acceptance, Reviewed, load_acceptances, review
from ._batch import batch_options, input_files, paired_inputs
from ._output import (
    PRINTED_PROBLEMS,
    locale_option,
    printable,
    terminal,
    warn_plugin_failures,
)
from ._plain import fits, plain_width
from ._wrap import widest_piece, wrap

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from ..validation.sarif import FileResult

__all__ = ["command"]

_STYLE = {"error": "bold red", "warning": "yellow", "notice": "cyan"}


def _read(path: str) -> Report | LoadError:
    try:
        return load(path)
    except LoadError as exc:
        return exc
    except Exception as exc:  # noqa: BLE001 - any unreadable input is reported, never a traceback
        return not_read(exc, path)


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
    # Each count has its own plural form ("1 error, 6 warnings").
    return gettext(locale, "{errors}, {warnings}, {notices}").format(
        errors=ngettext(locale, "{n} error", "{n} errors", errors).format(n=errors),
        warnings=ngettext(locale, "{n} warning", "{n} warnings", warnings).format(n=warnings),
        notices=ngettext(locale, "{n} notice", "{n} notices", notices).format(n=notices),
    )


def _relations(locale: str, counts: RelationCounts) -> str:
    return ngettext(
        locale,
        "{checked} relation checked, {passed} passed, {failed} failed, "
        "{not_checkable} not checkable",
        "{checked} relations checked, {passed} passed, {failed} failed, "
        "{not_checkable} not checkable",
        counts.checked,
    ).format(**counts.to_dict())


def _status(locale: str, reviewed: Reviewed) -> str:
    accepted = reviewed.acceptance
    if reviewed.status == "accepted" and accepted is not None:
        return gettext(locale, "accepted: {reason} ({who}, {date})").format(
            reason=accepted.reason, who=accepted.who, date=accepted.date.isoformat()
        )
    if reviewed.status == "reopened":
        return gettext(locale, "re-opened: the values changed since it was accepted")
    return gettext(locale, "open")


def _print_text(
    console: Console,
    locale: str,
    name: str,
    report: Report,
    reviewed: Sequence[Reviewed],
    counts: RelationCounts,
    with_status: bool,
    last_year: str | None = None,
) -> None:
    from rich.text import Text

    width = console.width
    findings = [r.finding for r in reviewed]
    head = Text(f"{name}", style="bold")
    head.append(f"  {printable(report.unit.name)} {report.year} ({report.edition})  ", style="")
    head.append(_counts(locale, findings), style="dim")
    accepted = sum(r.status == "accepted" for r in reviewed)
    if accepted:
        head.append("; " + gettext(locale, "{n} accepted").format(n=accepted), style="dim")
    # One line, however long: a file's path broken over two lines is no
    # longer the path (for grep, or a copy from the terminal, which wraps it).
    console.print(head, soft_wrap=True)
    console.print(Text("\n".join(wrap("  " + _relations(locale, counts), width)), style="dim"))
    if last_year is not None:
        console.print(Text("  " + _against(locale, last_year), style="dim"), soft_wrap=True)
    if not findings:
        console.print(Text("  " + gettext(locale, "No findings."), style="green"))
        console.print()
        return
    # Three columns, the rule above the path in one: a JSON path is one
    # word, never broken, and the message wraps beside it where a reader
    # breaks it (:func:`._wrap.wrap`: never inside a date or a number).  A
    # terminal too narrow for that gets one finding per block instead.
    shown = reviewed[:PRINTED_PROBLEMS]
    rows = []
    messages = []
    for r in shown:
        f = r.finding
        message = printable(f.message(locale))
        messages.append(message)
        row = [
            Text(_severity(locale, f.severity), style=_STYLE[f.severity]),
            Text(f"{f.rule}\n{f.path}"),
            Text(message),
        ]
        if with_status:
            row.append(Text(_status(locale, r), style="green" if r.status == "accepted" else ""))
        rows.append(row)
    headings = [
        gettext(locale, "Severity"),
        f"{gettext(locale, 'Rule')} / {gettext(locale, 'Path')}",
        gettext(locale, "Message"),
        *([gettext(locale, "Status")] if with_status else []),
    ]
    widths = _column_widths(width, headings, rows, max(map(widest_piece, messages)))
    if widths is None:
        _print_blocks(console, locale, shown, messages, with_status)
    else:
        from rich.table import Table  # only a report with findings is tabulated

        table = Table(show_header=True, header_style="bold", show_lines=True)
        for heading, column in zip(headings, widths, strict=True):
            table.add_column(heading, overflow="fold", width=column)
        for row, message in zip(rows, messages, strict=True):
            row[2] = Text("\n".join(wrap(message, widths[2])))
            table.add_row(*row)
        console.print(table)
    hidden = len(reviewed) - PRINTED_PROBLEMS
    if hidden > 0:
        more = ngettext(
            locale,
            "and {n} more finding (--format json lists every one)",
            "and {n} more findings (--format json lists every one)",
            hidden,
        )
        console.print(Text("  … " + more.format(n=hidden), style="dim"))
    console.print()


def _against(locale: str, last_year: str) -> str:
    """The line naming the file a report's continuity was checked against."""
    return gettext(locale, "Continuity checked against {path}").format(path=last_year)


#: The narrowest message column a table is drawn with (terminal cells);
#: narrower, each finding is printed as a block of its own.
MESSAGE_COLUMN: Final = 20


def _column_widths(
    total: int, headings: list[str], rows: list[list[Text]], unbreakable: int
) -> list[int] | None:
    """The columns' widths in a table ``total`` columns wide, set here rather
    than left to rich: rich will not make a column narrower than its longest
    word, and a message quoting a Chinese sentence is one long word, so the
    table came out wider than the terminal and its right side was cut off.

    The severity (and status) columns are as wide as their widest entry, the
    rule and path as their longest line (a rule id or a JSON path is never
    broken), and the message has the rest.  ``None`` when that leaves the
    message fewer than :data:`MESSAGE_COLUMN` cells or fewer than its widest
    piece that cannot be broken (``unbreakable``: a date, a path quoted in
    it): the findings are then printed one per block (:func:`_print_blocks`).
    """
    from rich.cells import cell_len

    def widest(i: int) -> int:
        lines = [*headings[i].split("\n"), *(ln for row in rows for ln in row[i].plain.split("\n"))]
        return max(cell_len(line) for line in lines)

    fixed = [widest(0), *([widest(3)] if len(headings) > 3 else [])]
    # Borders (one more than the columns) and a space each side of every column.
    room = total - (len(headings) + 1) - 2 * len(headings) - sum(fixed)
    path = widest(1)
    message = room - path
    if message < max(MESSAGE_COLUMN, unbreakable):
        return None
    return [fixed[0], path, message, *fixed[1:]]


def _print_blocks(
    console: Console,
    locale: str,
    shown: Sequence[Reviewed],
    messages: Sequence[str],
    with_status: bool,
) -> None:
    """The findings one per block, for a terminal too narrow for the table:
    the severity and rule, the path on a line of its own (never broken: the
    terminal wraps it), the message indented and wrapped (:func:`._wrap.wrap`).
    """
    from rich.text import Text

    for i, (r, message) in enumerate(zip(shown, messages, strict=True)):
        f = r.finding
        if i:
            console.print()
        head = Text("  ")
        head.append(_severity(locale, f.severity), style=_STYLE[f.severity])
        head.append(f"  {f.rule}")
        if with_status:
            status = _status(locale, r)
            head.append(f"  {status}", style="green" if r.status == "accepted" else "")
        console.print(head, soft_wrap=True)
        console.print(Text(f"    {f.path}"), soft_wrap=True)
        lines = wrap(message, max(console.width - 4, 8))
        console.print(Text("\n".join("    " + line for line in lines)), soft_wrap=True)


def _plain_clean(
    options: _Options,
    name: str,
    report: Report,
    counts: RelationCounts,
    last_year: str | None = None,
) -> str | None:
    """The text of a report without findings, written without rich, or ``None``.

    Printing three short lines through rich cost about a third of a clean
    file's time in a batch.  Without colour, rich prints a line that fits
    the width and holds only printable characters exactly as given; this
    writes those lines directly and leaves every other case (colour, a
    line to wrap, findings to tabulate) to :func:`_print_text`.
    """
    if options.color:
        return None
    locale = options.locale
    lines = (
        f"{name}  {printable(report.unit.name)} {report.year} ({report.edition})  "
        + _counts(locale, ()),
        "  " + _relations(locale, counts),
        *(("  " + _against(locale, last_year),) if last_year is not None else ()),
        "  " + gettext(locale, "No findings."),
    )
    if all(fits(line, options.width) for line in lines):
        return "\n".join(lines) + "\n\n"
    return None


def _load_findings(error: LoadError, locale: str) -> list[Finding]:
    """An unreadable file as findings: one per problem, rule ``load``."""
    out = []
    for p in error.problems:
        text = p.describe(locale)
        # The text is already in the user's language and is its own
        # template (an id the catalogs do not hold): the braces of what the
        # file holds (``[{"file": …``) are doubled so no one reads them as
        # placeholders.
        template = text.replace("{", "{{").replace("}", "}}")
        out.append(
            Finding(
                rule="load", severity="error", path=p.path, involves=(p.path,), message_id=template
            )
        )
    return out


#: The finding of a report whose table cells are all blank.
UNFILLED_RULE = "report.unfilled"


def _unfilled(report: Report) -> Finding | None:
    """An error when every table cell is blank: a skeleton from
    ``govdisclosure new`` that nobody filled in passes every relation (there
    is nothing to add up) and would otherwise look checked and clean."""
    values = shape_of(report).flatten(report)
    if not values or any(value is not None for value in values):
        return None
    return Finding(
        rule=UNFILLED_RULE,
        severity="error",
        path="$",
        message_id=N_(
            "Every table cell is blank: the report has not been filled in "
            "(a blank report from govdisclosure new?)"
        ),
    )


def _against_parts(
    report: Report, parts: Sequence[Report], locale: str
) -> tuple[tuple[Finding, ...], str | None]:
    """The parent check of ``--part``: its findings, or why the parts cannot
    be added up (the aggregation package is imported only then)."""
    from ..aggregate import ConsolidationError, check_against_parts

    try:
        return tuple(check_against_parts(report, list(parts))), None
    except ConsolidationError as exc:
        return (), exc.render(locale)


def _entry(name: str, r: Reviewed, locale: str) -> dict[str, Any]:
    entry: dict[str, Any] = {"file": name, **r.finding.to_dict(locale), "status": r.status}
    if r.acceptance is not None:
        entry["acceptance"] = r.acceptance.to_dict()
    return entry


def _closing_line(locale: str, batch: Summary, unreadable: int, side_unread: int) -> str:
    """The one closing line of a validation, on standard error: the files
    (passed, with errors, unreadable), the --previous and --part files that
    could not be read, the time (:meth:`Summary.timing`).

    It takes the place of the batch line other commands end with, which
    repeated the counts in other words ("failed" for "with errors",
    "skipped" for "unreadable", "written", always 0).  After Ctrl-C the
    counts are of the files done, led by how far the run got."""
    done = batch.read + batch.skipped
    total = done if batch.interrupted else batch.total
    summary = ngettext(
        locale,
        "{total} file: {passed} passed, {failed} with errors, {unreadable} unreadable",
        "{total} files: {passed} passed, {failed} with errors, {unreadable} unreadable",
        total,
    ).format(
        total=f"{total:,}",
        passed=f"{batch.passed:,}",
        failed=f"{batch.failed:,}",
        unreadable=f"{unreadable:,}",
    )
    if side_unread:
        # The --previous or --part file is not one of the FILEs counted:
        # said apart, so the counts add up to the files.
        summary = ngettext(
            locale,
            "{summary}; {n} file given with --previous or --part unreadable",
            "{summary}; {n} files given with --previous or --part unreadable",
            side_unread,
        ).format(summary=summary, n=side_unread)
    line = gettext(locale, "{counts}; {time}").format(counts=summary, time=batch.tail(locale))
    if batch.interrupted:
        line = after_interruption(line, done, batch.total, locale)
    return line


def _close(locale: str, batch: Summary, unreadable: int, side_unread: int) -> None:
    """Print the closing line on standard error, as it is (no console is made
    for one line)."""
    sys.stderr.write(_closing_line(locale, batch, unreadable, side_unread) + "\n")
    sys.stderr.flush()


@frozen
class _Options:
    """What every file is checked with (sent once per chunk to the workers)."""

    fmt: str
    blank: str
    locale: str
    acceptances: tuple[Acceptance, ...]
    with_status: bool
    previous: Report | None
    parts: tuple[Report, ...] | None
    color: bool
    width: int
    #: ``--quiet``: a file with no finding prints nothing (the summary counts it).
    quiet: bool = False


@frozen
class _Outcome:
    """One file's result, ready to print: built in a worker, printed in order."""

    name: str
    #: passed, failed, unreadable (skipped), unchecked (read, parent check impossible)
    status: str
    text: str
    errors: str
    report: dict[str, Any]
    findings: tuple[dict[str, Any], ...]
    result: FileResult | None
    accepted: frozenset[str]


@cache
def _text_console(width: int, color: bool) -> Console:
    """One capturing console per process and setting: making a Console costs
    more than printing a clean report's three lines."""
    return terminal(
        file=io.StringIO(),
        width=width,
        force_terminal=color,
        color_system="standard" if color else None,
    )


class _Streams:
    """Where the command prints: rich's consoles, each made on first use,
    and plain lines written directly where rich would print them as they
    are (:mod:`._plain`), so that a clean run makes no console."""

    def __init__(self) -> None:
        #: The width of standard output when it is plainly not a terminal.
        self._plain = plain_width(sys.stdout)
        self._out: Console | None = None
        self._err: Console | None = None

    def _stdout(self) -> Console:
        if self._out is None:
            self._out = terminal()
        return self._out

    @property
    def color(self) -> bool:
        """Whether standard output is printed in colour."""
        if self._plain is not None:
            return False
        out = self._stdout()
        return out.is_terminal and not out.no_color

    @property
    def width(self) -> int:
        """The width standard output is wrapped at."""
        return self._plain if self._plain is not None else self._stdout().width

    def say(self, text: str, style: str) -> None:
        """``text`` on standard output (in ``style`` when in colour)."""
        if self._plain is not None and fits(text, self._plain):
            sys.stdout.write(text + "\n")
            return
        from rich.text import Text

        self._stdout().print(Text(text, style=style))

    def error(self, text: str) -> None:
        """``text`` on standard error, lines never wrapped."""
        from rich.text import Text

        if self._err is None:
            self._err = terminal(file=sys.stderr, soft_wrap=True)
        self._err.print(Text(text))


def _sarif_result(
    options: _Options, name: str, reviewed: tuple[Reviewed, ...], counts: RelationCounts | None
) -> FileResult | None:
    """The file's SARIF result under ``--format sarif`` (the only format that
    imports the SARIF module), else ``None``."""
    if options.fmt != "sarif":
        return None
    from ..validation.sarif import FileResult

    return FileResult(name, reviewed, counts)


def _check_file(
    options: _Options,
    name: str,
    read: Report | LoadError,
    last_year: str | None = None,
    before: Report | LoadError | None = None,
) -> _Outcome:
    """Check one file as read; every failure becomes an outcome, never an exception.

    ``last_year`` is the file of the same unit's year before (``--pair-years``)
    and ``before`` that file as read; when it cannot be read, the file is
    checked without it (that file's own check says why)."""
    locale = options.locale
    if isinstance(read, LoadError):
        reviewed: tuple[Reviewed, ...] = tuple(review(_load_findings(read, locale), ()))
        report: dict[str, Any] = {"file": name, "readable": False}
        entries = tuple(_entry(name, r, locale) for r in reviewed) if options.fmt != "text" else ()
        return _Outcome(
            name,
            "unreadable",
            _lines(report, entries) if options.fmt == "jsonl" else "",
            read.with_source(name).render(locale, limit=PRINTED_PROBLEMS),
            report,
            entries,
            _sarif_result(options, name, reviewed, None),
            frozenset(),
        )
    previous = options.previous
    if last_year is not None:
        previous, last_year = (before, last_year) if isinstance(before, Report) else (None, None)
    validation = check(
        read, previous=previous, blank=cast(BlankPolicy, options.blank), locale=locale
    )
    findings = validation.findings
    unfilled = _unfilled(read)
    if unfilled is not None:
        findings = (unfilled, *findings)
    errors = ""
    checked = True
    if options.parts:
        against, problem = _against_parts(read, options.parts, locale)
        if problem is not None:
            message = gettext(locale, "Cannot compare with the parts")
            errors = f"{name}: {message}: {problem}"
            checked = False  # never counted as passed; counted as unreadable
        else:
            findings = tuple(sorted((*findings, *against), key=sort_key(path_order(read))))
    reviewed = tuple(review(findings, options.acceptances))
    counts = validation.counts
    if any(r.finding.severity == "error" and r.status != "accepted" for r in reviewed):
        status = "failed"
    else:
        status = "passed" if checked else "unchecked"
    text = ""
    if options.fmt == "text" and not reviewed and not options.quiet:
        text = _plain_clean(options, name, read, counts, last_year) or ""
    if options.fmt == "text" and not text and (reviewed or not options.quiet):
        console = _text_console(options.width, options.color)
        console.begin_capture()
        _print_text(console, locale, name, read, reviewed, counts, options.with_status, last_year)
        text = console.end_capture()
    report = {
        "file": name,
        "readable": True,
        "unit": read.unit.name,
        "year": read.year,
        "edition": read.edition,
        "relations": counts.to_dict(),
        **({"previous": last_year} if last_year is not None else {}),
        "findings": len(reviewed),
        "accepted": sum(r.status == "accepted" for r in reviewed),
    }
    entries = tuple(_entry(name, r, locale) for r in reviewed) if options.fmt != "text" else ()
    if options.fmt == "jsonl":
        text = _lines(report, entries)
    return _Outcome(
        name,
        status,
        text,
        errors,
        report if options.fmt != "jsonl" else {},
        entries if options.fmt != "jsonl" else (),
        _sarif_result(options, name, reviewed, counts),
        frozenset(r.finding.fingerprint for r in reviewed if r.status == "accepted"),
    )


@frozen
class _Chunk:
    """The outcomes of a run of files, folded in the worker: what the parent
    prints and counts, in one message instead of one per file."""

    text: str
    errors: tuple[str, ...]
    read: int
    skipped: int
    passed: int
    failed: int
    unreadable: int
    accepted: frozenset[str]
    reports: tuple[dict[str, Any], ...]
    findings: tuple[dict[str, Any], ...]
    results: tuple[FileResult, ...]


def _check_chunk(options: _Options, names: list[str] | list[tuple[str, str | None]]) -> _Chunk:
    """Read and check a run of files (:func:`_check_file` each) and fold their
    outcomes; under ``--pair-years`` each file comes with its year before,
    which is usually the file just read (:func:`._batch.paired_inputs` orders
    them so)."""
    outcomes: list[_Outcome] = []
    just_read: tuple[str, Report | LoadError] | None = None
    for item in names:
        name, last_year = (item, None) if isinstance(item, str) else item
        before: Report | LoadError | None = None
        if last_year is not None:
            if just_read is not None and just_read[0] == last_year:
                before = just_read[1]
            else:
                before = _read(last_year)
        as_read = _read(name)
        outcomes.append(_check_file(options, name, as_read, last_year, before))
        if not isinstance(item, str):
            just_read = (name, as_read)
    return _fold(options, outcomes)


def _no_match(options: _Options, pattern: str, said: str) -> _Outcome:
    """An input that gave no file (a glob pattern that matched none, a
    directory that holds none), as the outcome of a file that cannot be
    read: said (``said``: "no file matches PATTERN", "DIR holds no file
    matching PATTERN"), counted as unreadable, and in ``--format
    json``/``jsonl``/``sarif`` a report that is not readable with its one
    finding (rule ``load``)."""
    locale = options.locale
    template = said.replace("{", "{{").replace("}", "}}")  # its own template, as _load_findings
    finding = Finding(rule="load", severity="error", path="$", involves=("$",), message_id=template)
    reviewed = tuple(review([finding], ()))
    report: dict[str, Any] = {"file": pattern, "readable": False}
    entries = tuple(_entry(pattern, r, locale) for r in reviewed) if options.fmt != "text" else ()
    return _Outcome(
        pattern,
        "unreadable",
        _lines(report, entries) if options.fmt == "jsonl" else "",
        said,
        report,
        entries,
        _sarif_result(options, pattern, reviewed, None),
        frozenset(),
    )


def _fold(options: _Options, outcomes: Sequence[_Outcome]) -> _Chunk:
    """The outcomes of a run of files as one :class:`_Chunk`."""
    texts: list[str] = []
    errors: list[str] = []
    reports: list[dict[str, Any]] = []
    findings: list[dict[str, Any]] = []
    results: list[FileResult] = []
    accepted: set[str] = set()
    read = skipped = passed = failed = unreadable = 0
    keep = options.fmt not in ("text", "jsonl")
    for outcome in outcomes:
        if outcome.errors:
            errors.append(outcome.errors)
        if outcome.status == "unreadable":
            skipped += 1
            unreadable += 1
        else:
            read += 1
            if outcome.errors:
                unreadable += 1  # the parent check could not be made
        if outcome.status == "failed":
            failed += 1
        elif outcome.status == "passed":
            passed += 1
        accepted |= outcome.accepted
        if keep:
            reports.append(outcome.report)
            findings.extend(outcome.findings)
            if outcome.result is not None:
                results.append(outcome.result)
        else:
            texts.append(outcome.text)
    return _Chunk(
        "".join(texts),
        tuple(errors),
        read,
        skipped,
        passed,
        failed,
        unreadable,
        frozenset(accepted),
        tuple(reports),
        tuple(findings),
        tuple(results),
    )


def _line(obj: dict[str, Any]) -> None:
    sys.stdout.write(orjson.dumps(obj, option=orjson.OPT_APPEND_NEWLINE).decode())


def _lines(report: dict[str, Any], entries: Sequence[dict[str, Any]]) -> str:
    """A file's JSON Lines: its report object, then one object per finding."""
    out = [orjson.dumps({"type": "report", **report})]
    out.extend(orjson.dumps({"type": "finding", **entry}) for entry in entries)
    out.append(b"")
    return b"\n".join(out).decode()


@click.command("validate")
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option(
    "--previous",
    metavar="FILE",
    help="Last year's report of the same unit, for the cross-year (continuity) rules.",
)
@click.option(
    "--pair-years",
    is_flag=True,
    help="Check each report's continuity against the same unit's report of the year "
    "before when it is among FILE... (a corpus of several years); not with --previous.",
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
    type=click.Choice(["text", "json", "jsonl", "sarif"]),
    default="text",
    show_default=True,
    help="A table per file, one JSON document (reports and findings), JSON Lines "
    "streamed file by file (one object per line: reports, findings, the summary), "
    "or SARIF 2.1.0.",
)
@click.option(
    "--accept",
    metavar="FILE",
    help="Accepted findings (JSON or TOML: fingerprint, reason, who, date): listed as "
    "accepted and not failing the run; re-opened when their values change.",
)
def command(
    files: tuple[str, ...],
    previous: str | None,
    pair_years: bool,
    parts: tuple[str, ...],
    blank: str,
    fmt: str,
    accept: str | None,
    pattern: str | None,
    jobs: int,
    quiet: bool,
    locale: str,
) -> None:
    """Check reports against the format's rules and list what is wrong.

    FILE may be a file, a directory (every report below it) or a glob
    pattern.  Exit status 0: no errors; 1: some finding is an error; 2: bad
    usage, an unreadable input, or an interrupted run.
    """
    if pair_years and previous is not None:
        message = gettext(
            locale, "--pair-years finds each report's year before: not with --previous"
        )
        raise click.UsageError(message)
    inputs = input_files(files, pattern)
    paths = inputs.files
    every_input = (*paths, *parts, *((previous,) if previous else ()))
    json_only = all(os.path.splitext(name)[1].lower() == ".json" for name in every_input)
    # Imported here, before the workers start: they inherit what is loaded.
    warn_plugin_failures(locale, "rules", *(() if json_only else ("loaders",)))
    own = {os.path.realpath(p) for p in parts}
    own = {real for real in map(os.path.realpath, paths) if real in own} if own else own
    if own:
        message = gettext(locale, "{path} is given both as a report and as one of its parts")
        raise click.UsageError(message.format(path=sorted(own)[0]))
    streams = _Streams()
    acceptances: tuple[Acceptance, ...] = ()
    if accept is not None:
        try:
            acceptances = load_acceptances(accept)
        except LoadError as exc:
            heading = N_("Cannot read the list of accepted findings")
            streams.error(
                exc.with_source(accept).render(locale, limit=PRINTED_PROBLEMS, heading=heading)
            )
            sys.exit(2)
    unreadable = 0
    last_year: Report | None = None
    if previous is not None:
        read = _read(previous)
        if isinstance(read, LoadError):
            unreadable += 1
            streams.error(read.with_source(previous).render(locale, limit=PRINTED_PROBLEMS))
        else:
            last_year = read
    part_reports: list[Report] = []
    parts_readable = True
    for name in parts:
        read = _read(name)
        if isinstance(read, LoadError):
            unreadable += 1
            parts_readable = False
            streams.error(read.with_source(name).render(locale, limit=PRINTED_PROBLEMS))
        else:
            part_reports.append(read)
    #: The --previous and --part files that could not be read.
    side_unread = unreadable
    options = _Options(
        fmt=fmt,
        blank=blank,
        locale=locale,
        acceptances=acceptances,
        with_status=accept is not None,
        previous=last_year,
        parts=tuple(part_reports) if part_reports and parts_readable else None,
        color=streams.color,
        width=streams.width,
        quiet=quiet,
    )
    results: list[FileResult] = []
    reports: list[dict[str, Any]] = []
    findings: list[dict[str, Any]] = []
    used: set[str] = set()
    missing = inputs.missing(locale)
    batch = inputs.summary()

    def show(chunk: _Chunk) -> None:
        for message in chunk.errors:
            streams.error(message)
        if chunk.text:
            sys.stdout.write(chunk.text)
        reports.extend(chunk.reports)
        findings.extend(chunk.findings)
        results.extend(chunk.results)

    def take(chunk: _Chunk) -> None:
        nonlocal unreadable
        batch.read += chunk.read
        batch.skipped += chunk.skipped
        batch.passed += chunk.passed
        batch.failed += chunk.failed
        unreadable += chunk.unreadable
        used.update(chunk.accepted)
        show(chunk)

    note = inputs.glob_unused(locale)
    if note is not None:
        streams.error(note)
    if missing:
        # Said first, as a file that cannot be read is (and a report with a
        # ``load`` finding in JSON), but counted apart from the files.
        show(_fold(options, [_no_match(options, name, said) for name, said in missing]))
    items: Sequence[str] | list[tuple[str, str | None]] = paths
    if pair_years:
        items = paired_inputs(
            paths,
            jobs,
            locale,
            streams.error,
            batch,
            quiet,
            closing=partial(_close, locale, batch, 0, side_unread),
        )
    drive(
        partial(_check_chunk, options),
        items,
        take,
        jobs=jobs,
        locale=locale,
        quiet=quiet,
        summary=batch,
    )
    failed = batch.failed
    stale = [a for a in acceptances if a.fingerprint not in used]
    if fmt == "json":
        document = {
            "reports": reports,
            "findings": findings,
            "unused_acceptances": [a.to_dict() for a in stale],
        }
        sys.stdout.write(orjson.dumps(document, option=orjson.OPT_INDENT_2).decode() + "\n")
    elif fmt == "jsonl":
        for acceptance in stale:
            _line({"type": "unused_acceptance", **acceptance.to_dict()})
        _line({"type": "summary", **batch.to_dict()})
    elif fmt == "sarif":
        from .. import __version__
        from ..plugin.manager import rules as installed
        from ..validation.sarif import sarif_log

        log = sarif_log(results, list(installed()), locale=locale, version=__version__)
        sys.stdout.write(orjson.dumps(log, option=orjson.OPT_INDENT_2).decode() + "\n")
    elif stale:
        note = ngettext(
            locale,
            "{n} accepted finding was not found again (fixed, or its values changed)",
            "{n} accepted findings were not found again (fixed, or their values changed)",
            len(stale),
        )
        streams.say(note.format(n=len(stale)), style="dim")
    sys.stdout.flush()
    _close(locale, batch, unreadable - side_unread, side_unread)
    if unreadable or batch.interrupted or batch.unmatched or batch.empty:
        sys.exit(2)
    sys.exit(1 if failed else 0)


command.params.extend(batch_options())
command.params.append(locale_option())
