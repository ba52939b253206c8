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

import os
from functools import partial
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

import attrs
import click
import orjson
from attrs import frozen

from ..batch import Summary, drive_files, output_stems
from ..batch.summary import after_interruption, timing
from ..codec import dumps
from ..errors import LoadError
from ..export.provenance import PROVENANCE_SUFFIX
from ..files import write_atomic
from ..flat import filled_cells
from ..i18n import N_, gettext, ngettext
from ..inputs import broken_loader, read_input, refuse_empty
from ..oserrors import os_error_text, unreadable
from ..plugin.manager import loaders
from ..plugin.types import ImportOptions, ImportOutcome, Loader
from ._batch import Inputs, batch_options, input_files
from ._fetch import FetchError, SiteFiles, fetch, is_url
from ._output import (
    PRINTED_PROBLEMS,
    locale_option,
    make_output_folder,
    warn_plugin_failures,
)

__all__ = ["command"]


_STATE = {"full": N_("fully imported"), "partly": N_("partly imported"), "failed": N_("failed")}


def _failed_line(label: object, message: str, locale: str) -> str:
    """``LABEL: failed: why``, the state and its reason joined as the locale joins them."""
    said = gettext(locale, "{state}: {reason}").format(
        state=gettext(locale, _STATE["failed"]), reason=message
    )
    return f"{label}: {said}"


def _unwritten(exc: OSError, out_dir: Path, locale: str) -> str:
    """``Cannot write PATH: why`` of an output that could not be written (the
    reason alone, ``is a directory``, did not say it was the output)."""
    return gettext(locale, "cannot write {path}: {reason}").format(
        path=exc.filename or out_dir, reason=os_error_text(exc, locale)
    )


def _by_suffix() -> dict[str, Loader]:
    out: dict[str, Loader] = {}
    for loader in loaders().values():
        for suffix in loader.suffixes:
            out.setdefault(suffix, loader)
    return out


def _outcome(
    loader: Loader, data: bytes, source: str, locale: str, choices: ImportOptions
) -> ImportOutcome:
    try:
        if loader.trace_with is not None:
            return _counted(loader.trace_with(data, source, locale, choices))
        if loader.trace is not None:
            return _counted(loader.trace(data, source, locale))
        report = loader.load(data, source)
    except LoadError as exc:
        return _not_imported(exc, locale)
    except Exception as exc:  # noqa: BLE001 - a broken loader fails its file, not the run
        return _not_imported(broken_loader(loader, exc, source), locale)
    return _counted(ImportOutcome(report=report, provenance={}, complete=True))


def _untraced(outcome: ImportOutcome) -> bool:
    """Whether the loader gave no trace of where the report's cells were read."""
    return outcome.report is not None and not outcome.provenance


def _counted(outcome: ImportOutcome) -> ImportOutcome:
    """``outcome`` with its cells counted where the loader gave no trace:
    the cells of the report that hold a value (a figure or "/"), so that an
    untraced import is not summed up as "0 cells placed"."""
    if not _untraced(outcome) or outcome.cells_placed or outcome.cells_not_placed:
        return outcome
    assert outcome.report is not None
    return attrs.evolve(outcome, cells_placed=filled_cells(outcome.report))


def _not_imported(error: LoadError, locale: str) -> ImportOutcome:
    return ImportOutcome(
        report=None, provenance={}, errors=(error.render(locale, limit=PRINTED_PROBLEMS),)
    )


def _write_outcome(
    outcome: ImportOutcome, out_dir: Path, stem: str, force: bool, written: list[str]
) -> None:
    """Write ``stem.json`` (the report) and ``stem.provenance.json`` atomically,
    appending each name to ``written``; raises what the writes raise."""
    if outcome.report is not None:
        target = out_dir / (stem + ".json")
        write_atomic(dumps(outcome.report).encode("utf-8"), target, force=force)
        written.append(str(target))
    if outcome.provenance:
        target = out_dir / (stem + PROVENANCE_SUFFIX)
        text = orjson.dumps(outcome.provenance, option=orjson.OPT_INDENT_2) + b"\n"
        write_atomic(text, target, force=force)
        written.append(str(target))


@frozen
class _Options:
    out_dir: Path
    force: bool
    locale: str
    names: dict[str, str]
    choices: ImportOptions


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
    loader = _by_suffix().get(path.suffix.lower())
    if loader is None:
        message = _no_loader(locale, path.suffix)
        try:
            os.stat(name)
        except OSError as exc:  # not there: said first, as every command says it
            message = unreadable(exc).describe(locale)
        return _FileResult("failed", (_failed_line(path, message, locale),), ())
    try:
        data = read_input(path)
        refuse_empty(data, str(path))
    except LoadError as exc:
        return _FileResult("failed", (_failed_line(path, _unread(exc, locale), locale),), ())
    outcome = _outcome(loader, data, str(path), locale, options.choices)
    written: list[str] = []
    stem = options.names[name]
    try:
        _write_outcome(outcome, options.out_dir, stem, options.force, written)
    except FileExistsError as exc:
        message = gettext(locale, "{path} exists; use --force to replace it").format(
            path=exc.filename or exc
        )
        return _FileResult("failed", (_failed_line(path, message, locale),), tuple(written))
    except OSError as exc:
        message = _unwritten(exc, options.out_dir, locale)
        return _FileResult("failed", (_failed_line(path, message, locale),), tuple(written))
    state, lines = _state_lines(str(path), outcome, locale)
    return _FileResult(state, lines, tuple(written), outcome.cells_placed, outcome.cells_not_placed)


def _state_lines(label: str, outcome: ImportOutcome, locale: str) -> tuple[str, tuple[str, ...]]:
    """How an import went (full, partly, failed) and the lines that say so:
    ``LABEL: state (N cells placed, M not placed)``, then its messages."""
    if outcome.report is None:
        state = "failed"
    elif outcome.complete:
        state = "full"
    else:
        state = "partly"
    said = gettext(locale, _STATE[state])
    if _untraced(outcome):
        said = ngettext(
            locale,
            "{state} ({placed} cell read; the loader gave no trace of where it was printed)",
            "{state} ({placed} cells read; the loader gave no trace of where each was printed)",
            outcome.cells_placed,
        ).format(state=said, placed=f"{outcome.cells_placed:,}")
    elif outcome.report is not None:
        said = ngettext(
            locale,
            "{state} ({placed} cell placed, {not_placed} not placed)",
            "{state} ({placed} cells placed, {not_placed} not placed)",
            outcome.cells_placed,
        ).format(
            state=said,
            placed=f"{outcome.cells_placed:,}",
            not_placed=f"{outcome.cells_not_placed:,}",
        )
    line = f"{label}: {said}"
    return state, (line, *(f"  {message}" for message in (*outcome.errors, *outcome.warnings)))


def _from_header(data: bytes, charset: str | None) -> bytes:
    """A page whose server declared its charset, as UTF-8 with a byte-order
    mark: the HTML loader then decodes it as the server said (a BOM in the
    page itself still wins, as the HTML standard orders)."""
    if not charset or data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return data
    try:
        name = "gb18030" if charset.lower() in ("gb2312", "gbk") else charset
        return b"\xef\xbb\xbf" + data.decode(name).encode("utf-8")
    except (LookupError, UnicodeDecodeError):
        return data


class _Run:
    """The state of one ``import`` run: counts, names taken, options."""

    def __init__(
        self,
        out_dir: Path,
        force: bool,
        locale: str,
        choices: ImportOptions,
        batch: Summary,
        *,
        quiet: bool = False,
    ) -> None:
        self.out_dir, self.force, self.locale = out_dir, force, locale
        #: ``--quiet``: the files written are not said (the lines and counts are).
        self.quiet = quiet
        self.choices = choices
        #: The batch summary the files' results went into: a URL counts as a file.
        self.batch = batch
        self.by_suffix = _by_suffix()
        self.counts = {"full": 0, "partly": 0, "failed": 0}
        self.placed = self.not_placed = 0
        self.files = 0
        #: The sheets fetched pages link, fetched once a run.
        self.site_files = SiteFiles()

    def page_choices(self, page: str) -> ImportOptions:
        """The options for a page fetched from ``page``: its linked style
        sheets fetched from its site."""
        return attrs.evolve(self.choices, linked_file=self.site_files.for_page(page))

    def fail(self, label: str, message: str, written: int = 0) -> None:
        click.echo(_failed_line(label, message, self.locale))
        self.counts["failed"] += 1
        _count(self.batch, "failed", written)

    def url(self, url: str, name: str) -> None:
        """Fetch a page or file; a page whose report is only an attachment is
        followed to the attachment (the provenance names both)."""
        try:
            got = fetch(url)
        except FetchError as exc:
            self.fail(url, exc.message(self.locale))
            return
        loader = self.by_suffix.get(got.suffix)
        if loader is None:
            self.fail(url, _no_loader(self.locale, got.suffix))
            return
        data = _from_header(got.data, got.charset) if loader.name == "html" else got.data
        outcome = _outcome(loader, data, got.url, self.locale, self.page_choices(got.url))
        attachments = outcome.provenance.get("attachments") if outcome.report is None else None
        if isinstance(attachments, list):
            for att in attachments:
                target = urljoin(got.url, str(att.get("href", "")))
                suffix = PurePosixPath(urlsplit(target).path).suffix.lower()
                if suffix not in self.by_suffix:
                    continue
                try:
                    file = fetch(target)
                except FetchError:
                    continue
                inner = self.by_suffix.get(file.suffix) or self.by_suffix[suffix]
                followed = _outcome(
                    inner, file.data, file.url, self.locale, self.page_choices(file.url)
                )
                if followed.report is not None:
                    self.finish(f"{url} → {file.url}", name, _linked(followed, got.url, att))
                    return
        pages = outcome.provenance.get("linked_pages") if outcome.report is None else None
        if isinstance(pages, list) and self._follow_pages(url, got.url, name, pages):
            return
        self.finish(url, name, outcome)

    def _follow_pages(self, url: str, page: str, name: str, links: list[object]) -> bool:
        """Follow a page without tables to a page of the same site that it
        links as holding the report ("点击查看"; one step, web pages only):
        the first that imports is the report, its provenance naming both."""
        loader = self.by_suffix.get(".html")
        if loader is None:
            return False
        host = urlsplit(page).netloc
        for link in links:
            if not isinstance(link, dict):
                continue
            target = urljoin(page, str(link.get("href", ""))).split("#", 1)[0]
            if urlsplit(target).netloc != host or target == page.split("#", 1)[0]:
                continue  # another site's page, or this one
            try:
                got = fetch(target)
            except FetchError:
                continue
            if self.by_suffix.get(got.suffix) is not loader:
                continue
            data = _from_header(got.data, got.charset)
            followed = _outcome(loader, data, got.url, self.locale, self.page_choices(got.url))
            if followed.report is not None:
                self.finish(f"{url} → {got.url}", name, _linked(followed, page, link))
                return True
        return False

    def finish(self, label: str, name: str, outcome: ImportOutcome) -> None:
        locale = self.locale
        self.placed += outcome.cells_placed
        self.not_placed += outcome.cells_not_placed
        written: list[str] = []
        try:
            _write_outcome(outcome, self.out_dir, name, self.force, written)
        except FileExistsError as exc:
            message = gettext(locale, "{path} exists; use --force to replace it").format(
                path=exc.filename or exc
            )
            self.fail(label, message, len(written))
            return
        except OSError as exc:
            self.fail(label, _unwritten(exc, self.out_dir, locale), len(written))
            return
        state, lines = _state_lines(label, outcome, locale)
        self.counts[state] += 1
        _count(self.batch, state, len(written))
        for line in lines:
            click.echo(line)
        for written_name in () if self.quiet else written:
            click.echo(f"  → {written_name}", err=True)


def _count(batch: Summary, state: str, written: int) -> None:
    """One file's or URL's import in the batch summary: skipped when it
    failed with nothing written (unreadable, refused, not fetched); else
    read, and passed only when fully imported."""
    batch.written += written
    if state == "failed" and not written:
        batch.skipped += 1
        return
    batch.read += 1
    if state == "full":
        batch.passed += 1
    else:
        batch.failed += 1


def _closing_line(
    counts: dict[str, int], placed: int, not_placed: int, batch: Summary, locale: str
) -> str:
    """The one closing line of an import: files (fully imported, partly
    imported, failed), cells (placed, not placed), files written, time.

    It takes the place of the batch line other commands end with, whose
    "passed/failed" would count a partly imported file as failed and so
    seem to disagree with the import's own counts."""
    done = sum(counts.values())
    files = ngettext(
        locale,
        "{files} file: {full} fully imported, {partly} partly imported, {failed} failed",
        "{files} files: {full} fully imported, {partly} partly imported, {failed} failed",
        done,
    ).format(files=f"{done:,}", **{k: f"{n:,}" for k, n in counts.items()})
    cells = ngettext(
        locale,
        "{placed} cell placed, {not_placed} not placed",
        "{placed} cells placed, {not_placed} not placed",
        placed,
    ).format(placed=f"{placed:,}", not_placed=f"{not_placed:,}")
    written = ngettext(
        locale, "{written} file written", "{written} files written", batch.written
    ).format(written=f"{batch.written:,}")
    took = batch.tail(locale, timing(locale, done, batch.seconds))
    line = gettext(locale, "{files}; {cells}; {written}; {time}").format(
        files=files, cells=cells, written=written, time=took
    )
    if batch.interrupted:
        line = after_interruption(line, done, batch.total, locale)
    return line


def _linked(outcome: ImportOutcome, page: str, link: dict[str, object]) -> ImportOutcome:
    """``outcome`` of a file or page reached by a link of ``page``: its
    provenance names the page and the link as printed."""
    return attrs.evolve(
        outcome,
        provenance={
            **outcome.provenance,
            "linked_from": page,
            "link_text": str(link.get("text", "")),
        },
    )


def _unread(error: LoadError, locale: str) -> str:
    """Why a file could not be read (one problem: the file itself), on one line."""
    return error.problems[0].describe(locale)


def _no_loader(locale: str, suffix: str) -> str:
    return gettext(locale, "no loader reads {suffix} files").format(suffix=suffix or "-")


def _url_name(url: str) -> str:
    """An output stem for a URL: its last path segment's stem, else its host."""
    parts = urlsplit(url)
    stem = PurePosixPath(unquote(parts.path)).stem
    return stem or parts.hostname or "page"


@click.command(name="import")
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option(
    "--output",
    "-o",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    metavar="DIR",
    default=Path("."),
    show_default=True,
    help="Directory for the report JSON and its provenance JSON.",
)
@click.option("--force", "-f", is_flag=True, default=False, help="Replace files that exist.")
@click.option(
    "--derive-templates",
    is_flag=True,
    default=False,
    help="Keep a pre-2019 statistics table that fits no shipped template exactly as printed, "
    "on a template derived from it (carried in the report's JSON).",
)
def command(
    files: tuple[str, ...],
    out_dir: Path,
    force: bool,
    derive_templates: bool,
    pattern: str | None,
    jobs: int,
    quiet: bool,
    locale: str,
) -> None:
    """Import published reports (files, directories, globs, http(s) URLs) with the loader plugins."""
    warn_plugin_failures(locale, "loaders")
    urls = [f for f in files if is_url(f)]
    local = tuple(f for f in files if not is_url(f))
    inputs = (
        input_files(local, pattern, suffixes=set(_by_suffix()))
        if local
        else Inputs([], pattern=pattern)
    )
    paths = inputs.files
    make_output_folder(out_dir, locale)
    choices = ImportOptions(derive_templates=derive_templates)
    options = _Options(out_dir, force, locale, output_stems(paths), choices)
    # An input that gave no file (a pattern, a directory) is said first
    # (where the files' lines go), and counted apart from the files.
    counts = {"full": 0, "partly": 0, "failed": 0}
    placed = not_placed = 0
    batch = inputs.summary()
    batch.total += len(urls)
    inputs.say(locale, click.echo)

    def take(result: _FileResult) -> None:
        nonlocal placed, not_placed
        counts[result.state] += 1
        placed += result.placed
        not_placed += result.not_placed
        _count(batch, result.state, len(result.written))
        for line in result.lines:
            click.echo(line)
        for name in () if quiet else result.written:
            click.echo(f"  → {name}", err=True)

    drive_files(
        partial(_import_file, options),
        paths,
        take,
        jobs=jobs,
        locale=locale,
        quiet=quiet,
        summary=batch,
    )
    # URLs are fetched one by one in this process, after the files (a
    # page whose report is an attachment is followed to it).
    run = _Run(out_dir, force, locale, choices, batch, quiet=quiet)
    taken = set(options.names.values())
    for url in urls:
        if batch.interrupted:
            break
        name = _url_name(url)
        n = 2
        while name in taken:
            name = f"{_url_name(url)}_{n}"
            n += 1
        taken.add(name)
        run.url(url, name)
    for state, n in run.counts.items():
        counts[state] += n
    placed += run.placed
    not_placed += run.not_placed
    batch.stop()
    click.echo(_closing_line(counts, placed, not_placed, batch, locale))
    if counts["failed"] or batch.interrupted or batch.unmatched or batch.empty:
        raise SystemExit(2)
    if counts["partly"]:
        raise SystemExit(1)


command.params.extend(batch_options())
command.params.append(locale_option())
