"""Sheets a style sheet brings in with ``@import``, read as the browser reads them.

The split figure of ``test_linked_style_sheets`` ("26<span class="n">7</span>29",
2629 on screen), its hiding rule now in a sheet another sheet imports.
Before, ``@import`` was never followed: the importing sheet counted as read,
so the figure was placed as 26729 *surely* and a sum it broke was blamed on
the publisher.  Now the imported sheet is read where the importing one is;
one that is not read counts as a linked sheet not read (doubt, a warning).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from govdisclosure_html import import_html
from govdisclosure_html.importer import ImportResult
from govdisclosure_html.sheet_imports import MAX_IMPORT_DEPTH, with_imports
from test_linked_style_sheets import HIDING, SPLIT, _licensing, _linking, _saved
from test_other_portals import _codes


def _import(folder: Path, page: str, sheets: dict[str, str | bytes]) -> ImportResult:
    path = _saved(folder, page, sheets)
    return import_html(path.read_bytes(), str(path))


def _unread(result: ImportResult) -> str:
    (problem,) = [p for p in result.problems if p.code == "style-sheet-not-read"]
    return problem.message("en")


def test_a_sheet_a_linked_sheet_imports_is_read(tmp_path: Path) -> None:
    result = _import(
        tmp_path,
        _linking("report_files/site.css"),
        {"report_files/site.css": "@import url(hide.css);", "report_files/hide.css": HIDING},
    )
    # Before: ("26729", False), the hidden 7 read into the figure with no doubt.
    assert _licensing(result) == ("2629", False)
    assert "style-sheet-not-read" not in _codes(result)


@pytest.mark.parametrize(
    "rule",
    [
        '@import "report_files/hide.css";',
        "@import url('report_files/hide.css') screen;",
        '@charset "utf-8"; @import url("report_files/hide.css");',
    ],
)
def test_a_sheet_a_style_element_imports_is_read(tmp_path: Path, rule: str) -> None:
    page = SPLIT.replace("</head>", f"<style>{rule}</style></head>", 1)
    result = _import(tmp_path, page, {"report_files/hide.css": HIDING})
    assert _licensing(result) == ("2629", False)


def test_an_import_is_resolved_from_the_importing_sheet(tmp_path: Path) -> None:
    result = _import(
        tmp_path,
        _linking("css/site.css"),
        {"css/site.css": "@import '../theme/hide.css';", "theme/hide.css": HIDING},
    )
    assert _licensing(result) == ("2629", False)


@pytest.mark.parametrize(
    ("imported", "named"),
    [
        ("@import url(missing.css);", "report_files/missing.css"),
        ("@import url(hide.css) layer(theme);", "report_files/hide.css"),  # not modelled
        ("@import url(hide.css) supports(display: grid);", "report_files/hide.css"),
        ("@import url(../../outside.css);", "outside.css"),  # outside the page's folder
    ],
)
def test_an_import_not_read_makes_the_split_figure_doubtful(
    tmp_path: Path, imported: str, named: str
) -> None:
    folder = tmp_path / "a" / "saved"
    folder.mkdir(parents=True)
    (tmp_path / "a" / "outside.css").write_text(HIDING, "utf-8")
    result = _import(
        folder,
        _linking("report_files/site.css"),
        {"report_files/site.css": imported, "report_files/hide.css": HIDING},
    )
    assert _licensing(result) == ("26729", True)
    assert named in _unread(result)


@pytest.mark.parametrize(
    "site",
    [
        "@import url(hide.css) print;",  # never on a screen: the figure as shown
        ".x{color:red} @import url(hide.css);",  # after a rule: ignored by browsers
    ],
)
def test_an_import_a_browser_does_not_apply_hides_nothing(tmp_path: Path, site: str) -> None:
    result = _import(
        tmp_path,
        _linking("report_files/site.css"),
        {"report_files/site.css": site, "report_files/hide.css": HIDING},
    )
    assert _licensing(result) == ("26729", False)
    assert "style-sheet-not-read" not in _codes(result)


def test_a_cycle_of_imports_ends(tmp_path: Path) -> None:
    result = _import(
        tmp_path,
        _linking("a.css"),
        {"a.css": "@import 'b.css';", "b.css": "@import 'a.css'; " + HIDING},
    )
    assert _licensing(result) == ("2629", False)


def test_imports_deeper_than_the_limit_are_not_read() -> None:
    sheets = {f"{n}.css": f"@import '{n + 1}.css';" for n in range(MAX_IMPORT_DEPTH + 2)}
    unread: list[str] = []
    out = with_imports(sheets["0.css"], "0.css", "", sheets.get, unread)
    assert len(out) == MAX_IMPORT_DEPTH + 1  # the linked sheet and four imported
    assert unread == [f"{MAX_IMPORT_DEPTH + 1}.css"]


def test_imported_sheets_come_first_in_the_cascade() -> None:
    read = {"base.css": ".n{font-size:0}"}.get
    out = with_imports("@import 'base.css'; .n{font-size:12px}", "", "", read, [])
    assert [css for css, _ in out] == [".n{font-size:0}", "@import 'base.css'; .n{font-size:12px}"]
