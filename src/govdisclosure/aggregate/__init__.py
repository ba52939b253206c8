"""Consolidation of reports, per-unit breakdowns, parent checks, comparison.

* :func:`consolidate` adds up the reports of several units into the report
  of the unit that covers them (a commutative monoid over one edition and
  year; :mod:`.consolidate`, :mod:`.combine`).
* :func:`breakdown` and :func:`cell_breakdown` show which unit contributed
  what (:mod:`.breakdown`).
* :func:`check_against_parts` compares a published parent report with the
  sum of its units' reports (:mod:`.check_parent`).
* :func:`compare` compares two reports cell by cell, across years and
  editions, naming what cannot be compared (:mod:`.compare`).

See ``docs/aggregation.md``.
"""

from __future__ import annotations

from .breakdown import (
    Breakdown,
    BreakdownColumn,
    BreakdownRow,
    CellBreakdown,
    Contribution,
    breakdown,
    cell_breakdown,
)
from .check_parent import check_against_parts
from .combine import combine
from .compare import (
    CellChange,
    Comparison,
    NotComparable,
    Note,
    Reason,
    Unmatched,
    compare,
    not_comparable,
)
from .consolidate import check_compatible, consolidate, partly_blank_paths
from .errors import ConsolidationError
from .tree import iter_nodes, leaves, strip_narrative, unit_key

__all__ = [
    "Breakdown",
    "BreakdownColumn",
    "BreakdownRow",
    "CellBreakdown",
    "CellChange",
    "Comparison",
    "ConsolidationError",
    "Contribution",
    "NotComparable",
    "Note",
    "Reason",
    "Unmatched",
    "breakdown",
    "cell_breakdown",
    "check_against_parts",
    "check_compatible",
    "combine",
    "compare",
    "consolidate",
    "iter_nodes",
    "leaves",
    "not_comparable",
    "partly_blank_paths",
    "strip_narrative",
    "unit_key",
]
