"""Renderer ``html`` in a real browser: headless Chromium prints each page.

html5lib (``test_renderer.py``) proves the tree; a browser proves what a
reader gets.  Chromium prints every example (each edition and layout) to
PDF, and ``pdftotext`` reads it back: every figure of the tables is there,
the page is A4 inside the GB/T 9704 margins the print CSS sets, and table
3's header is printed again on each page the table continues on.  The page
as the browser built it (its DOM) imports back to the same figures.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

import govdisclosure as gd
from govdisclosure import cells_by_path
from govdisclosure.registry import report_tables
from govdisclosure_html import import_html

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
NAMES = ("huaian-2024", "hongze-2024", "shanghai-szfbgt-2019", "yuxi-2017", "pingtan-2011")

CHROMIUM = next(
    filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None
)
PDFTOTEXT = shutil.which("pdftotext")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None or PDFTOTEXT is None,
    reason="Chromium or poppler-utils is not installed; `make system-deps` installs both",
)

#: Millimetres in a PostScript point.
MM = 25.4 / 72
#: Closing punctuation, trimmed into the margin at the end of a line.
CLOSING = tuple("》」』）】〕”’，。、；：！？")
#: A figure as printed: a sign, digits with thousands separators, decimals.
FIGURE = re.compile(r"[+\-−]?\d[\d,]*(?:\.\d+)?")


def _chromium(profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    return subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--user-data-dir={profile}",
            *args,
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=180,
    )


def _pages(pdf: Path) -> list[str]:
    assert PDFTOTEXT is not None
    text = subprocess.run(
        [PDFTOTEXT, "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return text.split("\f")[:-1]


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, str]]:
    """Each example rendered to HTML, printed by Chromium to PDF, and its DOM as Chromium built it."""
    folder = tmp_path_factory.mktemp("browser")
    out: dict[str, tuple[Path, str]] = {}
    for name in NAMES:
        page = folder / f"{name}.html"
        page.write_bytes(gd.render(gd.load(EXAMPLES / f"{name}.json"), "html"))
        pdf = folder / f"{name}.pdf"
        profile = folder / "profile"
        _chromium(profile, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
        dom = _chromium(profile, "--dump-dom", page.as_uri()).stdout
        out[name] = (pdf, dom)
    return out


def _figures(text: str) -> Counter[Decimal]:
    return Counter(Decimal(t.replace(",", "").replace("−", "-")) for t in FIGURE.findall(text))


@pytest.mark.parametrize("name", NAMES)
def test_every_figure_is_printed(printed: dict[str, tuple[Path, str]], name: str) -> None:
    pdf, _ = printed[name]
    report = gd.load(EXAMPLES / f"{name}.json")
    wanted = Counter(
        Decimal(v) for v in cells_by_path(report).values() if isinstance(v, int | Decimal)
    )
    seen = _figures("\n".join(_pages(pdf)))
    assert {v: n for v, n in wanted.items() if seen[v] < n} == {}
    text = "".join("".join(_pages(pdf)).split())
    assert report.title is not None and "".join(report.title.split()) in text
    assert report.unit.name in text


@pytest.mark.parametrize("name", NAMES)
def test_the_page_is_a4_inside_the_gb_t_9704_margins(
    printed: dict[str, tuple[Path, str]], name: str
) -> None:
    """Top 37, bottom 35, left 28, right 26 mm (print CSS).

    ``pdftotext`` boxes a word by its font's ascent and descent (a CJK face's
    reach well beyond the glyphs) and a full-width quotation mark by its
    whole advance: lines are placed by their middles, and edges are allowed
    a millimetre.  A line that ends in closing punctuation (》，。) is not
    measured at its right end: Chromium trims half of that mark's advance
    into the margin (``text-spacing-trim``), so its box overhangs while its
    ink does not.
    """
    pdf, _ = printed[name]
    assert PDFTOTEXT is not None
    bbox = subprocess.run(
        [PDFTOTEXT, "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    sizes = set(re.findall(r'<page width="([\d.]+)" height="([\d.]+)"', bbox))
    assert {(round(float(w) * MM), round(float(h) * MM)) for w, h in sizes} == {(210, 297)}
    words = re.findall(
        r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', bbox
    )
    boxes = [(tuple(float(n) * MM for n in w[:4]), w[4]) for w in words]
    left = min(box[0] for box, _ in boxes)
    right = 210 - max(box[2] for box, text in boxes if not text.endswith(CLOSING))
    top = min((box[1] + box[3]) / 2 for box, _ in boxes)
    bottom = 297 - max((box[1] + box[3]) / 2 for box, _ in boxes)
    assert left >= 28 - 1 and right >= 26 - 1, (left, right)
    assert top >= 37 and bottom >= 35, (top, bottom)
    # And the text runs the full measure: the margins are the page's, not a narrower column's.
    assert left <= 28 + 1 and right <= 26 + 1, (left, right)


@pytest.mark.parametrize("name", [n for n in NAMES if not n.startswith(("yuxi", "pingtan"))])
def test_table3_header_is_printed_again_where_the_table_continues(
    printed: dict[str, tuple[Path, str]], name: str
) -> None:
    pdf, _ = printed[name]
    report = gd.load(EXAMPLES / f"{name}.json")
    (table3,) = [t for t in report_tables(report) if t.key == "table3"]
    labels = ["".join(row.label.split()) for row in table3.rows if row.columns]
    holding = [
        page for page in _pages(pdf) if sum(label in "".join(page.split()) for label in labels) >= 2
    ]
    assert len(holding) >= 2  # the table runs over a page break in every example
    assert all("申请人情况" in page for page in holding)


@pytest.mark.parametrize("name", NAMES)
def test_the_page_the_browser_built_imports_back(
    printed: dict[str, tuple[Path, str]], name: str
) -> None:
    _, dom = printed[name]
    report = gd.load(EXAMPLES / f"{name}.json")
    imported, _, problems = import_html(dom.encode("utf-8"), f"{name}.html")
    assert imported is not None, [p.message("en") for p in problems]
    assert cells_by_path(imported) == cells_by_path(report)
