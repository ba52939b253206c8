"""Making report text inert in Markdown.

Everything a report says (unit names, headings, paragraphs, contact
details) is data typed by people; none of it may turn into Markdown
structure.  A unit named ``A | B`` must not add a table column, a paragraph
starting ``# `` must not become a heading, ``<script>`` must not become raw
HTML, and a newline must not end a table row.

CommonMark lets any ASCII punctuation be escaped with a backslash and the
escape always means the literal character, so the rule is simple and
parser-independent:

* characters that start inline structure anywhere (emphasis, code, links,
  raw HTML, entities, GFM tables, strikethrough and math) are always
  escaped;
* characters that start block structure only at the start of a line
  (lists ``-``/``+``/``1.``, setext underlines ``=``) are escaped there;
* line breaks of every kind become spaces, so one piece of text is always
  one line (inside a table cell a line break would end the row; in a
  paragraph, a following ``# `` line would become a heading);
* other control characters become U+FFFD (CommonMark already does so for
  U+0000): they are not text anyone meant to publish, and replacing them
  visibly is better than dropping them silently.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["escape", "escape_inline"]

#: Always escaped: \ ` * _ [ ] < > & | ~ # $ (see the module docstring).  No
#: group: a bare character class scans text several times faster.
_INLINE: Final = re.compile(r"[\\`*_\[\]<>&|~#$]")

#: Every line terminator Python knows, plus tab: all become one space.
_BREAKS: Final = frozenset("\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")

#: An ordered-list marker at the start of a line: up to nine digits and . or ).
_ORDERED: Final = re.compile(r"^(\d{1,9})([.)])")


#: Line terminators to spaces, for ``str.translate``.
_BREAK_SPACES: Final = {ord(ch): " " for ch in _BREAKS}
#: The other control characters (Unicode category Cc is exactly these two ranges).
_CONTROL: Final = re.compile("[\x00-\x1f\x7f-\x9f]")
#: Every character :func:`_clean` changes (each line terminator is a
#: control character but for these two).
_UNCLEAN: Final = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
#: Every character escaping changes: most text has none, and one scan in C
#: says so (a substitution goes through Python code even when it finds nothing).
_SPECIAL: Final = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\\\\`*_\\[\\]<>&|~#$]")


def _clean(text: str) -> str:
    # Two passes in C over the text: a paragraph of tens of megabytes costs
    # time and memory in proportion to its length (a list of its characters
    # took more than thirty times the text's size).
    return _CONTROL.sub("\ufffd", text.translate(_BREAK_SPACES))


def escape_inline(text: str) -> str:
    """``text`` made safe where only inline Markdown is parsed.

    That is a heading's content or a GFM table cell: there, ``1.`` or
    ``-`` at the start cannot open a list, so they are left alone (labels
    such as ``1.属于国家秘密`` stay readable in the source).
    """
    if _SPECIAL.search(text) is None:
        return text.strip(" ")
    # The translation looks up every character: only for text that has a
    # line break or control character.
    if _UNCLEAN.search(text) is not None:
        text = _clean(text)
    return _INLINE.sub(r"\\\g<0>", text.strip(" "))


def escape(text: str) -> str:
    """``text`` as one line of Markdown that reads back as exactly that text.

    Apart from line breaks (spaces) and control characters (U+FFFD), the
    rendered text equals the input with leading and trailing spaces
    removed; it is safe anywhere, including as a paragraph of its own.
    """
    line = escape_inline(text)
    first = line[:1]
    if first in ("-", "+", "="):
        return "\\" + line
    if not first.isdecimal():  # exactly what \d matches: no list marker can start here
        return line
    # A match and two slices: a substitution with a template goes through
    # Python code (re's template expansion) for every line starting with a digit.
    marker = _ORDERED.match(line)
    if marker is None:
        return line
    at = marker.end(1)
    return line[:at] + "\\" + line[at:]
