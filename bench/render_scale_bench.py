#!/usr/bin/env python3
"""Does rendering cost grow with the work, and no faster?

Usage::

    .venv/bin/python bench/render_scale_bench.py [--renderers pdf,markdown] [--quick]

For every installed renderer, two curves:

* **Parts.**  A consolidated 2021 report (the 淮安 2024 figures under
  distinct unit names, consolidated with :func:`govdisclosure.consolidate`)
  of 100, 1,000 and 10,000 parts; the renderers that print the per-unit
  attachment list every part in a table (the PDF cuts it over hundreds of
  pages).
* **Paragraph.**  The 淮安 2024 report whose first section is one paragraph
  of 10 KB, 1 MB and 10 MB of Chinese text (UTF-8 bytes; sentences of the
  report repeated, dates, numbers and an e-mail address among them).

Each point is the best of ``--repeat`` runs, fewer where the runs so far
took more than :data:`BUDGET` seconds (so the 10,000-part PDF runs once),
in CPU time of this process (``time.process_time``): the build machine is
shared, and wall-clock time there measures the neighbours as much as the
renderer (every renderer works in this one thread).
The floor is the renderer's own time at the smallest size of the same run:
the exponent is the least-squares slope of log(time) against log(size)
over the three points, 1.0 for cost that grows as the work does.  Target:
exponent ≤ 1.15; the steepest curve of the run is the figure of
``render_scale`` in ``bench/floors.py``, which prints the verdict.  Each
curve also prints the time of its largest size over the one before
(``10,000 parts / 1,000 parts``): the fixed cost of a report flattens the
fitted exponent at the small sizes, and this ratio, 10x for linear cost,
shows the step where the parts dominate.  A renderer that does not print
parts (Word, Excel: their documents hold the report's own tables only)
still reads the whole report; its curve shows that nothing in it grows
with the parts it ignores.

``--quick`` (or ``bench/run.py --quick``) draws each curve over small
sizes (a smoke run of the bench, whose figures mean nothing); the figures
in ``bench/README.md`` come from the full run.
"""

from __future__ import annotations

import argparse
import gc
import math
import time
import warnings
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

import attrs

import govdisclosure as gd
from floors import quick, record
from govdisclosure.flat import shape_of
from govdisclosure.plugin import manager
from govdisclosure.rendering import render
from govdisclosure.report_base import ReportingUnit

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "huaian-2024.json"
PARTS = (100, 1_000, 10_000)
PARAGRAPH_BYTES = (10 * 1024, 1024 * 1024, 10 * 1024 * 1024)
#: The sizes of a smoke run.
QUICK_PARTS = (20, 60)
QUICK_PARAGRAPH_BYTES = (4 * 1024, 16 * 1024)
SENTENCE = (
    "2024年1月20日，全市共收到政府信息公开申请3119件，"
    "认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外。"
    "联系邮箱hazwgkc@163.com，电话0517-83605210。"
)


#: A unit's name: its number has one width at every size.
UNIT_NAME = "淮安市第{:05d}政府信息公开单位"


def consolidated(n: int) -> gd.Report:
    """``n`` units with figures of the 淮安 2024 size, consolidated (their text dropped).

    Each unit's tables are objects of their own with figures of their own
    (every count shifted by the unit's number), as real inputs are: units
    sharing one set of table objects would let caches keyed on identity
    flatter the smaller sizes.  Every name is as long as every other
    (:data:`UNIT_NAME`), so that each part is the same work at every size:
    numbered 1 to n, the names of 1,000 parts fitted the PDF's name column
    on one line and those of 10,000 parts (4 and 5 digits) took two, about
    16 rows a page instead of 27.
    """
    base = gd.load(EXAMPLE)
    lean = attrs.evolve(base, preamble=(), sections=())
    shape = shape_of(lean)
    cells = list(shape.flatten(lean))
    parts = []
    for i in range(n):
        values = [v + i % 97 if type(v) is int else v for v in cells]
        unit = ReportingUnit(name=UNIT_NAME.format(i + 1))
        parts.append(attrs.evolve(shape.rebuild(lean, values), unit=unit))
    return gd.consolidate(parts, "淮安市人民政府", narrative=base)


def with_paragraph(size: int) -> gd.Report:
    """The 淮安 2024 report whose first section is one paragraph of ``size`` bytes."""
    base = gd.load(EXAMPLE)
    unit = len(SENTENCE.encode())
    text = SENTENCE * (size // unit + 1)
    while len(text.encode()) > size:
        text = text[:-1]
    first = base.sections[0]
    return attrs.evolve(
        base, sections=(attrs.evolve(first, paragraphs=(text,)), *base.sections[1:])
    )


#: Seconds of runs after which a point stops repeating.  A single run of
#: the largest size was the noisiest point of the curve (a cheap renderer's
#: 10,000 parts took 0.63 s once and 0.40 s as the best of three), and the
#: slope leans on it most.
BUDGET = 3.0


def timed(run: Callable[[], object], repeat: int) -> float:
    """Best time of up to ``repeat`` runs, stopping once they took :data:`BUDGET` s.

    The reports the bench keeps (up to 10,000 parts, built once for every
    renderer) are frozen out of the collector's reach first: otherwise each
    full collection during a render walks them too, and a small render
    would pay for the bench's large ones.  The renderer's own objects are
    collected as usual.
    """
    best = math.inf
    spent = 0.0
    for _ in range(repeat):
        if spent >= BUDGET:
            break
        gc.collect()
        gc.freeze()
        try:
            start = time.process_time()
            run()
            took = time.process_time() - start
            best = min(best, took)
            spent += took
        finally:
            gc.unfreeze()
    return best


def slope(sizes: Sequence[float], times: Sequence[float]) -> float:
    """Least-squares slope of log(time) on log(size)."""
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(t, 1e-9)) for t in times]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )


def curve(
    name: str,
    what: str,
    sizes: Sequence[int],
    label: Callable[[int], str],
    build: Callable[[int], gd.Report],
    repeat: int,
) -> float:
    """Print one renderer's curve; return its exponent."""
    times: list[float] = []
    shown: list[str] = []
    for size in sizes:
        report = build(size)
        times.append(timed(partial(render, report, name), repeat))
        shown.append(f"{label(size)} {times[-1]:8.2f} s")
        del report
    exponent = slope(sizes, times)
    print(
        f"{name:9} {what:9} " + "  ".join(shown) + f"   exponent {exponent:.2f}"
        f"   {label(sizes[-1]).strip()} / {label(sizes[-2]).strip()}"
        f" {times[-1] / max(times[-2], 1e-9):.1f}x",
        flush=True,
    )
    return exponent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--renderers", help="comma-separated names (default: every installed)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="stop each curve one size earlier")
    args = parser.parse_args()
    names = sorted(manager.renderers())
    if args.renderers:
        names = [n for n in args.renderers.split(",") if n]
    smoke = args.quick or quick()
    parts = QUICK_PARTS if smoke else PARTS
    paragraph = QUICK_PARAGRAPH_BYTES if smoke else PARAGRAPH_BYTES
    warnings.simplefilter("ignore")  # the PDF's font stand-in notice
    print(
        "time per render, best of runs; exponent = log-log slope over the sizes;"
        " then the largest size over the one before"
    )
    reports: dict[int, gd.Report] = {}

    def parts_report(n: int) -> gd.Report:
        # Built once for every renderer: the parts share their tables with
        # one another, so even 10,000 of them take little memory.
        if n not in reports:
            reports[n] = consolidated(n)
        return reports[n]

    steepest = (0.0, "")
    for name in names:
        render(gd.load(EXAMPLE), name)  # plugin and fonts loaded before timing
        exponent = curve(
            name, "parts", parts, lambda n: f"{n:>6,} parts", parts_report, args.repeat
        )
        steepest = max(steepest, (exponent, f"{name}, parts"))
        exponent = curve(
            name,
            "paragraph",
            paragraph,
            lambda b: f"{b / 1024 / 1024:5.2f} MB" if b >= 1024 * 1024 else f"{b // 1024:5d} KB",
            with_paragraph,
            args.repeat,
        )
        steepest = max(steepest, (exponent, f"{name}, paragraph"))
    record(
        "render_scale",
        steepest[0],
        1.0,
        f"steepest: {steepest[1]}; {len(names)} renderers, sizes {parts[0]:,}–{parts[-1]:,} parts"
        f" and {paragraph[0]:,}–{paragraph[-1]:,} bytes",
    )


if __name__ == "__main__":
    main()
