"""The narrative screens' matches are statements, and the reject words are found in one search.

The compiled narrative checks search a stretch first with the word's
*screen*, the alternation of the checks that need the word.  When the screen
matches, its match is taken as a statement at once (and decides the figure
when it agrees with the table): that holds only if the screen's match is,
span and groups, the first match the alternative's own check finds searching
the same stretch from its own start.  Here every screen of every edition is
held to that on stretches made of the sentences real reports write, their
pieces, and hostile text; and :func:`_any_of` to ``any(word in text ...)``.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st
from test_validation_compiled import HOSTILE, REAL_PARAGRAPHS, STATEMENTS

from govdisclosure.validation.narrative import CHECKS, CLAUSE_BREAKS, MEASURE_WORDS, _groups
from govdisclosure.validation.narrative_compiled import (
    _any_of,
    _changed,
    _searched,
    _words,
)

#: Every word's screen of every figure, with the checks it is made of.
WORDS = [
    word
    for group in _groups(CHECKS)
    for word in _words(group)
    if word.screen is not None and word.led is None
]

#: Pieces of text a stretch is made of (no clause break inside a stretch).
PIECES = (
    *(s.replace("{n}", "") for s in STATEMENTS),
    "未收到",
    "没有",
    "收到",
    "行政",
    "及",
    "和",
    "、",
    "或",
    "减少",
    "增加了",
    " ",
    "1",
    "12",
    "3,119",
    "٣",
    *MEASURE_WORDS,
    *HOSTILE,
)


def _stretch(text: str) -> str:
    """``text`` without clause breaks: what a stretch can hold."""
    return re.sub("[" + re.escape(CLAUSE_BREAKS) + "]", "", text)


numbers = st.one_of(st.integers(0, 400).map(str), st.sampled_from(["3,119", "1,2", "٣", "12 "]))


@st.composite
def stretches(draw: st.DrawFn, word: str) -> str:
    """A stretch holding ``word``: pieces of statements (their numbers
    filled in), the word itself, and other pieces, with no clause break."""
    pieces = st.one_of(
        st.sampled_from(STATEMENTS).flatmap(lambda s: numbers.map(lambda n: s.replace("{n}", n))),
        st.sampled_from(PIECES),
        st.just(word),
        st.sampled_from(REAL_PARAGRAPHS).flatmap(
            lambda p: st.sampled_from(re.split("[" + re.escape(CLAUSE_BREAKS) + "]", p))
        ),
        numbers,
    )
    return _stretch(draw(pieces) + word + "".join(draw(st.lists(pieces, max_size=4))))


def test_the_screens_are_made() -> None:
    """Some words have a screen (the test below is not empty)."""
    assert len(WORDS) >= 9


@given(
    st.sampled_from(WORDS).flatmap(lambda w: st.tuples(st.just(w), stretches(w.word))),
    st.text(alphabet="各县市去年", max_size=3),
)
def test_a_screens_match_is_its_checks_first_match(drawn, before: str) -> None:  # type: ignore[no-untyped-def]
    """The screen's match, where there is one, is the first match of the
    check it names, searched as the check searches the stretch: the same
    span, the same groups, the same count and verdicts."""
    word, text = drawn
    screen = word.screen
    paragraph = before + "，" + text
    start, end = len(before) + 1, len(paragraph)
    # Where the word first occurs in the stretch (the checks' leads count from there).
    first = paragraph.find(word.word, start)
    hit = screen.search(
        paragraph, start if word.lead is None else max(start, first - word.lead), end
    )
    if first < 0:
        return
    matches = {}
    for order, check in word.group:
        at = start if check.lead is None else max(start, first - check.lead)
        matches[order] = _searched(check).search(paragraph, at, end)
    if hit is None:
        assert all(m is None for m in matches.values())
        return
    alternative = screen.alternatives[hit.lastindex]
    own = matches[alternative.order]
    assert own is not None
    assert own.span() == hit.span()
    # Every check matching at all matches no earlier than the screen.
    assert all(m is None or m.start() >= hit.start() for m in matches.values())
    check = dict(word.group)[alternative.order]
    names = [g for g in own.re.groupindex if g != "n"]
    assert [hit.group(i) for i in alternative.context] == [own.group(g) for g in names]
    stated = (
        0
        if "n" not in own.re.groupindex or own.group("n") is None
        else int(own.group("n").replace(",", ""))
    )
    assert alternative.count(hit) == stated
    context = "".join(own.group(g) or "" for g in names)
    rejected = any(w in context for w in check.reject)
    assert (alternative.refuse is not None and alternative.rejects(hit)) == rejected
    number = own.re.groupindex.get("n")
    assert _changed(paragraph, hit, alternative.number) == _changed(paragraph, own, number)


@given(
    st.lists(
        st.sampled_from(["复议", "诉讼", "去年", "各", "乡镇", "", "上一年", "公开"]), min_size=1
    ),
    st.text(alphabet="复议诉讼去年各乡镇上一公开", max_size=12),
)
def test_any_of_finds_a_word_exactly_when_one_is_in_the_text(words: list[str], text: str) -> None:
    assert (_any_of(tuple(words))(text) is not None) == any(w in text for w in words)
