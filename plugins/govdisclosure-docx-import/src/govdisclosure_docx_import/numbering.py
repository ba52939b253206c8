"""The numbers Word prints before list paragraphs (``w:numPr``).

A unit that numbers its headings with Word's list numbering — 一、, （一）,
1. — stores no such text: the paragraph says ``w:numPr`` (or its style
does) and the numbering part says how the number is drawn (``w:numFmt``,
``w:lvlText`` "%1、", ``w:start``).  Read without it, "一、总体情况" is
"总体情况", and the narrative has no numbered sections.  :func:`list_labels`
counts the list paragraphs in document order as Word does and gives each
its printed label; a bullet, a format it does not know, or a level that
prints nothing gives none (the text as stored, nothing guessed).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Final

from docx.oxml.ns import qn

_DIGITS: Final = "零一二三四五六七八九"
_LEGAL: Final = "零壹贰叁肆伍陆柒捌玖"
_STEMS: Final = "甲乙丙丁戊己庚辛壬癸"
_ZODIAC: Final = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED: Final = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _counting(n: int, digits: str = _DIGITS, ten: str = "十") -> str | None:
    """一 … 九十九 (Word's Chinese counting formats, in the range reports use)."""
    if not 0 < n < 100:
        return None
    tens, ones = divmod(n, 10)
    if not tens:
        return digits[ones]
    return (
        ("" if tens == 1 and digits is _DIGITS else digits[tens])
        + ten
        + (digits[ones] if ones else "")
    )


def _roman(n: int) -> str | None:
    if not 0 < n < 4000:
        return None
    out = ""
    for value, mark in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        while n >= value:
            out, n = out + mark, n - value
    return out


def _letter(n: int) -> str | None:
    return None if n < 1 else chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _in(marks: str) -> Callable[[int], str | None]:
    return lambda n: marks[n - 1] if 0 < n <= len(marks) else None


#: ``w:numFmt`` values → how a counter is printed.
FORMATS: Final[dict[str, Callable[[int], str | None]]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate(
        str.maketrans("0123456789", "０１２３４５６７８９")
    ),
    "decimalFullWidth2": lambda n: str(n).translate(
        str.maketrans("0123456789", "０１２３４５６７８９")
    ),
    "decimalHalfWidth": str,
    "chineseCounting": _counting,
    "chineseCountingThousand": _counting,
    "japaneseCounting": _counting,
    "taiwaneseCounting": _counting,
    "taiwaneseCountingThousand": _counting,
    "ideographDigital": lambda n: "".join(_DIGITS[int(d)] for d in str(n)),
    "chineseLegalSimplified": lambda n: _counting(n, _LEGAL, "拾"),
    "ideographLegalTraditional": lambda n: _counting(n, _LEGAL, "拾"),
    "ideographTraditional": _in(_STEMS),
    "ideographZodiac": _in(_ZODIAC),
    "decimalEnclosedCircle": _in(_CIRCLED),
    "decimalEnclosedCircleChinese": _in(_CIRCLED),
    "ideographEnclosedCircle": lambda n: _in(_CIRCLED)(n),
    "upperRoman": _roman,
    "lowerRoman": lambda n: r.lower() if (r := _roman(n)) else None,
    "upperLetter": _letter,
    "lowerLetter": lambda n: r.lower() if (r := _letter(n)) else None,
}

_PLACE: Final = re.compile(r"%([1-9])")


def _whole(value: str | None, default: int) -> int | None:
    """A count or level the numbering part writes (``w:start``, ``w:ilvl``):
    ``default`` when it is not written, None when it is not a whole number
    (a damaged part: that list prints no label, the file is still read)."""
    if value is None:
        return default
    return int(value) if value.isdecimal() else None


def _start(level: Any, starts: dict[int, int], k: int) -> int | None:
    """Where level ``k`` starts counting: the list's ``w:startOverride``,
    else the level's ``w:start`` (1 when it has none)."""
    return starts[k] if k in starts else _whole(_val(level, "w:start"), 1)


def _val(element: Any, tag: str) -> str | None:
    found = element.find(qn(tag)) if element is not None else None
    return None if found is None else found.get(qn("w:val"))


def _style_numbering(styles: Any) -> dict[str, tuple[str | None, str | None]]:
    """Each paragraph style's own ``numId`` and ``ilvl``, through ``basedOn``."""
    own: dict[str, tuple[str | None, str | None, str | None]] = {}
    for style in styles.iterfind(qn("w:style")) if styles is not None else ():
        numpr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        own[str(style.get(qn("w:styleId")))] = (
            _val(numpr, "w:numId"),
            _val(numpr, "w:ilvl"),
            _val(style, "w:basedOn"),
        )
    out: dict[str, tuple[str | None, str | None]] = {}
    for sid in own:
        num, lvl, seen, at = None, None, set(), sid
        while at in own and at not in seen and num is None:
            seen.add(at)
            num, lvl, base = own[at]
            at = base or ""
        out[sid] = (num, lvl)
    return out


def list_labels(document: Any) -> dict[Any, str]:
    """Each list paragraph of ``document`` (python-docx's) → the label Word
    prints before it ("一、", "（二）", "3."), counted in document order."""
    part = document.part
    # python-docx raises NotImplementedError (or KeyError) for a document
    # with no numbering or styles part: then there is nothing to number.
    try:
        numbering = part.numbering_part.element
    except (KeyError, NotImplementedError):
        return {}
    try:
        styles = part.styles.element
    except (KeyError, NotImplementedError):
        styles = None
    abstracts = {a.get(qn("w:abstractNumId")): a for a in numbering.iterfind(qn("w:abstractNum"))}
    nums: dict[str, tuple[str, Any, dict[int, int]]] = {}
    for num in numbering.iterfind(qn("w:num")):
        ref = _val(num, "w:abstractNumId")
        starts = {}
        for override in num.iterfind(qn("w:lvlOverride")):
            start = _whole(_val(override, "w:startOverride"), -1)
            at = _whole(override.get(qn("w:ilvl")), 0)
            if start is not None and start >= 0 and at is not None:
                starts[at] = start
        # A list with its own start numbers counts apart; else the lists of
        # one abstract definition count together, as Word does.
        key = f"num{num.get(qn('w:numId'))}" if starts else f"abs{ref}"
        nums[str(num.get(qn("w:numId")))] = (key, abstracts.get(ref), starts)
    if not nums:
        return {}
    by_style = _style_numbering(styles)
    counters: dict[str, list[int | None]] = {}
    labels: dict[Any, str] = {}
    fallback = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
    for p in document.element.body.iter(qn("w:p")):
        if any(a.tag == fallback for a in p.iterancestors()):
            continue  # a text box's copy for old readers: counted once
        ppr = p.find(qn("w:pPr"))
        numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
        num_id, ilvl = _val(numpr, "w:numId"), _val(numpr, "w:ilvl")
        style = _val(ppr, "w:pStyle")
        if num_id is None and style is not None:
            num_id, styled_lvl = by_style.get(style, (None, None))
            ilvl = ilvl or styled_lvl
        if num_id is None or num_id not in nums:
            continue  # numId 0 (numbering switched off) is no list either
        key, abstract, starts = nums[num_id]
        if abstract is None:
            continue
        level = _whole(ilvl or None, 0)
        levels = {
            at: lv
            for lv in abstract.iterfind(qn("w:lvl"))
            if (at := _whole(lv.get(qn("w:ilvl")), 0)) is not None
        }
        counts = counters.setdefault(key, [None] * 9)
        if level is None or level >= len(counts) or level not in levels:
            continue
        first = _start(levels[level], starts, level)
        if first is None:
            continue
        for deeper in range(level + 1, len(counts)):
            counts[deeper] = None
        current = counts[level]
        counts[level] = first if current is None else current + 1
        text = _val(levels[level], "w:lvlText")
        if not text:
            continue
        label = _render(text, counts, levels, starts)
        if label:
            labels[p] = label
    return labels


def _render(
    text: str, counts: list[int | None], levels: dict[int, Any], starts: dict[int, int]
) -> str | None:
    """``lvlText`` "%1、" with each %N in level N's format; ``None`` when a
    level's format is a bullet or unknown (nothing is guessed)."""
    out: list[str] = []
    at = 0
    for match in _PLACE.finditer(text):
        k = int(match.group(1)) - 1
        lvl = levels.get(k)
        fmt = _val(lvl, "w:numFmt") or "decimal"
        draw = FORMATS.get(fmt)
        n = counts[k] if counts[k] is not None else _start(lvl, starts, k)
        drawn = draw(n) if draw is not None and n is not None else None
        if drawn is None:
            return None
        out.append(text[at : match.start()])
        out.append(drawn)
        at = match.end()
    if not out:
        return None  # a bullet or a fixed mark, no number
    out.append(text[at:])
    return "".join(out)
