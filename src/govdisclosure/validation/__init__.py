"""Validation: rules, findings and the engine that runs them.

``validate(report, rules=...)`` runs the given rules and returns a tuple of
:class:`Finding` (rule id, severity, JSON path, the cells involved,
expected and actual numbers, a message in any locale);
:func:`govdisclosure.validate` runs every installed rule.  The core's rules
live in the modules of this package and are registered, like any plugin's,
through the ``govdisclosure_rules`` hook by :mod:`govdisclosure.plugin.builtin`.
"""

from __future__ import annotations

from .engine import validate
from .findings import SEVERITIES, Finding, Label, Severity
from .rules import BlankPolicy, Context, Rule

__all__ = [
    "SEVERITIES",
    "BlankPolicy",
    "Context",
    "Finding",
    "Label",
    "Rule",
    "Severity",
    "validate",
]
