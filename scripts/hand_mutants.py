"""Hand-chosen mutations of the arithmetic rules' compiled checks, each run
against the tests that hold those checks to the relations.

mutmut (``make mutants``) cannot reach :mod:`govdisclosure.validation.arithmetic`
usefully: the checks are Python source the module writes and compiles per
report shape, so mutmut's changes to its strings only break the generated
code, and the module's size makes a full run take hours.  This driver makes
the few changes that matter there — a comparison flipped, a term of a sum
dropped, a sign swapped, the ``+ 0`` that makes a lone blank raise removed —
one at a time in the source file, runs the tests, and puts the file back
(docs/testing.md, "Mutation testing").  Usage::

    .venv/bin/python scripts/hand_mutants.py
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARITHMETIC = ROOT / "src" / "govdisclosure" / "validation" / "arithmetic.py"
TESTS = [
    "tests/validation/test_validation_reference.py",
    "tests/validation/test_validation_differences.py",
    "tests/validation/test_validation_class_screen.py",
]

#: (what is changed, the text, its replacement); each text occurs once.
MUTATIONS = [
    (
        "at_most: a part above its total passes",
        '_OPS: Final = {"equal": "!=", "at_most": "<", "channels": ">"}',
        '_OPS: Final = {"equal": "!=", "at_most": "<=", "channels": ">"}',
    ),
    (
        "channels: the comparison reversed",
        '_OPS: Final = {"equal": "!=", "at_most": "<", "channels": ">"}',
        '_OPS: Final = {"equal": "!=", "at_most": "<", "channels": "<"}',
    ),
    (
        "the screen's balance: a sign swapped",
        'return f"{name(t1)} - {name(p1)} + {name(t2)} != {name(p2)}"',
        'return f"{name(t1)} - {name(p1)} - {name(t2)} != {name(p2)}"',
    ),
    (
        "the screen's row total: its first part dropped",
        'rest = "".join(f" - {name(i)}" for i in part[:-1])',
        'rest = "".join(f" - {name(i)}" for i in part[1:-1])',
    ),
    (
        "the screen's long sum: the part after the tuple dropped",
        'start = f", {name(beyond[0])}" if beyond else ""',
        'start = ""',
    ),
    (
        "the check's difference: its last part dropped",
        'return head + " - " + " - ".join(name(i) for i in part)',
        'return head + " - " + " - ".join(name(i) for i in part[:-1])',
    ),
    (
        "a lone cell no longer raises on a blank (+ 0 removed)",
        'return " + ".join(name(i) for i in idx) + (" + 0" if alone else "")',
        'return " + ".join(name(i) for i in idx)',
    ),
    (
        "the long sum of the check: its first part dropped",
        'return f"{head} - sum((" + ", ".join(name(i) for i in part) + "))"',
        'return f"{head} - sum((" + ", ".join(name(i) for i in part[1:]) + "))"',
    ),
]


def main() -> int:
    original = ARITHMETIC.read_text(encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES")}
    env["LANG"] = "C.UTF-8"
    survived = 0
    try:
        for what, old, new in MUTATIONS:
            if original.count(old) != 1:
                print(f"not applied (text not found once): {what}")
                return 2
            ARITHMETIC.write_text(original.replace(old, new), encoding="utf-8")
            run = subprocess.run(
                [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *TESTS],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
            )
            verdict = "killed" if run.returncode == 1 else f"survived (pytest {run.returncode})"
            survived += run.returncode != 1
            print(f"{verdict:<22} {what}", flush=True)
    finally:
        ARITHMETIC.write_text(original, encoding="utf-8")
    print(f"{len(MUTATIONS) - survived} killed, {survived} survived of {len(MUTATIONS)}")
    return 1 if survived else 0


if __name__ == "__main__":
    sys.exit(main())
