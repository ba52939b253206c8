"""The edition is recognised among every installed edition, plugin ones too.

Fictional editions (``tests/fictional_editions.py``) differ from the 2021
format in one part of table 2: one row more, one row renamed, one cell
fewer, or nothing at all but the years.  Reports of each are rendered by
the project's own renderers (HTML, Word, PDF), imported back, and must
come back as the same edition with the same numbers; 2021 reports must
still come back as 2021 with those editions installed; what no printed
label can decide is said in the import's report, in both locales.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govdisclosure as gd
from fictional_editions import install
from govdisclosure.flat import shape_of
from govdisclosure.testing.strategies import consistent_reports, without_printed_labels
from govdisclosure_docx_import import import_docx
from govdisclosure_html import ImportResult, import_html
from govdisclosure_html.provenance import provenance_json
from govdisclosure_pdf_import import import_pdf
from locations import ROOT

_IMPORT: dict[str, Callable[[bytes, str], ImportResult]] = {
    "html": lambda data, name: import_html(data, name),
    "docx": lambda data, name: import_docx(data, name),
    "pdf": lambda data, name: import_pdf(data, name),
}
#: The three that differ from 2021 in what a table prints.
DIFFERING = ("extra-row-test", "renamed-row-test", "layout-test")
HUAIAN = ROOT / "examples" / "huaian-2024.json"


def _numbers(report: Any) -> tuple[Any, ...]:
    return shape_of(report).flatten(report)


def _filled(edition: str, year: int = 2026) -> Any:
    """A report of ``edition`` with a figure in every row of table 2 (so
    every label that tells it apart is printed with a number)."""
    report: Any = gd.blank_report(edition, year, "某省某市人民政府", with_headings=True)
    t2 = report.table2
    changes: dict[str, Any] = {}
    for n, a in enumerate(attrs.fields(type(t2)), start=1):
        value = getattr(t2, a.name)
        if attrs.has(type(value)):
            changes[a.name] = attrs.evolve(
                value, **{f.name: n * 10 + i for i, f in enumerate(attrs.fields(type(value)))}
            )
        elif a.name == "fees":
            changes[a.name] = Decimal("12.5")
        elif a.name != "printed_labels":
            changes[a.name] = n
    t3 = report.table3
    row = attrs.evolve(t3.new_applications, natural_person=5, total=5)
    table3 = attrs.evolve(t3, new_applications=row, results=attrs.evolve(t3.results, disclosed=row))
    return gd.complete_totals(
        attrs.evolve(report, table2=attrs.evolve(t2, **changes), table3=table3)
    )


def _round_trip(report: Any, form: str) -> ImportResult:
    result = _IMPORT[form](gd.render(report, form), f"fictional.{form}")
    assert result.report is not None, [p.message("en") for p in result.problems]
    return result


@pytest.mark.parametrize("form", sorted(_IMPORT))
@pytest.mark.parametrize("edition", DIFFERING)
def test_a_plugin_edition_is_recognised_and_gives_the_same_numbers(
    edition: str, form: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # All three installed at once: each must beat 2021, 2019 and the other two.
    install(monkeypatch, *DIFFERING)
    report = _filled(edition)
    result = _round_trip(report, form)
    assert result.report is not None
    assert result.report.edition == edition
    assert _numbers(result.report) == _numbers(report)
    assert result.provenance.edition_decided_by in ("labels", "cells")
    assert not [p for p in result.problems if p.code.startswith("edition-")]
    # Every pair involving it was decided for it.
    mine = [d for d in result.provenance.edition_duels if edition in (d.a, d.b)]
    assert len(mine) == 4 and all(d.winner == edition for d in mine)


def test_the_layout_edition_is_told_apart_by_its_cells(monkeypatch: pytest.MonkeyPatch) -> None:
    install(monkeypatch, "layout-test")
    result = _round_trip(_filled("layout-test"), "html")
    (duel,) = [d for d in result.provenance.edition_duels if "layout-test" in (d.a, d.b)][:1]
    assert duel.level == "cells" and duel.winner == "layout-test"
    assert result.provenance.edition_decided_by == "cells"
    # Its labels are 2021's: a 2021 report prints 行政强制 in the other block.
    again = _round_trip(_filled("2021", 2024), "html")
    assert again.report is not None and again.report.edition == "2021"


@pytest.mark.parametrize("form", sorted(_IMPORT))
def test_a_2021_report_is_still_2021_with_them_installed(
    form: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    install(monkeypatch, *DIFFERING)
    report = gd.load(HUAIAN)
    result = _round_trip(report, form)
    assert result.report is not None
    assert result.report.edition == "2021"
    assert _numbers(result.report) == _numbers(report)
    # Against layout-test, whose labels are 2021's, by the cells.
    assert result.provenance.edition_decided_by == "cells"
    # A 2021 report of a plugin edition's years is still 2021: its labels say so.
    later = _round_trip(attrs.evolve(_filled("2021"), year=2027), form)
    assert later.report is not None and later.report.edition == "2021"


#: The real pages and published PDFs, and the edition each is printed in
#: (None: no table on the page; see tests/data/README.md of each plugin).
REAL = {
    "2009_gaj-gonganju_80645/page.html": "legacy",
    "2013_central-dishuiju_80774/page.html": None,
    "2015_jtj-jiaojianju_80446/page.html": None,
    "2019_jjp-jinjing-pianqu_80564/page.html": "2019",
    "2020_gaj-gonganju_80590/page.html": None,
    "2021_jjp-jinjing-pianqu_80601/page.html": "2021",
    "2022_jjp-jinjing-pianqu_80617/page.html": "2021",
    "2023_central-zhsyq_87885/page.html": "2021",
    "2025_central-zhsyq_105587/page.html": "2021",
    "hongze-2024.pdf": "2021",
    "huaian-2024.pdf": "2021",
}


@pytest.mark.parametrize("name", sorted(REAL))
def test_the_real_documents_are_recognised_as_before_with_them_installed(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if name.endswith(".pdf"):
        path = ROOT / "plugins" / "govdisclosure-pdf-import" / "tests" / "data" / name
        before = import_pdf(path.read_bytes(), name)
    else:
        path = Path(__file__).parent / "data" / name
        before = import_html(path.read_bytes(), name)
    install(monkeypatch, *DIFFERING)
    after = (import_pdf if name.endswith(".pdf") else import_html)(path.read_bytes(), name)
    assert after.provenance.edition == before.provenance.edition == REAL[name]
    assert after.report == before.report
    assert after.provenance.cells == before.provenance.cells
    assert [p.code for p in after.problems] == [p.code for p in before.problems]


def test_a_tie_is_broken_by_the_year_and_said(monkeypatch: pytest.MonkeyPatch) -> None:
    install(monkeypatch, "twin-test")
    result = _round_trip(_filled("2021", 2024), "html")
    assert result.report is not None and result.report.edition == "2021"
    assert result.provenance.edition_decided_by == "year"
    (said,) = [p for p in result.problems if p.code == "edition-by-year"]
    assert said.severity == "info"
    assert "2024" in said.message("en") and "twin-test" in said.message("en")
    zh = said.message("zh_Hans_CN")
    assert "报告年度 2024" in zh and "2021年版格式" in zh
    json = provenance_json(result.provenance, result.problems, "en")
    assert json["edition_decided_by"] == "year"
    duels: Any = json["edition_duels"]
    (twins,) = [d for d in duels if d["editions"] == ["2021", "twin-test"]]
    assert twins["winner"] is None and twins["printed"] == [0, 0]


@pytest.mark.parametrize("edition", ["2021", "twin-test"])
def test_an_undecidable_edition_is_not_guessed(
    edition: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    install(monkeypatch, "twin-test")
    # 2031 is a year of both: nothing on the page tells them apart.
    result = _IMPORT["html"](gd.render(_filled(edition, 2031), "html"), "twin.html")
    assert result.report is None
    assert result.provenance.edition is None
    assert result.provenance.edition_decided_by is None
    (said,) = [p for p in result.problems if p.code == "edition-undecided"]
    assert said.severity == "warning"
    en, zh = said.message("en"), said.message("zh_Hans_CN")
    assert "The 2021 format" in en and "twin-test" in en and "no edition chosen" in en
    assert "2021年版格式" in zh and "twin-test" in zh and "未选定格式版本" in zh


_PROPERTY = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@pytest.fixture
def differing(monkeypatch: pytest.MonkeyPatch) -> None:
    """The three differing editions installed before Hypothesis draws."""
    install(monkeypatch, *DIFFERING)


@_PROPERTY
@given(
    st.deferred(
        lambda: st.tuples(st.sampled_from((*DIFFERING, "2021")), st.booleans()).flatmap(
            lambda choice: consistent_reports(
                choice[0], year=2027, blanks=True, single_other_handling=choice[1]
            ).map(without_printed_labels)
        )
    )
)
def test_render_then_import_gives_the_same_edition_and_numbers(
    differing: None, report: Any
) -> None:
    result = import_html(gd.render(report, "html"), "drawn.html", validate_report=False)
    assert result.report is not None, [p.message("en") for p in result.problems]
    assert result.report.edition == report.edition
    # Both （六） layouts: the variant is recognised for a plugin edition too.
    assert shape_of(result.report) == shape_of(report)
    assert _numbers(result.report) == _numbers(report)
