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
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Final, Protocol

__all__ = ["REPORT_NAMES", "title_breaks", "word_bounds"]

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


def title_breaks(text: str, names: Sequence[str]) -> list[set[int]]:
    """Allowed break offsets for a title, strictest first.

    1. between words, with ``names`` and :data:`REPORT_NAMES` whole;
    2. between words, the report's name still whole but a unit's name
       (longer than a line) open at its own words;
    3. between words as the segmenter alone sees them.

    Every tier keeps a year with its 年.  The caller tries each in turn and
    falls back to its own rules (any character) when none fits.
    """
    bounds = word_bounds(text)
    # A number is one word with the date character after it.
    for m in _DATE.finditer(text):
        bounds -= set(range(m.start() + 1, m.end()))
    for k in range(1, len(text)):
        if text[k - 1].isascii() and text[k].isascii() and not text[k - 1].isspace():
            bounds.discard(k)  # inside a Latin word or number (the text breaker's job)

    def inside(spans: list[tuple[int, int]]) -> set[int]:
        out: set[int] = set()
        for a, b in spans:
            out.update(range(a + 1, b))
        return out

    def edges(spans: list[tuple[int, int]]) -> set[int]:
        return {k for a, b in spans for k in (a, b) if 0 < k < len(text)}

    units = _spans(text, names)
    reports = _spans(text, REPORT_NAMES)
    tier1 = (bounds | edges(units) | edges(reports)) - inside(units) - inside(reports)
    tier2 = (bounds | edges(reports)) - inside(reports)
    return [tier1, tier2, bounds]
