"""``govdisclosure import``: report and provenance JSON per page, a summary, the worst exit status."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

import govdisclosure as gd
from govdisclosure.cli import cli

DATA = Path(__file__).parent / "data"


def test_import_a_folder_of_pages(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["import", str(DATA), "-o", str(tmp_path), "--locale", "en"])
    # Three pages have no report tables: the worst result is a failure.
    assert result.exit_code == 2, result.output
    assert (
        "9 files: 5 fully imported, 1 partly imported, 3 failed; 1,015 cells placed, 0 not placed"
        in result.output
    )
    assert "信息公开附表.xls" in result.output  # the attachment is named
    report = gd.load(tmp_path / "2023_central-zhsyq_87885_page.json")
    assert isinstance(report, gd.Report2021) and report.table2.licensing == 2629
    provenance = json.loads(
        (tmp_path / "2023_central-zhsyq_87885_page.provenance.json").read_text("utf-8")
    )
    cell = next(c for c in provenance["cells"] if c["path"] == "$.table2.licensing")
    assert (cell["text"], cell["colspan"], cell["match"], cell["doubtful"]) == (
        "2629",
        3,
        "exact",
        False,
    )
    failed = json.loads(
        (tmp_path / "2020_gaj-gonganju_80590_page.provenance.json").read_text("utf-8")
    )
    assert failed["attachments"][0]["text"].endswith(".doc")
    assert not (tmp_path / "2020_gaj-gonganju_80590_page.json").exists()


def test_one_page_and_no_silent_overwrite(tmp_path: Path) -> None:
    page = str(DATA / "2021_jjp-jinjing-pianqu_80601" / "page.html")
    first = CliRunner().invoke(cli, ["import", page, "-o", str(tmp_path)])
    assert first.exit_code == 0, first.output
    assert (tmp_path / "page.json").exists() and (tmp_path / "page.provenance.json").exists()
    again = CliRunner().invoke(cli, ["import", page, "-o", str(tmp_path), "--locale", "en"])
    assert again.exit_code == 2 and "use --force" in again.output
    forced = CliRunner().invoke(cli, ["import", page, "-o", str(tmp_path), "--force"])
    assert forced.exit_code == 0


def test_a_legacy_page_placed_by_position_is_partly_imported(tmp_path: Path) -> None:
    page = str(DATA / "2009_gaj-gonganju_80645" / "page.html")
    result = CliRunner().invoke(cli, ["import", page, "-o", str(tmp_path), "--locale", "en"])
    assert result.exit_code == 1
    assert "partly imported (17 cells placed, 0 not placed)" in result.output


def test_the_same_report_published_twice_in_one_folder_gives_two_outputs(tmp_path: Path) -> None:
    """``report.html`` and ``report.htm`` side by side (a portal's page saved
    twice, or a PDF beside its Word file): each gets its own output, named
    after its suffix, instead of the second failing as "already exists"."""
    page = (DATA / "2021_jjp-jinjing-pianqu_80601" / "page.html").read_bytes()
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "report.html").write_bytes(page)
    (folder / "report.htm").write_bytes(page)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["import", str(folder), "-o", str(out), "--locale", "en"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "in_report-htm.json",
        "in_report-htm.provenance.json",
        "in_report-html.json",
        "in_report-html.provenance.json",
    ]
    assert gd.load(out / "in_report-htm.json") == gd.load(out / "in_report-html.json")
