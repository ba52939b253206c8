"""A published parent report against the reports of the units it covers.

A city publishes a 全市 report and its counties and departments publish
their own; the city's figures "should" be the sum of theirs (formats.md
§4.1 A.1).  Which way a difference goes tells what it can mean:

* **below** its parts: the parent counts fewer applications (cases, items)
  than the units it covers report between them.  A parent covers every
  unit listed, so that is impossible: one of the figures is wrong.  Each
  such cell is an **error** of its own (rule ``aggregate.parent-below-parts``),
  saying the parent is below.
* **above** its parts: expected whenever some units are not listed (the
  city covers units that publish no report of their own, or whose reports
  were not given).  One **notice** per report (rule
  ``aggregate.parent-vs-parts``) says how many cells exceed the listed
  parts, and names them in ``involves``; one warning per cell would bury
  the report's real findings.

A signed cell (the 2019 format's 本年增/减) has no such direction: a change
can go either way in each unit, so a difference there stays a **warning**
per cell (rule ``aggregate.parent-vs-parts``), never an error.  Both are validation :class:`Finding` objects, to
be shown, filtered and serialised with every other finding.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..cells import CellValue, is_number
from ..editions import Report
from ..flat import shape_of
from ..naming import cell_names
from ..paths import json_path
from ..validation.engine import path_order
from ..validation.findings import Finding, sort_key
from .combine import sum_columns
from .consolidate import check_compatible
from .layout import choose_shape, values_in

__all__ = ["RULE", "RULE_BELOW", "check_against_parts"]

#: The rule id of the summary notice (parent above its listed parts).
RULE = "aggregate.parent-vs-parts"
#: The rule id of a cell where the parent is below the sum of its parts.
RULE_BELOW = "aggregate.parent-below-parts"


def check_against_parts(
    published_parent: Report,
    parts_reports: Sequence[Report] | None = None,
    *,
    fold_other_handling: bool = True,
) -> list[Finding]:
    """Where ``published_parent``'s numbers differ from the sum of
    ``parts_reports`` (default: the parent's own ``parts``): an error for
    every cell below the sum, one notice for all the cells above it.

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
    above: list[str] = []
    for path, kind, mine, theirs in zip(shape.paths, shape.kinds, own, sums, strict=True):
        if not (is_number(mine) and is_number(theirs)) or mine == theirs:
            continue
        if kind == "signed":
            findings.append(
                Finding(
                    rule=RULE,
                    severity="warning",
                    path=json_path(path),
                    involves=(json_path(path),),
                    expected=theirs,
                    actual=mine,
                    message_id="aggregate.parent-differs",
                    params={"cell": names[path].label, "count": len(parts)},
                )
            )
        elif mine > theirs:
            above.append(json_path(path))
        else:
            findings.append(
                Finding(
                    rule=RULE_BELOW,
                    severity="error",
                    path=json_path(path),
                    involves=(json_path(path),),
                    expected=theirs,
                    actual=mine,
                    message_id="aggregate.parent-below-parts",
                    params={"cell": names[path].label, "count": len(parts)},
                )
            )
    findings.sort(key=sort_key(path_order(published_parent)))
    if above:
        findings.append(
            Finding(
                rule=RULE,
                severity="notice",
                path="$",
                involves=tuple(above),
                message_id="aggregate.parent-above-parts",
                params={"cells": len(above), "count": len(parts)},
            )
        )
    return findings
