"""govdisclosure: Chinese government information disclosure annual reports.

A typed, immutable model of the 政府信息公开工作年度报告 in every edition
(the 2021 format in force, the 2019 format, and the pre-2019 statistics
table), lossless JSON loading and saving, validation, consolidation, and
rendering through plugins.

The names below are imported when first used (PEP 562 ``__getattr__``), so
``import govdisclosure`` and ``govdisclosure --version`` cost almost nothing;
``from govdisclosure import load`` imports what ``load`` needs and no more.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from . import _sources

if TYPE_CHECKING:
    from .aggregate.breakdown import breakdown
    from .aggregate.compare import compare
    from .aggregate.consolidate import consolidate
    from .aggregate.errors import ConsolidationError
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
    from .flat import cells_by_path
    from .inputs import load
    from .registry import describe, find_template
    from .rendering import render
    from .report_base import Contact, Period, ReportDates, ReportingUnit, Section, UnitKind
    from .validation import Finding


#: Public name → the module that defines it.
_LAZY: dict[str, str] = {
    "ApplicantRow": ".editions.applications",
    "ConsolidationError": ".aggregate.errors",
    "Contact": ".report_base",
    "Count": ".cells",
    "EDITIONS": ".editions",
    "Finding": ".validation",
    "LoadError": ".errors",
    "Money": ".cells",
    "NA": ".cells",
    "NotApplicable": ".cells",
    "Period": ".report_base",
    "Problem": ".errors",
    "Report": ".editions",
    "Report2019": ".editions.e2019",
    "Report2021": ".editions.e2021",
    "ReportDates": ".report_base",
    "ReportLegacy": ".editions.legacy",
    "ReportingUnit": ".report_base",
    "ReviewOutcomes": ".editions.applications",
    "Section": ".report_base",
    "Signed": ".cells",
    "StatisticsTable": ".editions.legacy",
    "StatisticsTemplate": ".editions.legacy",
    "Table2_2019": ".editions.e2019",
    "Table2_2021": ".editions.e2021",
    "Table3_2019": ".editions.e2019",
    "Table3_2021": ".editions.e2021",
    "Table4": ".editions.applications",
    "UnitKind": ".report_base",
    "blank_report": ".authoring",
    "breakdown": ".aggregate.breakdown",
    "cells_by_path": ".flat",
    "compare": ".aggregate.compare",
    "complete_totals": ".authoring",
    "consolidate": ".aggregate.consolidate",
    "describe": ".registry",
    "dump": ".codec",
    "dumps": ".codec",
    "find_template": ".registry",
    "load": ".inputs",
    "loads": ".codec",
    "render": ".rendering",
    "validate": ".check",
}


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from ._version import __version__

        globals()["__version__"] = __version__
        return __version__
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


def _plugin_editions() -> Any:
    from .plugin.manager import plugin_editions

    return plugin_editions()


def _plugin_templates() -> Any:
    from .plugin.manager import plugin_templates

    return plugin_templates()


# The registries (low in the package) ask these for what plugins add; the
# manager is imported and built on the first lookup that needs it.
_sources.editions = _plugin_editions
_sources.templates = _plugin_templates

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
    "cells_by_path",
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
