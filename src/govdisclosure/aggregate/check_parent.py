"""A published parent report against the reports of the units it covers.

A city publishes a 全市 report and its counties and departments publish
their own; the city's figures "should" be the sum of theirs (formats.md
§4.1 A.1).  It is not an official identity: the city may cover units that
publish no report of their own, or count an application passed between two
of its units only once.  So every difference is a **warning**, never an
error, and it is reported as a validation :class:`Finding` (rule
``aggregate.parent-vs-parts``) so that it can be shown, filtered and
serialised with every other finding.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..cells import CellValue, is_number
from ..editions import Report
from ..flat import shape_of
from ..i18n import N_
from ..naming import cell_names
from ..paths import json_path
from ..validation.engine import path_order
from ..validation.findings import Finding, sort_key
from .combine import sum_columns
from .consolidate import check_compatible
from .layout import choose_shape, values_in

__all__ = ["RULE", "check_against_parts"]

#: The rule id of the findings.
RULE = "aggregate.parent-vs-parts"

_MESSAGE = N_(
    "{cell}: the published figure is {actual}, but the {count} reports of the units it "
    "covers add up to {expected}"
)


def check_against_parts(
    published_parent: Report,
    parts_reports: Sequence[Report] | None = None,
    *,
    fold_other_handling: bool = True,
) -> list[Finding]:
    """A warning for every cell where ``published_parent``'s number differs
    from the sum of ``parts_reports`` (default: the parent's own ``parts``).

    Only cells where both sides have a number are compared: a blank on
    either side is not a difference we can state.  Parts are added up by
    the consolidation rule and must be consolidable (same edition and year
    as the parent, no unit twice; :class:`ConsolidationError` otherwise);
    when the parent and the parts print （六） differently, both sides are
    read with （六） as one row (``fold_other_handling``), so （七）总计 and
    every other row still compare.  Findings are in table order.
    """
    parts = list(published_parent.parts if parts_reports is None else parts_reports)
    if not parts:
        return []
    check_compatible(
        parts,
        edition=published_parent.edition,
        year=published_parent.year,
        template=getattr(getattr(published_parent, "statistics", None), "template", None),
    )
    everyone = [published_parent, *parts]
    shape = choose_shape(everyone, fold=fold_other_handling)
    rows = [values_in(r, shape, fold=fold_other_handling) for r in parts]
    sums: list[CellValue] = sum_columns(rows, shape.paths)
    own = values_in(published_parent, shape, fold=fold_other_handling)
    names = cell_names(next(r for r in everyone if shape_of(r).key == shape.key))
    findings = []
    for path, mine, theirs in zip(shape.paths, own, sums, strict=True):
        if is_number(mine) and is_number(theirs) and mine != theirs:
            findings.append(
                Finding(
                    rule=RULE,
                    severity="warning",
                    path=json_path(path),
                    involves=(json_path(path),),
                    expected=theirs,
                    actual=mine,
                    message_id=_MESSAGE,
                    params={"cell": names[path].label, "count": len(parts)},
                )
            )
    findings.sort(key=sort_key(path_order(published_parent)))
    return findings
