#!/usr/bin/env python3
"""Where ``validate()`` of the arithmetic rules spends its instructions, part by part.

``bench/validate_counts.py arithmetic`` counts the whole (the 1% of reports
with a defect included) and ``screen`` the screen; this script counts each
part on its own, with callgrind's instrumentation switched on only around
the loop (``callgrind_control -i on``), so that generating the reports is
not counted at all.  Run it under
``valgrind --tool=callgrind --instr-atstart=no`` with ``CG=1`` and
``PYTHONHASHSEED=0`` at two sizes and divide the difference of the totals
by the difference of the counts.  Over the same 1,000 generated 2021
reports as ``validate_counts.py`` (``validate_bench.py``'s, 500 distinct,
10 with a defect):

* ``pass N``: ``gd.validate(report, rules=<arithmetic rules>)`` over the
  990 reports that hold, N times in turn;
* ``fail N``: the same over the 10 with a defect;
* ``given N``: the engine's ``validate_given(report, None, "missing",
  rules, "zh_Hans_CN")`` over the 990 (``pass`` less this is the public
  call with its keyword);
* ``passes N``: the screen as a rule gives it (``arithmetic.passes``);
* ``class N``: the screen made for the report class
  (``arithmetic.class_screen``, what the engine calls);
* ``holds N``: the compiled ``holds`` of the 2021 official layout alone;
* ``loop N``: the loop and nothing in it (subtract it from the others).

Usage: CG=1 valgrind --tool=callgrind --instr-atstart=no \\
    python bench/validate_parts_counts.py WHICH N
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import govdisclosure as gd
from govdisclosure.validation import arithmetic as ar
from govdisclosure.validation.engine import validate_given
from validate_bench import generate

# Module-level code on purpose: the loops below read globals, as the counts
# in bench/README.md were taken; ``loop`` pays the same and is subtracted.
PARTS = ("pass", "fail", "given", "passes", "class", "holds", "loop")
which, n = sys.argv[1], int(sys.argv[2])
if which not in PARTS:
    # Refused before anything is counted: an unknown part would run no loop
    # and its "count" would be the setup alone.
    raise SystemExit(f"unknown part {which!r}; one of {', '.join(PARTS)}")
reports, defective = generate(1000, distinct=500)
rules = ar.arithmetic_rules()
good = [r for i, r in enumerate(reports) if i not in defective]
bad = [reports[i] for i in sorted(defective)]
for r in reports[:50] + bad:
    gd.validate(r, rules=rules)  # compile everything first
pool = bad if which == "fail" else good
m = len(pool)
ar.passes(pool[0])
holds = ar.compiled_for(pool[0]).holds
# What passes() made for the class (what the engine calls): kept in _SCREENS
# before and after class_screen had a name of its own.
cls_screen = ar._SCREENS[type(pool[0])]
gc.collect()
gc.disable()
if os.environ.get("CG"):
    subprocess.run(["callgrind_control", "-i", "on", str(os.getpid())], capture_output=True)
v = gd.validate
if which in ("pass", "fail"):
    for i in range(n):
        v(pool[i % m], rules=rules)
elif which == "given":
    for i in range(n):
        validate_given(pool[i % m], None, "missing", rules, "zh_Hans_CN")
elif which == "passes":
    for i in range(n):
        ar.passes(pool[i % m])
elif which == "class":
    for i in range(n):
        cls_screen(pool[i % m])
elif which == "holds":
    for i in range(n):
        holds(pool[i % m])
elif which == "loop":
    for i in range(n):
        pool[i % m]
if os.environ.get("CG"):
    subprocess.run(["callgrind_control", "-i", "off", str(os.getpid())], capture_output=True)
