"""The generated reader and writer against cattrs doing the same work.

The codec reads and writes through code generated per class
(:mod:`govdisclosure.codec.fast_read`, :mod:`govdisclosure.codec.fast_write`)
and keeps a cattrs converter as the reference.  Hand-written generators are
kept only while they are faster than what cattrs offers, so this bench
measures, on the texts of ``load_bench.py`` in the same run:

* read, from already-parsed dicts: the generated reader against the
  reference converter (``detailed_validation=True``: every problem with
  its path) and a converter with the same strict hooks but
  ``detailed_validation=False`` (cattrs' faster mode, stopping at the first
  problem);
* write, to the dicts orjson writes: the generated writer against the
  converter's ``unstructure``.

It also checks ``cattrs.strategies.configure_tagged_union`` for the
variant fields: a tagged union writes a tag key into the JSON, so our
files would change; the bench says whether the output stays byte-identical.

Run ``python bench/converter_bench.py [N]`` (default 2,000).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import orjson
from cattrs.strategies import configure_tagged_union

from govdisclosure import codec
from govdisclosure.codec.fast_read import _fast_report
from govdisclosure.codec.fast_write import _fast_unstructure
from govdisclosure.codec.layouts import layouts_of
from govdisclosure.codec.reference import make_converter
from govdisclosure.editions import Report
from govdisclosure.editions.applications import ApplicantRow, OtherHandling2021
from load_bench import best, make_texts

ROOT = Path(__file__).resolve().parent.parent
#: The union of report types, as the converter is asked for it.
REPORT: Any = Report


def main(n: int = 2_000) -> dict[str, float]:
    texts = make_texts(n)
    dicts = [orjson.loads(t) for t in texts]
    reports = codec.loads_many(texts)
    detailed = codec.converter
    plain = make_converter(detailed_validation=False)
    for data in dicts[:2]:  # the same reports all three ways
        assert (
            _fast_report(data) == detailed.structure(data, REPORT) == plain.structure(data, REPORT)
        )

    def us(seconds: float) -> float:
        return seconds / n * 1e6

    results = {
        "read: generated": us(best(lambda: [_fast_report(d) for d in dicts], paused_gc=True)),
        "read: cattrs, detailed": us(
            best(lambda: [detailed.structure(d, REPORT) for d in dicts], paused_gc=True)
        ),
        "read: cattrs, not detailed": us(
            best(lambda: [plain.structure(d, REPORT) for d in dicts], paused_gc=True)
        ),
        "write: generated": us(
            best(lambda: [_fast_unstructure(r) for r in reports], paused_gc=True)
        ),
        "write: cattrs": us(
            best(lambda: [plain.unstructure(r, REPORT) for r in reports], paused_gc=True)
        ),
    }
    print(f"converter_bench: {n} reports, 2021 edition, from parsed dicts / to dicts")
    print("  (best of 5 runs, GC paused as loads_many does; µs per report)")
    for name, value in results.items():
        print(f"  {name:<28} {value:8.1f} µs")
    generated = results["read: generated"]
    print(
        "  read: cattrs not detailed / generated = "
        f"{results['read: cattrs, not detailed'] / generated:.2f}×,"
        f" detailed / generated = {results['read: cattrs, detailed'] / generated:.2f}×"
    )
    print(
        f"  write: cattrs / generated = {results['write: cattrs'] / results['write: generated']:.2f}×"
    )
    print(f"  configure_tagged_union: {_tagged_union_verdict()}")
    return results


def _tagged_union_verdict() -> str:
    """Whether a converter with tagged unions for the variant fields writes
    the example reports byte for byte as they are."""
    tagged = make_converter(detailed_validation=False)
    union: Any = OtherHandling2021 | ApplicantRow
    layouts = layouts_of(union)
    assert layouts is not None
    configure_tagged_union(union, tagged, default=layouts.official)
    changed = []
    for name in ("huaian-2024.json", "hongze-2024.json"):
        text = (ROOT / "examples" / name).read_bytes()
        report = tagged.structure(orjson.loads(text), REPORT)
        out = orjson.dumps(
            tagged.unstructure(report, REPORT),
            option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE,
        )
        if out != text:
            changed.append(name + (" (adds a _type key)" if b'"_type"' in out else ""))
    if changed:
        return "output changes for " + ", ".join(changed) + ": not usable"
    return "output unchanged"


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2_000)
