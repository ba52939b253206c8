"""A portal page taken apart: its article body, its tables, its paragraphs,
its attachments and the metadata the site prints in ``<meta>``.

The body is found the way a reader finds it: the content containers that
government content systems name (``TRS_Editor``, ``article_content``,
``zoom`` …) when the page has one, otherwise the element that holds most
of the page's paragraph and table text and no single child of which holds
almost all of it.  Menus, headers and footers are lists of links and lose.
"""

from __future__ import annotations

import re
from typing import Final

from attrs import frozen
from selectolax.lexbor import LexborHTMLParser, LexborNode

from .charset import EXACT, Decoded, decode
from .grid import Grid, cell_text, expand

__all__ = ["Attachment", "Block", "Page", "read_page"]

#: Names (class or id, lower-cased) that content systems give the article
#: container: TRS (TRS_Editor), the common portal templates (article_content,
#: zoom, BodyLabel, news_content, detail_content, xxgk_content …).
_HINTS: Final = (
    "trs_editor",
    "article_content",
    "article-content",
    "articlecontent",
    "zoom",
    "bodylabel",
    "news_content",
    "news-content",
    "newscontent",
    "detail_content",
    "detail-content",
    "xxgk_content",
    "page_content",
    "pages_content",
    "art_con",
)


_HINT = re.compile("|".join(re.escape(h) for h in _HINTS))


def _is_hint(name: str) -> bool:
    return _HINT.search(name.lower()) is not None


#: One selector for every element whose class or id may hold a hint, so the
#: page is searched once, in C, instead of every element's names in Python.
#: The many ``…content`` hints share one substring (lexbor's time grows with
#: each alternative); :func:`_is_hint` then checks the few elements found.
_HINTED: Final = ", ".join(
    f'[{attr}*="{part}" i]'
    for part in sorted({"content" if "content" in h else h for h in _HINTS})
    for attr in ("class", "id")
)

_HINTED_OR_ARTICLE: Final = _HINTED + ", article"


_SKIP: Final = frozenset({"script", "style", "noscript", "template", "head", "iframe", "svg"})
_BLOCKS: Final = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote"})
ATTACHMENT_SUFFIXES: Final = (
    ".pdf",
    ".doc",
    ".docx",
    ".wps",
    ".xls",
    ".xlsx",
    ".et",
    ".ofd",
    ".zip",
    ".rar",
    ".ceb",
)


_FILE_LINK = re.compile(
    r"\.(" + "|".join(s[1:] for s in ATTACHMENT_SUFFIXES) + r")(?:$|[?#])", re.IGNORECASE
)


@frozen
class Attachment:
    """A link to a file, as the page prints it."""

    href: str
    text: str

    @property
    def suffix(self) -> str:
        path = self.href.split("?", 1)[0].split("#", 1)[0].lower()
        for suffix in ATTACHMENT_SUFFIXES:
            if path.endswith(suffix) or self.text.lower().endswith(suffix):
                return suffix
        return ""


@frozen
class Block:
    """One piece of the body in reading order: a paragraph's text, or a table."""

    text: str | None = None
    table: int | None = None


@frozen
class Page:
    """What an importer needs from a page."""

    decoded: Decoded
    meta: dict[str, str]
    html_title: str
    #: The first ``<h1>`` of the article body, if any.
    heading: str | None
    #: Paragraphs and tables of the article body, in reading order.
    blocks: tuple[Block, ...]
    grids: tuple[Grid, ...]
    attachments: tuple[Attachment, ...]
    #: How the body was found: the hint matched, or "density".
    body_found_by: str


def _is_table(node: LexborNode) -> bool:
    return node.tag == "table"


def _score(root: LexborNode) -> dict[int, int]:
    """Paragraph and table text per element (by ``mem_id``), summed upwards."""
    score: dict[int, int] = {}
    for node in root.traverse(include_text=False):
        if node.tag in _BLOCKS or node.tag == "table":
            if node.tag != "table" and _inside(node, "table"):
                continue
            n = len(cell_text(node))
            parent = node.parent
            while parent is not None:
                score[parent.mem_id] = score.get(parent.mem_id, 0) + n
                parent = parent.parent
    return score


def _inside(node: LexborNode, tag: str) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag == tag:
            return True
        parent = parent.parent
    return False


def _content_length(node: LexborNode) -> int:
    """The text under ``node`` (scripts and styles are gone by now), measured in C."""
    return len(node.text(deep=True))


def _find_body(doc: LexborHTMLParser) -> tuple[LexborNode, str]:
    root = doc.body or doc.root
    if root is None:
        raise ValueError("empty document")
    # One search of the page (in C) for the <article> elements and the hinted
    # ones, in document order; a node matching several alternatives is listed
    # once for each.  An article without a hint adds nothing to ``hinted``
    # (a name that is a hint contains one of the selector's parts).
    found = doc.css(_HINTED_OR_ARTICLE)
    articles = list({node.mem_id: node for node in found if node.tag == "article"}.values())
    if len(articles) == 1 and _content_length(articles[0]) > 0:
        return articles[0], "article"
    hinted: list[tuple[int, LexborNode, str]] = []
    for node in found:
        attrs = node.attrs
        names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
        for name in names.split():
            if _is_hint(name):
                n = _content_length(node)
                if n > 0:
                    hinted.append((n, node, name))
                break
    if hinted:
        best = max(n for n, _, _ in hinted)
        for n, node, name in hinted:  # the outermost of the best-scoring ones
            if n == best:
                return node, name
    score = _score(root)
    node = root
    while True:
        children = [c for c in node.iter(include_text=False) if c.tag not in _SKIP]
        total = score.get(node.mem_id, 0)
        best_child = max(children, key=lambda c: score.get(c.mem_id, 0), default=None)
        if best_child is None or total == 0 or score.get(best_child.mem_id, 0) < 0.85 * total:
            return node, "density"
        # Never descend past a table: one long paragraph must not hide the tables.
        if best_child.tag == "table" or len(best_child.css("table")) < len(node.css("table")):
            return node, "density"
        node = best_child


def _holding_tables(body: LexborNode, tables: list[LexborNode]) -> set[int]:
    """Every element of ``body`` that holds one of its ``tables`` (by ``mem_id``):
    a paragraph among them is walked into, not read as one text."""
    out: set[int] = set()
    stop = body.mem_id
    for table in tables:
        node = table.parent
        while node is not None and node.mem_id not in out:
            out.add(node.mem_id)
            if node.mem_id == stop:
                break
            node = node.parent
    return out


def _blocks(body: LexborNode, tables: dict[int, int], holding: set[int]) -> list[Block]:
    out: list[Block] = []

    def walk(node: LexborNode) -> None:
        for child in node.iter(include_text=True):
            tag = child.tag
            if tag in _SKIP:
                continue
            if tag == "table":
                if child.mem_id in tables:
                    out.append(Block(table=tables[child.mem_id]))
                else:  # a layout table around the data tables
                    walk(child)
            elif tag in _BLOCKS:
                if child.mem_id in holding:
                    walk(child)
                    continue
                text = cell_text(child)
                if text:
                    out.append(Block(text=text))
            elif tag == "-text":
                text = (child.text_content or "").strip()
                if text:
                    out.append(Block(text=text))
            else:
                walk(child)

    walk(body)
    return out


def _meta(doc: LexborHTMLParser) -> dict[str, str]:
    out: dict[str, str] = {}
    for node in doc.css("meta[name]"):
        name = (node.attributes.get("name") or "").strip()
        content = node.attributes.get("content")
        if name and content:
            out.setdefault(name, content.strip())
    return out


def _attachments(doc: LexborHTMLParser) -> tuple[Attachment, ...]:
    seen: dict[str, Attachment] = {}
    search = _FILE_LINK.search
    for a in doc.css("a[href]"):
        href = (a.attrs.get("href") or "").strip()
        text = cell_text(a)
        # Every file suffix begins with a dot: a text without one is not searched.
        if search(href) is None and ("." not in text or search(text) is None):
            continue
        att = Attachment(href=href, text=text)
        if att.href not in seen:
            seen[att.href] = att
    return tuple(seen.values())


def read_page(data: bytes, declared_charset: str | None = None) -> Page:
    """Decode and take apart one page."""
    decoded = decode(data, declared_charset)
    # selectolax reads bytes as UTF-8: a page that is exactly UTF-8 is handed
    # over as it came, not encoded back from the text (same tree, one pass less).
    exact_utf8 = decoded.encoding == "utf-8" and decoded.how in EXACT
    doc = LexborHTMLParser(data if exact_utf8 else decoded.text)
    doc.strip_tags(["script", "style", "noscript", "template"])
    body, how = _find_body(doc)
    data_tables = body.css("table")
    # css() matches the node itself too: a leaf table finds only itself.
    leaf = [t for t in data_tables if len(t.css("table")) == 1]
    index = {t.mem_id: i for i, t in enumerate(leaf)}
    grids = tuple(expand(t, i) for i, t in enumerate(leaf))
    # The head comes first: its <title>, if it has one, is the page's first
    # (searched there, not in the whole page).
    head = doc.head
    title_node = head.css_first("title") if head is not None else None
    if title_node is None:
        title_node = doc.css_first("title")
    h1 = body.css_first("h1")
    return Page(
        decoded=decoded,
        meta=_meta(doc),
        html_title=cell_text(title_node) if title_node is not None else "",
        heading=cell_text(h1) or None if h1 is not None else None,
        blocks=tuple(_blocks(body, index, _holding_tables(body, data_tables))),
        grids=grids,
        attachments=_attachments(doc),
        body_found_by=how,
    )
