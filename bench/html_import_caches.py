"""The HTML import and the bench's floor with warm caches and after the caches were emptied.

The import costs about 2.7 times the floor's instructions
(``html_import_count.py``) but 3.1–4.5 times its CPU time, and the more
other jobs share the machine, the higher the CPU ratio reads.  A job that
runs between two calls on the same core (or fills the shared last-level
cache from the other one) leaves the next call to refetch its code and data
from memory.  This script shows how much each side pays for that, in one
process: every call of each of the nine portal pages timed alone (CPU
time, ``time.process_time``), best of ROUNDS rounds of LOOPS calls, once
right after the previous call (warm: what an idle machine gives) and once
after a buffer larger than the last-level cache was written through
(cold: every cache line of the work fetched again, the worst a neighbour
can do).  The collector is paused throughout, as ``import_html`` pauses it.

    python bench/html_import_caches.py [--rounds 5] [--mib 96]

It prints the floor and the import per pass over the nine pages in both
states, and their ratios; it records nothing.
"""

from __future__ import annotations

import argparse
import gc
import os
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from govdisclosure_html import import_html

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "plugins" / "govdisclosure-html" / "tests" / "data"
LOOPS = 20


def _calls(fn: Callable[[], Any], rounds: int, evict: Callable[[], None] | None) -> float:
    """Best total over ``rounds`` of LOOPS calls, each timed alone (seconds per call)."""
    best = float("inf")
    clock = time.process_time
    for _ in range(rounds):
        total = 0.0
        for _ in range(LOOPS):
            if evict is not None:
                evict()
            start = clock()
            fn()
            total += clock() - start
        best = min(best, total / LOOPS)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--mib", type=int, default=96, help="buffer written between cold calls (MiB)"
    )
    args = parser.parse_args()
    buffer = bytearray(args.mib << 20)
    # One byte written per 64-byte line: every line of the buffer is brought
    # in, and whatever the work had cached is pushed out.
    lines = range(0, len(buffer), 64)
    ones = bytes(len(lines))

    def evict() -> None:
        buffer[::64] = ones

    load = os.getloadavg()[0]
    enabled = gc.isenabled()
    gc.disable()
    try:
        totals = dict.fromkeys(("parse warm", "import warm", "parse cold", "import cold"), 0.0)
        for page in sorted(PAGES.glob("*/page.html")):
            data = page.read_bytes()
            import_html(data, validate_report=True)  # warm the cached targets
            parse = partial(LexborHTMLParser, data)
            work = partial(import_html, data, validate_report=False)
            for state, how in (("warm", None), ("cold", evict)):
                totals[f"parse {state}"] += _calls(parse, args.rounds, how)
                totals[f"import {state}"] += _calls(work, args.rounds, how)
    finally:
        if enabled:
            gc.enable()
    for state in ("warm", "cold"):
        floor, figure = totals[f"parse {state}"], totals[f"import {state}"]
        print(
            f"{state} caches, nine pages: parse {floor * 1e3:.2f} ms; import {figure * 1e3:.2f} ms"
            f" ({figure / floor:.2f}×)"
        )
    print(
        f"cold/warm: parse {totals['parse cold'] / totals['parse warm']:.2f}×,"
        f" import {totals['import cold'] / totals['import warm']:.2f}×;"
        f" {args.mib} MiB written between cold calls;"
        f" load average {load:.2f} → {os.getloadavg()[0]:.2f}"
    )


if __name__ == "__main__":
    main()
