"""The one definition of every bench figure: what is measured, against which floor, the target.

Each ``*_bench.py`` script times a stage and its floor in the same run and
hands both to :func:`record`, which looks the figure up here, prints the
verdict line and (when ``bench/run.py`` runs the script) stores the
measurement for the side-by-side table, the JSON and the chart.  The docs
(``docs/performance.md``) are generated from that JSON by
``bench/docs_table.py`` — so the bench's verdict, its table and the docs
quote one definition and one reading of each figure, never their own.

A ratio is ``figure / floor``.  For times, lower is better and the target
is a ceiling (``≤``); for rates and speed-ups the figure is the faster side
over the slower and the target a minimum (``≥``); for peak memory the
figure is the peak over 5·N files and the floor the peak over N files.
"""

from __future__ import annotations

import json
import os
from typing import Literal

from attrs import frozen

__all__ = ["FLOORS", "Floor", "by_key", "quick", "record"]

#: Where ``bench/run.py`` asks the scripts to append their measurements.
RECORD_ENV = "GOVDISCLOSURE_BENCH_RECORD"
#: Set by ``bench/run.py --quick``: every script runs a few seconds' worth.
QUICK_ENV = "GOVDISCLOSURE_BENCH_QUICK"


def quick() -> bool:
    """Whether this is a quick run (a smoke test of the bench, not a measurement)."""
    return os.environ.get(QUICK_ENV) == "1"


@frozen
class Floor:
    """One bench figure: the stage, what is timed, the floor it is divided by, the target."""

    key: str
    stage: str
    measured: str
    floor: str
    target: float
    #: ``max``: the ratio must be at most the target; ``min``: at least.
    bound: Literal["max", "min"]
    #: Unit of the two raw numbers (``s``, ``files/s``, ``MiB``).
    unit: str = "s"

    def met(self, ratio: float) -> bool:
        return ratio <= self.target if self.bound == "max" else ratio >= self.target

    @property
    def target_text(self) -> str:
        return f"{'≤' if self.bound == 'max' else '≥'} {self.target:g}×"


FLOORS: tuple[Floor, ...] = (
    Floor(
        "load",
        "load",
        "codec.loads_many of 2021-edition report texts",
        "orjson.loads of the same texts into dicts (GC on)",
        2.0,
        "max",
    ),
    Floor(
        "dump",
        "dump",
        "codec.dumps_bytes of the reports",
        "orjson.dumps of the same unstructured dicts",
        1.3,
        "max",
    ),
    Floor(
        "every-rule",
        "validation, every rule",
        "validate() with every installed rule, CPU time per report over the example reports",
        "a budget of 100 µs per report",
        1.0,
        "max",
    ),
    Floor(
        "validate",
        "validation",
        "validate() with every arithmetic rule, CPU time per report",
        "the best of three numpy checks of the same relations on the pre-stacked array"
        " (CPU time, BLAS on one thread)",
        4.0,
        "max",
    ),
    Floor(
        "validate_stacked",
        "validation, stacked (numpy)",
        "stack() + validate_stacked() from the report objects (govdisclosure.stacked),"
        " CPU time per report",
        "numpy from the objects: stacking the cells into int64 plus the best of the three"
        " numpy checks",
        4.0,
        "max",
    ),
    Floor(
        "consolidate",
        "consolidation",
        "consolidate() of the reports",
        "numpy from the objects: stacking the cells into int64 plus np.sum",
        2.0,
        "max",
    ),
    Floor(
        "html_import",
        "HTML import",
        "import_html of the nine portal pages (without the relations' proof)",
        "selectolax (lexbor) parsing the same pages' bytes (UTF-8)",
        3.0,
        "max",
    ),
    Floor(
        "pdf_import",
        "PDF import",
        "pdf_document + import_document of the two published PDFs, per page",
        "pdfplumber's page.extract_text() of the same pages",
        1.5,
        "max",
    ),
    Floor(
        "markdown",
        "Markdown",
        "render(report, 'markdown') of the examples",
        "bare string building of the same headings, text and table rows",
        3.0,
        "max",
    ),
    Floor(
        "pdf",
        "PDF",
        "render_pdf of 淮安 2024 (TrueType fonts)",
        "a bare reportlab script drawing the same text and tables",
        1.3,
        "max",
    ),
    Floor(
        "pdf_accel",
        "PDF accelerator",
        "PDF rendering with reportlab's rl_accel (identical bytes)",
        "the same rendering without rl_accel; figure = time without / time with",
        1.05,
        "min",
        "s",
    ),
    Floor(
        "startup_version",
        "start-up, --version",
        "`govdisclosure --version` as a whole process, wall time over `python -c pass`",
        "a budget of 100 ms over the bare interpreter",
        1.0,
        "max",
    ),
    Floor(
        "startup_help",
        "start-up, --help",
        "`govdisclosure --help` as a whole process, wall time over `python -c pass`",
        "a budget of 100 ms over the bare interpreter",
        1.0,
        "max",
    ),
    Floor(
        "startup_validate",
        "start-up, validate FILE",
        "`govdisclosure validate FILE` (one 2021 report) as a whole process,"
        " wall time over `python -c pass`",
        "a budget of 250 ms over the bare interpreter",
        1.0,
        "max",
    ),
    Floor(
        "render_scale",
        "rendering at scale",
        "the steepest log-log slope of render time against size, over every renderer,"
        " parts 100 → 10,000 and one paragraph 10 KB → 10 MB",
        "linear cost (slope 1); the figure and floor are slopes",
        1.15,
        "max",
        "slope",
    ),
    Floor(
        "batch_rate",
        "batch validate",
        "files/s of `validate DIR --jobs 2` (text output)",
        "files/s of `validate DIR --jobs 1` over the same files",
        1.7,
        "min",
        "files/s",
    ),
    Floor(
        "memory_validate",
        "peak memory, validate",
        "peak RSS of `validate DIR --format jsonl` over 5·N files",
        "the same command's peak over N files",
        1.25,
        "max",
        "MiB",
    ),
    Floor(
        "memory_consolidate",
        "peak memory, consolidate",
        "peak RSS of `consolidate DIR --no-parts` over 5·N files",
        "the same command's peak over N files",
        1.25,
        "max",
        "MiB",
    ),
)


def by_key(key: str) -> Floor:
    """The floor named ``key``."""
    for floor in FLOORS:
        if floor.key == key:
            return floor
    raise KeyError(key)


def record(key: str, figure: float, floor: float, note: str = "") -> float:
    """Print the verdict of ``figure`` against ``floor`` and store it for ``bench/run.py``.

    For ``min`` floors pass the faster side as ``figure`` (files/s with two
    jobs; time without the accelerator).  Returns the ratio.
    """
    definition = by_key(key)
    ratio = figure / floor
    verdict = "met" if definition.met(ratio) else "NOT met"
    print(
        f"[{key}] {definition.measured}: {ratio:.2f}× {definition.floor} "
        f"(target {definition.target_text}: {verdict})" + (f"; {note}" if note else "")
    )
    target = os.environ.get(RECORD_ENV)
    if target:
        line = {"key": key, "figure": figure, "floor": floor, "ratio": ratio, "note": note}
        with open(target, "a", encoding="utf-8") as out:
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    return ratio
