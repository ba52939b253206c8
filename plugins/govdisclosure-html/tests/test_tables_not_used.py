"""The tables of a page the import did not use, said in the reader's locale.

A pre-2019 statistics table read as several pieces names the tables its
template was placed on in the message of each table left out
(``table-not-imported``); the list is the locale's (``1、2`` in Chinese,
``1, 2`` in English), as in ``tables-joined``.
"""

from __future__ import annotations

from govdisclosure_html.importer import _tables_not_used, page_document
from govdisclosure_html.page import read_page
from govdisclosure_html.provenance import ImportProblem

_PAGE = (
    "<html><body>"
    "<table><tr><td>主动公开</td><td>12</td></tr></table>"
    "<table><tr><td>依申请公开</td><td>3</td></tr></table>"
    "<table><tr><td>去年</td><td>7</td></tr></table>"
    "</body></html>"
).encode()


def _not_used() -> list[ImportProblem]:
    problems: list[ImportProblem] = []
    _tables_not_used(page_document(read_page(_PAGE)), (0, 1), problems, "legacy-2008")
    return problems


def test_the_tables_used_are_listed_as_the_locale_lists_names() -> None:
    (table,) = [p for p in _not_used() if p.code == "table-not-imported"]
    assert table.table == 2
    assert "(table 1, 2)" in table.message("en")
    assert "（第 1、2 个表格）" in table.message("zh_Hans_CN")
    assert table.params["used"] == "1、2"  # the data's one form, as before


def test_each_figure_of_the_table_not_used_is_a_warning() -> None:
    (figure,) = [p for p in _not_used() if p.code == "figure-not-imported"]
    assert (figure.severity, figure.table, figure.params["text"]) == ("warning", 2, "7")
