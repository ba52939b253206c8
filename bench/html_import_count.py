"""Instructions per pass of the HTML import of the nine portal pages, and of
the bench's floor (selectolax parsing the same pages' bytes), counted by
callgrind: a measure the machine's load does not move.

Each figure is two runs under ``valgrind --tool=callgrind`` with
``PYTHONHASHSEED=0``: one warm import of every page with the proof (the
definitions' cached targets built), then 1 and then ``PASSES`` passes of the
work; their difference over ``PASSES - 1`` is one pass, without the start-up
and the warming.  A run without callgrind comes first, so that no counted
run compiles the sources (a first run writing ``__pycache__`` counts the
compiling, and the difference comes out short by a third of it).  The ratio printed is the
import's instructions over the parse's.

    python bench/html_import_count.py            # import and parse
    python bench/html_import_count.py --work import
    python bench/html_import_count.py --keep DIR # keep the callgrind files
    python bench/html_import_count.py --sim      # with callgrind's cache and branch simulation

With ``--sim`` the runs simulate the caches and the branch predictor too, and
each figure is printed per pass beside the instructions: data reads and writes,
first-level and last-level misses, conditional and indirect branches and their
mispredictions.  They are the reasons an instruction can cost more time in one
kind of work than in another (the simulated caches are callgrind's model of
this machine's, not a measurement of them), which a count of instructions
alone cannot show.

Slow (a few minutes: four runs under callgrind).  The inner mode (``--inner``) is
what runs under callgrind.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "plugins" / "govdisclosure-html" / "tests" / "data"
PASSES = 4


def inner(work: str, passes: int) -> None:
    """Warm, then ``passes`` passes of ``work`` ("import" or "parse")."""
    from selectolax.lexbor import LexborHTMLParser

    from govdisclosure_html import import_html

    pages = [p.read_bytes() for p in sorted(PAGES.glob("*/page.html"))]
    for data in pages:
        data.decode("utf-8")  # lexbor reads the bytes as UTF-8: they must be
    # The warming is the same in both runs of a figure and cancels out: the
    # parse's runs skip the imports' (a run under the simulation is slow).
    if work == "import":
        for data in pages:
            import_html(data, validate_report=True)
    for data in pages:
        LexborHTMLParser(data)
    if work == "import":
        for _ in range(passes):
            for data in pages:
                import_html(data, validate_report=False)
    else:
        for _ in range(passes):
            for data in pages:
                LexborHTMLParser(data)


def warm(work: str) -> None:
    """One run of :func:`inner` without callgrind: the sources compiled
    (``__pycache__`` written) before any run is counted, or the first run
    counts the compiling and the difference comes out short."""
    subprocess.run([sys.executable, __file__, "--inner", work, "0"], check=True)


#: callgrind's events with ``--cache-sim=yes --branch-sim=yes``, as named in
#: its output file, and what each counts.
SIMULATED = {
    "Ir": "instructions",
    "Dr": "data reads",
    "Dw": "data writes",
    "I1mr": "L1 instruction misses",
    "D1mr": "L1 data read misses",
    "D1mw": "L1 data write misses",
    "ILmr": "last-level instruction misses",
    "DLmr": "last-level data read misses",
    "DLmw": "last-level data write misses",
    "Bc": "conditional branches",
    "Bcm": "conditional branches mispredicted",
    "Bi": "indirect branches",
    "Bim": "indirect branches mispredicted",
}


def totals(out: Path) -> dict[str, int]:
    """The events and their totals of a callgrind output file."""
    names: list[str] = []
    values: list[int] = []
    for line in out.read_text().splitlines():
        if line.startswith("events:"):
            names = line.split()[1:]
        elif line.startswith(("totals:", "summary:")):
            values = [int(v) for v in line.split()[1:]]
    return dict(zip(names, values, strict=True))


def count(work: str, passes: int, keep: Path | None, sim: bool = False) -> dict[str, int]:
    """The events (instructions; with ``sim`` also the simulated caches and
    branches) of one run of :func:`inner` under callgrind."""
    with tempfile.TemporaryDirectory() as tmp:
        out = (keep or Path(tmp)) / f"callgrind.{work}.{passes}"
        env = dict(os.environ, PYTHONHASHSEED="0")
        run = subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                f"--callgrind-out-file={out}",
                *(["--cache-sim=yes", "--branch-sim=yes"] if sim else []),
                sys.executable,
                __file__,
                "--inner",
                work,
                str(passes),
            ],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        found = re.search(r"Collected : (\d+)", run.stderr)
        if found is None:
            raise RuntimeError(run.stderr)
        return totals(out) if sim else {"Ir": int(found.group(1))}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--inner", nargs=2, metavar=("WORK", "PASSES"))
    parser.add_argument("--keep", type=Path)
    parser.add_argument(
        "--work",
        choices=("import", "parse"),
        action="append",
        help="count only these (default both)",
    )
    parser.add_argument(
        "--sim", action="store_true", help="simulate the caches and branches too (slower)"
    )
    args = parser.parse_args()
    if args.inner:
        inner(args.inner[0], int(args.inner[1]))
        return
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    per_pass: dict[str, dict[str, float]] = {}
    for work in args.work or ("import", "parse"):
        warm(work)
        one, many = (count(work, n, args.keep, args.sim) for n in (1, PASSES))
        per_pass[work] = {k: (many[k] - one[k]) / (PASSES - 1) for k in many}
        print(f"nine pages, instructions per pass: {work} {per_pass[work]['Ir'] / 1e6:.2f} M")
    if len(per_pass) == 2:
        imp, parse = per_pass["import"], per_pass["parse"]
        print(f"ratio import/parse {imp['Ir'] / parse['Ir']:.2f}×")
        if args.sim:
            print(f"{'per pass (M)':36} {'import':>9} {'parse':>9} {'ratio':>7}")
            for key, name in SIMULATED.items():
                ratio = imp[key] / parse[key] if parse[key] else float("inf")
                print(
                    f"{name + ' (' + key + ')':36} {imp[key] / 1e6:9.3f}"
                    f" {parse[key] / 1e6:9.3f} {ratio:6.2f}×"
                )


if __name__ == "__main__":
    main()
