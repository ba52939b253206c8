#!/usr/bin/env python3
"""The Markdown renderer next to bare string building of the same document.

Side by side in one run, over the example reports (every edition shipped in
``examples/``):

* **renderer**: ``govdisclosure.rendering.render(report, "markdown")`` —
  headings, the text, the official tables with their labels, UTF-8 bytes;
* **floor**: a few lines of plain Python that write the same title,
  preamble, section headings and paragraphs, and one table row per printed
  row (its label and its cells, read through the same flattening and the
  same per-shape labels the export uses), joined and encoded.  It knows
  nothing of merged headers, units or notes: it is what any Markdown of a
  report has to cost.

Times are the process's CPU time (``time.process_time``: the build machine
is shared, and wall time there measures the neighbours), the best of
several runs of all the reports, the renderer and the floor taking turns,
garbage collector on.

Usage: python bench/markdown_bench.py [RUNS]
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path

import govdisclosure as gd
from floors import quick, record
from govdisclosure.editions import Report
from govdisclosure.export.keys import layout_of
from govdisclosure.flat import shape_of
from govdisclosure.rendering import render
from govdisclosure.report_base import Section

ROOT = Path(__file__).resolve().parent.parent


def _section(out: list[str], section: Section, level: int) -> None:
    out.append(f"{'#' * level} {section.heading}\n")
    out.extend(f"{p}\n" for p in section.paragraphs)
    for sub in section.subsections:
        _section(out, sub, level + 1)


def bare_markdown(report: Report) -> bytes:
    """Title, text and one Markdown table row per printed row, nothing else."""
    out = [f"# {report.title}\n"]
    out.extend(f"{p}\n" for p in report.preamble)
    for section in report.sections:
        _section(out, section, 2)
    layout = layout_of(report)
    values = shape_of(report).flatten(report)
    row: list[str] = []
    label = None
    for name, column, value in zip(layout.row_zh, layout.column_zh, values, strict=True):
        if name != label:
            if row:
                out.append("| " + " | ".join(row) + " |")
            row = [name or ""]
            label = name
        row.append(f"{column}: {'' if value is None else value}")
    if row:
        out.append("| " + " | ".join(row) + " |")
    return "\n".join(out).encode()


def cpu_time(fn: Callable[[], object]) -> float:
    gc.collect()
    start = time.process_time()
    fn()
    return time.process_time() - start


def best_of_turns(
    first: Callable[[], object], second: Callable[[], object], runs: int
) -> tuple[float, float]:
    """The best CPU time of each of two functions over ``runs`` turns."""
    a, b = [], []
    for _ in range(runs):
        a.append(cpu_time(first))
        b.append(cpu_time(second))
    return min(a), min(b)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else (3 if quick() else 20)
    reports = [gd.load(path) for path in sorted((ROOT / "examples").glob("*.json"))]
    for report in reports:  # warm the per-shape caches of both sides
        render(report, "markdown")
        bare_markdown(report)
    ours, floor = best_of_turns(
        lambda: [render(r, "markdown") for r in reports],
        lambda: [bare_markdown(r) for r in reports],
        runs,
    )
    size = sum(len(render(r, "markdown")) for r in reports)
    bare_size = sum(len(bare_markdown(r)) for r in reports)
    print(
        f"{len(reports)} reports: renderer {ours * 1e3:.2f} ms ({size:,} bytes), "
        f"bare string building {floor * 1e3:.2f} ms ({bare_size:,} bytes); "
        f"CPU time, best of {runs}"
    )
    record("markdown", ours / len(reports), floor / len(reports), "per report")


if __name__ == "__main__":
    main()
