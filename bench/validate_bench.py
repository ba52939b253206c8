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

Every time is the CPU time of the process (the build machine is shared: the
wall clock would also count the waits for a core), with BLAS on one thread
(``OPENBLAS_NUM_THREADS=1`` and its kin, unless already set), so that numpy,
like ``validate()``, runs on one core.

Then two more figures:

* **every installed rule**: ``govdisclosure.validate(report)`` (the
  arithmetic, dates, completeness, cross-year and narrative rules, and any
  plugin's) over the example reports of every edition as published — real
  narratives, blank cells, findings to build — each copied under distinct
  unit names; µs per report against the target of at most
  :data:`EVERY_RULE_BUDGET_S` (bench/floors.py, "every-rule"), and each document's own figure;
* **the stacked path** (:mod:`govdisclosure.stacked`, numpy): stacking the
  reports, ``validate_stacked`` and ``stacked_totals`` on the generated
  reports, against ``validate()`` per report and ``sum_columns`` (what
  ``consolidate`` sums with); both must give the same findings and numbers.

Reports are generated before timing: a few hundred distinct consistent
reports (random leaves, totals derived from the relations), repeated to
100,000, with 1% given a defect so that both methods have something to
find; the bench checks that both flag exactly the same reports.  The
garbage collector is paused while timing, for both.

Usage: python bench/validate_bench.py [N] [N_ALL]  (N_ALL: reports for every rule, 20,000)
"""

from __future__ import annotations

# ruff: noqa: E402
import os

# Every figure here is CPU time of the whole process, which counts every
# thread: BLAS's float64 product would otherwise run a thread per core and
# be charged for all of them (bench/validate_floor_threads.py measures it),
# making the floor dearer than numpy on the one core validate() uses.  Set
# before numpy is imported; a value already in the environment is kept.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import gc
import random
import sys
import time
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path

import attrs
import numpy as np

import govdisclosure as gd
from floors import record
from govdisclosure import Report2021, ReportingUnit, validate
from govdisclosure.aggregate.combine import sum_columns
from govdisclosure.cells import CellValue
from govdisclosure.editions import Report
from govdisclosure.flat import shape_of
from govdisclosure.relations import Equation, report_equations
from govdisclosure.stacked import Stack, stack, stacked_totals, validate_stacked
from govdisclosure.validation.arithmetic import arithmetic_rules

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
#: The budget of validation with every rule, per report (bench/floors.py "every-rule").
EVERY_RULE_BUDGET_S = 100e-6


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
    """(CPU seconds of this process, result): the build machine is shared,
    and the wall clock also counts the time spent waiting for a core (both
    sides of every ratio here are timed the same way; BLAS's threads count)."""
    gc.collect()
    gc.disable()
    try:
        t0 = time.process_time()
        result = fn()
        return time.process_time() - t0, result
    finally:
        gc.enable()


def cpu_timed(fn: Callable[[], object]) -> tuple[float, float, object]:
    """(wall seconds, CPU seconds of this process, result): on a shared
    machine the wall clock also counts the time spent waiting for a core."""
    gc.collect()
    gc.disable()
    try:
        t0, c0 = time.perf_counter(), time.process_time()
        result = fn()
        return time.perf_counter() - t0, time.process_time() - c0, result
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


def floor_checks(
    x: np.ndarray, eqs: Sequence[Equation], index: dict[tuple[str | int, ...], int]
) -> tuple[Callable[[], set[int]], Callable[[], set[int]], Callable[[], set[int]]]:
    """The floor's three numpy checks of the relations ``eqs`` over the
    stacked cells ``x`` (one report a row, int64): ``X @ A`` in int64, the
    same product in float64 (through BLAS), one indexed sum per relation.
    Each returns the rows that break a relation."""
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

    return run_matmul, run_matmul_float, run_per_equation


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
    run_matmul, run_matmul_float, run_per_equation = floor_checks(x, eqs, index)
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
    print(f"{'method (CPU time)':<48} {'total s':>9} {'µs/report':>10}")
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

    stacked_section(reports, rules, t_validate, t_stack + best_numpy)
    every_rule_section(int(sys.argv[2]) if len(sys.argv) > 2 else 20_000)


def stacked_section(
    reports: list[Report], rules: Sequence[gd.Rule], t_validate: float, t_bare: float
) -> None:
    """govdisclosure.stacked against validate() per report, sum_columns and bare numpy.

    ``t_bare`` is numpy starting from the same objects: the bench's own
    stacking of the flat cells into int64 plus its best check.
    """
    n = len(reports)
    t_stack, stacked = timed(lambda: stack(reports))
    assert isinstance(stacked, Stack)
    t_vs, found = timed(lambda: validate_stacked(stacked))
    assert isinstance(found, list)
    expected = [validate(r, rules=rules) for r in reports]
    assert found == expected, "validate_stacked differs from validate()"
    shape = stacked.shape
    t_rows, rows = timed(lambda: [shape.flatten(r) for r in reports])
    assert isinstance(rows, list)
    t_sum, totals = timed(lambda: sum_columns(rows, shape.paths))
    t_totals, fast_totals = timed(lambda: stacked_totals(stacked))
    assert fast_totals == totals, "stacked_totals differs from sum_columns"

    def us(t: float) -> float:
        return t / n * 1e6

    print()
    print(f"stacked path (govdisclosure.stacked), the same {n:,} reports:")
    print(f"{'method (CPU time)':<48} {'total s':>9} {'µs/report':>10}")
    for name, t in (
        ("stack(reports) (read every cell into int64)", t_stack),
        ("validate_stacked(stack)", t_vs),
        ("validate() per report, arithmetic rules", t_validate),
        ("flatten every report (Python tuples)", t_rows),
        ("sum_columns(rows) (what consolidate sums)", t_sum),
        ("stacked_totals(stack)", t_totals),
    ):
        print(f"{name:<48} {t:>9.3f} {us(t):>10.2f}")
    print(
        f"validate_stacked / validate() per report: {t_vs / t_validate:5.2f}x  "
        f"(with stacking: {(t_stack + t_vs) / t_validate:5.2f}x)"
    )
    print(
        f"stacked_totals / sum_columns:             {t_totals / t_sum:5.2f}x  "
        f"(with stacking vs with flattening: {(t_stack + t_totals) / (t_rows + t_sum):5.2f}x)"
    )
    print("same findings and the same totals as the reference path")
    record(
        "validate_stacked",
        (t_stack + t_vs) / n,
        t_bare / n,
        f"{us(t_stack + t_vs):.2f} µs against {us(t_bare):.2f} µs per report",
    )


def every_rule_section(n: int) -> None:
    """validate() with every installed rule over the example reports."""
    from govdisclosure.plugin.manager import rules as installed

    rules = installed()
    files = sorted(EXAMPLES.glob("**/*.json"))
    originals = [gd.load(f) for f in files]
    copies = max(1, n // len(originals))

    def renamed(report: Report, i: int) -> Report:
        return attrs.evolve(report, unit=attrs.evolve(report.unit, name=f"{report.unit.name}{i}"))

    by_file = [[renamed(r, i) for i in range(copies)] for r in originals]
    corpus = [group[i] for i in range(copies) for group in by_file]  # interleaved
    for report in originals:
        validate(report, rules=rules)  # compile each shape outside the timing
    t_all, cpu_all, _ = cpu_timed(lambda: [validate(r, rules=rules) for r in corpus])
    arithmetic = arithmetic_rules()
    t_arith, cpu_arith, _ = cpu_timed(lambda: [validate(r, rules=arithmetic) for r in corpus])

    def us(t: float) -> float:
        return t / len(corpus) * 1e6

    print()
    print(
        f"every installed rule ({len(rules)} rules), {len(corpus):,} reports: the "
        f"{len(files)} example reports (every edition, as published) x {copies:,} units"
    )
    print(f"{'document':<44} {'edition':>7} {'µs/report':>10} {'CPU µs':>8} {'findings':>9}")
    for f, group in zip(files, by_file, strict=True):
        t, cpu, found = cpu_timed(lambda g=group: [validate(r, rules=rules) for r in g])  # type: ignore[misc]
        assert isinstance(found, list)
        name = str(f.relative_to(EXAMPLES))
        print(
            f"{name:<44} {group[0].edition:>7} {t / len(group) * 1e6:>10.1f} "
            f"{cpu / len(group) * 1e6:>8.1f} {len(found[0]):>9}"
        )
    print(
        f"arithmetic rules only, the same reports: {us(t_arith):6.1f} µs/report "
        f"({us(cpu_arith):.1f} µs of CPU)"
    )
    print(
        f"validate(), every rule:                  {us(t_all):6.1f} µs/report "
        f"({us(cpu_all):.1f} µs of CPU)"
    )
    # The target is a cost per report: judged on the CPU the process spent,
    # which waiting for a core on a busy machine does not inflate.
    record(
        "every-rule",
        us(cpu_all) / 1e6,
        EVERY_RULE_BUDGET_S,
        f"{us(cpu_all):.1f} µs of CPU per report",
    )


if __name__ == "__main__":
    main()
