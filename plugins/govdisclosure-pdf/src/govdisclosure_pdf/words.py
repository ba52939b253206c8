"""Where a title may be broken: between words, never inside one (GB/T 9704 7.3.1).

A title of more than one line must keep its words whole (词意完整): "上海市人民
政府办公厅 / 政府信息公开工作年度报告", never "…办公 / 厅政府…".  Chinese has
no spaces, so the words come from a segmenter, jieba (its dictionary takes
about 0.6 s to load, so it is loaded only when a title needs more than one
line, once per process).  On top of its words:

* the unit's name and the name of the report (政府信息公开工作年度报告 and
  its variants) are kept whole, whatever the segmenter says inside them;
* a year stays with its 年 (and a date with its 月 and 日);
* :func:`title_breaks` gives the allowed positions in three widening tiers
  (whole names, then words inside a name, then every character) so that a
  name longer than a line can still be set.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from typing import Final, Protocol

__all__ = ["REPORT_NAMES", "edges", "inside", "title_breaks", "word_bounds"]

#: Names of the report that a title keeps on one line.
REPORT_NAMES: Final = (
    "政府信息公开工作年度报告",
    "政府信息公开年度报告",
    "政府信息公开工作报告",
    "政府信息公开工作年报",
    "政务公开工作年度报告",
)
#: A year, month or day and its character: 2024年, 2024年度, 1月20日.
_DATE: Final = re.compile(r"\d+(?:年度|年|月|日)")


class _Segmenter(Protocol):
    def tokenize(self, text: str) -> Iterable[tuple[str, int, int]]: ...


@cache
def _segmenter() -> _Segmenter:
    import jieba  # type: ignore[import-untyped]

    jieba.setLogLevel(logging.WARNING)
    tokenizer: _Segmenter = jieba.Tokenizer()
    return tokenizer


def word_bounds(text: str) -> set[int]:
    """Offsets between two of the segmenter's words (0 and ``len(text)`` excluded)."""
    if not text:
        return set()
    return {start for _, start, _ in _segmenter().tokenize(text) if start > 0}


def _spans(text: str, phrases: Iterable[str]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for phrase in phrases:
        if not phrase:
            continue
        start = text.find(phrase)
        while start >= 0:
            out.append((start, start + len(phrase)))
            start = text.find(phrase, start + 1)
    return out


def title_breaks(text: str, names: Sequence[str]) -> Iterator[set[int]]:
    """Allowed break offsets for a title, strictest first (lazily).

    1. between words, with ``names`` and :data:`REPORT_NAMES` whole;
    2. between words, the report's name still whole but a unit's name
       (longer than a line) open at its own words;
    3. between words as the segmenter alone sees them.

    Every tier keeps a year with its 年.  The caller tries each in turn and
    falls back to its own rules (any character) when none fits.  A title
    made only of names, the report's name and a year (淮安市人民政府 +
    2024年 + 政府信息公开工作年度报告) needs no segmenter for the first
    tier, so the dictionary is loaded only when a title has other words or
    does not fit that way.
    """
    units = _spans(text, names)
    reports = _spans(text, REPORT_NAMES)
    dates = [(m.start(), m.end()) for m in _DATE.finditer(text)]
    whole = inside(units) | inside(reports) | inside(dates)
    covered = {k for a, b in (*units, *reports, *dates) for k in range(a, b)}
    if all(k in covered or text[k].isspace() for k in range(len(text))):
        yield edges(text, [*units, *reports, *dates]) - whole
    bounds = word_bounds(text) - inside(dates)
    for k in range(1, len(text)):
        if text[k - 1].isascii() and text[k].isascii() and not text[k - 1].isspace():
            bounds.discard(k)  # inside a Latin word or number (the text breaker's job)
    yield (bounds | edges(text, units) | edges(text, reports)) - whole
    yield (bounds | edges(text, reports)) - inside(reports) - inside(dates)
    yield bounds


def inside(spans: Sequence[tuple[int, int]]) -> set[int]:
    """Offsets strictly inside any of ``spans`` (a break there would cut it)."""
    out: set[int] = set()
    for a, b in spans:
        out.update(range(a + 1, b))
    return out


def edges(text: str, spans: Sequence[tuple[int, int]]) -> set[int]:
    """The ends of ``spans`` that are positions between two characters of ``text``."""
    return {k for a, b in spans for k in (a, b) if 0 < k < len(text)}
