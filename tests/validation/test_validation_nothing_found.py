"""Rules run on every report return at once when they find nothing.

The rules without a screen (the completeness, plausibility and continuity
rules) are called for every report validated, and most reports give them
nothing to report; the nine rules of the shared date screen (unit name, period, edition year, deadlines,
dates before the period's end) are all called whenever their shared screen
does not pass a report, and then mostly only one of them finds something.  Written as generators, each made a generator object and
its frame to find nothing, which cost more than their tests; they now
answer an empty tuple in those cases and make a generator only when there
is something to find.  What they find is held to their definitions
elsewhere (``test_validation_completeness.py``, ``test_validation_plausibility.py``,
``test_validation_continuity_messages.py``, ``test_validation_reference.py``);
here, that the common case costs no generator, and that the answer is the
same whether the previous report is given or not when it has nothing to say.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import govdisclosure as gd
from govdisclosure.editions import Report
from govdisclosure.validation import Context, Rule
from govdisclosure.validation.completeness import completeness_rules
from govdisclosure.validation.continuity import continuity_rules
from govdisclosure.validation.deadlines import deadline_rules
from govdisclosure.validation.identity import identity_rules
from govdisclosure.validation.plausibility import plausibility_rules

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("**/*.json"))
RULES = (
    *completeness_rules(),
    *plausibility_rules(),
    *continuity_rules(),
    *identity_rules(),
    *deadline_rules(),
)


def _examples() -> list[Report]:
    return [gd.load(path) for path in EXAMPLES]


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_a_rule_finding_nothing_makes_no_generator(rule: Rule) -> None:
    quiet = 0
    for report in _examples():
        if not rule.applies_to(report):
            continue
        found = rule.check(report, Context())
        if not list(rule.check(report, Context())):
            quiet += 1
            assert found == (), (rule.id, report.unit.name)
    assert quiet, rule.id  # every rule has examples it finds nothing in


@pytest.mark.parametrize("rule", continuity_rules(), ids=lambda rule: rule.id)
def test_continuity_rules_without_a_previous_report_find_nothing(rule: Rule) -> None:
    for report in _examples():
        if rule.applies_to(report):
            assert rule.check(report, Context(previous=None)) == ()
