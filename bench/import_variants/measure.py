"""How a variant's import is scored against the figures it prints.

The definitions are those of the import probes (docs/import.md, "Pages
printed otherwise"): a printed cell is a cell whose figure the file prints;
**exact**, a printed cell the import gives the same figure in the same cell;
**invented**, a cell the import gives a figure that is not the one printed
there (another figure, or a figure where the file prints none); **missing**,
a printed cell the import leaves blank. A miss is accounted for when the
import reports at least one of :data:`REASONS`. Nothing is counted for a
report of another edition than the one printed: its cells are not the
printed cells, so all of them are missing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from govdisclosure import cells_by_path
from govdisclosure.paths import json_path
from govdisclosure_docx_import import import_docx
from govdisclosure_html import ImportResult, import_html, named_paths
from govdisclosure_pdf_import import import_pdf
from govdisclosure_xlsx import import_workbook

from .variant import Kind, Variant

#: The problem codes that say why a printed cell is not in the report.
REASONS = frozenset(
    {
        "cell-missing",
        "cell-unreadable",
        "cell-not-placed",
        "table-missing",
        "table-not-imported",
        "tables-as-images",
        "no-text-layer",
        "report-in-attachment",
        "report-on-linked-page",
        "no-table",
        "tables-not-recognised",
        "row-not-printed",
        "no-template-fits",
        "no-year",
        "no-unit",
    }
)

#: Each kind of file through its plugin's public import function.
IMPORTERS: dict[Kind, Callable[[bytes, str], ImportResult]] = {
    "HTML": import_html,
    "Word": import_docx,
    "PDF": import_pdf,
    "Excel": import_workbook,
}
_SUFFIX: dict[Kind, str] = {"HTML": "html", "Word": "docx", "PDF": "pdf", "Excel": "xlsx"}


@dataclass(frozen=True)
class Score:
    """One variant's import against its printed figures."""

    variant: Variant
    printed: int
    exact: int
    invented: int
    missing: int
    #: A reason reported wherever a cell is missing (the probes' definition).
    reasoned: bool
    #: Missing cells that no reported reason names.
    unaccounted: int
    #: A report was made.
    report: bool
    #: A report was made, of the edition printed.
    edition: bool
    codes: tuple[str, ...]

    @property
    def share(self) -> float:
        """Printed cells exact, in per cent."""
        return percent(self.exact, self.printed)


def percent(exact: int, printed: int) -> float:
    """``exact`` of ``printed`` in per cent (all of none is 100)."""
    return 100 * exact / printed if printed else 100.0


#: The share of printed cells a variant printing its tables as tables must read exact.
TABLES_EXACT = 99.0


def shortfalls(s: Score) -> list[str]:
    """What a user relies on that ``s`` fails: nothing invented, every miss named with its
    reason, the edition printed whenever a report is made, and, where the tables are
    printed as tables, a report with 99% of the cells exact that the variant does not
    mark on purpose (a table of 21 cells with one footnote-marked figure, refused by
    design, is 95% exact: the figure is left blank and named, as it must be)."""
    out = []
    if s.invented:
        out.append(f"{s.invented} invented")
    if s.unaccounted or not s.reasoned:
        out.append(f"{s.unaccounted} of {s.missing} missing without a reason")
    if s.report and not s.edition:
        out.append("another edition")
    plain = s.printed - s.variant.marked
    if s.variant.tables and 100 * s.exact < TABLES_EXACT * plain:
        out.append(f"{s.exact} of {plain} unmarked cells exact")
    return out


def score(variant: Variant, result: ImportResult) -> Score:
    """``result`` (the import of ``variant``) cell by cell against the printed figures."""
    report = result.report
    edition = report is not None and isinstance(report, variant.edition)
    got = cells_by_path(report) if report is not None and edition else {}
    printed = {path: value for path, value in variant.expected.items() if value is not None}
    missing = [path for path in printed if got.get(path) is None]
    codes = tuple(sorted({p.code for p in result.problems}))
    reasons = [p for p in result.problems if p.code in REASONS]
    named = named_paths(reasons)
    wholesale = any(p.path is None and p.table is None for p in reasons)
    return Score(
        variant=variant,
        printed=len(printed),
        exact=sum(1 for path, value in printed.items() if got.get(path) == value),
        invented=sum(
            1
            for path, value in got.items()
            if value is not None and variant.expected.get(path) != value
        ),
        missing=len(missing),
        reasoned=not missing or bool(reasons),
        unaccounted=0 if wholesale else sum(1 for path in missing if json_path(path) not in named),
        report=report is not None,
        edition=edition,
        codes=codes,
    )


def run(variant: Variant) -> Score:
    """Make the variant's file, import it through its plugin, score it."""
    importer = IMPORTERS[variant.kind]
    return score(variant, importer(variant.bytes(), f"variant.{_SUFFIX[variant.kind]}"))


@dataclass(frozen=True)
class Total:
    """A set of scores added up."""

    variants: int
    printed: int
    exact: int
    invented: int

    @property
    def share(self) -> float:
        """Printed cells exact, in per cent."""
        return percent(self.exact, self.printed)


def total(scores: Sequence[Score]) -> Total:
    """``scores`` added up."""
    return Total(
        variants=len(scores),
        printed=sum(s.printed for s in scores),
        exact=sum(s.exact for s in scores),
        invented=sum(s.invented for s in scores),
    )
