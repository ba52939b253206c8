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

import glob
from pathlib import Path

import click
import orjson

from ..codec import dumps
from ..errors import LoadError
from ..files import write_atomic
from ..i18n import N_, gettext
from ..plugin.manager import loaders
from ..plugin.types import ImportOutcome, Loader
from ._output import locale_option, warn_plugin_failures

__all__ = ["command"]


_STATE = {"full": N_("fully imported"), "partly": N_("partly imported"), "failed": N_("failed")}


def _names(paths: list[Path]) -> dict[Path, str]:
    """Output stem of each input: its own stem, or ``folder_stem`` where stems repeat
    (portal archives keep every page as ``page.html`` in a folder of its own)."""
    seen: dict[str, int] = {}
    for p in paths:
        seen[p.stem] = seen.get(p.stem, 0) + 1
    return {p: p.stem if seen[p.stem] == 1 else f"{p.parent.name}_{p.stem}" for p in paths}


def _by_suffix() -> dict[str, Loader]:
    out: dict[str, Loader] = {}
    for loader in loaders().values():
        for suffix in loader.suffixes:
            out.setdefault(suffix, loader)
    return out


def _expand(items: tuple[str, ...], suffixes: set[str]) -> list[Path]:
    files: list[Path] = []
    for item in items:
        path = Path(item)
        if path.is_dir():
            files += sorted(
                p for p in path.rglob("*") if p.suffix.lower() in suffixes and p.is_file()
            )
        elif path.exists() or not glob.has_magic(item):
            files.append(path)
        else:
            files += sorted(Path(p) for p in glob.glob(item, recursive=True))
    return files


def _outcome(loader: Loader, data: bytes, source: str, locale: str) -> ImportOutcome:
    if loader.trace is not None:
        return loader.trace(data, source, locale)
    try:
        report = loader.load(data, source)
    except LoadError as exc:
        return ImportOutcome(report=None, provenance={}, errors=(exc.render(locale),))
    return ImportOutcome(report=report, provenance={}, complete=True)


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
def command(files: tuple[str, ...], out_dir: Path, force: bool, locale: str) -> None:
    """Import published reports (web pages …) with the loader plugins."""
    warn_plugin_failures(locale)
    by_suffix = _by_suffix()
    paths = _expand(files, set(by_suffix))
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise click.ClickException(f"{out_dir}: {exc.strerror or exc}") from None
    names = _names(paths)
    counts = {"full": 0, "partly": 0, "failed": 0}
    placed = not_placed = 0
    for path in paths:
        loader = by_suffix.get(path.suffix.lower())
        if loader is None:
            message = gettext(locale, "no loader reads {suffix} files").format(
                suffix=path.suffix or "-"
            )
            click.echo(f"{path}: {gettext(locale, _STATE['failed'])}: {message}")
            counts["failed"] += 1
            continue
        try:
            data = path.read_bytes()
        except OSError as exc:
            click.echo(f"{path}: {gettext(locale, _STATE['failed'])}: {exc.strerror or exc}")
            counts["failed"] += 1
            continue
        outcome = _outcome(loader, data, str(path), locale)
        placed += outcome.cells_placed
        not_placed += outcome.cells_not_placed
        written: list[str] = []
        try:
            if outcome.report is not None:
                target = out_dir / (names[path] + ".json")
                write_atomic(dumps(outcome.report).encode("utf-8"), target, force=force)
                written.append(str(target))
            if outcome.provenance:
                target = out_dir / (names[path] + ".provenance.json")
                text = orjson.dumps(outcome.provenance, option=orjson.OPT_INDENT_2) + b"\n"
                write_atomic(text, target, force=force)
                written.append(str(target))
        except FileExistsError as exc:
            message = gettext(locale, "{path} exists; use --force to replace it").format(
                path=exc.filename or exc
            )
            click.echo(f"{path}: {gettext(locale, _STATE['failed'])}: {message}")
            counts["failed"] += 1
            continue
        except OSError as exc:
            click.echo(f"{path}: {gettext(locale, _STATE['failed'])}: {exc.strerror or exc}")
            counts["failed"] += 1
            continue
        if outcome.report is None:
            state = "failed"
        elif outcome.complete:
            state = "full"
        else:
            state = "partly"
        counts[state] += 1
        word = _STATE[state]
        line = f"{path}: {gettext(locale, word)}"
        if outcome.report is not None:
            line += " " + gettext(
                locale, "({placed} cells placed, {not_placed} not placed)"
            ).format(placed=outcome.cells_placed, not_placed=outcome.cells_not_placed)
        click.echo(line)
        for message in (*outcome.errors, *outcome.warnings):
            click.echo(f"  {message}")
        for name in written:
            click.echo(f"  → {name}", err=True)
    click.echo(
        gettext(
            locale,
            "{files} files: {full} fully imported, {partly} partly imported, {failed} failed; "
            "{placed} cells placed, {not_placed} not placed",
        ).format(files=len(paths), placed=placed, not_placed=not_placed, **counts)
    )
    if counts["failed"]:
        raise SystemExit(2)
    if counts["partly"]:
        raise SystemExit(1)


command.params.append(locale_option())
