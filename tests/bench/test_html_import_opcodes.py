"""``bench/html_import_opcodes.py``: what it counts is one pass of the import."""

from __future__ import annotations

import sys

from test_bench import _module

_opcodes = _module("html_import_opcodes")


def test_one_pass_counts_each_page_imported_once_and_puts_the_tracer_back() -> None:
    pages = [p.read_bytes() for p in sorted(_opcodes.PAGES.glob("*/page.html"))]
    before = sys.gettrace()
    ops, calls = _opcodes.count(pages[:2])
    assert sys.gettrace() is before
    # The warm imports (with the proof) are not counted: one call a page.
    (imports,) = [key for key in calls if key.endswith(":import_html")]
    assert calls[imports] == 2
    assert ops[imports] > 0 and set(ops) <= set(calls)
