"""Links from a page without tables to the page that may hold them.

Portals often publish a report as a short notice whose body says "点击查看"
or "详见附件" and links another page of the site, where the report (or only
its 附表) is printed.  An import of the notice finds no tables; the link is
what a reader follows.  :func:`linked_pages` names such links of the
article body: those whose text, or the paragraph around it, says it leads to
the report ("查看", "详见", "附件", "附表", "全文", "报告" …).  Links to files are
attachments (:mod:`.page`), not pages; links within the page (``#…``),
scripts and mail are none.  The import only *names* the links (no network
here); ``govdisclosure import URL`` follows those of the same site.
"""

from __future__ import annotations

from typing import Final

from selectolax.lexbor import LexborNode

__all__ = ["CUES", "linked_pages"]

#: Words by which a link, or the line it stands in, says it leads to the report.
CUES: Final = ("查看", "详见", "详情", "点击", "点此", "附件", "附表", "全文", "报告", "统计表")

_NOT_PAGES: Final = ("#", "javascript:", "mailto:", "tel:", "data:")
#: Elements a link's line is read from (the nearest of them around it).
_LINES: Final = frozenset({"p", "li", "td", "div", "h1", "h2", "h3", "h4", "h5", "h6"})
#: A line longer than this is a paragraph, not the link's caption.
_LINE_LIMIT: Final = 200


def _line(link: LexborNode) -> str:
    node = link.parent
    while node is not None and node.tag not in _LINES:
        node = node.parent
    if node is None:
        return ""
    text = node.text_lexbor().strip()
    return text if len(text) <= _LINE_LIMIT else ""


def linked_pages(body: LexborNode) -> list[tuple[str, str]]:
    """The body's links (href, text as printed, in page order, each href
    once) that say they lead to the report."""
    out: dict[str, str] = {}
    for link in body.css("a[href]"):
        href = (link.attrs.get("href") or "").strip()
        if not href or href.lower().startswith(_NOT_PAGES) or href in out:
            continue
        text = link.text_lexbor().strip()
        if any(cue in text for cue in CUES) or any(cue in _line(link) for cue in CUES):
            out[href] = text
    return list(out.items())
