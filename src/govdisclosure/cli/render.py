"""``govdisclosure render FILE --to FORMAT``: a report as PDF, Markdown, JSON …

The formats are whatever renderer plugins are installed (``govdisclosure
plugins`` lists them).  The output goes to ``-o/--output``, or by default
to the input's name with the renderer's suffix **in the current
directory** (``examples/huaian-2024.json`` → ``./huaian-2024.pdf``): like a
compiler, the command never writes into the directory the input came from
unless told to, which may be read-only or someone else's.  ``-o -`` writes
to standard output.

Writing is atomic: the document is rendered completely in memory, written
to a temporary file next to the target and moved into place, so an
interrupted or failed run never leaves a half-written file.  An existing
file is never replaced without ``--force``; without it the final move is a
hard link, which the operating system refuses if the name appeared in the
meantime.

Renderer-specific options are ``--option KEY=VALUE``; the keys ``locale``,
``charts`` and ``font`` (and ``to``, ``report``) belong to ``render()``
itself and are refused with the flag to use instead.  A renderer that
cannot use what it was given (a ``--font`` it cannot embed, an option value
it does not know) raises :class:`~govdisclosure.rendering.RenderError`.

Many files at once: ``render FILE... --to FORMAT -d DIR`` (FILE may be a
directory, walked recursively, ``--glob`` to filter, or a glob pattern)
renders every file into DIR (default: the current directory) in ``--jobs``
worker processes, each written atomically; a file that cannot be read or
rendered, or whose output exists without ``--force``, is reported and
skipped, and the run ends with a summary.  ``-o`` names the output of a
single FILE only.

Exit status: 0 written; 1 the renderer failed (a bug in it); 2 bad usage
(unknown format, a malformed or reserved ``--option``, options the renderer
cannot use, existing output, an edition the renderer does not support) or
an input that cannot be read (reported in ``--locale``, with every problem).
"""

from __future__ import annotations

import glob
import sys
import warnings
from functools import partial
from pathlib import Path
from typing import Any

import click
from attrs import frozen

from ..batch import close, drive_files, output_stems
from ..editions import Report
from ..errors import LoadError, said_in
from ..files import write_atomic
from ..i18n import gettext, series
from ..inputs import load
from ..oserrors import os_error_text
from ..plugin.manager import PluginError
from ..rendering import (
    RenderError,
    UnknownRendererError,
    UnsupportedEditionError,
    get_renderer,
    render,
)
from ._batch import Inputs, batch_options, input_files
from ._output import (
    PRINTED_PROBLEMS,
    locale_option,
    make_output_folder,
    output_exists,
    unwritable,
    warn_plugin_failures,
)

__all__ = ["InputError", "command", "default_output", "read_report"]


def read_report(path: Path) -> Report:
    """A report from ``path``, through the one input door (:func:`govdisclosure.inputs.load`)."""
    return load(path)


def default_output(source: Path, suffix: str) -> Path:
    """``<stem><suffix>`` in the current directory (see the module docstring)."""
    return Path.cwd() / (source.stem + suffix)


class InputError(click.ClickException):
    """Bad usage or unreadable input: a message and exit status 2, no traceback."""

    exit_code = 2


def _fail(message: str) -> click.ClickException:
    return InputError(message)


#: What ``render()`` takes itself, so not a renderer option: the CLI's own
#: way of saying it.
_RESERVED: dict[str, str] = {
    "report": "FILE",
    "to": "--to",
    "locale": "--locale",
    "charts": "--charts",
    "font": "--font",
}


def _parse_options(values: tuple[str, ...], locale: str) -> dict[str, str]:
    """``--option KEY=VALUE`` as a dict; a malformed or reserved key is bad usage."""
    extra: dict[str, str] = {}
    for item in values:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not key:
            raise _fail(
                gettext(locale, "--option expects KEY=VALUE, not {item!r}").format(item=item)
            )
        if key in _RESERVED:
            raise _fail(
                gettext(
                    locale, "--option {key}=… is not a renderer option; use {instead} instead"
                ).format(key=key, instead=_RESERVED[key])
            )
        extra[key] = value
    return extra


@frozen
class _Job:
    """What every file of a batch is rendered with."""

    to: str
    suffix: str
    out_dir: Path
    names: dict[str, str]
    charts: bool
    font: Path | None
    extra: dict[str, str]
    force: bool
    locale: str


@frozen
class _Done:
    """One file of a batch: ``status`` written, failed (renderer) or skipped;
    ``notes``, what the renderer warned of (said once per run)."""

    status: str
    message: str
    notes: tuple[str, ...] = ()


def _rendered(report: Report, to: str, **options: Any) -> tuple[bytes, tuple[str, ...]]:
    """``render(report, to, **options)`` and what the renderer warned the
    user of (a :class:`UserWarning`: the PDF renderer's font stand-ins).

    The warnings are handed back rather than shown, so that a batch says
    each once per run: every worker process renders its first file with the
    same fonts and would otherwise say it again.  Other warnings (a
    library's deprecation) are shown as Python shows them."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", UserWarning)
        data = render(report, to, **options)
    notes: list[str] = []
    for warning in caught:
        if issubclass(warning.category, UserWarning):
            notes.append(str(warning.message))
        else:
            warnings.showwarning(
                warning.message, warning.category, warning.filename, warning.lineno
            )
    return data, tuple(dict.fromkeys(notes))


def _render_file(job: _Job, name: str) -> _Done:
    """Render one file of a batch and write it; every failure is a result."""
    locale = job.locale
    file = Path(name)
    target = job.out_dir / (job.names[name] + job.suffix)
    if target.exists() and not job.force:
        return _Done(
            "skipped",
            gettext(locale, "{path} exists; use --force to replace it").format(path=target),
        )
    try:
        report = read_report(file)
    except LoadError as exc:
        return _Done("skipped", exc.with_source(str(file)).render(locale, limit=PRINTED_PROBLEMS))
    try:
        data, notes = _rendered(
            report, job.to, locale=locale, charts=job.charts, font=job.font, **job.extra
        )
    except (UnsupportedEditionError, RenderError) as exc:
        return _Done("skipped", f"{file}: {said_in(exc, locale)}")
    except Exception as exc:  # noqa: BLE001 - a renderer's bug: a message, not a traceback
        return _Done(
            "failed",
            f"{file}: "
            + gettext(locale, "Renderer {name!r} failed: {error}").format(
                name=job.to, error=f"{type(exc).__name__}: {exc}"
            ),
        )
    try:
        write_atomic(data, target, force=job.force)
    except FileExistsError:
        return _Done(
            "skipped",
            gettext(locale, "{path} exists; use --force to replace it").format(path=target),
        )
    except OSError as exc:
        message = gettext(locale, "Cannot write {path}: {reason}")
        return _Done("skipped", message.format(path=target, reason=os_error_text(exc, locale)))
    return _Done("written", str(target), notes)


def _render_many(inputs: Inputs, job: _Job, jobs: int, quiet: bool, locale: str) -> None:
    files = inputs.files
    # An input that gave no file (a pattern, a directory) is said first, and
    # counted apart from the files.
    batch = inputs.summary()
    inputs.say(locale, partial(click.echo, err=True))
    said: set[str] = set()

    def take(result: _Done) -> None:
        for note in result.notes:
            if note not in said:
                said.add(note)
                click.echo(note, err=True)
        if result.status == "skipped":
            batch.skipped += 1
        else:
            batch.read += 1
        if result.status == "written":
            batch.written += 1
            batch.passed += 1
            if not quiet:
                click.echo(result.message, err=True)
        else:
            if result.status == "failed":
                batch.failed += 1
            click.echo(result.message, err=True)

    drive_files(
        partial(_render_file, job),
        files,
        take,
        jobs=jobs,
        locale=locale,
        quiet=quiet,
        summary=batch,
    )
    close(batch, locale, quiet)
    sys.exit(batch.exit_code)


@click.command(name="render")
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option(
    "--to",
    "-t",
    "to",
    required=True,
    metavar="FORMAT",
    help="Output format: the name of an installed renderer (pdf, markdown, json …).",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
    metavar="FILE",
    default=None,
    help="Output file ('-' for standard output) of a single FILE. Default: FILE's name "
    "with the format's suffix, in the current directory.",
)
@click.option(
    "--output-dir",
    "-d",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    metavar="DIR",
    default=None,
    help="Directory for the outputs (each named after its input; default: the current directory).",
)
@click.option("--charts", is_flag=True, default=False, help="Add charts where the format can.")
@click.option(
    "--font",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    metavar="FILE",
    default=None,
    help="TrueType font to embed (PDF).",
)
@click.option(
    "--option",
    "options",
    multiple=True,
    metavar="KEY=VALUE",
    help="A renderer-specific option (repeatable).",
)
@click.option("--force", "-f", is_flag=True, default=False, help="Replace the output if it exists.")
@click.pass_context
def command(
    ctx: click.Context,
    files: tuple[str, ...],
    to: str,
    output: Path | None,
    out_dir: Path | None,
    charts: bool,
    font: Path | None,
    options: tuple[str, ...],
    force: bool,
    pattern: str | None,
    jobs: int,
    quiet: bool,
    locale: str,
) -> None:
    """Render FILE (a report; or many: files, directories, glob patterns) with an
    installed renderer plugin."""
    warn_plugin_failures(locale, "renderers", "loaders")
    try:
        renderer = get_renderer(to)
    except UnknownRendererError as exc:
        raise _fail(
            gettext(locale, "Unknown format {name!r}; installed: {available}").format(
                name=to, available=series(locale, exc.available)
            )
        ) from None
    except PluginError as exc:
        raise _fail(str(exc)) from None
    extra = _parse_options(options, locale)
    # One FILE that is not a directory nor a pattern is one report, also when
    # it is missing (said as the file that cannot be read, not as "many").
    single = (
        len(files) == 1
        and not Path(files[0]).is_dir()
        and (Path(files[0]).exists() or not glob.has_magic(files[0]))
    )
    inputs = Inputs([files[0]], pattern=pattern) if single else input_files(files, pattern)
    paths = inputs.files
    if single and out_dir is None:  # said by _render_many otherwise
        inputs.say(locale, partial(click.echo, err=True))
    if output is not None and out_dir is not None:
        raise _fail(gettext(locale, "Give -o FILE or -d DIR, not both"))
    if not single or out_dir is not None:
        if output is not None:
            raise _fail(gettext(locale, "-o names the output of one FILE; use -d DIR for many"))
        target_dir = out_dir if out_dir is not None else Path.cwd()
        make_output_folder(target_dir, locale)
        job = _Job(
            to, renderer.suffix, target_dir, output_stems(paths), charts, font, extra, force, locale
        )
        _render_many(inputs, job, jobs, quiet, locale)
        return
    file = Path(paths[0])
    to_stdout = output is not None and str(output) == "-"
    target = None if to_stdout else (output or default_output(file, renderer.suffix))
    if target is not None and target.exists() and not force:
        raise output_exists(target, locale)
    try:
        report = read_report(file)
    except LoadError as exc:
        # Said as show, validate and a batch render say it (the file and
        # its problems, no "Error:" before them), exit status 2.
        click.echo(exc.render(locale, limit=PRINTED_PROBLEMS), err=True)
        sys.exit(2)
    try:
        data, notes = _rendered(report, to, locale=locale, charts=charts, font=font, **extra)
    except UnsupportedEditionError as exc:
        raise _fail(exc.render(locale)) from None
    except RenderError as exc:
        # The renderer cannot use what it was given (a font that cannot be
        # embedded, an option value it does not know): bad usage, not a bug.
        raise _fail(
            gettext(locale, "Renderer {name!r} cannot use the options given: {error}").format(
                name=to, error=said_in(exc, locale)
            )
        ) from None
    except click.ClickException:
        raise
    except Exception as exc:  # noqa: BLE001 - a renderer's bug: a message, not a traceback
        raise click.ClickException(
            gettext(locale, "Renderer {name!r} failed: {error}").format(
                name=to, error=f"{type(exc).__name__}: {exc}"
            )
        ) from None
    for note in notes:
        click.echo(note, err=True)
    if target is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    try:
        write_atomic(data, target, force=force)
    except FileExistsError:
        raise output_exists(target, locale) from None
    except OSError as exc:
        raise unwritable(target, exc, locale) from None
    if not quiet:
        click.echo(str(target), err=True)


command.params.extend(batch_options())
command.params.append(locale_option())
