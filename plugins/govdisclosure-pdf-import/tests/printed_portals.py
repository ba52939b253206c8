"""Portal pages printed to PDF by Chromium, imported back and compared.

Many published PDFs are a portal page printed from a browser.  The pages
here are the HTML importer's: the nine real pages of its ``tests/data`` and
the reports of other portals rebuilt cell by cell
(``test_other_portals_round5.PORTALS``, ``…round8``, ``…round9``,
``…round10``, ``…round11`` and ``…round12``, the legacy forms of ``test_legacy_other_portals``).  Each is printed by headless Chromium on a
paper size set by an ``@page`` rule (the browser's default margins), read
by the PDF importer, and compared cell by cell with the reference: the
figures the rebuilt page printed (:func:`portal_layouts.score`), or, for the
real pages and the legacy forms, what the HTML importer places from the same
page (exact there: ``test_real_pages``, ``test_legacy_other_portals``).

Run as a script it prints every page on every paper and writes the figures
(``python printed_portals.py OUT_DIR``).
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from pathlib import Path

import attrs

from govdisclosure import cells_by_path
from govdisclosure_html import ImportResult, import_html, named_paths
from govdisclosure_html.importer import json_path
from govdisclosure_pdf_import import import_pdf

HTML_TESTS = Path(__file__).resolve().parents[2] / "govdisclosure-html" / "tests"
if str(HTML_TESTS) not in sys.path:  # the rebuilt portals live with the HTML importer's tests
    sys.path.append(str(HTML_TESTS))

import portal_layouts  # noqa: E402
import test_legacy_other_portals as legacy  # noqa: E402
import test_other_portals_round5 as round5  # noqa: E402
import test_other_portals_round8 as round8  # noqa: E402
import test_other_portals_round9 as round9  # noqa: E402
import test_other_portals_round10 as round10  # noqa: E402
import test_other_portals_round11 as round11  # noqa: E402
import test_other_portals_round12 as round12  # noqa: E402

CHROMIUM = next(
    filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None
)

#: Paper sizes as ``@page`` sizes: A4 upright (what a portal's print button
#: gives), A4 turned, and A5 (a narrow page: tables break over more pages).
PAPERS = {"a4": "A4", "a4-landscape": "A4 landscape", "a5": "A5"}

Path_ = tuple[str, ...]


@attrs.frozen
class Page:
    """One page to print: its name, its HTML, and how to judge its import."""

    name: str
    html: bytes
    #: The rebuilt portal (its printed cells are the reference), or None: the
    #: HTML import of ``html`` is.
    portal: portal_layouts.Portal | None = None
    #: Cells no reader can place surely (the rebuilt portal's known gaps).
    gaps: frozenset[Path_] = frozenset()
    derive_templates: bool = False


def real_pages() -> Iterator[Page]:
    """The nine pages of one portal as archived (``govdisclosure-html/tests/data``)."""
    for folder in sorted((HTML_TESTS / "data").iterdir()):
        if (folder / "page.html").exists():
            yield Page(folder.name, (folder / "page.html").read_bytes())


def rebuilt_pages() -> Iterator[Page]:
    """The reports of other portals rebuilt cell by cell, and the two legacy forms."""
    seen: set[str] = set()
    for portal in round5.PORTALS:
        host = round5._host(portal)
        name = host if host not in seen else f"{host}-{len(seen)}"
        seen.add(host)
        gaps = frozenset(round5.KNOWN_GAPS.get(host, set()))
        yield Page(name, portal.html().encode(), portal, gaps)
    seen |= {round8._host(p) for p in round8.PORTALS} | {round9._host(p) for p in round9.PORTALS}
    for portal in round8.PORTALS:
        yield Page(round8._host(portal), portal.html().encode(), portal)
    for portal in round9.PORTALS:
        yield Page(round9._host(portal), portal.html().encode(), portal)
    for portal in round10.PORTALS:
        # A host an earlier round took already is named for its round.
        host = portal_layouts.host(portal)
        name = host if host not in seen else f"{host}-round10"
        yield Page(name, portal.html().encode(), portal)
    seen |= {portal_layouts.host(p) for p in round10.PORTALS}
    for portal in round11.PORTALS:
        host = portal_layouts.host(portal)
        name = host if host not in seen else f"{host}-round11"
        yield Page(name, portal.html().encode(), portal)
    seen |= {portal_layouts.host(p) for p in round11.PORTALS}
    for portal in round12.PORTALS:
        # Served as the portal serves it (its encoding: one page is GBK).
        host = portal_layouts.host(portal)
        name = host if host not in seen else f"{host}-round12"
        yield Page(name, portal.data(), portal)
    yield Page("putian-2009", legacy._putian())
    yield Page("dingxi-2009", legacy._dingxi(), derive_templates=True)


def all_pages() -> list[Page]:
    return [*real_pages(), *rebuilt_pages()]


def on_paper(html: bytes, size: str) -> bytes:
    """The page with an ``@page`` rule for the paper (margins left to the browser)."""
    rule = f"<style>@page {{ size: {size}; }}</style>".encode()
    head = html.lower().find(b"<head")
    if head >= 0:
        end = html.index(b">", head) + 1
        return html[:end] + rule + html[end:]
    return rule + html


def print_pdf(html_file: Path, pdf: Path, profile: Path) -> None:
    """Chromium prints the page to ``pdf`` (no header or footer line)."""
    assert CHROMIUM is not None
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--user-data-dir={profile}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            html_file.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )


def print_all(
    pages: list[Page], papers: Mapping[str, str], folder: Path
) -> dict[tuple[str, str], Path]:
    """Each page printed on each paper, two at a time; ``(page, paper)`` → the PDF."""
    jobs: list[tuple[Path, Path, Path]] = []
    out: dict[tuple[str, str], Path] = {}
    for page in pages:
        for paper, size in papers.items():
            stem = f"{page.name}.{paper}"
            html_file = folder / f"{stem}.html"
            html_file.write_bytes(on_paper(page.html, size))
            pdf = folder / f"{stem}.pdf"
            out[page.name, paper] = pdf
            jobs.append((html_file, pdf, folder / f"profile-{len(jobs) % 2}"))

    def run(share: list[tuple[Path, Path, Path]]) -> int:
        for job in share:
            print_pdf(*job)
        return len(share)

    # Two browsers at once, each with its own profile (a profile is locked while in use).
    with ThreadPoolExecutor(2) as pool:
        assert sum(pool.map(run, [jobs[0::2], jobs[1::2]])) == len(jobs)
    return out


@attrs.frozen
class Figures:
    """A PDF import compared with its reference, cell by cell."""

    printed: int
    exact: int
    #: Cells holding a figure where the reference has none or another.
    invented: tuple[str, ...]
    #: Printed figures the PDF import left blank.
    not_placed: tuple[str, ...]
    #: Of those, the ones no problem reports.
    unreported: tuple[str, ...]
    edition: str | None
    edition_wanted: str | None

    @property
    def line(self) -> str:
        return (
            f"{self.exact}/{self.printed} exact, {len(self.invented)} invented, "
            f"{len(self.not_placed)} not placed ({len(self.unreported)} unreported), "
            f"edition {self.edition} (want {self.edition_wanted})"
        )


def _number(value: object) -> Decimal | None:
    return portal_layouts._number(value)


def reference_import(page: Page) -> ImportResult:
    return import_html(page.html, f"{page.name}.html", derive_templates=page.derive_templates)


def _table_missing(
    result: ImportResult, got: Mapping[tuple[str | int, ...], object]
) -> set[str | int]:
    """The tables of the report with no figure at all when the import says a
    table is missing (``table-missing``: "its cells stay blank"): their blank
    cells are reported, by the table."""
    if not any(p.code == "table-missing" for p in result.problems):
        return set()
    tables = {path[0] for path in got}
    filled = {path[0] for path, value in got.items() if _number(value) is not None}
    return tables - filled


def compare(page: Page, pdf_result: ImportResult, reference: ImportResult | None = None) -> Figures:
    """The PDF import of ``page`` against its reference (see the module)."""
    got = cells_by_path(pdf_result.report) if pdf_result.report is not None else {}
    edition = pdf_result.report.edition if pdf_result.report is not None else None
    if page.portal is not None:
        found = portal_layouts.score(page.portal, pdf_result)
        gaps = {json_path(p) for p in page.gaps}
        return Figures(
            printed=found.printed - len(page.gaps),
            exact=found.exact,
            invented=tuple(json_path(p) for p in (*found.invented, *found.wrong)),
            not_placed=tuple(
                json_path(p)
                for p in page.portal.printed()
                if p not in page.gaps
                and _number(page.portal.printed()[p].value) is not None
                and _number(got.get(p)) is None
            ),
            unreported=tuple(
                json_path(p)
                for p in found.not_placed_unreported
                if json_path(p) not in gaps and p[0] not in _table_missing(pdf_result, got)
            ),
            edition=edition,
            edition_wanted=page.portal.edition,
        )
    reference = reference or reference_import(page)
    want = cells_by_path(reference.report) if reference.report is not None else {}
    wanted = {p: _number(v) for p, v in want.items() if _number(v) is not None}
    have = {p: _number(v) for p, v in got.items() if _number(v) is not None}
    exact = sum(1 for p, v in wanted.items() if have.get(p) == v)
    invented = tuple(json_path(p) for p, v in have.items() if wanted.get(p) != v)
    missing = [p for p in wanted if p not in have]
    named = named_paths(pdf_result.problems)
    stray = sum(1 for p in pdf_result.problems if p.code in ("cell-not-placed", "cell-unreadable"))
    whole = _table_missing(pdf_result, got)
    unnamed = [json_path(p) for p in missing if json_path(p) not in named and p[0] not in whole]
    return Figures(
        printed=len(wanted),
        exact=exact,
        invented=invented,
        not_placed=tuple(json_path(p) for p in missing),
        unreported=tuple(unnamed[stray:]),
        edition=edition,
        edition_wanted=reference.report.edition if reference.report is not None else None,
    )


def survey(
    folder: Path, papers: Mapping[str, str] = PAPERS, log: Callable[[str], None] = print
) -> dict[tuple[str, str], Figures]:
    pages = all_pages()
    pdfs = print_all(pages, papers, folder)
    out: dict[tuple[str, str], Figures] = {}
    for page in pages:
        reference = None if page.portal is not None else reference_import(page)
        for paper in papers:
            pdf = pdfs[page.name, paper]
            result = import_pdf(pdf.read_bytes(), pdf.name, derive_templates=page.derive_templates)
            figures = compare(page, result, reference)
            out[page.name, paper] = figures
            log(f"{page.name:40} {paper:13} {figures.line}")
            for path in figures.invented:
                log(f"    invented {path}")
            for path in figures.not_placed:
                log(f"    not placed {path}")
    for line in totals(out, {p.name for p in real_pages()}, papers):
        log(line)
    return out


def totals(
    found: Mapping[tuple[str, str], Figures], real: set[str], papers: Mapping[str, str]
) -> list[str]:
    """The survey's rows as ``docs/import.md`` tables them: per paper, the
    rebuilt pages and the real ones added up (exact / printed, invented,
    not placed (unreported), edition right)."""
    out = []
    for kind in ("rebuilt", "real"):
        for paper in papers:
            mine = [
                f
                for (name, p), f in found.items()
                if p == paper and (name in real) == (kind == "real")
            ]
            if not mine:
                continue
            exact = sum(f.exact for f in mine)
            printed = sum(f.printed for f in mine)
            invented = sum(len(f.invented) for f in mine)
            missing = sum(len(f.not_placed) for f in mine)
            unreported = sum(len(f.unreported) for f in mine)
            right = sum(1 for f in mine if f.edition == f.edition_wanted)
            out.append(
                f"| {len(mine)} {kind} | {paper} | {exact} / {printed} | {invented} | "
                f"{missing} ({unreported}) | {right} / {len(mine)} |"
            )
    return out


if __name__ == "__main__":
    logging.disable(logging.WARNING)  # pdfminer's notes on the browser's fonts
    target = Path(sys.argv[1])
    target.mkdir(parents=True, exist_ok=True)
    survey(target)
