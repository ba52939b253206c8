"""Numbers the text states against the numbers of the tables.

Reports restate key figures in prose ("全市共受理政府信息公开申请 3119 件",
"政府信息公开行政复议 351件").  When the two disagree, one of them is wrong
(洪泽区 2024: text 17, table 95; 上海市政府办公厅 2019: text "予以公开及部分公开
258件", table 275).  These checks are *warnings*: prose is matched by
patterns, and prose is free.

All patterns are data, in :data:`CHECKS`, built from the table
definitions: the noun a sentence uses for a row is taken from the row's
official label (:func:`noun_of`: ``一、本年新收政府信息公开申请数量`` → 申请,
``（四）无法提供`` → 无法提供, the 行政诉讼 caption of table 4's two
litigation groups), and each noun gets both orders a count is written in
(:func:`patterns`: "行政复议 351件" and "收到1份有关政府信息公开行政复议申请")
with the measure words real reports use (:data:`MEASURE_WORDS`), and a
sentence saying none was received ("未收到有关政府信息公开的申请") as 0.  Each
check is a regular expression with a named group ``n`` for the number,
words that disqualify a match (including the nouns of the other rows: a
clause about 行政复议 is not an application count), the quantity of the
tables it is compared with, and the rule id.  Guards
against false positives, each learned from a real report:

* a match whose clause names a part of the unit ("县直各单位主动公开政府信息
  303条", "各乡镇…") or last year ("去年", "上年度结转") is not a statement
  of the total;
* when several sentences match, one that agrees with the table is taken as
  the statement of the total and the others as breakdowns ("市政府办…9起",
  "华宁县…1起" beside "接到依申请公开政府信息22起"): no warning;
  otherwise the first disagreeing sentence is reported;
* compound phrases are their own patterns: "予以公开及部分公开258件" is
  compared with （一） + （二）, never with （一） alone;
* blank cells: a row's 总计 left blank is read from its applicant cells
  (上海 2019 leaves every 总计 of the result rows blank).  Under the
  "missing" blank policy the table then gives only a lower bound (blanks
  are unknown but not negative): a stated number *below* it is reported,
  one at or above it cannot be judged and is left alone.  A quantity whose
  cells are all blank states nothing and is skipped (the 玉溪 2017 table was
  published as an image).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from functools import cache, partial
from typing import TypeVar

from attrs import frozen

from ..cells import CellValue
from ..editions import Report, is_template_driven
from ..introspect import iter_cells, table_fields
from ..naming import label_of
from ..paths import Path, json_path
from ..registry import template_of
from .findings import Finding, Label
from .outcomes import Outcome, RelationOutcome
from .paragraphs import iter_paragraphs
from .rules import Context
from .values import number

__all__ = [
    "CHECKS",
    "CLAUSE_BREAKS",
    "MEASURE_WORDS",
    "NarrativeCheck",
    "Quantity",
    "Statement",
    "noun_of",
    "patterns",
    "plain_check",
    "stated",
    "statements",
]

_P = TypeVar("_P")


@frozen
class Quantity:
    """A figure of the tables: the sum of some rows' totals.

    ``rows`` are ``(total path, part paths)``; a blank total is read from
    its parts.  ``label`` names the figure in messages.
    """

    rows: tuple[tuple[Path, tuple[Path, ...]], ...]
    label: Label


@frozen
class NarrativeCheck:
    """One pattern of prose and the table figure it restates.

    The pattern is held as its text and compiled the first time a check
    searches (:attr:`pattern`): a report's text asks for only some of them
    (a 2021 report never for the legacy checks; a paragraph without the
    check's :attr:`needs` for none), and compiling all of them cost a
    start-up more than checking the text did.
    """

    rule: str
    #: The text of :attr:`pattern`.
    source: str
    quantity: Callable[[Report], Quantity | None]
    #: Words that, in the matched text before the number, show the sentence
    #: is not about the unit's total for the year.
    reject: tuple[str, ...] = ()
    editions: frozenset[str] = frozenset({"2021", "2019"})
    #: Text every match contains: a paragraph without it is not searched
    #: (empty: every paragraph is).
    needs: str = ""
    #: At most how many characters of a match come before the ``needs`` it
    #: contains (None: no bound, as when a number comes first), so that the
    #: search can start that far before the first ``needs`` of a clause.
    lead: int | None = None
    #: When the pattern is a lazy group of at most :attr:`lead` characters
    #: of one clause (:data:`_CLAUSE`) and then this pattern: no match starts
    #: more than ``lead`` characters before a match of ``tail``, so the
    #: compiled search looks for ``tail`` first (a word leads it: the engine
    #: skips to it as fast as ``str.find``) instead of trying the lazy group
    #: at every position, and the match starts where the clause around the
    #: tail does, at most ``lead`` characters before it.
    #: The text of :attr:`tail`.
    tail_source: str | None = None

    @property
    def pattern(self) -> re.Pattern[str]:
        """The compiled pattern (compiled on first use, once per process)."""
        return _compiled(self.source)

    @property
    def tail(self) -> re.Pattern[str] | None:
        """The compiled tail, if any (see :attr:`tail_source`)."""
        return None if self.tail_source is None else _compiled(self.tail_source)


@cache
def _compiled(source: str) -> re.Pattern[str]:
    return re.compile(source)


# -- reading cells -----------------------------------------------------------


def _get(report: Report, path: Path) -> CellValue:
    if is_template_driven(report):
        return report.statistics.value(str(path[2]), str(path[3]))
    obj: object = report
    for name in path:
        obj = getattr(obj, str(name))
    return obj  # type: ignore[return-value]


def _labels_along(report: Report, path: Path) -> list[str]:
    """Official labels of the fields along ``path`` (those that carry a spec)."""
    obj: object = report
    out: list[str] = []
    for name in path:
        for f, spec, _ in table_fields(type(obj)):
            if f.name == name:
                out.append(spec.label)
                break
        obj = getattr(obj, str(name))
    return out


def _rows_under(report: Report, path: Path) -> tuple[tuple[Path, tuple[Path, ...]], ...]:
    """Every row under ``path`` as (its total cell, its other cells)."""
    obj: object = report
    for name in path:
        obj = getattr(obj, str(name))
    rows: dict[Path, tuple[list[Path], list[Path]]] = {}
    for cell_path, _, specs, _ in iter_cells(obj, tuple(str(p) for p in path)):
        totals, parts = rows.setdefault(cell_path[:-1], ([], []))
        (totals if specs[-1].role == "total" else parts).append(cell_path)
    return tuple((totals[0], tuple(parts)) for totals, parts in rows.values() if totals)


def _typed(*paths: Path) -> Callable[[Report], Quantity | None]:
    """The sum of the totals of every row under each of ``paths``."""

    def get(report: Report) -> Quantity | None:
        if is_template_driven(report):
            return None
        rows = tuple(r for p in paths for r in _rows_under(report, p))
        # The innermost label names the figure ("（四）无法提供 / 总计").
        labels = [Label((*_labels_along(report, p)[-1:], "总计")) for p in paths]
        label = labels[0] if len(labels) == 1 else Label(tuple(labels), sep=" + ")
        return Quantity(rows, label)

    return get


def _legacy(*words: str) -> Callable[[Report], Quantity | None]:
    """The template row whose label has one of ``words`` (not a 其中 row)."""

    def get(report: Report) -> Quantity | None:
        if not is_template_driven(report):
            return None
        template = template_of(report)
        columns = [c for c in template.columns if not c.cumulative]
        if not columns:
            return None
        column = columns[0].key
        for row in template.value_rows:
            if row.label.startswith("其中") or not any(w in row.label for w in words):
                continue
            parts = tuple(
                ("statistics", "rows", r.code, column)
                for r in template.rows
                if r.parent == row.code and r.relation == "sum"
            )
            path: Path = ("statistics", "rows", row.code, column)
            return Quantity(((path, parts),), label_of(report, path))
        return None

    return get


# -- the checks, derived from the table definitions -------------------------------

#: The measure words counts are stated with: 件 (applications, cases), 份
#: (an application form: "收到1份…行政复议申请"), 条 (items, and applications
#: in pre-2019 tables), 起 and 宗 (cases), 次 (times), 个.
MEASURE_WORDS: tuple[str, ...] = ("件", "份", "条", "起", "宗", "次", "个")

#: Characters no pattern of :data:`CHECKS` can match: a stated figure and the
#: words around it lie between two of them, so the compiled checks search
#: only the stretch of text between them around a word the check needs
#: (:meth:`.paragraphs.Paragraphs.spans`).  The ASCII comma is not among
#: them: it separates thousands in a number (``3,119``).  The tests hold the
#: compiled checks to the plain search of every paragraph.
CLAUSE_BREAKS = "。；;，：:"

_N = r"(?P<n>\d[\d,]*)"
#: What every pattern needs somewhere (it reads a number, :data:`_N`).
_DIGIT = re.compile(r"\d")
_MEASURE = r"\s*(?:" + "|".join(MEASURE_WORDS) + ")"
#: One clause: a stated figure never reaches across a comma, a colon, a
#: full stop or another number.
_CLAUSE = "[^" + CLAUSE_BREAKS + r",\d]"
#: A character that ends a clause (:data:`_CLAUSE`'s complement).
NOT_CLAUSE = re.compile("[" + CLAUSE_BREAKS + r",\d]")
#: Between a number and the noun after it: one clause, and no list separator.
_LINK = "[^" + CLAUSE_BREAKS + r",、\d]"
_PAST = ("去年", "上年", "上一年", "结转", "同比")
_PART_OF_UNIT = ("各", "县直", "区直", "市直", "部门", "乡镇", "单位", "网站")
#: Verbs that introduce the applications received (not answered, 答复/办结).
_RECEIVED = ("收到", "受理", "接到", "接收", "新收")

_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、．])")
_NOTE = re.compile(r"（[^）]*）")


def noun_of(label: str) -> str:
    """The word a narrative uses for a table row, from the row's official label.

    The numbering (``一、``, ``（二）``, ``1.``), notes in brackets, the
    "received this year" verbs and the trailing 数量/数 go, and so does the
    qualifier 政府信息公开 the text usually puts elsewhere: ``一、本年新收政府
    信息公开申请数量`` → ``申请``, ``（二）部分公开（区分处理的…）`` → ``部分公开``,
    ``行政复议数`` → ``行政复议``.
    """
    text = _NOTE.sub("", _NUMBERING.sub("", label.strip()))
    for verb in ("本年新收", *_RECEIVED):
        text = text.removeprefix(verb)
    for suffix in ("数量", "总数", "数"):
        text = text.removesuffix(suffix)
    return text.removeprefix("政府信息公开")


def _noun_pattern(noun: str) -> str:
    """The noun as a pattern: ``行政复议`` is also written 复议 (上海 2019: "复议7件、诉讼9件")."""
    if noun.startswith("行政"):
        return "(?:行政)?" + re.escape(_core(noun))
    return re.escape(noun)


def _core(noun: str) -> str:
    """What every match of :func:`_noun_pattern` contains (行政复议 → 复议)."""
    return noun.removeprefix("行政")


#: The most characters between the verb and the noun of a noun-first statement.
_PRE_FIRST = 20


def patterns(noun: str, *, verbs: tuple[str, ...] = ()) -> tuple[re.Pattern[str], ...]:
    """The ways a narrative states a count for ``noun``: the two orders and none.

    * noun first: "行政复议 351件", "受理政府信息公开申请 3119 件",
      "予以公开及部分公开258件";
    * number first: "收到1份有关政府信息公开行政复议申请", "受理申请3件" …
      "共受理3件政府信息公开申请";
    * none: "未收到有关政府信息公开的申请", "没有收到…行政复议申请" (read as 0).

    Each names the text around the number (``pre``, ``mid``) so that the
    checks can reject a clause about something else.  ``verbs``, when
    given, must come before (the applications *received*, not answered).
    A noun right after 及/和/、/与 is the second half of a compound
    ("予以公开及部分公开"), not a statement of its own.
    """
    return tuple(map(re.compile, _pattern_texts(noun, verbs=verbs)))


#: The words that join a noun to the one before it ("予以公开及部分公开",
#: "同意公开或部分公开共81件": one figure of the two).
_JOINERS = ("及", "和", "、", "与", "或")
_JOINER = "(?:" + "|".join(map(re.escape, _JOINERS)) + ")"
#: Not right after a joiner: one look-behind per joiner, not one class of
#: them.  They match alike, but the engine's compiler turns a class of
#: several CJK characters into a table of the whole Basic Multilingual
#: Plane, a tenth of a millisecond each time the class is written, and the
#: patterns write this one 55 times: a quarter of what compiling them cost
#: a one-file run.
_NOT_COMPOUND = "".join(f"(?<!{re.escape(word)})" for word in _JOINERS)


def _pattern_texts(
    noun: str, *, verbs: tuple[str, ...] = (), siblings: tuple[str, ...] = ()
) -> tuple[str, str, str]:
    """The texts of :func:`patterns` (compiled by the checks on first use);
    ``siblings``: see :func:`_none_pattern`."""
    # The look-ahead first: the engine tries the look-behinds only where the
    # noun starts, not at every place a lazy group could end (one compare
    # instead of five look-behinds at each of those places).
    noun_re = f"(?={_noun_pattern(noun)}){_NOT_COMPOUND}{_noun_pattern(noun)}"
    verb = "(?:" + "|".join(verbs) + ")" if verbs else ""
    first = (
        rf"{verb}(?P<pre>{_CLAUSE}{{0,{_PRE_FIRST}}}?)" if verbs else ""
    ) + rf"{noun_re}(?P<mid>{_CLAUSE}{{0,12}}?){_N}{_MEASURE}"
    # Number first, the words between it and the noun never hold a list
    # separator: in "行政复议案件2件、行政诉讼案件7件" the 2 is not a lawsuit count.
    second = (
        rf"{verb}(?P<pre>{_CLAUSE}{{0,8}}?)" if verbs else ""
    ) + rf"{_N}{_MEASURE}(?P<mid>{_LINK}{{0,16}}?){noun_re}"
    return first, second, _none_pattern(noun_re, _noun_pattern(noun), siblings)


#: How a report says it received none: "未收到…申请", "没有收到…", "未发生…行政诉讼"
#: (every statement of none holds one, :func:`_none_pattern`).
_NEGATION = ("未", "没有", "没")
_NONE_VERBS = (*_RECEIVED, "发生")
#: A clause can hold a stated count only if it holds a digit or a negation,
#: and a clause holding a negation holds its first character: one class of
#: characters, which the engine tests faster than an alternation.
_HINT = re.compile("[" + _DIGIT.pattern + "".join(sorted({w[0] for w in _NEGATION})) + "]")


def _none_pattern(noun_re: str, bare: str = "", siblings: tuple[str, ...] = ()) -> str:
    """ "未收到有关政府信息公开的申请" states 0: a negated verb of receiving,
    then, in the same clause, the noun.  The rest of the clause after the
    noun (``post``) is context too: "未收到因政府信息公开申请提起的行政复议"
    is about reconsiderations, not applications.  No ``n`` group: the count
    is 0 (:func:`stated`).

    A sibling (``siblings``, the nouns ``bare`` may be listed with) joined
    to the noun is part of what is negated, not context: "未收到…行政复议和
    诉讼" states none of either (邹城市太平镇 2024), while "未发生经行政复议后
    提起的行政诉讼" is still about lawsuits after a reconsideration only."""
    negation = "(?:" + "|".join(_NEGATION) + ")"
    verbs = "(?:" + "|".join(_NONE_VERBS) + ")"
    negated = noun_re
    if siblings:
        sibling = "(?:" + "|".join(map(_noun_pattern, siblings)) + ")"
        negated = rf"(?:{sibling}{_JOINER}{bare}|{noun_re}(?:{_JOINER}{sibling})?)"
    return rf"{negation}{verbs}(?P<mid>{_LINK}{{0,20}}?){negated}(?P<post>{_CLAUSE}{{0,12}})"


def stated(m: re.Match[str]) -> int:
    """The count a matched sentence states: its number, or 0 for a sentence
    saying none was received (no ``n`` group)."""
    if "n" not in m.re.groupindex:
        return 0
    n = m.group("n")
    return 0 if n is None else int(n.replace(",", ""))


def _leads(noun: str, verbs: tuple[str, ...]) -> tuple[int | None, int | None, int | None]:
    """:attr:`NarrativeCheck.lead` of the three :func:`patterns` of ``noun``:
    the verb, the words after it and the optional 行政 come before the noun
    in the first; a number of any length in the second; the negated verb and
    up to 20 linking characters in the third (not bounded here: ``None``)."""
    before = max(map(len, verbs)) + _PRE_FIRST if verbs else 0
    return before + len(noun) - len(_core(noun)), None, None


def _compound(*nouns: str) -> str:
    """Two rows stated as one figure: "予以公开及部分公开258件" (a pattern's text)."""
    joined = _JOINER.join(re.escape(n) for n in nouns)
    return rf"{joined}(?P<mid>\s*(?:共|共计|合计)?\s*){_N}{_MEASURE}"


def _label(cls: type, *names: str) -> str:
    """The official label (or, for a block, its caption) of a field of ``cls``."""
    obj: type = cls
    label = ""
    for name in names:
        for f, spec, tp in table_fields(obj):
            if f.name == name:
                label = spec.label
                obj = tp
                break
        else:
            raise KeyError(name)
    return label


def _block(cls: type, name: str) -> str:
    for f, spec, _ in table_fields(cls):
        if f.name == name and spec.block:
            return spec.block
    raise KeyError(name)


_RESULTS = ("table3", "results")
_RESULT_ROWS = (
    "disclosed",
    "partly_disclosed",
    "not_disclosed",
    "unable_to_provide",
    "not_processed",
    "other_handling",
)


def _build_checks() -> tuple[NarrativeCheck, ...]:
    """Every prose check, its nouns taken from the table definitions."""
    from ..editions.applications import Table4
    from ..editions.e2021 import Results2021, Table2_2021, Table3_2021

    applications = noun_of(_label(Table3_2021, "new_applications"))  # 申请
    reconsideration = noun_of(_label(Table4, "reconsideration"))  # 行政复议
    litigation = noun_of(_block(Table4, "litigation_direct"))  # 行政诉讼
    results = {name: noun_of(_label(Results2021, name)) for name in _RESULT_ROWS}
    # The rows a clause can be about instead; 申请 is not among them, since
    # every case starts as one ("行政复议申请3件" is a reconsideration count).
    others = (reconsideration, litigation, *results.values())
    # An application for a permit (table 2's 行政许可: "未收到行政许可申请",
    # 湛江市地方志办 2023) is no application for information.
    permit = _core(noun_of(_label(Table2_2021, "licensing")))  # 许可
    # Each kind of case may be negated together with the other: "未收到…
    # 行政复议和诉讼" (:func:`_none_pattern`).
    cases = (reconsideration, litigation)

    def check(
        rule: str,
        noun: str,
        quantity: Callable[[Report], Quantity | None],
        reject: tuple[str, ...],
        editions: frozenset[str] = frozenset({"2021", "2019"}),
        verbs: tuple[str, ...] = (),
    ) -> list[NarrativeCheck]:
        # A clause that names another row ("有关政府信息公开行政复议申请" is
        # not an application count) is about that row, not this one.
        foreign = tuple(o for o in others if o != noun and noun not in o)
        siblings = tuple(c for c in cases if c != noun) if noun in cases else ()
        texts = _pattern_texts(noun, verbs=verbs, siblings=siblings)
        return [
            NarrativeCheck(
                rule, pattern, quantity, (*reject, *foreign), editions, _core(noun), lead
            )
            for pattern, lead in zip(texts, _leads(noun, verbs), strict=True)
        ]

    legacy = frozenset({"legacy"})
    proactive = "主动公开"
    proactive_tail = rf"{proactive}(?:政府)?信息\s*(?:共计|共|总计|合计)?\s*{_N}{_MEASURE}"
    about_cases = ("复议", "诉讼", "起诉", "申诉", "举报", "投诉", permit, *_PAST)
    out = [
        *check(
            "narrative.applications",
            applications,
            _typed(("table3", "new_applications")),
            about_cases,
            verbs=_RECEIVED,
        ),
        *check(
            "narrative.applications",
            applications,
            _legacy("收到申请数", "依申请公开信息总数", "申请总数"),
            about_cases,
            legacy,
            verbs=_RECEIVED,
        ),
        *check(
            "narrative.reconsideration",
            reconsideration,
            _typed(("table4", "reconsideration")),
            ("诉讼", "起诉", *_PAST),
        ),
        *check(
            "narrative.reconsideration",
            reconsideration,
            _legacy("行政复议"),
            ("诉讼", "起诉", *_PAST),
            legacy,
        ),
        *check(
            "narrative.litigation",
            litigation,
            _typed(("table4", "litigation_direct"), ("table4", "litigation_after_reconsideration")),
            ("复议", *_PAST),
        ),
        *check("narrative.litigation", litigation, _legacy("行政诉讼"), ("复议", *_PAST), legacy),
        NarrativeCheck(
            "narrative.proactive",
            rf"(?P<pre>{_CLAUSE}{{0,{_PRE_FIRST}}}?){proactive_tail}",
            _legacy("主动公开政府信息数", "主动公开信息数"),
            (*_PART_OF_UNIT, *_PAST),
            legacy,
            proactive,
            _PRE_FIRST,
            proactive_tail,
        ),
        NarrativeCheck(
            "narrative.results",
            _compound(results["disclosed"], results["partly_disclosed"]),
            _typed((*_RESULTS, "disclosed"), (*_RESULTS, "partly_disclosed")),
            needs=results["disclosed"],
            lead=0,
        ),
    ]
    for name, noun in results.items():
        out += check("narrative.results", noun, _typed((*_RESULTS, name)), ())
    return tuple(out)


# -- evaluation ----------------------------------------------------------------


def _value(
    rows: Iterable[tuple[_P, Sequence[_P]]], get: Callable[[_P], CellValue], blank: str
) -> tuple[int | Decimal, bool] | None:
    """(value, exact) of a figure, or None when all its cells are blank.

    ``rows`` are (total, parts) as ``get`` reads them: paths read from the
    report, or positions in the flat tuple of its cells.  Not exact means
    blank cells were left out, so the value is a lower bound.
    """
    total: int | Decimal = 0
    exact = True
    filled = False
    for total_at, parts in rows:
        cell = number(get(total_at))
        if cell is not None:
            total += cell
            filled = True
            continue
        numbers = [n for n in (number(get(p)) for p in parts) if n is not None]
        if numbers:
            filled = True
        total += sum(numbers)
        if len(numbers) < len(parts) or not parts:
            exact = False
    if not filled:
        return None
    return total, exact or blank == "zero"


_SENTENCE_END = re.compile(r"[。；;！？!?\n]")


def _sentence(text: str, start: int, end: int) -> str:
    before = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    after = _SENTENCE_END.search(text, end)
    s = text[before[-1] if before else 0 : after.end() if after else len(text)].strip()
    return s if len(s) <= 160 else s[:157] + "…"


def _matches(check: NarrativeCheck, report: Report) -> Iterator[tuple[str, str, re.Match[str]]]:
    for path, text in iter_paragraphs(report):
        yield from _accepted(check, path, text)


def _accepted(
    check: NarrativeCheck, path: str, text: str, start: int = 0, end: int = sys.maxsize
) -> Iterator[tuple[str, str, re.Match[str]]]:
    """The matches of ``check`` in one paragraph (or in ``text[start:end]``)
    that its reject words leave."""
    for m in check.pattern.finditer(text, start, end):
        if _rejected(check.reject, m) or _a_change(text, m):
            continue
        yield path, text, m


#: A number right after one of these states a change, not a count:
#: "行政复议案件减少5件" says nothing of how many there were.  新增 ("新增5件")
#: counts what is new, and is no change word.
_CHANGE_BEFORE = re.compile(r"(?:增加|增长|上升|增多|提高|减少|下降|降低|减低|回落)了?\s*$")


def _a_change(text: str, m: re.Match[str]) -> bool:
    """Whether the number of ``m`` is a change ("减少5件"), not a count."""
    if "n" not in m.re.groupindex or m.start("n") < 0:
        return False
    start = m.start("n")
    return _CHANGE_BEFORE.search(text, max(0, start - 4), start) is not None


def _rejected(reject: tuple[str, ...], m: re.Match[str]) -> bool:
    """Whether the words around the number of ``m`` hold one of ``reject``."""
    context = "".join(g or "" for k, g in m.groupdict().items() if k != "n")
    return any(map(context.__contains__, reject))


@frozen
class Statement:
    """A count the narrative states, as the checks read it."""

    rule: str
    number: int
    #: The sentence it was read from (cut at 160 characters).
    sentence: str
    #: The JSON path of the paragraph.
    path: str


def statements(report: Report) -> list[Statement]:
    """Every count the narrative of ``report`` states, in the order of the checks.

    What the checks compare with the tables (a statement the checks reject
    as being about a part of the unit, last year or another row is not
    listed).  A sentence may state several counts; the same count read by
    two patterns is listed once.
    """
    out: dict[tuple[str, int, str, int], Statement] = {}
    for check in CHECKS:
        if report.edition not in check.editions:
            continue
        for path, text, m in _matches(check, report):
            count = stated(m)
            key = (check.rule, count, path, m.start("n") if "n" in m.groupdict() else m.start())
            if key not in out:
                out[key] = Statement(check.rule, count, _sentence(text, m.start(), m.end()), path)
    return list(out.values())


def _groups(checks: Sequence[NarrativeCheck]) -> list[list[NarrativeCheck]]:
    """Checks grouped by the figure they compare with (the patterns of one
    noun, in both orders, read one figure: they are judged together)."""
    groups: dict[int, list[NarrativeCheck]] = {}
    for check in checks:
        groups.setdefault(id(check.quantity), []).append(check)
    return list(groups.values())


Found = list[tuple[str, int, str, re.Match[str]]]


def _judge(
    rule: str,
    found: Found,
    cells: tuple[str, ...],
    label: Label,
    value: tuple[int | Decimal, bool] | None,
    context: Context,
) -> Iterator[Finding]:
    """The finding (if any) of one figure, given every statement of it.

    ``found`` is sorted in the order the text makes the statements;
    ``cells`` are the JSON paths of the figure's total cells.
    """
    rule_cell = cells[0]
    if value is None:
        if context.outcomes is not None:
            context.outcomes.append(RelationOutcome(rule, rule_cell, "not-checkable"))
        return
    table, exact = value
    first: tuple[str, str, re.Match[str], int] | None = None
    agreed = False
    for path, _, text, m in found:
        count = stated(m)
        if count == table or (not exact and count >= table):
            agreed = True
            break
        if first is None:
            first = (path, text, m, count)
    if context.outcomes is not None:
        outcome: Outcome = "passed" if agreed else "failed"
        context.outcomes.append(RelationOutcome(rule, rule_cell, outcome))
    if agreed or first is None:
        return
    path, text, m, count = first
    yield Finding(
        rule=rule,
        severity="warning",
        path=rule_cell,
        involves=(*cells, path),
        expected=count,
        actual=table,
        message_id="narrative.mismatch" if exact else "narrative.mismatch-at-least",
        params={"cell": label, "sentence": _sentence(text, m.start(), m.end())},
    )


def _in_order(item: tuple[str, int, str, re.Match[str]]) -> tuple[str, int]:
    return item[0], item[1]


def plain_check(
    checks: Sequence[NarrativeCheck], report: Report, context: Context
) -> Iterator[Finding]:
    """The checks evaluated the obvious way: every figure derived from the
    report's own objects, every paragraph searched by every pattern.

    The reference the compiled evaluation (:func:`_check`) is tested against.
    """
    for group in _groups([c for c in checks if report.edition in c.editions]):
        quantity = group[0].quantity(report)
        if quantity is None:
            continue
        # Every statement of this figure, in the order the text makes them.
        found = sorted(
            (
                (path, m.start(), text, m)
                for check in group
                for path, text, m in _matches(check, report)
            ),
            key=_in_order,
        )
        if not found:
            continue  # the text states nothing about this figure
        cells = tuple(json_path(total) for total, _ in quantity.rows)
        value = _value(quantity.rows, partial(_get, report), context.blank)
        yield from _judge(group[0].rule, found, cells, quantity.label, value, context)


#: Every prose check, with the table figure it is compared with.
CHECKS: tuple[NarrativeCheck, ...] = _build_checks()
