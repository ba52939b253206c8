"""PDF import per page against pdfplumber's own text extraction of the same pages.

Both sides open the file from bytes and read every page: the floor is
``page.extract_text()`` on each page (pdfminer's layout of the page plus
pdfplumber's text assembly); the import reads each page's characters and
rules, finds the ruled tables, joins them over page breaks, puts the text
back into paragraphs, maps everything onto the official tables and (second
column) proves it by the relations.  Best of 5 rounds of 3 runs, one
interpreter, interleaved so both sides see the same machine load.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pdfplumber

from floors import quick, record
from govdisclosure_html import Document, import_document
from govdisclosure_pdf_import import pdf_document

DATA = Path(__file__).resolve().parents[1] / "plugins/govdisclosure-pdf-import/tests/data"


def _floor(data: bytes) -> None:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()


def _import(data: bytes, validate: bool) -> None:
    doc = pdf_document(data, "bench.pdf")
    assert isinstance(doc, Document), "the bench PDFs import"
    import_document(doc, "bench.pdf", validate_report=validate)


def _best(fn: Callable[[], None], runs: int = 1 if quick() else 3) -> float:
    start = time.perf_counter()
    for _ in range(runs):
        fn()
    return (time.perf_counter() - start) / runs


def main() -> None:
    print(
        f"{'file':<16}{'pages':>6}{'text ms/p':>11}{'import ms/p':>13}{'ratio':>7}"
        f"{'+validate':>11}{'ratio':>7}"
    )
    total = [0.0, 0.0, 0.0]
    pages_all = 0
    for path in sorted(DATA.glob("*-2024.pdf")):
        data = path.read_bytes()
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = len(pdf.pages)
        _import(data, True)  # warm the caches of the table definitions
        best = [float("inf")] * 3
        for _ in range(1 if quick() else 5):
            best[0] = min(best[0], _best(partial(_floor, data)))
            best[1] = min(best[1], _best(partial(_import, data, False)))
            best[2] = min(best[2], _best(partial(_import, data, True)))
        ms = [b * 1000 / pages for b in best]
        print(
            f"{path.stem:<16}{pages:>6}{ms[0]:>11.1f}{ms[1]:>13.1f}{ms[1] / ms[0]:>6.2f}×"
            f"{ms[2]:>11.1f}{ms[2] / ms[0]:>6.2f}×"
        )
        for i in range(3):
            total[i] += best[i] * 1000
        pages_all += pages
    t = [x / pages_all for x in total]
    print(
        f"{'both PDFs':<16}{pages_all:>6}{t[0]:>11.1f}{t[1]:>13.1f}{t[1] / t[0]:>6.2f}×"
        f"{t[2]:>11.1f}{t[2] / t[0]:>6.2f}×"
    )
    record(
        "pdf_import",
        t[1] / 1000,
        t[0] / 1000,
        f"per page, {pages_all} pages; {t[2] / t[0]:.2f}× with the proof",
    )


if __name__ == "__main__":
    main()
