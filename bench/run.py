"""Run every ``bench/*_bench.py`` script and print its output.

``make bench`` calls this.  Each script runs in its own interpreter (so one
benchmark's memory and garbage do not slow the next) with the same Python
as this one; the run stops with a non-zero exit if any script fails.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    scripts = sorted(HERE.glob("*_bench.py"))
    if argv:
        scripts = [s for s in scripts if any(name in s.name for name in argv)]
    failed = []
    for script in scripts:
        print(f"== {script.name}", flush=True)
        start = time.perf_counter()
        result = subprocess.run([sys.executable, str(script)], cwd=HERE.parent, check=False)
        print(f"== {script.name}: {time.perf_counter() - start:.1f} s, exit {result.returncode}\n")
        if result.returncode:
            failed.append(script.name)
    if failed:
        print("failed: " + ", ".join(failed))
        return 1
    if not scripts:
        print("no bench/*_bench.py scripts found")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
