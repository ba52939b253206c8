#!/usr/bin/env python3
"""What reading a report's narrative once would cost, against how the rules read it now.

The narrative rules find the clauses that can state a count by one scan in C
for a rare character of each word they need (``Paragraphs.clauses_of``,
after the text is joined with every clause break made one, ``plain``).
The alternative is an *index* read once per report: every number of the
text (and every negation: "未收到…" states 0) with its position, so that the
rules look their words up around the numbers instead.  This script times,
over the ten example reports, the work the rules do now and the first pass
each design of such an index would need, in C, before any step of Python
per number it finds: a lower bound of what the index would cost.

* ``paragraphs``: the report's texts listed (``Paragraphs()``);
* ``plain``: the texts joined, every clause break made one (net of the line above);
* ``stretches``: the stretches of every word of the edition's checks that hold a
  digit or a negation, as the rules ask for them (net of the two lines above);
* ``numbers (re)``: one compiled ``re`` pass giving every number or negation
  of the joined text (``findall``: no match objects, no positions);
* ``numbers with positions (re)``: the same with ``finditer`` and each match's start;
* ``numbers with their measure word (re)``: ``findall`` of a number followed by
  one of the measure words, or a negation;
* ``clauses (str.split)``: the joined text cut into clauses;
* ``clauses with a digit or negation``: those clauses each searched for one
  (the narrative's ``_HINT``).

CPU time of the thread, best of seven passes per line (the machine is
shared).  For instruction counts, which no load moves, run one line under
callgrind with two numbers of passes and take the difference::

    valgrind --tool=callgrind python bench/validate_text_index.py --only stretches --passes 20
    valgrind --tool=callgrind python bench/validate_text_index.py --only stretches --passes 80

Usage: python bench/validate_text_index.py [--passes N] [--only NAME]  (N: 200 passes
over the ten reports; NAME: paragraphs, plain, stretches, numbers, positions,
counts, clauses or hinted, the lines in their order)
"""

from __future__ import annotations

import argparse
import gc
import re
import time
from collections.abc import Callable
from pathlib import Path

import govdisclosure as gd
from govdisclosure.validation.narrative import _HINT, CLAUSE_BREAKS, MEASURE_WORDS
from govdisclosure.validation.narrative_compiled import _stretch_words
from govdisclosure.validation.paragraphs import Paragraphs

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
BEST_OF = 7

#: A number (as the checks read one) or the first character of a negation,
#: led by one class (the engine then skips to it; an alternation would be
#: tried at every position).
NUMBERS = re.compile(r"[\d未没][\d,]*")
#: A number followed by a measure word, or a negation, led by one class.
COUNTS = re.compile(r"(?=[\d未没])(?:\d[\d,]*\s*[" + "".join(MEASURE_WORDS) + "]|[未没])")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=200)
    parser.add_argument("--only", default=None)
    args = parser.parse_args()
    reports = [gd.load(f) for f in sorted(EXAMPLES.glob("**/*.json"))]
    words = [_stretch_words(r.edition) for r in reports]
    texts = [Paragraphs(r).plain(CLAUSE_BREAKS) for r in reports]
    sep = CLAUSE_BREAKS[0]

    def paragraphs() -> None:
        for r in reports:
            Paragraphs(r)

    def plain() -> None:
        for r in reports:
            Paragraphs(r).plain(CLAUSE_BREAKS)

    def stretches() -> None:
        for r, w in zip(reports, words, strict=True):
            Paragraphs(r).clauses_of(w, CLAUSE_BREAKS, _HINT)

    def numbers() -> None:
        for t in texts:
            NUMBERS.findall(t)

    def positions() -> None:
        for t in texts:
            for m in NUMBERS.finditer(t):
                m.start()

    def counts() -> None:
        for t in texts:
            COUNTS.findall(t)

    def clauses() -> None:
        for t in texts:
            t.split(sep)

    def hinted() -> None:
        for t in texts:
            list(filter(_HINT.search, t.split(sep)))

    # (name, work, the line it is net of); ``--only`` takes a name's function
    lines: list[tuple[str, Callable[[], None], str | None]] = [
        ("paragraphs", paragraphs, None),
        ("plain", plain, "paragraphs"),
        ("stretches", stretches, "plain"),
        ("numbers (re)", numbers, None),
        ("numbers with positions (re)", positions, None),
        ("numbers with their measure word (re)", counts, None),
        ("clauses (str.split)", clauses, None),
        ("clauses with a digit or negation", hinted, None),
    ]
    if args.only is not None:
        (work,) = [w for _, w, _ in lines if w.__name__ == args.only]
        gc.disable()
        for _ in range(args.passes):
            work()
        return
    n = args.passes * len(reports)
    best: dict[str, float] = {}
    gc.disable()
    for name, work, _ in lines:
        work()  # compile and warm outside the timing
        for _ in range(BEST_OF):
            t = time.thread_time()
            for _ in range(args.passes):
                work()
            spent = time.thread_time() - t
            best[name] = min(best.get(name, spent), spent)
    gc.enable()
    print(f"{len(reports)} example reports x {args.passes:,} passes, best of {BEST_OF}")
    print(f"{'reading of the text':<40} {'CPU µs/report':>14}")
    for name, _, net_of in lines:
        total = best[name] / n * 1e6
        below = 0.0 if net_of is None else best[net_of] / n * 1e6
        print(f"{name:<40} {total - below:>14.1f}")


if __name__ == "__main__":
    main()
