#!/usr/bin/env python3
"""Consolidation speed: 100,000 reports of the 2021 edition added up.

Side by side in one run:

* **consolidate**: ``govdisclosure.consolidate(reports, unit)``, the public
  API — every check (edition, year, layout, every unit distinct), each
  report flattened once by its shape's generated code, the cells summed
  column by column with the built-in ``sum`` (exact ``int`` and
  ``Decimal``), the tables rebuilt once, the inputs kept as ``parts``.
  Also timed in its pieces: flattening, and transposing + summing.
* **numpy floor**: ``np.sum(X, axis=0)`` over the same numbers already
  stacked in one int64 array (money as integer 分, the amounts having two
  decimals).  Stacking the objects into that array — flatten, turn the
  Decimal into 分, ``np.array`` — is timed on its own, and "numpy from the
  objects" is stacking plus summing: what numpy costs when it starts, as
  consolidation does, from report objects.

The reports are generated before timing and are distinct objects (a few
hundred distinct sets of figures, each report rebuilt from one, under its
own unit name — consolidation refuses a unit twice).  ``consolidate``
pauses the garbage collector while it flattens; the pieces and the
stacking are timed the same way.  Each measurement is the best of 3.  The bench checks
that both ways give the same totals.

Usage: python bench/consolidate_bench.py [N]
"""

from __future__ import annotations

import gc
import random
import sys
import time
from collections.abc import Callable
from decimal import Decimal

import numpy as np

from floors import record
from govdisclosure import ReportingUnit, blank_report, consolidate
from govdisclosure.aggregate.combine import sum_columns
from govdisclosure.editions import Report
from govdisclosure.flat import shape_of


def generate(n: int, distinct: int = 500, seed: int = 2024) -> list[Report]:
    base = blank_report("2021", 2024, "x")
    shape = shape_of(base)
    rng = random.Random(seed)
    pool = [
        [
            Decimal(rng.randrange(0, 10**7)) / 100 if kind == "money" else rng.randrange(0, 500)
            for kind in shape.kinds
        ]
        for _ in range(distinct)
    ]
    units = [ReportingUnit(name=f"单位{i:06d}", region_code=f"{i:06d}") for i in range(n)]
    return [
        shape.rebuild(base.__class__(unit=units[i], year=2024), pool[i % distinct])
        for i in range(n)
    ]


def best(
    fn: Callable[[], object], repeat: int = 3, *, pause_gc: bool = False
) -> tuple[float, object]:
    """Best time of ``repeat`` runs; ``pause_gc`` runs ``fn`` as
    ``consolidate`` runs its flattening, with the collector paused."""
    result: object = None
    times = []
    for _ in range(repeat):
        if pause_gc:
            gc.disable()
        try:
            start = time.perf_counter()
            result = fn()
            times.append(time.perf_counter() - start)
        finally:
            gc.enable()
    return min(times), result


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    start = time.perf_counter()
    reports = generate(n)
    print(f"{n:,} reports of the 2021 edition generated in {time.perf_counter() - start:.1f} s")
    shape = shape_of(reports[0])
    money = [j for j, kind in enumerate(shape.kinds) if kind == "money"]
    print(f"{len(shape.paths)} cells per report ({len(money)} money)")

    t_ours, total = best(lambda: consolidate(reports, "全国汇总"))
    flatten = shape.flatten
    t_flatten, rows = best(lambda: [flatten(r) for r in reports], pause_gc=True)
    assert isinstance(rows, list)
    t_sum, sums = best(lambda: sum_columns(rows, shape.paths), pause_gc=True)

    def stack() -> np.ndarray:
        cents = []
        for r in reports:
            row = list(flatten(r))
            for j in money:
                row[j] = int(row[j] * 100)  # type: ignore[operator]
            cents.append(row)
        return np.array(cents, dtype=np.int64)

    t_stack, stacked = best(stack, pause_gc=True)
    assert isinstance(stacked, np.ndarray)
    t_np, np_sums = best(lambda: np.sum(stacked, axis=0))
    assert isinstance(np_sums, np.ndarray)

    # Same totals both ways.
    assert isinstance(sums, list)
    ours = list(shape.flatten(total))  # type: ignore[arg-type]
    assert ours == sums
    for j, value in enumerate(ours):
        expected = int(np_sums[j])
        got = int(value * 100) if j in money else value  # type: ignore[operator]
        assert got == expected, (shape.paths[j], got, expected)

    def line(name: str, seconds: float, note: str = "") -> None:
        rate = n / seconds
        print(f"  {name:<44} {seconds * 1000:9.1f} ms  {rate:14,.0f} reports/s  {note}")

    print("best of 3; the collector paused while flattening and stacking, as consolidate does")
    line("consolidate() (public API)", t_ours)
    line("  of which: flatten every report", t_flatten, f"{t_flatten / t_ours:.0%}")
    line("  of which: transpose + exact column sums", t_sum, f"{t_sum / t_ours:.0%}")
    line("numpy floor: np.sum over stacked int64", t_np)
    line("numpy: stacking the objects into int64", t_stack)
    line("numpy from the objects (stack + sum)", t_stack + t_np)
    ratio_floor = t_ours / t_np
    ratio_objects = t_ours / (t_stack + t_np)
    print(f"ratio consolidate / numpy floor:             {ratio_floor:6.1f}x")
    print(f"ratio consolidate / numpy from the objects:  {ratio_objects:6.2f}x")
    # The floor counts numpy's conversion from the objects too ("a numpy
    # sum of the same numbers stacked in one array, conversion from the
    # objects included"); the pre-stacked floor is printed beside it.
    record(
        "consolidate",
        t_ours,
        t_stack + t_np,
        f"{n:,} reports; {ratio_floor:.0f}× a pre-stacked np.sum",
    )


if __name__ == "__main__":
    main()
