"""How exactly the importers read reports printed the ways other publishers print them.

Builds every variant of :mod:`import_variants` (93: the 2023 portal page,
淮安 2024's Word file, workbook and PDF, four rendered examples, each printed
with a defect found in published reports), imports each through its
plugin's public import function, and prints per variant the cells it
prints, those read exact, invented (a figure that is not the one printed
there), missing, whether every miss is reported with a reason, and whether
the report is of the edition printed; then the totals over every variant
and over the variants that print their tables as tables.  No timing.  A
variant short of what a user relies on (:func:`import_variants.measure.shortfalls`)
is marked ``!`` and makes the exit status 1.

The variants exported to PDF by LibreOffice are listed as not made when
``soffice`` is missing, and the totals then say how many were left out.

Usage: python bench/import_accuracy.py [--json FILE] [WORD ...]
(only the variants whose name contains one of the WORDs, or of a kind named:
HTML, Word, PDF, Excel).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import fields
from pathlib import Path

from import_variants import Score, Total, Variant, run, total, variants
from import_variants.measure import shortfalls
from import_variants.pdf import SofficeMissing


def line(s: Score) -> str:
    """One variant's score as a row of the table, marked ``!`` with its shortfalls."""
    short = shortfalls(s)
    return (
        f"{'!' if short else ' '} {s.variant.kind:<5} {s.variant.name:<66.66} "
        f"{s.exact:>4}/{s.printed:<4} inv {s.invented:<2} miss {s.missing:<4} "
        f"reason {'yes' if s.reasoned else 'NO ':<3} unnamed {s.unaccounted:<3} "
        f"edition {'yes' if s.edition else 'no ':<3} {','.join(s.codes)}"
        + (f"  << {'; '.join(short)}" if short else "")
    )


def summary(label: str, t: Total) -> str:
    """A total as the bench prints it."""
    return (
        f"{label:<36} {t.variants:>3} variants  {t.exact:>6,} of {t.printed:>6,} printed cells exact "
        f"({t.share:.2f}%)  invented {t.invented}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "words",
        nargs="*",
        help="only variants whose name contains one, or of a kind named (HTML, Word, PDF, Excel)",
    )
    parser.add_argument("--json", type=Path, help="write every score to this file")
    args = parser.parse_args(argv)
    chosen: list[Variant] = [
        v
        for v in variants()
        if not args.words or any(w in v.name or w == v.kind for w in args.words)
    ]
    scores: list[Score] = []
    left_out: list[str] = []
    for variant in chosen:
        try:
            scores.append(run(variant))
        except SofficeMissing as missing:
            left_out.append(variant.name)
            print(f"- {variant.kind:<5} {variant.name:<66.66} not made: {missing}")
            continue
        print(line(scores[-1]), flush=True)
    print()
    print(summary("all variants", total(scores)))
    print(
        summary(
            "variants printing tables as tables", total([s for s in scores if s.variant.tables])
        )
    )
    print(
        f"edition right in {sum(s.edition for s in scores)} of {len(scores)} "
        f"(no report: {sum(not s.report for s in scores)}); "
        f"every miss reported with a reason: {'yes' if all(s.reasoned for s in scores) else 'NO'}, "
        f"named: {'yes' if not any(s.unaccounted for s in scores) else 'NO'}; "
        f"variants short of what a user relies on: {sum(bool(shortfalls(s)) for s in scores)}"
    )
    if left_out:
        print(
            f"NOT MEASURED: {len(left_out)} variants need LibreOffice (soffice): {', '.join(left_out)}"
        )
    if args.json:
        rows = [
            {f.name: getattr(s, f.name) for f in fields(s) if f.name != "variant"}
            | {"name": s.variant.name, "kind": s.variant.kind, "tables": s.variant.tables}
            for s in scores
        ]
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), "utf-8")
    return 1 if left_out or any(shortfalls(s) for s in scores) else 0


if __name__ == "__main__":
    sys.exit(main())
