"""The provenance an import wrote beside a report, as the cells table's last columns.

``govdisclosure import`` writes ``NAME.json`` (the report) and
``NAME.provenance.json`` beside it: for every placed cell the text exactly
as printed, where it was found (table, row and column of the expanded
grid; the page of a PDF), how its labels matched, and whether the
placement is doubtful (``docs/import.md#provenance``).  The export reads
that file when it is there and gives each cell its printed text and origin;
a report that was not imported, or a cell that was not printed, has nulls.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import Any

import orjson
from attrs import frozen

from ..errors import with_detail
from ..i18n import N_, gettext

__all__ = [
    "PROVENANCE_SUFFIX",
    "Origins",
    "ProvenanceError",
    "origins",
    "provenance_beside",
    "provenance_path",
]

#: What ``govdisclosure import`` appends to a report's stem for its provenance.
PROVENANCE_SUFFIX = ".provenance.json"


def provenance_path(report_file: str) -> str:
    """Where the import put ``report_file``'s provenance (``NAME.json`` → ``NAME.provenance.json``)."""
    stem, _ = os.path.splitext(report_file)
    return stem + PROVENANCE_SUFFIX


class ProvenanceError(ValueError):
    """A provenance file beside a report that cannot be used: which, and why."""

    def __init__(self, path: str, message_id: str, detail: str = "") -> None:
        super().__init__(f"{path}: {message_id} {detail}".rstrip())
        self.path = path
        self.message_id = message_id
        self.detail = detail

    def render(self, locale: str) -> str:
        text = f"{self.path} {gettext(locale, self.message_id)}"
        return with_detail(locale, text, self.detail) if self.detail else text


def provenance_beside(report_file: str) -> dict[str, Any] | None:
    """The provenance beside ``report_file``, or ``None`` when there is none.

    Raises :class:`ProvenanceError` when it is there but cannot be read or
    is not a provenance document: a broken provenance is reported, never
    dropped.
    """
    path = provenance_path(report_file)
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ProvenanceError(path, N_("cannot be read"), str(exc.strerror or exc)) from None
    try:
        document = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise ProvenanceError(path, N_("is not JSON"), str(exc)) from None
    if not isinstance(document, dict) or not isinstance(document.get("cells"), list):
        raise ProvenanceError(path, N_("is not an import's provenance (no list of cells)"))
    return document


@frozen
class Origins:
    """A report's provenance columns, in the order of its cells."""

    source: str | None
    source_format: str | None
    printed: list[str | None]
    match: list[str | None]
    doubtful: list[bool | None]
    table: list[int | None]
    row: list[int | None]
    column: list[int | None]
    page: list[int | None]
    address: list[str | None]


def origins(provenance: Mapping[str, Any] | None, json_paths: Sequence[str]) -> Origins:
    """The columns for cells at ``json_paths`` (nulls where nothing was printed)."""
    n = len(json_paths)
    if provenance is None:
        empty: list[Any] = [None] * n
        return Origins(None, None, empty, empty, empty, empty, empty, empty, empty, empty)
    by_path = {cell.get("path"): cell for cell in provenance["cells"] if isinstance(cell, dict)}
    found = [by_path.get(path) for path in json_paths]

    def column(key: str) -> list[Any]:
        return [None if cell is None else cell.get(key) for cell in found]

    source = provenance.get("source")
    return Origins(
        source=str(source) if source is not None else None,
        source_format=provenance.get("format"),
        printed=column("text"),
        match=column("match"),
        doubtful=column("doubtful"),
        table=column("table"),
        row=column("row"),
        column=column("col"),
        page=column("page"),
        address=column("address"),
    )
