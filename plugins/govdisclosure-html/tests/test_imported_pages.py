"""The nine portal pages imported, whole: report and provenance as written by ``import``.

``test_real_pages.py`` checks the figures read from each page by eye; this
test holds everything else an import writes to the same bytes: the report
JSON (narrative, dates, printed labels, units) and the provenance JSON
(every cell's place, text, value and label matches, every problem in both
locales).  The expected files were written by the importer as reviewed
against the pages; the import's speed work must not move a byte of them.

A change that is meant to change the output rewrites the files with

    python plugins/govdisclosure-html/tests/test_imported_pages.py --update

and the diff shows what moved, page by page, for review.
"""

from __future__ import annotations

import gc
import json
import sys
from pathlib import Path

import pytest

from govdisclosure.codec import dumps
from govdisclosure_html import ImportResult, import_html, provenance_json
from govdisclosure_html.match import clear_memo

DATA = Path(__file__).parent / "data"
PAGES = sorted(p.parent.name for p in DATA.glob("*/page.html"))
#: (folder, derive_templates): the pre-2019 page also as a table held as printed.
CASES = [(folder, False) for folder in PAGES] + [("2009_gaj-gonganju_80645", True)]


def _written(result: ImportResult) -> dict[str, str]:
    """The files an import writes: the report and the provenance in each locale."""
    out = {"report.json": dumps(result.report) + "\n" if result.report else "null\n"}
    for locale, name in (("zh_Hans_CN", "provenance.json"), ("en", "provenance.en.json")):
        prov = provenance_json(result.provenance, result.problems, locale)
        out[name] = json.dumps(prov, ensure_ascii=False, indent=1) + "\n"
    return out


def _expected_dir(folder: str, derive: bool) -> Path:
    return DATA / folder / ("imported-derived" if derive else "imported")


def _import(folder: str, derive: bool) -> ImportResult:
    data = (DATA / folder / "page.html").read_bytes()
    return import_html(data, folder, derive_templates=derive)


@pytest.mark.parametrize(("folder", "derive"), CASES)
def test_import_writes_the_expected_report_and_provenance(folder: str, derive: bool) -> None:
    expected = _expected_dir(folder, derive)
    # Cold (no placement remembered) and warm (every placement remembered):
    # the memo of placement decisions must not change a byte.
    clear_memo()
    cold = _written(_import(folder, derive))
    warm = _written(_import(folder, derive))
    for name, text in cold.items():
        assert text == (expected / name).read_text(encoding="utf-8"), f"{folder}: {name}"
        assert warm[name] == text, f"{folder}: {name} differs once placements are remembered"


def test_plans_made_on_other_pages_change_nothing() -> None:
    """Every page imported after every other page (in reverse order, plans
    and decisions remembered from the pages before it): the 2021 pages of
    one portal share their tables' shape, so their plans are replayed."""
    clear_memo()
    for folder, derive in CASES:
        _import(folder, derive)
    for folder, derive in reversed(CASES):
        expected = _expected_dir(folder, derive)
        for name, text in _written(_import(folder, derive)).items():
            assert text == (expected / name).read_text(encoding="utf-8"), f"{folder}: {name}"


@pytest.mark.parametrize(("folder", "derive"), CASES)
@pytest.mark.parametrize("validate", [False, True])
def test_an_import_leaves_no_reference_cycle(folder: str, derive: bool, validate: bool) -> None:
    """Everything an import makes is freed by reference counting when its
    result is dropped: nothing waits for the collector (a cycle among the
    page's blocks kept every page's paragraphs alive until it ran, in the
    memory the next imports could have reused)."""
    data = (DATA / folder / "page.html").read_bytes()
    import_html(data, folder, derive_templates=derive, validate_report=validate)  # memos filled
    enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        result = import_html(data, folder, derive_templates=derive, validate_report=validate)
        del result
        assert gc.collect() == 0
    finally:
        if enabled:
            gc.enable()


def _update() -> None:
    for folder, derive in CASES:
        target = _expected_dir(folder, derive)
        target.mkdir(exist_ok=True)
        for name, text in _written(_import(folder, derive)).items():
            (target / name).write_text(text, encoding="utf-8")


if __name__ == "__main__" and sys.argv[1:] == ["--update"]:
    _update()
