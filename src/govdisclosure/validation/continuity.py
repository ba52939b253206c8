"""Continuity with last year's report (``validate(..., previous=...)``).

Three relations tie a report to the one before it:

* **carried over** (2019/2021 table 3): 二、上年结转 this year equals
  四、结转下年度继续办理 last year, column by column;
* **in force** (2021 table 2, block A): 现行有效件数 this year equals last
  year's + 本年制发件数 − 本年废止件数, for 规章 and 行政规范性文件.  Only
  between two 2021-format reports: the 2019 format's columns
  (对外公开总数量, a cumulative count of disclosures) mean something else;
* **cumulative** (legacy templates with a running-total column such as
  历年累计): this year's running total equals last year's plus this year's
  value, row by row.

All are *warnings*: they come from practice (formats.md §4.1 X.1, X.2), and
they break legitimately when an agency is restructured, when last year's
report was wrong and this year's corrects it, or (in force) when
amendments are counted as issued or a clean-up expires documents without
repealing them.

The relations only make sense for the same unit's report for the year
before; otherwise nothing is checked and one warning,
``continuity.not-checked``, says why.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from functools import partial

from ..cells import CellValue
from ..editions import Report, is_template_driven
from ..editions.e2021 import DocumentRow2021
from ..i18n import N_
from ..introspect import iter_cells, table_fields
from ..naming import LIST, label_of
from ..paths import Path, json_path
from ..registry import template_of
from .findings import Finding, Label
from .outcomes import RelationOutcome
from .rules import Context, Rule
from .values import is_blank, number

__all__ = ["continuity_rules", "same_unit"]

#: Names last year's report in front of its cells' labels (a message id,
#: translated when the finding is shown: 上年报告 in Chinese).
_PREVIOUS = N_("last year's report")


def same_unit(report: Report, previous: Report) -> bool:
    """Same reporting unit: same region code when both have one, else same name."""
    return report.unit.is_same_unit(previous.unit)


def _comparable(report: Report, context: Context) -> Report | None:
    """Last year's report of the same unit, or None (nothing to check)."""
    previous = context.previous
    if previous is None or previous.year != report.year - 1:
        return None
    return previous if same_unit(report, previous) else None


def _not_checked(report: Report, context: Context) -> Iterator[Finding]:
    previous = context.previous
    if previous is None:
        return
    if previous.year != report.year - 1:
        yield Finding(
            rule="continuity.not-checked",
            severity="warning",
            path="$.year",
            involves=("$.year",),
            expected=report.year - 1,
            actual=previous.year,
            message_id="continuity.wrong-year",
            params={"previous_year": previous.year, "year": report.year},
        )
    elif not same_unit(report, previous):
        yield Finding(
            rule="continuity.not-checked",
            severity="warning",
            path="$.unit",
            involves=("$.unit",),
            message_id="continuity.other-unit",
            params={"previous_unit": previous.unit.name, "unit": report.unit.name},
        )
    elif is_template_driven(report) != is_template_driven(previous) or (
        is_template_driven(report)
        and is_template_driven(previous)
        and report.statistics.template != previous.statistics.template
    ):

        def edition(r: Report) -> str:
            if is_template_driven(r):
                return f"{r.edition}:{r.statistics.template}"
            return r.edition

        yield Finding(
            rule="continuity.not-checked",
            severity="warning",
            path="$",
            involves=("$",),
            message_id="continuity.other-edition",
            params={
                "previous_edition": edition(previous),
                "edition": edition(report),
            },
        )


#: The terms' labels and the message's parameters of a relation, made only
#: for a finding (:func:`_compare`).
Described = tuple[Sequence[Label], dict[str, Label | int | Decimal | str | None]]


def _compare(
    rule: str,
    report: Report,
    context: Context,
    path: Path,
    actual: CellValue,
    terms: Sequence[tuple[int, CellValue]],
    message_id: str,
    describe: Callable[[], Described],
) -> Iterator[Finding]:
    """``actual`` (at ``path``) against Σ sign·term; a warning when they differ.

    ``terms`` are ``(sign, value)``; blanks follow the blank policy.  The
    terms' labels and the message's parameters (``describe``) are made only
    for a finding: a relation that holds, as nearly all do in a corpus,
    costs its sum alone (the labels were most of the rules' time).
    """
    values = [actual, *(v for _, v in terms)]
    here = json_path(path)
    blanks = [i for i, v in enumerate(values) if is_blank(v)]
    record = context.outcomes
    if blanks and context.blank == "missing":
        if record is not None:
            record.append(RelationOutcome(rule, here, "not-checkable"))
        if len(blanks) == len(values):
            return
        labels = [label_of(report, path), *describe()[0]]
        yield Finding(
            rule=rule,
            severity="notice",
            path=here,
            involves=(here,),
            message_id="relation.not-checkable",
            params={
                "blank": len(blanks),
                "size": len(values),
                "cells": Label(tuple(labels[i] for i in blanks), sep=LIST),
            },
        )
        return

    def num(v: CellValue) -> int | Decimal:
        n = number(v)
        return 0 if n is None else n

    expected = sum((sign * num(v) for sign, v in terms), start=0)
    got = num(actual)
    if record is not None:
        record.append(RelationOutcome(rule, here, "passed" if got == expected else "failed"))
    if got != expected:
        yield Finding(
            rule=rule,
            severity="warning",
            path=here,
            involves=(here,),
            expected=expected,
            actual=got,
            message_id=message_id,
            params={"cell": label_of(report, path), **describe()[1]},
        )


def _carried_over(report: Report, context: Context) -> Iterator[Finding]:
    previous = _comparable(report, context)
    if previous is None or is_template_driven(report) or is_template_driven(previous):
        return
    last = previous.table3.carried_forward
    for path, _, _, value in iter_cells(report.table3.carried_over, ("table3", "carried_over")):
        column = path[-1]
        yield from _compare(
            "continuity.carried-over",
            report,
            context,
            path,
            value,
            [(1, getattr(last, str(column)))],
            "continuity.carried-over",
            partial(_carried_over_described, previous, ("table3", "carried_forward", column)),
        )


def _carried_over_described(previous: Report, path: Path) -> Described:
    label = Label((_PREVIOUS, label_of(previous, path)))
    return [label], {"previous": label}


def _in_force(report: Report, context: Context) -> Iterator[Finding]:
    previous = _comparable(report, context)
    table2 = getattr(report, "table2", None)
    previous_table2 = getattr(previous, "table2", None)
    if previous is None or table2 is None or previous_table2 is None:
        return
    # Rows of 本年制发 / 本年废止 / 现行有效 in both years (the 2021 format's
    # block A; the 2019 format's rows have other columns and are skipped).
    for f, _, _ in table_fields(type(table2)):
        row = getattr(table2, f.name)
        before = getattr(previous_table2, f.name, None)
        if not isinstance(row, DocumentRow2021) or not isinstance(before, DocumentRow2021):
            continue
        prefix: Path = ("table2", f.name)
        yield from _compare(
            "continuity.in-force",
            report,
            context,
            (*prefix, "in_force"),
            row.in_force,
            [(1, before.in_force), (1, row.issued), (-1, row.repealed)],
            "continuity.in-force",
            partial(_in_force_described, report, previous, prefix, before, row),
        )


def _in_force_described(
    report: Report, previous: Report, prefix: Path, before: DocumentRow2021, row: DocumentRow2021
) -> Described:
    labels = [
        Label((_PREVIOUS, label_of(previous, (*prefix, "in_force")))),
        label_of(report, (*prefix, "issued")),
        label_of(report, (*prefix, "repealed")),
    ]
    return labels, {
        "previous": _show(before.in_force),
        "issued": _show(row.issued),
        "repealed": _show(row.repealed),
    }


def _show(value: CellValue) -> str:
    return "" if value is None else str(value)


def _cumulative(report: Report, context: Context) -> Iterator[Finding]:
    previous = _comparable(report, context)
    if not is_template_driven(report) or not is_template_driven(previous):
        return
    if report.statistics.template != previous.statistics.template:
        return
    template = template_of(report)
    running = [c for c in template.columns if c.cumulative]
    yearly = [c for c in template.columns if not c.cumulative]
    if not running or not yearly:
        return
    this_year = yearly[0]
    for column in running:
        for row in template.value_rows:
            path: Path = ("statistics", "rows", row.code, column.key)
            year_path: Path = ("statistics", "rows", row.code, this_year.key)
            before = previous.statistics.value(row.code, column.key)
            now = report.statistics.value(row.code, this_year.key)
            yield from _compare(
                "continuity.cumulative",
                report,
                context,
                path,
                report.statistics.value(row.code, column.key),
                [(1, before), (1, now)],
                "continuity.cumulative",
                partial(_cumulative_described, report, previous, path, year_path, before, now),
            )


def _cumulative_described(
    report: Report,
    previous: Report,
    path: Path,
    year_path: Path,
    before: CellValue,
    now: CellValue,
) -> Described:
    labels = [Label((_PREVIOUS, label_of(previous, path))), label_of(report, year_path)]
    return labels, {"previous": _show(before), "this_year": _show(now)}


def _with_previous(
    check: Callable[[Report, Context], Iterator[Finding]],
) -> Callable[[Report, Context], Iterable[Finding]]:
    """``check``, called only when there is a previous report: each of the
    four rules finds nothing without one (they return before their first
    finding), and most reports are validated alone, where making the
    generator to find nothing cost more than the test."""

    def run(report: Report, context: Context) -> Iterable[Finding]:
        if context.previous is None:
            return ()
        return check(report, context)

    run.__name__ = run.__qualname__ = check.__name__
    run.__doc__ = check.__doc__
    return run


def continuity_rules() -> tuple[Rule, ...]:
    why = (
        "  A warning: it breaks legitimately when an agency is restructured or when last "
        "year's report was wrong.  Checked only when the previous report is the same unit's "
        "for the year before."
    )
    return (
        Rule(
            id="continuity.carried-over",
            severity="warning",
            title=N_("Carried over ≠ last year's carried forward"),
            description=(
                "Table 3 row 二、上年结转政府信息公开申请数量 equals last year's row "
                "四、结转下年度继续办理, in every column (2019 and 2021 formats, across them "
                "too: the rows are the same)." + why
            ),
            source=(
                "Practice: year-on-year check “[Y−1年] 结转下年度继续办理 VS [Y年] "
                "上年结转政府信息公开申请数量” (formats.md §4.1 X.1)"
            ),
            basis="practitioner",
            editions=frozenset({"2021", "2019"}),
            check=_with_previous(_carried_over),
        ),
        Rule(
            id="continuity.in-force",
            severity="warning",
            title=N_("In force ≠ last year's + issued − repealed"),
            description=(
                "Table 2 block A: 现行有效件数 equals last year's 现行有效件数 + 本年制发件数 − "
                "本年废止件数, for 规章 and 行政规范性文件.  Between two 2021-format reports "
                "only (the 2019 format's columns differ).  Amendments counted as issued and "
                "documents that expire without being repealed also break it." + why
            ),
            source="Practice: cross-year formula (formats.md §4.1 X.2)",
            basis="heuristic",
            editions=frozenset({"2021"}),
            check=_with_previous(_in_force),
        ),
        Rule(
            id="continuity.cumulative",
            severity="warning",
            title=N_("Running total ≠ last year's + this year's"),
            description=(
                "In a pre-2019 statistics table with a running-total column (历年累计), each "
                "row's running total equals last year's running total plus this year's value "
                "(平潭县 2011 → 2012: 1516 + 2026 = 3542)." + why
            ),
            source="Meaning of the 历年累计 column (fujian-2011 template; formats.md §3)",
            basis="structural",
            editions=frozenset({"legacy"}),
            check=_with_previous(_cumulative),
        ),
        Rule(
            id="continuity.not-checked",
            severity="warning",
            title=N_("Continuity not checked"),
            description=(
                "A previous report was given but is not the same unit's report for the year "
                "before (or its tables do not match this report's), so the continuity rules "
                "were not applied.  Reported so that a wrong --previous file is not mistaken "
                "for a pass."
            ),
            source="Preconditions of the continuity rules",
            basis="structural",
            check=_with_previous(_not_checked),
        ),
    )
