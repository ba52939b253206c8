"""A portal page taken apart: its article body, its tables, its paragraphs,
its attachments and the metadata the site prints in ``<meta>``.

The body is found the way a reader finds it: the content containers that
government content systems name (``TRS_Editor``, ``article_content``,
``zoom`` …) when the page has one (and, when the page has tables, one that
holds them: a hinted list beside the article does not), otherwise the element that holds most
of the page's paragraph and table text and no single child of which holds
almost all of it.  Menus, headers and footers are lists of links and lose.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final, Literal

from attrs import frozen
from selectolax.lexbor import LexborHTMLParser, LexborNode

from .charset import EXACT, Decoded, decode
from .divgrid import GRID_TAGS, div_grids, grid_of
from .grid import Grid, cell_text, expand, own_cells
from .hiding import MAY_HIDE, BoxHiding, Rule, Styles, hiding_roots, sheet_rules
from .linked import linked_pages
from .sheet_imports import with_imports
from .sheets import StyleSheets, no_style_sheets, split_cells
from .text import as_marks, struck
from .tree import inside_any

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


#: The parts a hint is searched by: each hint contains one.  The many
#: ``…content`` hints share one substring (lexbor's time grows with each
#: alternative); :func:`_is_hint` then checks the few elements found.
_PARTS: Final = tuple(sorted({"content" if "content" in h else h for h in _HINTS}))

#: One selector for every element whose class or id may hold a hint, and the
#: ``<article>``s, so the page is searched once, in C, instead of every
#: element's names in Python.
_HINTED_OR_ARTICLE: Final = (
    ", ".join(f'[{attr}*="{part}" i]' for part in _PARTS for attr in ("class", "id")) + ", article"
)

#: The same search without the ``id`` alternatives, for a page none of whose
#: ``id``s contains a part: there they match nothing, so both searches list
#: the same nodes in the same order, and this one walks the page about half
#: as long (an ``id`` rarely names the article container).
_CLASS_HINTED_OR_ARTICLE: Final = ", ".join(f'[class*="{part}" i]' for part in _PARTS) + ", article"


def _hint_search(ids: str) -> str:
    """The selector that finds the page's hinted elements and ``<article>``s.

    ``ids``: the page's ``id``s, lower-cased (:func:`_strip_page` reads
    them).  Lexbor's ``i`` folds ASCII letters only and Python's ``lower``
    at least those, so an ``id`` the full search would match is never
    missed here (one that only Python folds into a part costs the full
    search, nothing else).
    """
    if any(part in ids for part in _PARTS):
        return _HINTED_OR_ARTICLE
    return _CLASS_HINTED_OR_ARTICLE


#: The elements taken out of the page before it is read: their text is no
#: text of the page.
_STRIPPED: Final = "script, style, noscript, template"
#: The stripped tags whose place among the others does not matter: each is
#: listed by ``tags`` (lexbor's walk comparing tag names, a third of what a
#: selector alternative costs its engine), and only taken out.
_STRIPPED_BY_NAME: Final = ("script", "noscript", "template")
#: The search for the rest, for :func:`_strip_page`: the ``<style>``s and the
#: ``<link>``s (style sheets), whose sheets are read in the page's order, and
#: every element with an ``id``.
_STYLE_LINK_OR_ID: Final = "style, link, [id]"

_SKIP: Final = frozenset({"script", "style", "noscript", "template", "head", "iframe", "svg"})
_BLOCKS: Final = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote"})


def _tag_id(name: str) -> int:
    """Lexbor's id of a known tag: the same for every document, and compared
    as an int (``tag`` decodes the element's name into a new string each time)."""
    return int(LexborHTMLParser("").create_node(name).tag_id)


_SKIP_IDS: Final = frozenset(_tag_id(name) for name in _SKIP)
_BLOCK_IDS: Final = frozenset(_tag_id(name) for name in _BLOCKS)
_STRIPPED_IDS: Final = frozenset(_tag_id(name) for name in _STRIPPED.split(", "))
_STRIPPED_OR_LINK_IDS: Final = _STRIPPED_IDS | {_tag_id("link")}
_TABLE: Final = _tag_id("table")
_H1: Final = _tag_id("h1")
_IMG: Final = _tag_id("img")
_STYLE: Final = _tag_id("style")
_LINK: Final = _tag_id("link")
_ARTICLE: Final = _tag_id("article")
_GRID_IDS: Final = frozenset(_tag_id(name) for name in GRID_TAGS)
#: The search for the elements a table built without ``<table>`` may be made of.
_GRID_SEARCH: Final = ", ".join(sorted(GRID_TAGS))
#: The id of a text node (``tag`` says "-text").
_TEXT: Final = int(LexborHTMLParser("<p>x</p>").css_first("p").first_child.tag_id)  # type: ignore[union-attr]
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
    #: The ``src`` of every image in the article body (a table printed as a
    #: picture: named when the tables are missing, never read).
    images: tuple[str, ...] = ()
    #: On a page without tables: the body's links to other pages that say
    #: they lead to the report ("点击查看", "详见附件"; :mod:`.linked`).
    linked: tuple[Attachment, ...] = ()
    #: The ``href`` of every style sheet the page links and the import did
    #: not read (:mod:`.sheets`).
    unread_sheets: tuple[str, ...] = ()
    #: (table, row, column) of every cell whose figure is split by a styled
    #: element while a linked sheet was not read: placed with doubt.
    split_figures: frozenset[tuple[int, int, int]] = frozenset()


def _is_table(node: LexborNode) -> bool:
    return node.tag == "table"


def _score(root: LexborNode) -> dict[int, int]:
    """Paragraph and table text per element (by ``mem_id``), summed upwards."""
    score: dict[int, int] = {}
    for node in root.traverse(include_text=False):
        if node.tag in _BLOCKS or node.tag == "table":
            if node.tag != "table" and _in_table(node):
                continue
            n = len(cell_text(node))
            parent = node.parent
            while parent is not None:
                score[parent.mem_id] = score.get(parent.mem_id, 0) + n
                parent = parent.parent
    return score


def _in_table(node: LexborNode) -> bool:
    """Whether an ancestor of ``node`` is a ``<table>`` (compared by lexbor's
    tag id: ``tag`` decodes each ancestor's name into a new string)."""
    table = _TABLE
    parent = node.parent
    while parent is not None:
        if parent.tag_id == table:
            return True
        parent = parent.parent
    return False


def _content_length(node: LexborNode) -> int:
    """The text under ``node`` (scripts and styles are gone by now), measured in C
    (lexbor's ``textContent``: the text nodes ``text()`` joins, a third cheaper)."""
    return len(node.text_lexbor())


#: How many of a node's first descendants :func:`_has_text` looks at itself.
_FIRST_NODES: Final = 8


def _has_text(node: LexborNode) -> bool:
    """``_content_length(node) > 0``, mostly without reading the text.

    ``textContent`` joins the data of every text node under ``node``, so
    one text node with data among its first few descendants (a container's
    first line break usually) settles it; only when none is there is the
    whole text read (``textContent`` of an article container copies the
    whole article, to be measured and thrown away)."""
    text = _TEXT
    for i, child in enumerate(node.traverse(include_text=True)):
        if i > _FIRST_NODES:
            break
        if child.tag_id == text and child.text_content:
            return True
    return _content_length(node) > 0


def _table_outside(tables: list[LexborNode], hinted: list[tuple[LexborNode, str]]) -> bool:
    """Whether a table of the page (``tables``, in page order) holding no
    other table (a data table, not a layout table around the hinted ones)
    lies outside every hinted node."""
    ids = {node.mem_id for node, _ in hinted}
    # A layout table is some table's ancestor (lexbor lists a node's own match
    # in its ``css`` too, so a table's descendants are searched from the page).
    holding = {
        ancestor.mem_id
        for table in tables
        for ancestor in _ancestors(table)
        if ancestor.tag == "table"
    }
    return any(t.mem_id not in holding and not inside_any(t, ids) for t in tables)


def _ancestors(node: LexborNode) -> list[LexborNode]:
    out = []
    parent = node.parent
    while parent is not None:
        out.append(parent)
        parent = parent.parent
    return out


def _strip_page(
    doc: LexborHTMLParser, style_sheets: StyleSheets = no_style_sheets
) -> tuple[str, list[tuple[Rule, ...]], tuple[str, ...]]:
    """Take the scripts, styles, ``<noscript>``s and ``<template>``s out of
    the page (their text is no text of the page) and return the page's
    ``id``s, lower-cased, for :func:`_hint_search`.

    One search of the page (in C) finds the ``<style>``s, ``<link>``s and
    ids (each search walks the whole page), and lexbor's list of each other
    tag the rest (:data:`_STRIPPED_BY_NAME`).  The ids are read before anything is taken out, so those of the
    elements taken out (and of what they held) are among them: an id more
    can only make :func:`_hint_search` choose the full search, which then
    lists the same nodes.  Each element taken out is detached, as
    ``strip_tags`` does, so one inside another is detached from the
    detached one; one listed twice (a ``<script id>`` matches two
    alternatives) is detached once, and not touched again after.

    The ``<style>`` elements' rules that may hide text are read
    (:func:`.hiding.sheet_rules`) before they go, one tuple per sheet, and
    so are those of the sheets the page links that ``style_sheets`` reads
    (:mod:`.sheets`), in the page's order, each after the sheets it imports
    (:mod:`.sheet_imports`); the address of each linked or imported sheet it
    does not read is returned last.
    """
    # Listed before anything is taken out: an element inside one taken out
    # is listed (and detached from it) as the search of all five tags did.
    by_name = [node for name in _STRIPPED_BY_NAME for node in doc.tags(name)]
    found = doc.css(_STYLE_LINK_OR_ID)
    # Every id in one string, lower-cased at once (a part holds no space, so
    # none is found across two ids).
    ids = " ".join([node.id or "" for node in found]).lower()
    wanted = _STRIPPED_OR_LINK_IDS
    style = _STYLE
    gone: set[int] = set()
    sheets: list[tuple[str, str]] = []
    unread: list[str] = []
    for node in found:
        tag = node.tag_id
        if tag not in wanted:  # an element listed for its id alone, most of them
            continue
        if tag == _LINK:
            _linked_sheet(node, style_sheets, sheets, unread)
        elif (mem := node.mem_id) not in gone:  # the node's address: read without touching it
            gone.add(mem)
            if tag == style:
                media = node.attrs.get("media") or ""
                sheets.extend(with_imports(node.text_lexbor(), "", media, style_sheets, unread))
            node.decompose(recursive=False)
    for node in by_name:
        if (mem := node.mem_id) not in gone:  # a <script id> is listed twice
            gone.add(mem)
            node.decompose(recursive=False)
    if not any(MAY_HIDE.search(css) for css, _ in sheets):
        return ids, [], tuple(unread)
    return ids, [sheet_rules(css, media) for css, media in sheets], tuple(unread)


def _linked_sheet(
    link: LexborNode, style_sheets: StyleSheets, sheets: list[tuple[str, str]], unread: list[str]
) -> None:
    """A ``<link>``: a style sheet (not an alternate one) read into
    ``sheets`` by ``style_sheets``, with the sheets it imports
    (:mod:`.sheet_imports`), or its ``href`` added to ``unread``."""
    attrs = link.attrs
    rel = (attrs.get("rel") or "").lower().split()
    href = (attrs.get("href") or "").strip()
    if "stylesheet" not in rel or "alternate" in rel or not href:
        return
    css = style_sheets(href)
    if css is None:
        unread.append(href)
    else:
        sheets.extend(with_imports(css, href, attrs.get("media") or "", style_sheets, unread))


def _split_figures(
    leaf: list[LexborNode], grids: tuple[Grid, ...], built: frozenset[int]
) -> frozenset[tuple[int, int, int]]:
    """(table, row, column) of the cells of the page's ``<table>``s whose
    figure is split by a styled element (:func:`.sheets.split_cells`)."""
    out: set[tuple[int, int, int]] = set()
    for i, table in enumerate(leaf):
        if table.mem_id in built:
            continue
        numbers = split_cells(table, own_cells)
        if numbers:
            cells = list(grids[i].cells())
            out.update((i, cells[n].row, cells[n].col) for n in numbers if n < len(cells))
    return frozenset(out)


def _find_body(doc: LexborHTMLParser, search: str, hides: BoxHiding) -> tuple[LexborNode, str]:
    """The article body, and how it was found; ``search``: :func:`_hint_search`'s
    selector, ``hides``: whether a row or cell of a built table is not shown."""
    root = doc.body or doc.root
    if root is None:
        raise ValueError("empty document")
    # One search of the page (in C) for the <article> elements and the hinted
    # ones, in document order; a node matching several alternatives is listed
    # once for each.  An article without a hint adds nothing to ``hinted``
    # (a name that is a hint contains one of the selector's parts).
    found = doc.css(search)
    articles = list({node.mem_id: node for node in found if node.tag_id == _ARTICLE}.values())
    if len(articles) == 1 and _has_text(articles[0]):
        return articles[0], "article"
    hinted: list[tuple[LexborNode, str]] = []
    # Hinted nodes with text: a hinted node inside one of them (or listed
    # again) has no more text than it and comes later, so it never wins and
    # its text is not measured.
    held: set[int] = set()
    for node in found:
        attrs = node.attrs
        names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
        for name in names.split():
            if _is_hint(name):
                if held and (node.mem_id in held or inside_any(node, held)):
                    break
                if _has_text(node):
                    hinted.append((node, name))
                    held.add(node.mem_id)
                break
    # A hinted container without a table while a table stands outside it is
    # a list beside the article ("article_content_list", a related articles
    # box): the article is elsewhere.  Hinted ones holding a table come first
    # then; with none, the density descent finds it.
    # The page's tables are listed by name (lexbor's walk comparing tag
    # names): the parser puts every <table> in the body.
    if hinted and (tables := doc.tags("table")):
        with_table = [h for h in hinted if h[0].css_first("table") is not None]
        if len(with_table) < len(hinted) and _table_outside(tables, hinted):
            hinted = with_table
    if len(hinted) == 1:  # the only one: its length decides nothing
        return hinted[0]
    if hinted:
        # The outermost of the longest ones (the first in document order).
        lengths = [_content_length(node) for node, _ in hinted]
        return hinted[lengths.index(max(lengths))]
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
        # Nor past a table built without <table>, whose cells are no paragraphs.
        if _grid_beside(node, best_child, hides):
            return node, "density"
        node = best_child


def _grid_beside(node: LexborNode, child: LexborNode, hides: BoxHiding) -> bool:
    """Whether a child of ``node`` other than ``child`` holds a table built
    without ``<table>`` (:mod:`.divgrid`): the body found below ``child``
    would leave it out.  Only the other children are searched, the few
    blocks (menus, a footer) beside the one that holds most of the text."""
    return any(
        div_grids(other.css(_GRID_SEARCH), hides)
        for other in node.iter(include_text=False)
        if other.mem_id != child.mem_id and other.tag not in _SKIP
    )


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


#: A run of the source's white space with a line break or tab in it.
_SOURCE_BREAK = re.compile(r"[ \t\r\n\f]*[\t\r\n\f][ \t\r\n\f]*")


def _as_shown(text: str) -> str:
    """A paragraph's text as a browser shows it: a line break or tab of the
    page's source (a Word file saved as a web page breaks its lines every
    80 characters or so, "2024\n年") is one space; ``&nbsp;`` and the
    ideographic space stay, as they do on screen."""
    if "\n" not in text and "\t" not in text and "\r" not in text and "\f" not in text:
        return text
    return _SOURCE_BREAK.sub(" ", text)


def _blocks(
    body: LexborNode,
    tables: dict[int, int],
    holding: set[int],
    others: frozenset[int] = frozenset(),
) -> list[Block]:
    """The body's paragraphs and tables in reading order; ``others``: the
    containers of grids built without ``<table>`` (:mod:`.divgrid`), each a
    table here (its number in ``tables``)."""
    out: list[Block] = []
    _walk_blocks(body, out, tables, holding, others)
    return out


def _walk_blocks(
    node: LexborNode,
    out: list[Block],
    tables: dict[int, int],
    holding: set[int],
    others: frozenset[int],
) -> None:
    """:func:`_blocks` below ``node``, appended to ``out``.  A function of
    the module, not one nested in :func:`_blocks`: a nested function that
    calls itself holds itself through its closure, a reference cycle that
    kept every page's blocks and texts alive until the collector ran."""
    for child in node.iter(include_text=True):
        tag = child.tag_id
        if tag in _SKIP_IDS:
            continue
        if others and child.mem_id in others:
            out.append(Block(table=tables[child.mem_id]))
        elif tag == _TABLE:
            if child.mem_id in tables:
                out.append(Block(table=tables[child.mem_id]))
            else:  # a layout table around the data tables
                _walk_blocks(child, out, tables, holding, others)
        elif tag in _BLOCK_IDS:
            if child.mem_id in holding:
                _walk_blocks(child, out, tables, holding, others)
                continue
            text = _as_shown(cell_text(child))
            if text:
                out.append(Block(text=text))
        elif tag == _TEXT:
            text = _as_shown((child.text_content or "").strip())
            if text:
                out.append(Block(text=text))
        else:
            _walk_blocks(child, out, tables, holding, others)


def _meta(metas: list[LexborNode]) -> dict[str, str]:
    """The page's ``<meta name=… content=…>`` (the first of a name wins)."""
    out: dict[str, str] = {}
    for node in metas:
        attrs = node.attrs  # read in place (``attributes`` copies them all into a dict)
        name = (attrs.get("name") or "").strip()
        if not name:  # a charset or http-equiv: its content is not read
            continue
        content = attrs.get("content")
        if content:
            out.setdefault(name, content.strip())
    return out


#: The last letters of the file suffixes: :data:`_FILE_LINK` matches only
#: where a suffix ends the link or comes before its ``?`` or ``#``.
_SUFFIX_ENDS: Final = frozenset(s[-1] for s in ATTACHMENT_SUFFIXES)
#: The same letters in both cases (an ASCII letter folds to one of them only
#: if it is one of them), for the check inlined in :func:`_attachments`.
_SUFFIX_ENDS_BOTH_CASES: Final = _SUFFIX_ENDS | {c.upper() for c in _SUFFIX_ENDS}


def _may_name_a_file(href: str) -> bool:
    """False for a link :data:`_FILE_LINK` cannot match, found without the
    search: no ``?`` or ``#``, and an ASCII last character that ends no
    suffix (``/``, ``.html``).  Other characters are left to the search
    (it folds case beyond ASCII)."""
    last = href[-1:]
    return last in _SUFFIX_ENDS_BOTH_CASES or not last.isascii() or "?" in href or "#" in href


def _attachments(links: list[LexborNode]) -> tuple[Attachment, ...]:
    """The links (``<a href>``, in page order; ``links`` may hold ``<a>``s
    without ``href``, passed over) whose target or text names a file."""
    seen: dict[str, Attachment] = {}
    search = _FILE_LINK.search
    ends = _SUFFIX_ENDS_BOTH_CASES
    for a in links:
        # Read by subscript: ``get`` is a method around it (a call more per
        # link), and both raise and catch a ``KeyError`` for an ``<a>``
        # without ``href``, which ``in`` would too.
        try:
            href = a.attrs["href"]
        except KeyError:  # no href: no link
            continue
        href = "" if href is None else href.strip()  # None: ``<a href>``, no value
        text = a.text_lexbor().strip()  # cell_text, inlined
        last = href[-1:]
        # _may_name_a_file, inlined (it runs for every link of the page); every
        # file suffix begins with a dot: a text without one is not searched.
        if not (
            (last in ends or not last.isascii() or "?" in href or "#" in href)
            and search(href) is not None
        ) and ("." not in text or search(text) is None):
            continue
        if href not in seen:
            seen[href] = Attachment(href=href, text=text)
    return tuple(seen.values())


#: Below this many pixels a side an image is an icon (a file type's, a bullet), no table.
_ICON_PX: Final = 100


def _icon(img: LexborNode) -> bool:
    """An image declared smaller than a table could be printed in."""
    for side in ("width", "height"):
        m = re.match(r"\s*(\d+)\s*(?:px)?\s*$", img.attributes.get(side) or "")
        if m and int(m.group(1)) < _ICON_PX:
            return True
    return False


#: The elements whose inline style may hide them: the ``hidden`` attribute,
#: a style holding "is", as both "display" and "visibility" do, and a
#: ``<span>`` or ``<font>`` whose style holds "size:0" or "size: 0"
#: (``font-size:0``, the characters hidden against copying), each then read
#: in Python (:func:`_may_hide`).  Each substring costs lexbor a search of
#: every style it is asked of (about 0.1 ms a page of 600 styled elements,
#: 3 % of an import, whatever the substring): one substring for both display
#: and visibility costs what "display" alone did; the size is asked only of
#: the two inline elements (every element: +4.4 %, measured), and only for a
#: zero (Word's pages set a size on hundreds of spans, each else read back
#: in Python).  A look for the words in the page's source cost more.  The
#: two elements are named in alternatives of their own: lexbor's ``:is()``
#: costs more than the tag test it stands for (the nine portal pages' bodies:
#: 4.7 against 3.4 million instructions, the same elements listed).
_MAY_HIDE: Final = ", ".join(
    [
        "[hidden]",
        '[style*="is" i]',
        *(
            f'{tag}[style*="{size}" i]'
            for size in ("size:0", "size: 0")
            for tag in ("span", "font")
        ),
    ]
)


@lru_cache(maxsize=1024)
def _may_hide(style: str) -> bool:
    """Whether an inline style may hide (remembered: Word's pages repeat a
    few styles on hundreds of elements)."""
    return MAY_HIDE.search(style) is not None


#: Inline elements: hidden, they are text a reader does not see (anti-copy
#: characters some sites scatter in a page), never the page's article.
_INLINE: Final = frozenset(
    {"span", "font", "i", "b", "em", "strong", "small", "sup", "sub", "u", "s", "ins", "label"}
)
#: Blocks of text: a hidden element holding more than one of them, or a
#: table, is a container a script shows ("展开全文", a tab), not a line.
_CONTAINED: Final = ", ".join(sorted(_BLOCKS | {"div", "table", "section", "article"}))


def _a_line(node: LexborNode) -> bool:
    """A hidden element no reader misses: inline text, a table's row or cell,
    anything inside a table, or a block holding no table and at most one
    block of text (a paragraph, a heading)."""
    if node.tag in _INLINE or node.tag in ("tr", "td", "th") or _in_table(node):
        return True
    inner = [n for n in node.css(_CONTAINED) if n.mem_id != node.mem_id]
    return len(inner) <= 1 and all(n.tag != "table" for n in inner)


def _drop_hidden(body: LexborNode, styles: Styles) -> None:
    """Take out of the body what a reader never sees (:mod:`.hiding`): a
    hidden span inside a figure ("26<span style="display:none">7</span>29"
    reads 2629 on screen, as do ``visibility:hidden``, ``font-size:0`` and
    the same from a ``<style>`` rule), a hidden row of a table, a hidden
    paragraph of the text; an element inside that shows its text again
    keeps it.  A hidden container of several blocks or of a table (the rest
    of an article a script shows) is kept: a page is read as served, and
    its article must not vanish with it."""
    candidates = []
    for node in body.css(_MAY_HIDE):
        attrs = node.attrs
        if "hidden" in attrs or _may_hide(attrs.get("style") or ""):
            candidates.append(node)
    if not candidates and not styles.nodes:
        return
    whole: dict[int, LexborNode] = {}
    texts: dict[int, LexborNode] = {}  # by ``mem_id``: one may be in two roots
    for node, prop in hiding_roots(styles, candidates, body):
        if not _a_line(node):
            continue
        if prop == "display":
            whole[node.mem_id] = node
        else:
            texts.update((t.mem_id, t) for t in styles.hidden_texts(node, prop))
    for text in texts.values():
        if not inside_any(text, set(whole)):
            text.decompose(recursive=True)
    for node in whole.values():
        if not inside_any(node, set(whole) - {node.mem_id}):
            node.decompose(recursive=True)


def _marks(tables: list[LexborNode]) -> None:
    """Tell the marks in the data tables' cells from their figures before
    the cells are read (by ``textContent``, which joins every text of a cell):

    * the digits of a ``<sup>``/``<sub>`` are written as the characters that
      print them so (:func:`.text.as_marks`): "81<sup>1</sup>" is 81 and a
      footnote mark, never 811;
    * struck text (``<s>``, ``<strike>``) is written struck
      (:func:`.text.struck`): "<s>80</s> 81" is a correction, never 8081;
    * a ``<del>`` is taken out: the page says the text is deleted, as
      Word's tracked deletion (``<ins>`` stays, as the inserted text).

    Outside tables nothing is changed (m<sup>2</sup> in a sentence).  Searched
    in the tables only: a few hundred nodes, not the page."""
    for table in tables:
        for node in table.css("sup, sub, s, strike, del"):
            tag = node.tag
            if tag == "del":
                node.decompose(recursive=True)
                continue
            text = node.text_lexbor()
            if tag in ("s", "strike"):
                node.replace_with(struck(text))
            elif any(ch.isdigit() for ch in text):
                node.replace_with(as_marks(text, "superscript" if tag == "sup" else "subscript"))


def _boxes(tables: list[LexborNode]) -> set[int]:
    """The one-cell tables inside another table's cell: a figure or a label
    pasted into its cell as a table of its own.  Such a box is its cell's
    text (``textContent`` reads through it), not a table: the table around
    it is no layout table for it."""
    out: set[int] = set()
    for table in tables:
        if _in_table(table) and _one_cell(table):
            out.add(table.mem_id)
    return out


_CELL_IDS: Final = frozenset({_tag_id("td"), _tag_id("th")})


def _one_cell(table: LexborNode) -> bool:
    """``len(table.css("td, th")) == 1``, the walk stopped at the second
    cell: a table of figures has it a few nodes in, where the search
    walked every node of the table (a table in a layout table's cell is
    as often a data table as a box)."""
    cells = 0
    ids = _CELL_IDS
    for node in table.traverse(include_text=False):
        if node.tag_id in ids:
            cells += 1
            if cells > 1:
                return False
    return cells == 1


def _hidden_box(styles: Styles) -> BoxHiding:
    """Whether a row or cell of a built table is not read, and how: hidden
    by the ``hidden`` attribute, ``display:none`` or ``visibility:hidden``,
    inline or by a style sheet (:mod:`.hiding`).  One hidden by
    ``font-size:0`` keeps its place, its text already taken out
    (:func:`_drop_hidden`)."""

    def hides(node: LexborNode) -> Literal["display", "visibility"] | None:
        how = styles.hides(node)
        return how if how == "display" or how == "visibility" else None

    return hides


def _built_grids(candidates: list[LexborNode], hides: BoxHiding) -> list[LexborNode]:
    """The containers of the body's tables built without ``<table>``
    (:mod:`.divgrid`) among its ``<div>``s and lists (in page order),
    outside its ``<table>``s, their cells' marks told from their figures
    (:func:`_marks`) as a table's are."""
    found = div_grids([node for node in candidates if not _in_table(node)], hides)
    if not found:
        return found
    _marks(found)
    # A grid whose only digits were deleted text (``<del>``) prints no figure.
    return [node for node in found if grid_of(node, 0, hides) is not None]


def _built_grid(container: LexborNode, index: int, hides: BoxHiding) -> Grid:
    """The grid of a container :func:`_built_grids` found."""
    grid = grid_of(container, index, hides)
    assert grid is not None  # found by _built_grids on the same, unchanged markup
    return grid


def _in_page_order(body: LexborNode, nodes: list[LexborNode]) -> list[LexborNode]:
    """``nodes`` in the order the page prints them."""
    wanted = {node.mem_id: node for node in nodes}
    return [node for node in body.traverse(include_text=False) if node.mem_id in wanted]


def read_page(
    data: bytes, declared_charset: str | None = None, style_sheets: StyleSheets = no_style_sheets
) -> Page:
    """Decode and take apart one page; ``style_sheets`` reads the sheets it
    links (:mod:`.sheets`: by default none is read)."""
    decoded = decode(data, declared_charset)
    # selectolax reads bytes as UTF-8: a page that is exactly UTF-8 is handed
    # over as it came, not encoded back from the text (same tree, one pass less).
    exact_utf8 = decoded.encoding == "utf-8" and decoded.how in EXACT
    doc = LexborHTMLParser(data if exact_utf8 else decoded.text)
    # The four tags taken out and the ids read (``strip_tags`` walks the
    # page with a selector once per tag).
    ids, sheets, unread = _strip_page(doc, style_sheets)
    styles = Styles(doc, sheets)
    hides = _hidden_box(styles)
    body, how = _find_body(doc, _hint_search(ids), hides)
    _drop_hidden(body, styles)
    # One search of the body for its tables and its first <h1> (in document
    # order; css() matches the node itself too, so a table body is listed).
    found = body.css("table, h1, img[src], div, ul, ol")
    tables = [node for node in found if node.tag_id == _TABLE]
    # The containers a table may be built of without <table> (:mod:`.divgrid`).
    containers = [node for node in found if node.tag_id in _GRID_IDS]
    boxes = _boxes(tables)
    data_tables = [t for t in tables if t.mem_id not in boxes] if boxes else tables
    images = tuple(
        (node.attributes.get("src") or "").strip()
        for node in found
        if node.tag_id == _IMG and not _icon(node)
    )
    h1 = next((node for node in found if node.tag_id == _H1), None)
    holding = _holding_tables(body, data_tables)
    # A leaf table holds no other table: it is no table's ancestor.
    leaf = [t for t in data_tables if t.mem_id not in holding]
    _marks(leaf)
    built = _built_grids(containers, hides)
    if built:
        holding |= _holding_tables(body, built)
        leaf = _in_page_order(body, leaf + built)
    index = {t.mem_id: i for i, t in enumerate(leaf)}
    others = frozenset(node.mem_id for node in built)
    grids = tuple(
        _built_grid(t, i, hides) if t.mem_id in others else expand(t, i) for i, t in enumerate(leaf)
    )
    # The links, the <meta>s and the <title>, each listed by lexbor's walk
    # comparing tag names (a selector's engine costs about three times as
    # much a tag); :func:`_attachments` passes over an <a> without ``href``
    # and :func:`_meta` a <meta> without ``name``.  The head comes first: its
    # <title>, if it has one, is the page's first.
    titles = doc.tags("title")
    title_node = titles[0] if titles else None
    return Page(
        decoded=decoded,
        meta=_meta(doc.tags("meta")),
        html_title=cell_text(title_node) if title_node is not None else "",
        heading=cell_text(h1) or None if h1 is not None else None,
        blocks=tuple(_blocks(body, index, holding, others)),
        grids=grids,
        attachments=_attachments(doc.tags("a")),
        body_found_by=how,
        images=tuple(src for src in images if src),
        linked=() if grids else _linked(body),
        unread_sheets=unread,
        split_figures=_split_figures(leaf, grids, others) if unread else frozenset(),
    )


def _linked(body: LexborNode) -> tuple[Attachment, ...]:
    """The body's links to pages (not files) that say they lead to the report."""
    return tuple(
        Attachment(href=href, text=text)
        for href, text in linked_pages(body)
        if _FILE_LINK.search(href) is None
    )
