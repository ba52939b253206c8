#!/usr/bin/env python3
"""Where validation with every rule spends its time: CPU per report, rule by rule.

The corpus is ``validate_bench.py``'s every-rule corpus (the example reports
of every edition, each copied under distinct unit names, interleaved).  Each
installed rule's ``check`` and each screen is wrapped in a reading of the
thread's CPU clock (the machine is shared: the wall clock would count the
waits for a core), the cost of an empty reading subtracted, and the best of
seven passes kept per line.  The work the rules share is timed on its own
too (indented lines, counted again inside the rule that does it first): the
paragraphs listed, their text joined with every clause break made one, the
stretches around the narrative's words, and the flat tuple of cells.

The wrappers cost something of their own (the last line: the whole run
wrapped against unwrapped), and a rule is charged for what it is the first
to need; the counts are for comparing rules, not for adding up exactly.

Usage: python bench/validate_rules_profile.py [COPIES]  (copies of each example, 200)
"""

from __future__ import annotations

import gc
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import attrs

import govdisclosure as gd
from govdisclosure.editions import Report
from govdisclosure.plugin.manager import rules as installed
from govdisclosure.validation import Context, Finding, Rule, shared
from govdisclosure.validation.paragraphs import Paragraphs

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
PASSES = 7

clock = time.thread_time_ns
spent: Counter[str] = Counter()


def _empty_reading() -> int:
    """The median cost of two readings of the clock with nothing between."""
    gaps = []
    for _ in range(20_000):
        a = clock()
        gaps.append(clock() - a)
    return sorted(gaps)[len(gaps) // 2]


EMPTY = _empty_reading()


def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def run(*args: Any, **kwargs: Any) -> Any:
        t = clock()
        out = fn(*args, **kwargs)
        spent[name] += clock() - t - EMPTY
        return out

    return run


def wrapped(rule: Rule, screens: dict[object, Callable[..., bool]]) -> Rule:
    check = rule.check

    def counted(report: Report, context: Context) -> Iterable[Finding]:
        t = clock()
        out = list(check(report, context))
        spent[rule.id] += clock() - t - EMPTY
        return out

    # A screen's shared form (``Rule.shared_screen``), which the engine calls
    # in its place when it has one, is timed under the same name.
    screen, shared = rule.screen, rule.shared_screen
    for fn in (screen, shared):
        if fn is not None and fn not in screens:
            name = f"screen {fn.__module__.rsplit('.', 1)[-1]}.{fn.__name__}"
            screens[fn] = timed(name, fn)
    return attrs.evolve(
        rule,
        check=counted,
        screen=None if screen is None else screens[screen],
        shared_screen=None if shared is None else screens[shared],
    )


def time_shared_work() -> None:
    """Time what the rules share where it is done (once per report)."""
    stretches = Paragraphs.clauses_of
    Paragraphs.clauses_of = timed("  the narrative's stretches (clauses_of)", stretches)  # type: ignore[method-assign]
    Paragraphs.plain = timed("  the text joined, breaks made one (plain)", Paragraphs.plain)  # type: ignore[method-assign]
    Paragraphs.__init__ = timed("  the paragraphs listed (Paragraphs())", Paragraphs.__init__)  # type: ignore[method-assign]
    flat = shared.cell_values

    def cell_values(report: Report, context: Context) -> Any:
        cached = context.cache.get("cells")
        if cached is not None and cached[0] is report:
            return cached[1]
        return timed("  the flat tuple of cells", flat)(report, context)

    for module in list(sys.modules.values()):
        name = getattr(module, "__name__", "")
        if (
            name.startswith("govdisclosure.validation")
            and getattr(module, "cell_values", None) is flat
        ):
            setattr(module, "cell_values", cell_values)  # noqa: B010 - any module importing it


def main() -> None:
    copies = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    originals = [gd.load(f) for f in sorted(EXAMPLES.glob("**/*.json"))]

    def renamed(report: Report, i: int) -> Report:
        return attrs.evolve(report, unit=attrs.evolve(report.unit, name=f"{report.unit.name}{i}"))

    by_file = [[renamed(r, i) for i in range(copies)] for r in originals]
    corpus = [group[i] for i in range(copies) for group in by_file]
    plain = installed()
    screens: dict[object, Callable[..., bool]] = {}
    rules = tuple(wrapped(rule, screens) for rule in plain)
    time_shared_work()
    for report in originals:
        gd.validate(report, rules=rules)  # compile each shape outside the timing
    best: dict[str, int] = {}
    with_wrappers, without = [], []
    gc.collect()
    gc.disable()
    for _ in range(PASSES):
        spent.clear()
        t = time.process_time()
        for report in corpus:
            gd.validate(report, rules=rules)
        with_wrappers.append(time.process_time() - t)
        for name, ns in spent.items():
            best[name] = min(best.get(name, ns), ns)
        t = time.process_time()
        for report in corpus:
            gd.validate(report, rules=plain)
        without.append(time.process_time() - t)
    gc.enable()
    n = len(corpus)
    print(f"{n:,} reports ({len(originals)} examples x {copies:,}), best of {PASSES} passes")
    print(f"{'rule, screen or shared work':<48} {'CPU µs/report':>14}")
    for name, ns in sorted(best.items(), key=lambda item: -item[1]):
        print(f"{name:<48} {ns / n / 1000:>14.1f}")
    print(
        f"validate() with every rule: {min(without) / n * 1e6:.1f} µs of CPU a report "
        f"({min(with_wrappers) / n * 1e6:.1f} with the wrappers)"
    )


if __name__ == "__main__":
    main()
