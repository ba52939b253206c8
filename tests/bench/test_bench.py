"""The bench itself: one run gives every stage against its floor, and the docs show that run.

The quick run is a smoke test of ``bench/run.py`` (every script runs on a few
reports, the table, JSON and chart are written); its figures are not
asserted — performance is measured by ``make bench``, never by the tests.
What is asserted: every figure defined in ``bench/floors.py`` is measured,
its verdict is the floor's reading of its ratio, and the table in
``docs/performance.md`` is exactly the one generated from
``bench/results/bench.json``.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from locations import ROOT

BENCH = ROOT / "bench"


def _module(name: str) -> ModuleType:
    sys.path.insert(0, str(BENCH))
    try:
        spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(BENCH))


floors = _module("floors")


def test_floor_verdicts_read_the_ratio_in_the_floors_direction() -> None:
    ceiling = floors.by_key("dump")
    assert ceiling.bound == "max" and ceiling.target == 1.3
    assert ceiling.met(1.3) and not ceiling.met(1.31)
    minimum = floors.by_key("batch_rate")
    assert minimum.bound == "min" and minimum.target == 1.7
    assert minimum.met(1.7) and not minimum.met(1.69)
    assert len({f.key for f in floors.FLOORS}) == len(floors.FLOORS)
    with pytest.raises(KeyError):
        floors.by_key("no such figure")


def test_the_docs_show_the_latest_bench_results() -> None:
    done = subprocess.run(
        [sys.executable, str(BENCH / "docs_table.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    result = json.loads((BENCH / "results" / "bench.json").read_text(encoding="utf-8"))
    assert not result["quick"], "the committed results must come from a full run"
    page = (ROOT / "docs" / "performance.md").read_text(encoding="utf-8")
    for row in result["rows"]:
        assert f"| {row['stage']} |" in page
        assert row["verdict"] in ("met", "NOT met"), f"{row['key']} was not measured"


def test_a_quick_run_measures_every_floor_and_writes_json_and_chart(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--quick", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    result = json.loads((tmp_path / "bench.json").read_text(encoding="utf-8"))
    assert result["quick"] is True
    rows = {row["key"]: row for row in result["rows"]}
    assert list(rows) == [f.key for f in floors.FLOORS]
    for floor in floors.FLOORS:
        row = rows[floor.key]
        assert row["figure"] > 0 and row["floor_value"] > 0, floor.key
        ratio = row["figure"] / row["floor_value"]
        # stored rounded to three decimals: within half a unit of the third
        assert row["ratio"] == pytest.approx(ratio, abs=5e-4 + 1e-12)
        assert row["verdict"] == ("met" if floor.met(ratio) else "NOT met")
        assert row["target"] == floor.target_text
        # printed side by side, with the verdict of the one definition
        assert any(
            line.startswith(floor.stage) and line.endswith(row["verdict"])
            for line in done.stdout.splitlines()
        ), floor.key
    assert (tmp_path / "bench.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    # the docs table is generated from such a JSON, and then checks clean
    docs = tmp_path / "performance.md"
    shutil.copy(ROOT / "docs" / "performance.md", docs)
    table = BENCH / "docs_table.py"
    args = ["--json", str(tmp_path / "bench.json"), "--docs", str(docs)]
    check = [sys.executable, str(table), "--check", *args]
    assert subprocess.run(check, capture_output=True, check=False).returncode == 1
    subprocess.run([sys.executable, str(table), *args], check=True)
    assert subprocess.run(check, capture_output=True, check=False).returncode == 0
    page = docs.read_text(encoding="utf-8")
    assert "quick run: a smoke test" in page
    for row in result["rows"]:
        assert f"| {row['stage']} | {row['measured']}" in page
