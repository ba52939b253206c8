"""One input door: a report from any file the library or a plugin can read.

:func:`load` is ``gd.load`` and what every command reads its files with.
Our JSON is read by the codec; any other format (a portal's web page, a
Word or Excel file, a PDF) by the loader plugin that declares the file's
suffix (``govdisclosure_loaders`` hook).  A file whose suffix no loader
declares is read as JSON when its content is JSON, so a report saved as
``report.txt`` or piped through ``/dev/stdin`` still loads.

Every failure is a :class:`~govdisclosure.errors.LoadError` naming the
file: an unreadable file, a file larger than the input size limit
(:func:`govdisclosure.files.max_input_size`, 256 MiB unless raised), a
format nobody reads, and a loader that broke (its exception is reported,
never passed through as a traceback).
"""

from __future__ import annotations

import os
from pathlib import Path

from . import codec
from .editions import Report
from .errors import LoadError, Problem
from .filefaults import library_words
from .files import read_input
from .i18n import N_
from .plugin.types import Loader

__all__ = ["broken_loader", "load", "loader_for", "read_input", "refuse_empty"]

#: What a JSON report starts with, once a BOM and white space are skipped.
_JSON_START = (b"{",)


def loader_for(path: str | os.PathLike[str]) -> Loader | None:
    """The loader plugin that reads ``path`` by its suffix (``None``: JSON
    by the core, or no loader declares it)."""
    suffix = Path(path).suffix.lower()
    if suffix == ".json":
        return None
    # Imported here: reading our JSON must not cost the plugins' start-up.
    from .plugin import manager as plugin_manager

    for loader in plugin_manager.loaders().values():
        if suffix in loader.suffixes:
            return loader
    return None


def load(path: str | os.PathLike[str]) -> Report:
    """Read a report from ``path``, whatever its format.

    Our JSON is read by the core; a file whose suffix a loader plugin
    declares (``.html``, ``.pdf``, ``.docx``, ``.xlsx`` with the project's
    plugins) by that loader; a file with any other suffix is read as JSON
    when its content is JSON.  Every failure raises :class:`LoadError`
    naming the file and listing each problem with its JSON path, what was
    expected and what was found: a missing or unreadable file, a file too
    large (:func:`govdisclosure.files.max_input_size`), a format no
    installed loader reads (the error lists those that are read), a loader
    that broke.
    """
    name = os.fspath(path)
    loader = loader_for(path)
    data = read_input(path)
    if loader is not None:
        refuse_empty(data, name)
        return _by_loader(loader, data, name)
    if Path(path).suffix.lower() not in ("", ".json") and not _looks_like_json(data):
        from .plugin import manager as plugin_manager

        known = sorted({s for ld in plugin_manager.loaders().values() for s in ld.suffixes})
        raise LoadError(
            [Problem("$", "a JSON report, or a file a loader plugin reads", _suffixes(known))],
            name,
        )
    return codec.loads(data, source=name)


def refuse_empty(data: bytes, name: str) -> None:
    """Raise a :class:`LoadError` saying so when ``data`` is empty: a download
    that failed leaves a file of 0 bytes, and each format's library says it
    in its own words ("File is not a zip file", a page with no tables)."""
    if not data:
        raise LoadError([Problem("$", N_("a report, not an empty file"))], name)


def _by_loader(loader: Loader, data: bytes, name: str) -> Report:
    try:
        return loader.load(data, name)
    except LoadError as exc:
        raise exc if exc.source else exc.with_source(name) from None
    except Exception as exc:  # noqa: BLE001 - a broken loader is reported, not a traceback
        raise broken_loader(loader, exc, name) from None


def broken_loader(loader: Loader, exc: Exception, name: str) -> LoadError:
    """The error of a loader that raised ``exc`` (anything but a ``LoadError``)
    on the file ``name``: the file and the loader are named, with what it raised."""
    return LoadError(
        [Problem("$", "a file the loader can read", loader.name, detail=library_words(exc))],
        name,
    )


def _looks_like_json(data: bytes) -> bool:
    head = data[:64].lstrip(b"\xef\xbb\xbf").lstrip()
    return head.startswith(_JSON_START)


def _suffixes(known: list[str]) -> str:
    return "loaders read: " + (", ".join(known) if known else "none installed")
