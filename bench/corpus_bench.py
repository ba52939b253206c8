#!/usr/bin/env python3
"""Corpus scale: batch files/s with 1 and 2 worker processes, peak memory, consolidation's copies.

Side by side in one run:

* **batch rate**: ``govdisclosure validate DIR`` (text output, the
  default) over a directory of N generated reports, with ``--jobs 1`` and
  ``--jobs 2``; the files per second are the command's own summary (files
  read over the elapsed time of the run, start-up excluded).  Floor
  ``batch_rate`` in ``bench/floors.py``.  Each is run twice, alternating,
  and the better rate kept; the machine's load (``os.getloadavg``) is
  printed beside it, and what two processes give on this machine at that
  moment for pure Python work (on a busy machine ``--jobs 2`` cannot do
  better than that).
* **peak memory**: the peak resident set (``ru_maxrss`` of the command and
  its workers) of ``validate DIR --format jsonl`` and of ``consolidate DIR
  --no-parts`` over N and 5·N files (default N = 20,000), with the default
  ``--jobs`` (every core).  Floors ``memory_validate`` and
  ``memory_consolidate``: the 5·N peak at most 1.25× the N peak.
  ``consolidate`` keeping its parts (the default) grows by design (the
  result holds every input's figures) and is measured only with ``--parts``.
* **consolidation's per-input costs** (``--copies``): ``strip_narrative``
  over realistic reports and the duplicate-unit check over two copies of
  4,000 units.

The corpus is 5·N copies of the 淮安 2024 report under distinct unit names
in ``DIR/all/NNNN/`` (1,000 a folder); ``DIR/first/`` holds hard links to
the first N, so both runs name one directory, as a user would.

Usage: python bench/corpus_bench.py [N] [--keep DIR] [--copies] [--parts]
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import attrs

import govdisclosure as gd
from floors import quick, record
from govdisclosure.aggregate import ConsolidationError, consolidate, strip_narrative

ROOT = Path(__file__).resolve().parent.parent
CLI = [str(Path(sys.executable).parent / "govdisclosure")]


def make_corpus(folder: Path, count: int, first: int) -> None:
    """``count`` report files in ``folder/all`` (1,000 a folder): the 淮安 2024
    report (2021 edition, with its full text) under distinct unit names; the
    first ``first`` of them also in ``folder/first`` (hard links)."""
    base = gd.load(ROOT / "examples" / "huaian-2024.json")
    for i in range(count):
        sub = f"{i // 1000:04d}"
        target = folder / "all" / sub / f"r{i:07d}.json"
        if i % 1000 == 0:
            target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            unit = gd.ReportingUnit(name=f"单位{i:07d}", region_code=f"{i:07d}", parent="某省")
            gd.dump(attrs.evolve(base, unit=unit), target)
        if i < first:
            link = folder / "first" / sub / target.name
            if i % 1000 == 0:
                link.parent.mkdir(parents=True, exist_ok=True)
            if not link.exists():
                os.link(target, link)


def run(args: list[str]) -> tuple[str, int]:
    """Run the command; its stderr and its peak resident set (KiB)."""
    wrapper = (
        "import resource, subprocess, sys; "
        "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True); "
        "sys.stderr.write(p.stderr); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    done = subprocess.run(
        [sys.executable, "-c", wrapper, *CLI, *args], capture_output=True, text=True, check=False
    )
    return done.stderr, int(done.stdout.strip().splitlines()[-1])


def rate_of(stderr: str) -> float:
    """Files/s from validate's closing line (its last line on stderr).

    The line shows a rate only for a run of a second or more (see
    ``govdisclosure.batch.summary.MEASURABLE_SECONDS``); a shorter run, which
    only a quick smoke run of the bench makes, is rated from the files and
    the seconds the line shows (a tenth at least).
    """
    last = stderr.splitlines()[-1]
    found = re.search(r"([\d,.]+) files/s", last)
    if found:
        return float(found.group(1).replace(",", ""))
    files = re.search(r"([\d,]+) files?: ", last)
    seconds = re.search(r"([\d.]+) s$", last)
    assert files and seconds, stderr[-500:]
    return int(files.group(1).replace(",", "")) / max(float(seconds.group(1)), 0.1)


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def machine_ratio(n: int = 6_000_000) -> float:
    """What two processes give here, compared with one, on pure Python work.

    The same two tasks run one after the other in one process, then at
    once in two: on an idle 2-core machine about 2×, on a busy one less —
    the ceiling for ``--jobs 2`` in this run, printed beside its ratio.
    """
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(2) as pool:
        list(pool.map(_spin, [1000, 1000]))  # start the workers
        best_one = best_two = float("inf")
        for _ in range(2):
            start = time.perf_counter()
            _spin(n)
            _spin(n)
            best_one = min(best_one, time.perf_counter() - start)
            start = time.perf_counter()
            list(pool.map(_spin, [n, n]))
            best_two = min(best_two, time.perf_counter() - start)
    return best_one / best_two


def batch_rates(folder: Path, runs: int) -> tuple[float, float]:
    """Best files/s of ``runs`` alternating runs with --jobs 1 and --jobs 2."""
    best = {1: 0.0, 2: 0.0}
    for _ in range(runs):
        for jobs in (1, 2):
            err, _ = run(["validate", str(folder), "-j", str(jobs), "-l", "en"])
            best[jobs] = max(best[jobs], rate_of(err))
    return best[1], best[2]


def peaks(folder: Path, parts: bool) -> dict[str, int]:
    """Peak RSS (KiB) of the commands over the files below ``folder``."""
    out: dict[str, int] = {}
    _, out["validate"] = run(["validate", str(folder), "-q", "--format", "jsonl"])
    with tempfile.TemporaryDirectory() as tmp:
        common = [str(folder), "-u", "全省", "-q"]
        _, out["consolidate"] = run(["consolidate", *common, "--no-parts", "-o", f"{tmp}/a.json"])
        if parts:
            _, out["consolidate with parts"] = run(["consolidate", *common, "-o", f"{tmp}/b.json"])
    return out


def copies() -> None:
    base = gd.load(ROOT / "examples" / "huaian-2024.json")
    reports = [
        attrs.evolve(base, unit=gd.ReportingUnit(name=f"单位{i}", region_code=f"{i:06d}"))
        for i in range(20_000)
    ]
    start = time.perf_counter()
    for r in reports:
        strip_narrative(r)
    per = (time.perf_counter() - start) / len(reports) * 1e6
    print(f"strip_narrative of a report with its text: {per:.2f} µs per report")
    units = reports[:4000]
    start = time.perf_counter()
    try:
        consolidate([*units, *units], "全市")
    except ConsolidationError as exc:
        message = exc.render("en")
    seconds = time.perf_counter() - start
    print(
        f"duplicate check, two copies of 4,000 units: {seconds:.2f} s, "
        f"message {len(message.encode()):,} bytes"
    )


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = int(args[0]) if args else (100 if quick() else 20_000)
    keep = sys.argv[sys.argv.index("--keep") + 1] if "--keep" in sys.argv else None
    folder = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="gd-corpus-"))
    if "--copies" in sys.argv:
        copies()
    start = time.perf_counter()
    make_corpus(folder, 5 * n, n)
    print(f"{5 * n:,} generated report files in {folder} ({time.perf_counter() - start:.0f} s)")
    before = machine_ratio(200_000 if quick() else 6_000_000)
    load = os.getloadavg()
    one, two = batch_rates(folder / "first", 1 if quick() else 2)
    after = machine_ratio(200_000 if quick() else 6_000_000)
    print(
        f"validate {n:,} files (text): --jobs 1 {one:,.0f} files/s, --jobs 2 {two:,.0f} files/s; "
        f"load average {load[0]:.2f} before the runs; two processes give {before:.2f}x one "
        f"before, {after:.2f}x after (2.0x when idle)"
    )
    record(
        "batch_rate",
        two,
        one,
        f"{n:,} files; load average {load[0]:.2f}; two processes {before:.2f}x/{after:.2f}x one",
    )
    small = peaks(folder / "first", "--parts" in sys.argv)
    large = peaks(folder / "all", "--parts" in sys.argv)
    for name in small:
        print(
            f"peak RSS {name:<24} {n:>7,} files {small[name] / 1024:7.1f} MiB   "
            f"{5 * n:>7,} files {large[name] / 1024:7.1f} MiB   "
            f"{large[name] / small[name]:.2f}x"
        )
    record(
        "memory_validate",
        large["validate"] / 1024,
        small["validate"] / 1024,
        f"{n:,} → {5 * n:,} files",
    )
    record(
        "memory_consolidate",
        large["consolidate"] / 1024,
        small["consolidate"] / 1024,
        f"{n:,} → {5 * n:,} files",
    )
    print(
        json.dumps({"rates": [one, two], "machine": [before, after], "peaks_kib": [small, large]})
    )


if __name__ == "__main__":
    main()
