"""``govdisclosure import FILE... [-o DIR]``: published documents into our JSON.

Each FILE (a directory stands for the files in it a loader reads; a
pattern that names no file is expanded as a glob) is read by the loader
plugin for its suffix.  Where the loader traces what it imports (the HTML
loader does), the command writes, for ``page.html``, ``DIR/page.json`` (the
report) and ``DIR/page.provenance.json`` (where each cell was printed, how
it was matched, and every problem), and prints one line per file.  It keeps
going past a file it cannot read and ends with a summary: files, fully
imported, partly imported, failed; cells placed, cells not placed.

Exit status, the worst result: 0 every file fully imported; 1 some file
only partly (cells not placed or placed with doubt); 2 some file failed,
or bad usage.  Files are written atomically and an existing one is never
replaced without ``--force``.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import click
import orjson
from attrs import frozen

from ..batch import Progress, Summary, output_stems, run_files
from ..codec import dumps
from ..errors import LoadError
from ..files import write_atomic
from ..i18n import N_, gettext
from ..plugin.manager import loaders
from ..plugin.types import ImportOutcome, Loader
from ._batch import batch_options, input_files
from ._output import locale_option, warn_plugin_failures

__all__ = ["command"]


_STATE = {"full": N_("fully imported"), "partly": N_("partly imported"), "failed": N_("failed")}


def _by_suffix() -> dict[str, Loader]:
    out: dict[str, Loader] = {}
    for loader in loaders().values():
        for suffix in loader.suffixes:
            out.setdefault(suffix, loader)
    return out


def _outcome(loader: Loader, data: bytes, source: str, locale: str) -> ImportOutcome:
    if loader.trace is not None:
        return loader.trace(data, source, locale)
    try:
        report = loader.load(data, source)
    except LoadError as exc:
        return ImportOutcome(report=None, provenance={}, errors=(exc.render(locale),))
    return ImportOutcome(report=report, provenance={}, complete=True)


@frozen
class _Options:
    out_dir: Path
    force: bool
    locale: str
    names: dict[str, str]


@frozen
class _FileResult:
    state: str
    lines: tuple[str, ...]
    written: tuple[str, ...]
    placed: int = 0
    not_placed: int = 0


def _import_file(options: _Options, name: str) -> _FileResult:
    """Import one file and write its JSON; every failure is a result, not an exception."""
    locale = options.locale
    path = Path(name)
    failed = gettext(locale, _STATE["failed"])
    loader = _by_suffix().get(path.suffix.lower())
    if loader is None:
        message = gettext(locale, "no loader reads {suffix} files").format(
            suffix=path.suffix or "-"
        )
        return _FileResult("failed", (f"{path}: {failed}: {message}",), ())
    try:
        data = path.read_bytes()
    except OSError as exc:
        return _FileResult("failed", (f"{path}: {failed}: {exc.strerror or exc}",), ())
    outcome = _outcome(loader, data, str(path), locale)
    written: list[str] = []
    stem = options.names[name]
    try:
        if outcome.report is not None:
            target = options.out_dir / (stem + ".json")
            write_atomic(dumps(outcome.report).encode("utf-8"), target, force=options.force)
            written.append(str(target))
        if outcome.provenance:
            target = options.out_dir / (stem + ".provenance.json")
            text = orjson.dumps(outcome.provenance, option=orjson.OPT_INDENT_2) + b"\n"
            write_atomic(text, target, force=options.force)
            written.append(str(target))
    except FileExistsError as exc:
        message = gettext(locale, "{path} exists; use --force to replace it").format(
            path=exc.filename or exc
        )
        return _FileResult("failed", (f"{path}: {failed}: {message}",), tuple(written))
    except OSError as exc:
        return _FileResult("failed", (f"{path}: {failed}: {exc.strerror or exc}",), tuple(written))
    if outcome.report is None:
        state = "failed"
    elif outcome.complete:
        state = "full"
    else:
        state = "partly"
    line = f"{path}: {gettext(locale, _STATE[state])}"
    if outcome.report is not None:
        line += " " + gettext(locale, "({placed} cells placed, {not_placed} not placed)").format(
            placed=outcome.cells_placed, not_placed=outcome.cells_not_placed
        )
    lines = (line, *(f"  {message}" for message in (*outcome.errors, *outcome.warnings)))
    return _FileResult(state, lines, tuple(written), outcome.cells_placed, outcome.cells_not_placed)


@click.command(name="import")
@click.argument("files", nargs=-1, required=True)
@click.option(
    "--output",
    "-o",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("."),
    show_default=True,
    help="Directory for the report JSON and its provenance JSON.",
)
@click.option("--force", "-f", is_flag=True, default=False, help="Replace files that exist.")
def command(
    files: tuple[str, ...],
    out_dir: Path,
    force: bool,
    pattern: str | None,
    jobs: int,
    quiet: bool,
    locale: str,
) -> None:
    """Import published reports (web pages …) with the loader plugins."""
    warn_plugin_failures(locale)
    paths = input_files(files, pattern, locale, suffixes=set(_by_suffix()))
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise click.ClickException(f"{out_dir}: {exc.strerror or exc}") from None
    options = _Options(out_dir, force, locale, output_stems(paths))
    counts = {"full": 0, "partly": 0, "failed": 0}
    placed = not_placed = 0
    batch = Summary(total=len(paths))
    results = run_files(partial(_import_file, options), paths, jobs)
    try:
        with Progress(len(paths), locale, quiet=quiet) as progress:
            for result in results:
                counts[result.state] += 1
                placed += result.placed
                not_placed += result.not_placed
                batch.written += len(result.written)
                if result.state == "failed" and not result.written:
                    batch.skipped += 1
                else:
                    batch.read += 1
                    if result.state == "full":
                        batch.passed += 1
                    else:
                        batch.failed += 1
                for line in result.lines:
                    click.echo(line)
                for name in result.written:
                    click.echo(f"  → {name}", err=True)
                progress.advance()
    except KeyboardInterrupt:
        batch.interrupted = True
    finally:
        results.close()
    batch.stop()
    click.echo(
        gettext(
            locale,
            "{files} files: {full} fully imported, {partly} partly imported, {failed} failed; "
            "{placed} cells placed, {not_placed} not placed",
        ).format(files=len(paths), placed=placed, not_placed=not_placed, **counts)
    )
    if not quiet or batch.interrupted:
        click.echo(batch.render(locale), err=True)
    if counts["failed"] or batch.interrupted:
        raise SystemExit(2)
    if counts["partly"]:
        raise SystemExit(1)


command.params.extend(batch_options())
command.params.append(locale_option())
