"""Variants of four more examples: our rendering of each, printed as a portal or a form template would.

上海 2019 (the 2019 format), 洪泽 2024 (2021), 玉溪 2017 and 平潭 2011 (the
pre-2019 national and Fujian forms) are rendered by the HTML and Word
plugins from ``examples/*.json`` and then changed; the figures each prints
are those of its JSON.  They carry the defects of :mod:`.pages` and
:mod:`.word` to the other editions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import partial

import govdisclosure as gd
from govdisclosure import cells_by_path
from govdisclosure.editions import Report

from .grid import columns, emit, matrix
from .variant import EXAMPLES, Case, Variant, collect
from .word import document_xml, in_content_controls, repack

#: Each example and the edition it is printed in.
REPORTS: tuple[tuple[str, type[Report]], ...] = (
    ("shanghai-szfbgt-2019", gd.Report2019),
    ("hongze-2024", gd.Report2021),
    ("yuxi-2017", gd.ReportLegacy),
    ("pingtan-2011", gd.ReportLegacy),
)


def as_portal_prints(page: str) -> str:
    """Our page as a portal's editor prints it: header cells as ``<td>``, no classes or styles."""
    page = re.sub(r"<(/?)th\b", r"<\1td", page)
    return re.sub(r'\s(?:scope|class|style)="[^"]*"', "", page)


def _form_template(report: Report) -> bytes:
    """``report`` rendered as Word, a content control around each cell's content."""
    docx = gd.render(report, "docx")
    return repack(docx, in_content_controls(document_xml(docx)))


def _variants(name: str, report: Report, edition: type[Report]) -> list[Variant]:
    page = as_portal_prints(gd.render(report, "html").decode())

    def html_printed_otherwise() -> Iterator[Case]:
        """The rendered page as a portal prints it; its first figure with a raised footnote
        mark, or pasted as a one-cell table; table 3 split by applicant (自然人 | 法人)."""
        yield Case(f"{name}: HTML as a portal prints it (control)", page)
        first = re.search(r"<td>([1-9]\d*)</td>", page)
        if first is not None:
            before, figure, after = page[: first.start()], first.group(1), page[first.end() :]
            yield Case(
                f"{name}: {figure}<sup>1</sup>",
                f"{before}<td>{figure}<sup>1</sup></td>{after}",
                marked=1,
            )
            nested = f"<td><table><tr><td>{figure}</td></tr></table></td>"
            yield Case(f"{name}: {figure} as a one-cell table", before + nested + after)
        table3 = next(
            (t for t in re.findall(r"<table.*?</table>", page, re.S) if "本年新收" in t), None
        )
        if table3 is not None:
            m = matrix(table3)
            split = emit(columns(m, [0, 1, 2, 3])) + emit(columns(m, [0, 1, 2, 4, 5, 6, 7, 8, 9]))
            yield Case(f"{name}: table 3 split 自然人 | 法人", page.replace(table3, split))

    def word_form_template() -> Iterator[Case]:
        """The rendered Word file with every cell's content in a content control (``w:sdt``),
        as the form templates that units fill in are written."""
        yield Case(
            f"{name}: Word, a content control in every cell", partial(_form_template, report)
        )

    expected = cells_by_path(report)
    return [
        *collect("HTML", (html_printed_otherwise,), expected, edition),
        *collect("Word", (word_form_template,), expected, edition),
    ]


def variants() -> list[Variant]:
    """Every variant of the four rendered examples."""
    return [
        v
        for name, edition in REPORTS
        for v in _variants(name, gd.load(EXAMPLES / f"{name}.json"), edition)
    ]
