"""The class the compiled narrative checks screen stretches with.

A stretch is searched only if it holds a character of the class; the class
must therefore match every character the checks' statements need (a decimal
digit, or the first character of a negation: ``narrative._HINT``).  It may
match more: a stretch kept for nothing is searched and holds no statement.
Held on every code point of the running Python's Unicode database, and on
the example reports (the same findings whichever class screens the stretches).
"""

from __future__ import annotations

from pathlib import Path

import govdisclosure as gd
from govdisclosure.validation import narrative_compiled
from govdisclosure.validation.narrative import _HINT, CLAUSE_BREAKS
from govdisclosure.validation.narrative_compiled import _hint_or_more
from govdisclosure.validation.paragraphs import Paragraphs

_STRETCH_HINT = _hint_or_more()
EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("**/*.json"))


def test_every_character_of_a_statement_hint_is_kept() -> None:
    missed = [
        hex(c)
        for c in range(0x110000)
        if _HINT.match(chr(c)) is not None and _STRETCH_HINT.match(chr(c)) is None
    ]
    assert missed == []


def test_the_text_of_ideographs_and_punctuation_is_passed_over() -> None:
    # What makes it fast is what it leaves out: the bulk of a report's text.
    for text in ("政府信息公开申请", "，。；：、（）“”《》", "abc XYZ.!?"):
        assert _STRETCH_HINT.search(text) is None, text
    for text in ("共3件", "未收到", "没有", "１２件", "𝟙"):
        assert _STRETCH_HINT.search(text) is not None, text


def test_the_stretches_kept_hold_every_stretch_of_the_exact_hint() -> None:
    for path in EXAMPLES:
        report = gd.load(path)
        words = narrative_compiled._stretch_words(report.edition)
        exact = Paragraphs(report).clauses_of(words, CLAUSE_BREAKS, _HINT)
        kept = Paragraphs(report).clauses_of(words, CLAUSE_BREAKS, _STRETCH_HINT)
        for word in words:
            assert set(exact[word]) <= set(kept[word]), (path.name, word)
