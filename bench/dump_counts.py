#!/usr/bin/env python3
"""The ways of writing a report's JSON counted in machine instructions (callgrind).

Wall and CPU times of the dump on a shared machine move by tens of per
cent between runs (``bench/README.md``); instruction counts do not.  For
each way named on the command line this runs itself twice under
``valgrind --tool=callgrind`` with ``PYTHONHASHSEED=0``: both runs build
the same 100 reports of ``load_bench.py``'s corpus (read from a file this
process writes first), write each once to warm up (generating the
writers), pause the garbage collector, then write all of them once or
three times; the difference of the two totals over 200 is the count per
report (the start-up cancels out).  The ways:

* ``floor``: ``orjson.dumps`` of the ready-made dicts, indented, as
  ``load_bench.py``'s floor;
* ``dumps_bytes``: :func:`govdisclosure.codec.dumps_bytes`;
* ``mirrors``: ``dump_mirror_writer.py`` (the codec's writer making
  dataclass objects with instance dicts instead of dicts);
* ``msgspec_attrs``: msgspec (when installed) encoding the report objects
  natively as attrs classes, compact, cells unchecked: *not* our bytes (no
  ``edition``, a "/" cell as an object, no indentation) — the least any
  msgspec route from the objects costs;
* ``msgspec_attrs_indented``: the same, indented by ``msgspec.json.format``;
* ``msgspec_dicts_indented``: msgspec of the ready-made dicts, indented by
  ``msgspec.json.format`` (our bytes).

``python bench/dump_counts.py [WAY ...]`` (default: every way; each takes
one to two minutes) prints the count per report and its ratio to the
floor; ``--functions N`` also prints, per way, the N functions whose
counts grow most per report (``callgrind_annotate``, inlined parts of a
function named by their file).  Used for the counts of ``bench/README.md``
("Counted in instructions").
"""

from __future__ import annotations

import argparse
import gc
import importlib
import importlib.util
import os
import pickle
import re
import subprocess
import sys
import tempfile
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

BENCH = Path(__file__).resolve().parent
REPORTS = 100
WAYS = (
    "floor",
    "dumps_bytes",
    "mirrors",
    "msgspec_attrs",
    "msgspec_attrs_indented",
    "msgspec_dicts_indented",
)


def writer(
    way: str, reports: list[Any], dicts: list[Any]
) -> tuple[Callable[[Any], Any], list[Any]]:
    """The function timed for ``way`` and what it is given."""
    from govdisclosure import codec

    if way == "floor":
        return (lambda d: orjson.dumps(d, option=orjson.OPT_INDENT_2)), dicts
    if way == "dumps_bytes":
        return codec.dumps_bytes, reports
    if way == "mirrors":
        import dump_mirror_writer

        return dump_mirror_writer.dumps_bytes, reports
    msgspec: Any = importlib.import_module("msgspec")  # optional: not a dependency

    def refuse(value: object) -> object:
        raise TypeError(f"not encodable: {value!r}")

    encode = msgspec.json.Encoder(enc_hook=refuse, decimal_format="string").encode
    indent = msgspec.json.format
    if way == "msgspec_attrs":
        return encode, reports
    if way == "msgspec_attrs_indented":
        return (lambda r: indent(encode(r), indent=2)), reports
    if way == "msgspec_dicts_indented":
        return (lambda d: indent(encode(d), indent=2)), dicts
    raise SystemExit(f"no such way: {way}")


def child(way: str, rounds: int, texts_file: str) -> None:
    from govdisclosure import codec

    texts = pickle.loads(Path(texts_file).read_bytes())
    reports = codec.loads_many(texts)
    dicts = [codec.unstructure(r) for r in reports]
    write, items = writer(way, reports, dicts)
    deque(map(write, items), maxlen=0)  # warm up: writers generated, caches filled
    gc.collect()
    gc.disable()
    for _ in range(rounds):
        deque(map(write, items), maxlen=0)


def _counted(way: str, rounds: int, texts_file: str, out: Path) -> int:
    env = dict(os.environ, PYTHONHASHSEED="0")
    command = [
        "valgrind",
        "--tool=callgrind",
        f"--callgrind-out-file={out}",
        sys.executable,
        __file__,
        "--child",
        way,
        str(rounds),
        texts_file,
    ]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    found = re.search(r"Collected : (\d+)", done.stderr)
    assert found, done.stderr
    return int(found.group(1))


def _by_function(path: Path) -> dict[str, int]:
    shown = subprocess.run(
        ["callgrind_annotate", "--inclusive=no", "--threshold=100", str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    counts: dict[str, int] = {}
    for line in shown.splitlines():
        found = re.match(r"\s*([\d,]+) \([^)]*\)\s+(\S.*)$", line)
        if found and "PROGRAM TOTALS" not in line:
            name = re.sub(r"'\d+", "", found.group(2)).split(" [")[0].split("/")[-1]
            counts[name] = counts.get(name, 0) + int(found.group(1).replace(",", ""))
    return counts


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        child(argv[1], int(argv[2]), argv[3])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("ways", nargs="*", metavar="WAY", help=", ".join(WAYS))
    parser.add_argument("--functions", type=int, default=0, metavar="N")
    args = parser.parse_args(argv)
    args.ways = args.ways or list(WAYS)
    if unknown := [way for way in args.ways if way not in WAYS]:
        parser.error(f"no such way: {', '.join(unknown)} (one of {', '.join(WAYS)})")
    if importlib.util.find_spec("msgspec") is None:
        skipped = [way for way in args.ways if way.startswith("msgspec")]
        if skipped:
            print(f"msgspec is not installed: {', '.join(skipped)} not counted")
        args.ways = [way for way in args.ways if way not in skipped]
    sys.path.insert(0, str(BENCH))
    from load_bench import make_texts

    with tempfile.TemporaryDirectory() as tmp:
        texts_file = Path(tmp) / "texts.pickle"
        texts_file.write_bytes(pickle.dumps(make_texts(REPORTS)))
        per_report: dict[str, float] = {}
        print(f"dump_counts: {REPORTS} reports of load_bench.py's corpus, instructions per report")
        for way in args.ways:
            outs = [Path(tmp) / f"{way}.{rounds}" for rounds in (1, 3)]
            once, thrice = (
                _counted(way, rounds, str(texts_file), out)
                for rounds, out in zip((1, 3), outs, strict=True)
            )
            per_report[way] = (thrice - once) / (2 * REPORTS)
            ratio = per_report[way] / per_report["floor"] if "floor" in per_report else None
            shown = f"  {ratio:.2f}× the floor" if ratio is not None else ""
            print(f"  {way:<24} {per_report[way]:>10,.0f}{shown}", flush=True)
            if args.functions:
                before, after = (_by_function(out) for out in outs)
                grown = {k: (after.get(k, 0) - before.get(k, 0)) / (2 * REPORTS) for k in after}
                for name, count in sorted(grown.items(), key=lambda kv: -kv[1])[: args.functions]:
                    print(f"      {count:>10,.0f}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
