#!/usr/bin/env python3
"""Validation's findings at a git revision and here, report by report, exactly.

A change made for speed must not move a single finding.  This script draws
reports with the library's Hypothesis strategies once (``--drawn``, written
to a temporary directory, as ``validate_mypyc_ab.py`` draws them), then runs
one worker process on the code of ``--ref`` (``git archive`` of its ``src``,
put first on ``PYTHONPATH``) and one on this checkout, each writing, for the
example reports (the real reports of every edition) and every drawn report,
under both blank policies: ``gd.validate``'s findings (``to_dict()``, in
order), ``gd.check``'s findings and its relation outcomes.  The two outputs
are compared line by line; the first report that differs is printed and the
exit status is 1.  No timing.

Usage: python bench/validate_compare.py [--ref REV] [--drawn 400]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def worker(drawn: Path, out: Path) -> None:
    """Write one JSON line per report and blank policy (the code imported)."""
    import govdisclosure as gd
    from govdisclosure.check import check

    files = [*sorted(EXAMPLES.glob("**/*.json")), *sorted(drawn.glob("*.json"))]
    with out.open("w", encoding="utf-8") as lines:
        for f in files:
            report = gd.load(f)
            for blank in ("missing", "zero"):
                found = gd.validate(report, blank=blank)
                checked = check(report, blank=blank)
                line = {
                    "file": f.name,
                    "blank": blank,
                    "validate": [x.to_dict() for x in found],
                    "check": [x.to_dict() for x in checked.findings],
                    "outcomes": [repr(o) for o in checked.outcomes],
                }
                lines.write(json.dumps(line, ensure_ascii=False, default=str) + "\n")


def source_at(ref: str, into: Path) -> Path:
    """``src`` of ``ref``, unpacked under ``into``."""
    data = subprocess.run(
        ["git", "-C", str(ROOT), "archive", ref, "src"], check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(data)) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ref", default="main")
    parser.add_argument("--drawn", type=int, default=400)
    parser.add_argument("--worker", nargs=2, metavar=("DRAWN", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(Path(args.worker[0]), Path(args.worker[1]))
        return 0
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from validate_mypyc_ab import draw

    with tempfile.TemporaryDirectory() as tmp:
        drawn = Path(tmp) / "drawn"
        drawn.mkdir()
        draw(drawn, args.drawn)
        outputs = {}
        for name, path in (("ref", source_at(args.ref, Path(tmp) / "ref")), ("here", None)):
            env = dict(os.environ)
            if path is not None:
                env["PYTHONPATH"] = os.pathsep.join(
                    filter(None, [str(path), env.get("PYTHONPATH")])
                )
            out = Path(tmp) / f"{name}.jsonl"
            subprocess.run(
                [sys.executable, __file__, "--worker", str(drawn), str(out)], check=True, env=env
            )
            outputs[name] = out.read_text(encoding="utf-8").splitlines()
        ref, here = outputs["ref"], outputs["here"]
        reports = len(ref) // 2
        if len(ref) != len(here):
            print(f"different numbers of lines: {len(ref)} at {args.ref}, {len(here)} here")
            return 1
        for a, b in zip(ref, here, strict=True):
            if a != b:
                print(f"differs at {args.ref}:\n{a}\nhere:\n{b}")
                return 1
        findings = sum(len(json.loads(line)["validate"]) for line in here)
        print(
            f"{reports} reports ({len(list(EXAMPLES.glob('**/*.json')))} examples,"
            f" {reports - len(list(EXAMPLES.glob('**/*.json')))} drawn), both blank policies:"
            f" validate() and check() findings and outcomes identical at {args.ref} and here"
            f" ({findings} findings from validate())"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
