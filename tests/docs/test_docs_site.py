"""The documentation site's own machinery (docs/_ext): the reference-coverage
check, the official tables drawn from the table definitions, and the
console-example matcher that keeps the pages' outputs honest."""

from __future__ import annotations

import sys
from pathlib import Path

import html5lib
import pytest

import govdisclosure as gd

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "docs" / "_ext"))

from doc_examples import commands, matches
from gd_coverage import missing_names, promised_names
from gd_tables import official_tables_html

NS = "{http://www.w3.org/1999/xhtml}"


def test_every_hook_and_public_name_is_promised() -> None:
    promised = {f"{m}.{n}" for m, n in promised_names()}
    assert "govdisclosure.load" in promised
    assert "govdisclosure.plugin.Renderer" in promised
    assert "govdisclosure.testing.any_reports" in promised
    assert "govdisclosure.plugin.specs.govdisclosure_renderers" in promised
    # The errors module's names too: UnreadableFileError (gd.load of a file it
    # cannot read) was in no reference page before.
    assert "govdisclosure.errors.UnreadableFileError" in promised
    assert not any(name.endswith(".__version__") for name in promised)


def test_a_name_left_out_of_the_reference_is_reported() -> None:
    promised = {f"{m}.{n}" for m, n in promised_names()}
    assert missing_names(promised) == []
    assert missing_names(promised - {"govdisclosure.consolidate"}) == ["govdisclosure.consolidate"]
    assert "govdisclosure.load" in missing_names(set())


def test_a_reexport_is_covered_by_the_object_documented_where_it_is_defined() -> None:
    promised = {f"{m}.{n}" for m, n in promised_names()}
    documented = (promised - {"govdisclosure.plugin.Finding"}) | {
        "govdisclosure.validation.findings.Finding"
    }
    assert missing_names(documented) == []


def _grid_widths(table: object) -> list[int]:
    """Each row's width once the row- and column-spans above it are laid out."""
    rows = [tr for tr in table.iter(f"{NS}tr")]  # type: ignore[attr-defined]
    carried: dict[int, int] = {}  # column -> rows still covered from above
    widths = []
    for tr in rows:
        col = 0
        used: set[int] = {c for c, n in carried.items() if n > 0}
        for cell in tr:
            if cell.tag not in (f"{NS}th", f"{NS}td"):
                continue
            while col in used:
                col += 1
            span = int(cell.get("colspan", "1"))
            down = int(cell.get("rowspan", "1"))
            for c in range(col, col + span):
                used.add(c)
                if down > 1:
                    carried[c] = down
            col += span
        widths.append(max(used) + 1 if used else 0)
        carried = {c: n - 1 for c, n in carried.items() if n - 1 > 0}
        for c in list(carried):
            if c not in used:
                del carried[c]
    return widths


@pytest.mark.parametrize(
    ("edition", "template"),
    [("2021", None), ("2019", None), ("legacy", "national-2016"), ("legacy", "fujian-2011")],
)
def test_official_tables_are_rectangles_with_the_definitions_labels(
    edition: str, template: str | None
) -> None:
    html = official_tables_html(edition, template)
    document = html5lib.parse(html)
    tables = list(document.iter(f"{NS}table"))
    assert tables
    for table in tables:
        widths = _grid_widths(table)
        # Merged cells that do not tile the table would show as ragged rows.
        assert len(set(widths)) == 1, widths
        cells = [c for c in table.iter() if c.tag in (f"{NS}td",)]
        # A blank report: no figure anywhere (a legacy row's unit is text).
        assert not any(ch.isdigit() for c in cells for ch in "".join(c.itertext()))
    text = "".join(document.itertext())
    if edition == "2021":
        assert "法人或其他组织" in text and "（本列数据的勾稽关系为" in text
    if template is not None:
        for row in gd.find_template(template).rows:
            assert row.label in text


def test_2021_table3_header_is_merged_as_the_format_draws_it() -> None:
    html = official_tables_html("2021")
    assert 'rowspan="3" colspan="3"' in html  # the relation note over the row labels
    assert '<th scope="colgroup" colspan="5">法人或其他组织</th>' in html


def test_console_commands_and_wildcards() -> None:
    source = "$ a --x  # note\none\ntwo\n$ b\n...\nlast\n"
    assert list(commands(source)) == [("a --x  # note", ["one", "two"]), ("b", ["...", "last"])]
    assert matches(["...", "last"], ["x", "y", "last"])
    assert matches(["  …"], ["anything", "at all"])
    assert not matches(["one"], ["one", "two"])
    assert not matches(["...", "last"], ["last", "extra"])
    assert matches([], ["output not shown is not checked"])
