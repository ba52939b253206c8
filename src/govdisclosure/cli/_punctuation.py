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
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

__all__ = ["punctuated"]

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
