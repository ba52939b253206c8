#!/usr/bin/env python3
"""The validation floor's CPU time with BLAS's threads as they are, and with one.

``validate_bench.py`` divides ``validate()``'s CPU time per report by the
best of its three numpy checks (``floor_checks``), each timed as CPU time of
the whole process (``time.process_time``), which counts every thread.  The
float64 product goes through BLAS, which starts a thread per core: on a
machine whose cores other work shares, the second thread's CPU time (its
share of the product, its waiting and synchronising) is counted too, so
the floor can cost more CPU than the same product on one thread.  This
script times the three checks exactly as the bench does (the same reports,
best of five, five and three runs), once in a process with the environment
as given and once with ``OPENBLAS_NUM_THREADS``, ``OMP_NUM_THREADS`` and
``MKL_NUM_THREADS`` set to 1, and prints both.  It changes nothing in the
bench: the floor stays as ``bench/floors.py`` defines it.

Usage: python bench/validate_floor_threads.py [N] [ROUNDS]  (100,000 reports, 2 rounds)
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ONE_THREAD = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def measure(n: int) -> None:
    """Print one line per check: its best CPU time per report (this process)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import numpy as np

    from govdisclosure.flat import shape_of
    from govdisclosure.relations import report_equations
    from validate_bench import floor_checks, generate, timed

    reports, defective = generate(n, distinct=500)
    shape = shape_of(reports[0])
    x = np.array([shape.flatten(r) for r in reports], dtype=np.int64)
    checks = floor_checks(x, report_equations(reports[0]), shape.index())
    best = []
    for name, check, runs in zip(
        (
            "numpy X @ A, int64",
            "numpy X @ A, float64 (BLAS)",
            "numpy, one indexed sum per relation",
        ),
        checks,
        (5, 5, 3),
        strict=True,
    ):
        t, flagged = min((timed(check) for _ in range(runs)), key=lambda r: r[0])
        assert flagged == defective, name
        best.append(t)
        print(f"  {name:<40} {t / n * 1e6:6.3f} µs/report of CPU")
    print(f"  {'floor (the best of the three)':<40} {min(best) / n * 1e6:6.3f} µs/report of CPU")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--measure":
        measure(int(sys.argv[2]))
        return
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    threads = {k: os.environ[k] for k in ONE_THREAD if k in os.environ} or "not set"
    print(f"{n:,} reports; {os.cpu_count()} cores; BLAS thread settings as given: {threads}")
    for i in range(1, rounds + 1):
        for label, extra in (("threads as given", {}), ("one BLAS thread", ONE_THREAD)):
            load = " ".join(f"{x:.2f}" for x in os.getloadavg())
            print(f"round {i}, {label} (load {load}):", flush=True)
            subprocess.run(
                [sys.executable, __file__, "--measure", str(n)],
                env={**os.environ, **extra},
                check=True,
            )


if __name__ == "__main__":
    main()
