"""Completeness: the sections a report must have, and the fee statement.

The 2021 format says the content "不能遗漏，也不宜泛化" and fixes six
sections (formats.md §1.3–1.4); the 2019 format has the same six.  Real
reports word the headings differently ("五、政府信息公开工作存在的主要问题及
改进情况", "五、存在问题及改进情况"), so headings are matched by their key
words, not their exact text, and the printed numbering is ignored.

Sections 二, 三 and 四 have tables as their body: such a section counts as
present and filled when its table has any filled cell, even if the
transcription kept no heading for it.

Before 2019 there was no fixed outline (each office chose its headings),
so a legacy report is only required to have some narrative at all.

A consolidated report (non-empty ``parts``) with no narrative at all (no
preamble, no sections) is what ``consolidate`` makes when it is given no
narrative: prose cannot be added up, so the consolidating unit's own text is
still to come.  Such a report gets one *warning* that its narrative is
missing, not an error per section, so that consolidating reports that pass
validation gives a report that passes too.  As soon as it has some sections,
the per-section checks apply as to any report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from attrs import frozen

from ..editions import Report, edition_of, is_template_driven
from ..editions.applications import OtherHandling2021
from ..i18n import N_
from ..introspect import iter_cells
from ..paths import json_path
from ..report_base import Section
from .findings import Finding, Label
from .paragraphs import has_text, normalize_heading
from .rules import Context, Rule
from .shared import cell_values, shape
from .values import number

__all__ = ["SECTIONS", "completeness_rules", "find_sections"]


@frozen
class ExpectedSection:
    """How to recognise one of the six sections by its heading's key words.

    The headings themselves are the edition's ``section_headings``
    (the format's wording); only the matching is defined here.
    """

    number: str
    keywords: tuple[str, ...]
    #: The table that is this section's body, if any.
    table: str | None = None


#: The six sections, in printed order.
SECTIONS: tuple[ExpectedSection, ...] = (
    ExpectedSection("一", ("总体情况", "概述", "总体", "基本情况")),
    ExpectedSection("二", ("主动公开",), "table2"),
    ExpectedSection("三", ("申请",), "table3"),
    ExpectedSection("四", ("复议", "诉讼"), "table4"),
    ExpectedSection("五", ("问题", "改进", "不足")),
    ExpectedSection("六", ("其他", "需要报告", "需要说明")),
)

#: Order in which key words are tried: a heading such as
#: "因政府信息公开申请行政复议…" names 申请 but is section 四, and
#: "其他需要报告的事项" must not be taken for anything but 六.
_MATCH_ORDER = ("四", "五", "六", "二", "三", "一")
_BY_NUMBER = {s.number: s for s in SECTIONS}
_LEADING = re.compile(r"^\s*([一二三四五六])\s*[、.．]")


@lru_cache(maxsize=4096)
def _classify(heading: str) -> str | None:
    """Which of 一…六 a heading names (cached: a corpus repeats its headings)."""
    text = normalize_heading(heading)
    for numeral in _MATCH_ORDER:
        if any(k in text for k in _BY_NUMBER[numeral].keywords):
            return numeral
    m = _LEADING.match(heading)
    return m.group(1) if m else None


def find_sections(report: Report) -> dict[str, int]:
    """Which top-level section (by index) is each of 一…六; first match wins."""
    found: dict[str, int] = {}
    for i, section in enumerate(report.sections):
        numeral = _classify(section.heading)
        if numeral is not None and numeral not in found:
            found[numeral] = i
    return found


def _sections(report: Report, context: Context) -> dict[str, int]:
    """:func:`find_sections`, once per validation (three rules ask)."""
    cached = context.cache.get("sections")
    if cached is None or cached[0] is not report:
        cached = context.cache["sections"] = (report, find_sections(report))
    found: dict[str, int] = cached[1]
    return found


_TABLES: dict[tuple[object, ...], dict[str, tuple[int, ...]]] = {}


def _filled(report: Report, context: Context) -> frozenset[str]:
    """The tables of ``report`` with a cell that is not blank (once per validation)."""
    cached = context.cache.get("filled")
    if cached is not None and cached[0] is report:
        filled: frozenset[str] = cached[1]
        return filled
    cells = shape(report, context)
    positions = _TABLES.get(cells.key)
    if positions is None:
        by_table: dict[str, list[int]] = {}
        for i, path in enumerate(cells.paths):
            by_table.setdefault(str(path[0]), []).append(i)
        positions = _TABLES[cells.key] = {k: tuple(v) for k, v in by_table.items()}
    values = cell_values(report, context)
    # Loops, not ``any`` of a generator per table: a table's first cell is
    # mostly filled, and making the generators cost more than reading it.
    found = []
    for table, at in positions.items():
        for i in at:
            if values[i] is not None:
                found.append(table)
                break
    filled = frozenset(found)
    context.cache["filled"] = (report, filled)
    return filled


def _no_narrative_yet(report: Report) -> bool:
    """A consolidated report whose unit has not added its own text (no preamble, no sections)."""
    return (
        bool(report.parts) and not report.sections and not any(p.strip() for p in report.preamble)
    )


def _missing_or_empty(report: Report, context: Context, want_missing: bool) -> Iterator[Finding]:
    if _no_narrative_yet(report):
        if want_missing:
            yield Finding(
                rule="completeness.section-missing",
                severity="warning",
                path="$.sections",
                involves=("$.preamble", "$.sections", "$.parts"),
                message_id="completeness.consolidated-no-narrative",
            )
        return
    if is_template_driven(report):
        if want_missing and not (
            any(p.strip() for p in report.preamble) or any(has_text(s) for s in report.sections)
        ):
            yield Finding(
                rule="completeness.section-missing",
                severity="warning",
                path="$.sections",
                involves=("$.preamble", "$.sections"),
                message_id="completeness.no-narrative",
            )
        return
    found = _sections(report, context)
    if want_missing and len(found) == len(SECTIONS):
        return  # every section is there (the common case): none is missing
    for n, expected in enumerate(SECTIONS):
        index = found.get(expected.number)
        if index is None:
            if want_missing and expected.table not in _filled(report, context):
                headings = edition_of(report).section_headings
                yield Finding(
                    rule="completeness.section-missing",
                    severity="error",
                    path="$.sections",
                    involves=("$.sections",),
                    message_id="completeness.section-missing",
                    params={"heading": Label((headings[n],))},
                )
            continue
        # The section's text first: the tables' cells are looked at only for
        # a section without text (most sections have some).
        if (
            not want_missing
            and not has_text(report.sections[index])
            and expected.table not in _filled(report, context)
        ):
            path = json_path(("sections", index))
            yield Finding(
                rule="completeness.section-empty",
                severity="warning",
                path=path,
                involves=(path,),
                message_id="completeness.section-empty",
                params={"heading": report.sections[index].heading},
            )


def _section_missing(report: Report, context: Context) -> Iterable[Finding]:
    """:func:`_missing_or_empty`, made only when it can find something: the
    common cases (every section found; a pre-2019 report with a narrative)
    are told first, without making a generator to find nothing."""
    if not _no_narrative_yet(report):
        if is_template_driven(report):
            if any(map(str.strip, report.preamble)) or any(map(has_text, report.sections)):
                return ()
        elif len(_sections(report, context)) == len(SECTIONS):
            return ()
    return _missing_or_empty(report, context, True)


def _section_empty(report: Report, context: Context) -> Iterable[Finding]:
    """:func:`_missing_or_empty`, made only when a found section is empty
    (the same tests, in the same order, up to the first such section)."""
    if _no_narrative_yet(report) or is_template_driven(report):
        return ()
    found = _sections(report, context)
    sections = report.sections
    filled: frozenset[str] | None = None
    for expected in SECTIONS:
        index = found.get(expected.number)
        if index is None:
            continue
        table = expected.table
        if table is not None:
            # A section whose table has a filled cell is not empty, whatever
            # its text: sections 二–四 are mostly a heading over their table,
            # whose text would be looked at for nothing.
            if filled is None:
                filled = _filled(report, context)
            if table in filled:
                continue
        if not has_text(sections[index]):
            return _missing_or_empty(report, context, False)
    return ()


#: Words that show section 六 speaks of fees: the fee's name, charging, or an
#: amount of money ("收取信息处理费 380 元", "共计400元").
_FEE_WORDS = re.compile(r"信息处理费|收费|收取.{0,10}费|\d+(?:\.\d+)?\s*万?元")


def _fee_statement(report: Report, context: Context) -> tuple[Finding, ...]:
    if _no_narrative_yet(report):
        # A consolidation with no text yet gets the one narrative warning;
        # what section 六 must say is for when the text is written.
        return ()
    # The rule reads the official three-row （六）; a report that prints
    # （六） as one row (or has no table 3) has no 信息处理费 row to read.
    results = getattr(getattr(report, "table3", None), "results", None)
    other = getattr(results, "other_handling", None)
    if not isinstance(other, OtherHandling2021):
        return ()
    row = other.unpaid_fee
    total = number(row.total)
    if total is None:
        # The row's 总计 is blank: its applicant columns still tell.
        total = sum(
            n
            for _, _, specs, v in iter_cells(row)
            if specs[-1].role != "total" and (n := number(v)) is not None
        )
    if not total:
        return ()
    prefix = "$.table3.results.other_handling.unpaid_fee"
    index = _sections(report, context).get("六")
    if index is not None:
        text = "".join(_paragraph_texts(report.sections[index], []))
        # Every match of the fee words holds 费 or 元: a text with neither has none.
        if ("费" in text or "元" in text) and _FEE_WORDS.search(text):
            return ()
    path = json_path(("sections", index)) if index is not None else "$.sections"
    # A function, not a generator: most reports return before the finding.
    return (
        Finding(
            rule="completeness.fee-statement",
            severity="warning",
            path=path,
            involves=(path, f"{prefix}.total"),
            actual=total,
            message_id="completeness.fee-statement",
        ),
    )


def _paragraph_texts(section: Section, into: list[str]) -> list[str]:
    """The paragraphs of ``section`` and its sub-sections, in
    :func:`~.paragraphs.section_paragraphs`' order, without their paths."""
    into.extend(section.paragraphs)
    for sub in section.subsections:
        _paragraph_texts(sub, into)
    return into


def completeness_rules() -> tuple[Rule, ...]:
    return (
        Rule(
            id="completeness.section-missing",
            severity="error",
            title=N_("A required section is missing"),
            description=(
                "The 2019 and 2021 formats fix six sections (一 总体情况, 二 主动公开, 三 依申请, "
                "四 复议诉讼, 五 问题及改进, 六 其他事项); each must be there.  Headings are "
                "matched by key words, since real reports vary them; a table section whose "
                "table is filled counts as present.  For a pre-2019 report, which had no fixed "
                "outline, only the absence of any narrative is reported, as a warning.  A "
                "consolidated report (one with parts) that has no narrative at all, no preamble "
                "and no sections, as `govdisclosure consolidate` makes without --narrative, "
                "gets one warning that the consolidating unit's text is still to be added, "
                "instead of an error per section; once it has sections, they are checked one "
                "by one as in any report."
            ),
            source=(
                "条例 第五十条; 国办公开办函〔2021〕30号 一、报告内容: “不能遗漏，也不宜泛化” "
                "(formats.md §1.3–1.4, §2.5)"
            ),
            basis="official",
            check=_section_missing,
        ),
        Rule(
            id="completeness.section-empty",
            severity="warning",
            title=N_("A section has no content"),
            description=(
                "A section heading with nothing under it (no paragraph, no sub-section, and "
                "for sections 二–四 no filled table cell).  A warning: the heading shows the "
                "section was meant, and the content may have been an image or a table the "
                "transcription did not keep.  “无。” counts as content."
            ),
            source="国办公开办函〔2021〕30号 一、报告内容 (formats.md §1.3)",
            basis="official",
            editions=frozenset({"2021", "2019"}),
            check=_section_empty,
        ),
        Rule(
            id="completeness.fee-statement",
            severity="warning",
            title=N_("Fees counted in table 3 but not reported in section 六"),
            description=(
                "When table 3 row （六）2 (applications dropped because the applicant did not "
                "pay the processing fee) is not zero, the office sent fee notices, and section "
                "六 should report the 信息处理费 (notices sent, amounts charged).  Checked only "
                "in the 2021 official layout, the first with that row.  Section 六 passes when it "
                "names the fee, charging, or an amount of money."
            ),
            source=(
                "《政府信息公开信息处理费管理办法》 (国办函〔2020〕109号); 2021 format item "
                "（六）, practice of reporting the fee there (formats.md §1.3, §1.8)"
            ),
            basis="practitioner",
            editions=frozenset({"2021"}),
            check=_fee_statement,
        ),
    )
