"""The narrative of a report as paragraphs with their JSON paths.

The rules that read text (completeness, narrative) need to point at the
paragraph they quote, so paragraphs are walked with their paths:
``$.preamble[0]``, ``$.sections[2].paragraphs[1]``,
``$.sections[0].subsections[1].paragraphs[0]``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from functools import cache
from typing import Any

from ..editions import Report
from ..paths import Path, json_path
from ..report_base import Section

__all__ = [
    "Paragraphs",
    "has_text",
    "iter_paragraphs",
    "normalize_heading",
    "section_paragraphs",
]

_SPACE = re.compile(r"\s+")
_NUMBERING = re.compile(r"^[（(]?[一二三四五六七八九十0-9]+[)）]?[、.．:：\s]*")


def normalize_heading(heading: str) -> str:
    """A heading without spaces and without its leading numbering (``一、``)."""
    return _NUMBERING.sub("", _SPACE.sub("", heading), count=1)


def section_paragraphs(section: Section, prefix: Path) -> Iterator[tuple[Path, str]]:
    """Every paragraph of a section and its sub-sections, with paths."""
    for i, text in enumerate(section.paragraphs):
        yield (*prefix, "paragraphs", i), text
    for j, sub in enumerate(section.subsections):
        yield from section_paragraphs(sub, (*prefix, "subsections", j))


def iter_paragraphs(report: Report) -> Iterator[tuple[str, str]]:
    """``(json path, text)`` of the preamble and every section's paragraphs.

    Sub-section headings are yielded too (a heading such as
    “（二）依申请公开情况” can carry a number in some reports).
    """
    for i, text in enumerate(report.preamble):
        yield json_path(("preamble", i)), text
    for i, section in enumerate(report.sections):
        yield from _walk(section, ("sections", i))


def _walk(section: Section, prefix: Path) -> Iterator[tuple[str, str]]:
    for i, text in enumerate(section.paragraphs):
        yield json_path((*prefix, "paragraphs", i)), text
    for j, sub in enumerate(section.subsections):
        yield json_path((*prefix, "subsections", j, "heading")), sub.heading
        yield from _walk(sub, (*prefix, "subsections", j))


class Paragraphs:
    """The paragraphs of one report, read once for every rule that searches them.

    :func:`iter_paragraphs` in two lists (``paths[i]`` is the JSON path of
    ``texts[i]``), and the texts joined into one, so that finding where a
    word occurs is a few C-level scans (:meth:`spans`) instead of one search
    of every paragraph for every pattern.
    """

    __slots__ = (
        "_breaks",
        "_joined",
        "_paths",
        "_sections",
        "_spans",
        "_starts",
        "derived",
        "report",
        "texts",
    )

    def __init__(self, report: Report) -> None:
        self.report = report
        texts = list(report.preamble)
        #: Where each top-level section's texts start in ``texts``.
        sections = []
        for section in report.sections:
            sections.append(len(texts))
            texts.extend(section.paragraphs)
            if section.subsections:  # most sections have none: no call for them
                for sub in section.subsections:
                    texts.append(sub.heading)
                    _collect_texts(sub, texts)
        self.texts = texts
        self._sections = sections
        self._paths: list[str] | None = None
        self._breaks = ""
        self._joined = ""
        self._starts: list[int] = []
        self._spans: dict[
            tuple[str, str, re.Pattern[str] | None], list[tuple[int, int, int, int]]
        ] = {}
        #: What a rule derives from this text for itself, kept with it (one
        #: report's text: never reused for another report).
        self.derived: dict[object, Any] = {}

    @property
    def paths(self) -> list[str]:
        """``paths[i]`` is the JSON path of ``texts[i]`` (written out only
        when asked: most reports' checks quote no paragraph)."""
        if self._paths is None:
            paths = [f"$.preamble[{i}]" for i in range(len(self.report.preamble))]
            for i, section in enumerate(self.report.sections):
                _collect(section, f"$.sections[{i}]", paths)
            self._paths = paths
        return self._paths

    def path(self, i: int) -> str:
        """``paths[i]`` alone, without writing out the others (a finding
        quotes a paragraph or two of a report's dozens)."""
        if self._paths is not None:
            return self._paths[i]
        sections = self._sections
        if not sections or i < sections[0]:
            if i < len(self.report.preamble):
                return f"$.preamble[{i}]"
            raise IndexError(i)
        k = bisect_right(sections, i) - 1
        return _path_in(self.report.sections[k], f"$.sections[{k}]", i - sections[k])

    def spans(self, word: str, breaks: str) -> list[tuple[int, int, int]]:
        """Where ``word`` occurs, as the stretches of text around it without
        any of the characters ``breaks``: ``(paragraph index, start, end)``,
        in the order of the text, each stretch once.

        A pattern whose every match contains ``word`` and none of ``breaks``
        finds the same matches searching ``texts[i][start:end]`` (as
        ``pattern.finditer(texts[i], start, end)``, which also lets a
        look-behind see the character before) as searching all of
        ``texts[i]``.  ``breaks`` must not be empty and ``word`` must hold
        none of them.
        """
        return [(i, start, end) for i, start, end, _ in self.stretches(word, breaks)]

    def stretches(
        self, word: str, breaks: str, hint: re.Pattern[str] | None = None
    ) -> list[tuple[int, int, int, int]]:
        """:meth:`spans` that also hold a match of ``hint`` (every one when
        None), each with where ``word`` first occurs in it: ``(paragraph
        index, start, end, first)`` (cached per report).

        The text is read as one: the paragraphs joined by ``breaks[0]``,
        every other break replaced by it (once per report and ``breaks``),
        so that finding each occurrence of the word and the two ends of
        its stretch are ``str.find`` and ``str.rfind`` (scans in C; the
        regular expression engine reads Chinese text several times slower),
        and the next occurrence is looked for after the stretch's end.
        ``hint`` is looked for in the stretch before its paragraph is: most
        stretches are dropped there.
        """
        key = (word, breaks, hint)
        found = self._spans.get(key)
        if found is None:
            found = self._spans[key] = self.stretches_of((word,), breaks, hint)[word]
        return found

    def stretches_of(
        self, words: Sequence[str], breaks: str, hint: re.Pattern[str] | None = None
    ) -> dict[str, list[tuple[int, int, int, int]]]:
        """:meth:`stretches` of each of ``words``, by word, found in one call
        (not cached: the caller keeps them): :meth:`clauses_of`, each stretch
        placed in its paragraph."""
        out: dict[str, list[tuple[int, int, int, int]]] = {}
        for word, found in self.clauses_of(words, breaks, hint).items():
            placed = out[word] = []
            for low, high, first in found:
                i, start = self.locate(low)
                placed.append((i, low - start, high - start, first - start))
        return out

    def clauses_of(
        self, words: Sequence[str], breaks: str, hint: re.Pattern[str] | None = None
    ) -> dict[str, list[tuple[int, int, int]]]:
        """The stretches of each of ``words`` as :meth:`stretches_of` finds
        them, but as offsets in :meth:`plain` (``(start, end, first)``), not
        placed in their paragraphs: a search of ``plain(breaks)[start:end]``
        finds what the same search of the stretch in its paragraph finds
        (the text between is the same, and the character before it is a
        break in both), so the checks search the joined text and place a
        statement in its paragraph only when it is reported.

        Each word is found by one character of it, its *key*
        (:func:`key_of`): looking for a single character is a ``memchr``
        in C, ten times as fast as looking for a word of two or four
        characters (which ``str.find`` does by comparing at every other
        position).  Where the key occurs, the word is checked in place, and
        the next occurrence is looked for after the stretch's end.  Words
        with the same key (予以公开, 不予公开 and 不予处理 are found by 予)
        are looked for in one scan of it (:func:`_by_key`), each still
        taking a stretch once.
        """
        out: dict[str, list[tuple[int, int, int]]] = {word: [] for word in words}
        text = self.plain(breaks)
        sep = breaks[0]
        find, rfind, startswith = text.find, text.rfind, text.startswith
        size = len(text)
        check = None if hint is None else hint.search
        if "" in out:
            starts = self._paragraph_starts()
            out[""].extend(
                (starts[i], starts[i] + len(paragraph), starts[i])
                for i, paragraph in enumerate(self.texts)
                if check is None or check(paragraph) is not None
            )
        for key, group in _by_key(tuple(out)):
            if len(group) == 1:
                word, offset = group[0]
                found = out[word]
                at = find(key, offset)
                if len(word) == 2:
                    # The word's other character is read beside the key: an
                    # index and a comparison instead of a call of ``startswith``.
                    other = word[1 - offset]
                    step = 1 - 2 * offset
                    while at >= 0:
                        beside = at + step  # never below 0: the key is looked for from ``offset``
                        if beside >= size or text[beside] != other:
                            at = find(key, at + 1)
                            continue
                        first = at - offset
                        high = find(sep, first)
                        if high < 0:
                            high = size
                        low = rfind(sep, 0, first) + 1
                        if check is None or check(text, low, high) is not None:
                            found.append((low, high, first))
                        at = find(key, high + offset)
                    continue
                while at >= 0:  # not at all for most words of most reports
                    first = at - offset
                    if not startswith(word, first):
                        at = find(key, at + 1)
                        continue
                    high = find(sep, first)
                    if high < 0:
                        high = size
                    low = rfind(sep, 0, first) + 1
                    if check is None or check(text, low, high) is not None:
                        found.append((low, high, first))
                    at = find(key, high + offset)
                continue
            # Several words share the key: every occurrence is looked at, and
            # a word's occurrence inside its last stretch is passed over (as
            # the scan of one word skips to the stretch's end).
            ends = dict.fromkeys([word for word, _ in group], 0)
            at = find(key)
            while at >= 0:
                for word, offset in group:
                    first = at - offset
                    if first < ends[word] or not startswith(word, first):
                        continue
                    high = find(sep, first)
                    if high < 0:
                        high = size
                    low = rfind(sep, 0, first) + 1
                    ends[word] = high
                    if check is None or check(text, low, high) is not None:
                        out[word].append((low, high, first))
                at = find(key, at + 1)
        return out

    def locate(self, offset: int) -> tuple[int, int]:
        """The paragraph that an offset in :meth:`plain` falls in, and
        where that paragraph starts there."""
        starts = self._paragraph_starts()
        i = bisect_right(starts, offset) - 1
        return i, starts[i]

    def _paragraph_starts(self) -> list[int]:
        """Where each paragraph starts in :meth:`plain` (worked out on first
        use: most reports' checks place no statement in its paragraph)."""
        if not self._starts:
            self._starts = _starts(self.texts)
        return self._starts

    def plain(self, breaks: str) -> str:
        """The texts joined by ``breaks[0]``, every other character of
        ``breaks`` replaced by it (kept for the last ``breaks`` asked): a
        search for text without breaks finds there what it finds in each
        paragraph, at the paragraph's offset (:meth:`locate`).

        ``str.replace`` of a character the text does not hold returns the
        text itself after one scan for it: no test whether it is there first
        (that was a second scan of every character that is)."""
        if breaks != self._breaks:
            text = breaks[0].join(self.texts)
            for other in breaks[1:]:
                text = text.replace(other, breaks[0])
            self._breaks = breaks
            self._joined = text
        return self._joined


def _starts(texts: list[str]) -> list[int]:
    """Where each of ``texts`` starts once they are joined by one character:
    one past the end of the one before.  A loop: ``accumulate`` over
    ``map((1).__add__, map(len, texts))`` makes three C calls a paragraph,
    and the method wrapper's is slow (3.2 µs against 1.8 µs for the 28
    paragraphs of 上海 2019)."""
    starts = []
    at = 0
    for text in texts:
        starts.append(at)
        at += len(text) + 1
    return starts


#: Characters common in the reports' text, the most common first (counted
#: over the example reports): a word is looked for by its character that
#: comes latest here, or by one not here at all (:func:`key_of`).  Only the
#: speed depends on it; any character of a word finds the same stretches.
_COMMON = "公开政府信息主动理请申不部提以其法议复分处诉无"


@cache
def key_of(word: str) -> tuple[str, int]:
    """The character ``word`` is looked for by (:meth:`Paragraphs.stretches_of`),
    and where it sits in the word: the rarest by :data:`_COMMON`."""
    rank = _COMMON.find
    at = max(range(len(word)), key=lambda k: (rank(word[k]) < 0, rank(word[k]), -k))
    return word[at], at


@cache
def _by_key(words: tuple[str, ...]) -> tuple[tuple[str, tuple[tuple[str, int], ...]], ...]:
    """``words`` but the empty one grouped by their :func:`key_of`: ``(key,
    ((word, where the key sits in it), ...))``, in the order of the words."""
    groups: dict[str, list[tuple[str, int]]] = {}
    for word in words:
        if word:
            key, offset = key_of(word)
            groups.setdefault(key, []).append((word, offset))
    return tuple((key, tuple(group)) for key, group in groups.items())


def _collect(section: Section, prefix: str, paths: list[str]) -> None:
    for i in range(len(section.paragraphs)):
        paths.append(f"{prefix}.paragraphs[{i}]")
    for j, sub in enumerate(section.subsections):
        paths.append(f"{prefix}.subsections[{j}].heading")
        _collect(sub, f"{prefix}.subsections[{j}]", paths)


def _size(section: Section) -> int:
    """How many texts :func:`_collect_texts` takes from ``section``."""
    return len(section.paragraphs) + sum(1 + _size(sub) for sub in section.subsections)


def _path_in(section: Section, prefix: str, at: int) -> str:
    """The path of the ``at``-th text of ``section`` (:func:`_collect`'s order)."""
    if at < len(section.paragraphs):
        return f"{prefix}.paragraphs[{at}]"
    at -= len(section.paragraphs)
    for j, sub in enumerate(section.subsections):
        if at == 0:
            return f"{prefix}.subsections[{j}].heading"
        size = _size(sub)
        if at <= size:
            return _path_in(sub, f"{prefix}.subsections[{j}]", at - 1)
        at -= 1 + size
    raise IndexError(at)


def _collect_texts(section: Section, texts: list[str]) -> None:
    """The texts of :func:`_collect`'s paths, in the same order."""
    texts.extend(section.paragraphs)
    for sub in section.subsections:
        texts.append(sub.heading)
        _collect_texts(sub, texts)


def has_text(section: Section) -> bool:
    """True when the section has a non-blank paragraph or a sub-section.

    A sub-section counts even when only its heading is kept: reports often
    write “（一）主动公开情况。2024年，…” as a heading and its text in one.
    """
    # ``map`` of the method: the loop stays in C (a generator cost twice as much).
    if any(map(str.strip, section.paragraphs)):
        return True
    # A loop, not ``any`` of a generator: sections 二–四 are mostly a heading
    # over their table, without paragraphs or sub-sections, and making a
    # generator to find nothing cost more than the rest of the test.
    for sub in section.subsections:  # noqa: SIM110 - see above
        if sub.heading.strip() or has_text(sub):
            return True
    return False
