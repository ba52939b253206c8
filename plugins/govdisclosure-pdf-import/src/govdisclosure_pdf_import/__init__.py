"""PDF import for govdisclosure: a published report's text layer into the model.

* Loader ``pdf`` (``.pdf``): the ruled tables of every page read as grids
  (:mod:`.layout`), tables that run over a page break joined again
  (:mod:`.stitch`), the text outside the tables put back into a title and
  paragraphs (:mod:`.paragraphs`); then the same mapping as a web page
  (:func:`govdisclosure_html.import_document`): the edition from the
  labels, every cell placed on the official tables, proof by the relations.
  Every cell's provenance names its page and bounding box.
* A PDF without a text layer (a scan) is refused as such: nothing is read
  from images and nothing is guessed.

This plugin reads PDFs; ``govdisclosure-pdf`` writes them.  See
``docs/import.md``.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any

import pdfplumber
from attrs import evolve

from govdisclosure.i18n import N_, ngettext
from govdisclosure.plugin import Loader, hookimpl
from govdisclosure_html import (
    Document,
    ImportProblem,
    ImportResult,
    Provenance,
    import_document,
)
from govdisclosure_html.outcome import importing_loader, unreadable_file
from govdisclosure_html.text import money_unit_line

from .layout import Line, Piece, lines_of, read_page
from .paragraphs import paragraphs
from .stitch import chains, grid_and_unsure
from .textgrid import Carried, Foot, text_tables
from .turned import Turn, open_turned, page_turn, turn_back

__all__ = ["LOADER", "govdisclosure_loaders", "import_pdf", "pdf_document"]


def _failed(source: str, pages: int | None, problem: ImportProblem, how: str) -> ImportResult:
    prov = Provenance(
        source=source,
        encoding="",
        encoding_found_by="",
        body_found_by=how,
        edition=None,
        edition_evidence="",
        format="pdf",
        pages=pages,
    )
    return ImportResult(None, prov, (problem,))


def pdf_document(data: bytes, source: str) -> Document | ImportResult:
    """The :class:`Document` of a PDF, or the failed :class:`ImportResult`
    when the file does not open or has no text layer."""
    pieces: list[Piece] = []
    lines: list[Line] = []
    chars = 0
    images = 0
    pictures: list[str] = []
    by_position = 0
    turns: dict[int, Turn] = {}
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            n_pages = len(pdf.pages)
            # The last table without rules of the page before, or a header at its foot.
            carried: Carried | Foot | None = None
            held: list[Line] = []  # that header's lines, text unless this page goes on with it
            for n, page in enumerate(pdf.pages, start=1):
                degrees = page_turn(page.chars)
                turned = None
                if degrees:  # printed sideways: read as turned upright (:mod:`.turned`)
                    turns[n] = Turn(degrees, float(page.width), float(page.height))
                    page.close()
                    turned = open_turned(data, n, degrees)
                    page = turned.pages[0]
                ruled, groups, c = read_page(page, n)
                # Tables set by text position, among the lines outside the ruled ones.
                unruled, used, beside, carried = text_tables(n, groups, carried)
                if not any(p.page < n for p in unruled):
                    lines += held
                held = []
                if isinstance(carried, Carried) and any(
                    p.bbox[1] > unruled[-1].bbox[3] for p in ruled
                ):
                    carried = None  # a ruled table below it: it ends on this page
                if isinstance(carried, Foot) and any(p.bbox[1] > carried.bottom for p in ruled):
                    carried = None  # a ruled table below the header: not a foot
                if isinstance(carried, Foot):
                    held = lines_of(n, [g for k, g in enumerate(groups) if k in carried.lines])
                    used |= carried.lines
                by_position += len(unruled)
                pieces += sorted([*ruled, *unruled], key=lambda p: (p.page, p.bbox[1]))
                outside = [g for k, g in enumerate(groups) if k not in used]
                if beside:  # text set beside a table, on its lines: in reading order
                    outside = sorted([*outside, *beside], key=_line_middle)
                lines += lines_of(n, outside)
                chars += c
                images += len(page.images)
                pictures += _pictures(n, page.images)
                page.close()  # drop the page's cached layout: a long PDF stays small
                if turned is not None:
                    turned.close()
            lines += held  # a header at the foot of the last page stays text
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds on a broken file
        return _failed(
            source,
            None,
            unreadable_file(exc, data, source, "pdf"),
            "",
        )
    if chars == 0:
        return _failed(
            source,
            n_pages,
            ImportProblem(
                severity="error",
                code="no-text-layer",
                message_id=N_(
                    "The PDF has no text layer ({pages}, {images}): a scanned document? Nothing is read from images; run OCR first"
                ),
                params={"pages": str(n_pages), "images": str(images), "found": "no text layer"},
                localized={"pages": _counted_pages(n_pages), "images": _counted_images(images)},
            ),
            "no text layer",
        )
    tables = chains(pieces, lines)
    made = [grid_and_unsure(chain, i) for i, chain in enumerate(tables)]
    grids = turn_back([grid for grid, _ in made], turns)
    # Figures between two columns of a table without rules: reported, not placed.
    unsure = tuple(
        (i, c.row, c.col, c.col + c.colspan - 1, c.text)
        for i, (_, cells) in enumerate(made)
        for c in cells
    )
    title, paras = paragraphs(lines, pieces)
    return Document(
        grids=grids,
        paragraphs=tuple(paras),
        title=title,
        encoding="Unicode (the PDF's text layer)",
        encoding_found_by="the fonts' character maps",
        body_found_by=(
            "ruled tables by their drawn rules"
            + (", tables without rules by text position" if by_position else "")
            + "; text outside them by lines"
            + _turned(turns)
        ),
        format="pdf",
        pages=n_pages,
        images=tuple(pictures),
        unit_lines=_unit_lines(tables, lines),
        unsure_figures=unsure,
    )


def _line_middle(group: Sequence[dict[str, Any]]) -> float:
    """Where a line of characters stands on the page (its first character's
    middle, as :func:`.layout.line_groups` orders lines)."""
    return (float(group[0]["top"]) + float(group[0]["bottom"])) / 2


def _turned(turns: dict[int, Turn]) -> str:
    """What :func:`pdf_document` says of the pages it read turned."""
    if not turns:
        return ""
    pages = ", ".join(f"page {n} turned {t.degrees}° clockwise" for n, t in turns.items())
    return (
        f"; printed sideways, read turned upright: {pages}"
        " (cell boxes in each page's own frame, from its top left as its /Rotate shows it)"
    )


def _unit_lines(tables: Sequence[Sequence[Piece]], lines: Sequence[Line]) -> tuple[str | None, ...]:
    """Each table's money unit line ("（金额单位：元）"): the last unit line
    among the lines between the table before it and itself, in reading order."""
    out: list[str | None] = []
    after = (0, float("-inf"))  # (page, y) where the table before ends
    ordered = sorted(lines, key=lambda ln: (ln.page, ln.top))
    for table in tables:
        first, last = table[0], table[-1]
        before = (first.page, first.bbox[1])
        unit: str | None = None
        for line in ordered:
            if after <= (line.page, line.top) < before:
                unit = money_unit_line(line.text) or unit
        out.append(unit)
        after = (last.page, last.bbox[3])
    return tuple(out)


#: Below this many points a side an image is a logo or a seal, no table.
_PICTURE_PT = 100.0


def _pictures(page: int, images: list[dict[str, Any]]) -> list[str]:
    """The images of a page large enough to be a table printed as a picture,
    named by page and size (a table missing from the text layer is named
    with them: nothing is read from images)."""
    out = []
    for im in images:
        width, height = im["x1"] - im["x0"], im["bottom"] - im["top"]
        if width >= _PICTURE_PT and height >= _PICTURE_PT:
            out.append(f"p. {page}, {width:.0f}×{height:.0f} pt")
    return out


def import_pdf(
    data: bytes,
    source: str = "<pdf>",
    *,
    linked_from: str | None = None,
    derive_templates: bool = False,
) -> ImportResult:
    """Import one PDF: ``report, provenance, problems = import_pdf(data, "report.pdf")``.

    ``derive_templates``: see :func:`govdisclosure_html.import_html`."""
    doc = pdf_document(data, source)
    if isinstance(doc, ImportResult):
        if linked_from is not None:
            return evolve(doc, provenance=evolve(doc.provenance, linked_from=linked_from))
        return doc
    if linked_from is not None:
        doc = evolve(doc, linked_from=linked_from)
    return import_document(doc, source, derive_templates=derive_templates)


LOADER = importing_loader(
    "pdf",
    frozenset({".pdf"}),
    import_pdf,
    "A report published as a PDF (text layer), placed on the official tables",
)


@hookimpl
def govdisclosure_loaders() -> Sequence[Loader]:
    return [LOADER]


def _counted_pages(n: int) -> Callable[[str], str]:
    """ "1 page", "5 pages", in the locale the problem is shown in."""
    return lambda locale: ngettext(locale, "{n} page", "{n} pages", n).format(n=f"{n:,}")


def _counted_images(n: int) -> Callable[[str], str]:
    """ "1 image", "5 images", in the locale the problem is shown in."""
    return lambda locale: ngettext(locale, "{n} image", "{n} images", n).format(n=f"{n:,}")
