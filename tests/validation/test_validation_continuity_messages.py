"""Continuity findings name last year's cells in the reader's language.

Last year's cells are labelled "last year's report / <row> / <column>": every
piece is a message id, translated when the finding is shown, so an English
message carries no Chinese and the Chinese one reads 上年报告 as before.
"""

from __future__ import annotations

import re

import attrs

import govdisclosure as gd
from govdisclosure.check import validate
from govdisclosure.editions.legacy import ReportLegacy
from govdisclosure.validation import Finding
from locations import EXAMPLES

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _continuity(report: gd.Report, previous: gd.Report) -> list[Finding]:
    return [f for f in validate(report, previous=previous) if f.rule.startswith("continuity.")]


def test_carried_over_message_is_english_in_english() -> None:
    report = gd.load(str(EXAMPLES / "huaian-2024.json"))
    assert isinstance(report, gd.Report2021)
    t3 = report.table3
    previous = attrs.evolve(
        report,
        year=2023,
        table3=attrs.evolve(
            t3, carried_forward=attrs.evolve(t3.carried_forward, natural_person=999)
        ),
    )
    findings = [f for f in _continuity(report, previous) if f.rule == "continuity.carried-over"]
    assert findings
    for f in findings:
        english = f.message("en")
        assert not CJK.search(english), english
        assert "(last year's report / IV. Carried forward to next year / " in english
        assert "（上年报告 / 四、结转下年度继续办理 / " in f.message("zh_Hans_CN")


def test_cumulative_notice_names_last_years_cell_in_english() -> None:
    """A blank running total last year: the not-checkable notice lists that cell."""
    report = gd.load(str(EXAMPLES / "pingtanxian-2012.json"))
    previous = gd.load(str(EXAMPLES / "pingtanxian-2011.json"))
    assert isinstance(previous, ReportLegacy)
    rows = dict(previous.statistics.rows)
    rows["4"] = {**rows["4"], "cumulative": None}
    previous = attrs.evolve(previous, statistics=attrs.evolve(previous.statistics, rows=rows))
    (notice,) = [
        f
        for f in _continuity(report, previous)
        if f.rule == "continuity.cumulative" and f.severity == "notice"
    ]
    english = notice.message("en")
    assert not CJK.search(english), english
    assert "last year's report / Administrative reconsideration cases" in english
    assert "上年报告 / 行政复议数 / 历年累计" in notice.message("zh_Hans_CN")


def test_in_force_notice_names_last_years_cell_in_english() -> None:
    report = gd.load(str(EXAMPLES / "huaian-2024.json"))
    assert isinstance(report, gd.Report2021)
    t2 = report.table2
    previous = attrs.evolve(
        report,
        year=2023,
        table2=attrs.evolve(t2, rules=attrs.evolve(t2.rules, in_force=None)),
    )
    (notice,) = [
        f
        for f in _continuity(report, previous)
        if f.rule == "continuity.in-force" and f.severity == "notice"
    ]
    english = notice.message("en")
    assert not CJK.search(english), english
    assert "last year's report / " in english
    assert "上年报告 / " in notice.message("zh_Hans_CN")
