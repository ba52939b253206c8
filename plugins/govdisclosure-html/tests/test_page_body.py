"""The article body found on the nine portal pages, and the laws that let
the page be taken apart quickly without changing what is found.

``test_imported_pages.py`` holds what an import writes.  A body that took in
the site's menus or lost a paragraph can still write the same report (the
narrative reads a few sentences of it), so the body itself is held here, in
``body.json`` beside each page: how it was found, its first heading, its
paragraphs and tables in reading order and each table's size, as
:func:`read_page` gives them.  A change meant to move them rewrites the
files with

    python plugins/govdisclosure-html/tests/test_page_body.py --update

and the diff shows what moved, page by page, for review.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from govdisclosure_html.grid import cell_text
from govdisclosure_html.page import (
    _FILE_LINK,
    _HINTED_OR_ARTICLE,
    _has_text,
    _hint_search,
    _holding_tables,
    _may_name_a_file,
    _meta,
    _one_cell,
    _strip_page,
    read_page,
)

DATA = Path(__file__).parent / "data"
PAGES = sorted(p.parent.name for p in DATA.glob("*/page.html"))


def _body(folder: str) -> str:
    """The body of a page as ``body.json`` holds it."""
    page = read_page((DATA / folder / "page.html").read_bytes())
    held = {
        "found_by": page.body_found_by,
        "heading": page.heading,
        "blocks": [f"[table {b.table}]" if b.table is not None else b.text for b in page.blocks],
        "tables": [[len(g.rows), g.width] for g in page.grids],
    }
    return json.dumps(held, ensure_ascii=False, indent=1) + "\n"


@pytest.mark.parametrize("folder", PAGES)
def test_the_body_found_on_each_page_is_the_one_reviewed(folder: str) -> None:
    expected = (DATA / folder / "body.json").read_text(encoding="utf-8")
    assert _body(folder) == expected, folder


# -- laws of the quick paths ----------------------------------------------------

#: Class and id names: the hints' parts in several cases, names that only
#: contain them, names a case fold beyond ASCII brings near them (the
#: Kelvin sign), and names with none.
_NAMES = st.sampled_from(
    [
        "article_content",
        "ARTICLE-Content",
        "zoom",
        "Zoom2",
        "TRS_Editor",
        "bodylabel",
        "art_con",
        "tabs_content",
        "xxgK_content",
        "menu",
        "nav",
        "foot",
        "",
    ]
)


@st.composite
def _elements(draw: st.DrawFn, depth: int = 0) -> str:
    tag = draw(st.sampled_from(["div", "section", "article", "p", "table", "span", "noscript"]))
    attrs = ""
    if draw(st.booleans()):
        attrs += f' class="{draw(_NAMES)} {draw(_NAMES)}"'
    if draw(st.integers(0, 3)) == 0:
        attrs += f' id="{draw(_NAMES)}"'
    kids = draw(st.lists(_elements(depth + 1), max_size=0 if depth >= 3 else 3))
    inner = "".join(kids) or draw(
        st.sampled_from(["", "正文", " text ", "1.pdf", "<!-- c -->", "<script>x</script>"])
    )
    if tag == "table":
        inner = f"<tr><td>{inner}</td><td>2</td></tr>"
    return f"<{tag}{attrs}>{inner}</{tag}>"


_PAGES = st.lists(_elements(), min_size=1, max_size=4).map(
    lambda parts: "<html><head><title>t</title></head><body>" + "".join(parts) + "</body></html>"
)


@given(_PAGES)
def test_the_hint_search_chosen_lists_what_the_full_search_lists(html: str) -> None:
    """Leaving out the ``id`` alternatives never changes what is found (the
    ids read as the page is stripped, those of what is taken out too)."""
    doc = LexborHTMLParser(html)
    chosen = [n.mem_id for n in doc.css(_hint_search(_strip_page(doc)[0]))]
    assert chosen == [n.mem_id for n in doc.css(_HINTED_OR_ARTICLE)]


@given(_PAGES)
def test_stripping_with_the_ids_strips_what_strip_tags_strips(html: str) -> None:
    """One search for the stripped tags and the ids leaves the page that
    detaching each of the tags leaves (an element listed twice detached once)."""
    doc = LexborHTMLParser(html)
    _strip_page(doc)
    plain = LexborHTMLParser(html)
    for node in plain.css("script, style, noscript, template"):
        node.decompose(recursive=False)
    assert doc.html == plain.html


@given(_PAGES)
def test_has_text_is_a_text_of_some_length(html: str) -> None:
    """:func:`_has_text` answers what measuring the whole text answers."""
    doc = LexborHTMLParser(html)
    _strip_page(doc)
    assert doc.root is not None
    for node in doc.root.traverse(include_text=False):
        assert _has_text(node) == (len(node.text_lexbor()) > 0)


@given(_PAGES)
def test_a_leaf_table_is_one_that_holds_no_table(html: str) -> None:
    """What :func:`read_page` tells leaf tables by: not in the holding set."""
    doc = LexborHTMLParser(html)
    for body in (doc.body, *doc.css("div, table")):
        assert body is not None
        tables = body.css("table")
        holding = _holding_tables(body, tables)
        by_holding = [t.mem_id for t in tables if t.mem_id not in holding]
        assert by_holding == [t.mem_id for t in tables if len(t.css("table")) == 1]


@given(_PAGES)
def test_cell_text_is_the_text_of_every_text_node(html: str) -> None:
    """lexbor's textContent, as :func:`cell_text` reads it, is ``text()``."""
    doc = LexborHTMLParser(html)
    assert doc.root is not None
    for node in doc.root.traverse(include_text=False):
        if node.is_element_node:
            assert cell_text(node) == node.text().strip()


@given(
    st.lists(
        st.sampled_from(
            [
                "a",
                ".",
                "pdf",
                "PDF",
                "docx",
                "xlsX",
                "Et",
                "ceb",
                "?",
                "#",
                "/",
                "x",
                " ",
                "ſ",
                "html",
            ]
        ),
        max_size=8,
    ).map(lambda parts: "".join(parts).strip())
)
def test_a_link_passed_over_is_one_the_file_search_does_not_match(href: str) -> None:
    if not _may_name_a_file(href):
        assert _FILE_LINK.search(href) is None
    # The page reader inlines the check: a link it passes over is one of these.
    page = read_page(f'<a href="{href}">x</a>'.encode())
    assert bool(page.attachments) == (_FILE_LINK.search(href) is not None)


@st.composite
def _tables(draw: st.DrawFn, depth: int = 0) -> str:
    """A table of zero to three rows of zero to three cells (``td`` or
    ``th``), a cell holding text or another such table."""
    rows = []
    for _ in range(draw(st.integers(0, 3))):
        cells = []
        for _ in range(draw(st.integers(0, 3))):
            tag = draw(st.sampled_from(["td", "th"]))
            inner = draw(_tables(depth + 1)) if depth < 2 and draw(st.booleans()) else "1"
            cells.append(f"<{tag}>{inner}</{tag}>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    caption = draw(st.sampled_from(["", "<caption>c</caption>"]))
    return f"<table>{caption}{''.join(rows)}</table>"


@given(_tables())
def test_one_cell_counts_the_cells_the_search_lists(html: str) -> None:
    """The walk that stops at a table's second cell tells the one-cell
    tables the search of its cells does, nested tables' cells counted."""
    doc = LexborHTMLParser(html)
    for table in doc.css("table"):
        assert _one_cell(table) == (len(table.css("td, th")) == 1)


def test_a_link_without_an_href_is_no_attachment() -> None:
    """The page's ``<a>``s are listed by tag: one without ``href`` is passed
    over, one whose ``href`` has no value is a link to "" (as ``a[href]``
    lists it)."""
    page = read_page(b"<body><a>a.pdf</a><a href>b.pdf</a><a name=x>c.xls</a></body>")
    assert [(a.href, a.text) for a in page.attachments] == [("", "b.pdf")]


class _Attrs:
    """A ``<meta>``'s attributes that note which were asked for."""

    def __init__(self, values: dict[str, str], asked: list[str]) -> None:
        self.values = values
        self.asked = asked

    def get(self, key: str) -> str | None:
        self.asked.append(key)
        return self.values.get(key)


class _Meta:
    def __init__(self, values: dict[str, str], asked: list[str]) -> None:
        self.attrs = _Attrs(values, asked)


def test_a_meta_without_a_name_has_its_content_left_unread() -> None:
    """``_meta`` keeps the first content of each name; a ``<meta>`` with no
    name (a charset, an ``http-equiv``) gives nothing, and its content is
    not read out of lexbor (a call and a decoding each)."""
    asked: list[str] = []
    metas = [
        _Meta({"http-equiv": "Content-Type", "content": "text/html"}, asked),
        _Meta({"name": " PubDate ", "content": " 2024-01-02 "}, asked),
        _Meta({"name": "PubDate", "content": "2025-01-01"}, asked),
        _Meta({"name": "empty", "content": ""}, asked),
    ]
    assert _meta(metas) == {"PubDate": "2024-01-02"}  # type: ignore[arg-type]
    assert asked == ["name", "name", "content", "name", "content", "name", "content"]


def _update() -> None:
    for folder in PAGES:
        (DATA / folder / "body.json").write_text(_body(folder), encoding="utf-8")


if __name__ == "__main__" and sys.argv[1:] == ["--update"]:
    _update()
