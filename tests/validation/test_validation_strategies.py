"""The validator against the library's own Hypothesis strategies.

``consistent_reports`` builds reports whose relations hold (optionally with
blanks that read as 0); ``reports_with_defect`` changes one cell of an
``equal`` relation.  The validator must accept the first and find the
second, naming the changed cell in ``involves``.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govdisclosure.check import validate
from govdisclosure.editions import Report
from govdisclosure.paths import Path, json_path
from govdisclosure.plugin.builtin import core_rules
from govdisclosure.testing.strategies import consistent_reports, reports_with_defect
from govdisclosure.validation.arithmetic import arithmetic_rules

ARITHMETIC = arithmetic_rules()
ARITHMETIC_IDS = {r.id for r in ARITHMETIC}

fast = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])

editions = st.sampled_from(
    [
        consistent_reports("2021"),
        consistent_reports("2021", single_other_handling=True),
        consistent_reports("2019"),
        consistent_reports("legacy", template="national-2016"),
        consistent_reports("legacy", template="fujian-2011"),
    ]
).flatmap(lambda s: s)


@fast
@given(editions)
def test_consistent_reports_have_no_arithmetic_finding(report: Report) -> None:
    """Nothing but, at most, the channels notice: the strategies draw each
    channel no larger than the total, and the channels may then fall short
    of it, which the rule reports as a notice."""
    for blank in ("missing", "zero"):
        findings = validate(report, rules=ARITHMETIC, blank=blank)
        assert {(f.rule, f.severity) for f in findings} <= {("legacy.channels", "notice")}


@fast
@given(editions)
def test_consistent_reports_have_no_error_from_any_core_rule(report: Report) -> None:
    findings = validate(report, rules=core_rules())
    assert [f for f in findings if f.severity == "error"] == []


blank_editions = st.sampled_from(
    [
        consistent_reports("2021", blanks=True),
        consistent_reports("2019", blanks=True),
        consistent_reports("legacy", template="fujian-2011", blanks=True),
        consistent_reports("legacy", template="national-2016", blanks=True),
    ]
).flatmap(lambda s: s)


@fast
@given(blank_editions)
def test_blanks_read_as_zero_hold_and_as_missing_are_only_notices(report: Report) -> None:
    zero = validate(report, rules=ARITHMETIC, blank="zero")
    assert {(f.rule, f.severity) for f in zero} <= {("legacy.channels", "notice")}
    missing = validate(report, rules=ARITHMETIC, blank="missing")
    assert {f.severity for f in missing} <= {"notice"}


defects = st.sampled_from(
    [
        ("error", reports_with_defect("2021")),
        ("error", reports_with_defect("2021", single_other_handling=True)),
        ("error", reports_with_defect("2019")),
        ("error", reports_with_defect("legacy", template="fujian-2011")),
        # The national 2016–2018 template's sums are reconstructed: warnings.
        ("warning", reports_with_defect("legacy", template="national-2016")),
    ]
).flatmap(lambda pair: st.tuples(st.just(pair[0]), pair[1]))


@fast
@given(defects)
def test_a_defect_is_found_at_its_cell(case: tuple[str, tuple[Report, Path]]) -> None:
    severity, (report, path) = case
    cell = json_path(path)
    for blank in ("missing", "zero"):
        findings = validate(report, rules=ARITHMETIC, blank=blank)
        hits = [f for f in findings if cell in f.involves and f.rule in ARITHMETIC_IDS]
        assert hits, (cell, findings)
        if severity == "error":
            assert any(f.severity == "error" for f in hits), hits
        else:
            assert {f.severity for f in hits} <= {"error", "warning"}
