#!/usr/bin/env python3
"""Write docs/rules.md, the rule catalog, from the core's rules.

Usage::

    python scripts/gen_rule_docs.py          # (re)write docs/rules.md
    python scripts/gen_rule_docs.py --check  # exit 1 if docs/rules.md is out of date

The catalog is generated, never edited by hand, so that it cannot drift
from the rules (tests/validation/test_validation_docs.py runs the check).  Only the
core's rules are listed: installed plugins would make the file depend on
the machine.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from govdisclosure.plugin.builtin import core_rules
from govdisclosure.validation.catalog import render_catalog

TARGET = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check; change nothing")
    args = parser.parse_args(argv)
    text = render_catalog(core_rules())
    current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else None
    if args.check:
        if current != text:
            print(f"{TARGET} is out of date: run python scripts/gen_rule_docs.py", file=sys.stderr)
            return 1
        return 0
    if current != text:
        TARGET.write_text(text, encoding="utf-8")
        print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
