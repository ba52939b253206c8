"""``make bench``: every stage against its floor, side by side in one run.

Runs each ``bench/*_bench.py`` script in its own interpreter (so one
benchmark's memory and garbage do not slow the next), collects the figures
they hand to :func:`floors.record`, and prints one table: each stage, its
figure and its floor in the same run, the ratio, the target and the verdict
— all from the one definition in ``bench/floors.py``.  It writes the same
as JSON (``bench/results/bench.json``) and as a chart
(``bench/results/bench.png``); ``bench/docs_table.py`` turns the JSON into
the table of ``docs/performance.md``.

``--quick`` runs every script on a few reports (seconds, not minutes) into
a temporary directory unless ``--out`` says where: a smoke test of the
bench itself (``tests/bench/test_bench.py``), whose figures mean nothing.

Usage: python bench/run.py [--quick] [--out DIR] [--corpus DIR] [STAGE...]

A run of some STAGEs writes to a temporary directory (printed at the end)
unless --out is given: only a full run replaces ``bench/results``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from floors import FLOORS, QUICK_ENV, RECORD_ENV, Floor

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"

#: script, arguments of the full run, arguments of the quick run.
STAGES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("load_bench.py", ("10000",), ("300",)),
    ("validate_bench.py", ("100000",), ("2000",)),
    ("consolidate_bench.py", ("100000",), ("2000",)),
    ("html_import_bench.py", (), ()),
    ("pdf_import_bench.py", (), ()),
    ("markdown_bench.py", (), ()),
    ("pdf_bench.py", (), ()),
    ("corpus_bench.py", ("20000",), ("100",)),
    ("startup_bench.py", (), ()),
    ("render_scale_bench.py", (), ()),
)


def _seconds(value: float) -> str:
    if value >= 1:
        return f"{value:.2f} s"
    if value >= 1e-3:
        return f"{value * 1e3:.1f} ms"
    return f"{value * 1e6:.1f} µs"


def quantity(value: float, unit: str) -> str:
    """A raw figure with its unit, as the table prints it."""
    if unit == "s":
        return _seconds(value)
    if unit == "files/s":
        return f"{value:,.0f} files/s"
    return f"{value:,.1f} {unit}"


def row(floor: Floor, found: dict[str, Any] | None) -> dict[str, Any]:
    """One line of the results: the definition and, if measured, the figures."""
    out: dict[str, Any] = {
        "key": floor.key,
        "stage": floor.stage,
        "measured": floor.measured,
        "floor": floor.floor,
        "target": floor.target_text,
        "unit": floor.unit,
    }
    if found is None:
        out.update(figure=None, floor_value=None, ratio=None, verdict="not run", note="")
    else:
        ratio = found["figure"] / found["floor"]
        out.update(
            figure=found["figure"],
            floor_value=found["floor"],
            ratio=round(ratio, 3),
            verdict="met" if floor.met(ratio) else "NOT met",
            note=found["note"],
        )
    return out


def print_table(rows: list[dict[str, Any]]) -> None:
    print(f"{'stage':<26}{'figure':>16}{'floor':>16}{'ratio':>9}  {'target':<9}verdict")
    for r in rows:
        if r["ratio"] is None:
            print(f"{r['stage']:<26}{'-':>16}{'-':>16}{'-':>9}  {r['target']:<9}not run")
            continue
        print(
            f"{r['stage']:<26}{quantity(r['figure'], r['unit']):>16}"
            f"{quantity(r['floor_value'], r['unit']):>16}{r['ratio']:>8.2f}×  "
            f"{r['target']:<9}{r['verdict']}"
        )


def chart(rows: list[dict[str, Any]], path: Path, title: str) -> None:
    """Each ratio as a bar on a log scale, its target as a tick (green: met)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    measured = [r for r in rows if r["ratio"] is not None]
    if not measured:
        return
    fig, ax = plt.subplots(figsize=(9, 0.45 * len(measured) + 1.2), dpi=100)
    names = [r["stage"] for r in measured]
    ratios = [r["ratio"] for r in measured]
    colours = ["#2e7d32" if r["verdict"] == "met" else "#c62828" for r in measured]
    positions = list(range(len(measured)))
    ax.barh(positions, ratios, color=colours)
    for y, r in zip(positions, measured, strict=True):
        target = float(r["target"].split()[1].rstrip("×"))
        ax.plot([target, target], [y - 0.4, y + 0.4], color="black", linewidth=2)
        ax.text(r["ratio"], y, f" {r['ratio']:.2f}×", va="center", fontsize=8)
    ax.set_yticks(positions, names, fontsize=8)
    ax.invert_yaxis()
    ax.set_xscale("log")
    ax.set_xlabel("figure / floor (black tick: target; green: met, red: not met)")
    ax.set_title(title, fontsize=9)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a few seconds per script")
    parser.add_argument("--out", type=Path, default=None, help="where the JSON and PNG go")
    parser.add_argument(
        "--corpus", type=Path, default=None, help="keep (and reuse) corpus_bench's files here"
    )
    parser.add_argument("stages", nargs="*", help="only the scripts whose name contains one")
    args = parser.parse_args(argv)
    # Only a full run replaces the committed results: a quick run or a run of
    # some stages writes to a temporary directory unless --out says where.
    partial = args.quick or bool(args.stages)
    out = args.out or (Path(tempfile.mkdtemp(prefix="gd-bench-")) if partial else RESULTS)
    out.mkdir(parents=True, exist_ok=True)
    stages = [s for s in STAGES if not args.stages or any(n in s[0] for n in args.stages)]
    started = dt.datetime.now(dt.UTC)
    load_before = os.getloadavg()
    failed: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        records = Path(tmp) / "records.jsonl"
        env = {**os.environ, RECORD_ENV: str(records), QUICK_ENV: "1" if args.quick else "0"}
        for script, full, quick in stages:
            print(f"== {script}", flush=True)
            start = time.perf_counter()
            command = [sys.executable, str(HERE / script), *(quick if args.quick else full)]
            if script == "corpus_bench.py" and args.corpus is not None:
                command += ["--keep", str(args.corpus)]
            done = subprocess.run(command, cwd=HERE.parent, env=env, check=False)
            print(f"== {script}: {time.perf_counter() - start:.1f} s, exit {done.returncode}\n")
            if done.returncode:
                failed.append(script)
        found: dict[str, dict[str, Any]] = {}
        if records.exists():
            for line in records.read_text(encoding="utf-8").splitlines():
                item = json.loads(line)
                found[item["key"]] = item
    rows = [row(floor, found.get(floor.key)) for floor in FLOORS]
    load_after = os.getloadavg()
    result = {
        "date": started.strftime("%Y-%m-%d %H:%M UTC"),
        "quick": args.quick,
        "python": platform.python_version(),
        "cores": os.cpu_count(),
        "load_average": [round(load_before[0], 2), round(load_after[0], 2)],
        "rows": rows,
    }
    print(
        f"== every stage against its floor ({result['date']}, Python {result['python']}, "
        f"{result['cores']} cores, load average {load_before[0]:.2f} → {load_after[0]:.2f}"
        + (", QUICK: a smoke test, not a measurement" if args.quick else "")
        + ")"
    )
    print_table(rows)
    (out / "bench.json").write_text(
        json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    chart(rows, out / "bench.png", f"govdisclosure bench, {result['date']}")
    print(f"written: {out / 'bench.json'}, {out / 'bench.png'}")
    if failed:
        print("failed: " + ", ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
