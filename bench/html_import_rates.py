"""Instructions a CPU second, part by part: why the HTML import's CPU ratio
to the bench's floor is higher than its ratio in instructions.

``html_import_count.py`` counts the import at about 2.6 times the floor's
instructions, the bench reads about 4 times its CPU time: the import's
instructions run slower.  This script finds which: each piece of work below
is counted (callgrind, ``PYTHONHASHSEED=0``, 1 and 4 passes over the nine
portal pages after one warm import of each, the difference over 3) and timed
(CPU time, best of ROUNDS rounds of LOOPS passes, the pieces taking turns in
one process, the collector paused throughout as ``import_html`` pauses it),
and printed with its instructions per CPU second:

* ``floor``: the bench's floor, selectolax parsing the decoded text (which
  it encodes back to UTF-8 first);
* ``bytes``: the same parse of the page's bytes, as the import makes it;
* ``decode``: the UTF-8 check of the pages (``bytes.decode``);
* ``searches``: two selector searches on pages parsed beforehand, the
  article container hints over the page and the hidden-element search
  over its ``<body>``;
* ``read``: :func:`.page.read_page` (decode, parse, every search, the grids,
  links and text blocks);
* ``map``: :func:`.importer.import_document` of each page's document made
  beforehand (the mapping alone);
* ``alternated``: ``read`` and ``map`` of each page in turn, the same work
  as the two alone, interleaved as an import interleaves them;
* ``import``: :func:`import_html` (``validate_report=False``).

``alternated`` against ``read`` + ``map`` is what the two halves of an
import cost each other (their code and data taking turns in the caches)
at the same instructions.  With ``--sim`` the count runs callgrind's cache
and branch simulation too and prints its first-level misses per pass.

    python bench/html_import_rates.py             # time and count (slow: callgrind)
    python bench/html_import_rates.py --time-only
    python bench/html_import_rates.py --sim read map alternated

It records nothing.
"""

from __future__ import annotations

import argparse
import gc
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from html_import_count import totals

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "plugins" / "govdisclosure-html" / "tests" / "data"
WORK = ("floor", "bytes", "decode", "searches", "read", "map", "alternated", "import")
ROUNDS = 9
LOOPS = 20
PASSES = 4
#: callgrind's simulated events printed with ``--sim``.
SIMULATED = ("I1mr", "D1mr", "D1mw", "Bcm", "Bim")


def work() -> dict[str, Callable[[], None]]:
    """Each piece of work as one pass over the nine pages (after warming)."""
    from selectolax.lexbor import LexborHTMLParser

    from govdisclosure_html import import_html
    from govdisclosure_html.importer import import_document, page_document
    from govdisclosure_html.page import _CLASS_HINTED_OR_ARTICLE, _MAY_HIDE, read_page
    from govdisclosure_html.sheets import local_style_sheets

    pages = [p.read_bytes() for p in sorted(PAGES.glob("*/page.html"))]
    texts = [data.decode("utf-8") for data in pages]
    sheets = local_style_sheets("<page>")  # what import_html reads with
    for data in pages:
        import_html(data, validate_report=True)  # the definitions' targets built
    docs = [page_document(read_page(data, None, sheets)) for data in pages]
    parsed = [LexborHTMLParser(data) for data in pages]
    bodies = [doc.body for doc in parsed]

    def floor() -> None:
        for text in texts:
            LexborHTMLParser(text)

    def parse_bytes() -> None:
        for data in pages:
            LexborHTMLParser(data)

    def decode() -> None:
        for data in pages:
            data.decode("utf-8")

    def searches() -> None:
        for doc, body in zip(parsed, bodies, strict=True):
            doc.css(_CLASS_HINTED_OR_ARTICLE)
            if body is not None:
                body.css(_MAY_HIDE)

    def read() -> None:
        for data in pages:
            read_page(data, None, sheets)

    def mapping() -> None:
        for doc in docs:
            import_document(doc, "<page>", validate_report=False)

    def alternated() -> None:
        for data, doc in zip(pages, docs, strict=True):
            read_page(data, None, sheets)
            import_document(doc, "<page>", validate_report=False)

    def imports() -> None:
        for data in pages:
            import_html(data, validate_report=False)

    fns = (floor, parse_bytes, decode, searches, read, mapping, alternated, imports)
    return dict(zip(WORK, fns, strict=True))


def inner(name: str, passes: int) -> None:
    """Warm, then ``passes`` passes of one piece of work (run under callgrind)."""
    fn = work()[name]
    gc.disable()
    for _ in range(passes):
        fn()


def count(name: str, sim: bool) -> dict[str, float]:
    """Events per pass of one piece of work: 1 and PASSES passes counted."""
    runs: list[dict[str, int]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for passes in (1, PASSES):
            out = Path(tmp) / f"callgrind.{name}.{passes}"
            subprocess.run(
                [
                    "valgrind",
                    "--tool=callgrind",
                    f"--callgrind-out-file={out}",
                    *(["--cache-sim=yes", "--branch-sim=yes"] if sim else []),
                    sys.executable,
                    __file__,
                    "--inner",
                    name,
                    str(passes),
                ],
                env=dict(os.environ, PYTHONHASHSEED="0"),
                capture_output=True,
                check=True,
            )
            runs.append(totals(out))
    return {k: (runs[1][k] - runs[0][k]) / (PASSES - 1) for k in runs[1]}


def timing(names: list[str]) -> dict[str, float]:
    """Best CPU seconds a pass of each piece of work, taking turns."""
    fns = work()
    best = dict.fromkeys(names, float("inf"))
    enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(ROUNDS):
            for name in names:
                start = time.process_time()
                for _ in range(LOOPS):
                    fns[name]()
                best[name] = min(best[name], (time.process_time() - start) / LOOPS)
    finally:
        if enabled:
            gc.enable()
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inner", nargs=2, metavar=("WORK", "PASSES"))
    parser.add_argument("--time-only", action="store_true")
    parser.add_argument("--sim", action="store_true", help="callgrind's cache simulation too")
    parser.add_argument("work", nargs="*", choices=[[], *WORK], default=[])
    args = parser.parse_args()
    if args.inner:
        inner(args.inner[0], int(args.inner[1]))
        return
    names = args.work or list(WORK)
    load = os.getloadavg()[0]
    times = timing(names)
    load_after = os.getloadavg()[0]
    counts: dict[str, dict[str, float]] = {}
    if not args.time_only:
        # Compiled once before any counted run (a first run counts the compiling).
        subprocess.run([sys.executable, __file__, "--inner", "import", "0"], check=True)
        counts = {name: count(name, args.sim) for name in names}
    head = f"{'work (nine pages, a pass)':28} {'CPU ms':>8}"
    if counts:
        head += f" {'M instr':>9} {'G instr/s':>10}"
        if args.sim:
            head += "".join(f" {k:>7}" for k in SIMULATED)
    print(head)
    for name in names:
        line = f"{name:28} {times[name] * 1e3:8.2f}"
        if counts:
            ir = counts[name]["Ir"]
            line += f" {ir / 1e6:9.2f} {ir / times[name] / 1e9:10.2f}"
            if args.sim:
                line += "".join(f" {counts[name][k] / 1e6:7.3f}" for k in SIMULATED)
        print(line)
    if {"read", "map", "alternated"} <= set(names):
        alone = times["read"] + times["map"]
        print(
            f"read + map alone {alone * 1e3:.2f} ms; alternated {times['alternated'] * 1e3:.2f} ms"
            f" ({times['alternated'] / alone:.2f}×)"
        )
    if {"floor", "import"} <= set(names):
        ratio = f"import/floor {times['import'] / times['floor']:.2f}× in CPU time"
        if counts:
            ratio += f", {counts['import']['Ir'] / counts['floor']['Ir']:.2f}× in instructions"
        print(ratio)
    print(f"load average {load:.2f} → {load_after:.2f} (during the timing)")
    if os.environ.get("PYTHONPATH"):
        print(f"PYTHONPATH={os.environ['PYTHONPATH']}")


if __name__ == "__main__":
    main()
