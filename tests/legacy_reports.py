"""Pre-2019 example reports for the tests, and one cell of one changed.

Shared by the tests of the cross-year rules that read a pre-2019 table's
cells by their row code and column key."""

from __future__ import annotations

import attrs

import govdisclosure as gd
from govdisclosure.editions.legacy import ReportLegacy
from locations import EXAMPLES


def legacy_example(name: str) -> ReportLegacy:
    """The example ``name`` (in ``examples/``), which must be a pre-2019 report."""
    report = gd.load(str(EXAMPLES / name))
    assert isinstance(report, ReportLegacy)
    return report


def with_cell(report: ReportLegacy, code: str, key: str, value: int) -> ReportLegacy:
    """``report`` with the cell of row ``code``, column ``key`` set to ``value``."""
    rows = dict(report.statistics.rows)
    rows[code] = {**rows[code], key: value}
    return attrs.evolve(report, statistics=attrs.evolve(report.statistics, rows=rows))
