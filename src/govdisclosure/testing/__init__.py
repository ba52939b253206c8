"""Test support for code that handles reports: Hypothesis strategies.

See :mod:`govdisclosure.testing.strategies` and ``docs/testing.md``.
"""

from __future__ import annotations

from .strategies import (
    any_reports,
    consistent_reports,
    report_families,
    reports_with_defect,
    sections,
    units,
)

__all__ = [
    "any_reports",
    "consistent_reports",
    "report_families",
    "reports_with_defect",
    "sections",
    "units",
]
