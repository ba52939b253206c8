"""Loading and saving 10,000 reports, side by side with plain orjson.

What is measured, on the same texts in the same run:

* load: ``orjson.loads`` of each text into dicts (the floor: parsing alone)
  against :func:`govdisclosure.codec.loads_many` (parse, check every cell,
  refuse a key written twice, build the frozen objects) and a plain
  ``loads`` loop; the colon count that rules duplicate keys out is timed on
  its own too (its share of ``loads_many``);
* dump: ``orjson.dumps`` of the equivalent dicts (already unstructured)
  against :func:`govdisclosure.codec.dumps_bytes` of the report objects
  (same bytes), and the ``str`` versions of both (``.decode()``).  The
  target (1.3×) is not met: any writer from the objects must build the
  ~50 dicts orjson then walks, and building them costs about two thirds of
  orjson's whole serialisation.  ``dump_alternatives_bench.py`` measures
  the other ways to the same bytes (orjson's ``default`` hook, dicts filled
  in place, a template writer of the text, msgspec) and the writer's parts;
  ``bench/README.md`` has their figures.

Times are the process's CPU time (best of several runs), so other jobs on a
shared machine do not count.

The reports are realistic 2021-edition reports: the two 2021 examples
shipped in ``examples/`` (about 200 cells and 13–15 KiB each, mostly
narrative), with every table cell redrawn from a seeded generator and the
totals recomputed, so each text differs.

Run ``python bench/load_bench.py [N]`` (default 10,000) or ``make bench``.
"""

from __future__ import annotations

import gc
import random
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import orjson

from floors import quick, record
from govdisclosure import codec
from govdisclosure.authoring import complete_totals
from govdisclosure.cells import is_number
from govdisclosure.editions import Report
from govdisclosure.flat import shape_of

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ("huaian-2024.json", "hongze-2024.json")
REPEAT = 2 if quick() else 5


def make_texts(n: int, seed: int = 2024) -> list[bytes]:
    """``n`` distinct, consistent report texts derived from the examples."""
    rng = random.Random(seed)
    bases = [codec.load(ROOT / "examples" / name) for name in EXAMPLES]
    texts = []
    for i in range(n):
        base = bases[i % len(bases)]
        shape = shape_of(base)
        values = [
            _redraw(rng, v, kind) for v, kind in zip(shape.flatten(base), shape.kinds, strict=True)
        ]
        report: Report = shape.rebuild(base, values)
        report = attrs.evolve(report, unit=attrs.evolve(report.unit, name=f"{base.unit.name}{i}"))
        report = complete_totals(report, overwrite=True)
        texts.append(codec.dumps(report).encode())
    return texts


def _redraw(rng: random.Random, value: Any, kind: str) -> Any:
    if not is_number(value):
        return value  # keep blanks and "/" where the real report had them
    if kind == "money":
        return Decimal(rng.randrange(0, 10**6)).scaleb(-2)  # 万元, two decimals
    return rng.choice((0, 0, 0, 1, 2, 5, rng.randrange(0, 50), rng.randrange(0, 5000)))


def best(fn: Callable[[], Any], *, paused_gc: bool = False) -> float:
    """Best CPU time of the process over :data:`REPEAT` runs (seconds).

    CPU time, not wall time: the bench runs on shared machines, where wall
    time also counts the other processes' turns (every figure here is
    single-threaded, so the two agree on an idle machine)."""
    times = []
    for _ in range(REPEAT):
        gc.collect()
        enabled = gc.isenabled()
        if paused_gc:
            gc.disable()
        try:
            start = time.process_time()
            fn()
            times.append(time.process_time() - start)
        finally:
            if enabled:
                gc.enable()
    return min(times)


def indented(value: object) -> bytes:
    """``orjson.dumps`` as the codec writes: two-space indentation."""
    return orjson.dumps(value, option=orjson.OPT_INDENT_2)


def each(fn: Callable[[Any], object], items: Iterable[Any]) -> None:
    """Call ``fn`` on every item, keeping no result (a C loop, like a list's)."""
    deque(map(fn, items), maxlen=0)


def main(n: int = 10_000) -> dict[str, float]:
    texts = make_texts(n)
    size = sum(map(len, texts)) / n
    reports = codec.loads_many(texts)
    dicts = [codec.unstructure(r) for r in reports]
    cells = len(shape_of(reports[0]).paths)
    assert [codec.dumps(r).encode() for r in reports] == texts  # same bytes both ways

    def us(seconds: float) -> float:
        return seconds / n * 1e6

    results = {
        "orjson.loads": us(best(lambda: [orjson.loads(t) for t in texts])),
        "orjson.loads, GC paused": us(
            best(lambda: [orjson.loads(t) for t in texts], paused_gc=True)
        ),
        "codec.loads loop": us(best(lambda: [codec.loads(t) for t in texts])),
        "codec.loads_many": us(best(lambda: codec.loads_many(texts))),
        "  of which the key count": us(best(lambda: [t.count(b":") for t in texts])),
        # Each output is dropped as soon as it is made (a list of 10,000
        # outputs, 130 MB, is refaulted on every run: system time that
        # process_time counts and that pulls every dump ratio towards 1).
        "orjson.dumps": us(best(lambda: each(indented, dicts))),
        "orjson.dumps + decode": us(best(lambda: each(lambda d: indented(d).decode(), dicts))),
        "codec.dumps_bytes": us(best(lambda: each(codec.dumps_bytes, reports))),
        "codec.dumps (str)": us(best(lambda: each(codec.dumps, reports))),
    }
    print(f"load_bench: {n} reports, 2021 edition, {cells} cells, {size / 1024:.1f} KiB each")
    print(f"  (best of {REPEAT} runs, CPU time; µs per report)")
    for name, value in results.items():
        print(f"  {name:<26} {value:8.1f} µs")
    load_ratio_paused = results["codec.loads_many"] / results["orjson.loads, GC paused"]
    str_ratio = results["codec.dumps (str)"] / results["orjson.dumps + decode"]
    record(
        "load",
        results["codec.loads_many"] / 1e6,
        results["orjson.loads"] / 1e6,
        f"{load_ratio_paused:.2f}× a GC-paused orjson.loads; per report",
    )
    print(f"  load: loads_many / orjson.loads (GC off) = {load_ratio_paused:.2f}×")
    count_share = results["  of which the key count"] / results["orjson.loads, GC paused"]
    print(f"  load: duplicate-key count / orjson.loads (GC off) = {count_share:.2f}×")
    record("dump", results["codec.dumps_bytes"] / 1e6, results["orjson.dumps"] / 1e6, "per report")
    print(f"  dump: dumps / (orjson.dumps + decode)    = {str_ratio:.2f}×")
    return results


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
