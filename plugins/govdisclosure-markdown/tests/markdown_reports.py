"""Generated reports for the Markdown tests, with text written to break Markdown.

The cells come from the table definitions (:func:`govdisclosure.flat.shape_of`
knows every cell of every edition and layout), so a new row or edition is
covered without touching this file.  The text mixes arbitrary Unicode with
fragments that are Markdown, HTML or GFM-table syntax, control characters
and very long lines: none of it may change the document's structure.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import strategies as st

from govdisclosure import (
    EDITIONS,
    ApplicantRow,
    Contact,
    Report,
    Report2019,
    Report2021,
    ReportDates,
    ReportingUnit,
    Section,
)
from govdisclosure.cells import MAX_COUNT, NA_MARKS, NotApplicable
from govdisclosure.editions.legacy import StatisticsTable
from govdisclosure.flat import shape_of
from govdisclosure.registry import known_template_ids

__all__ = ["hostile_text", "reports"]

#: Markdown, HTML and GFM-table syntax, entities, control characters.
HOSTILE = (
    "|",
    " | a | b |\n|---|---|\n| c | d |",
    "*",
    "**bold**",
    "_",
    "__x__",
    "`",
    "```python\ncode\n```",
    "~~~",
    "~~strike~~",
    "#",
    "# heading",
    "\n## heading\n",
    "Setext\n===",
    "Setext\n---",
    "---",
    "***",
    "- item",
    "+ item",
    "1. item",
    "2) item",
    "> quote",
    "<script>alert(1)</script>",
    "<div>",
    "<!-- c -->",
    "<https://example.com>",
    "[link](https://example.com)",
    "![img](x.png)",
    "[ref]: https://example.com",
    "[^1]",
    "&amp;",
    "&#x3C;",
    "&emsp;",
    "\\",
    "\\|",
    "$x^2$",
    "    indented code",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "\x00",
    "\x07",
    "\x1b[31m",
    "\x0b\x0c",
    "\x1c\x1d\x1e\x85",
    "\u2028\u2029",
    "\u3000\u3000",
    "\u202e",
    "x" * 3000,
    "二、",
    "三、主动公开",
)

hostile_text = st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=12)), max_size=5).map(
    "".join
)

#: Section headings: hostile text, or the official numbered ones (so that
#: tables land both in the report's sections and in sections of their own).
headings = st.one_of(
    hostile_text,
    st.sampled_from(sorted({*Report2021.SECTION_HEADINGS, *Report2019.SECTION_HEADINGS})),
)

_NA = st.sampled_from([NotApplicable(m) for m in NA_MARKS])
_MONEY = st.builds(
    lambda n, places: Decimal(n).scaleb(-places),
    st.integers(0, 10**12),
    st.integers(0, 4),
)
CELLS: dict[str, st.SearchStrategy[Any]] = {
    "count": st.one_of(st.none(), _NA, st.integers(0, MAX_COUNT)),
    "signed": st.one_of(st.none(), _NA, st.integers(-MAX_COUNT, MAX_COUNT)),
    "money": st.one_of(st.none(), _NA, _MONEY),
}

_dates = st.one_of(st.none(), st.dates(dt.date(2008, 1, 1), dt.date(2030, 12, 31)))
_optional_text = st.one_of(st.none(), hostile_text)

sections = st.builds(
    Section,
    heading=headings,
    paragraphs=st.lists(hostile_text, max_size=3),
    subsections=st.lists(
        st.builds(Section, heading=hostile_text, paragraphs=st.lists(hostile_text, max_size=2)),
        max_size=2,
    ),
)


@st.composite
def _blank(draw: st.DrawFn, edition: str, template: str | None, single: bool) -> Report:
    cls = EDITIONS[edition]
    kwargs: dict[str, Any] = {
        "unit": ReportingUnit(name=draw(hostile_text)),
        "year": draw(st.integers(2008, 2030)),
        "title": draw(_optional_text),
        "dates": ReportDates(written=draw(_dates), filled=draw(_dates), published=draw(_dates)),
        "signed_by": draw(_optional_text),
        "contact": Contact(
            filing_unit=draw(_optional_text),
            head=draw(_optional_text),
            phone=draw(_optional_text),
        ),
        "preamble": draw(st.lists(hostile_text, max_size=2)),
        "sections": draw(st.lists(sections, max_size=4)),
    }
    if template is not None:
        kwargs["statistics"] = StatisticsTable(template=template)
    report: Report = cls(**kwargs)
    if single:
        assert not isinstance(report, EDITIONS["legacy"])
        results = attrs.evolve(report.table3.results, other_handling=ApplicantRow())
        report = attrs.evolve(report, table3=attrs.evolve(report.table3, results=results))
    shape = shape_of(report)
    values = [draw(CELLS[kind]) for kind in shape.kinds]
    return shape.rebuild(report, values)


@st.composite
def reports(draw: st.DrawFn, *, parts: bool = True) -> Report:
    """A report of any edition and layout, optionally consolidated from parts."""
    edition = draw(st.sampled_from(sorted(EDITIONS)))
    template = draw(st.sampled_from(known_template_ids())) if edition == "legacy" else None
    single = edition == "2021" and draw(st.booleans())
    report = draw(_blank(edition, template, single))
    if parts and draw(st.booleans()):
        children = draw(st.lists(_blank(edition, template, single), min_size=1, max_size=3))
        report = attrs.evolve(report, parts=tuple(attrs.evolve(c, sections=()) for c in children))
    return report
