"""Other portals' pages, rounds five to twelve: each round's rebuilt pages
imported and compared with what they printed, cell by cell.

Each round's test module (``plugins/govdisclosure-html/tests/
test_other_portals_round*.py``) lists its pages as :class:`portal_layouts.Portal`
(the page's address, its tables as printed); :func:`portal_layouts.score`
compares an import with the page.  This prints, per round, the pages, the cells
printed, those imported exactly, those invented (a figure at a path no cell
printed), those not placed, and the pages whose edition was recognised right;
with ``--pages``, one line per page too.  With ``--pdf PAPER`` (a4,
a4-landscape, a5; Chromium needed) each page is also printed to PDF by headless
Chromium on that paper (the PDF plugin's ``printed_portals`` helpers) and the
PDF import of every print is compared with the page the same way.  With
``--writer``, each page is opened by LibreOffice Writer and exported to PDF
(``bench/office_pasted.py``; ``soffice`` needed), each PDF scored alike.

Run: ``.venv/bin/python bench/portal_rounds.py [--pages] [--pdf a4 --pdf a5] [--writer] [five … twelve]``.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
HTML_TESTS = ROOT / "plugins" / "govdisclosure-html" / "tests"
PDF_TESTS = ROOT / "plugins" / "govdisclosure-pdf-import" / "tests"
for folder in (HTML_TESTS, PDF_TESTS):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

import portal_layouts  # noqa: E402

ROUNDS = {
    "five": "test_other_portals_round5",
    "six": "test_other_portals_round6",
    "seven": "test_other_portals_round7",
    "eight": "test_other_portals_round8",
    "nine": "test_other_portals_round9",
    "ten": "test_other_portals_round10",
    "eleven": "test_other_portals_round11",
    "twelve": "test_other_portals_round12",
}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "rounds", nargs="*", help=f"rounds to score (default all): {', '.join(ROUNDS)}"
    )
    parser.add_argument("--pages", action="store_true", help="one line per page too")
    parser.add_argument(
        "--pdf", action="append", default=[], help="print each page on this paper and score its PDF"
    )
    parser.add_argument(
        "--writer", action="store_true", help="open each page in Writer, export it to PDF, score it"
    )
    args = parser.parse_args(argv)
    unknown = [r for r in args.rounds if r not in ROUNDS]
    if unknown:
        parser.error(f"no such round: {', '.join(unknown)}")
    print(
        "| round | pages | printed | exact | invented | not placed | unreported | edition right |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for name in args.rounds or list(ROUNDS):
        portals: list[portal_layouts.Portal] = importlib.import_module(ROUNDS[name]).PORTALS
        printed = exact = invented = not_placed = unreported = right = 0
        lines = []
        for portal in portals:
            found = portal_layouts.score(portal)
            printed += found.printed
            exact += found.exact
            invented += len(found.invented)
            not_placed += found.not_placed
            unreported += len(found.not_placed_unreported) + len(found.wrong)
            right += found.edition == portal.edition
            lines.append(f"  {portal.title}: {found.line}, edition {found.edition}")
        share = f"{100 * exact / printed:.2f}%" if printed else "-"
        print(
            f"| {name} | {len(portals)} | {printed} | {exact} ({share}) | {invented} "
            f"| {not_placed} | {unreported} | {right} |"
        )
        if args.pages:
            print("\n".join(lines))
        if args.pdf:
            _pdf(name, portals, args.pdf, args.pages)
        if args.writer:
            _writer(name, portals, args.pages)


def _pdf(name: str, portals: list[portal_layouts.Portal], papers: list[str], pages: bool) -> None:
    """The round's pages printed to PDF on ``papers``, each print's import scored."""
    from govdisclosure_pdf_import import import_pdf

    # The PDF plugin's test helpers (headless Chromium): not on mypy's path.
    pp: Any = importlib.import_module("printed_portals")

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # its notes on the browser's fonts
    made = [pp.Page(f"page{i}", p.data(), p) for i, p in enumerate(portals)]
    with tempfile.TemporaryDirectory() as folder:
        pdfs = pp.print_all(made, {paper: pp.PAPERS[paper] for paper in papers}, Path(folder))
        for paper in papers:
            printed = exact = invented = not_placed = unreported = right = 0
            for page in made:
                result = import_pdf(pdfs[page.name, paper].read_bytes(), f"{page.name}.pdf")
                found = pp.compare(page, result)
                printed += found.printed
                exact += found.exact
                invented += len(found.invented)
                not_placed += len(found.not_placed)
                unreported += len(found.unreported)
                right += found.edition == found.edition_wanted
                if pages:
                    assert page.portal is not None
                    print(f"  {page.portal.title} ({paper}): {found.line}")
            print(
                f"| {name}, PDF on {paper} | {len(made)} | {printed} | {exact} "
                f"({100 * exact / printed:.2f}%) | {invented} | {not_placed} | {unreported} | {right} |"
            )


def _writer(name: str, portals: list[portal_layouts.Portal], pages: bool) -> None:
    """The round's pages opened by Writer and exported to PDF, each PDF's import scored."""
    sys.path.insert(0, str(ROOT / "bench"))
    office: Any = importlib.import_module("office_pasted")

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    made = [office.Page(f"page{i}", p.data(), p) for i, p in enumerate(portals)]
    with tempfile.TemporaryDirectory() as folder:
        scores = office.measure(made, "pdf", Path(folder))
    if pages:
        for portal, s in zip(portals, scores, strict=True):
            print(
                f"  {portal.title} (Writer): {s.exact}/{s.printed} exact, {s.invented} invented,"
                f" {s.not_placed} not placed ({s.unreported} unreported), edition {s.edition}"
            )
    printed = sum(s.printed for s in scores)
    exact = sum(s.exact for s in scores)
    print(
        f"| {name}, PDF through Writer | {len(scores)} | {printed} | {exact} "
        f"({100 * exact / printed:.2f}%) | {sum(s.invented for s in scores)} "
        f"| {sum(s.not_placed for s in scores)} | {sum(s.unreported for s in scores)} "
        f"| {sum(s.edition_right for s in scores)} |"
    )


if __name__ == "__main__":
    main()
