"""A pre-2019 table printed otherwise than its template survives our PDF
renderer and the PDF import with ``derive_templates``: the same table comes
back, derived template and all (Hypothesis, both shipped templates: the
national one's long labels wrap, and a row at the top of a page, under the
repeated header, is a row of its own, not the end of the label above)."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings

import govdisclosure as gd
from govdisclosure import ReportLegacy
from govdisclosure.testing.strategies import consistent_reports
from govdisclosure_pdf_import import import_pdf


@settings(max_examples=6, suppress_health_check=list(HealthCheck), deadline=None)
@given(
    consistent_reports("legacy", template="fujian-2011", as_printed=True)
    | consistent_reports("legacy", template="national-2016", as_printed=True)
)
def test_a_table_printed_otherwise_comes_back_as_printed(report: Any) -> None:
    result = import_pdf(gd.render(report, "pdf"), "r.pdf", derive_templates=True)
    assert isinstance(result.report, ReportLegacy), [p.message("en") for p in result.problems]
    assert result.report.statistics == report.statistics
    assert result.provenance.template == report.statistics.template
