"""Shared by the tests: a report Hypothesis found, made again by hand."""

from __future__ import annotations

from decimal import Decimal

import attrs

from govdisclosure.authoring import blank_report
from govdisclosure.editions import Report


def procurement(amount: Decimal, unit: str | None) -> Report:
    """A 2019 report whose one figure is its 政府集中采购 amount, printed with ``unit``.

    ``procurement(Decimal(0), "1")`` is a report Hypothesis found: its page
    printed "0 1" (the amount, then the unit), which was read as 1."""
    report = blank_report("2019", 2020, "某市某局")
    row = attrs.evolve(report.table2.procurement, amount=amount, amount_unit=unit)
    return attrs.evolve(report, table2=attrs.evolve(report.table2, procurement=row))
