"""``gd.validate``: a report checked against every installed rule.

The engine (:func:`govdisclosure.validation.engine.validate`) runs the rules
it is given and knows nothing of plugins; this is where the installed ones
— the core's, registered through the built-in plugin, and every plugin's —
are supplied.  Keeping the two apart keeps validation below the plugin
layer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .editions import Report
from .validation import BlankPolicy, Finding, Rule
from .validation.engine import Validation
from .validation.engine import check as run_check
from .validation.engine import validate_given as run

__all__ = ["check", "validate"]


def _installed() -> tuple[Rule, ...]:
    """The installed rules (:func:`govdisclosure.plugin.manager.rules`).

    The plugin manager is imported on first use, not with this module (a
    one-file run imports what it needs), and then kept here: an import
    statement run for every report validated cost about 0.9 µs a call.
    """
    global _rules_of_plugins
    if _rules_of_plugins is None:
        from .plugin.manager import rules

        _rules_of_plugins = rules
    return _rules_of_plugins()


_rules_of_plugins: Callable[[], tuple[Rule, ...]] | None = None


def validate(
    report: Report,
    *,
    previous: Report | None = None,
    blank: BlankPolicy = "missing",
    rules: Iterable[Rule] | None = None,
    locale: str = "zh_Hans_CN",
) -> tuple[Finding, ...]:
    """Check ``report`` and return every finding, sorted.

    ``previous`` is last year's report of the same unit (enables the
    continuity rules).  ``blank`` is how blank and not-applicable cells are
    read: ``"missing"`` (relations over them become notices) or ``"zero"``.
    ``rules`` defaults to every rule the core and the installed plugins
    provide (:func:`govdisclosure.plugin.manager.rules`).  ``locale`` is
    the language the messages will be shown in, for the rules that match
    the report's text in it; the findings themselves are data, each shown
    in any locale by ``finding.message(locale)`` (``"zh_Hans_CN"`` by
    default, or ``"en"``).

    A rule that raises does not stop the others: its failure becomes an
    error finding ``rule.crashed`` on ``$``, naming the rule, so that a
    broken plugin is visible and the report is not passed unchecked.
    """
    if rules is None:
        rules = _installed()
    return run(report, previous, blank, rules, locale)


def check(
    report: Report,
    *,
    previous: Report | None = None,
    blank: BlankPolicy = "missing",
    rules: Iterable[Rule] | None = None,
    locale: str = "zh_Hans_CN",
) -> Validation:
    """:func:`validate`, with the outcome of every relation as well
    (passed, failed, not checkable), for summaries; see
    :func:`govdisclosure.validation.engine.check`."""
    if rules is None:
        rules = _installed()
    return run_check(report, previous=previous, blank=blank, rules=rules, locale=locale)
