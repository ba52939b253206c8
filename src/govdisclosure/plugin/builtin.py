"""The core's rules, registered like any plugin's.

The plugin manager registers this module first (see
:data:`govdisclosure.plugin.manager.BUILTIN_PLUGINS`), so the core's rules
come through the same ``govdisclosure_rules`` hook as a province's own
checks, and a plugin cannot silently replace a core rule id.
"""

from __future__ import annotations

from functools import cache

from ..editions import EDITIONS
from ..validation.arithmetic import arithmetic_rules
from ..validation.completeness import completeness_rules
from ..validation.continuity import continuity_rules
from ..validation.deadlines import deadline_rules
from ..validation.identity import identity_rules
from ..validation.narrative_rules import narrative_rules
from ..validation.plausibility import plausibility_rules
from ..validation.rules import Rule
from .specs import hookimpl

__all__ = ["core_rules", "govdisclosure_rules"]


def core_rules() -> tuple[Rule, ...]:
    """Every core rule, in catalog order: tables, dates, period and edition,
    completeness, cross-year, text.

    The arithmetic rules say which editions they apply to from the known
    editions' tables, so the rules are made once per set of known editions
    (an edition added by a plugin gets them too).
    """
    return _core_rules(tuple(EDITIONS))


@cache
def _core_rules(editions: tuple[str, ...]) -> tuple[Rule, ...]:
    return (
        *arithmetic_rules(),
        *plausibility_rules(),
        *deadline_rules(),
        *identity_rules(),
        *completeness_rules(),
        *continuity_rules(),
        *narrative_rules(),
    )


@hookimpl
def govdisclosure_rules() -> list[Rule]:
    return list(core_rules())
