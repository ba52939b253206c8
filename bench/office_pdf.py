"""PDFs as offices make them: reports exported to PDF by LibreOffice, imported and scored.

Most published PDF reports are made by a word processor, not by our PDF
renderer nor by a browser.  Two routes, both through LibreOffice, headless:

* **Word → PDF**: our Word rendering (``gd.render(report, "docx")``) of every
  report in ``examples/`` and of generated reports of each edition
  (:func:`govdisclosure.testing.strategies.consistent_reports`, drawn with a
  fixed seed, blanks and not-applicable marks included; row labels as the
  format prints them, as in the PDF round-trip property: a label drawn as
  arbitrary text is found again on no route) exported by
  ``soffice --convert-to pdf``; scored against the report it came from.
* **web page → PDF**: the pages of ``bench/office_pasted.py`` (the nine real
  pages, the rebuilt portals of round five, the two pre-2019 layouts and the
  HTML variants of :mod:`import_variants`) opened by LibreOffice Writer
  (``--infilter="HTML (StarWriter)"``) and exported to PDF; scored as
  ``office_pasted.py`` scores its Word and Excel files.

Per file: printed cells, exact, invented (a figure at a path where the
source has another or none), not placed, not placed *and* not reported, the
edition; then the totals per route.

Usage: python bench/office_pdf.py [--only word|page] [--per-edition N] [--keep DIR] [--files]
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import govdisclosure as gd
from govdisclosure import cells_by_path
from govdisclosure.editions import edition_of
from govdisclosure.paths import json_path
from govdisclosure.testing.libreoffice import convert
from govdisclosure.testing.strategies import (
    consistent_reports,
    seeded_draws,
    without_printed_labels,
)
from govdisclosure_html import ImportResult, named_paths
from govdisclosure_pdf_import import import_pdf

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
BENCH = Path(__file__).resolve().parent
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

import office_pasted  # noqa: E402

#: The editions generated reports are drawn from, with what varies.
GENERATED: dict[str, dict[str, Any]] = {
    "2021": {"blanks": True},
    "2021-single": {"blanks": True, "single_other_handling": True},
    "2019": {"blanks": True},
    "legacy": {"blanks": True},
}


def _draw(edition: str, options: dict[str, Any], count: int, at: int) -> list[gd.Report]:
    """``count`` reports of ``edition``, the same on every run (seed ``at``)."""
    drawn = seeded_draws(consistent_reports(edition, **options), count, at=at)
    return [without_printed_labels(report) for report in drawn]


def generated(per_edition: int, at: int = 2024) -> list[tuple[str, gd.Report]]:
    """``per_edition`` reports of each edition of :data:`GENERATED`, the same on every run."""
    out: list[tuple[str, gd.Report]] = []
    for name, options in GENERATED.items():
        drawn = _draw(name.split("-")[0], options, per_edition, at)
        out += [(f"generated-{name}-{i}", r) for i, r in enumerate(drawn)]
    return out


def reports(per_edition: int) -> list[tuple[str, gd.Report]]:
    """Every example, then the generated reports."""
    examples = [(p.stem, gd.load(p)) for p in sorted(EXAMPLES.glob("*.json"))]
    return examples + generated(per_edition)


def _number(value: object) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        return None
    return Decimal(value)


@dataclass(frozen=True)
class Score:
    name: str
    printed: int
    exact: int
    invented: int
    not_placed: int
    unreported: int
    edition: str | None
    edition_right: bool
    codes: tuple[str, ...]


def score(name: str, expected: gd.Report, result: ImportResult) -> Score:
    """The import of ``expected``'s PDF against ``expected``, cell by cell.

    A printed cell is one holding a number (a blank or a not-applicable mark
    prints no figure); it is exact when the import has the same number there."""
    want = cells_by_path(expected)
    have = cells_by_path(result.report) if result.report is not None else {}
    printed = {p: v for p, v in want.items() if _number(v) is not None}
    missing = [p for p in printed if _number(have.get(p)) != _number(printed[p])]
    named = named_paths(result.problems)
    wholesale = sum(
        1
        for p in result.problems
        if p.code in ("cell-not-placed", "cell-unreadable", "table-missing", "no-table")
    )
    unnamed = [p for p in missing if json_path(p) not in named]
    edition = edition_of(result.report).id if result.report is not None else None
    return Score(
        name,
        len(printed),
        len(printed) - len(missing),
        sum(
            1
            for p, v in have.items()
            if _number(v) is not None and _number(want.get(p)) != _number(v)
        ),
        len(missing),
        max(0, len(unnamed) - wholesale),
        edition,
        edition == edition_of(expected).id,
        tuple(sorted({p.code for p in result.problems})),
    )


def word_route(chosen: Sequence[tuple[str, gd.Report]], folder: Path) -> list[Score]:
    """Each report rendered to Word, exported to PDF by one LibreOffice run, imported."""
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for name, report in chosen:
        path = folder / f"{name}.docx"
        path.write_bytes(gd.render(report, "docx"))
        files.append(path)
    pdfs = convert(files, "pdf", folder)
    return [
        score(name, report, import_pdf(pdf.read_bytes(), pdf.name))
        for (name, report), pdf in zip(chosen, pdfs, strict=True)
    ]


def page_route(folder: Path) -> list[office_pasted.Score]:
    """Every page of ``office_pasted`` opened by Writer, exported to PDF, imported."""
    return office_pasted.measure(office_pasted.pages(), "pdf", folder)


def line(s: Score) -> str:
    short = s.exact < s.printed or s.invented or s.unreported or not s.edition_right
    return (
        f"{'!' if short else ' '} word {s.name:<40} {s.exact:>4}/{s.printed:<4} "
        f"inv {s.invented:<2} not placed {s.not_placed:<3} unreported {s.unreported:<3} "
        f"edition {s.edition or '-'}{'' if s.edition_right else ' WRONG'} {','.join(s.codes)}"
    )


def totals(scores: Sequence[Score]) -> str:
    printed = sum(s.printed for s in scores)
    exact = sum(s.exact for s in scores)
    share = 100 * exact / printed if printed else 100.0
    return (
        f"{len(scores)} files  {exact:,} of {printed:,} printed cells exact ({share:.2f}%)  "
        f"invented {sum(s.invented for s in scores)}  "
        f"not placed {sum(s.not_placed for s in scores)}  "
        f"not placed unreported {sum(s.unreported for s in scores)}  "
        f"edition right {sum(s.edition_right for s in scores)} of {len(scores)}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--only", choices=("word", "page"), help="one route only")
    parser.add_argument("--per-edition", type=int, default=3, help="generated reports per edition")
    parser.add_argument("--keep", type=Path, help="keep the files in this folder")
    parser.add_argument("--files", action="store_true", help="one line per file")
    args = parser.parse_args(argv)
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        summary = []
        if args.only in (None, "word"):
            words = word_route(reports(args.per_edition), folder / "word")
            if args.files:
                print("\n".join(line(s) for s in words), flush=True)
            examples = [s for s in words if not s.name.startswith("generated-")]
            made = [s for s in words if s.name.startswith("generated-")]
            summary += [
                f"Word → PDF, examples        {totals(examples)}",
                f"Word → PDF, generated       {totals(made)}",
            ]
        if args.only in (None, "page"):
            pages = page_route(folder / "page")
            if args.files:
                print("\n".join(office_pasted.line(s) for s in pages), flush=True)
            kept = [s for s in pages if not s.variant]
            summary += [
                f"page → PDF, pages and portals {office_pasted.totals(kept)}",
                f"page → PDF, all pages       {office_pasted.totals(pages)}",
                f"page → PDF, short of the HTML import {sum(s.short for s in pages)}",
            ]
    print("\n".join(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
