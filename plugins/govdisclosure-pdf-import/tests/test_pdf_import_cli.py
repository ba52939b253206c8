"""``govdisclosure import`` on PDFs: report and provenance per file, the scan a failure."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

import govdisclosure as gd
from govdisclosure import cells_by_path
from govdisclosure.cli import cli
from pdfimport_helpers import DATA, EXAMPLES


def test_import_the_published_pdfs_and_a_scan(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["import", str(DATA / "*.pdf"), "-o", str(tmp_path), "--locale", "en"]
    )
    # The scan fails (no text layer): the worst result is a failure.
    assert result.exit_code == 2, result.output
    assert (
        "3 files: 2 fully imported, 0 partly imported, 1 failed; 386 cells placed, 0 not placed"
        in result.output
    )
    assert "no text layer" in result.output
    report = gd.load(tmp_path / "hongze-2024.json")
    assert cells_by_path(report) == cells_by_path(gd.load(EXAMPLES / "hongze-2024.json"))
    provenance = json.loads((tmp_path / "hongze-2024.provenance.json").read_text("utf-8"))
    assert provenance["format"] == "pdf" and provenance["pages"] == 5
    cell = next(c for c in provenance["cells"] if c["path"] == "$.table2.licensing")
    assert (cell["text"], cell["page"], cell["match"]) == ("9487", 2, "exact")
    assert [p["code"] for p in provenance["problems"]] == ["publisher-label", "publisher-error"]


def test_the_two_published_pdfs_import_fully(tmp_path: Path) -> None:
    files = [str(DATA / "huaian-2024.pdf"), str(DATA / "hongze-2024.pdf")]
    result = CliRunner().invoke(cli, ["import", *files, "-o", str(tmp_path), "--locale", "en"])
    assert result.exit_code == 0, result.output


def test_a_one_page_scan_says_page_and_image(tmp_path: Path) -> None:
    # It said "(1 pages, 1 images)": one message for every count.
    scan = str(DATA / "scan-hongze-2024-p3.pdf")
    for locale, said in (
        ("en", "The PDF has no text layer (1 page, 1 image): a scanned document?"),
        ("zh_Hans_CN", "PDF 没有文字层（1 页，1 幅图像），可能是扫描件"),
    ):
        out = tmp_path / locale
        result = CliRunner().invoke(cli, ["import", scan, "-o", str(out), "--locale", locale])
        assert result.exit_code == 2, result.output
        assert said in result.output
