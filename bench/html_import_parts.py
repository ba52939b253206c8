"""Where the HTML import's time goes, part by part, and what each part cannot go below.

``html_import_bench.py`` gives one ratio (import / bare parse); this script
splits the import of the nine portal pages into the parts ``read_page`` and
``import_document`` run, times each as the importer runs it (the real
functions, on the same pages) and beside it the *floor* of that part: the
C calls into lexbor or the codec that the part cannot do without, with no
Python work around them.  A part's floor is what it would cost if its Python
work were free; the sum of the floors over the parse is the lowest ratio this
way of importing can reach.

CPU time (``time.process_time``), best of ROUNDS rounds of LOOPS passes over
the nine pages, every part and the parse taking turns in each round; the
parse (the bench's floor) is timed in the same rounds.  Run it alone:

    python bench/html_import_parts.py
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from floors import quick
from govdisclosure_html.charset import decode
from govdisclosure_html.grid import CELL_TAGS, _rows, expand
from govdisclosure_html.hiding import Styles
from govdisclosure_html.importer import import_document, page_document
from govdisclosure_html.page import (
    _STRIPPED_BY_NAME,
    _STYLE_LINK_OR_ID,
    _TABLE,
    _attachments,
    _blocks,
    _find_body,
    _hidden_box,
    _hint_search,
    _holding_tables,
    _strip_page,
    read_page,
)

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "plugins" / "govdisclosure-html" / "tests" / "data"
ROUNDS = 1 if quick() else 9
LOOPS = 2 if quick() else 20


class Prepared:
    """One page taken apart once, so that each part can be timed alone."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.text = data.decode("utf-8")
        self.doc = LexborHTMLParser(data)
        ids, sheets, _unread = _strip_page(self.doc)
        self.search = _hint_search(ids)
        self.hides = _hidden_box(Styles(self.doc, sheets))
        self.body, _ = _find_body(self.doc, self.search, self.hides)
        found = self.body.css("table, h1")
        tables = [node for node in found if node.tag_id == _TABLE]
        self.holding = _holding_tables(self.body, tables)
        self.leaf = [t for t in tables if t.mem_id not in self.holding]
        self.index = {t.mem_id: i for i, t in enumerate(self.leaf)}
        self.rows = [[tr for tr, _ in _rows(t)] for t in self.leaf]
        self.links = list(self.doc.tags("a"))
        self.page = read_page(data)


def _grid_calls(rows: list[LexborNode], table: LexborNode) -> int:
    """The lexbor calls a grid needs: its spanning cells, every row's cells,
    their tags and texts (the number of cells)."""
    cells = len(table.css("[colspan], [rowspan]"))
    for tr in rows:
        for td in tr.iter():
            if td.tag_id in CELL_TAGS:
                cells += len(td.text_lexbor())
    return cells


def _link_calls(links: list[LexborNode]) -> int:
    """The lexbor calls the attachments need: each link's target and text."""
    read = 0
    for a in links:
        read += len(a.attrs.get("href") or "") + len(a.text_lexbor())
    return read


def _parts(pages: list[Prepared]) -> dict[str, tuple[Callable[[], Any], Callable[[], Any] | None]]:
    """Each part as the importer runs it, and its floor (None: the part is its own floor)."""
    return {
        "decode (only to know the bytes are UTF-8)": (
            lambda: [decode(p.data) for p in pages],
            lambda: [p.data.decode("utf-8") for p in pages],
        ),
        "parse of the bytes": (lambda: [LexborHTMLParser(p.data) for p in pages], None),
        # On the page already detached: the search walks the same tree (the
        # few nodes detached cost next to nothing).
        "search for scripts, styles and ids": (
            lambda: [
                (
                    [n for name in _STRIPPED_BY_NAME for n in p.doc.tags(name)],
                    p.doc.css(_STYLE_LINK_OR_ID),
                )
                for p in pages
            ],
            None,
        ),
        "body search": (
            lambda: [_find_body(p.doc, p.search, p.hides) for p in pages],
            lambda: [p.doc.css(p.search) for p in pages],
        ),
        "grids (cells by field, their shape)": (
            lambda: [[expand(t, i) for i, t in enumerate(p.leaf)] for p in pages],
            lambda: [
                [_grid_calls(r, t) for r, t in zip(p.rows, p.leaf, strict=True)] for p in pages
            ],
        ),
        "links search": (lambda: [p.doc.css("a[href], meta[name], title") for p in pages], None),
        "attachments from the links": (
            lambda: [_attachments(p.links) for p in pages],
            lambda: [_link_calls(p.links) for p in pages],
        ),
        "text blocks": (lambda: [_blocks(p.body, p.index, p.holding) for p in pages], None),
        "read_page in all": (lambda: [read_page(p.data) for p in pages], None),
        "mapping (import_document)": (
            lambda: [
                import_document(page_document(p.page), "page", validate_report=False) for p in pages
            ],
            None,
        ),
    }


def main() -> None:
    pages = [Prepared(page.read_bytes()) for page in sorted(PAGES.glob("*/page.html"))]
    parts = _parts(pages)
    timed: dict[str, Callable[[], Any]] = {
        "parse of the text (the bench's floor)": lambda: [LexborHTMLParser(p.text) for p in pages]
    }
    for name, (part, floor) in parts.items():
        timed[name] = part
        if floor is not None:
            timed[f"{name} / floor"] = floor
    best = dict.fromkeys(timed, float("inf"))
    load_before = os.getloadavg()[0]
    enabled = gc.isenabled()
    gc.disable()  # as import_html runs
    try:
        for fn in timed.values():
            fn()
        for _ in range(ROUNDS):
            for name, fn in timed.items():
                start = time.process_time()
                for _ in range(LOOPS):
                    fn()
                best[name] = min(best[name], (time.process_time() - start) / LOOPS)
    finally:
        if enabled:
            gc.enable()
    parse = best["parse of the text (the bench's floor)"]
    print(f"{'part (nine pages; CPU ms per pass)':46} {'as run':>8} {'floor':>8} {'run/parse':>10}")
    print(f"{'parse of the text (the bench floor)':46} {parse * 1e3:8.2f}")
    for name, (_, floor) in parts.items():
        cost = best[name]
        shown = f"{best[name + ' / floor'] * 1e3:8.2f}" if floor is not None else " " * 8
        print(f"{name:46} {cost * 1e3:8.2f} {shown} {cost / parse:9.2f}×")
    # The sum of the floors: the mapping and the parts that are their own
    # floor count as run; the rest of read_page (its few small searches, the
    # <meta>s, the Page) counts as nothing.
    counted = [name for name in parts if name != "read_page in all"]
    floors = sum(best.get(f"{name} / floor", best[name]) for name in counted)
    print(
        f"sum of the floors: {floors * 1e3:.2f} ms = {floors / parse:.2f}× the parse;"
        f" load average {load_before:.2f} → {os.getloadavg()[0]:.2f}"
    )


if __name__ == "__main__":
    main()
