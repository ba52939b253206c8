"""Counts no unit could have: a typo to report, not a file to refuse.

Loading holds counts up to :data:`~govdisclosure.cells.MAX_STORED` (10^15),
because a consolidated report's totals rightly pass 10^9: 300 cities the
size of 淮安 (行政处罚 ≈ 4 × 10^6 each) already do.  A unit's *own* count
above :data:`~govdisclosure.cells.MAX_COUNT` (10^9) is still a typo —
the largest real figure seen is about 4 × 10^6 — so validation reports it,
on reports that consolidate nothing (no ``parts``).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..cells import MAX_COUNT
from ..editions import Report
from ..flat import shape_of
from ..i18n import N_
from ..naming import cell_names
from .findings import Finding
from .rules import Context, Rule

__all__ = ["plausibility_rules"]


def _implausible(report: Report, context: Context) -> Iterator[Finding]:
    if report.parts:
        return
    shape = shape_of(report)
    values = shape.flatten(report)
    names = None
    for i, value in enumerate(values):
        if type(value) is int and abs(value) > MAX_COUNT and shape.kinds[i] in ("count", "signed"):
            names = names or cell_names(report)
            path = shape.paths[i]
            yield Finding(
                rule="cells.implausible-count",
                severity="error",
                path=names[path].json,
                involves=(names[path].json,),
                message_id="cells.implausible-count",
                params={"cell": names[path].label, "actual": value, "limit": MAX_COUNT},
                actual=value,
            )


def plausibility_rules() -> tuple[Rule, ...]:
    return (
        Rule(
            id="cells.implausible-count",
            severity="error",
            title=N_("Count no unit could have"),
            description=(
                "A count above 10^9 in a unit's own report (one that consolidates nothing) is "
                "a typo: the largest real figure seen is about 4 × 10^6 (淮安 2024 行政处罚).  "
                "A consolidated report's totals may pass it and are not flagged; loading "
                "accepts counts up to 10^15 so that national roll-ups read back."
            ),
            source="Real reports (formats.md data notes; examples/huaian-2024.json)",
            basis="heuristic",
            check=_implausible,
        ),
    )
