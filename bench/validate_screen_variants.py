#!/usr/bin/env python3
"""Ways of writing the arithmetic screen of a 2021 report, counted one by one.

The screen (``arithmetic.class_screen``) is what ``validate()`` of the
arithmetic rules costs for a report whose relations all hold.  Each variant
below is the same set of comparisons as the 2021 official layout's compiled
check (:attr:`~govdisclosure.validation.arithmetic.Compiled.holds_body`),
written another way, over the same generated reports as
``bench/validate_parts_counts.py`` (``validate_bench.py``'s 1,000, of which
990 hold):

* ``fused``: the screen as ``class_screen`` makes it: one function that
  tests the layout variant and checks the official layout in line;
* ``class``: a screen that tests the variant and calls the layout's own
  compiled check (a second Python call per report);
* ``in-place``: the layout's compiled check alone, every cell read where a
  comparison uses it (``o5.total``);
* ``locals``: the same with every cell that two comparisons use read once
  into a local of its own first (``c30 = o5.total``);
* ``or``: the comparisons as one expression, ``return not (t1 or t2 or …)``;
* ``if-or``: the same as one ``if t1 or t2 or …: return False``;
* ``row-sum``: as ``in-place``, every equality of one total and its parts
  that is written as a difference written ``total != sum((a, …, f))``
  instead (the 25 row totals of table 3 and the three groups of table 4);
* ``column-subtracted``: as ``in-place``, an equality of a total and 21
  parts written ``total - a - … != u`` instead of ``total != sum((…))``.

Before counting, each variant is checked to pass exactly the reports that
hold.  Run each under ``valgrind --tool=callgrind --instr-atstart=no`` with
``CG=1`` and ``PYTHONHASHSEED=0`` at two sizes (the instrumentation is
switched on around the loop only) and divide the difference of the totals
by the difference of the counts.

Usage: CG=1 valgrind --tool=callgrind --instr-atstart=no \\
    python bench/validate_screen_variants.py VARIANT N
"""

from __future__ import annotations

import gc
import os
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import govdisclosure as gd
from govdisclosure.editions import EDITIONS, Report
from govdisclosure.validation import arithmetic as ar
from validate_bench import generate

VARIANTS = (
    "fused",
    "class",
    "in-place",
    "locals",
    "or",
    "if-or",
    "row-sum",
    "column-subtracted",
    "column-start",
    "balance-interleaved",
)

#: A cell read where it is used: ``o<n>.field``.
_CELL = re.compile(r"\bo[0-9]+\.[a-z_0-9]+\b")


def _split(body: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """The reading statements of a compiled ``holds`` body, and its tests."""
    reads = [line for line in body if re.match(r"    o[0-9]+ = ", line)]
    tail = ":\n        return False"
    tests = [line[len("    if ") : -len(tail)] for line in body if line.endswith(tail)]
    assert len(reads) + len(tests) + 1 == len(body), "a body of reads, tests and a return"
    return reads, tests


def _rewritten(which: str, test: str) -> str:
    """``test`` with its sum written the other way (``row-sum`` or
    ``column-subtracted``), or unchanged."""
    if which == "balance-interleaved":
        m = re.fullmatch(r"(\S+) \+ (\S+) - (\S+) != (\S+)", test)
        if m is None:
            return test
        return f"{m.group(1)} - {m.group(3)} + {m.group(2)} != {m.group(4)}"
    if which == "column-start":
        m = re.fullmatch(r"(\S+) != sum\(\((.+)\)\)", test)
        if m is None:
            return test
        parts = m.group(2).split(", ")
        return f"{m.group(1)} - {parts[-1]} != sum(({', '.join(parts[:-2])}), {parts[-2]})"
    if which == "row-sum":
        m = re.fullmatch(r"(\S+) - (.+) != (\S+)", test)
        if m is None or "sum(" in test or " + " in test:
            return test
        parts = [*m.group(2).split(" - "), m.group(3)]
        return f"{m.group(1)} != sum(({', '.join(parts)}))"
    m = re.fullmatch(r"(\S+) != sum\(\((.+)\)\)", test)
    if m is None:
        return test
    parts = m.group(2).split(", ")
    return f"{m.group(1)} - {' - '.join(parts[:-1])} != {parts[-1]}"


def _compiled(lines: list[str], namespace: dict[str, Any]) -> Callable[[Report], bool]:
    exec(compile("\n".join(lines) + "\n", "<screen variant>", "exec"), namespace)
    check: Callable[[Report], bool] = namespace["holds"]
    return check


def variant(which: str, sample: Report) -> Callable[[Report], bool]:
    """The screen written the way ``which`` says, for reports like ``sample``."""
    comp = ar.compiled_for(sample)
    if which == "fused":
        return ar.class_screen(type(sample))
    if which == "class":
        (layout,) = EDITIONS[sample.edition].variants
        namespace = {"kind": type(layout.blank()), "other": lambda r: False, "own": comp.holds}
        test = f"type(r.{'.'.join(str(p) for p in layout.path)}) is kind"
        return _compiled(
            ["def holds(r):", f"    if {test}:", "        return other(r)", "    return own(r)"],
            namespace,
        )
    if which == "in-place":
        return comp.holds
    reads, tests = _split(comp.holds_body)
    if which == "locals":
        uses = Counter(cell for test in tests for cell in _CELL.findall(test))
        local = {cell: f"c{i}" for i, cell in enumerate(c for c, n in uses.items() if n > 1)}
        reads = reads + [f"    {name} = {cell}" for cell, name in local.items()]
        tests = [_CELL.sub(lambda m: local.get(m.group(0), m.group(0)), t) for t in tests]
        checks = [f"    if {t}:\n        return False" for t in tests]
        return _compiled(["def holds(r):", *reads, *checks, "    return True"], {})
    if which in ("row-sum", "column-subtracted", "column-start", "balance-interleaved"):
        tests = [_rewritten(which, t) for t in tests]
        checks = [f"    if {t}:\n        return False" for t in tests]
        return _compiled(["def holds(r):", *reads, *checks, "    return True"], {})
    joined = "\n        or ".join(f"({t})" for t in tests)
    if which == "or":
        return _compiled(
            ["def holds(r):", *reads, f"    return not (\n        {joined}\n    )"], {}
        )
    if which == "if-or":
        return _compiled(
            [
                "def holds(r):",
                *reads,
                f"    if (\n        {joined}\n    ):",
                "        return False",
                "    return True",
            ],
            {},
        )
    raise SystemExit(f"unknown variant {which!r}; one of {', '.join(VARIANTS)}")


def main() -> None:
    which, n = sys.argv[1], int(sys.argv[2])
    reports, defective = generate(1000, distinct=500)
    rules = ar.arithmetic_rules()
    good = [r for i, r in enumerate(reports) if i not in defective]
    gd.validate(good[0], rules=rules)  # compile everything first
    holds = variant(which, good[0])
    assert all(holds(r) for r in good), which
    assert not any(holds(reports[i]) for i in defective), which
    m = len(good)
    gc.collect()
    gc.disable()
    if os.environ.get("CG"):
        subprocess.run(["callgrind_control", "-i", "on", str(os.getpid())], capture_output=True)
    for i in range(n):
        holds(good[i % m])
    if os.environ.get("CG"):
        subprocess.run(["callgrind_control", "-i", "off", str(os.getpid())], capture_output=True)


if __name__ == "__main__":
    main()
