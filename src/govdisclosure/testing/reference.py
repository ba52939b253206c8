"""A plain, equation-by-equation evaluator of the arithmetic rules: the oracle.

The validator checks the arithmetic relations fast (straight-line code
compiled per shape, implied relations left out while everything holds,
see :mod:`govdisclosure.validation.arithmetic`).  Speed tricks are where
findings get lost, so this module does the same job the slow, obvious way,
sharing nothing with the fast path but the list of equations and the
wording of a finding:

* every equation of :func:`govdisclosure.relations.report_equations` is
  evaluated on its own, in order, none skipped;
* each cell is read from the report by walking its attribute path (or the
  legacy table's rows), not from the flat tuple the fast path uses;
* the blank policy, the comparison of each kind of equation and the
  severity of its basis are decided here again.

``reference_findings(report, blank)`` must equal the arithmetic findings of
``validate(report, blank=blank, rules=arithmetic_rules())``; the test suite
holds the two to that on generated reports of every edition and layout.

:func:`reference_rules` goes further: every core rule, with the rules that
are compiled per shape (the arithmetic and the narrative checks) evaluated
the plain way, and each rule given a context of its own, so that nothing
one rule builds for the others (the flat cells, the paragraphs, the
section map) is shared.  ``validate(report, rules=reference_rules())`` must
give the findings of ``validate(report, rules=core_rules())``.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

import attrs

from ..cells import CellValue, NotApplicable
from ..editions import Report
from ..editions.legacy import ReportLegacy
from ..paths import Path
from ..relations import Equation, report_equations
from ..validation.arithmetic import equation_finding
from ..validation.engine import path_order
from ..validation.findings import Finding, Severity, sort_key
from ..validation.narrative import CHECKS, plain_check
from ..validation.rules import BlankPolicy, Context, Rule

__all__ = ["cell_at", "reference_findings", "reference_rules"]


def cell_at(report: Report, path: Path) -> CellValue:
    """The value printed at ``path``, read by walking the report."""
    if isinstance(report, ReportLegacy):
        row = report.statistics.rows.get(str(path[2]))
        return None if row is None else row.get(str(path[3]))
    obj: object = report
    for name in path:
        obj = getattr(obj, str(name))
    return obj  # type: ignore[return-value]


def _severity(eq: Equation) -> Severity:
    if eq.kind == "channels":
        return "notice"  # channels may exceed the total; falling short is a notice
    if eq.basis in ("official", "structural"):
        return "error"
    return "warning"


def _finding(report: Report, eq: Equation, blank: BlankPolicy) -> Finding | None:
    values = [cell_at(report, p) for p in eq.involves]
    empty = [v is None or isinstance(v, NotApplicable) for v in values]
    if any(empty) and blank == "missing":
        if all(empty):
            return None  # a relation over blank cells only states nothing
        blanks = tuple(p for p, e in zip(eq.involves, empty, strict=True) if e)
        return equation_finding(report, eq, "notice", blanks=blanks)
    numbers: list[int | Decimal] = [
        0 if e else v  # type: ignore[misc]
        for v, e in zip(values, empty, strict=True)
    ]
    n = len(eq.total)
    total: int | Decimal = sum(numbers[:n])
    parts: int | Decimal = sum(numbers[n:])
    if eq.kind == "equal":
        holds = total == parts
    elif eq.kind == "at_most":
        holds = total >= parts
    else:
        holds = total <= parts
    if holds:
        return None
    return equation_finding(report, eq, _severity(eq), total=total, parts=parts)


def reference_findings(report: Report, blank: BlankPolicy = "missing") -> tuple[Finding, ...]:
    """The arithmetic findings of ``report``, every equation evaluated on its own."""
    out = [f for eq in report_equations(report) if (f := _finding(report, eq, blank)) is not None]
    out.sort(key=sort_key(path_order(report)))
    return tuple(out)


def reference_rules() -> tuple[Rule, ...]:
    """Every core rule, evaluated without the compiled paths (see the module docstring).

    The same ids, severities and order as
    :func:`govdisclosure.plugin.builtin.core_rules`; an arithmetic rule
    returns its findings of :func:`reference_findings`, a narrative rule
    those of :func:`govdisclosure.validation.narrative.plain_check`, every
    other rule its own, run on a fresh context.
    """
    from ..plugin.builtin import core_rules
    from ..validation.arithmetic import arithmetic_rules

    arithmetic = {rule.id for rule in arithmetic_rules()}
    narrative = {check.rule for check in CHECKS}

    def plain(rule: Rule) -> Rule:
        if rule.id in arithmetic:

            def check(report: Report, context: Context) -> Iterable[Finding]:
                return [f for f in reference_findings(report, context.blank) if f.rule == rule.id]

        elif rule.id in narrative:
            checks = [c for c in CHECKS if c.rule == rule.id]

            def check(report: Report, context: Context) -> Iterable[Finding]:
                return list(plain_check(checks, report, _alone(context)))

        else:

            def check(report: Report, context: Context) -> Iterable[Finding]:
                return list(rule.check(report, _alone(context)))

        # No screen: the plain rule is always run, as the reference must be.
        return attrs.evolve(rule, check=check, screen=None)

    return tuple(plain(rule) for rule in core_rules())


def _alone(context: Context) -> Context:
    """A context like ``context`` that shares nothing with the other rules."""
    return Context(previous=context.previous, blank=context.blank, locale=context.locale)
