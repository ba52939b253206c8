"""The terminal's line breaker against a UAX #14 library, on our own messages.

``govdisclosure.cli._wrap`` breaks a message where a reader breaks it
(docs/cli.md, "Tables").  This script measures what replacing it with
``uniseg.linebreak`` (the Unicode line breaking algorithm, UAX #14) would do,
on every message ``validate`` shows for the repository's reports and the
lines it prints around them, in both locales:

* **UAX #14 alone**: the breaks it allows that ours does not, by kind (inside
  a run of Latin text — a path, a rule id, an option; at a space beside a
  Chinese character, ``0 项``), and the other way round;
* **UAX #14 with our no-break spans kept** (no break inside a run of
  printable ASCII without spaces, none at a space beside a Chinese
  character): where its breaks still differ from ours;
* each wrapped at 20, 30, 40 and 56 columns: how many wrapped messages differ
  from ours, and the instructions (``--count``, under callgrind) each takes.

``uniseg`` is not a dependency of the library: ``pip install uniseg`` first.

    .venv/bin/python bench/wrap_uax14.py            # the comparison
    valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        .venv/bin/python bench/wrap_uax14.py --count ours [--rounds 2]  # or: uniseg, none
"""

from __future__ import annotations

import argparse
import importlib
import itertools
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from rich.cells import cell_len, chop_cells

import govdisclosure as gd
from govdisclosure.check import check
from govdisclosure.cli._wrap import pieces, wrap
from govdisclosure.cli.validate import _relations

ROOT = Path(__file__).resolve().parent.parent
WIDTHS = (20, 30, 40, 56)
LOCALES = ("zh_Hans_CN", "en")


def messages() -> list[str]:
    """Every distinct message ``validate`` shows for the repository's reports
    (examples, their pages, a blank report of each edition), in both locales,
    and the count line printed above each table."""
    paths = sorted(
        [*ROOT.glob("examples/*.json"), *ROOT.glob("examples/consolidation/*.json")]
    ) + sorted(ROOT.glob("examples/pages/*.html"))
    reports = [gd.load(p) for p in paths]
    reports += [
        gd.blank_report("2021", 2025, "某县人民政府"),
        gd.blank_report("2019", 2020, "某市"),
    ]
    out: dict[str, None] = {}
    for report in reports:
        result = check(report)
        for locale in LOCALES:
            for finding in result.findings:
                out[finding.message(locale)] = None
            out["  " + _relations(locale, result.counts)] = None
    return list(out)


def _wide(char: str) -> bool:
    import unicodedata

    return unicodedata.east_asian_width(char) in ("W", "F")


def ours(text: str) -> set[int]:
    """Where :func:`govdisclosure.cli._wrap.pieces` lets a line break."""
    cuts: set[int] = set()
    at = 0
    for piece in pieces(text)[:-1]:
        at += len(piece)
        cuts.add(at)
    return cuts


def uax14(text: str) -> set[int]:
    """Where UAX #14 lets a line break (uniseg), the text's ends and indent left out."""
    linebreak: Any = importlib.import_module("uniseg.linebreak")  # optional: not a dependency
    boundaries = linebreak.line_break_boundaries(text)
    return {i for i in boundaries if 0 < i < len(text) and text[:i].strip()}


_LATIN_RUN = re.compile(r"[!-~]+")
_SPACES = re.compile(r" +")


def spans_kept(text: str) -> Callable[[int], bool]:
    """Our no-break spans: inside a run of printable ASCII without spaces (a
    date, an amount, a path, a rule id, an option), and after spaces beside a
    Chinese character (``0 项``, ``2024 年``)."""
    inside: set[int] = set()
    for match in _LATIN_RUN.finditer(text):
        inside.update(range(match.start() + 1, match.end()))
    for match in _SPACES.finditer(text):
        before = text[match.start() - 1] if match.start() else ""
        after = text[match.end()] if match.end() < len(text) else ""
        if (before and _wide(before)) or (after and _wide(after)):
            inside.add(match.end())
    return lambda i: i not in inside


def uax14_kept(text: str) -> set[int]:
    keep = spans_kept(text)
    return {i for i in uax14(text) if keep(i)}


def kind(text: str, i: int) -> str:
    """What a break at ``i`` falls in, for the tallies."""
    before, after = text[i - 1], text[i]
    if (
        before != " "
        and after != " "
        and _LATIN_RUN.fullmatch(before)
        and _LATIN_RUN.fullmatch(after)
    ):
        return "inside Latin text"
    if before == " " and (_wide(after) or _wide(text[i - 2] if i > 1 else "")):
        return "at a space beside Chinese"
    if before == " ":
        return "at a space between Latin words"
    if after in "，。、；：！？）】》〉」』”’…,.;:!?)]}":
        return "before closing punctuation"
    if before in "（【《〈「『“‘([{":
        return "after opening punctuation"
    if _wide(before) and _wide(after):
        return "between Chinese characters"
    return "between Chinese and Latin text"


def lines(text: str, cuts: set[int], width: int) -> list[str]:
    """``text`` broken greedily at ``cuts`` into lines of ``width`` cells
    (a piece wider than the line is folded), as :func:`wrap` does."""
    bounds = [0, *sorted(cuts), len(text)]
    parts = [text[a:b] for a, b in itertools.pairwise(bounds)]
    out: list[str] = []
    line = ""
    for part in parts:
        if cell_len((line + part).rstrip(" ")) <= width:
            line += part
            continue
        if line.strip(" "):
            out.append(line.rstrip(" "))
        line = part
        while cell_len(line.rstrip(" ")) > width:
            first, *_ = chop_cells(line, width)
            out.append(first)
            line = line[len(first) :]
    out.append(line.rstrip(" "))
    return out


def _examples(found: Iterator[tuple[str, int]], limit: int = 2) -> list[str]:
    shown = []
    for text, i in found:
        shown.append(f"{text[max(0, i - 12) : i]}|{text[i : i + 12]}")
        if len(shown) == limit:
            break
    return shown


def compare(texts: list[str]) -> None:
    print(f"{len(texts)} messages, {sum(len(t) for t in texts):,} characters")
    for name, other in (("UAX #14 alone", uax14), ("UAX #14, our spans kept", uax14_kept)):
        extra: Counter[str] = Counter()
        missing: Counter[str] = Counter()
        where_extra: dict[str, list[tuple[str, int]]] = {}
        where_missing: dict[str, list[tuple[str, int]]] = {}
        for text in texts:
            a, b = ours(text), other(text)
            for i in sorted(b - a):
                extra[kind(text, i)] += 1
                where_extra.setdefault(kind(text, i), []).append((text, i))
            for i in sorted(a - b):
                missing[kind(text, i)] += 1
                where_missing.setdefault(kind(text, i), []).append((text, i))
        print(f"\n{name}: breaks ours does not allow: {sum(extra.values())}")
        for k, n in extra.most_common():
            print(f"  {n:5}  {k}   e.g. {_examples(iter(where_extra[k]))}")
        print(f"{name}: breaks ours allows and it does not: {sum(missing.values())}")
        for k, n in missing.most_common():
            print(f"  {n:5}  {k}   e.g. {_examples(iter(where_missing[k]))}")
        for width in WIDTHS:
            differ = sum(lines(t, other(t), width) != wrap(t, width) for t in texts)
            print(f"  at {width} columns: {differ} of {len(texts)} messages wrapped otherwise")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--count",
        choices=("none", "ours", "uniseg"),
        help="only wrap, for callgrind (none: the messages alone, to subtract)",
    )
    parser.add_argument(
        "--rounds", type=int, default=1, help="wrap every message at every width this often"
    )
    args = parser.parse_args()
    texts = messages()
    if args.count is None:
        compare(texts)
        return
    if args.count == "none":
        return
    breaker: Callable[[str, int], list[str]] = (
        wrap if args.count == "ours" else (lambda t, w: lines(t, uax14_kept(t), w))
    )
    for _ in range(args.rounds):
        for width in WIDTHS:
            for text in texts:
                breaker(text, width)
    print(f"{args.rounds * len(texts) * len(WIDTHS)} wraps", file=sys.stderr)


if __name__ == "__main__":
    main()
