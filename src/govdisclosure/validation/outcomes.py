"""The outcome of every relation checked, not only the failures.

A list of findings says what is wrong; a reviewer also needs to know what
was checked and held, and what could not be checked at all.  Rules that
check relations (the arithmetic of the tables, the numbers the text
states) record one :class:`RelationOutcome` per relation when asked to
(``Context.outcomes`` is a list): **passed**, **failed**, or **not
checkable** (some of its cells blank or not printed, or every one of them).
:class:`RelationCounts` adds them up for a summary such as "38 relations
checked, 36 passed, 1 failed, 1 not checkable".
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from attrs import frozen

__all__ = ["OUTCOMES", "Outcome", "RelationCounts", "RelationOutcome"]

Outcome = Literal["passed", "failed", "not-checkable"]

#: Every outcome, in the order summaries list them.
OUTCOMES: tuple[Outcome, ...] = ("passed", "failed", "not-checkable")


@frozen
class RelationOutcome:
    """One relation of one rule: where it is (its total's JSON path) and how it went."""

    rule: str
    path: str
    outcome: Outcome


@frozen
class RelationCounts:
    """How many relations were checked, and how each went."""

    checked: int = 0
    passed: int = 0
    failed: int = 0
    not_checkable: int = 0

    @classmethod
    def of(cls, outcomes: Iterable[RelationOutcome]) -> RelationCounts:
        passed = failed = not_checkable = 0
        for o in outcomes:
            if o.outcome == "passed":
                passed += 1
            elif o.outcome == "failed":
                failed += 1
            else:
                not_checkable += 1
        return cls(passed + failed + not_checkable, passed, failed, not_checkable)

    def to_dict(self) -> dict[str, int]:
        return {
            "checked": self.checked,
            "passed": self.passed,
            "failed": self.failed,
            "not_checkable": self.not_checkable,
        }
