"""Text written to break Markdown, for the escaping tests.

Whole reports come from :mod:`govdisclosure.testing.strategies`; this is
the focused list of fragments that are Markdown, HTML or GFM-table syntax,
entities, control characters and very long lines, mixed with arbitrary
Unicode, for checking :func:`govdisclosure_markdown.escape` on its own.
"""

from __future__ import annotations

from hypothesis import strategies as st

__all__ = ["HOSTILE", "hostile_text"]

#: Markdown, HTML and GFM-table syntax, entities, control characters.
HOSTILE = (
    "|",
    " | a | b |\n|---|---|\n| c | d |",
    "*",
    "**bold**",
    "_",
    "__x__",
    "`",
    "```python\ncode\n```",
    "~~~",
    "~~strike~~",
    "#",
    "# heading",
    "\n## heading\n",
    "Setext\n===",
    "Setext\n---",
    "---",
    "***",
    "- item",
    "+ item",
    "1. item",
    "2) item",
    "> quote",
    "<script>alert(1)</script>",
    "<div>",
    "<!-- c -->",
    "<https://example.com>",
    "[link](https://example.com)",
    "![img](x.png)",
    "[ref]: https://example.com",
    "[^1]",
    "&amp;",
    "&#x3C;",
    "&emsp;",
    "\\",
    "\\|",
    "$x^2$",
    "    indented code",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "\x00",
    "\x07",
    "\x1b[31m",
    "\x0b\x0c",
    "\x1c\x1d\x1e\x85",
    "\u2028\u2029",
    "\u3000\u3000",
    "\u202e",
    "x" * 3000,
    "二、",
    "三、主动公开",
)

hostile_text = st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=12)), max_size=5).map(
    "".join
)
