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
"""

from __future__ import annotations

from decimal import Decimal

from ..cells import CellValue, NotApplicable
from ..editions import Report
from ..editions.legacy import ReportLegacy
from ..paths import Path
from ..relations import Equation, report_equations
from ..validation.arithmetic import equation_finding
from ..validation.engine import path_order
from ..validation.findings import Finding, Severity, sort_key
from ..validation.rules import BlankPolicy

__all__ = ["cell_at", "reference_findings"]


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
