"""Every-rule validation, pure Python against the same modules compiled by mypyc.

The question this answers (issue 15, point 4): would compiling the hot
validation modules to C with mypyc (shipped with mypy, a dev dependency)
bring ``validate()`` with every installed rule to its target of 100 µs a
report?  The library is not built that way; this script builds it in a
temporary directory and measures both:

* ``src/govdisclosure`` is copied there and the modules of :data:`MODULES`
  are compiled in place (``mypyc`` of this interpreter's environment, the
  machine's C compiler and Python headers), so that the copy imports each
  compiled module instead of its source;
* worker processes of this script, alternating round by round, run the
  every-rule corpus of ``validate_bench.py`` (the example reports, each
  copied under distinct unit names), one from this checkout's source and
  one from the compiled copy (``PYTHONPATH``); each prints its best of
  ``--loops`` passes in CPU time (``time.process_time``, the garbage
  collector paused), in µs a report;
* each worker also prints a SHA-256 of every finding (``to_dict()``) and
  relation outcome of ``validate()`` and ``check()`` under both blank
  policies, over the example reports and over ``--drawn`` reports drawn by
  the library's Hypothesis strategies (consistent reports of each edition
  with blank cells, reports with a defect, any report the codec accepts,
  with realistic or hostile text), drawn once by this process and written
  to files that both builds load; the two digests must be equal.  (Drawing
  in each worker, even derandomized, does not give both the same reports:
  the draws diverged after a few reports.)

    python bench/validate_mypyc_ab.py [--rounds 6] [--copies 200] [--loops 5] [--drawn 300]

Prints one line a round, the best of each build and their ratio, with the
load average; records nothing.  ``rules.py`` and ``findings.py`` are not in
:data:`MODULES`: mypyc makes attrs classes native, and a field with a
factory (``Context.cache``) fails at import, and ``Finding.to_dict``, which
nests a function, is an internal error of mypyc.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from govdisclosure.editions import Report

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
#: The validation modules on the every-rule path that mypyc compiles.
MODULES = (
    "paragraphs",
    "narrative_compiled",
    "narrative",
    "narrative_rules",
    "engine",
    "completeness",
    "shared",
    "dated",
    "plausibility",
    "deadlines",
    "continuity",
    "identity",
    "values",
    "outcomes",
)


def build(into: Path) -> Path:
    """A copy of ``src`` under ``into`` with :data:`MODULES` compiled in place."""
    src = into / "src"
    shutil.copytree(ROOT / "src", src, ignore=shutil.ignore_patterns("__pycache__"))
    mypyc = Path(sys.executable).parent / "mypyc"
    files = [f"govdisclosure/validation/{m}.py" for m in MODULES]
    start = time.perf_counter()
    subprocess.run([str(mypyc), "--strict", *files], cwd=src, check=True, capture_output=True)
    print(f"mypyc: {len(files)} modules compiled in {time.perf_counter() - start:.0f} s")
    return src


def worker(copies: int, loops: int, drawn: Path) -> None:
    """Time the every-rule corpus and digest the findings (one build)."""
    import attrs

    import govdisclosure as gd
    from govdisclosure.check import check
    from govdisclosure.plugin.manager import rules as installed
    from govdisclosure.validation import paragraphs

    rules = installed()
    originals = [gd.load(f) for f in sorted(EXAMPLES.glob("**/*.json"))]
    corpus = [
        attrs.evolve(r, unit=attrs.evolve(r.unit, name=f"{r.unit.name}{i}"))
        for i in range(copies)
        for r in originals
    ]
    for report in originals:
        gd.validate(report, rules=rules)  # each shape compiled outside the timing
    best = float("inf")
    gc.collect()
    gc.disable()
    for _ in range(loops):
        start = time.process_time()
        for report in corpus:
            gd.validate(report, rules=rules)
        best = min(best, time.process_time() - start)
    gc.enable()

    digest = hashlib.sha256()
    generated = [gd.load(f) for f in sorted(drawn.glob("*.json"))]
    for report in [*originals, *generated]:
        for blank in ("missing", "zero"):
            found = gd.validate(report, rules=rules, blank=blank)
            checked = check(report, blank=blank)
            digest.update(repr([f.to_dict() for f in found]).encode())
            digest.update(repr([f.to_dict() for f in checked.findings]).encode())
            digest.update(repr(checked.outcomes).encode())
    compiled = Path(paragraphs.__file__).suffix != ".py"
    print(
        f"{best / len(corpus) * 1e6:.1f} {int(compiled)} {len(generated)} {len(corpus)}"
        f" {digest.hexdigest()}"
    )


def draw(into: Path, examples: int) -> None:
    """Write ``examples`` reports drawn by the library's strategies to
    ``into`` (by this process, once: both builds then read the same files)."""
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import strategies as st

    import govdisclosure as gd
    from govdisclosure.testing import any_reports, consistent_reports, reports_with_defect

    count = 0
    reports = st.one_of(
        consistent_reports("2021", blanks=True),
        consistent_reports("2019"),
        consistent_reports("legacy", blanks=True),
        reports_with_defect("2021").map(lambda case: case[0]),
        any_reports(),
    )

    @settings(
        max_examples=examples,
        database=None,
        phases=[Phase.generate],
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(reports)
    def each(report: Report) -> None:
        nonlocal count
        count += 1
        gd.dump(report, into / f"{count:05d}.json")

    each()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--copies", type=int, default=200)
    parser.add_argument("--loops", type=int, default=5)
    parser.add_argument("--drawn", type=int, default=300, help="reports drawn by Hypothesis")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.copies, args.loops, args.worker)
        return
    with tempfile.TemporaryDirectory(prefix="mypyc-ab-") as tmp:
        compiled_src = build(Path(tmp))
        drawn = Path(tmp) / "drawn"
        drawn.mkdir()
        draw(drawn, args.drawn)
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        builds = {"pure": env, "mypyc": {**env, "PYTHONPATH": str(compiled_src)}}
        argv = [sys.executable, __file__, "--worker", str(drawn), "--copies", str(args.copies)]
        argv += ["--loops", str(args.loops)]
        times: dict[str, list[float]] = {name: [] for name in builds}
        digests: dict[str, set[str]] = {name: set() for name in builds}
        for r in range(args.rounds):
            line = []
            for name, environment in builds.items():
                out = subprocess.run(argv, env=environment, check=True, capture_output=True)
                us, compiled, generated, size, digest = out.stdout.decode().split()
                assert compiled == ("1" if name == "mypyc" else "0"), f"{name} ran the wrong build"
                times[name].append(float(us))
                digests[name].add(digest)
                line.append(f"{name} {float(us):6.1f} µs")
            print(f"round {r + 1}: " + "  ".join(line) + f"  (load {os.getloadavg()[0]:.1f})")
    pure, compiled_ = min(times["pure"]), min(times["mypyc"])
    ratios = [c / p for p, c in zip(times["pure"], times["mypyc"], strict=True)]
    print(
        f"best of {args.rounds} rounds, {int(size):,} reports a pass: pure {pure:.1f} µs, "
        f"mypyc {compiled_:.1f} µs a report: {compiled_ / pure:.3f} "
        f"(median ratio of the rounds {statistics.median(ratios):.3f}); "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    same = digests["pure"] == digests["mypyc"] and len(digests["pure"]) == 1
    print(
        f"findings and outcomes ({generated} drawn reports and the examples): "
        + ("identical" if same else f"DIFFER: {digests}")
    )
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
