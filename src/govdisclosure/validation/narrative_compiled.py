"""The narrative checks compiled per shape, and searched only where a statement can be.

:func:`~.narrative.plain_check` derives every figure from the report's
objects and searches every paragraph with every pattern: the reference.
Here what does not depend on a report's values is worked out once per rule
and shape (:class:`_Figure`: which cells, their JSON paths, the label, a
reader of the flat tuple of cells, the checks grouped by the word they
need, with one *screen* per word), and a report's text is searched only
where a statement can be:

* the stretches between two clause breaks around each word the checks need
  and holding a digit or a negation
  (:meth:`~.paragraphs.Paragraphs.clauses_of`), found for every word of
  the edition's checks in one call per report, for every rule (the
  context's shared paragraphs keep them), each word by the scan for one
  rare character of it; a figure none of whose words has a stretch is
  passed over at once;
* a stretch is first searched by the word's screen, the alternation of
  every pattern of the figure that needs that word: a stretch the screen
  does not match holds no statement of the figure (an alternation matches
  wherever one of its patterns does), and most stretches hold none;
* inside a stretch the patterns are searched without the clause breaks in
  their classes (:func:`_in_stretch`: none occurs there), a third faster;
* a word needed by a single check led by a word of its own (the pre-2019
  "主动公开政府信息N条") is not cut into stretches: that check searches the
  whole text at once, the engine skipping to its words as ``str.find``
  does, matches once where the clause around them starts (:func:`_led`),
  and each match is read again in its paragraph;
* a figure's cells are read at its first statement, and the figure stops
  at the first statement that agrees with its table (the reference reports
  a figure only when no statement agrees, whatever the others say) or, when
  every cell is blank (nothing to compare with), at once (with one
  statement when the caller records outcomes: "not checkable");
* a stretch is searched where it lies in the text joined with every break
  made one (what lies between its ends is the same as in its paragraph),
  and a statement is placed in its paragraph only for a figure that is
  reported (:func:`_placed`);
* a screen's match is itself a statement (:class:`_Screen`): when it
  agrees with the table, the figure is decided without searching the
  stretch again check by check;
* the statements are put in the text's order, which needs the paragraphs'
  JSON paths, only for a figure that is reported, and only the paths of the
  paragraphs it quotes are written out.

The findings and outcomes are exactly the reference's (the tests hold the
two to each other on generated reports of every edition).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from functools import cache, cached_property, partial
from typing import Any

from attrs import frozen

from ..cells import CellValue
from ..editions import Report
from ..paths import json_path
from .findings import Finding, Label
from .narrative import (
    _CHANGE_BEFORE,
    _NEGATION,
    CLAUSE_BREAKS,
    NOT_CLAUSE,
    NarrativeCheck,
    _a_change,
    _compiled,
    _get,
    _groups,
    _judge,
    _value,
    stated,
)
from .outcomes import Outcome, RelationOutcome
from .paragraphs import Paragraphs
from .rules import Context
from .shared import cell_values, paragraphs, reader, shape

__all__ = ["compiled_check"]

Search = Callable[[str, int, int], Iterator[re.Match[str]]]


@cache
def _any_of(words: tuple[str, ...]) -> Callable[[str], re.Match[str] | None]:
    """A search finding one of ``words`` in a text, whichever: the
    alternation of the words, one call in C where ``any(map(text.__contains__,
    words))`` makes one per word (20 words, the applications' reject words:
    about 2.2 µs against 0.25 µs a text).  It finds something exactly when
    one of the words is in the text (an empty word is in every text, and the
    empty alternative matches every text)."""
    return re.compile("|".join(map(re.escape, words))).search


@frozen(eq=False)
class _Search:
    """One check of a figure, ready to search a stretch.

    ``order`` is the check's place among the figure's checks: statements
    found at the same place by two checks are taken in that order, as the
    reference takes them.
    """

    finditer: Search
    lead: int | None
    reject: tuple[str, ...]
    order: int
    #: The groups of the pattern that the reject words are looked for in
    #: (every one but the number's, as ``narrative._rejected`` reads them).
    context: tuple[str, ...] = ()
    #: Whether the pattern reads a number (group ``n``); a sentence saying
    #: none was received reads none and states 0.
    numbered: bool = True
    #: :func:`_any_of` the reject words (None when there are none).
    refuse: Callable[[str], re.Match[str] | None] | None = None

    def count(self, m: re.Match[str]) -> int:
        """:func:`~.narrative.stated`, the pattern's groups known."""
        if not self.numbered:
            return 0
        n = m.group("n")
        return 0 if n is None else int(n.replace(",", ""))

    def rejects(self, m: re.Match[str]) -> bool:
        """``narrative._rejected(reject, m)``, the groups to read named once."""
        refuse = self.refuse
        if refuse is None:
            return False
        if len(self.context) == 1:
            text = m.group(self.context[0]) or ""
        else:
            text = "".join([g for g in m.group(*self.context) if g])
        return refuse(text) is not None


@frozen(eq=False)
class _Word:
    """The checks of a figure that need one word, and their screen.

    ``lead`` is the largest lead of the checks (None when one is
    unbounded): the screen searches from there, before every check's start.

    The patterns are compiled on first use, not when the figure is made: a
    report states few of its figures, so a one-file run reaches the screen
    of about one word in six (3 of the 18 made for ``examples/huaian-2024``),
    and compiling a pattern of CJK classes costs about 0.5 ms, more than
    searching the report does.  Once compiled, each is an attribute like
    any other (:func:`functools.cached_property` on a slotted class).
    """

    word: str
    #: The checks that need the word, each with its place among the figure's.
    group: tuple[tuple[int, NarrativeCheck], ...]
    lead: int | None
    #: The single check led by its tail (:func:`_led`), if that is what the
    #: word has: the whole text is searched at once (:attr:`whole`).
    led: NarrativeCheck | None = None

    @cached_property
    def screen(self) -> _Screen | None:
        """The alternation of the checks' patterns; None when a single check
        needs the word (searching the stretch once is all a screen would do)."""
        if len(self.group) == 1:
            return None
        return _Screen.of(self.group)

    @cached_property
    def searches(self) -> tuple[_Search, ...]:
        """The checks ready to search a stretch, in their order."""
        return tuple(
            _Search(
                pattern.finditer if check.tail is None else partial(_led, check),
                check.lead,
                check.reject,
                order,
                _context(pattern),
                "n" in pattern.groupindex,
                _any_of(check.reject) if check.reject else None,
            )
            for order, check in self.group
            # The pattern searched, whose groups are the check's: only one of
            # the two texts is compiled.
            for pattern in (_searched(check),)
        )

    @cached_property
    def whole(self) -> Callable[[str, int], re.Match[str] | None]:
        """The :attr:`led` check's pattern's ``match``: the whole text is
        searched at once instead of the stretches of the word (which would
        cost a search each)."""
        assert self.led is not None
        return self.led.pattern.match


@frozen(eq=False)
class _Figure:
    """A figure the text may state, resolved for one shape of report.

    ``rows`` are (total, parts) as positions in the flat tuple of the
    shape's cells, or, where the figure names a cell the shape does not
    hold (a template row outside the template's value rows), as paths
    read from the report: ``by_path`` says which.  ``pick`` reads the
    parts of each row from the flat tuple in one call.
    """

    rule: str
    words: tuple[_Word, ...]
    rows: tuple[tuple[Any, tuple[Any, ...]], ...]
    by_path: bool
    cells: tuple[str, ...]
    label: Label
    pick: tuple[tuple[int, Callable[[Sequence[CellValue]], tuple[CellValue, ...]], int], ...]
    #: The words of :attr:`words` when every one is cut into stretches
    #: (None when one is searched in the whole text): a figure none of whose
    #: words has a stretch in a report's text is not looked at further.
    stretched: tuple[str, ...] | None = None


Figures = dict[tuple[Any, ...], tuple[_Figure, ...]]

#: A group's name in a pattern's text (stripped for the screens, where the
#: same names would repeat).
_GROUP_NAME = re.compile(r"\(\?P<[A-Za-z_][A-Za-z0-9_]*>")


#: How the patterns' classes of one clause start (``[^。；;，：:,\d]``, every
#: clause break excluded: :data:`~.narrative.CLAUSE_BREAKS`).
_CLASS_OF_CLAUSE = "[^" + CLAUSE_BREAKS


def _in_stretch(source: str) -> str:
    """A pattern's text as searched inside a stretch: no clause break occurs
    between a stretch's ends, so its classes need not exclude them.  The
    engine tests a character against each excluded one in turn, and the
    lazy groups of a pattern test every character they pass: the search of
    a stretch costs a third less (the tests hold the compiled checks to the
    plain ones, which search whole paragraphs with the full classes)."""
    return source.replace(_CLASS_OF_CLAUSE, "[^")


def _searched(check: NarrativeCheck) -> re.Pattern[str]:
    """The pattern a stretch is searched with: the check's own for a check
    led by a tail (:func:`_led` matches it at one place), else its text
    with the classes of a stretch (:func:`_in_stretch`)."""
    if check.tail is not None:
        return check.pattern
    return _compiled(_in_stretch(check.source))


def _renamed(suffix: str, m: re.Match[str]) -> str:
    """A group's name in a pattern (``(?P<n>``) with ``suffix`` for its ``>``."""
    return m.group()[:-1] + suffix


@frozen(eq=False)
class _Alternative:
    """One check's pattern as an alternative of a :class:`_Screen`: where its
    groups are in the screen's match (each renamed, as one pattern cannot
    name two groups alike)."""

    #: The group of the number (None: a statement of none, which states 0).
    number: int | None
    #: The groups the reject words are looked for in, in the check's order
    #: (as :attr:`_Search.context` names them).
    context: tuple[int, ...]
    #: :func:`_any_of` the check's reject words (None when it has none).
    refuse: Callable[[str], re.Match[str] | None] | None
    #: The check's place among the figure's checks.
    order: int

    def count(self, m: re.Match[str]) -> int:
        """:func:`~.narrative.stated` of the alternative's match."""
        if self.number is None:
            return 0
        n = m.group(self.number)
        return 0 if n is None else int(n.replace(",", ""))

    def rejects(self, m: re.Match[str]) -> bool:
        """``narrative._rejected`` of the alternative's match."""
        refuse = self.refuse
        if refuse is None:
            return False
        groups = self.context
        if len(groups) == 1:
            text = m.group(groups[0]) or ""
        elif groups:
            text = "".join([g for g in m.group(*groups) if g])
        else:
            text = ""
        return refuse(text) is not None


@frozen(eq=False)
class _Screen:
    """One pattern matching inside a stretch wherever one of the checks'
    patterns matches: their alternation, each alternative a group of its own
    (``lastindex`` says which matched) with the check's groups renamed.

    Its match is a statement, not only a sign of one: at the leftmost place
    any check matches, the first check that matches there is the one the
    alternation takes, with the same match as that check's own search from
    the stretch (no match of it starts before, or the alternation would have
    matched there; and every match of a check starts at most its lead before
    the word's first occurrence, so that check's own later start loses none).
    A statement is all it takes for a figure to be decided when it agrees
    with the table, which is why the screen's match is tried first
    (:func:`_statements`).
    """

    search: Callable[[str, int, int], re.Match[str] | None]
    #: The alternatives by the index of their group.
    alternatives: dict[int, _Alternative]

    @classmethod
    def of(cls, checks: Sequence[tuple[int, NarrativeCheck]]) -> _Screen:
        """The screen of ``checks`` (each with its place among the figure's)."""
        parts = []
        for k, (_, check) in enumerate(checks):
            source = _GROUP_NAME.sub(partial(_renamed, f"_{k}>"), _in_stretch(check.source))
            parts.append(f"(?P<_{k}>{source})")
        pattern = re.compile("|".join(parts))
        names = pattern.groupindex
        alternatives = {}
        for k, (order, check) in enumerate(checks):
            own = _context(_compiled(_in_stretch(check.source)))
            alternatives[names[f"_{k}"]] = _Alternative(
                names.get(f"n_{k}"),
                tuple(names[f"{g}_{k}"] for g in own),
                _any_of(check.reject) if check.reject else None,
                order,
            )
        return cls(pattern.search, alternatives)


def _led(check: NarrativeCheck, text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """``check.pattern.finditer(text, start, end)`` for a check with a
    :attr:`~.narrative.NarrativeCheck.tail`: a lazy group of at most
    ``lead`` characters of one clause, then the tail.  Let ``t`` be the
    leftmost tail from ``start``.  A match starting at ``p`` (``start <= p
    <= t``) takes the first tail its group reaches, and none begins in
    ``[p, t)``: it is ``t``, reached when ``[p, t)`` is at most ``lead``
    characters of one clause, and no later tail is reached otherwise.  So
    the leftmost match starts where the clause around ``t`` does, or
    ``lead`` characters before ``t``, or at ``start``, whichever is last:
    one ``match`` there, not a search trying the lazy group at every
    position before ``t``.  (Matches are never empty: each reads a number.)
    """
    assert check.tail is not None and check.lead is not None
    tail, match, lead = check.tail.search, check.pattern.match, check.lead
    clause_end = NOT_CLAUSE.search
    while (t := tail(text, start, end)) is not None:
        at = t.start()
        low = max(start, at - lead)
        # The nearest character before ``t`` that ends a clause, read backwards.
        stop = clause_end(text[low:at][::-1])
        m = match(text, low if stop is None else at - stop.start(), end)
        if m is None:
            return
        yield m
        start = m.end()


def _context(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """The groups of ``pattern`` but the number's, in the pattern's order."""
    names = pattern.groupindex
    return tuple(sorted((name for name in names if name != "n"), key=names.__getitem__))


def _changed(text: str, m: re.Match[str], number: int | None) -> bool:
    """``narrative._a_change(text, m)`` with the number's group known."""
    if number is None:
        return False
    start = m.start(number)
    return start >= 0 and _CHANGE_BEFORE.search(text, max(0, start - 4), start) is not None


def _words(checks: Sequence[NarrativeCheck]) -> tuple[_Word, ...]:
    """The checks of one figure grouped by the word they need, in their order."""
    by_word: dict[str, list[tuple[int, NarrativeCheck]]] = {}
    for order, check in enumerate(checks):
        by_word.setdefault(check.needs, []).append((order, check))
    out = []
    for word, group in by_word.items():
        leads = [check.lead for _, check in group]
        lead = None if None in leads else max(lead for lead in leads if lead is not None)
        led = group[0][1] if len(group) == 1 and group[0][1].tail is not None else None
        out.append(_Word(word, tuple(group), lead, led))
    return tuple(out)


def _figures(
    checks: Sequence[NarrativeCheck], report: Report, context: Context, known: Figures
) -> tuple[_Figure, ...]:
    """The figures of ``checks`` for ``report``'s shape, derived once per
    shape and kept in ``known`` (one dict per set of checks)."""
    layout = shape(report, context)
    figures = known.get(layout.key)
    if figures is None:
        index = layout.index()
        out = []
        for group in _groups([c for c in checks if report.edition in c.editions]):
            quantity = group[0].quantity(report)
            if quantity is None:
                continue
            paths = [p for total, parts in quantity.rows for p in (total, *parts)]
            by_path = not all(p in index for p in paths)
            flat = (
                ()
                if by_path
                else tuple(
                    (index[total], tuple(index[p] for p in parts)) for total, parts in quantity.rows
                )
            )
            rows = quantity.rows if by_path else flat
            pick = tuple((t, reader(ps), len(ps)) for t, ps in flat)
            cells = tuple(json_path(total) for total, _ in quantity.rows)
            words = _words(group)
            stretched = (
                None if any(w.led is not None for w in words) else tuple(w.word for w in words)
            )
            out.append(
                _Figure(group[0].rule, words, rows, by_path, cells, quantity.label, pick, stretched)
            )
        figures = known[layout.key] = tuple(out)
    return figures


def _flat_value(
    figure: _Figure, values: Sequence[CellValue], blank: str
) -> tuple[int | Decimal, bool] | None:
    """:func:`~.narrative._value` over the flat tuple, each row's parts read in one call.

    A row whose total is blank (上海 2019 leaves every result row's total
    blank) adds up its numbers in a loop here, in the order ``sum`` of a
    list of them would, without the list and the comprehension's frame."""
    total: int | Decimal = 0
    exact = True
    filled = False
    for at, pick, size in figure.pick:
        cell = values[at]
        if type(cell) is int or type(cell) is Decimal:
            total += cell
            filled = True
            continue
        summed: int | Decimal = 0
        count = 0
        for n in pick(values):
            if type(n) is int or type(n) is Decimal:
                summed += n
                count += 1
        if count:
            filled = True
            total += summed
        if count < size or not size:
            exact = False
    if not filled:
        return None
    return total, exact or blank == "zero"


def _figure_value(
    figure: _Figure, report: Report, context: Context
) -> tuple[int | Decimal, bool] | None:
    if figure.by_path:
        return _value(figure.rows, partial(_get, report), context.blank)
    return _flat_value(figure, cell_values(report, context), context.blank)


#: ``(start, end, where the word first occurs)`` in the joined text: see
#: :meth:`~.paragraphs.Paragraphs.clauses_of`.
Stretches = list[tuple[int, int, int]]
#: ``(paragraph, start of the match, order of its check, the match)``; a
#: figure whose words are cut into stretches finds its statements in the
#: joined text, and its entries are ``(end of the stretch, start of the
#: match, order, the match)`` there until one is reported (:func:`_placed`).
Found = list[tuple[int, int, int, re.Match[str]]]

_STRETCHES = "narrative stretches"

#: Characters that are never a decimal digit (``\d``) nor a negation's first
#: character: most of a report's text (ASCII and Latin-1 punctuation, general
#: punctuation, CJK symbols and punctuation, CJK ideographs but 未 and 没,
#: full-width punctuation and letters), and whole blocks without a digit
#: (Latin, Greek, Cyrillic, Hebrew and Arabic letters up to the Arabic-Indic
#: digits; Hangul syllables, surrogates, private use, compatibility
#: ideographs and presentation forms), which only make the class cheaper to
#: compile (every character of the basic plane it holds is one step of
#: Python in :func:`re.compile`).
_NEVER_HINTED = (
    (0x00, 0x2F),
    (0x3A, 0x065F),
    (0x2000, 0x206F),
    (0x3000, 0x303F),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xAC00, 0xFF0F),
    (0xFF1A, 0xFFEF),
)


@cache
def _hint_or_more() -> re.Pattern[str]:
    """A class matching every character :data:`~.narrative._HINT` matches (a
    decimal digit, 未, 没) and some others: every character outside
    :data:`_NEVER_HINTED`.  The stretches are screened with it: a stretch it
    keeps that holds no digit nor negation holds no statement either (every
    check reads a number or a negation), so the checks find there what they
    find without it, nothing; and the engine tests a character against a
    listed class (a bitmap of the basic plane) in a fraction of what ``\\d``
    costs (a look-up of the character's Unicode category), about 740
    instructions less a stretch (``test_validation_stretch_hint.py`` holds
    it to ``_HINT`` on every code point).  Compiled on first use, not on
    import: about 1 ms, which a run that reads no narrative need not pay."""
    ranges = []
    at = 0
    for low, high in _NEVER_HINTED:
        if low > at:
            ranges.append(f"\\U{at:08x}-\\U{low - 1:08x}")
        at = high + 1
    ranges.append(f"\\U{at:08x}-\\U0010ffff")
    negations = "".join(sorted({w[0] for w in _NEGATION}))
    return re.compile("[" + "".join(ranges) + negations + "]")


def _all_stretches(text: Paragraphs) -> dict[str, Stretches]:
    """The stretches of every word the checks of the report's edition cut
    into stretches (:func:`_stretch_words`), holding a digit or a negation
    (a clause without either states no count), by word: found once per
    report, in one call, for every rule whose checks need a word."""
    known: dict[str, Stretches] | None = text.derived.get(_STRETCHES)
    if known is None:
        words = _stretch_words(text.report.edition)
        known = text.derived[_STRETCHES] = text.clauses_of(words, CLAUSE_BREAKS, _hint_or_more())
    return known


def _stretches(text: Paragraphs, word: str) -> Stretches:
    """The stretches of ``word`` (:func:`_all_stretches`)."""
    known = _all_stretches(text)
    found = known.get(word)
    if found is None:  # not a word of the edition's checks (never, but cheap to allow)
        found = known[word] = text.clauses_of((word,), CLAUSE_BREAKS, _hint_or_more())[word]
    return found


def _placed(text: Paragraphs, found: Found) -> Found:
    """The statements a stretched figure found in the joined text, each
    placed in its paragraph: the paragraph's index, where the match starts
    there, and the match made again there (the same pattern from the same
    place to the stretch's end: the same match, as the text between is the
    same)."""
    texts = text.texts
    placed: Found = []
    for high, at, order, m in found:
        i, start = text.locate(at)
        again = m.re.match(texts[i], at - start, high - start)
        assert again is not None and again.span() == (at - start, m.end() - start)
        placed.append((i, at - start, order, again))
    return placed


_WORDS_OF: dict[str, tuple[str, ...]] = {}


def _stretch_words(edition: str) -> tuple[str, ...]:
    """The words the narrative checks of ``edition`` search the stretches
    of: those of every figure's :class:`_Word` but a word searched in the
    whole text (:attr:`_Word.whole`), derived from :data:`~.narrative.CHECKS`
    as the rules compile them (once per edition)."""
    words = _WORDS_OF.get(edition)
    if words is None:
        from .narrative import CHECKS

        applying = [c for c in CHECKS if edition in c.editions]
        found = {
            w.word: None for group in _groups(applying) for w in _words(group) if w.led is None
        }
        words = _WORDS_OF[edition] = tuple(found)
    return words


def _whole(word: _Word, text: Paragraphs) -> Iterator[tuple[int, int, re.Match[str]]]:
    """``(paragraph, order of the check, match)`` of every statement the
    single check of a word searched in the whole text accepts
    (:attr:`_Word.whole`): one search of the whole text, led by a word (a
    scan in C), each match read again in its paragraph: no match reaches
    across a break."""
    assert word.led is not None
    texts = text.texts
    search = word.searches[0]
    plain = text.plain(CLAUSE_BREAKS)
    for found in search.finditer(plain, 0, len(plain)):
        i, at = text.locate(found.start())
        m = word.whole(texts[i], found.start() - at)
        if m is not None and not search.rejects(m) and not _a_change(texts[i], m):
            yield i, search.order, m


#: The key of :attr:`~.rules.Context.cache` under which the narrative rules
#: share what they read of a report: ``[report, its shape's key, its
#: paragraphs, their stretches]`` (the last two None until a rule with a
#: figure for that shape asks).
_SHARED = "narrative"


def _check(
    checks: Sequence[NarrativeCheck], known: Figures, report: Report, context: Context
) -> list[Finding]:
    """:func:`~.narrative.plain_check`, compiled (see the module's docstring).

    The four or five narrative rules of an edition each ask for the report's
    shape, paragraphs and stretches: the first asks the shared look-ups
    (:mod:`.shared`, :func:`_all_stretches`) and leaves the answers in one
    entry of the context's cache, which the others read in one look-up
    instead of four calls each."""
    shared = context.cache.get(_SHARED)
    if shared is None or shared[0] is not report:
        shared = context.cache[_SHARED] = [report, shape(report, context).key, None, None]
    figures = known.get(shared[1])
    if figures is None:
        figures = _figures(checks, report, context, known)
    if not figures:
        return []
    text: Paragraphs | None = shared[2]
    if text is None:
        text = shared[2] = paragraphs(report, context)
        shared[3] = _all_stretches(text)
    spans: dict[str, Stretches] = shared[3]
    record = context.outcomes
    out: list[Finding] = []
    for figure in figures:
        if figure.stretched is not None:
            # The common case: no clause holding a word of the figure states a count.
            for word in figure.stretched:
                if spans.get(word, True):  # a word not found at once: looked for below
                    break
            else:
                continue
        found: Found = []
        decided, value = _statements(figure, report, context, text, spans, found)
        if not found:
            continue  # the text states nothing about this figure
        if decided:
            if record is not None:
                outcome: Outcome = "not-checkable" if value is None else "passed"
                record.append(RelationOutcome(figure.rule, figure.cells[0], outcome))
            continue
        # No statement agrees: the first in the text's order is reported.
        if figure.stretched is not None:
            found = _placed(text, found)
        paths = {i: text.path(i) for i, _, _, _ in found}
        found.sort(key=lambda item: (paths[item[0]], item[1], item[2]))
        texts = text.texts
        statements = [(paths[i], start, texts[i], m) for i, start, _, m in found]
        out.extend(_judge(figure.rule, statements, figure.cells, figure.label, value, context))
    return out


Value = tuple[int | Decimal, bool] | None


def _statements(
    figure: _Figure,
    report: Report,
    context: Context,
    text: Paragraphs,
    spans: dict[str, Stretches],
    found: Found,
) -> tuple[bool, Value]:
    """Append the statements of ``figure`` to ``found`` in the order the
    checks search (word by word, stretch by stretch, check by check), and
    the figure's value (read at the first statement); ``spans`` are the
    report's stretches (:func:`_all_stretches`).

    Stops (True) as soon as a statement agrees with the value (the rest
    cannot change the verdict) or, when the value is None (every cell
    blank: nothing to compare with), at the first statement; and finds
    nothing then when no outcome is recorded.

    One loop, not a generator of matches per word: a report's figures with
    a statement each cost a few searches, and the calls around them (a
    generator, a lookup of the word's stretches, a helper reading the
    count) cost as much again."""
    value: Value = None
    table: int | Decimal = 0
    exact = True
    blank = context.blank
    # The stretches are searched in the joined text (:func:`_placed`).
    joined = text.plain(CLAUSE_BREAKS)
    for word in figure.words:
        if word.led is not None:
            for i, order, m in _whole(word, text):
                if not found:
                    value = _figure_value(figure, report, context)
                    if value is None:
                        if context.outcomes is not None:
                            found.append((i, m.start(), order, m))
                        return True, None
                    table, exact = value
                found.append((i, m.start(), order, m))
                count = stated(m)
                if count == table or (not exact and count >= table):
                    return True, value
            continue
        stretches = spans.get(word.word) or _stretches(text, word.word)
        screen, lead = word.screen, word.lead
        for start, end, first in stretches:  # none, for most words of most reports
            if screen is not None:
                at = start if lead is None or first - lead < start else first - lead
                hit = screen.search(joined, at, end)
                if hit is None:
                    continue
                # The screen's match is a statement (:class:`_Screen`): one
                # that agrees decides the figure without searching again.
                # What :meth:`_Alternative.rejects`, :func:`_changed` and
                # :meth:`_Alternative.count` ask of it, written out here: a
                # call of a Python function costs as much as what each does.
                alternative = screen.alternatives[hit.lastindex]  # type: ignore[index]
                refuse = alternative.refuse
                rejected = False
                if refuse is not None:
                    groups = alternative.context
                    if len(groups) == 2:
                        before, after = hit.group(*groups)
                        rejected = refuse((before or "") + (after or "")) is not None
                    else:
                        rejected = alternative.rejects(hit)
                if not rejected:
                    number = alternative.number
                    count = 0  # a statement of none
                    if number is not None:
                        n_start, n_end = hit.span(number)
                        if n_start < 0:
                            pass
                        elif (
                            _CHANGE_BEFORE.search(
                                joined, n_start - 4 if n_start > 4 else 0, n_start
                            )
                            is not None
                        ):
                            count = -1  # a change ("减少5件"), not a count
                        else:
                            n = joined[n_start:n_end]
                            count = int(n.replace(",", "")) if "," in n else int(n)
                    if count >= 0:
                        if not found:
                            value = (
                                _value(figure.rows, partial(_get, report), blank)
                                if figure.by_path
                                else _flat_value(figure, cell_values(report, context), blank)
                            )
                            if value is None:
                                if context.outcomes is not None:
                                    found.append((end, hit.start(), alternative.order, hit))
                                return True, None
                            table, exact = value
                        if count == table or (not exact and count >= table):
                            found.append((end, hit.start(), alternative.order, hit))
                            return True, value
            for search in word.searches:
                at = start if search.lead is None else max(start, first - search.lead)
                refuse, numbered = search.refuse, search.numbered
                for m in search.finditer(joined, at, end):
                    if refuse is not None and search.rejects(m):
                        continue
                    # :func:`~.narrative._a_change` and :meth:`_Search.count`, in line.
                    count = 0  # a statement of none
                    if numbered:
                        n_start, n_end = m.span("n")
                        if n_start >= 0:
                            if (
                                _CHANGE_BEFORE.search(
                                    joined, n_start - 4 if n_start > 4 else 0, n_start
                                )
                                is not None
                            ):
                                continue  # a change ("减少5件"), not a count
                            n = joined[n_start:n_end]
                            count = int(n.replace(",", "")) if "," in n else int(n)
                    if not found:
                        value = _figure_value(figure, report, context)
                        if value is None:
                            if context.outcomes is not None:
                                found.append((end, m.start(), search.order, m))
                            return True, None
                        table, exact = value
                    found.append((end, m.start(), search.order, m))
                    if count == table or (not exact and count >= table):
                        return True, value
    return False, value


def compiled_check(
    checks: tuple[NarrativeCheck, ...],
) -> Callable[[Report, Context], list[Finding]]:
    """The check of a rule made of ``checks``, its figures resolved once per shape."""
    known: Figures = {}
    # ``partial``: called in C, without a frame of Python around the call.
    return partial(_check, checks, known)
