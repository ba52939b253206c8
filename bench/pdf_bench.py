#!/usr/bin/env python3
"""How fast is the PDF renderer, next to reportlab doing the same work by hand?

Usage::

    .venv/bin/python bench/pdf_bench.py [--repeat N] [--report examples/huaian-2024.json]

Three measurements, side by side in one run:

1. **Renderer vs bare reportlab.**  ``render_pdf`` on a 2021 report of about
   six pages, against a plain script that lays out the same paragraphs (as
   reportlab ``Paragraph`` with ``wordWrap='CJK'``) and the same three tables
   (reportlab ``Table`` with the same spans, strings in the cells) on the
   same page size with the same fonts.  The ratio is the price of what the
   renderer adds: its own line breaking with 禁则 and justification, cells
   that are text blocks, tables that split inside merged cells, the Latin
   face.  Target: at most 1.3×.
2. **Font embedding.**  The same report with the built-in CID font
   (STSong-Light, nothing embedded) and with the embedded TrueType faces;
   plus the one-off cost of loading the TTC files.
3. **Accelerator.**  reportlab's C extension (``rl_accel``, installed with
   the plugin through ``reportlab[accel]``): the same rendering in fresh
   processes, with the extension and with it hidden from reportlab, taking
   turns (:data:`ACCEL_ROUNDS` of each), timed and hashed — the speed-up,
   and that the bytes are the same.

Times are CPU time of this process (``time.process_time``: the machine is
shared, and wall time there measures the neighbours), the best of
``--repeat`` turns after one warm-up each, fonts already loaded (a CLI run
pays the loading once; see "font load").  The renderer and its floor take
turns in the same run, so a busy moment weighs on both alike, and the
collector is treated alike for both: before each run the garbage is
collected and what is left is frozen out of its reach, so that neither
side pays for scanning the other's leftovers or the bench's own objects.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import importlib.util
import json
import math
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Sequence
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

import govdisclosure as gd
from floors import quick, record
from govdisclosure.introspect import table_info
from govdisclosure.plugin.types import RenderOptions
from govdisclosure_pdf import FontFallbackWarning, render_pdf
from govdisclosure_pdf.fonts import resolve_fonts
from govdisclosure_pdf.styles import MARGINS, TYPE_HEIGHT, TYPE_WIDTH, make_styles
from govdisclosure_pdf.tables import TableLayout, table2_grid, table3_grid, table4_grid

ROOT = Path(__file__).resolve().parent.parent


def cpu_time(fn: Callable[[], bytes]) -> tuple[float, bytes]:
    """CPU seconds of one call and its result, the collector as described above."""
    gc.collect()
    gc.freeze()
    try:
        start = time.process_time()
        out = fn()
        return time.process_time() - start, out
    finally:
        gc.unfreeze()


def best_of_turns(fns: Sequence[Callable[[], bytes]], repeat: int) -> list[tuple[float, bytes]]:
    """The best CPU time of each function (and its output) over ``repeat``
    turns in which the functions run one after the other, after a warm-up."""
    outs = [fn() for fn in fns]
    best = [math.inf] * len(fns)
    for _ in range(repeat):
        for k, fn in enumerate(fns):
            seconds, outs[k] = cpu_time(fn)
            best[k] = min(best[k], seconds)
    return list(zip(best, outs, strict=True))


def bare_reportlab(report: gd.Report2021, font: str, latin_table_font: str) -> bytes:
    """The same text and tables, laid out the way a reportlab user would."""
    from xml.sax.saxutils import escape

    body = ParagraphStyle(
        "body", fontName=font, fontSize=16, leading=28.99, firstLineIndent=32, wordWrap="CJK"
    )
    head = ParagraphStyle("head", parent=body)
    title = ParagraphStyle("title", parent=body, fontSize=22, leading=36, alignment=1)
    story: list[object] = [Paragraph(escape(report.title or ""), title), Spacer(1, 29)]
    story += [Paragraph(escape(p), body) for p in report.preamble]
    layout = TableLayout("zh_Hans_CN", make_styles(resolve_fonts()), TYPE_WIDTH)
    grids = {
        "table2": table2_grid(report.table2, layout),
        "table3": table3_grid(report.table3, layout),
        "table4": table4_grid(report.table4, layout),
    }
    for section in report.sections:
        story.append(Paragraph(escape(section.heading), head))
        story += [Paragraph(escape(p), body) for p in section.paragraphs]
        for sub in section.subsections:
            story.append(Paragraph(escape(sub.heading), head))
            story += [Paragraph(escape(p), body) for p in sub.paragraphs]
        for key, grid in grids.items():
            if section.heading.startswith(table_info(getattr(report, key), key).title[:2]):
                cell = ParagraphStyle(
                    "cell", fontName=font, fontSize=10.5, leading=13.125, wordWrap="CJK"
                )
                data = [
                    [
                        Paragraph(escape(c.text), cell)
                        if c is not None and isinstance(c.text, str)
                        else ""
                        for c in row
                    ]
                    for row in grid.rows
                ]
                cmds = [
                    ("GRID", (0, 0), (-1, -1), 0.5, "black"),
                    ("FONT", (0, 0), (-1, -1), font),
                    ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ]
                cmds += [("SPAN", (c0, r0), (c1, r1)) for c0, r0, c1, r1 in grid.spans]
                story.append(
                    Table(
                        data,
                        colWidths=list(grid.col_widths),
                        repeatRows=grid.header_rows,
                        style=TableStyle(cmds),
                    )
                )
    out = BytesIO()
    doc = BaseDocTemplate(
        out,
        pagesize=A4,
        leftMargin=MARGINS.left,
        rightMargin=MARGINS.right,
        topMargin=MARGINS.top,
        bottomMargin=MARGINS.bottom,
        invariant=1,
    )
    frame = Frame(MARGINS.left, MARGINS.bottom, TYPE_WIDTH, TYPE_HEIGHT, 0, 0, 0, 0, id="type-area")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(story)
    return out.getvalue()


_HIDE_ACCEL = (
    "import os, runpy, sys; sys.modules['_rl_accel'] = None; sys.argv = sys.argv[1:]; "
    "sys.path.insert(0, os.path.dirname(sys.argv[0])); runpy.run_path(sys.argv[0], run_name='__main__')"
)


#: Processes per side of the accelerator comparison, taking turns.
ACCEL_ROUNDS = 4


def accelerator(report: Path, repeat: int, rounds: int = ACCEL_ROUNDS) -> tuple[float, float, bool]:
    """Seconds per rendering with and without rl_accel, and whether every
    process wrote the same bytes.

    The two sides run in fresh processes that take turns, ``rounds`` of
    each (with, without; then without, with; ...), each timing its share
    of the ``repeat`` turns; the figure of a side is its best over all its
    processes.  One process per side, one after the other, let a busy
    stretch of the shared machine fall on one side only: 1.28× in one run,
    0.86× in the next with no change to either.  Every process says
    whether rl_accel's C functions were the ones reportlab took.
    """
    rounds = max(1, min(rounds, repeat))
    turns = math.ceil(repeat / rounds)
    best = {False: math.inf, True: math.inf}
    digests: set[str] = set()
    for k in range(rounds):
        for hidden in (False, True) if k % 2 == 0 else (True, False):
            args = [__file__, "--time-only", "--repeat", str(turns), "--report", str(report)]
            command = (
                [sys.executable, "-c", _HIDE_ACCEL, *args] if hidden else [sys.executable, *args]
            )
            done = subprocess.run(command, capture_output=True, text=True, check=True)
            run = json.loads(done.stdout.strip().splitlines()[-1])
            assert run["accel"] is not hidden, (hidden, run)
            best[hidden] = min(best[hidden], run["seconds"])
            digests.add(run["sha256"])
    return best[False], best[True], len(digests) == 1


def _accel_loaded() -> bool:
    from reportlab.lib import rl_accel

    return bool(rl_accel._c_funcs)  # the functions taken from the C extension


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3 if quick() else 20)
    parser.add_argument("--report", type=Path, default=ROOT / "examples" / "huaian-2024.json")
    parser.add_argument("--time-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    report = gd.load(args.report)
    assert isinstance(report, gd.Report2021)
    if args.time_only:
        resolve_fonts()
        [(seconds, data)] = best_of_turns(
            [lambda: render_pdf(report, RenderOptions())], args.repeat
        )
        digest = hashlib.sha256(data).hexdigest()
        print(json.dumps({"seconds": seconds, "sha256": digest, "accel": _accel_loaded()}))
        return

    start = time.perf_counter()
    fonts = resolve_fonts()
    load = time.perf_counter() - start

    (ours, pdf), (bare, bare_pdf) = best_of_turns(
        [
            lambda: render_pdf(report, RenderOptions()),
            lambda: bare_reportlab(report, fonts.body, fonts.latin or fonts.body),
        ],
        args.repeat,
    )
    pages = len(PdfReader(BytesIO(pdf)).pages)
    bare_pages = len(PdfReader(BytesIO(bare_pdf)).pages)

    with tempfile.TemporaryDirectory() as empty, warnings.catch_warnings():
        warnings.simplefilter("ignore", FontFallbackWarning)
        cid_options = RenderOptions(extra={"font_dirs": empty})
        cid_font = resolve_fonts(extra={"font_dirs": empty}).body
        (cid, cid_pdf), (bare_cid, _) = best_of_turns(
            [
                lambda: render_pdf(report, cid_options),
                lambda: bare_reportlab(report, cid_font, cid_font),
            ],
            args.repeat,
        )

    accel = (
        importlib.util.find_spec("rl_accel") is not None
        or importlib.util.find_spec("_rl_accel") is not None
    )
    print(f"report: {args.report.name}, {pages} pages ({bare_pages} with bare reportlab)")
    print(f"fonts: {', '.join(f'{role}={Path(path).name}' for role, path in fonts.files)}")
    print(f"rl_accel importable: {accel}")
    print(f"font load (first use, once per process): {load * 1000:7.1f} ms")
    print()
    print(f"CPU time, best of {args.repeat} turns (renderer and bare script alternating)")
    print(f"{'':28}{'ms':>9}{'pages/s':>10}{'bytes':>10}")
    print(f"{'govdisclosure-pdf (TTF)':28}{ours * 1000:9.1f}{pages / ours:10.1f}{len(pdf):10}")
    print(
        f"{'bare reportlab (TTF)':28}{bare * 1000:9.1f}{bare_pages / bare:10.1f}{len(bare_pdf):10}"
    )
    print(f"{'govdisclosure-pdf (CID)':28}{cid * 1000:9.1f}{pages / cid:10.1f}{len(cid_pdf):10}")
    print(f"{'bare reportlab (CID)':28}{bare_cid * 1000:9.1f}")
    print()
    record("pdf", ours, bare, f"{pages} pages, per report")
    print(f"ratio renderer / bare reportlab (CID): {cid / bare_cid:.2f}x")
    print(
        f"cost of subsetting and embedding: {(ours - cid) * 1000:.1f} ms per report ({ours / cid:.2f}x CID)"
    )
    with_accel, without, same = accelerator(args.report, args.repeat)
    print(
        f"rl_accel: {with_accel * 1000:.1f} ms with, {without * 1000:.1f} ms without; "
        f"identical bytes: {same}"
    )
    assert same, "rl_accel changed the PDF's bytes"
    record("pdf_accel", without, with_accel, "identical bytes")


if __name__ == "__main__":
    main()
