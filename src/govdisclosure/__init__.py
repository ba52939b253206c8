"""govdisclosure: Chinese government information disclosure annual reports.

A typed, immutable model of the 政府信息公开工作年度报告 in every edition
(the 2021 format in force, the 2019 format, and the pre-2019 statistics
table), lossless JSON loading and saving, and the introspection API the
validators and renderers are built on.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import Any

from .aggregate import ConsolidationError, breakdown, compare, consolidate
from .authoring import blank_report, complete_totals
from .cells import NA, Count, Money, NotApplicable, Signed
from .check import validate
from .codec import dump, dumps, loads
from .editions import EDITIONS, Report
from .editions.applications import ApplicantRow, ReviewOutcomes, Table4
from .editions.e2019 import Report2019, Table2_2019, Table3_2019
from .editions.e2021 import Report2021, Table2_2021, Table3_2021
from .editions.legacy import ReportLegacy, StatisticsTable, StatisticsTemplate
from .errors import LoadError, Problem
from .inputs import load
from .registry import describe, find_template
from .render import render
from .report_base import Contact, Period, ReportDates, ReportingUnit, Section, UnitKind
from .validation import Finding


def _install_plugin_sources() -> None:
    """Make the plugin manager the source of the editions and statistics
    templates plugins add.  Done here, at the top of the package, so that
    the registries (low in the package) never import the manager; the
    manager itself is built on the first lookup that needs it."""
    from . import editions, registry

    def plugin_editions() -> Any:
        from .plugin.manager import plugin_editions as found

        return found()

    def plugin_templates() -> Any:
        from .plugin.manager import plugin_templates as found

        return found()

    editions.set_edition_source(plugin_editions)
    registry.set_template_source(plugin_templates)


_install_plugin_sources()

try:
    __version__ = version("govdisclosure")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "EDITIONS",
    "NA",
    "ApplicantRow",
    "ConsolidationError",
    "Contact",
    "Count",
    "Finding",
    "LoadError",
    "Money",
    "NotApplicable",
    "Period",
    "Problem",
    "Report",
    "Report2019",
    "Report2021",
    "ReportDates",
    "ReportLegacy",
    "ReportingUnit",
    "ReviewOutcomes",
    "Section",
    "Signed",
    "StatisticsTable",
    "StatisticsTemplate",
    "Table2_2019",
    "Table2_2021",
    "Table3_2019",
    "Table3_2021",
    "Table4",
    "UnitKind",
    "__version__",
    "blank_report",
    "breakdown",
    "compare",
    "complete_totals",
    "consolidate",
    "describe",
    "dump",
    "dumps",
    "find_template",
    "load",
    "loads",
    "render",
    "validate",
]
