"""HTML import of the nine portal pages against the bare parse of the same page.

What is measured, on the same bytes in the same run, best of REPEAT runs of
LOOPS imports each (after one warm-up import, so the definitions' cached
targets are built):

* the floor: ``selectolax`` (lexbor) parsing the decoded page into a tree,
  the parser the importer uses;
* :func:`govdisclosure_html.import_html` without the proof by the relations
  (decode, find the body, grids, placement, narrative, the report built
  through the strict converter) and with it (``gd.validate`` after import).

The pages are the test pages of plugins/govdisclosure-html/tests/data
(verbatim pages of a portal; see the README there).  Target: ≤ 3× the bare
parse per page.  Run ``python bench/html_import_bench.py`` or ``make bench``.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from floors import quick, record
from govdisclosure_html import import_html

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "plugins" / "govdisclosure-html" / "tests" / "data"
REPEAT = 1 if quick() else 5
LOOPS = 2 if quick() else 20


def best(fn: Callable[[], Any]) -> float:
    """Best time of one call over REPEAT runs of LOOPS calls (seconds)."""
    times = []
    for _ in range(REPEAT):
        gc.collect()
        start = time.perf_counter()
        for _ in range(LOOPS):
            fn()
        times.append((time.perf_counter() - start) / LOOPS)
    return min(times)


def main() -> None:
    print(
        f"{'page':34} {'parse ms':>9} {'import ms':>10} {'ratio':>6} {'+validate':>10} {'ratio':>6}"
    )
    totals = [0.0, 0.0, 0.0]
    for page in sorted(PAGES.glob("*/page.html")):
        data = page.read_bytes()
        text = data.decode("utf-8")
        import_html(data, validate_report=True)  # warm the cached targets
        floor = best(lambda text=text: LexborHTMLParser(text))  # type: ignore[misc]
        bare = best(lambda data=data: import_html(data, validate_report=False))  # type: ignore[misc]
        full = best(lambda data=data: import_html(data, validate_report=True))  # type: ignore[misc]
        totals = [totals[0] + floor, totals[1] + bare, totals[2] + full]
        print(
            f"{page.parent.name:34} {floor * 1e3:9.2f} {bare * 1e3:10.2f} {bare / floor:5.1f}×"
            f" {full * 1e3:10.2f} {full / floor:5.1f}×"
        )
    floor, bare, full = totals
    print(
        f"{'all nine pages':34} {floor * 1e3:9.2f} {bare * 1e3:10.2f} {bare / floor:5.1f}×"
        f" {full * 1e3:10.2f} {full / floor:5.1f}×"
    )
    record("html_import", bare, floor, f"all nine pages; {full / floor:.1f}× with the proof")


if __name__ == "__main__":
    main()
