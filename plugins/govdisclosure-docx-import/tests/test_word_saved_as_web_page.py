"""A Word file saved as a web page: how many portals publish a report.

Our Word rendering of every example is saved as HTML by LibreOffice and
imported by the web-page loader. Such a page sets its section headings as
``<h1>`` and its title as a centred paragraph, keeps the Word file's page
footers ("— 3 —") as paragraphs, and breaks its source lines inside
sentences ("2024\\n年"). Found this way and fixed: the title read from the
first ``<h1>`` (一、总体情况), so no unit; the signature and contact line
lost behind the footer; source line breaks kept in the text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import govdisclosure as gd
from govdisclosure import cells_by_path
from govdisclosure.editions import edition_of
from govdisclosure.testing.libreoffice import SOFFICE, convert
from govdisclosure_html import import_html

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
NAMES = (
    "huaian-2024",
    "hongze-2024",
    "shanghai-szfbgt-2019",
    "yuxi-2017",
    "pingtan-2011",
    "pingtanxian-2012",
)

pytestmark = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice is not installed; `make system-deps` installs it"
)


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every example rendered to Word and saved as HTML in one LibreOffice run."""
    folder = tmp_path_factory.mktemp("word-saved-as-html")
    for name in NAMES:
        (folder / f"{name}.docx").write_bytes(gd.render(gd.load(EXAMPLES / f"{name}.json"), "docx"))
    convert([folder / f"{name}.docx" for name in NAMES], "html", folder)
    return folder


@pytest.mark.parametrize("name", NAMES)
def test_a_word_file_saved_as_a_web_page_imports_whole(saved: Path, name: str) -> None:
    expected = gd.load(EXAMPLES / f"{name}.json")
    report, _, problems = import_html((saved / f"{name}.html").read_bytes(), name)
    assert report is not None, [p.message("en") for p in problems]
    assert edition_of(report).id == edition_of(expected).id
    assert cells_by_path(report) == cells_by_path(expected)
    codes = {p.code for p in problems}
    assert not codes & {"cell-not-placed", "cell-unreadable", "cell-missing", "no-unit"}
    assert (report.title, report.year) == (expected.title, expected.year)
    assert report.contact == expected.contact
    assert (report.dates.written, report.dates.filled) == (
        expected.dates.written,
        expected.dates.filled,
    )
    texts = [*report.preamble]
    for section in report.sections:
        texts += [section.heading, *section.paragraphs]
        for sub in section.subsections:
            texts += [sub.heading, *sub.paragraphs]
    assert not [t for t in texts if "\n" in t or t.startswith("—")]
