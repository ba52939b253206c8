"""Text as portal pages print it, made comparable.

Pages pasted from Word carry ``&nbsp;`` runs inside labels ("本年\xa0\xa0废止件数"),
full-width digits and spaces, 1、/1./（1） numbering and thousands separators.
Two jobs live here: :func:`label_key` turns a printed label into the key it is
matched by (the printed text itself is kept elsewhere, untouched), and
:func:`read_number` reads a printed cell into a model value or says why not.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Final

from attrs import frozen

from govdisclosure.cells import NA_MARKS, NotApplicable

from .traditional import mainland_words, simplified, without_readings

__all__ = [
    "CellText",
    "Key",
    "as_marks",
    "clean",
    "is_formula",
    "label_key",
    "money_unit_line",
    "read_number",
    "split_number",
    "struck",
]

_SPACE = re.compile(r"\s+")
#: A Chinese numeral of one to ninety-nine, as row numbering prints it (一, 十, 十二, 二十三).
_CN = r"(?:[二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_CN_DIGITS: Final = {c: i for i, c in enumerate("一二三四五六七八九", 1)}
#: Leading numbering, after NFKC (（一） → (一), １． → 1., ⑴ → (1), ㈠ → (一)),
#: in its three printed forms: 一、 / 一. ; (一) / 一) ; 1、 / 1. / (1) / 1).
#: A bracket may be followed by 、 or . ("（一）、予以公开").
_ENUM = re.compile(
    rf"^(?:(?P<cn>{_CN})[、.]"
    rf"|\(?(?P<cnp>{_CN})\)[、.]?"
    r"|\((?P<arp>\d{1,2})\)[、.]?"
    r"|(?P<ar>\d{1,2})(?:[、.)](?!\d)))"
)
#: Circled figures ①–⑳ and the dingbats ❶–❿, ➀–➉, ➊–➓, by their value;
#: the form's canonical figure is ①–⑳.
_CIRCLED: Final = {
    **{chr(0x2460 + i): i + 1 for i in range(20)},
    **{chr(start + i): i + 1 for start in (0x2776, 0x2780, 0x278A) for i in range(10)},
}
#: A circled figure numbering a label (after white space and 其中：), found
#: before NFKC, which would make ① the digit 1 glued to the words.
_LEADING_CIRCLED = re.compile(rf"^(\s*(?:其中\s*[:：]?)?\s*)([{''.join(_CIRCLED)}])")
_OF_WHICH = re.compile(r"^其中[:：]?")
#: A count's unit printed after a label ("自然人（件）", "（单位：件）"): says
#: nothing about which cell it is.  Never a money unit: a heading in 元
#: where the format says 万元 must not match as if it said 万元.
_COUNT_UNIT = re.compile(r"\((?:单位[:：])?(?:件|个|条|项|次|人次|人|篇|家|起|宗)\)$")
#: A note the publisher put after a label ("…申请数量（注：含上级转办）"):
#: it explains the row, it does not name another.  Only a bracketed note
#: that says it is one (注, 备注, 说明 and a colon): the official labels'
#: own brackets ("（区分处理的，只计这一情形…）") say no such thing.
_NOTE = re.compile(r"\((?:注|备注|说明)[:：][^()]*\)$")


@lru_cache(maxsize=8192)
def clean(text: str) -> str:
    """NFKC (full-width digits, letters, spaces and brackets to half width),
    traditional characters as simplified (:mod:`.traditional`: "規章" is
    规章) and a converter's readings after them taken out ("規(guī)章" is
    规章 too), every run of white space (``&nbsp;``, ideographic space, line
    breaks) removed.

    Chinese labels have no meaningful spaces, and a space inside a number
    is a thousands gap ("1 234") when it is one: :func:`read_number` refuses
    a figure whose digits are parted otherwise ("0 1") before reading it so.
    """
    return _SPACE.sub("", simplified(without_readings(unicodedata.normalize("NFKC", text))))


@frozen
class Key:
    """A label as matched: its numbering (canonical), the numbering's value
    (0: none printed) and its words.

    ``code`` keeps the numbering's *form*: ``"一"`` (一、), ``"(一)"``,
    ``"1"`` (1. 1、 (1) 1) ⑴) or ``"①"``; ``ordinal`` is its value whatever the
    form, so 一、 （一） 1. （1） ① all number the first row of their list.
    Placement compares ordinals (a page may number a level in another form
    than the format) and says when the forms differ.
    """

    code: str
    words: str
    ordinal: int = 0

    def __str__(self) -> str:
        return f"{self.code}.{self.words}" if self.code else self.words

    def numbering_agrees(self, other: Key) -> bool:
        """The two numberings agree: by value when both print one, whatever
        the form; a label printed without numbering agrees with any."""
        return not self.code or not other.code or self.ordinal == other.ordinal


#: The note the project's renderers put after a label printed otherwise than
#: the format (:func:`govdisclosure.formatting.row_label`, Chinese):
#: "2.其他法律行政止公开（原文如此，格式为“2.其他法律行政法规禁止公开”）".
_AS_PRINTED_NOTE = re.compile(r"[（(]原文如此[，,]格式为“[^”]*”[）)]$")


def without_as_printed_note(text: str) -> str:
    """``text`` (white space already removed) without the renderers' "as
    printed" note: the label as the original report printed it."""
    return _AS_PRINTED_NOTE.sub("", text)


def _cn_value(numeral: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 二十三 → 23 (what :data:`_CN` admits).

    A table of nine characters and the rule of 十 is all row numbering needs;
    cn2an would bring three packages and some 0.4 s of import time for it.
    """
    tens, ten, units = numeral.partition("十")
    if not ten:
        return _CN_DIGITS[numeral]
    return 10 * (_CN_DIGITS[tens] if tens else 1) + (_CN_DIGITS[units] if units else 0)


@lru_cache(maxsize=8192)
def label_key(text: str) -> Key:
    """The matching key of a printed label.

    ``"（1）属于国家秘密"``, ``"1、属于国家秘密"`` and ``"1.属于国家秘密"`` all give
    ``Key("1", "属于国家秘密", 1)``; ``"（一）予以公开"`` gives ``Key("(一)", …, 1)``,
    ``"一、本年新收…"`` ``Key("一", …, 1)`` and ``"①属于国家秘密"`` ``Key("①", …, 1)``
    (the forms stay apart, the values agree).
    A converter's Taiwan words are read as the mainland's ("規範性檔案" is
    规范性文件: :func:`.traditional.mainland_words`).
    A leading "其中：" is dropped (it only says the row is a part), and so
    are a count's unit printed after it ("自然人（件）"), a publisher's
    bracketed note ("（注：…）"), a trailing colon ("行政许可：", a label
    written as the lead-in of its figures) and the note our renderers put
    after a label printed otherwise.
    """
    circled = _LEADING_CIRCLED.match(text)
    if circled:
        text = circled.group(1) + text[circled.end() :]
    s = without_as_printed_note(clean(mainland_words(text))).rstrip(":")
    s = _COUNT_UNIT.sub("", _NOTE.sub("", s).rstrip(":")).rstrip(":")
    s = _OF_WHICH.sub("", s)
    code = ""
    ordinal = 0
    if circled:
        ordinal = _CIRCLED[circled.group(2)]
        code = chr(0x2460 + ordinal - 1)
    elif m := _ENUM.match(s):
        if m.group("cn"):
            code, ordinal = m.group("cn"), _cn_value(m.group("cn"))
        elif m.group("cnp"):
            code, ordinal = f"({m.group('cnp')})", _cn_value(m.group("cnp"))
        else:
            ordinal = int(m.group("arp") or m.group("ar"))
            code = str(ordinal)
        s = s[m.end() :]
    s = _OF_WHICH.sub("", s)
    return Key(code, s, ordinal)


_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?:\D|$))")
#: 起 and 宗 count cases (行政复议、行政诉讼 "3起", "2宗").
_UNIT_SUFFIX = re.compile(r"(万元|元|件|条|项|个|次|人次|人|篇|起|宗)$")
#: The minus sign (U+2212) Word's symbol menu and some typesetting put before
#: a 2019 本年增/减; NFKC leaves it alone.
_MINUS = str.maketrans({"\u2212": "-"})
_NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$")


@frozen
class CellText:
    """A printed value cell, read.

    ``value`` is an ``int``, a ``Decimal``, a :class:`NotApplicable`, or
    ``None`` for an empty cell; ``unit`` is a unit suffix printed with the
    number ("元"); ``unreadable`` is True when the text is not a number at all
    (the value is then ``None`` and the cell is reported, never guessed).
    """

    value: int | Decimal | NotApplicable | None
    unit: str | None = None
    unreadable: bool = False
    #: The word that gave a signed change its sign ("减少" in "减少3件"), if
    #: the change is written in words (:func:`read_change`).
    sign_word: str | None = None


def split_number(text: str) -> tuple[str, str | None]:
    """The number part of a cleaned cell text and its unit suffix, if any."""
    s = _THOUSANDS.sub("", clean(text).translate(_MINUS)).replace("，", "")
    m = _UNIT_SUFFIX.search(s)
    if m and m.start() > 0:
        return s[: m.start()], m.group(1)
    return s, None


def _digit_in_disguise(ch: str) -> bool:
    """A character NFKC turns into digits that is no digit itself: a
    footnote mark ("①", "¹", "⑴") after a figure, which read through NFKC
    would add a digit to it ("81①" → 811)."""
    if ch.isdecimal() or ch.isascii():
        return False
    return any(d.isdigit() for d in unicodedata.normalize("NFKC", ch))


#: Digits set raised or lowered (``<sup>``, ``<sub>``, Word's ``w:vertAlign``)
#: as the superscript and subscript characters.
_RAISED: Final = {
    "superscript": str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"),
    "subscript": str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"),
}


def as_marks(text: str, position: str) -> str:
    """The text of a raised (``"superscript"``) or lowered (``"subscript"``)
    run with its digits as the characters that print them so.

    A digit set small above or below the line after a figure is a footnote
    mark, not a digit of the figure ("53" and a raised "1" is no 531): so
    written, :func:`read_number` finds the mark and refuses the cell, as it
    does "53¹" typed.  Any other position leaves the text as it is."""
    table = _RAISED.get(position)
    return text.translate(table) if table is not None else text


#: A formula whose value was never calculated, as the Excel and Word imports
#: give it: a workbook written by a program and never opened in a spreadsheet
#: ("=SUM(D5:I5)", "=B4+C4"), a Word table formula field never updated
#: ("=SUM(LEFT)").
_FORMULA: Final = re.compile(r"^=\s*(?:[A-Za-z][A-Za-z0-9.]*\(|\$?[A-Za-z]{1,3}\$?\d)")


def is_formula(text: str) -> bool:
    """``text`` is a formula never calculated (:data:`_FORMULA`): it stands
    where a figure stands, and is reported as such, never read or computed."""
    return _FORMULA.match(text) is not None


#: The combining long stroke overlay: "8̶0̶" is 80 struck through, as plain text writes it.
STROKE: Final = "\u0336"


def struck(text: str) -> str:
    """The text of a run set struck through (``<s>``, Word's ``w:strike``,
    Excel's strikethrough), each character followed by :data:`STROKE`.

    A struck figure beside another ("~~80~~ 81") is the publisher's
    correction, printed: which figure stands is the reader's judgement, so
    the cell must be refused, never read as 8081 (the struck digits joined
    to the others) nor as 81 by guess.  So written, :func:`read_number`
    finds no number in it and the cell is reported unreadable."""
    return "".join(ch + STROKE if not ch.isspace() else ch for ch in text)


#: Digits and points printed apart by white space ("1 234", "0 1", "12 .5").
_SPACED = re.compile(r"[\d.,]+(?:\s+[\d.,]+)+")
#: The one figure white space may run through: its whole part grouped in
#: threes by thousands gaps ("1 234 567", "1 234.5").
_GAPPED = re.compile(r"[1-9]\d{0,2}(?:\s+\d{3})+(?:\.\d+)?")


def _parted(text: str) -> bool:
    """White space inside the figure that is no thousands gap: "0 1" is a 0
    and a 1 printed side by side (a figure and a unit or note after it),
    which read as one number would be a figure nobody printed ("01" → 1)."""
    spaced = unicodedata.normalize("NFKC", text)
    return any(_GAPPED.fullmatch(m.group()) is None for m in _SPACED.finditer(spaced))


@lru_cache(maxsize=8192)
def read_number(text: str) -> CellText:
    """Read one printed value cell (see :class:`CellText`).

    Full-width digits read as digits; a circled or superscript digit after
    a figure (a footnote mark) makes the cell unreadable, never a digit of
    the figure; so does white space between digits that is no thousands
    gap ("0 1", "12 34": two texts side by side, never 1 or 1234)."""
    s = clean(text)
    if not s:
        return CellText(None)
    if any(_digit_in_disguise(ch) for ch in text) and any(ch.isdecimal() for ch in text):
        # A mark alone ("①" in a 序号 column) numbers a row as before.
        return CellText(None, unreadable=True)
    raw = _SPACE.sub("", text)
    for mark in NA_MARKS:
        if raw == mark:
            return CellText(NotApplicable(mark))
    if s in ("/", "-", "——", "--"):
        # Full-width ／ and doubled dashes: the nearest mark the model keeps.
        return CellText(NotApplicable("—" if s in ("——", "--") else s))  # type: ignore[arg-type]
    number, unit = split_number(s)
    if not _NUMBER.match(number) or _parted(text):
        return CellText(None, unreadable=True)
    if "." in number:
        try:
            return CellText(Decimal(number), unit)
        except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
            return CellText(None, unreadable=True)
    return CellText(int(number), unit)


#: Words a change is written with, by the sign they give ("减少3件" is −3).
#: 新增 ("全年新增5件") counts what is new, and is no change word.  Read only
#: where a change stands (the 本年增/减 column's cells), so the column's own
#: one-character words count too.
CHANGE_WORDS: Final = {
    **dict.fromkeys(("增加", "增长", "上升", "增多", "提高"), 1),
    **dict.fromkeys(("减少", "下降", "降低", "减低", "回落"), -1),
    # The column's own words (本年增/减), one character before the figure:
    # "增15", "减4".  Tried after the longer words ("增加" before "增").
    "增": 1,
    "减": -1,
}
_CHANGE = re.compile("^(" + "|".join(sorted(CHANGE_WORDS, key=len, reverse=True)) + ")(?:了)?(.+)$")
#: Words that state a change of exactly nought ("持平": level with last
#: year; "无变化", "不变": no change).  Unlike "无" in a count, which says
#: nothing was counted and may hide a figure not filled in, these name the
#: size of the change: 0.  Whole cell only: "基本持平" (about level) is an
#: estimate and stays unreadable.
NO_CHANGE_WORDS: Final = frozenset({"持平", "无变化", "没有变化", "不变", "保持不变", "无增减"})


def read_change(text: str) -> CellText:
    """A signed change printed in words ("增加5件", "减少3", "下降 2 项"), for
    a cell of the 2019 本年增/减: the word gives the sign, the figure after it
    the size; a word of :data:`NO_CHANGE_WORDS` ("持平", "无变化", "不变")
    alone is a change of 0.  Anything else, a sign beside the word
    ("减少-3"), a decimal, an estimate ("基本持平"), stays unreadable: the
    cell is reported, never guessed.  ``sign_word`` keeps the word read."""
    s = clean(text)
    if s in NO_CHANGE_WORDS:
        return CellText(0, sign_word=s)
    m = _CHANGE.match(s)
    if m is None:
        return CellText(None, unreadable=True)
    size = read_number(m.group(2))
    if type(size.value) is not int or size.unreadable or not m.group(2)[0].isdecimal():
        return CellText(None, unreadable=True)
    return CellText(CHANGE_WORDS[m.group(1)] * size.value, size.unit, sign_word=m.group(1))


def looks_numeric(text: str) -> bool:
    """True when a cell reads as a number or a not-applicable mark."""
    read = read_number(text)
    return read.value is not None and not read.unreadable


#: A line that only gives units ("（金额单位：元）", "单位：件、元"): short, and
#: saying 单位.
_UNIT_LINE_LENGTH: Final = 24


def money_unit_line(text: str) -> str | None:
    """The money unit a unit line gives ("元" or "万元"), or None when ``text``
    is no unit line or names no money unit.

    Portals print the unit once above a table instead of in its headings; a
    fee column headed only "本年收费金额" under "（金额单位：元）" is in 元."""
    s = clean(text)
    if len(s) > _UNIT_LINE_LENGTH or "单位" not in s:
        return None
    if "万元" in s:
        return "万元"
    return "元" if "元" in s else None
