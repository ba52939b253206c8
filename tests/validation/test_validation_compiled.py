"""Every rule, compiled per shape, finds exactly what the plain evaluation finds.

The installed rules share work through the validation's context (one flat
tuple of cells, one list of paragraphs, one section map) and the narrative
checks resolve their figures once per shape and search only the clauses
around the words they need.  Each shortcut is a place a finding could be
lost, so :func:`govdisclosure.testing.reference.reference_rules` runs the
same rules the plain way (every arithmetic equation on its own, every
paragraph searched by every pattern, figures read by walking the report,
nothing shared between rules) and the two must agree on every finding, in
the same order, and on every relation's outcome.

Reports are generated for every edition and layout, consistent and with
cells moved or blanked, and given narratives that state the tables'
figures: sentences of the shapes real reports use (both orders, compound
phrases, thousands separators, clauses about parts of the unit or last
year), numbers that agree with a cell of the table or not, real paragraphs
of the example reports, and hostile text (NUL, markup, every clause break).
"""

from __future__ import annotations

import itertools
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_validation_reference import VARIANTS, changed

import govdisclosure as gd
from govdisclosure.check import check, validate
from govdisclosure.editions import Report
from govdisclosure.flat import shape_of
from govdisclosure.plugin.builtin import core_rules
from govdisclosure.report_base import Section
from govdisclosure.testing import consistent_reports
from govdisclosure.testing.reference import reference_rules
from govdisclosure.validation.narrative import CLAUSE_BREAKS
from govdisclosure.validation.paragraphs import iter_paragraphs
from locations import EXAMPLES

CORE = core_rules()
REFERENCE = reference_rules()
EXAMPLE_REPORTS = [gd.load(p) for p in sorted(EXAMPLES.glob("**/*.json"))]

#: Every paragraph of the example reports (real prose with real statements).
REAL_PARAGRAPHS = sorted(
    {text for report in EXAMPLE_REPORTS for _, text in iter_paragraphs(report) if text}
)

#: How reports state their figures (the number goes where ``{n}`` is).
STATEMENTS = (
    "共受理政府信息公开申请{n}件",
    "本年度收到政府信息公开申请{n}份",
    "共受理{n}件政府信息公开申请",
    "新收申请{n}条",
    "接到依申请公开政府信息{n}起",
    "各乡镇受理申请{n}件",
    "去年受理申请{n}件",
    "行政复议{n}件",
    "复议{n}件、诉讼{n}件",
    "收到{n}份有关政府信息公开行政复议申请",
    "行政复议申请{n}件",
    "因政府信息公开被申请行政复议{n}件",
    "行政诉讼{n}起",
    "被提起行政诉讼{n}件",
    "行政复议案件{n}件、行政诉讼案件{n}件",
    "予以公开及部分公开{n}件",
    "予以公开{n}件",
    "部分公开{n}件",
    "不予公开{n}件",
    "无法提供{n}件",
    "不予处理{n}件",
    "其他处理{n}件",
    "主动公开政府信息{n}条",
    "主动公开信息共计{n}条",
    "县直各单位主动公开政府信息{n}条",
    "同比上年主动公开政府信息{n}条",
    # A change, not a count: read by neither evaluation.
    "行政复议案件减少{n}件",
    "收到政府信息公开申请增长 {n} 件",
    "较上年增加了{n}件",
    "{n}",
)
JOINERS = ("", "，", "。", "；", "、", "及", "和", " ", "\n", ",", "\x00", *CLAUSE_BREAKS)
HOSTILE = ("\x00", "<b>申请</b>", "申\x00请", "１２件", "申请", "主动公开的政府信息", "")


def _numbers(report: Report) -> list[int]:
    """Numbers a sentence may state: the table's own, so that some agree."""
    values = [v for v in shape_of(report).flatten(report) if type(v) is int]
    return sorted({*values, *(a + b for a, b in itertools.pairwise(values))})[:200]


@st.composite
def narratives(draw: st.DrawFn, report: Report) -> Report:
    """``report`` with a narrative that states (some of) its figures."""
    numbers = _numbers(report) or [0]
    number = st.one_of(
        st.sampled_from(numbers),
        st.integers(0, 20_000),
        st.sampled_from(numbers).map(lambda n: f"{n:,}"),
    )

    def sentence() -> str:
        template = draw(st.sampled_from(STATEMENTS))
        return template.replace("{n}", str(draw(number)))

    def paragraph() -> str:
        kind = draw(st.sampled_from(("statements", "statements", "real", "hostile")))
        if kind == "real":
            return draw(st.sampled_from(REAL_PARAGRAPHS))
        if kind == "hostile":
            return draw(st.sampled_from(HOSTILE)).join(
                sentence() for _ in range(draw(st.integers(0, 3)))
            )
        pieces = [sentence() for _ in range(draw(st.integers(1, 4)))]
        out = pieces[0]
        for piece in pieces[1:]:
            out += draw(st.sampled_from(JOINERS)) + piece
        return out

    def paragraphs(most: int) -> tuple[str, ...]:
        return tuple(paragraph() for _ in range(draw(st.integers(0, most))))

    sections = tuple(
        Section(
            heading=draw(st.sampled_from(report.sections)).heading
            if report.sections
            else "一、总体情况",
            paragraphs=paragraphs(3),
            subsections=tuple(
                Section(heading=paragraph(), paragraphs=paragraphs(2))
                for _ in range(draw(st.integers(0, 2)))
            ),
        )
        for _ in range(draw(st.integers(0, 4)))
    )
    keep = draw(st.booleans())
    return attrs.evolve(
        report,
        preamble=paragraphs(2),
        sections=(*report.sections, *sections) if keep else sections,
    )


def assert_same(report: Report, blank: str) -> None:
    fast = check(report, rules=CORE, blank=blank)  # type: ignore[arg-type]
    plain = check(report, rules=REFERENCE, blank=blank)  # type: ignore[arg-type]
    assert fast.findings == plain.findings
    # validate() records no outcome, and the compiled rules take shortcuts
    # then (screens; a figure stops at its first agreeing statement, one
    # whose cells are all blank is not searched): the same findings still.
    assert validate(report, rules=CORE, blank=blank) == plain.findings  # type: ignore[arg-type]
    # The outcomes of the relations the plain rules record (the narrative's)
    # are the compiled rules' too.
    recorded = {o.rule for o in plain.outcomes}
    assert [o for o in fast.outcomes if o.rule in recorded] == list(plain.outcomes)


@pytest.mark.parametrize(("edition", "single", "template"), VARIANTS)
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data(), blank=st.sampled_from(("missing", "zero")), blanks=st.booleans())
def test_compiled_rules_find_what_the_plain_rules_find(
    edition: str, single: bool, template: str, data: st.DataObject, blank: str, blanks: bool
) -> None:
    base = data.draw(
        consistent_reports(
            edition, single_other_handling=single, template=template, blanks=blanks, max_count=300
        )
    )
    report = data.draw(st.one_of(st.just(base), changed(base)))
    assert_same(data.draw(narratives(report)), blank)


@pytest.mark.parametrize("report", EXAMPLE_REPORTS, ids=lambda r: f"{r.unit.name}-{r.year}")
@pytest.mark.parametrize("blank", ["missing", "zero"])
def test_compiled_rules_agree_on_the_example_reports(report: Report, blank: str) -> None:
    assert_same(report, blank)


def test_the_statements_are_found() -> None:
    """The generated narratives reach the checks: a wrong figure is reported."""
    base = gd.load(EXAMPLES / "huaian-2024.json")  # 3,119 applications in table 3
    stated: Any = attrs.evolve(base, preamble=("共受理政府信息公开申请1件。",), sections=())
    rules = {f.rule for f in gd.validate(stated, rules=CORE)}
    assert "narrative.applications" in rules
    assert rules == {f.rule for f in gd.validate(stated, rules=REFERENCE)}


@pytest.mark.parametrize("name", ["shanghai-szfbgt-2019.json", "yuxi-2017.json"])
def test_reports_with_the_same_blank_cells_get_their_own_findings(name: str) -> None:
    """What blank cells decide of a rule's equations is kept by the pattern
    of blanks (``Compiled.plans``): reports that leave the same cells blank
    but state other numbers are each checked on their own numbers."""
    base = gd.load(EXAMPLES / name)
    shape = shape_of(base)
    values = list(shape.flatten(base))
    filled = [i for i, v in enumerate(values) if type(v) is int]
    assert len(filled) < len(values)  # the report leaves cells blank
    for blank in ("missing", "zero"):
        assert_same(base, blank)
        for i in filled[:: max(1, len(filled) // 12)]:
            changed_values = list(values)
            changed_values[i] = values[i] + 7  # type: ignore[operator]
            assert_same(shape.rebuild(base, changed_values), blank)


@pytest.mark.parametrize("name", ["shanghai-szfbgt-2019.json", "yuxi-2017.json"])
def test_a_pattern_of_blank_cells_is_planned_once_for_every_rule(name: str) -> None:
    """The arithmetic rules of a report with blank cells share one look-up
    of its pattern of blanks (``Compiled.plans``, by the flat tuple's types):
    one entry per pattern, holding the plan of every rule that reads a
    blank cell, and a copy of the report finds the same entry."""
    from govdisclosure.validation.arithmetic import compiled_for

    base = gd.load(EXAMPLES / name)
    comp = compiled_for(base)
    comp.plans.clear()
    found = gd.validate(base, rules=CORE)
    pattern = tuple(map(type, shape_of(base).flatten(base)))
    assert list(comp.plans) == [pattern]
    ruled = {f.rule for f in found if f.message_id == "relation.not-checkable"}
    assert ruled and ruled <= set(comp.plans[pattern])
    copy = attrs.evolve(base, unit=attrs.evolve(base.unit, name="copy"))
    assert gd.validate(copy, rules=CORE) == found
    assert list(comp.plans) == [pattern]
