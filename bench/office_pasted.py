"""Portal pages made into Word and Excel files as an office gets them, imported and scored.

A city office receives its units' reports as Word files and statistics as
Excel sheets, often made by opening or pasting a portal page in an office
suite.  This takes the pages whose figures the project knows — the nine
real pages of ``plugins/govdisclosure-html/tests/data``, the 34 reports of
other portals rebuilt in ``test_other_portals_round5.py``, the two pre-2019
layouts of ``test_legacy_other_portals.py`` and every HTML variant of
:mod:`import_variants` — converts each with LibreOffice, headless, as
LibreOffice Writer (``--infilter="HTML (StarWriter)"`` to .docx) and Calc
(``--infilter="HTML (StarCalc)"`` to .xlsx) open it, imports the file
through the Word or Excel plugin and compares it, cell by cell, with what
the page prints: the figures a test states (the rebuilt portals, the
variants) or else what the HTML importer places from the same page.

Per file: printed cells, exact, invented (a figure the page does not print
there), not placed, not placed *and* not reported, the edition; and, for a
variant, what the HTML import of the same page gets, so a figure lost in the
conversion is told from a figure the importer loses.

Usage: python bench/office_pasted.py [--only docx|xlsx] [--keep DIR] [WORD ...]
(only the pages whose name contains one of the WORDs).  About 30 s of
conversion per format for the 103 pages, plus the imports.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Literal

from govdisclosure import cells_by_path
from govdisclosure.paths import json_path
from govdisclosure.testing.libreoffice import convert
from govdisclosure_docx_import import import_docx
from govdisclosure_html import ImportResult, import_html, named_paths
from govdisclosure_pdf_import import import_pdf
from govdisclosure_xlsx import import_workbook

ROOT = Path(__file__).resolve().parents[1]
HTML_TESTS = ROOT / "plugins" / "govdisclosure-html" / "tests"
if str(HTML_TESTS) not in sys.path:
    sys.path.insert(0, str(HTML_TESTS))

import portal_layouts  # noqa: E402
import test_legacy_other_portals as legacy  # noqa: E402
import test_other_portals_round5 as round5  # noqa: E402
from import_variants import Variant, variants  # noqa: E402
from import_variants.measure import score as variant_score  # noqa: E402

Format = Literal["docx", "xlsx", "pdf"]
#: How LibreOffice opens a page and what it writes, per format.
CONVERSION: dict[Format, tuple[str, str]] = {
    "docx": ("HTML (StarWriter)", "docx:MS Word 2007 XML"),
    "xlsx": ("HTML (StarCalc)", "xlsx:Calc Office Open XML"),
    # Writer's page exported to PDF (``bench/office_pdf.py``).
    "pdf": ("HTML (StarWriter)", "pdf:writer_pdf_Export"),
}
IMPORTERS: dict[Format, Callable[[bytes, str], ImportResult]] = {
    "docx": import_docx,
    "xlsx": import_workbook,
    "pdf": import_pdf,
}
#: Figures the HTML import of a rebuilt portal leaves blank on purpose
#: (round five's KNOWN_GAPS: two heads both cut to 本年新, reported).
KNOWN_GAPS = round5.KNOWN_GAPS


@dataclass(frozen=True)
class Page:
    """One page: a file name, its HTML, and where its expected figures come from."""

    name: str
    html: bytes
    portal: portal_layouts.Portal | None = None
    variant: Variant | None = None
    #: Figures the HTML importer leaves blank by design on this page.
    gaps: int = 0


@dataclass(frozen=True)
class Score:
    """A converted file's import against its page."""

    page: str
    format: Format
    printed: int
    exact: int
    invented: int
    not_placed: int
    unreported: int
    edition: str | None
    edition_right: bool
    codes: tuple[str, ...]
    #: The cells the HTML import of the same page reads exact (all printed
    #: cells but those it leaves blank by design), and those it invents.
    html_exact: int
    html_invented: int = 0
    #: A variant of :mod:`import_variants` (its HTML figures are shown).
    variant: bool = False

    @property
    def short(self) -> bool:
        """Below what the HTML import reads from the same page, or wrong in
        a way nothing excuses (invented, unreported, another edition)."""
        return (
            self.exact < self.html_exact
            or self.invented > self.html_invented
            or self.unreported > 0
            or not self.edition_right
        )


def _safe(name: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in name)[:70]


def pages(words: Sequence[str] = ()) -> list[Page]:
    """Every page measured (or those whose name holds one of ``words``)."""
    out: list[Page] = []
    for folder in sorted((HTML_TESTS / "data").iterdir()):
        if (folder / "page.html").exists():
            out.append(Page(f"real-{folder.name}", (folder / "page.html").read_bytes()))
    for number, portal in enumerate(round5.PORTALS, 1):
        host = round5._host(portal)
        gaps = len(KNOWN_GAPS.get(host, ()))
        name = _safe(f"portal-{number:02d}-{host}")  # two pages of one host differ
        out.append(Page(name, portal.html().encode(), portal, gaps=gaps))
    out.append(Page("legacy-putian", legacy._putian()))
    out.append(Page("legacy-dingxi", legacy._dingxi()))
    for variant in variants():
        if variant.kind == "HTML":
            out.append(Page(_safe(f"variant-{variant.name}"), variant.bytes(), variant=variant))
    return [p for p in out if not words or any(w in p.name for w in words)]


def convert_pages(chosen: Sequence[Page], fmt: Format, folder: Path) -> dict[str, Path]:
    """Each page written as ``NAME.html`` and converted by one LibreOffice run."""
    source = folder / "html"
    source.mkdir(parents=True, exist_ok=True)
    files = []
    for page in chosen:
        path = source / f"{page.name}.html"
        path.write_bytes(page.html)
        files.append(path)
    infilter, to = CONVERSION[fmt]
    made = convert(files, to, folder / fmt, infilter=infilter)
    return {page.name: path for page, path in zip(chosen, made, strict=True)}


def _number(value: object) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        return None
    return Decimal(value)


def score(page: Page, fmt: Format, result: ImportResult) -> Score:
    """``result`` (the import of ``page`` converted to ``fmt``) against the page."""
    codes = tuple(sorted({p.code for p in result.problems}))
    edition = result.report.edition if result.report is not None else None
    if page.portal is not None:
        found = portal_layouts.score(page.portal, result)
        return Score(
            page.name,
            fmt,
            found.printed,
            found.exact,
            len(found.invented) + len(found.wrong),
            found.not_placed,
            len(found.not_placed_unreported),
            edition,
            edition == page.portal.edition,
            codes,
            found.printed - page.gaps,
        )
    if page.variant is not None:
        got = variant_score(page.variant, result)
        html = variant_score(page.variant, import_html(page.html, "page.html"))
        return Score(
            page.name,
            fmt,
            got.printed,
            got.exact,
            got.invented,
            got.missing,
            got.unaccounted + (0 if got.reasoned else 1),
            edition,
            got.edition or not got.report,
            codes,
            html.exact,
            html.invented,
            variant=True,
        )
    # A real page: what the HTML importer places from it is the reference.
    reference = import_html(page.html, "page.html")
    want = cells_by_path(reference.report) if reference.report is not None else {}
    have = cells_by_path(result.report) if result.report is not None else {}
    printed = {path: v for path, v in want.items() if _number(v) is not None}
    missing = [path for path in printed if _number(have.get(path)) is None]
    named = named_paths(result.problems)
    # A problem that names no cell (a table not read, a cell not placed)
    # accounts for the cells it stands for, as many as those.
    wholesale = sum(
        1
        for p in result.problems
        if p.code in ("cell-not-placed", "cell-unreadable", "table-missing", "no-table")
    )
    unnamed = [path for path in missing if json_path(path) not in named]
    reference_edition = reference.report.edition if reference.report is not None else None
    return Score(
        page.name,
        fmt,
        len(printed),
        sum(1 for path, v in printed.items() if _number(have.get(path)) == _number(v)),
        sum(
            1
            for path, v in have.items()
            if _number(v) is not None and _number(want.get(path)) != _number(v)
        ),
        len(missing),
        max(0, len(unnamed) - wholesale),
        edition,
        edition == reference_edition,
        codes,
        len(printed),
    )


def measure(chosen: Sequence[Page], fmt: Format, folder: Path) -> list[Score]:
    """Convert every page to ``fmt``, import each file, score it."""
    made = convert_pages(chosen, fmt, folder)
    importer = IMPORTERS[fmt]
    return [
        score(page, fmt, importer(made[page.name].read_bytes(), made[page.name].name))
        for page in chosen
    ]


def line(s: Score) -> str:
    """One file's score as the bench prints it, marked ``!`` when short."""
    html = f" (HTML {s.html_exact}, inv {s.html_invented})" if s.variant else ""
    return (
        f"{'!' if s.short else ' '} {s.format} {s.page:<60.60} {s.exact:>4}/{s.printed:<4} "
        f"inv {s.invented:<2} not placed {s.not_placed:<3} unreported {s.unreported:<3} "
        f"edition {s.edition or '-'}{'' if s.edition_right else ' WRONG'}{html} "
        f"{','.join(s.codes)}"
    )


def totals(scores: Sequence[Score]) -> str:
    """The sums over ``scores``, as the bench prints them."""
    printed = sum(s.printed for s in scores)
    exact = sum(s.exact for s in scores)
    share = 100 * exact / printed if printed else 100.0
    return (
        f"{len(scores)} files  {exact:,} of {printed:,} printed cells exact ({share:.2f}%)  "
        f"invented {sum(s.invented for s in scores)}  "
        f"not placed unreported {sum(s.unreported for s in scores)}  "
        f"edition right {sum(s.edition_right for s in scores)} of {len(scores)}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("words", nargs="*", help="only pages whose name contains one")
    parser.add_argument("--only", choices=sorted(CONVERSION), help="one format only")
    parser.add_argument("--keep", type=Path, help="keep the converted files in this folder")
    args = parser.parse_args(argv)
    chosen = pages(args.words)
    formats: list[Format] = [args.only] if args.only else ["docx", "xlsx"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        everything: list[Score] = []
        for fmt in formats:
            scores = measure(chosen, fmt, folder)
            for s in scores:
                print(line(s), flush=True)
            everything += scores
    print()
    for fmt in formats:
        mine = [s for s in everything if s.format == fmt]
        print(f"{fmt}  all pages                 {totals(mine)}")
        kept = [s for s in mine if not s.variant]
        print(f"{fmt}  pages and portals (no variant) {totals(kept)}")
        print(f"{fmt}  short of the HTML import  {sum(s.short for s in mine)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
