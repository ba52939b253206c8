"""Tidying report text for print, the way a clerk fixes it before sending it out.

Reports are typed by hand and the data keeps what was typed: half-width
``,`` ``:`` ``(一)`` in Chinese sentences, a space before a number ("会议 7期"
beside "发布 7 条"), spaces between ``”“`` or ``）（``.  :func:`for_print`
returns the text as it should be printed; the renderer calls it on the
report's own text (title, headings, paragraphs, the signature) when it
draws them and nothing else: the report, its JSON and its checks keep the
text as typed.

The rules only touch characters next to Chinese text, so an English
sentence, a URL (``http://``), an e-mail address or a number such as
``1,234.5`` is left alone:

* half-width ``, ; : ? !`` after (or, for ``,``, before) a Chinese
  character become full-width; a ``.`` after a Chinese character at the end
  of a sentence becomes ``。``;
* a pair of ``( )`` becomes ``（ ）`` when it holds or touches Chinese text;
  straight double quotes in a Chinese paragraph become ``“ ”`` in turn;
* full-width digits and letters (``２０２４``) become ordinary ones;
* spaces next to a Chinese character or a full-width mark are dropped:
  Chinese text has no spaces, and a number sits in it without any.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["for_print", "is_cjk"]

#: Full-width forms of ASCII letters and digits → ASCII.
_WIDE_ALNUM: Final = {
    **{0xFF10 + k: 0x30 + k for k in range(10)},
    **{0xFF21 + k: 0x41 + k for k in range(26)},
    **{0xFF41 + k: 0x61 + k for k in range(26)},
}
_SPACES: Final = re.compile(r"[ \t\u00a0\u3000]+")
_PUNCT: Final = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}


def is_cjk(ch: str) -> bool:
    """A Chinese character, CJK mark, full-width form or curly quote (set in the CJK face)."""
    o = ord(ch)
    return (
        0x3000 <= o <= 0x303F  # CJK punctuation: 、。〈〉《》「」
        or 0x3400 <= o <= 0x9FFF  # ideographs
        or 0xF900 <= o <= 0xFAFF
        or 0xFF00 <= o <= 0xFFEF  # full-width forms: ，：（）
        or 0x2018 <= o <= 0x201D  # ‘’“”
        or o in (0x2014, 0x2026, 0x00B7)  # — … ·
    )


def _han(ch: str) -> bool:
    o = ord(ch)
    return 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF


def _drop_spaces(text: str) -> str:
    def repl(m: re.Match[str]) -> str:
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if (before and is_cjk(before)) or (after and is_cjk(after)) or not before or not after:
            return ""
        return " "

    return _SPACES.sub(repl, text)


def _brackets(chars: list[str]) -> None:
    """Turn matching ``( )`` around or beside Chinese text full-width, in place."""
    if "(" not in chars:
        return
    # han[k]: Chinese characters among chars[:k], so that "is there one
    # between the brackets" costs the same for nested brackets as for flat
    # ones (scanning each pair's inside would be quadratic in the nesting).
    han = [0]
    for ch in chars:
        han.append(han[-1] + _han(ch))
    stack: list[int] = []
    for i, ch in enumerate(chars):
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            a = stack.pop()
            before = chars[a - 1] if a else ""
            after = chars[i + 1] if i + 1 < len(chars) else ""
            if han[i] > han[a + 1] or (before and _han(before)) or (after and _han(after)):
                chars[a], chars[i] = "（", "）"


def _quotes(chars: list[str]) -> None:
    """Straight double quotes in a Chinese paragraph become “ ” in turn (an even number)."""
    where = [i for i, c in enumerate(chars) if c == '"']
    if not where or len(where) % 2 or not any(_han(c) for c in chars):
        return
    for k, i in enumerate(where):
        chars[i] = "“" if k % 2 == 0 else "”"


def for_print(text: str) -> str:
    """``text`` as it should be printed (see the module docstring); idempotent."""
    if not text:
        return text
    text = text.translate(_WIDE_ALNUM)
    text = _drop_spaces(text)
    chars = list(text)
    n = len(chars)
    for i, ch in enumerate(chars):
        prev = chars[i - 1] if i else ""
        nxt = chars[i + 1] if i + 1 < n else ""
        if ch in _PUNCT:
            after_han = bool(prev) and (_han(prev) or prev in "）”》")
            before_han = bool(nxt) and _han(nxt) and ch == ","
            if (after_han or before_han) and not (prev.isdigit() and nxt.isdigit()):
                chars[i] = _PUNCT[ch]
        elif ch == "." and prev and _han(prev) and (not nxt or _han(nxt) or nxt == "\n"):
            chars[i] = "。"
    _brackets(chars)
    _quotes(chars)
    # A mark made full-width may now touch a space that was kept between Latin text.
    return _drop_spaces("".join(chars))
