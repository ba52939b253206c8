#!/usr/bin/env python3
"""Validation speed: 100,000 reports of the 2021 edition, all arithmetic rules.

Two ways of checking the same relations (42 per report: 7 balances, 25 row
totals, 7 results totals, 3 table-4 group totals), side by side in one run:

* **validate**: ``govdisclosure.validate(report, rules=<arithmetic rules>)``
  per report, the public API: the report is flattened by the shape's
  generated code and the equations run as straight-line Python compiled
  once per shape; findings are built for the few reports that fail.
* **numpy**: the same equations on the cells already stacked in one array,
  three ways: one fancy-indexed sum per relation; a ±1 coefficient matrix
  (``X @ A``, then a non-zero test) in int64; the same product in float64,
  which goes through BLAS and is exact at these magnitudes.  Stacking
  the objects into that array is *not* included (it is printed on its own):
  this is the floor for any check that starts from numbers.

Reports are generated before timing: a few hundred distinct consistent
reports (random leaves, totals derived from the relations), repeated to
100,000, with 1% given a defect so that both methods have something to
find; the bench checks that both flag exactly the same reports.  The
garbage collector is paused while timing, for both.

Usage: python bench/validate_bench.py [N]
"""

from __future__ import annotations

import gc
import random
import sys
import time
from collections.abc import Callable, Sequence
from decimal import Decimal

import numpy as np

from floors import record
from govdisclosure import Report2021, ReportingUnit, validate
from govdisclosure.cells import CellValue
from govdisclosure.editions import Report
from govdisclosure.flat import shape_of
from govdisclosure.relations import Equation, report_equations
from govdisclosure.validation.arithmetic import arithmetic_rules


def consistent(base: Report, rng: random.Random) -> list[CellValue]:
    """Cell values of ``base``'s shape satisfying every relation."""
    shape = shape_of(base)
    index = shape.index()
    v: list[int] = [rng.randrange(0, 300) for _ in shape.paths]
    eqs = report_equations(base)

    def settle() -> None:
        changed = True
        while changed:
            changed = False
            for eq in eqs:
                if len(eq.total) == 1:
                    s = sum(v[index[p]] for p in eq.parts)
                    if v[index[eq.total[0]]] != s:
                        v[index[eq.total[0]]] = s
                        changed = True

    settle()
    for eq in eqs:  # table 3 balance: solve 一 in each applicant column
        if len(eq.total) == 2 and eq.column != "total":
            new, over = (index[p] for p in eq.total)
            rhs = sum(v[index[p]] for p in eq.parts)
            v[over] = min(v[over], rhs)
            v[new] = rhs - v[over]
    settle()
    # Amounts (the fees cell) are Decimal in the model; whole numbers here.
    return [Decimal(x) if kind == "money" else x for x, kind in zip(v, shape.kinds, strict=True)]


def generate(n: int, distinct: int, seed: int = 20240101) -> tuple[list[Report], set[int]]:
    rng = random.Random(seed)
    base = Report2021(unit=ReportingUnit(name="基准单位"), year=2024)
    shape = shape_of(base)
    pool = [shape.rebuild(base, consistent(base, rng)) for _ in range(distinct)]
    reports = [pool[i % distinct] for i in range(n)]
    defective = set(rng.sample(range(n), n // 100))
    table34 = [i for i, p in enumerate(shape.paths) if p[0] in ("table3", "table4")]
    for i in defective:
        values = list(shape.flatten(reports[i]))
        k = rng.choice(table34)
        values[k] = values[k] + 1  # type: ignore[operator]
        reports[i] = shape.rebuild(reports[i], values)
    return reports, defective


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    gc.collect()
    gc.disable()
    try:
        t0 = time.perf_counter()
        result = fn()
        return time.perf_counter() - t0, result
    finally:
        gc.enable()


def coefficient_matrix(
    eqs: Sequence[Equation], index: dict[tuple[str | int, ...], int]
) -> np.ndarray:
    a = np.zeros((len(index), len(eqs)), dtype=np.int64)
    for k, eq in enumerate(eqs):
        for p in eq.total:
            a[index[p], k] += 1
        for p in eq.parts:
            a[index[p], k] -= 1
    return a


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    t0 = time.perf_counter()
    reports, defective = generate(n, distinct=500)
    print(
        f"generated {n:,} reports of the 2021 edition in {time.perf_counter() - t0:.1f} s "
        f"(not timed); {len(defective):,} with one defect"
    )

    rules = arithmetic_rules()
    shape = shape_of(reports[0])
    eqs = report_equations(reports[0])
    index = shape.index()
    print(
        f"{len(eqs)} relations per report over {len(shape.paths)} cells; "
        f"rules: {', '.join(r.id for r in rules if r.applies_to(reports[0]))}"
    )

    validate(reports[0], rules=rules)  # compile the shape's checker outside the timing

    def run_validate() -> set[int]:
        return {i for i, r in enumerate(reports) if validate(r, rules=rules)}

    t_validate, flagged_validate = timed(run_validate)

    flatten = shape.flatten

    def stack() -> np.ndarray:
        return np.array([flatten(r) for r in reports], dtype=np.int64)

    t_stack, x = timed(stack)
    assert isinstance(x, np.ndarray)
    a = coefficient_matrix(eqs, index)
    totals = [np.array([index[p] for p in eq.total]) for eq in eqs]
    parts = [np.array([index[p] for p in eq.parts]) for eq in eqs]

    def run_matmul() -> set[int]:
        bad = (x @ a != 0).any(axis=1)
        return set(np.flatnonzero(bad).tolist())

    # float64 is exact here (|sums| < 2**53: counts ≤ 10**9, 200 cells) and
    # goes through BLAS, which int64 matrix products do not.
    xf = x.astype(np.float64)
    af = a.astype(np.float64)

    def run_matmul_float() -> set[int]:
        bad = (xf @ af != 0).any(axis=1)
        return set(np.flatnonzero(bad).tolist())

    def run_per_equation() -> set[int]:
        bad = np.zeros(len(x), dtype=bool)
        for t, p in zip(totals, parts, strict=True):
            bad |= x[:, t].sum(axis=1) != x[:, p].sum(axis=1)
        return set(np.flatnonzero(bad).tolist())

    t_matmul, flagged_matmul = min((timed(run_matmul) for _ in range(5)), key=lambda r: r[0])
    t_float, flagged_float = min((timed(run_matmul_float) for _ in range(5)), key=lambda r: r[0])
    t_pereq, flagged_pereq = min((timed(run_per_equation) for _ in range(3)), key=lambda r: r[0])

    assert flagged_validate == flagged_matmul == flagged_float == flagged_pereq == defective, (
        "methods disagree"
    )

    def us(t: float) -> float:
        return t / n * 1e6

    best_numpy = min(t_matmul, t_float, t_pereq)
    rows = [
        ("validate() per report, all arithmetic rules", t_validate),
        ("numpy, one indexed sum per relation", t_pereq),
        ("numpy X @ A, int64", t_matmul),
        ("numpy X @ A, float64 (BLAS)", t_float),
        ("(stacking the objects into the array)", t_stack),
    ]
    print()
    print(f"{'method':<48} {'total s':>9} {'µs/report':>10}")
    for name, t in rows:
        print(f"{name:<48} {t:>9.3f} {us(t):>10.2f}")
    ratio = t_validate / best_numpy
    print()
    record("validate", t_validate / n, best_numpy / n, "per report")
    print(f"validate / best numpy:          {ratio:6.1f}×")
    print(f"validate / numpy per relation:  {t_validate / t_pereq:6.1f}×")
    print(f"validate / numpy int64 X @ A:   {t_validate / t_matmul:6.1f}×")
    print(
        f"validate / (stack + best numpy): {t_validate / (t_stack + best_numpy):5.1f}×  "
        "(numpy starting from the same objects)"
    )
    print(f"all four found the same {len(defective):,} defective reports")


if __name__ == "__main__":
    main()
