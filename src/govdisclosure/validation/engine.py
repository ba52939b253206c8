"""Run rules over a report and return its findings in a stable order.

The order is the report's own: findings about dates and text come where
those fields sit in the report, findings about cells in the order the
tables print their cells (the shape's cell order); then by rule id, then
by severity.  Two runs over the same report give the same tuple, so
findings can be compared, diffed and snapshot-tested.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from typing import Any, Final, NoReturn

import attrs
from attrs import frozen

from ..editions import Report
from ..flat import shape_of
from .findings import Finding, sort_key
from .outcomes import RelationCounts, RelationOutcome
from .rules import SCREENED, BlankPolicy, Context, Rule

__all__ = ["Validation", "check", "path_order", "validate", "validate_given"]

_TOKEN = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\['((?:[^'\\]|\\.)*)'\]")


def _tokens(path: str) -> tuple[tuple[int, int | str], ...]:
    """``$.sections[10].paragraphs[2]`` → comparable tokens (indexes as numbers)."""
    out: list[tuple[int, int | str]] = []
    for m in _TOKEN.finditer(path):
        name, index, key = m.groups()
        if index is not None:
            out.append((0, int(index)))
        else:
            out.append((1, name if name is not None else key))
    return tuple(out)


#: Paths whose sort key is kept per shape: every cell and the paragraphs of
#: ordinary reports, with a bound so that odd reports cannot grow it for ever.
_KNOWN_PATHS = 4096

_ORDERS: dict[tuple[Any, ...], Callable[[str], tuple[object, ...]]] = {}


def path_order(report: Report) -> Callable[[str], tuple[object, ...]]:
    """A sort key for JSON paths of ``report``: document order.

    Top-level fields in the order the report class declares them; cells in
    the shape's order; anything else by its path tokens.
    """
    shape = shape_of(report)
    order = _ORDERS.get(shape.key)
    if order is None:
        fields = {f.name: i for i, f in enumerate(attrs.fields(type(report)))}
        cells = {p: i for i, p in enumerate(shape.json_paths)}
        unknown = len(fields)

        known: dict[str, tuple[object, ...]] = {}

        def order(path: str) -> tuple[object, ...]:
            key = known.get(path)
            if key is None:
                tokens = _tokens(path)
                top = fields.get(str(tokens[0][1]), unknown) if tokens else -1
                key = (top, cells.get(path, -1), tokens)
                if len(known) < _KNOWN_PATHS:
                    known[path] = key
            return key

        _ORDERS[shape.key] = order
    return order


@frozen
class Validation:
    """A report's findings and the outcome of every relation checked."""

    findings: tuple[Finding, ...]
    outcomes: tuple[RelationOutcome, ...]

    @property
    def counts(self) -> RelationCounts:
        """Relations checked, passed, failed and not checkable."""
        return RelationCounts.of(self.outcomes)


def validate(
    report: Report,
    *,
    previous: Report | None = None,
    blank: BlankPolicy = "missing",
    rules: Iterable[Rule],
    locale: str = "zh_Hans_CN",
) -> tuple[Finding, ...]:
    """Check ``report`` against ``rules`` and return every finding, sorted.

    ``previous`` is last year's report of the same unit (enables the
    continuity rules).  ``blank`` is how blank and not-applicable cells are
    read: ``"missing"`` (relations over them become notices) or ``"zero"``.
    ``rules`` are the rules to run; :func:`govdisclosure.validate` supplies
    every installed one (the engine knows nothing of plugins).

    A rule that raises does not stop the others: its failure becomes an
    error finding ``rule.crashed`` on ``$``, naming the rule, so that a
    broken plugin is visible and the report is not passed unchecked.

    A rule whose :attr:`~.rules.Rule.screen` passes the report is not run:
    a report that passes the screens of all its rules (every relation
    holds, for the arithmetic rules) costs those screens and nothing else.
    The rules and screens that apply to each report class are worked out
    once per tuple of rules.
    """
    return validate_given(report, previous, blank, rules, locale)


def validate_given(
    report: Report,
    previous: Report | None,
    blank: BlankPolicy,
    rules: Iterable[Rule],
    locale: str,
) -> tuple[Finding, ...]:
    """:func:`validate` with every argument given by position.

    :func:`govdisclosure.validate` calls this: a call with keywords makes
    the interpreter match them by name, which for a report whose screen
    passes is a noticeable part of what is left besides the screen.
    """
    if blank != "missing" and blank != "zero":
        _bad_blank(blank)
    # The last plan, looked up here rather than in _plan: one call less for
    # every report of a run over one edition with one collection of rules.
    last = _last_plan
    plan = last[2] if last[0] is rules and last[1] is type(report) else _plan(report, rules)
    only = plan.only_screen
    if only is not None:
        # The usual collections (the arithmetic rules alone): one screen,
        # made for the report's class, and nothing else to decide.
        try:
            if only(report):
                return ()
        except Exception:  # noqa: BLE001 - a screen that raises does not pass
            pass
        left: Sequence[Rule] = plan.rules
    elif plan.shared_screens is not None:
        return _run_shared(report, plan, Context(previous=previous, blank=blank, locale=locale))
    else:
        left = plan.left(report)
        if not left:
            return ()
    context = Context(previous=previous, blank=blank, locale=locale)
    # A screened rule among these is here because its screen did not pass
    # the report: it need not try the same shortcut again.
    context.cache[SCREENED] = report
    return _run(report, context, left, True)


def check(
    report: Report,
    *,
    previous: Report | None = None,
    blank: BlankPolicy = "missing",
    rules: Iterable[Rule],
    locale: str = "zh_Hans_CN",
) -> Validation:
    """:func:`validate`, with the outcome of every relation as well.

    The findings are the same as :func:`validate`'s; ``outcomes`` lists,
    in the report's order, each relation the rules checked (the arithmetic
    of the tables, the numbers the text states) as passed, failed or not
    checkable, for summaries ("38 relations checked, 36 passed, 1 failed,
    1 not checkable").  :func:`govdisclosure.check.check` runs it with every
    installed rule.
    """
    outcomes: list[RelationOutcome] = []
    context = Context(previous=previous, blank=blank, locale=locale, outcomes=outcomes)
    findings = _run(report, context, rules)
    order = path_order(report)
    outcomes.sort(key=lambda o: (order(o.path), o.rule))
    return Validation(findings, tuple(outcomes))


@frozen(eq=False)
class _Plan:
    """The rules of one collection that apply to one edition, in their
    order, and the distinct screens among them (:attr:`.rules.Rule.screen`)."""

    rules: tuple[Rule, ...]
    screens: tuple[Callable[[Report], bool], ...]
    #: The rules left when every screen passes: those without one.
    unscreened: tuple[Rule, ...]
    #: ``left(report)``: the rules to run on ``report``, those whose screen
    #: does not pass it (see :meth:`of`).
    left: Callable[[Report], Sequence[Rule]]
    #: When every rule shares one screen: that screen, made for the plan's
    #: report class (:attr:`.rules.Rule.class_screen`) when its rules offer
    #: that.  :func:`validate` calls it itself: a report it passes has
    #: nothing to report, one it does not pass runs every rule of the plan.
    only_screen: Callable[[Report], bool] | None = None
    #: When some rules have no screen and a screen has a shared form
    #: (:attr:`.rules.Rule.shared_screen`): each screen with its shared form
    #: (None where it has none).  :func:`validate` then runs the rules
    #: without a screen first, and the screens after them, with the context
    #: those rules filled (:func:`_run_shared`).
    shared_screens: (
        tuple[tuple[Callable[[Report], bool], Callable[[Report, Context], bool] | None], ...] | None
    ) = None
    #: The rules with a screen, in their order.
    screened: tuple[Rule, ...] = ()

    @classmethod
    def of(cls, rules: Iterable[Rule], report: Report) -> _Plan:
        """The plan of ``rules`` for reports of ``report``'s class.

        A screen that raises does not pass: its rules run, and report what
        breaks as a finding.  The usual collections have one screen and no
        rule without one (the arithmetic rules alone), or none at all: those
        get a ``left`` without the general loop, which is most of what
        validating a report that passes costs besides the screen itself.
        """
        edition = report.edition
        applying = tuple(r for r in rules if r.editions is None or edition in r.editions)
        screens = tuple({r.screen: None for r in applying if r.screen is not None})
        unscreened = tuple(r for r in applying if r.screen is None)
        only: Callable[[Report], bool] | None = None
        if not screens:
            left: Callable[[Report], Sequence[Rule]] = lambda report: applying  # noqa: E731
        elif len(screens) == 1 and not unscreened:
            only = screens[0]
            made_for = next((r.class_screen for r in applying if r.class_screen is not None), None)
            if made_for is not None:
                only = made_for(type(report))
            left = partial(_left_one, only, applying)
        else:
            left = partial(_left, screens, applying, unscreened)
        shared: dict[Callable[[Report], bool], Callable[[Report, Context], bool]] = {}
        for r in applying:
            if r.screen is not None and r.shared_screen is not None:
                shared.setdefault(r.screen, r.shared_screen)
        if only is None and unscreened and shared:
            pairs = tuple((screen, shared.get(screen)) for screen in screens)
            screened = tuple(r for r in applying if r.screen is not None)
            return cls(applying, screens, unscreened, left, None, pairs, screened)
        return cls(applying, screens, unscreened, left, only)


def _left_one(
    screen: Callable[[Report], bool], rules: tuple[Rule, ...], report: Report
) -> Sequence[Rule]:
    """:attr:`_Plan.left` of rules that all share one screen."""
    try:
        if screen(report):
            return ()
    except Exception:  # noqa: BLE001 - a screen that raises does not pass
        pass
    return rules


def _left(
    screens: tuple[Callable[[Report], bool], ...],
    rules: tuple[Rule, ...],
    unscreened: tuple[Rule, ...],
    report: Report,
) -> Sequence[Rule]:
    """:attr:`_Plan.left` in general."""
    passed = []
    for screen in screens:
        try:
            if screen(report):
                passed.append(screen)
        except Exception:  # noqa: BLE001 - a screen that raises does not pass
            continue
    if len(passed) == len(screens):
        return unscreened  # every rule when there is no screen
    if not passed:
        return rules
    return [r for r in rules if r.screen not in passed]


#: Plans by (id of a tuple of rules, report class), with the tuple itself so
#: that an id reused by another tuple is never mistaken for it.  Callers pass
#: the same tuple for every report (``plugin.manager.rules()`` returns one
#: while the plugins stay the same); any other collection is planned per call.
_PLANS: dict[tuple[int, type], tuple[tuple[Rule, ...], _Plan]] = {}
_PLANS_KEPT: Final = 64


#: The last plan used, with its tuple of rules and report class: validating
#: many reports of one edition with one collection finds it here, without
#: building and hashing a key.
_last_plan: tuple[object, type, _Plan] = ((), object, _Plan((), (), (), lambda report: ()))


def _plan(report: Report, rules: Iterable[Rule]) -> _Plan:
    global _last_plan
    last = _last_plan
    if last[0] is rules and last[1] is type(report):
        return last[2]
    if type(rules) is not tuple:
        return _Plan.of(rules, report)
    plan = _kept_plan(report, rules)
    _last_plan = (rules, type(report), plan)
    return plan


def _kept_plan(report: Report, rules: tuple[Rule, ...]) -> _Plan:
    key = (id(rules), type(report))
    known = _PLANS.get(key)
    if known is not None and known[0] is rules:
        return known[1]
    plan = _Plan.of(rules, report)
    if len(_PLANS) >= _PLANS_KEPT:
        _PLANS.clear()
    _PLANS[key] = (rules, plan)
    return plan


def _bad_blank(blank: object) -> NoReturn:
    raise ValueError(f"blank must be 'zero' or 'missing', not {blank!r}")


def _run_shared(report: Report, plan: _Plan, context: Context) -> tuple[Finding, ...]:
    """:func:`validate` of a plan with shared screens (:attr:`_Plan.shared_screens`):
    the rules without a screen first, then each screen, in its shared form
    where it has one, given the context those rules filled (the flat tuple
    of cells, which the arithmetic screen then compares instead of reading
    the report's cells again), then the rules whose screen did not pass.
    The findings are sorted, so the order the rules run in changes nothing."""
    assert plan.shared_screens is not None
    out: list[Finding] = []
    _collect(report, context, plan.unscreened, out)
    passed = []
    for screen, shared in plan.shared_screens:
        try:
            if shared(report, context) if shared is not None else screen(report):
                passed.append(screen)
        except Exception:  # noqa: BLE001 - a screen that raises does not pass
            continue
    if len(passed) < len(plan.shared_screens):
        # A screened rule among these is here because its screen did not
        # pass the report: it need not try the same shortcut again.
        context.cache[SCREENED] = report
        left = plan.screened if not passed else [r for r in plan.screened if r.screen not in passed]
        _collect(report, context, left, out)
    if len(out) > 1:
        out.sort(key=sort_key(path_order(report)))
    return tuple(out)


def _run(
    report: Report, context: Context, rules: Iterable[Rule], planned: bool = False
) -> tuple[Finding, ...]:
    """Every finding of ``rules`` that apply to ``report``'s edition, sorted;
    ``planned``: the rules are a plan's, which holds only those."""
    if context.blank != "missing" and context.blank != "zero":
        _bad_blank(context.blank)
    out: list[Finding] = []
    if planned:
        _collect(report, context, rules, out)
    else:
        edition = report.edition
        _collect(
            report,
            context,
            (r for r in rules if r.editions is None or edition in r.editions),
            out,
        )
    if len(out) > 1:
        out.sort(key=sort_key(path_order(report)))
    return tuple(out)


def _collect(report: Report, context: Context, rules: Iterable[Rule], out: list[Finding]) -> None:
    """The findings of ``rules`` on ``report``, appended to ``out``; a rule
    that raises gives a ``rule.crashed`` finding instead."""
    for rule in rules:
        try:
            out.extend(rule.check(report, context))
        except Exception as exc:  # noqa: BLE001 - reported as a finding, others go on
            out.append(
                Finding(
                    rule=rule.id,
                    severity="error",
                    path="$",
                    message_id="rule.crashed",
                    params={"rule": rule.id, "error": f"{type(exc).__name__}: {exc}"},
                )
            )
