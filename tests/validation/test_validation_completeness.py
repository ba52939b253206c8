"""The section rules find exactly what their definition says.

``completeness.section-missing`` returns at once when all six sections are
found and the two rules share one section map and one reading of which
tables have a filled cell: shortcuts a change of order could break.  Held
here to the definition written out plainly — for each of the six sections
in order: one not found whose table has no filled cell is missing; one
found with neither text nor a filled table is empty — on generated 2021
and 2019 reports whose sections are dropped, emptied or given blank text
and whose tables are blanked.
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govdisclosure.check import validate
from govdisclosure.editions import EDITIONS, Report
from govdisclosure.flat import shape_of
from govdisclosure.paths import json_path
from govdisclosure.report_base import Section
from govdisclosure.testing import consistent_reports
from govdisclosure.validation.completeness import SECTIONS, completeness_rules, find_sections
from govdisclosure.validation.paragraphs import has_text

RULES = tuple(r for r in completeness_rules() if r.id != "completeness.fee-statement")


def expected(report: Report) -> list[tuple[str, str]]:
    """``(rule, path)`` of every section finding, by the rules' definition."""
    if report.parts and not report.sections and not any(p.strip() for p in report.preamble):
        return [("completeness.section-missing", "$.sections")]
    shape = shape_of(report)
    filled = {
        str(path[0])
        for path, value in zip(shape.paths, shape.flatten(report), strict=True)
        if value is not None
    }
    found = find_sections(report)
    out = []
    for section in SECTIONS:
        index = found.get(section.number)
        if index is None:
            if section.table not in filled:
                out.append(("completeness.section-missing", "$.sections"))
        elif section.table not in filled and not has_text(report.sections[index]):
            out.append(("completeness.section-empty", json_path(("sections", index))))
    return out


TEXTS = ("", "  ", "\n", "无。", "本年度未发生相关情况。")


@st.composite
def with_sections(draw: st.DrawFn, report: Report) -> Report:
    """``report`` with some of the six sections, empty or not, and tables blanked."""
    headings = EDITIONS[report.edition].section_headings
    sections = []
    for heading in draw(st.lists(st.sampled_from(headings), max_size=7)):
        paragraphs = tuple(draw(st.lists(st.sampled_from(TEXTS), max_size=2)))
        subsections = tuple(
            Section(heading=draw(st.sampled_from(TEXTS)), paragraphs=())
            for _ in range(draw(st.integers(0, 1)))
        )
        sections.append(Section(heading=heading, paragraphs=paragraphs, subsections=subsections))
    fresh: Any = type(report)  # a 2021 or 2019 report: its tables all blank by default
    blank = fresh(unit=report.unit, year=report.year)
    changes = {
        table: getattr(blank, table)
        for table in ("table2", "table3", "table4")
        if draw(st.booleans())
    }
    return attrs.evolve(report, sections=tuple(sections), **changes)


@pytest.mark.parametrize("edition", ["2021", "2019"])
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), blanks=st.booleans())
def test_sections_are_found_missing_and_empty_by_their_definition(
    edition: str, data: st.DataObject, blanks: bool
) -> None:
    base = data.draw(consistent_reports(edition, blanks=blanks, max_count=30))
    report = data.draw(with_sections(base))
    found = [(f.rule, f.path) for f in validate(report, rules=RULES)]
    assert sorted(found) == sorted(expected(report))


@given(
    st.lists(
        st.sampled_from([*"信息处理费收取了元万共计 .0123456789\n", "收费", "信息处理费", "万元"]),
        max_size=20,
    ).map("".join)
)
def test_fee_words_hold_fee_or_yuan(text: str) -> None:
    """Every match of the fee words holds 费 or 元, so the fee statement's
    text is searched only when it holds one of them (the answer the same)."""
    from govdisclosure.validation.completeness import _FEE_WORDS

    if _FEE_WORDS.search(text):
        assert "费" in text or "元" in text


@given(
    st.recursive(
        st.builds(
            Section,
            heading=st.text(max_size=3),
            paragraphs=st.lists(st.text(max_size=4), max_size=3).map(tuple),
        ),
        lambda inner: st.builds(
            Section,
            heading=st.text(max_size=3),
            paragraphs=st.lists(st.text(max_size=4), max_size=3).map(tuple),
            subsections=st.lists(inner, max_size=3).map(tuple),
        ),
        max_leaves=6,
    )
)
def test_the_fee_statement_reads_the_paragraphs_of_section_six_in_order(section: Section) -> None:
    from govdisclosure.validation.completeness import _paragraph_texts
    from govdisclosure.validation.paragraphs import section_paragraphs

    assert _paragraph_texts(section, []) == [t for _, t in section_paragraphs(section, ())]


def test_a_section_whose_table_is_filled_is_not_read_for_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``completeness.section-empty`` asks whether a section has text only
    when its table (sections 二–四) has no filled cell: a report whose
    tables are filled has the text of sections 一, 五 and 六 looked at,
    never that of sections 二–四 (mostly a heading over the table)."""
    from pathlib import Path

    import govdisclosure as gd
    from govdisclosure.validation import completeness

    report = gd.load(Path(__file__).resolve().parents[2] / "examples" / "huaian-2024.json")
    found = find_sections(report)
    by_table = {found[s.number] for s in SECTIONS if s.table is not None}
    read: list[Section] = []

    def recorded(section: Section) -> bool:
        read.append(section)
        return has_text(section)

    monkeypatch.setattr(completeness, "has_text", recorded)
    rules = [r for r in completeness_rules() if r.id == "completeness.section-empty"]
    assert validate(report, rules=rules) == ()
    assert read == [report.sections[i] for i in sorted(found.values()) if i not in by_table]
