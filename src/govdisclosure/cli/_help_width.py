"""click's help laid out by the width text takes on a terminal.

click measures text in characters, so a Chinese character, two columns
wide, counts as one: the option list's second column drifts wherever a
metavariable is Chinese (``-o, --output 文件``), and help text wraps at twice
the terminal's width.  While a command line runs (:func:`terminal_widths`),
click's measure is the text's display width (East Asian wide and full-width
characters count two, combining marks none), and a run of Chinese text may
break between any two characters, as Chinese is set, instead of only at
spaces.
"""

from __future__ import annotations

import contextlib
import re
import textwrap
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import Any, Final

__all__ = ["display_width", "terminal_widths"]

#: ANSI escape sequences (click's own pattern): they take no columns.
_ANSI: Final = re.compile(r"\033\[[;?0-9]*[a-zA-Z]")


@lru_cache(maxsize=1)
def _wide_chunk() -> re.Pattern[str]:
    """A character of a script set without spaces between words: each is a
    chunk of its own, so a line may break before or after it.  Compiled on
    first use (its character class takes milliseconds to compile, and only
    help text is wrapped with it)."""
    return re.compile(r"([\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f])")


#: Punctuation that never begins a line, and that never ends one.
_CLOSING: Final = frozenset("，。、；：！？）》」』】〕”’…")
_OPENING: Final = frozenset("（《「『【〔“‘")


@lru_cache(maxsize=4096)
def _char_width(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def display_width(text: str) -> int:
    """Columns ``text`` takes on a terminal (escape sequences take none)."""
    plain = _ANSI.sub("", text)
    if plain.isascii():
        return len(plain)
    return sum(_char_width(c) for c in plain)


def _truncate(text: str, columns: int) -> str:
    """The longest prefix of ``text`` that takes at most ``columns`` columns
    (escape sequences kept whole, at least one character)."""
    used = 0
    i = 0
    cut = 0
    while i < len(text):
        escape = _ANSI.match(text, i)
        if escape is not None:
            i = escape.end()
            continue
        used += _char_width(text[i])
        if used > columns and cut > 0:
            break
        i += 1
        cut = i
        if used >= columns:
            break
    return text[:cut]


def _wrapper_class(base: type[textwrap.TextWrapper]) -> type[textwrap.TextWrapper]:
    class WidthWrapper(base):  # type: ignore[misc, valid-type]
        """click's wrapper, splitting runs of Chinese into single characters."""

        def _split(self, text: str) -> list[str]:
            chunks: list[str] = super()._split(text)
            if text.isascii():
                return chunks
            pieces = [piece for chunk in chunks for piece in _wide_chunk().split(chunk) if piece]
            # No line starts with closing punctuation or ends with opening
            # punctuation: each stays with the character it belongs to.
            out: list[str] = []
            for piece in pieces:
                if out and (piece[0] in _CLOSING or out[-1][-1] in _OPENING):
                    out[-1] += piece
                else:
                    out.append(piece)
            return out

    return WidthWrapper


@contextlib.contextmanager
def terminal_widths() -> Iterator[None]:
    """click's help measured in terminal columns for the duration of the block."""
    import click._textwrap
    import click.formatting

    patches: list[tuple[Any, str, Any]] = [
        (click.formatting, "term_len", display_width),
        (click._textwrap, "term_len", display_width),
    ]
    if hasattr(click._textwrap, "_truncate_visible"):
        patches.append((click._textwrap, "_truncate_visible", _truncate))
    patches.append((click._textwrap, "TextWrapper", _wrapper_class(click._textwrap.TextWrapper)))
    saved = [(owner, name, getattr(owner, name)) for owner, name, _ in patches]
    for owner, name, value in patches:
        setattr(owner, name, value)
    try:
        yield
    finally:
        for owner, name, value in reversed(saved):
            setattr(owner, name, value)
