#!/usr/bin/env python3
"""Validation counted in machine instructions: run under callgrind at two sizes.

``python bench/validate_counts.py every N``: ``gd.validate(report)`` (every
installed rule) over N copies of each example report (distinct unit names,
interleaved, as ``validate_bench.py`` builds its every-rule corpus);
``given N``: the same with the installed rules passed in once, as
``validate_bench.py`` does (``every`` asks the plugin manager for them per
report, as ``gd.validate(report)`` and the command line do); ``copies N``:
the same corpus built and not validated (subtract it);
``arithmetic N``: the arithmetic rules over N reports, taken in turn from
1,000 of ``validate_bench.py``'s generated 2021 reports (1% with a
defect), generated at every size; ``screen N``: the arithmetic rules' shared screen
alone (:func:`~govdisclosure.validation.arithmetic.passes`) over the same
reports, so that ``arithmetic`` less ``screen`` is what ``validate()`` costs
around it; ``generated N``: those reports generated and not validated.  The garbage collector is paused before
anything is built, as the bench pauses it while timing.  Run each at two
sizes under ``valgrind --tool=callgrind`` with ``PYTHONHASHSEED=0`` and
divide the difference of the totals by the difference of the report counts
(the start-up cancels out), then subtract the same for ``copies`` or
``generated``.

Used for the instruction counts of ``bench/README.md`` ("Validation").
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path

import attrs

import govdisclosure as gd
from govdisclosure.editions import Report

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def every_rule_corpus(copies: int) -> list[Report]:
    originals = [gd.load(f) for f in sorted(EXAMPLES.glob("**/*.json"))]

    def renamed(report: Report, i: int) -> Report:
        return attrs.evolve(report, unit=attrs.evolve(report.unit, name=f"{report.unit.name}{i}"))

    by_file = [[renamed(r, i) for i in range(copies)] for r in originals]
    for report in originals:
        gd.validate(report)  # compile every shape first
    return [group[i] for i in range(copies) for group in by_file]


def main() -> None:
    which, n = sys.argv[1], int(sys.argv[2])
    gc.collect()
    gc.disable()
    if which in ("every", "given", "copies"):
        corpus = every_rule_corpus(n)
        if which == "every":
            for report in corpus:
                gd.validate(report)
        elif which == "given":
            from govdisclosure.plugin.manager import rules as installed

            rules = installed()
            for report in corpus:
                gd.validate(report, rules=rules)
    else:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from govdisclosure.validation.arithmetic import arithmetic_rules
        from validate_bench import generate

        # The same 1,000 reports (500 distinct, 10 with a defect) at every
        # size, validated over and over: generating them costs the same.
        reports, _ = generate(1000, distinct=500)
        rules = arithmetic_rules()
        gd.validate(reports[0], rules=rules)
        if which == "arithmetic":
            for i in range(n):
                gd.validate(reports[i % 1000], rules=rules)
        elif which == "screen":
            from govdisclosure.validation.arithmetic import passes

            for i in range(n):
                passes(reports[i % 1000])


if __name__ == "__main__":
    main()
