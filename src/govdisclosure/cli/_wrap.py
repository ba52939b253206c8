"""Text wrapped where a reader breaks it: never inside a date, a number, a path.

rich breaks a line at spaces only; Chinese text has none, so a message such
as ``发布日期2012-04-11晚于截止日期2012-03-31（条例…）`` was one long word,
folded wherever the column ended (``2012-0`` / ``4-11``), and a space between
a number and its measure word (``0 项不通过``) was taken as the place to
break.  :func:`wrap` breaks instead:

* between two Chinese characters (or a Chinese character and Latin text), as
  Chinese is set;
* at a space between two pieces of Latin text, as English is set;

and never inside a run of Latin letters, digits and their punctuation (a
date, an amount, a rule id, a JSON path: ``$.table3.results.total``), never
at a space that touches a Chinese character (``0 项``, ``2024 年``), never
before closing punctuation (``，``, ``）``, ``”``, ``)``) nor after opening
punctuation (``（``, ``“``, ``(``).  A piece wider than the whole width is
folded, the only way it can be shown in that width (:func:`widest_piece`
tells a layout that it would be).

Measured against the Unicode line breaking algorithm (UAX #14, ``uniseg``)
on our messages in both locales, and kept: docs/cli.md ("Tables") gives the
figures, ``bench/wrap_uax14.py`` makes them.
"""

from __future__ import annotations

import unicodedata
from typing import Final

from rich.cells import cell_len, chop_cells

__all__ = ["pieces", "widest_piece", "wrap"]

#: No line starts with these (they close what comes before them).
_CLOSING: Final = frozenset("，。、；：！？）】》〉」』”’…,.;:!?)]}%")
#: No line ends with these (they open what comes after them).
_OPENING: Final = frozenset("（【《〈「『“‘([{")


def _wide(char: str) -> bool:
    """A character set as Chinese is: a break may fall on either side of it."""
    return unicodedata.east_asian_width(char) in ("W", "F")


def _breakable(before: str, after: str, spaced: bool) -> bool:
    """Whether a line may break between ``before`` and ``after`` (with
    spaces between them when ``spaced``)."""
    if after in _CLOSING or before in _OPENING:
        return False
    if spaced:  # a space between two pieces of Latin text, not beside Chinese
        return not (_wide(before) or _wide(after))
    return _wide(before) or _wide(after)


def pieces(line: str) -> list[str]:
    """``line`` cut where it may be broken: the pieces join back into it, and
    each but the first starts where a break is allowed (spaces end the
    piece before them)."""
    out: list[str] = []
    start = 0
    i = 0
    n = len(line)
    while i < n:
        j = i + 1
        while j < n and line[j] == " ":
            j += 1
        if j >= n:
            break
        spaced = j > i + 1
        before = line[i]
        if before != " " and _breakable(before, line[j], spaced):
            out.append(line[start:j])
            start = j
        i = j
    out.append(line[start:])
    return [piece for piece in out if piece]


def widest_piece(text: str) -> int:
    """The widest piece of ``text`` that :func:`wrap` will not break (in
    terminal cells, trailing spaces left out)."""
    return max(
        (cell_len(piece.rstrip(" ")) for line in text.split("\n") for piece in pieces(line)),
        default=0,
    )


def wrap(text: str, width: int) -> list[str]:
    """``text`` as lines at most ``width`` cells wide, broken only where
    :func:`pieces` allows (a piece wider than ``width`` is folded)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for piece in pieces(paragraph):
            if cell_len((line + piece).rstrip(" ")) <= width:
                line += piece
                continue
            if line.strip(" "):
                lines.append(line.rstrip(" "))
            line = piece
            while cell_len(line.rstrip(" ")) > width:  # wider than any line: folded
                first, *_ = chop_cells(line, width)
                lines.append(first)
                line = line[len(first) :]
        lines.append(line.rstrip(" "))
    return lines
