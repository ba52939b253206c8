"""Row numbering printed in other forms, made by code from a real page.

A table's row labels are numbered on three levels (2019 and 2021 table 3:
一、 / （一） / 1.; the pre-2019 tables: 1.), and portals number them in
other forms: （1） for 1., 1. for （一）, ① for 1., Chinese for Arabic
numerals.  :func:`renumber` rewrites the numbering of chosen levels of every
table of a page (HTML or a Markdown transcription) into another form,
keeping each label's number and words, so a test can ask whether a page
numbered that way imports as the page as published.  A Word file's
``word/document.xml`` is renumbered the same way (its tables are ``<w:tbl>``,
a label's text a ``<w:t>`` run).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

__all__ = ["FORMS", "levels", "renumber", "renumber_label"]

_CN = "一二三四五六七八九十"


def _cn(n: int) -> str:
    return _CN[n - 1] if n <= 10 else "十" + _CN[n - 11]


#: Every form of numbering the tests print, by name: the value → the prefix.
FORMS: dict[str, Callable[[int], str]] = {
    "一、": lambda n: f"{_cn(n)}、",
    "一.": lambda n: f"{_cn(n)}.",
    "（一）": lambda n: f"（{_cn(n)}）",
    "(一)": lambda n: f"({_cn(n)})",
    "（一）、": lambda n: f"（{_cn(n)}）、",
    "㈠": lambda n: chr(0x3220 + n - 1),
    "1.": lambda n: f"{n}.",
    "1．": lambda n: f"{n}．",
    "1、": lambda n: f"{n}、",
    "（1）": lambda n: f"（{n}）",
    "(1)": lambda n: f"({n})",
    "1）": lambda n: f"{n}）",
    "⑴": lambda n: chr(0x2474 + n - 1),
    "①": lambda n: chr(0x2460 + n - 1),
    "❶": lambda n: chr(0x2776 + n - 1),
}

_TAGS = r"(?:<[^>]+>)*"
#: A numbering at the start of a cell's text (after a tag or a Markdown
#: cell's bar, white space, &nbsp; and 其中：), a Word export's tags allowed
#: between the figure and its stop (其中：<span>1</span>．网站公开), and the
#: label's words after it.  Level 1 is 一、, level 2 （一）, level 3 1. / （1）.
_NUMBERING = re.compile(
    r"(?<=[>|])(?P<lead>(?:\s|&nbsp;)*(?:其中[：:])?" + _TAGS + r"(?:\s|&nbsp;)*)"
    r"(?:(?P<l1>[一二三四五六七八九十]{1,3})、"
    r"|[（(](?P<l2>[一二三四五六七八九十]{1,3})[)）]"
    r"|(?P<l3>\d{1,2})(?P<tags>" + _TAGS + r")\s*[.．、]"
    r"|[（(](?P<l3p>\d{1,2})[)）])"
    r"(?=(?:\s|<[^>]+>)*[\u4e00-\u9fff])"
)
_TABLE = re.compile(r"<table.*?</table>|<w:tbl>.*?</w:tbl>|^\|.*$", re.S | re.M)


def _value(numeral: str) -> int:
    if numeral.isdigit():
        return int(numeral)
    tens, ten, units = numeral.partition("十")
    if not ten:
        return _CN.index(numeral) + 1
    return 10 * (_CN.index(tens) + 1 if tens else 1) + (_CN.index(units) + 1 if units else 0)


def _level(m: re.Match[str]) -> int:
    return 1 if m["l1"] else 2 if m["l2"] else 3


def levels(page: str) -> dict[int, int]:
    """How many labels of each level the page's tables number."""
    found: dict[int, int] = {}
    for table in _TABLE.findall(page):
        for m in _NUMBERING.finditer(table):
            found[_level(m)] = found.get(_level(m), 0) + 1
    return found


def _one(m: re.Match[str], forms: Mapping[int, str]) -> str:
    form = forms.get(_level(m))
    if form is None:
        return m.group(0)
    value = _value(m["l1"] or m["l2"] or m["l3"] or m["l3p"])
    return m["lead"] + FORMS[form](value) + (m["tags"] or "")


def renumber(page: str, forms: Mapping[int, str]) -> str:
    """``page`` with the numbering of each level in ``forms`` printed in that
    form (a name of :data:`FORMS`), the same number; other levels and all
    text outside tables untouched."""
    return _TABLE.sub(lambda t: _NUMBERING.sub(lambda m: _one(m, forms), t.group(0)), page)


def renumber_label(label: str, forms: Mapping[int, str]) -> str:
    """One label (a cell's text) renumbered as :func:`renumber` does a table's."""
    return _NUMBERING.sub(lambda m: _one(m, forms), ">" + label)[1:]
