"""render(html) → import gives back the same figures, for every edition (Hypothesis).

Reports come from :func:`govdisclosure.testing.strategies.any_reports`: every
edition and template, both （六） layouts, blanks and every not-applicable
mark, counts up to 10^9, money with six decimals, signed changes, and
hostile text in every narrative field (markup, control characters, very
long lines).  The Chinese page is imported: its labels are the official
ones the importer matches.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings

import govdisclosure as gd
from govdisclosure import cells_by_path
from govdisclosure.registry import tables_of
from govdisclosure.testing.strategies import any_reports, without_printed_labels
from govdisclosure_html import import_html
from html_helpers import procurement

EXAMPLES = sorted((Path(__file__).resolve().parents[3] / "examples").glob("*.json"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Labels drawn as arbitrary text cannot be found by label: the examples
# bring real printed labels back (below).
@given(any_reports(max_depth=0).map(without_printed_labels))
@example(procurement(Decimal(0), "1"))  # "0 1" was read as 1
def test_render_then_import_gives_the_same_figures(report: gd.Report) -> None:
    page = gd.render(report, "html")
    imported, provenance, problems = import_html(
        page, "generated.html", validate_report=False, derive_templates=True
    )
    assert imported is not None, [p.message("en") for p in problems]
    assert imported.edition == report.edition
    assert cells_by_path(imported) == cells_by_path(report)
    assert not any(c.doubtful for c in provenance.cells)
    assert not [p for p in problems if p.code == "cell-not-placed"]


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_example_survives_the_round_trip(path: Path) -> None:
    report = gd.load(path)
    imported, _, problems = import_html(gd.render(report, "html"), path.name)
    assert imported is not None, [p.message("en") for p in problems]
    assert cells_by_path(imported) == cells_by_path(report)
    assert imported.year == report.year
    assert imported.period == report.period
    if not isinstance(report, gd.ReportLegacy):
        # Row labels printed otherwise (洪泽's misprint) come back as printed.
        assert [t.printed_labels for _, t in tables_of(imported)] == [  # type: ignore[attr-defined]
            t.printed_labels  # type: ignore[attr-defined]
            for _, t in tables_of(report)
        ]
        assert [s.heading for s in imported.sections] == [s.heading for s in report.sections]


def test_the_fragment_imports_too() -> None:
    report = gd.load(EXAMPLES[0])
    fragment = gd.render(report, "html", fragment="true")
    imported, _, _ = import_html(fragment, "fragment.html")
    assert imported is not None
    assert cells_by_path(imported) == cells_by_path(report)
