"""What a validation rule is, and what it is given.

A :class:`Rule` is data plus one function: its stable id, the severity of
what it finds, a title (a message id), a description of what it checks and
why, the source of the requirement (the official text, or practice), the
editions it applies to, and ``check(report, context)``.  The core's rules
and plugins' rules are the same kind of object, registered through the same
hook (:func:`govdisclosure.plugin.specs.govdisclosure_rules`), and the rule
catalog (docs/rules.md) is generated from these fields.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Final, Literal

from attrs import define, field, frozen

from ..editions import Report
from ..relations import Basis
from .findings import Finding, Severity
from .outcomes import RelationOutcome

__all__ = ["SCREENED", "BlankPolicy", "Context", "Rule"]

BlankPolicy = Literal["zero", "missing"]

#: The key of :attr:`Context.cache` under which :func:`~.engine.validate`
#: puts the report when it ran the screens first: a screened rule it then
#: calls knows that its screen did not pass that report.
SCREENED: Final = "screened"


def _editions(value: Iterable[str] | None) -> frozenset[str] | None:
    return None if value is None else frozenset(value)


@define(kw_only=True)
class Context:
    """What a rule may know besides the report itself (read it, do not change it).

    ``previous`` is last year's report of the same unit, for the
    cross-year rules; ``blank`` says how to read a blank (or not applicable)
    cell: ``"missing"`` (the default) makes a relation over such a cell a
    notice that it could not be checked, ``"zero"`` reads it as 0 (some
    offices leave zeros blank, as 上海 2019 does).  ``locale`` is the
    language the caller will show messages in, for rules that must match
    text in it.
    """

    previous: Report | None = None
    blank: BlankPolicy = "missing"
    locale: str = "zh_Hans_CN"
    #: Per-validation scratch space, so that rules sharing work (the
    #: arithmetic rules share one run over the report) do it once.  Not
    #: frozen: a context is made for every report validated, and a frozen
    #: class costs twice as much to build (it shows when validating 100,000
    #: reports).
    cache: dict[str, Any] = field(factory=dict, eq=False, repr=False)
    #: When a list, rules that check relations append the outcome of each
    #: (:class:`~.outcomes.RelationOutcome`); None (the default) when the
    #: caller only wants the findings, so that nothing is spent on it.
    outcomes: list[RelationOutcome] | None = field(default=None, eq=False, repr=False)


@frozen(kw_only=True)
class Rule:
    """A validation rule.

    ``severity`` is the severity of a failed check.  A rule may also report
    findings of lower severity (every arithmetic rule reports a relation it
    could not check, because of blank cells, as a notice).  ``basis`` says
    where the requirement comes from, as in formats.md §4: ``official``
    (printed in the format or the regulation), ``structural`` (follows from
    the table's definitions), ``practitioner`` (practice, not printed) or
    ``heuristic`` (can fail legitimately).  ``editions`` lists the editions
    it applies to, and the engine does not call it for others; ``None`` (the
    default) means every edition, including those plugins add.
    """

    id: str
    severity: Severity
    #: A short title; a message id of the catalogs.
    title: str
    #: What the rule checks and why (English, for the rule catalog).
    description: str
    #: Where the requirement is written down, or the practice it comes from.
    source: str
    basis: Basis
    editions: frozenset[str] | None = field(default=None, converter=_editions)
    check: Callable[[Report, Context], Iterable[Finding]] = field(eq=False, repr=False)
    #: A quick test that ``check`` has nothing to report: when
    #: ``screen(report)`` is true, ``check(report, context)`` would return no
    #: finding whatever the context, and :func:`~.engine.validate` does not
    #: call it.  Rules that share work share one screen, run once per report
    #: (the arithmetic rules: every relation holds over numbers).  A screen
    #: that raises counts as false.  ``None`` (the default): always checked.
    #: :func:`~.engine.check` calls every rule, for the outcomes it records.
    screen: Callable[[Report], bool] | None = field(default=None, eq=False, repr=False)
    #: ``class_screen(cls)``: :attr:`screen` made for reports of class
    #: ``cls`` alone, the same test without what ``screen`` works out per
    #: report from its class (the arithmetic screen finds the report's
    #: layout and its compiled equations).  :func:`~.engine.validate` asks
    #: for it once per report class and collection of rules and calls it in
    #: place of ``screen``; it must answer as ``screen`` does (asked again
    #: when the rules are not passed as a tuple, so it should keep what it
    #: makes).  Ignored without a ``screen``; ``None`` (the default):
    #: ``screen`` is called.
    class_screen: Callable[[type], Callable[[Report], bool]] | None = field(
        default=None, eq=False, repr=False
    )
    #: ``shared_screen(report, context)``: :attr:`screen` given the
    #: validation's context, so that it can read what the other rules have
    #: left there instead of reading the report again (the arithmetic
    #: rules' screen compares the flat tuple of cells that the rules without
    #: a screen built, rather than the report's objects).  It must answer as
    #: ``screen`` does.  :func:`~.engine.validate` runs the rules without a
    #: screen first when it has such a screen to call, and calls it in place
    #: of ``screen``; ignored without a ``screen``; ``None`` (the default):
    #: ``screen`` is called.
    shared_screen: Callable[[Report, Context], bool] | None = field(
        default=None, eq=False, repr=False
    )

    def applies_to(self, report: Report) -> bool:
        return self.editions is None or report.edition in self.editions
