"""The HTML import at a git revision and here, taking turns in one process.

On the shared build machine two bench runs a minute apart read floors
0.5 ms apart, more than most changes move the import; paired runs of
``html_import_bench.py`` in two processes then mostly measure the
neighbours.  Here the plugin source of a git revision (``--ref``, default
``main``) is unpacked and imported under another package name
(``govdisclosure_html_before``: the plugin's imports are relative), so both
sources and the bench's floor run in one process, taking turns round by
round, timed as ``html_import_bench.py`` times them: each of the nine
portal pages alone, best of ROUNDS rounds of LOOPS calls, CPU time
(``time.process_time``), summed over the pages.  With ``--expand`` it also
times ``expand`` over the pages' tables (and the lexbor calls it cannot do
without).  Both sources share the core library; each keeps its own memos.

    python bench/html_import_ab.py [--ref main] [--rounds 9] [--expand]

It prints one line per measure, with the load average; it records nothing.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from html_import_compare import _ref_source
from html_import_parts import PAGES, Prepared, _grid_calls

LOOPS = 20
BEFORE = "govdisclosure_html_before"


def _before(ref: str, into: Path) -> Any:
    """The plugin package of ``ref``, imported as :data:`BEFORE`."""
    src = _ref_source(ref, into)
    (src / "govdisclosure_html").rename(src / BEFORE)
    sys.path.insert(0, str(src))
    return importlib.import_module(BEFORE)


def _best(fns: dict[str, Callable[[], Any]], rounds: int) -> dict[str, float]:
    """Best CPU time per call of each function, the functions taking turns."""
    best = dict.fromkeys(fns, float("inf"))
    for _ in range(rounds):
        for name, fn in fns.items():
            gc.collect()
            start = time.process_time()
            for _ in range(LOOPS):
                fn()
            best[name] = min(best[name], (time.process_time() - start) / LOOPS)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ref", default="main", help="git revision of the source before")
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--expand", action="store_true", help="time expand() as well")
    args = parser.parse_args()
    import govdisclosure_html
    from govdisclosure_html.grid import expand

    with tempfile.TemporaryDirectory() as tmp:
        before = _before(args.ref, Path(tmp))
        load = os.getloadavg()[0]
        enabled = gc.isenabled()
        gc.disable()  # as import_html runs
        try:
            totals = {"parse": 0.0, "before": 0.0, "here": 0.0}
            for page in sorted(PAGES.glob("*/page.html")):
                data = page.read_bytes()
                imports = {"before": before.import_html, "here": govdisclosure_html.import_html}
                for fn in imports.values():
                    fn(data, validate_report=True)  # warm the cached targets
                fns: dict[str, Callable[[], Any]] = {"parse": partial(LexborHTMLParser, data)}
                fns.update(
                    {k: partial(fn, data, validate_report=False) for k, fn in imports.items()}
                )
                for name, t in _best(fns, args.rounds).items():
                    totals[name] += t
            parse, old, new = totals["parse"], totals["before"], totals["here"]
            print(
                f"import_html, nine pages: parse {parse * 1e3:.2f} ms; {args.ref} {old * 1e3:.2f} ms"
                f" ({old / parse:.2f}×); here {new * 1e3:.2f} ms ({new / parse:.2f}×);"
                f" here/{args.ref} {new / old:.3f}; load average {load:.2f} → {os.getloadavg()[0]:.2f}"
            )
            if args.expand:
                load = os.getloadavg()[0]
                pages = [Prepared(p.read_bytes()) for p in sorted(PAGES.glob("*/page.html"))]
                tables = [(t, i) for p in pages for i, t in enumerate(p.leaf)]
                rows = [r for p in pages for r in p.rows]
                old_expand = importlib.import_module(f"{BEFORE}.grid").expand
                best = _best(
                    {
                        "floor": lambda: [
                            _grid_calls(r, t) for r, (t, _) in zip(rows, tables, strict=True)
                        ],
                        args.ref: lambda: [old_expand(t, i) for t, i in tables],
                        "here": lambda: [expand(t, i) for t, i in tables],
                    },
                    args.rounds,
                )
                print(
                    f"expand, {len(tables)} tables: "
                    + "; ".join(f"{k} {v * 1e3:.2f} ms" for k, v in best.items())
                    + f"; load average {load:.2f} → {os.getloadavg()[0]:.2f}"
                )
        finally:
            if enabled:
                gc.enable()


if __name__ == "__main__":
    main()
