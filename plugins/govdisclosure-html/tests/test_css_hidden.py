"""Text hidden by ``font-size:0`` and by the page's style sheets (``<style>``).

Made by code from the real 2023 page (``tests/data/2023_central-zhsyq_87885``,
via ``test_other_portals``): a character hidden inside a figure against
copying, a hidden old copy of a row, a hidden sentence.  On the code before
(round three read only inline ``display``/``visibility``), each hidden
character or row was read: 2629 became 26729, the hidden row's 9s were
placed and the publisher blamed for the sums they broke.  And the other
way: what a style sheet does *not* hide (a rule for ``:hover``, for
``::before``, for print, one overridden) must stay read.
"""

from __future__ import annotations

import pytest

from govdisclosure_html.hiding import sheet_rules
from govdisclosure_html.page import read_page
from test_other_portals import PAGE, ROWS3, _codes, _import, _same


def _with_style(css: str, page: str = PAGE) -> str:
    """The page with ``css`` as a style sheet in its head."""
    assert "</head>" in page
    return page.replace("</head>", f"<style>{css}</style></head>", 1)


def _licensing(page: str) -> str:
    (cell,) = [c for c in _same(page).provenance.cells if c.path == "$.table2.licensing"]
    return cell.text


@pytest.mark.parametrize(
    "style",
    [
        "font-size:0",
        "FONT-SIZE: 0px",
        "font-size:0pt;color:red",
        "font-size: 0.0em",
        "font-size:0%",
    ],
)
def test_a_character_hidden_by_an_inline_zero_font_size_is_not_read(style: str) -> None:
    # Before: 26729, invented.
    page = PAGE.replace(">2629<", f'>26<span style="{style}">7</span>29<')
    assert _licensing(page) == "2629"


@pytest.mark.parametrize(
    ("css", "markup"),
    [
        (".x{display:none}", '<span class="x">7</span>'),
        (".x { visibility : hidden }", '<span class="x">7</span>'),
        ("span.x{font-size:0}", '<span class="x">7</span>'),
        ("#n7{DISPLAY:NONE}", '<span id="n7">7</span>'),
        ("td em{display:none}", "<em>7</em>"),
        ("font{font-size:0px}", "<font>7</font>"),
        (".x{font:0/0 a}", '<span class="x">7</span>'),
        (".a .b{display:none}", '<span class="a"><i class="b">7</i></span>'),
        ("[data-x]{display:none}", '<span data-x="1">7</span>'),
        (".x{display:block} .x{display:none}", '<span class="x">7</span>'),
        (".x{display:none!important}", '<span class="x" style="display:inline">7</span>'),
        ("@media screen{.x{display:none}}", '<span class="x">7</span>'),
    ],
)
def test_a_character_hidden_by_a_style_sheet_is_not_read(css: str, markup: str) -> None:
    # Before: 26729, invented, whatever the rule.
    page = _with_style(css, PAGE.replace(">2629<", f">26{markup}29<"))
    assert _licensing(page) == "2629"


def test_zero_font_size_with_the_figures_sized_again_inside() -> None:
    # The scraper trap: the cell's font size 0, the figure's pieces sized
    # again, the character between them left at 0.  Before: 26729.
    css = ".n{font-size:0} .n span{font-size:12px}"
    page = _with_style(
        css, PAGE.replace(">2629<", '><b class="n"><span>26</span>7<span>29</span></b><')
    )
    assert _licensing(page) == "2629"
    # Sized relative to 0 (em, %) is still 0.
    css = ".n{font-size:0} .n i{font-size:1.5em}"
    page = _with_style(css, PAGE.replace(">2629<", '><b class="n">26<i>7</i>29</b><'))
    page = page.replace('<b class="n">26', '<b class="n"><span style="font-size:12px">26</span>', 1)
    page = page.replace("</i>29</b>", '</i><span style="font-size:12px">29</span></b>', 1)
    assert _licensing(page) == "2629"


@pytest.mark.parametrize(
    "css",
    [
        "tr.old{display:none}",
        ".old{visibility:hidden}",
        ".old td{font-size:0}",
        "table tr.old{display:none}",
    ],
)
def test_a_row_hidden_by_a_style_sheet_is_not_read(css: str) -> None:
    # A hidden old copy of 四、结转下年度继续办理 with 9s above the real row.
    # Before: its 9s placed (7 invented), `publisher-error`s.
    row = next(r for r in ROWS3 if "四、结转" in r)
    copy = row.replace("<tr>", '<tr class="old">').replace("<td>0</td>", "<td>9</td>")
    _same(_with_style(css, PAGE.replace(row, copy + row)))


def test_a_sentence_hidden_by_a_style_sheet_is_not_read() -> None:
    sentence = "2023年，无收取信息处理费情况。"
    assert sentence in PAGE
    page = _with_style(
        ".seo{display:none}",
        PAGE.replace(sentence, sentence + '<p class="seo">本单位全年收取信息处理费9999元。</p>'),
    )
    text = " ".join(b.text or "" for b in read_page(page.encode()).blocks)
    assert sentence in text and "9999" not in text


@pytest.mark.parametrize(
    ("css", "markup"),
    [
        # A pseudo-class or pseudo-element: never hides (lexbor would match
        # :hover never, ::before hides generated text, not the element's).
        ("a:hover span{display:none}", '<span class="x">7</span>'),
        ("span::before{display:none}", '<span class="x">7</span>'),
        (".x:nth-child(1){display:none}", '<span class="x">7</span>'),
        (".x:not(.y){visibility:hidden}", '<span class="x">7</span>'),
        # Selectors neither cssselect nor lexbor read, and broken CSS.
        (":::x{display:none} .x{", '<span class="x">7</span>'),
        ("x|span{display:none}", '<span class="x">7</span>'),
        ("@media print{.x{display:none}}", '<span class="x">7</span>'),
        ("@media (max-width:600px){.x{display:none}}", '<span class="x">7</span>'),
        # Overridden: a later rule, a more specific one, the inline style,
        # a rule that may show (its pseudo-class taken out, it may match).
        (".x{display:none} .x{display:inline}", '<span class="x">7</span>'),
        ("#k{display:inline} .x{display:none}", '<span class="x" id="k">7</span>'),
        (".x{display:none}", '<span class="x" style="display:inline">7</span>'),
        (".x{display:none} .x:first-child{display:inline}", '<span class="x">7</span>'),
        (".x{display:none} @media (min-width:1px){.x{display:inline}}", '<span class="x">7</span>'),
        # Zero font size shown again inside; shown by "visible" inside.
        (".x{font-size:0} .x i{font-size:14px}", '<span class="x"><i>7</i></span>'),
        (".x{visibility:hidden} .x i{visibility:visible}", '<span class="x"><i>7</i></span>'),
        # Not hiding values.
        (".x{font-size:10px;display:inline-block;visibility:visible}", '<span class="x">7</span>'),
    ],
)
def test_what_a_style_sheet_does_not_hide_stays_read(css: str, markup: str) -> None:
    # Read as printed, "26729": not hidden, so not taken out (and the
    # figure, no longer a plain number, reported, never guessed as 2629).
    page = _with_style(css, PAGE.replace(">2629<", f">26{markup}29<"))
    result = _import(page)
    (cell,) = [c for c in result.provenance.cells if c.path == "$.table2.licensing"]
    assert cell.text == "26729"


def test_a_hidden_container_of_the_article_is_read_as_served() -> None:
    # A style sheet that hides a container of tables (a tab a script shows)
    # hides no line of it: the tables are read, as with an inline style.
    page = _with_style(".tab{display:none}", PAGE)
    first = page.index("<table")
    page = page[:first] + '<div class="tab">' + page[first:]
    last = page.rindex("</table>") + len("</table>")
    page = page[:last] + "</div>" + page[last:]
    _same(page)


def test_style_sheets_are_read_only_for_hiding_rules() -> None:
    # A sheet that hides nothing is not parsed into rules at the page's
    # cost, and one that does keeps only the rules that matter.
    rules = sheet_rules("a{color:red} .x{display:none} p{margin:0} .y{display:block}")
    assert [(r.selector, r.hides) for r in rules] == [(".x", True), (".y", False)]
    assert "publisher-error" not in _codes(_import(_with_style("a{color:red}")))
