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

__all__ = ["CellText", "Key", "clean", "label_key", "read_number", "split_number"]

_SPACE = re.compile(r"\s+")
_NUMERALS: Final = "一二三四五六七八九十"
# Leading numbering: 一、 / （一） / (一) / 1、 1. 1． (1) （1） ①
_ENUM = re.compile(
    r"^(?:(?P<cn>[一二三四五六七八九十]{1,3})[、.]"
    r"|\((?P<cnp>[一二三四五六七八九十]{1,3})\)"
    r"|\((?P<arp>\d{1,2})\)"
    r"|(?P<ar>\d{1,2})(?:[、.](?!\d)))"
)
_OF_WHICH = re.compile(r"^其中[:：]?")
#: A count's unit printed after a label ("自然人（件）", "（单位：件）"): says
#: nothing about which cell it is.  Never a money unit: a heading in 元
#: where the format says 万元 must not match as if it said 万元.
_COUNT_UNIT = re.compile(r"\((?:单位[:：])?(?:件|个|条|项|次|人次|篇|家)\)$")


@lru_cache(maxsize=8192)
def clean(text: str) -> str:
    """NFKC (full-width digits, letters, spaces and brackets to half width),
    every run of white space (``&nbsp;``, ideographic space, line breaks) removed.

    Chinese labels have no meaningful spaces, and a space inside a number
    ("1 234") is a thousands gap, so removing all of them is safe here.
    """
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


@frozen
class Key:
    """A label as matched: its numbering (canonical) and its words."""

    code: str
    words: str

    def __str__(self) -> str:
        return f"{self.code}.{self.words}" if self.code else self.words


#: The note the project's renderers put after a label printed otherwise than
#: the format (:func:`govdisclosure.formatting.row_label`, Chinese):
#: "2.其他法律行政止公开（原文如此，格式为“2.其他法律行政法规禁止公开”）".
_AS_PRINTED_NOTE = re.compile(r"[（(]原文如此[，,]格式为“[^”]*”[）)]$")


def without_as_printed_note(text: str) -> str:
    """``text`` (white space already removed) without the renderers' "as
    printed" note: the label as the original report printed it."""
    return _AS_PRINTED_NOTE.sub("", text)


@lru_cache(maxsize=8192)
def label_key(text: str) -> Key:
    """The matching key of a printed label.

    ``"（1）属于国家秘密"``, ``"1、属于国家秘密"`` and ``"1.属于国家秘密"`` all give
    ``Key("1", "属于国家秘密")``; ``"（一）予以公开"`` gives ``Key("(一)", …)`` and
    ``"一、本年新收…"`` ``Key("一", …)`` (the three numbering levels stay apart).
    A leading "其中：" is dropped (it only says the row is a part), and so
    are a count's unit printed after it ("自然人（件）") and the note our
    renderers put after a label printed otherwise.
    """
    s = _COUNT_UNIT.sub("", without_as_printed_note(clean(text)))
    s = _OF_WHICH.sub("", s)
    m = _ENUM.match(s)
    code = ""
    if m:
        if m.group("cn"):
            code = m.group("cn")
        elif m.group("cnp"):
            code = f"({m.group('cnp')})"
        else:
            code = str(int(m.group("arp") or m.group("ar")))
        s = s[m.end() :]
    s = _OF_WHICH.sub("", s)
    return Key(code, s)


_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?:\D|$))")
_UNIT_SUFFIX = re.compile(r"(万元|元|件|条|项|个|次|人次|人|篇)$")
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


def split_number(text: str) -> tuple[str, str | None]:
    """The number part of a cleaned cell text and its unit suffix, if any."""
    s = _THOUSANDS.sub("", clean(text)).replace("，", "")
    m = _UNIT_SUFFIX.search(s)
    if m and m.start() > 0:
        return s[: m.start()], m.group(1)
    return s, None


@lru_cache(maxsize=8192)
def read_number(text: str) -> CellText:
    """Read one printed value cell (see :class:`CellText`)."""
    s = clean(text)
    if not s:
        return CellText(None)
    raw = _SPACE.sub("", text)
    for mark in NA_MARKS:
        if raw == mark:
            return CellText(NotApplicable(mark))
    if s in ("/", "-", "——", "--"):
        # Full-width ／ and doubled dashes: the nearest mark the model keeps.
        return CellText(NotApplicable("—" if s in ("——", "--") else s))  # type: ignore[arg-type]
    number, unit = split_number(s)
    if not _NUMBER.match(number):
        return CellText(None, unreadable=True)
    if "." in number:
        try:
            return CellText(Decimal(number), unit)
        except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
            return CellText(None, unreadable=True)
    return CellText(int(number), unit)


def looks_numeric(text: str) -> bool:
    """True when a cell reads as a number or a not-applicable mark."""
    read = read_number(text)
    return read.value is not None and not read.unreadable
