"""The text of every finding the core's rules produce.

A finding carries a short, stable ``message_id`` (``"arithmetic.sum"``)
rather than prose, so findings compare and serialise cheaply; the text is
looked up here when a message is shown.  Each text is an English message id
written as a literal ``gettext(locale, "...")`` call, which is what the
catalog extraction looks for; the catalogs give the Chinese.

A plugin's rule may use any English sentence as its ``message_id``: an id
not listed here is looked up in the core's catalog and then in the
catalogs plugins add (``govdisclosure_message_catalogs``), and shown as it
stands when none has it.  Only such ids ask the plugins: a core finding is
found in the table below, with no further work.
"""

from __future__ import annotations

from functools import cache

from ..i18n import gettext, ngettext

__all__ = ["MESSAGE_IDS", "PLURAL_PARAMS", "template"]

#: Messages with a plural: the message id and the parameter that chooses
#: the form ("1 report", "2 reports"; Chinese has one form).
PLURAL_PARAMS: dict[str, str] = {
    "aggregate.parent-below-parts": "count",
    "aggregate.parent-above-parts": "cells",
    "aggregate.parent-differs": "count",
}


def _plural(locale: str, message_id: str, n: int) -> str | None:
    """The text of a message with a plural, in the form ``n`` asks for."""
    if message_id == "aggregate.parent-below-parts":
        return ngettext(
            locale,
            "{cell}: the published figure is {actual}, below the {expected} that the {count} report "
            "of the unit it covers gives; a parent cannot count less than its parts",
            "{cell}: the published figure is {actual}, below the {expected} that the {count} "
            "reports of the units it covers add up to; a parent cannot count less than its parts",
            n,
        )
    if message_id == "aggregate.parent-above-parts":
        return ngettext(
            locale,
            "{cells} cell exceeds the listed parts; parts may be missing",
            "{cells} cells exceed the listed parts; parts may be missing",
            n,
        )
    if message_id == "aggregate.parent-differs":
        return ngettext(
            locale,
            "{cell}: the published change is {actual}, but the {count} report of the unit it covers "
            "gives {expected}",
            "{cell}: the published change is {actual}, but the {count} reports of the units it "
            "covers add up to {expected}",
            n,
        )
    return None


def _templates(locale: str) -> dict[str, str]:
    return {
        # arithmetic.py
        "arithmetic.sum": gettext(
            locale, "{cell} is {actual}, but the cells it totals add up to {expected}"
        ),
        "arithmetic.balance": gettext(
            locale, "{column}: {lhs} is {actual}, but {rhs} is {expected}"
        ),
        "arithmetic.at-most": gettext(
            locale, "{part} is {actual}, more than {cell} ({expected}), which includes it"
        ),
        "arithmetic.channels": gettext(
            locale,
            "{cell} is {actual}, but its channels add up to only {expected}; an item published "
            "on several channels counts once, so the channels together should reach the total",
        ),
        "relation.not-checkable": gettext(
            locale,
            "Not checkable: {blank} of the {size} cells of this relation are blank or not "
            "applicable ({cells}); read blanks as zero to check it",
        ),
        "relation.not-printed": gettext(
            locale,
            "Not checkable: the table as printed has no row for {cells} (not printed, not blank)",
        ),
        # plausibility.py
        "cells.implausible-count": gettext(
            locale, "{cell} is {actual}, more than any unit could count (above {limit}): a typo?"
        ),
        # deadlines.py
        "deadline.late": gettext(
            locale, "{date_label} {date} is after the deadline {deadline} ({regulation})"
        ),
        "dates.before-period-end": gettext(
            locale, "{date_label} {date} is before the reporting period ends ({end})"
        ),
        # identity.py
        "unit.unnamed": gettext(
            locale, "The report names no reporting unit: the unit's name is empty"
        ),
        "period.not-stated": gettext(locale, "The report states no statistics period"),
        "period.no-dates": gettext(
            locale, "The statistics period is stated without its dates (start and end left blank)"
        ),
        "period.no-date": gettext(locale, "The statistics period is stated without its {which}"),
        "period.inverted": gettext(
            locale, "The statistics period starts on {start}, after it ends ({end})"
        ),
        "period.outside-year": gettext(
            locale, "The statistics period {start} to {end} is not within the report's year {year}"
        ),
        "period.partial-year": gettext(
            locale, "The statistics period {start} to {end} leaves part of the year {year} out"
        ),
        "edition.year": gettext(locale, "{edition} is for {years}, but this report is on {year}"),
        # completeness.py
        "completeness.section-missing": gettext(locale, "Required section “{heading}” is missing"),
        "completeness.no-narrative": gettext(locale, "The report has no narrative text"),
        "completeness.consolidated-no-narrative": gettext(
            locale,
            "The consolidated report has no narrative yet: prose is not added up from the "
            "parts; add the consolidating unit's own text (consolidate --narrative FILE)",
        ),
        "completeness.section-empty": gettext(locale, "Section “{heading}” has no content"),
        "completeness.fee-statement": gettext(
            locale,
            "Table 3 （六）2 counts {actual} applications dropped for unpaid fees, but section "
            "六 says nothing about information processing fees (信息处理费) or an amount charged",
        ),
        # continuity.py
        "continuity.carried-over": gettext(
            locale,
            "{cell} is {actual}, but last year's report carried {expected} forward ({previous})",
        ),
        "continuity.in-force": gettext(
            locale,
            "{cell} is {actual}, but last year's {previous} + issued {issued} − repealed "
            "{repealed} = {expected}",
        ),
        "continuity.cumulative": gettext(
            locale,
            "{cell} is {actual}, but last year's running total {previous} + this year's "
            "{this_year} = {expected}",
        ),
        "continuity.wrong-year": gettext(
            locale,
            "Continuity not checked: the previous report is for {previous_year}, "
            "not {expected} (the year before {year})",
        ),
        "continuity.other-unit": gettext(
            locale,
            "Continuity not checked: the previous report is by {previous_unit}, not {unit}",
        ),
        "continuity.other-edition": gettext(
            locale,
            "Continuity not checked: the previous report's tables ({previous_edition}) do not "
            "match this one's ({edition})",
        ),
        # narrative.py
        "narrative.mismatch": gettext(
            locale, "The text says {expected} (“{sentence}”), but {cell} gives {actual}"
        ),
        "narrative.mismatch-at-least": gettext(
            locale,
            "The text says {expected} (“{sentence}”), but {cell} gives at least {actual} "
            "(blank cells not counted)",
        ),
        # engine.py
        "rule.crashed": gettext(locale, "Rule {rule} could not run: {error}"),
    }


#: Every message id of the core's rules.
MESSAGE_IDS: frozenset[str] = frozenset(_templates("en")) | frozenset(PLURAL_PARAMS)


@cache
def _table(locale: str) -> dict[str, str]:
    return _templates(locale)


def template(locale: str, message_id: str, n: int | None = None) -> str:
    """The text of ``message_id`` in ``locale`` (an unknown id is its own text).

    ``n`` chooses the plural form of a message listed in :data:`PLURAL_PARAMS`.
    """
    if message_id in PLURAL_PARAMS:
        plural = _plural(locale, message_id, 1 if n is None else n)
        if plural is not None:
            return plural
    text = _table(locale).get(message_id)
    if text is not None:
        return text
    from ..plugin.manager import gettext as plugin_gettext

    return plugin_gettext(locale, message_id)
