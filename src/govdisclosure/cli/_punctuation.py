"""click's usage errors punctuated as the locale writes.

click's catalogs translate its words ("Missing option" → 缺少选项), but
part of each message is put together by click's code, outside any message:
the full stop after a missing parameter (``f"{missing}{hint}.{extra}"``),
Python's ``repr`` quotes around every name and value (``'--jobs' / '-j'``,
``'x' is not one of '2021', '2019'``), the list of choices on tab-indented
lines, the space before "Did you mean".  A Chinese message then reads
``缺少参数 'FILE...'.``.  :func:`punctuated` rewrites those joints of a
message already translated into the conventions of its language — Chinese
quotation marks, the ideographic full stop and enumeration comma, no space
between Chinese text and a quotation — and leaves the words alone.  English
is click's own punctuation and is left as it is.

click's help has joints of its own (:class:`HelpFormatter`): the colon
after a heading (``Options:``), the space after ``Usage:``, and the note
after an option's help, ``  [default: missing; required]``, with the
parentheses around a default given as text (``(LANGUAGE …)``).  In Chinese
they read ``选项:`` and ``  [默认：missing]``; the formatter writes them
as Chinese is written: ``选项：``, ``用法：govdisclosure …``,
``……视为零。（默认：missing）``, items joined by ``；``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Final

import click

__all__ = ["HelpFormatter", "help_note", "punctuated"]

#: A name or value as ``repr`` quotes it: single quotes, or double quotes
#: when the text holds a single quote (the leftmost quote opens).
_QUOTED: Final = re.compile(r"'([^'\n]*)'|\"([^\"\n]*)\"")

#: Chinese text or punctuation: what needs no space beside a quotation mark.
_CJK: Final = r"\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"


def _chinese(text: str) -> str:
    text = _QUOTED.sub(lambda m: f"“{m.group(1) if m.group(1) is not None else m.group(2)}”", text)
    text = text.replace("”, “", "”、“").replace("” / “", "”/“")
    # A list of choices, one per tab-indented line: one line, 、 between.
    text = re.sub(r"[:：]\n\t", "：", text)
    text = re.sub(r",\n\t", "、", text)
    # A full stop after Chinese text or a quotation: 。, and no space after it.
    text = re.sub(rf"(?<=[{_CJK}”])\.(?=\s|$|[{_CJK}“])", "。", text)
    text = re.sub(r"。 +", "。", text)
    # No space between Chinese text and a quotation mark.
    text = re.sub(rf"(?<=[{_CJK}]) +(?=“)", "", text)
    return re.sub(rf"(?<=”) +(?=[{_CJK}])", "", text)


#: Each language's rewriting, by the language of the locale.
_BY_LANGUAGE: Final[dict[str, Callable[[str], str]]] = {"zh": _chinese}


def punctuated(text: str, locale: str) -> str:
    """``text`` (a usage error click put together, already translated into
    ``locale``) with the joints click's code made written as ``locale``
    writes them."""
    rewrite = _BY_LANGUAGE.get(locale.split("_")[0])
    return rewrite(text) if rewrite is not None else text


def _chinese_note(help_text: str, items: list[str]) -> str:
    # A default given as text is put in parentheses by click: within the
    # note's own parentheses they are dropped.
    items = [re.sub(r"^([^：]+：)\((.*)\)$", r"\1\2", item, flags=re.DOTALL) for item in items]
    return f"{help_text}（{'；'.join(items)}）"


#: Each language's note after an option's help: (help, its items) → text.
_NOTE_BY_LANGUAGE: Final[dict[str, Callable[[str, list[str]], str]]] = {"zh": _chinese_note}


def help_note(text: str, locale: str) -> str:
    """An option's help as ``locale`` writes it: click's note after it
    (``help  [default: x; required]``) punctuated as the locale writes
    (English: as click writes it)."""
    note = _NOTE_BY_LANGUAGE.get(locale.split("_")[0])
    if note is None or not text.endswith("]"):
        return text
    if text.startswith("["):
        help_text, extra = "", text[1:-1]
    else:
        help_text, found, extra = text.rpartition("  [")
        if not found:
            return text
        extra = extra[:-1]
    return note(help_text, extra.split("; "))


def _chinese_text(locale: str) -> bool:
    return locale.split("_")[0] in _NOTE_BY_LANGUAGE


class HelpFormatter(click.HelpFormatter):
    """click's help and usage, their joints punctuated as :attr:`locale`
    writes (set on the class made for a command line, :func:`formatter`)."""

    locale: str = "en"

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if prefix is None and _chinese_text(self.locale):
            from ..i18n import gettext

            usage = gettext(self.locale, "Usage:")
            # A full-width colon has its space in it.
            prefix = usage if usage.endswith("：") else f"{usage} "
        super().write_usage(prog, args, prefix)

    def write_heading(self, heading: str) -> None:
        if _chinese_text(self.locale):
            self.write(f"{'':>{self.current_indent}}{heading}：\n")
        else:
            super().write_heading(heading)

    def write_dl(
        self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        rows = [(term, help_note(text, self.locale)) for term, text in rows]
        super().write_dl(rows, col_max, col_spacing)


def formatter(locale: str) -> type[HelpFormatter]:
    """A :class:`HelpFormatter` writing in ``locale``."""
    return type("HelpFormatter", (HelpFormatter,), {"locale": locale})
