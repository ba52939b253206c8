"""HTML import of the nine portal pages against the bare parse of the same page.

What is measured, on the same bytes in the same run, best of REPEAT rounds of
LOOPS imports each, the floor and the import taking turns round by round
(after one warm-up import, so the definitions' cached targets are built).
Times are the process's CPU time (``time.process_time``), and the verdict
is read from them: on the shared build machine, with more jobs than cores,
wall-clock time charges a 10 ms run of imports with other jobs' time
slices far more often than a 0.5 ms run of parses, which made the ratio a
measure of the machine's load.  The wall-clock totals of the same runs are
printed beside them, with the load average, to show how loaded the run was.

* the floor: ``selectolax`` (lexbor) parsing the page's bytes into a tree,
  the parser the importer uses (the nine pages are UTF-8, which lexbor reads
  as they are; given the decoded text instead, selectolax would first encode
  it back to UTF-8, about a fifth of the parse, which the import never does);
* :func:`govdisclosure_html.import_html` without the proof by the relations
  (decode, find the body, grids, placement, narrative, the report built
  through the strict converter) and with it (``gd.validate`` after import);
* the import again with the placement decisions forgotten before each
  import (``match.clear_memo``): the cost of a page whose labels the
  process has not seen yet (the label keys and figures stay remembered).

The pages are the test pages of plugins/govdisclosure-html/tests/data
(verbatim pages of a portal; see the README there).  Target: ≤ 3× the bare
parse per page.  Run ``python bench/html_import_bench.py`` or ``make bench``.
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from floors import quick, record
from govdisclosure_html import import_html
from govdisclosure_html.match import clear_memo

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "plugins" / "govdisclosure-html" / "tests" / "data"
REPEAT = 1 if quick() else 5
LOOPS = 2 if quick() else 20


def once(fn: Callable[[], Any]) -> tuple[float, float]:
    """CPU and wall-clock time of one call, over LOOPS calls (seconds)."""
    gc.collect()
    start, start_wall = time.process_time(), time.perf_counter()
    for _ in range(LOOPS):
        fn()
    return (
        (time.process_time() - start) / LOOPS,
        (time.perf_counter() - start_wall) / LOOPS,
    )


#: Best wall-clock time of each function of the last :func:`best` (seconds).
WALL: list[float] = []


def best(*fns: Callable[[], Any]) -> list[float]:
    """Best CPU time of each function over REPEAT rounds, the functions taking
    turns (their best wall-clock times are left in WALL)."""
    times = [float("inf")] * len(fns)
    WALL[:] = [float("inf")] * len(fns)
    for _ in range(REPEAT):
        for i, fn in enumerate(fns):
            cpu, wall = once(fn)
            times[i] = min(times[i], cpu)
            WALL[i] = min(WALL[i], wall)
    return times


def _cold(data: bytes) -> None:
    clear_memo()
    import_html(data, validate_report=False)


def main() -> None:
    print(
        f"{'page':34} {'parse ms':>9} {'import ms':>10} {'ratio':>6} {'+validate':>10} {'ratio':>6}"
        f" {'cold memo':>10} {'ratio':>6}"
    )
    load_before = os.getloadavg()
    totals = [0.0, 0.0, 0.0, 0.0]
    walls = [0.0, 0.0]
    for page in sorted(PAGES.glob("*/page.html")):
        data = page.read_bytes()
        data.decode("utf-8")  # the floor's bytes are read as UTF-8: they must be
        import_html(data, validate_report=True)  # warm the cached targets
        floor, bare, full, cold = best(
            partial(LexborHTMLParser, data),
            partial(import_html, data, validate_report=False),
            partial(import_html, data, validate_report=True),
            partial(_cold, data),
        )
        totals = [totals[0] + floor, totals[1] + bare, totals[2] + full, totals[3] + cold]
        walls = [walls[0] + WALL[0], walls[1] + WALL[1]]
        print(
            f"{page.parent.name:34} {floor * 1e3:9.2f} {bare * 1e3:10.2f} {bare / floor:5.1f}×"
            f" {full * 1e3:10.2f} {full / floor:5.1f}× {cold * 1e3:10.2f} {cold / floor:5.1f}×"
        )
    floor, bare, full, cold = totals
    print(
        f"{'all nine pages':34} {floor * 1e3:9.2f} {bare * 1e3:10.2f} {bare / floor:5.1f}×"
        f" {full * 1e3:10.2f} {full / floor:5.1f}× {cold * 1e3:10.2f} {cold / floor:5.1f}×"
    )
    load_after = os.getloadavg()
    print(
        f"clock: CPU time (process_time); wall clock of the same runs: {walls[0] * 1e3:.2f} ms"
        f" parse vs {walls[1] * 1e3:.2f} ms import ({walls[1] / walls[0]:.1f}×);"
        f" load average {load_before[0]:.2f} → {load_after[0]:.2f}"
    )
    record("html_import", bare, floor, f"all nine pages; {full / floor:.1f}× with the proof")


if __name__ == "__main__":
    main()
