"""The stretches of text the narrative checks search, and the searches led by a word.

:meth:`Paragraphs.stretches` finds the stretches around a word with one scan
of the joined text for one character of the word (its key, which may also
occur outside the word) and a short search back for each start,
keeping those that hold a hint (a digit or a negation); the compiled proactive check searches for the words after its lazy
lead first.  Both are held here to the obvious definitions, on texts built
from the pieces that matter (the word, its halves, every clause break,
digits, paragraph ends), short and long enough to take every path.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from govdisclosure import Report2021, ReportingUnit, Section
from govdisclosure.validation.narrative import _HINT, CHECKS, CLAUSE_BREAKS, NarrativeCheck
from govdisclosure.validation.narrative_compiled import _in_stretch, _led
from govdisclosure.validation.paragraphs import Paragraphs, _starts


def plain_spans(texts: list[str], word: str, breaks: str) -> list[tuple[int, int, int]]:
    """Every stretch without ``breaks`` holding ``word``, paragraph by paragraph, once."""
    out: list[tuple[int, int, int]] = []
    for i, text in enumerate(texts):
        start = 0
        for m in re.finditer("[" + re.escape(breaks) + "]|$", text):
            if word in text[start : m.start()]:
                out.append((i, start, m.start()))
            start = m.end()
    return out


PIECES = (
    "申请",
    "申",
    "请",
    "受理",
    "予",
    "不予",
    "以公开",
    "公开",
    "不予公开",
    "1",
    "23",
    "件",
    "x",
    "未",
    " ",
    *CLAUSE_BREAKS,
)
#: Words the stretches are asked of: each is looked for by one of its
#: characters (``key_of``), at its start, in its middle or at its end, and
#: that character also occurs outside the word (申 of 申请, 予 of 不予; 受 is the
#: second character of 理受, read with the one before it).
ASKED = ("申请", "请", "受理", "理受", "不予公开", "予以公开", "公开予", "予予")
#: One to six paragraphs made of the pieces.
PARAGRAPHS = st.lists(
    st.lists(st.sampled_from(PIECES), max_size=60).map("".join), min_size=1, max_size=6
)


def report_of(paragraphs: list[str]) -> Report2021:
    half = len(paragraphs) // 2
    return Report2021(
        unit=ReportingUnit(name="单位"),
        year=2024,
        preamble=tuple(paragraphs[:half]),
        sections=(Section(heading="一、总体情况", paragraphs=tuple(paragraphs[half:])),),
    )


@settings(max_examples=300, deadline=None)
@given(
    PARAGRAPHS,
    st.sampled_from(ASKED),
)
def test_spans_are_the_stretches_holding_the_word(paragraphs: list[str], word: str) -> None:
    text = Paragraphs(report_of(paragraphs))
    expected = plain_spans(text.texts, word, CLAUSE_BREAKS)
    assert text.spans(word, CLAUSE_BREAKS) == expected
    assert text.spans(word, CLAUSE_BREAKS) == expected  # asked again: the same


@settings(max_examples=300, deadline=None)
@given(
    PARAGRAPHS,
    st.sampled_from((*ASKED, "")),
    st.booleans(),
)
def test_stretches_are_the_spans_holding_the_hint_with_the_first_word(
    paragraphs: list[str], word: str, hinted: bool
) -> None:
    """The stretches the narrative checks search: the plain stretches holding
    a digit or a negation, each with the first occurrence of the word."""
    text = Paragraphs(report_of(paragraphs))
    hint = _HINT if hinted else None
    texts = text.texts
    if word:
        spans = plain_spans(texts, word, CLAUSE_BREAKS)
    else:
        spans = [(i, 0, len(t)) for i, t in enumerate(texts)]
    expected = [
        (i, start, end, texts[i].find(word, start, end))
        for i, start, end in spans
        if hint is None or hint.search(texts[i], start, end) is not None
    ]
    assert text.stretches(word, CLAUSE_BREAKS, hint) == expected
    assert text.stretches(word, CLAUSE_BREAKS, hint) == expected  # asked again: the same


@settings(max_examples=300, deadline=None)
@given(
    PARAGRAPHS,
    st.lists(st.sampled_from((*ASKED, "")), max_size=4),
    st.booleans(),
)
def test_stretches_of_words_are_each_words_stretches(
    paragraphs: list[str], words: list[str], hinted: bool
) -> None:
    """The stretches of several words found in one call are each word's own
    (asked of a fresh text, and of one that already knows some)."""
    hint = _HINT if hinted else None
    expected = {
        word: Paragraphs(report_of(paragraphs)).stretches(word, CLAUSE_BREAKS, hint)
        for word in words
    }
    text = Paragraphs(report_of(paragraphs))
    assert text.stretches_of(words, CLAUSE_BREAKS, hint) == expected
    if words:
        text.stretches(words[0], CLAUSE_BREAKS, hint)
    assert text.stretches_of(words, CLAUSE_BREAKS, hint) == expected


def test_the_compiled_checks_cut_every_word_they_search_into_stretches() -> None:
    """The words found at once for an edition are every word a check of that
    edition searches the stretches of, and none of a check led by its tail."""
    from govdisclosure.validation.narrative_compiled import _stretch_words

    for edition in ("2021", "2019", "legacy"):
        applying = [c for c in CHECKS if edition in c.editions]
        words = set(_stretch_words(edition))
        assert {c.needs for c in applying if c.tail is None} <= words
    # The pre-2019 "主动公开政府信息N条" is searched in the whole text, led by its tail.
    assert "主动公开" not in _stretch_words("legacy")


def test_each_word_is_looked_for_by_its_rarest_character_in_the_examples() -> None:
    """A word's key (``key_of``) is a character of it that occurs least often,
    among the word's characters, in the example reports whose edition's checks
    look for the word, as the order of ``_COMMON`` claims (counted over those
    reports): each occurrence of the key outside the word is a step of Python
    for nothing."""
    from pathlib import Path

    import govdisclosure as gd
    from govdisclosure.validation.narrative_compiled import _stretch_words
    from govdisclosure.validation.paragraphs import key_of

    examples = Path(__file__).resolve().parents[2] / "examples"
    reports = [gd.load(f) for f in sorted(examples.glob("**/*.json"))]
    texts = [(r.edition, Paragraphs(r).plain(CLAUSE_BREAKS)) for r in reports]
    words = {w for edition, _ in texts for w in _stretch_words(edition)}
    assert words
    for word in words:
        key, at = key_of(word)
        assert word[at] == key
        searched = [t for edition, t in texts if word in _stretch_words(edition)]
        counts = {ch: sum(t.count(ch) for t in searched) for ch in word}
        assert counts[key] == min(counts.values()), (word, key, counts)


def test_many_stretches_across_paragraphs() -> None:
    """Many stretches in one paragraph and across paragraphs, each found once."""
    paragraphs = ["，".join(["受理申请1件"] * 7), "", "申请；申请:申请。x", "申请"]
    text = Paragraphs(report_of(paragraphs))
    found = text.spans("申请", CLAUSE_BREAKS)
    assert len(found) == 11
    assert found == plain_spans(text.texts, "申请", CLAUSE_BREAKS)


LED = [check for check in CHECKS if check.tail is not None]
WORDS = (
    "本年度我单位通过网站",
    "主动公开",
    "政府",
    "信息",
    "共计",
    "总计",
    "1",
    "23",
    "4,5",
    "条",
    "件",
    "各",
    "县直",
    "去年",
    " ",
    "，",
    ",",
    "。",
    ":",
    "x",
    "及",
)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS), max_size=40).map("".join),
    st.data(),
)
def test_a_search_led_by_the_tail_finds_what_finditer_finds(text: str, data: st.DataObject) -> None:
    assert LED, "no check searches from its tail"
    check = data.draw(st.sampled_from(LED))
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    led = [(m.span(), m.groupdict()) for m in _led(check, text, start, end)]
    plain = [(m.span(), m.groupdict()) for m in check.pattern.finditer(text, start, end)]
    assert led == plain


#: Pieces of the clauses the checks read besides their own word: verbs,
#: numbers, measure words, negations, words a check rejects, what joins
#: them, and every clause break.
CLAUSE_PIECES = (
    "受理",
    "收到",
    "未",
    "没有",
    "行政",
    "1",
    "4,5",
    "１２",
    "件",
    "份",
    "各",
    "去年",
    " ",
    ",",
    "、",
    "及",
    *CLAUSE_BREAKS,
)
STRETCHED = [check for check in CHECKS if check.tail is None]


def clauses(word: str) -> st.SearchStrategy[str]:
    """Clauses stating a count of ``word`` in either order, or none, with
    pieces before, between and after (a comma, a list separator, a break)."""
    filler = st.lists(st.sampled_from(CLAUSE_PIECES), max_size=2).map("".join)
    number = st.sampled_from(("1", "4,5", "１２"))
    measure = st.sampled_from(("件", "份", ""))
    return st.one_of(
        st.tuples(filler, st.just(word), filler, number, measure, filler),
        st.tuples(filler, number, measure, filler, st.just(word), filler),
        st.tuples(filler, st.sampled_from(("未收到", "没有发生")), filler, st.just(word), filler),
    ).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(STRETCHED), st.data())
def test_inside_a_stretch_the_classes_need_not_exclude_the_breaks(
    check: NarrativeCheck, data: st.DataObject
) -> None:
    """A check's pattern searched inside a stretch (between two clause
    breaks, or a paragraph's ends) without the breaks in its classes finds
    what the pattern finds there: the same spans and groups."""
    text = data.draw(st.lists(clauses(check.needs), max_size=4).map("".join))
    fast = re.compile(_in_stretch(check.source))
    start = 0
    for stop in [m.start() for m in re.finditer("[" + CLAUSE_BREAKS + "]", text)] + [len(text)]:
        at = data.draw(st.integers(start, stop))
        found = [(m.span(), m.groupdict()) for m in fast.finditer(text, at, stop)]
        plain = [(m.span(), m.groupdict()) for m in check.pattern.finditer(text, at, stop)]
        assert found == plain
        start = stop + 1


def test_a_long_lead_is_found_whole() -> None:
    """The lazy lead reaches its bound: the match starts 20 characters before the words."""
    text = "共有四十个单位在本年度通过门户网站及其他渠道依法主动公开政府信息123条"
    (check,) = LED
    (m,) = _led(check, text, 0, len(text))
    assert m.group("pre") == text[text.index("主动公开") - 20 : text.index("主动公开")]
    assert [m.span()] == [x.span() for x in check.pattern.finditer(text)]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 3),
            st.lists(st.tuples(st.integers(0, 12), st.integers(0, 2)), max_size=3),
        ),
        max_size=12,
    ),
    st.integers(0, 11),
)
def test_one_path_is_the_path_among_all(
    shape: list[tuple[int, list[tuple[int, int]]]], preamble: int
) -> None:
    """:meth:`Paragraphs.path` writes out the path :attr:`Paragraphs.paths` holds."""
    sections = tuple(
        Section(
            heading=f"{k}",
            paragraphs=("x",) * own,
            subsections=tuple(
                Section(
                    heading="h",
                    paragraphs=("y",) * count,
                    subsections=tuple(Section(heading="s", paragraphs=("z",)) for _ in range(deep)),
                )
                for count, deep in subs
            ),
        )
        for k, (own, subs) in enumerate(shape)
    )
    report = Report2021(
        unit=ReportingUnit(name="单位"), year=2024, preamble=("p",) * preamble, sections=sections
    )
    alone = [Paragraphs(report).path(i) for i in range(len(Paragraphs(report).texts))]
    assert alone == Paragraphs(report).paths


@given(st.lists(st.text(max_size=30), max_size=12))
def test_each_paragraph_starts_where_the_joined_text_holds_it(texts: list[str]) -> None:
    """``_starts``: the offsets the joined text (:meth:`Paragraphs.plain`) is
    located by, one past the end of the paragraph before."""
    joined = "。".join(texts)
    starts = _starts(texts)
    assert len(starts) == len(texts)
    for start, text in zip(starts, texts, strict=True):
        assert joined[start : start + len(text)] == text
        assert start == 0 or joined[start - 1] == "。"


@settings(max_examples=300, deadline=None)
@given(
    PARAGRAPHS,
    st.lists(st.sampled_from(ASKED), max_size=4),
    st.booleans(),
)
def test_clauses_in_the_joined_text_are_the_stretches_of_the_paragraphs(
    paragraphs: list[str], words: list[str], hinted: bool
) -> None:
    """The stretches the compiled checks search in the joined text hold the
    same characters as the stretches in their paragraphs, and the character
    before each is a clause break in both (or none at a paragraph's start).
    (Not the empty word, whose stretch is a whole paragraph, breaks and all:
    no check asks for it.)"""
    hint = _HINT if hinted else None
    text = Paragraphs(report_of(paragraphs))
    clauses = text.clauses_of(words, CLAUSE_BREAKS, hint)
    stretches = Paragraphs(report_of(paragraphs)).stretches_of(words, CLAUSE_BREAKS, hint)
    joined = text.plain(CLAUSE_BREAKS)
    for word in words:
        assert len(clauses[word]) == len(stretches[word])
        for (low, high, first), (i, start, end, at) in zip(
            clauses[word], stretches[word], strict=True
        ):
            paragraph = text.texts[i]
            assert joined[low:high] == paragraph[start:end]
            assert first - low == at - start
            assert low == 0 or joined[low - 1] == CLAUSE_BREAKS[0]
            assert start == 0 or paragraph[start - 1] in CLAUSE_BREAKS
            assert text.locate(low) == (i, low - start)
