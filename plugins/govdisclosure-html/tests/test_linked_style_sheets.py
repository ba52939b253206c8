"""Style sheets a page links (``<link rel="stylesheet">``), not in the page.

Made by code from the real 2023 page (via ``test_other_portals``): the
character a portal scatters inside a figure against copying
("26<span class="n">7</span>29", 2629 on screen), hidden by a rule of a
*linked* sheet.  Before, linked sheets were never read and nothing was
said: the import placed 26729 surely and blamed the publisher for the sums
it broke.  Now a sheet saved beside the page is read (2629, sure), and a
figure split by a styled element while a linked sheet was not read is
placed with doubt, so a broken sum is a doubtful mapping.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser, LexborNode

from govdisclosure_html import import_html
from govdisclosure_html.grid import own_cells
from govdisclosure_html.importer import ImportResult, split_figures
from govdisclosure_html.sheets import MAX_SHEET_BYTES, _cuts, local_style_sheets, split_cells
from test_other_portals import PAGE, _codes

HIDING = ".n{font-size:0}"
#: The page without the five sheets it links from the site's root.
BASE = re.sub(r"<link[^>]*>", "", PAGE)
SPLIT = BASE.replace(">2629<", '>26<span class="n">7</span>29<')
#: The same trick in a total of table 3 (81 = 80 + 1): 8071 breaks the sum.
SPLIT_TOTAL = BASE.replace(
    "<td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>81</td>",
    '<td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>8<span class="n">07</span>1</td>',
    1,
)


def _linking(href: str, page: str = SPLIT) -> str:
    assert "</head>" in page
    return page.replace("</head>", f'<link rel="stylesheet" href="{href}"></head>', 1)


def _licensing(result: ImportResult) -> tuple[str, bool]:
    (cell,) = [c for c in result.provenance.cells if c.path == "$.table2.licensing"]
    return cell.text, cell.doubtful


def _saved(folder: Path, page: str, sheets: dict[str, str | bytes]) -> Path:
    """The page saved as a browser saves it, its sheets beside it."""
    path = folder / "report.html"
    path.write_text(page, encoding="utf-8")
    for name, css in sheets.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(css, bytes):
            target.write_bytes(css)
        else:
            target.write_text(css, encoding="utf-8")
    return path


def test_a_sheet_saved_beside_the_page_is_read(tmp_path: Path) -> None:
    path = _saved(tmp_path, _linking("report_files/site.css"), {"report_files/site.css": HIDING})
    result = import_html(path.read_bytes(), str(path))
    assert _licensing(result) == ("2629", False)
    assert "style-sheet-not-read" not in _codes(result)
    assert "publisher-error" not in _codes(result)


def test_a_sheet_in_gb18030_is_read(tmp_path: Path) -> None:
    css = "/* 样式 */ .n{font-size:0}".encode("gb18030")
    path = _saved(tmp_path, _linking("site.css"), {"site.css": css})
    assert _licensing(import_html(path.read_bytes(), str(path))) == ("2629", False)


def test_a_sheet_not_read_makes_the_split_figure_doubtful() -> None:
    # Given as bytes: no folder to read the sheet from.  Before: 26729 placed
    # surely, the publisher blamed for the sums it breaks.
    result = import_html(_linking("report_files/site.css").encode("utf-8"), "<page>")
    assert _licensing(result) == ("26729", True)
    codes = _codes(result)
    assert "style-sheet-not-read" in codes
    (problem,) = [p for p in result.problems if p.code == "style-sheet-not-read"]
    assert "report_files/site.css" in problem.message("en")
    assert "report_files/site.css" in problem.message("zh_Hans_CN")


def test_a_sum_a_split_figure_breaks_is_no_publisher_error(tmp_path: Path) -> None:
    assert SPLIT_TOTAL != BASE
    unread = import_html(_linking("site.css", SPLIT_TOTAL).encode("utf-8"), "<page>")
    assert "doubtful-mapping" in _codes(unread)
    assert "publisher-error" not in _codes(unread)
    path = _saved(tmp_path, _linking("site.css", SPLIT_TOTAL), {"site.css": HIDING})
    read = import_html(path.read_bytes(), str(path))
    assert not _codes(read) & {"doubtful-mapping", "publisher-error", "style-sheet-not-read"}
    # With no sheet linked at all, the figure is the page's: the publisher's sum.
    plain = import_html(SPLIT_TOTAL.encode("utf-8"), "<page>")
    assert "publisher-error" in _codes(plain)


@pytest.mark.parametrize(
    "href",
    [
        "../outside.css",  # outside the page's folder
        "/css/site.css",  # from the site's root: not in the folder
        "https://example.org/site.css",  # never fetched
        "//example.org/site.css",
        "missing.css",
    ],
)
def test_sheets_that_are_not_read(tmp_path: Path, href: str) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    (tmp_path / "outside.css").write_text(HIDING, encoding="utf-8")
    path = _saved(folder, _linking(href), {})
    assert local_style_sheets(str(path))(href) is None
    result = import_html(path.read_bytes(), str(path))
    assert _licensing(result) == ("26729", True)
    assert "style-sheet-not-read" in _codes(result)


def test_a_sheet_too_large_is_not_read(tmp_path: Path) -> None:
    big = HIDING + " " * MAX_SHEET_BYTES
    path = _saved(tmp_path, _linking("site.css"), {"site.css": big})
    assert local_style_sheets(str(path))("site.css") is None


def test_a_figure_not_split_stays_sure_whatever_the_sheets() -> None:
    # A styled element holding a whole figure, or styled text beside a
    # label, is no split figure: nothing to doubt on the plain page.
    page = _linking("site.css", BASE.replace(">2629<", '><span class="n">2629</span><'))
    result = import_html(page.encode("utf-8"), "<page>")
    assert _licensing(result) == ("2629", False)
    assert "style-sheet-not-read" not in _codes(result)
    assert not any(c.doubtful for c in result.provenance.cells)


def test_an_alternate_sheet_is_not_asked_for(tmp_path: Path) -> None:
    page = SPLIT.replace("</head>", '<link rel="alternate stylesheet" href="site.css"></head>', 1)
    path = _saved(tmp_path, page, {"site.css": HIDING})
    result = import_html(path.read_bytes(), str(path))
    # Not read (a reader does not see it) and not waited for: the figure as served.
    assert _licensing(result) == ("26729", False)
    assert "style-sheet-not-read" not in _codes(result)


@pytest.mark.parametrize(
    "markup",
    [
        '<span class="a">26</span><span class="b">7</span>29',  # two styled pieces
        '<b>26<i id="n7">7</i></b>29',  # styled inside plain, the rest outside
        '<p class="MsoNormal"><span>26</span><span class="n">7</span>29</p>',
    ],
)
def test_every_way_of_splitting_a_figure_is_doubted(markup: str) -> None:
    page = _linking("site.css", BASE.replace(">2629<", f">{markup}<"))
    result = import_html(page.encode("utf-8"), "<page>")
    assert _licensing(result) == ("26729", True)
    assert "style-sheet-not-read" in _codes(result)


def _split_by_cell_selector(table: LexborNode) -> set[int]:
    """The cells (by ``mem_id``) :func:`.sheets.split_cells` reports, found
    plainly: the styled elements inside a cell by a selector naming the
    cells, each one's nearest cell by its tag's name."""
    split: set[int] = set()
    for node in table.css("td [class], td [id], th [class], th [id]"):
        cell = node.parent
        while cell is not None and cell.tag not in ("td", "th"):
            cell = cell.parent
        assert cell is not None  # the selector found a cell above it
        if _cuts(node, cell.mem_id):
            split.add(cell.mem_id)
    return split


@st.composite
def _cell_markup(draw: st.DrawFn, depth: int = 0) -> str:
    """A cell's content: figures, text, and elements styled or not (nested
    tables too, whose cells are cells of their own)."""
    parts = []
    for _ in range(draw(st.integers(0, 3))):
        kinds = ["text", "element", "table"] if depth == 0 else ["text", "element"]
        kind = draw(st.sampled_from(kinds if depth < 2 else ["text"]))
        if kind == "text":
            parts.append(draw(st.sampled_from(["26", "7", "29", " ", "件", ""])))
        elif kind == "element":
            tag = draw(st.sampled_from(["span", "b", "i", "p", "font"]))
            attr = draw(st.sampled_from(["", ' class="n"', ' id="x"', ' class=""', ' style="a"']))
            parts.append(f"<{tag}{attr}>{draw(_cell_markup(depth + 1))}</{tag}>")
        else:
            parts.append(draw(_table_markup(depth + 1)))
    return "".join(parts)


@st.composite
def _table_markup(draw: st.DrawFn, depth: int = 0) -> str:
    rows = []
    for _ in range(draw(st.integers(1, 3))):
        cells = []
        for _ in range(draw(st.integers(1, 3))):
            tag = draw(st.sampled_from(["td", "th"]))
            attr = draw(st.sampled_from(["", ' class="c"', ' id="c"']))
            cells.append(f"<{tag}{attr}>{draw(_cell_markup(depth))}</{tag}>")
        attr = draw(st.sampled_from(["", ' class="r"']))
        rows.append(f"<tr{attr}>{''.join(cells)}</tr>")
    attr = draw(st.sampled_from(["", ' class="t"', ' id="t"']))
    return f"<table{attr}>{''.join(rows)}</table>"


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_table_markup(), st.booleans())
def test_split_cells_are_the_cells_a_selector_naming_the_cells_finds(
    table: str, in_layout_cell: bool
) -> None:
    """The search without a cell in its selector finds the same cells (a
    table inside a layout table's cell included: every element of it is
    then inside a cell)."""
    page = f"<table><tr><td>{table}</td></tr></table>" if in_layout_cell else table
    doc = LexborHTMLParser(page)
    for node in doc.css("table"):
        numbers = split_cells(node, own_cells)
        cells = own_cells(node)
        assert {cells[n].mem_id for n in numbers} == _split_by_cell_selector(node) & {
            c.mem_id for c in cells
        }
        assert numbers == sorted(set(numbers))


@pytest.mark.parametrize(
    ("count", "en", "zh"),
    [
        (1, "1 figure is split by an element", "1 个数字被一个元素隔开"),
        (3, "3 figures are split by an element", "3 个数字被一个元素隔开"),
    ],
)
def test_the_split_figures_count_takes_its_plural_form(count: int, en: str, zh: str) -> None:
    # It said "1 figures are split": one message for every count.
    problem = split_figures(count, ["site.css"])
    assert problem.code == "style-sheet-not-read"
    assert problem.message("en").startswith(en)
    assert problem.message("zh_Hans_CN").startswith(zh)
    assert "site.css" in problem.message("en")
