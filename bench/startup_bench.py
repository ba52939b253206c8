"""Start-up: whole ``govdisclosure`` processes against a bare interpreter.

What is measured, in the same run, as whole processes (start, import, work,
exit), best of :data:`REPEAT` runs each, alternating so that a busy moment
hits every command alike:

* the floor: ``python -c pass`` with the same interpreter;
* ``govdisclosure --version``, ``govdisclosure --help`` and
  ``govdisclosure validate FILE`` (``examples/huaian-2024.json``, a
  2021-edition report of 14 KiB, one file, ``--jobs 1``).

Each command's figure is its time **over** the floor, against the targets
of issue 10: ``--version`` and ``--help`` ≤ 0.1 s, ``validate FILE`` ≤
0.25 s.  The bench also lists which plugin-only libraries (reportlab,
openpyxl, python-docx, pdfplumber, selectolax) ``validate FILE``
imported: none is the point of discovering plugins from their metadata.

Run ``python bench/startup_bench.py [REPEAT]`` (default 15) or ``make bench``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "examples" / "huaian-2024.json"
REPEAT = 15

#: Targets over the bare interpreter, seconds.
TARGETS = {"--version": 0.1, "--help": 0.1, "validate FILE": 0.25}

#: Libraries only a plugin needs: ``validate FILE`` must import none.
PLUGIN_LIBRARIES = ("reportlab", "openpyxl", "docx", "pdfplumber", "selectolax")

_MAIN = "import sys; from govdisclosure.cli import main; sys.argv[0] = 'govdisclosure'; main()"


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES")}
    env["LANG"] = "C.UTF-8"  # the default locale: Chinese, catalogs loaded
    return env


def _command(args: list[str]) -> list[str]:
    return [sys.executable, "-c", _MAIN, *args]


def _time(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=False, capture_output=True, env=_env())
    return time.perf_counter() - start


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
    best = {name: float("inf") for name in cases}
    for _ in range(repeat):
        for name, argv in cases.items():
            best[name] = min(best[name], _time(argv))
    floor = best["python -c pass"]
    print(f"startup_bench: whole processes, best of {repeat} runs each (alternating)")
    print(f"  {'python -c pass':<16} {floor * 1000:7.1f} ms  (floor)")
    for name, target in TARGETS.items():
        over = best[name] - floor
        verdict = "met" if over <= target else "NOT met"
        print(
            f"  {name:<16} {best[name] * 1000:7.1f} ms  = floor + {over * 1000:6.1f} ms"
            f"  (target ≤ +{target * 1000:.0f} ms: {verdict})"
        )
    libraries = _imported(["validate", "--jobs", "1", "--quiet", str(REPORT)])
    print(f"  plugin libraries imported by validate FILE: {', '.join(libraries) or 'none'}")
    return best


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else REPEAT)
