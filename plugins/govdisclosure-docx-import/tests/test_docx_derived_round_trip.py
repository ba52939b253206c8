"""A pre-2019 table printed otherwise than its template (rows left out or
added, other units, "1、" numbering) survives our Word renderer and importer:
imported with ``derive_templates``, the same table comes back, derived
template and all (Hypothesis, over both shipped templates)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

import govdisclosure as gd
from govdisclosure import ReportLegacy
from govdisclosure.derive import ADDED_PREFIX
from govdisclosure.registry import template_of
from govdisclosure.testing.strategies import consistent_reports
from govdisclosure_docx_import import import_docx


@pytest.mark.parametrize("template", ["fujian-2011", "national-2016"])
def test_a_table_printed_otherwise_comes_back_as_printed(template: str) -> None:
    @settings(max_examples=6, suppress_health_check=list(HealthCheck), deadline=None)
    @given(consistent_reports("legacy", template=template, as_printed=True))
    def round_trip(report: Any) -> None:
        result = import_docx(gd.render(report, "docx"), "r.docx", derive_templates=True)
        assert isinstance(result.report, ReportLegacy), [p.message("en") for p in result.problems]
        assert result.report.statistics == report.statistics
        # Without the option the numbers of the rows it matched are kept, and
        # the rows that fit no template row are named.
        plain = import_docx(gd.render(report, "docx"), "r.docx")
        assert plain.report is not None
        added = [r.label for r in template_of(report).rows if r.code.startswith(ADDED_PREFIX)]
        named = [p.params["label"] for p in plain.problems if p.code == "row-not-in-template"]
        assert named == added

    round_trip()
