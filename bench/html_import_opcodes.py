"""The Python the HTML import runs per pass over the nine portal pages: bytecodes
executed, calls and distinct functions, and the functions that run most.

Counted by the interpreter itself (``sys.settrace`` with per-opcode events)
over one pass of ``import_html(validate_report=False)`` after one warm import
of each page with the proof, so the figures do not move with the machine's
load.  A count of the Python *executed*, not of its cost: a bytecode that
calls into lexbor or allocates costs many times one that loads a local, so
``html_import_count.py`` (instructions under callgrind) is the measure of
cost, and this one says where the interpreter spends its steps.

    python bench/html_import_opcodes.py [--top 30]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from types import FrameType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "plugins" / "govdisclosure-html" / "tests" / "data"


def count(pages: list[bytes]) -> tuple[Counter[str], Counter[str]]:
    """Bytecodes and calls per function over one pass of the import of ``pages``."""
    from govdisclosure_html import import_html

    for data in pages:
        import_html(data, validate_report=True)
    ops: Counter[str] = Counter()
    calls: Counter[str] = Counter()

    def tracer(frame: FrameType, event: str, arg: Any) -> Any:
        if event != "call":
            return None
        code = frame.f_code
        key = f"{Path(code.co_filename).name}:{code.co_firstlineno}:{code.co_name}"
        calls[key] += 1
        frame.f_trace_opcodes = True
        frame.f_trace_lines = False

        def local(frame: FrameType, event: str, arg: Any) -> Any:
            if event == "opcode":
                ops[key] += 1
            return local

        return local

    previous = sys.gettrace()  # a coverage run's, say: put back after
    sys.settrace(tracer)
    try:
        for data in pages:
            import_html(data, validate_report=False)
    finally:
        sys.settrace(previous)
    return ops, calls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--top", type=int, default=30, help="functions listed (default 30)")
    args = parser.parse_args()
    pages = [p.read_bytes() for p in sorted(PAGES.glob("*/page.html"))]
    ops, calls = count(pages)
    print(
        f"nine pages, one pass: {sum(ops.values()):,} bytecodes, {sum(calls.values()):,} calls,"
        f" {len(calls)} distinct functions"
    )
    print(f"{'bytecodes':>10} {'calls':>7}  function")
    for key, n in ops.most_common(args.top):
        print(f"{n:10,} {calls[key]:7,}  {key}")


if __name__ == "__main__":
    main()
