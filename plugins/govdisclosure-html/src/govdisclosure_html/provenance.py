"""Where every imported cell was printed, and what the import could not do.

Kept beside the report, never inside it: the official model holds what the
report says, the provenance holds how we know.  Both are plain attrs
values with a JSON form (:func:`provenance_json`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Literal

from attrs import field, frozen

from govdisclosure.cells import NotApplicable
from govdisclosure.i18n import gettext

__all__ = [
    "CellOrigin",
    "Duel",
    "ImportProblem",
    "LabelMatch",
    "NamedPaths",
    "Provenance",
    "named_paths",
    "provenance_json",
]

Severity = Literal["error", "warning", "info"]


@frozen
class LabelMatch:
    official: str
    printed: str
    kind: str


@frozen(kw_only=True)
class CellOrigin:
    """One cell of the report and where it was printed."""

    #: JSON path in the report ($.table3.results.total.natural_person).
    path: str
    #: Index of the table on the page (0 = first table of the article body).
    table: int
    #: Row and column of the printed cell in the expanded grid of that table,
    #: and how many rows and columns the printed cell spans.
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    #: The cell's text exactly as printed.
    text: str
    value: int | Decimal | NotApplicable | None
    #: The worst label match of the row and column (exact … position).
    match: str
    labels: tuple[LabelMatch, ...] = ()
    #: Placed by position only, or read from a merged region that does not
    #: line up with its column header.
    doubtful: bool = False
    note: str | None = None
    #: A PDF's page (1-based) and the cell's bounding box on it
    #: (x0, top, x1, bottom in points from the top left); None on a web page.
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    #: A spreadsheet's sheet and cell (``表三!D5``); None elsewhere.
    address: str | None = None


@frozen(kw_only=True)
class ImportProblem:
    """Something the import could not do, or did with doubt.

    ``message_id`` is an English message id of the catalogs with
    ``{placeholders}`` filled from ``params``; ``where`` says where on the
    page (table, row, column) when that is known.
    """

    severity: Severity
    code: str
    message_id: str
    params: Mapping[str, str] = field(factory=dict)
    #: Parameters whose text is itself a message, written in the locale the
    #: problem is shown in (a failed relation's own message).
    localized: Mapping[str, Callable[[str], str]] = field(factory=dict)
    table: int | None = None
    row: int | None = None
    col: int | None = None
    path: str | None = None
    #: Where a PDF printed the cell the problem is about (page, 1-based, and
    #: bounding box), or a spreadsheet's cell (``表三!D5``), as a
    #: :class:`CellOrigin` says it; None elsewhere.
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    address: str | None = None

    def message(self, locale: str = "zh_Hans_CN") -> str:
        params = {**self.params, **{k: render(locale) for k, render in self.localized.items()}}
        return gettext(locale, self.message_id).format(**params)


#: One step of a JSON path: ``.name``, ``['a-1']`` or ``[0]``.
_STEP = re.compile(r"\.[^.\[]+|\['(?:[^'\\]|\\.)*'\]|\[\d+\]")


class NamedPaths:
    """The cells some problems name: a problem's ``path`` names that cell,
    or every cell under it when it is a row's or a table's path (a pre-2019
    row not printed, ``$.statistics.rows.a1``, names each of its cells).
    ``json_path(cell) in named_paths(problems)`` is how a scorer or a user
    tells whether a cell left blank was reported."""

    def __init__(self, paths: Iterable[str]) -> None:
        self._paths = frozenset(paths)

    def __contains__(self, path: object) -> bool:
        if not isinstance(path, str):
            return False
        if path in self._paths:
            return True
        steps = _STEP.findall(path, path.find("."))
        root = path[: len(path) - sum(map(len, steps))]
        at = root
        for step in steps[:-1]:
            at += step
            if at in self._paths:
                return True
        return False


def named_paths(problems: Iterable[ImportProblem]) -> NamedPaths:
    """The cells ``problems`` name (:class:`NamedPaths`)."""
    return NamedPaths(p.path for p in problems if p.path)


@frozen
class Duel:
    """Two candidate editions compared on what only one of them has
    (:mod:`.recognise`): how many of each one's own labels (or label
    pairs of value cells) the file prints, out of how many it has."""

    a: str
    b: str
    #: "labels" or "cells".
    level: str
    printed_a: int
    printed_b: int
    own_a: int
    own_b: int
    winner: str | None

    @property
    def text(self) -> str:
        """The comparison in one line of English."""
        verdict = f"{self.winner} wins" if self.winner else "tie"
        return (
            f"{self.a} vs {self.b} by {self.level}: only in {self.a} {self.printed_a} of "
            f"{self.own_a} printed, only in {self.b} {self.printed_b} of {self.own_b}: {verdict}"
        )


@frozen(kw_only=True)
class Provenance:
    """The provenance of one imported report."""

    source: str
    encoding: str
    encoding_found_by: str
    body_found_by: str
    edition: str | None
    #: How the edition was recognised ("labels: 2021 23 / 2019 1", "template fujian-2011 …").
    edition_evidence: str
    #: What decided the edition ("labels", "cells", "year"; "template" for
    #: the pre-2019 tables; None when none was recognised), and every
    #: pairwise comparison of candidate editions made on the way.
    edition_decided_by: str | None = None
    edition_duels: tuple[Duel, ...] = ()
    template: str | None = None
    cells: tuple[CellOrigin, ...] = ()
    attachments: tuple[tuple[str, str], ...] = ()
    #: A page without tables: the pages it links as holding the report (href, text).
    linked_pages: tuple[tuple[str, str], ...] = ()
    #: The page (URL or file) the source was linked from, when an import
    #: followed a page to its attachment.
    linked_from: str | None = None
    #: The file's format ("html", "pdf", "docx") and its number of pages, if it has pages.
    format: str = "html"
    pages: int | None = None


def _value(value: int | Decimal | NotApplicable | None) -> int | str | None:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, NotApplicable):
        return value.mark
    return value


def provenance_json(
    provenance: Provenance, problems: Sequence[ImportProblem], locale: str = "zh_Hans_CN"
) -> dict[str, object]:
    """The provenance and problems as one JSON-ready dict."""
    return {
        "source": provenance.source,
        **({"linked_from": provenance.linked_from} if provenance.linked_from else {}),
        "format": provenance.format,
        **({"pages": provenance.pages} if provenance.pages is not None else {}),
        "encoding": provenance.encoding,
        "encoding_found_by": provenance.encoding_found_by,
        "body_found_by": provenance.body_found_by,
        "edition": provenance.edition,
        "edition_evidence": provenance.edition_evidence,
        "edition_decided_by": provenance.edition_decided_by,
        "edition_duels": [
            {
                "editions": [d.a, d.b],
                "by": d.level,
                "printed": [d.printed_a, d.printed_b],
                "own": [d.own_a, d.own_b],
                "winner": d.winner,
            }
            for d in provenance.edition_duels
        ],
        "template": provenance.template,
        "attachments": [{"href": h, "text": t} for h, t in provenance.attachments],
        **(
            {"linked_pages": [{"href": h, "text": t} for h, t in provenance.linked_pages]}
            if provenance.linked_pages
            else {}
        ),
        "cells": [
            {
                "path": c.path,
                "table": c.table,
                "row": c.row,
                "col": c.col,
                "rowspan": c.rowspan,
                "colspan": c.colspan,
                "text": c.text,
                "value": _value(c.value),
                "match": c.match,
                "labels": [
                    {"official": m.official, "printed": m.printed, "match": m.kind}
                    for m in c.labels
                ],
                "doubtful": c.doubtful,
                **({"note": c.note} if c.note else {}),
                **({"page": c.page} if c.page is not None else {}),
                **({"bbox": [round(v, 2) for v in c.bbox]} if c.bbox is not None else {}),
                **({"address": c.address} if c.address is not None else {}),
            }
            for c in provenance.cells
        ],
        "problems": [
            {
                "severity": p.severity,
                "code": p.code,
                "message": p.message(locale),
                **{
                    k: v
                    for k, v in (
                        ("table", p.table),
                        ("row", p.row),
                        ("col", p.col),
                        ("path", p.path),
                        ("page", p.page),
                        ("address", p.address),
                    )
                    if v is not None
                },
                **({"bbox": [round(v, 2) for v in p.bbox]} if p.bbox is not None else {}),
            }
            for p in problems
        ],
    }
