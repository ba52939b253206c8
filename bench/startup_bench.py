"""Start-up: whole ``govdisclosure`` processes against a bare interpreter.

What is measured, in the same run, as whole processes (start, import, work,
exit), best of :data:`REPEAT` runs each, alternating so that a busy moment
hits every command alike:

* the floor: ``python -c pass`` with the same interpreter;
* ``govdisclosure --version``, ``govdisclosure --help`` and
  ``govdisclosure validate FILE`` (``examples/huaian-2024.json``, a
  2021-edition report of 14 KiB, one file, ``--jobs 1``).

Each command's figure is its wall time **over** the floor, against a
budget (``startup_*`` in ``bench/floors.py``, which prints the verdict);
the CPU time over the floor's CPU time
is printed beside it, since on a busy machine the wall time mostly
measures the wait for a core: ``--version`` and ``--help`` ≤ 0.1 s, ``validate FILE`` ≤
0.25 s.  The bench also lists which plugin-only libraries (reportlab,
openpyxl, python-docx, pdfplumber, selectolax) ``validate FILE``
imported: none is the point of discovering plugins from their metadata.

Run ``python bench/startup_bench.py [REPEAT]`` (default 15) or ``make bench``.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

from floors import quick, record

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "examples" / "huaian-2024.json"
REPEAT = 15

#: Budgets over the bare interpreter, seconds (the issue's targets; the
#: verdicts come from ``bench/floors.py``).
TARGETS = {"--version": 0.1, "--help": 0.1, "validate FILE": 0.25}
FLOOR_KEYS = {
    "--version": "startup_version",
    "--help": "startup_help",
    "validate FILE": "startup_validate",
}

#: Libraries only a plugin needs: ``validate FILE`` must import none.
PLUGIN_LIBRARIES = ("reportlab", "openpyxl", "docx", "pdfplumber", "selectolax")

_MAIN = "import sys; from govdisclosure.cli import main; sys.argv[0] = 'govdisclosure'; main()"


def _env() -> dict[str, str]:
    # An installed package has its bytecode compiled (pip does it at install
    # time); with PYTHONDONTWRITEBYTECODE set every run would compile the
    # whole package again and measure the compiler, so the bench lets the
    # first (warm-up) run write the .pyc files and times the runs after it.
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("LC_ALL", "LC_MESSAGES", "PYTHONDONTWRITEBYTECODE")
    }
    env["LANG"] = "C.UTF-8"  # the default locale: Chinese, catalogs loaded
    return env


def _command(args: list[str]) -> list[str]:
    return [sys.executable, "-c", _MAIN, *args]


def _time(argv: list[str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one whole process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, check=False, capture_output=True, env=_env())
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def _imported(args: list[str]) -> list[str]:
    """Top-level plugin libraries the command imported (``-X importtime``)."""
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", _MAIN, *args],
        check=False,
        capture_output=True,
        text=True,
        env=_env(),
    )
    names = {line.rsplit("|", 1)[-1].strip() for line in run.stderr.splitlines() if "|" in line}
    return sorted(lib for lib in PLUGIN_LIBRARIES if lib in names)


def main(repeat: int = REPEAT) -> dict[str, float]:
    cases = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "--version": _command(["--version"]),
        "--help": _command(["--help"]),
        "validate FILE": _command(["validate", "--jobs", "1", "--quiet", str(REPORT)]),
    }
    for argv in cases.values():  # warm-up: bytecode written, disk cache filled
        _time(argv)
    best = {name: float("inf") for name in cases}
    cpu = {name: float("inf") for name in cases}
    for _ in range(repeat):
        for name, argv in cases.items():
            wall, used = _time(argv)
            best[name] = min(best[name], wall)
            cpu[name] = min(cpu[name], used)
    floor = best["python -c pass"]
    print(f"startup_bench: whole processes, best of {repeat} runs each (alternating)")
    print(f"  load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(
        f"  {'python -c pass':<16} {floor * 1000:7.1f} ms  (floor)"
        f"      [CPU {cpu['python -c pass'] * 1000:6.1f} ms]"
    )
    for name in TARGETS:
        over = best[name] - floor
        cpu_over = cpu[name] - cpu["python -c pass"]
        print(
            f"  {name:<16} {best[name] * 1000:7.1f} ms  = floor + {over * 1000:6.1f} ms"
            f"  [CPU floor + {cpu_over * 1000:6.1f} ms]"
        )
    for name, target in TARGETS.items():
        cpu_over = cpu[name] - cpu["python -c pass"]
        record(
            FLOOR_KEYS[name],
            best[name] - floor,
            target,
            f"{(best[name] - floor) * 1000:.0f} ms over the bare interpreter"
            f" ({cpu_over * 1000:.0f} ms of CPU); load average {os.getloadavg()[0]:.1f}",
        )
    libraries = _imported(["validate", "--jobs", "1", "--quiet", str(REPORT)])
    print(f"  plugin libraries imported by validate FILE: {', '.join(libraries) or 'none'}")
    return best


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3 if quick() else REPEAT)
