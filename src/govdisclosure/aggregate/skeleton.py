"""The text of a consolidated report that has none: a skeleton the office completes.

``govdisclosure.consolidate`` adds up the units' tables but not their prose
(a narrative is the consolidating office's to write), so a city's report
built from its units' reports has tables 二、三、四 and nothing else: the
documents started at "二、" with 一、五、六 missing.  For such a report
(parts, no preamble, no sections) every renderer of the project (PDF, Word,
HTML, Markdown) sets all six sections of the format, in order:

* 一、总体情况 says what the consolidation itself knows: how many units,
  their names, and the totals of table 3 and table 4;
* 二、三、四 carry the tables, as in any report;
* 一、五、六 end with what the office still has to write, each paragraph
  opening with 【待补充】 (English: [To be completed]) so that no one
  mistakes the skeleton for a finished report.

Nothing is added to the report itself: the data stays as consolidated.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Final

import attrs

from ..editions import Report, edition_of, is_template_driven
from ..i18n import N_, normalize_locale
from ..i18n import gettext as tr
from ..report_base import Section
from .breakdown import breakdown

__all__ = ["BLANK_DATE", "MARK", "needs_skeleton", "skeleton_sections", "with_skeleton"]

#: Opens every paragraph the office has to write.
MARK: Final = N_("[To be completed]")
#: The date under the signature, for the office to fill in.
BLANK_DATE: Final = N_("[date]")
_SUMMARY: Final = N_("This report consolidates the annual reports of {count} units: {names}.")
_TOTALS: Final = N_(
    "In {year} these units received {new} new applications for government information "
    "and carried over {carried} from the year before; {done} were handled and {forward} "
    "are carried forward to next year.  Administrative reconsideration was applied for "
    "{reconsideration} times; {litigation} lawsuits were filed."
)
_OVERVIEW: Final = N_(
    "The overall state of government information disclosure at this level, and what was "
    "done in proactive disclosure, disclosure on application, information management, "
    "platforms and supervision."
)
_PROBLEMS: Final = N_("The main problems and how they are being improved.")
_OTHER: Final = N_(
    "Fees charged for handling information requests, and any other matter to report."
)


def needs_skeleton(report: Report) -> bool:
    """A consolidated report of fixed tables without any text of its own."""
    return (
        bool(report.parts)
        and not is_template_driven(report)
        and not report.preamble
        and not report.sections
    )


def _total(values: Mapping[str, object], json_path: str) -> str:
    """A total as printed; a blank one shows as —."""
    value = values.get(json_path)
    return str(value) if isinstance(value, int | Decimal) else "—"


def skeleton_sections(report: Report, locale: str) -> tuple[Section, ...]:
    """The six sections of the format for a consolidated report with no text.

    Headings are the format's own (Chinese: the tables find their sections
    by them); the renderer translates them when it prints them.
    """
    headings = edition_of(report).section_headings
    if len(headings) != 6:
        return ()
    english = normalize_locale(locale) == "en"
    mark = tr(locale, MARK) + (" " if english else "")
    sep = ", " if english else "、"
    names = sep.join(part.unit.name for part in report.parts)
    table = breakdown(report, columns="headline")
    totals = {c.json_path: v for c, v in zip(table.columns, table.totals, strict=True)}
    litigation = [
        totals.get(p)
        for p in (
            "$.table4.litigation_direct.total",
            "$.table4.litigation_after_reconsideration.total",
        )
    ]
    summed = [v for v in litigation if isinstance(v, int)]
    overview = [
        tr(locale, _SUMMARY).format(count=len(report.parts), names=names),
        tr(locale, _TOTALS).format(
            year=report.year,
            new=_total(totals, "$.table3.new_applications.total"),
            carried=_total(totals, "$.table3.carried_over.total"),
            done=_total(totals, "$.table3.results.total.total"),
            forward=_total(totals, "$.table3.carried_forward.total"),
            reconsideration=_total(totals, "$.table4.reconsideration.total"),
            litigation=sum(summed) if summed else "—",
        ),
        mark + tr(locale, _OVERVIEW),
    ]
    texts: dict[int, tuple[str, ...]] = {
        0: tuple(overview),
        4: (mark + tr(locale, _PROBLEMS),),
        5: (mark + tr(locale, _OTHER),),
    }
    return tuple(
        Section(heading=heading, paragraphs=texts.get(k, ())) for k, heading in enumerate(headings)
    )


def with_skeleton(report: Report, locale: str) -> Report:
    """``report`` with its skeleton as its sections when it
    :func:`needs_skeleton` (the report itself is left as it is), else
    ``report``: what a renderer lays out."""
    if not needs_skeleton(report):
        return report
    return attrs.evolve(report, sections=skeleton_sections(report, locale))
