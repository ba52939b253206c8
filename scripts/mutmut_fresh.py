"""Run mutmut's changes to code built once per process, each in a new process.

mutmut runs each change in a process forked after the tests were collected
and run once, so what the library builds once per process — the converter
and its hooks (``codec/reference.py``), the generated writers
(``codec/fast_write.py``), the layout variants (``codec/layouts.py``), the
export's layouts (``export/keys.py``) — was built from the unchanged code,
and mutmut calls every change there "survived" (or runs the one test that
happened to build it first).  This driver takes the changes mutmut wrote
into ``mutants/`` (``make mutants`` first) and runs, for each, the given
test files in a new Python process with the change switched on
(``MUTANT_UNDER_TEST``, which mutmut's generated code reads at every call),
stopping at the first failure: a failure kills the change
(docs/testing.md, "Mutation testing").  Usage::

    .venv/bin/python scripts/mutmut_fresh.py 'govdisclosure.export.keys.x__layout*' \\
        --tests tests/export/test_export_keys.py tests/export/test_export.py
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = ROOT / "mutants"


def mutant_names(patterns: list[str]) -> list[str]:
    """The names of the changes mutmut wrote that match any of ``patterns``."""
    names = []
    for meta in sorted((MUTANTS / "src").rglob("*.meta")):
        for name in json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]:
            if any(fnmatch.fnmatchcase(name, p) for p in patterns):
                names.append(name)
    return names


def killed(name: str, tests: list[str]) -> bool:
    """Whether ``tests`` fail with the change ``name`` switched on."""
    env = {**os.environ, "MUTANT_UNDER_TEST": name, "PYTHONPATH": "src"}
    env.pop("LC_ALL", None)
    env.pop("LC_MESSAGES", None)
    command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider"]
    result = subprocess.run(
        [*command, "-p", "no:randomly", *tests],
        cwd=MUTANTS,
        env={**env, "LANG": "C.UTF-8"},
        capture_output=True,
        check=False,
    )
    if result.returncode not in (0, 1, 2):  # 5: no test ran; 3, 4: pytest itself
        raise SystemExit(f"{name}: pytest exited {result.returncode}\n{result.stdout.decode()}")
    return result.returncode != 0  # 2: the tests could not even be collected


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("patterns", nargs="+", help="mutant names or shell patterns")
    parser.add_argument("--tests", nargs="+", required=True, help="test files to run")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    names = mutant_names(args.patterns)
    survivors = []
    with ThreadPoolExecutor(args.jobs) as pool:
        for name, dead in zip(names, pool.map(lambda n: killed(n, args.tests), names), strict=True):
            print(f"{'killed' if dead else 'survived'}: {name}", flush=True)
            if not dead:
                survivors.append(name)
    print(f"{len(names)} changes: {len(names) - len(survivors)} killed, {len(survivors)} survived")


if __name__ == "__main__":
    main()
