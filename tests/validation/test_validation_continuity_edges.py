"""The cross-year rules at their edges: blanks read as zero, a running
total carried from a real pair of reports, the outcomes recorded, a
previous report of another edition or unit, and the numbers a finding
shows.

Each test here holds a behaviour that the other continuity tests left free
(docs/testing.md, "Mutation testing").
"""

from __future__ import annotations

import attrs

import govdisclosure as gd
from govdisclosure import Report2021, ReportingUnit, Section
from govdisclosure.check import check, validate
from govdisclosure.editions import EDITIONS
from govdisclosure.validation import Finding
from legacy_reports import legacy_example, with_cell

UNIT = ReportingUnit(name="某市人民政府", region_code="320800")
SECTIONS = tuple(
    Section(heading=h, paragraphs=("无。",)) for h in EDITIONS["2021"].section_headings
)


def _continuity(findings: tuple[Finding, ...]) -> list[Finding]:
    return [f for f in findings if f.rule.startswith("continuity.")]


def _carried(year: int, over: int | None, forward: int | None) -> Report2021:
    report = Report2021(unit=UNIT, year=year, sections=SECTIONS)
    t3 = report.table3
    return attrs.evolve(
        report,
        table3=attrs.evolve(
            t3,
            carried_over=attrs.evolve(t3.carried_over, natural_person=over),
            carried_forward=attrs.evolve(t3.carried_forward, natural_person=forward),
        ),
    )


def _in_force(
    year: int, issued: int | None, repealed: int | None, in_force: int | None
) -> Report2021:
    report = Report2021(unit=UNIT, year=year, sections=SECTIONS)
    row = attrs.evolve(report.table2.rules, issued=issued, repealed=repealed, in_force=in_force)
    return attrs.evolve(report, table2=attrs.evolve(report.table2, rules=row))


def test_a_blank_read_as_zero_carries_zero() -> None:
    """Last year's blank 结转下年度 read as zero: this year's 0 continues it, 1 does not."""
    last = _carried(2023, 0, None)
    assert _continuity(validate(_carried(2024, 0, 0), previous=last, blank="zero")) == []
    (finding,) = _continuity(validate(_carried(2024, 1, 0), previous=last, blank="zero"))
    assert (finding.path, finding.expected, finding.actual) == (
        "$.table3.carried_over.natural_person",
        0,
        1,
    )
    assert finding.involves == (finding.path,)


def test_the_outcome_of_every_cross_year_relation_is_recorded() -> None:
    last = _carried(2023, 0, 5)
    path = "$.table3.carried_over.natural_person"

    def outcome(report: Report2021, blank: str = "missing") -> str:
        found = check(report, previous=last, blank=blank)  # type: ignore[arg-type]
        (o,) = [o for o in found.outcomes if o.rule == "continuity.carried-over" and o.path == path]
        return o.outcome

    assert outcome(_carried(2024, 5, 0)) == "passed"
    assert outcome(_carried(2024, 4, 0)) == "failed"
    assert outcome(_carried(2024, None, 0)) == "not-checkable"


def test_a_not_checkable_notice_counts_and_lists_the_blank_cells() -> None:
    """Two of the four cells of 现行有效 = 上年现行有效 + 制发 − 废止 blank."""
    last = _in_force(2023, 1, 0, 10)
    (notice,) = _continuity(validate(_in_force(2024, None, None, 12), previous=last))
    assert (notice.rule, notice.severity) == ("continuity.in-force", "notice")
    assert notice.involves == (notice.path,) == ("$.table2.rules.in_force",)
    assert (dict(notice.params)["blank"], dict(notice.params)["size"]) == (2, 4)
    english = notice.message("en")
    assert "2 of the 4 cells" in english
    assert "issued" in english.lower() and "; " in english, english
    blank_cells = "（规章 / 本年制发件数；规章 / 本年废止件数）"
    assert blank_cells in notice.message("zh_Hans_CN")


def test_a_blank_read_as_zero_is_shown_blank_in_the_finding() -> None:
    last = _in_force(2023, 1, 0, 10)
    (finding,) = _continuity(validate(_in_force(2024, None, 1, 13), previous=last, blank="zero"))
    assert (finding.expected, finding.actual) == (9, 13)
    assert dict(finding.params)["issued"] == ""
    assert finding.message("zh_Hans_CN").startswith("规章 / 现行有效件数为13，")


def test_an_in_force_finding_shows_the_numbers_it_added() -> None:
    last = _in_force(2023, 1, 0, 10)
    (finding,) = _continuity(validate(_in_force(2024, 3, 1, 13), previous=last))
    params = dict(finding.params)
    assert (params["previous"], params["issued"], params["repealed"]) == ("10", "3", "1")
    assert "last year's 10 + issued 3 − repealed 1 = 12" in finding.message("en")


def test_a_running_total_continues_last_years_from_a_real_pair() -> None:
    """平潭县 2011 and 2012: every 历年累计 of 2012 is 2011's plus 2012's 本年度,
    with 2011's running totals not zero (row 1: 1,516 + 2,026 = 3,542)."""
    last, this = legacy_example("pingtanxian-2011.json"), legacy_example("pingtanxian-2012.json")
    assert last.statistics.value("1", "cumulative") == 1516
    assert _continuity(validate(this, previous=last)) == []
    outcomes = [o for o in check(this, previous=last).outcomes if o.rule == "continuity.cumulative"]
    assert len(outcomes) == len(gd.find_template("fujian-2011").value_rows)
    assert {o.outcome for o in outcomes} == {"passed"}
    wrong = with_cell(this, "1", "cumulative", 3541)
    (finding,) = _continuity(validate(wrong, previous=last))
    assert (finding.rule, finding.expected, finding.actual) == ("continuity.cumulative", 3542, 3541)
    params = dict(finding.params)
    assert (params["previous"], params["this_year"]) == ("1516", "2026")
    assert "1516" in finding.message("en") and "2026" in finding.message("en")


def _not_checked(report: gd.Report, previous: gd.Report) -> Finding:
    """The one continuity finding: that last year's report was not compared."""
    (finding,) = _continuity(validate(report, previous=previous))
    assert (finding.rule, finding.severity) == ("continuity.not-checked", "warning")
    assert finding.involves == (finding.path,)
    return finding


def test_a_running_total_notice_names_this_years_blank_cell() -> None:
    """2012's 本年度 of row 1 blank: the notice lists that cell, of this year's report."""
    last, this = legacy_example("pingtanxian-2011.json"), legacy_example("pingtanxian-2012.json")
    rows = dict(this.statistics.rows)
    rows["1"] = {**rows["1"], "year": None}
    blank = attrs.evolve(this, statistics=attrs.evolve(this.statistics, rows=rows))
    (notice,) = [f for f in _continuity(validate(blank, previous=last)) if f.severity == "notice"]
    assert (notice.rule, notice.path) == (
        "continuity.cumulative",
        "$.statistics.rows['1'].cumulative",
    )
    assert dict(notice.params)["blank"] == 1
    english, chinese = notice.message("en"), notice.message("zh_Hans_CN")
    assert "last year's report" not in english, english
    assert "本年度" in chinese and "上年报告" not in chinese, chinese


def test_a_previous_report_of_another_edition_is_only_named() -> None:
    """A 2012 report after a 2021-format one and the reverse: the editions
    differ, nothing is compared (no rule reads cells the other lacks)."""
    legacy = legacy_example("pingtanxian-2012.json")
    modern = attrs.evolve(_carried(2013, 1, 0), unit=legacy.unit)
    before = attrs.evolve(_carried(2011, 0, 2), unit=legacy.unit)
    pairs: list[tuple[gd.Report, gd.Report, str, str]] = [
        (legacy, before, "2021", "legacy:fujian-2011"),
        (modern, legacy, "legacy:fujian-2011", "2021"),
    ]
    for report, previous, was, now in pairs:
        finding = _not_checked(report, previous)
        assert (finding.path, finding.message_id) == ("$", "continuity.other-edition")
        assert dict(finding.params) == {"previous_edition": was, "edition": now}
        assert was in finding.message("en") and now in finding.message("en")


def test_a_previous_report_on_another_template_is_only_named() -> None:
    this = legacy_example("pingtanxian-2012.json")
    other = gd.blank_report("legacy", 2011, this.unit, template="national-2016")
    finding = _not_checked(this, other)
    assert (finding.path, finding.message_id) == ("$", "continuity.other-edition")
    assert dict(finding.params) == {
        "previous_edition": "legacy:national-2016",
        "edition": "legacy:fujian-2011",
    }


def test_a_previous_report_of_another_unit_is_only_named() -> None:
    last = attrs.evolve(_carried(2023, 0, 5), unit=ReportingUnit(name="另一市人民政府"))
    finding = _not_checked(_carried(2024, 4, 0), last)
    assert (finding.path, finding.message_id) == ("$.unit", "continuity.other-unit")
    assert dict(finding.params) == {"previous_unit": "另一市人民政府", "unit": UNIT.name}
    assert "另一市人民政府" in finding.message("zh_Hans_CN")


def test_a_previous_report_of_another_year_is_only_named() -> None:
    finding = _not_checked(_carried(2024, 1, 0), _carried(2022, 0, 5))
    assert (finding.path, finding.message_id) == ("$.year", "continuity.wrong-year")
    assert (finding.expected, finding.actual) == (2023, 2022)
    assert dict(finding.params) == {"previous_year": 2022, "year": 2024}
