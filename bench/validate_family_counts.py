#!/usr/bin/env python3
"""Every-rule validation counted in instructions with some rules left out.

``python bench/validate_family_counts.py COPIES [PREFIX ...]`` validates
``validate_counts.py``'s every-rule corpus (COPIES copies of each example
report, interleaved) with the installed rules passed in, less those whose id
starts with one of the PREFIXes.  Run it under callgrind with the
instrumentation off at start (``--instr-atstart=no``): the script switches it
on (``callgrind_control -i on``) once the corpus is built and every shape
compiled, and off after the loop, so that the total (``Collected``) is the
validation alone plus about a million instructions of the two switches.
Divided by the number of reports, the difference between a run with every
rule and a run without a family is what validating costs more with that
family: shared work (the flat tuple, the paragraphs) is charged to whichever
family is left to do it.

    PYTHONHASHSEED=0 GOVDISCLOSURE_NO_CACHE=1 valgrind --tool=callgrind \\
        --instr-atstart=no python bench/validate_family_counts.py 20 narrative.

Used for the by-family counts of ``bench/README.md`` ("Validation").
"""

from __future__ import annotations

import contextlib
import gc
import os
import subprocess
import sys
from pathlib import Path

import govdisclosure as gd
from govdisclosure.plugin.manager import rules as installed

sys.path.insert(0, str(Path(__file__).resolve().parent))
from validate_counts import every_rule_corpus


def _instrument(on: bool) -> None:
    """Switch callgrind's instrumentation of this process (nothing outside it)."""
    command = ["callgrind_control", "-i", "on" if on else "off", str(os.getpid())]
    # valgrind not installed (OSError): not run under callgrind either.
    with contextlib.suppress(OSError):
        subprocess.run(command, capture_output=True, check=False)


def main() -> None:
    copies = int(sys.argv[1])
    dropped = tuple(p for p in sys.argv[2:] if p)
    rules = tuple(r for r in installed() if not r.id.startswith(dropped or ("\0",)))
    corpus = every_rule_corpus(copies)
    for report in corpus[:20]:  # the plans and the shapes' code, made before counting
        gd.validate(report, rules=rules)
    gc.collect()
    gc.disable()
    _instrument(True)
    for report in corpus:
        gd.validate(report, rules=rules)
    _instrument(False)


if __name__ == "__main__":
    main()
