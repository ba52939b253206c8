"""The text-versus-table rules: each prose check of :mod:`.narrative`
(what a sentence states and which table figure it is compared with),
evaluated by :mod:`.narrative_compiled` (the same findings as the plain
evaluation, compiled per report shape).

Kept apart from both so that the checks' definitions do not import their
compiled evaluation, which reads them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..editions import Report
from ..i18n import N_
from .findings import Finding
from .narrative import CHECKS
from .narrative_compiled import compiled_check
from .rules import Context, Rule

__all__ = ["narrative_rules"]


def _for(rule: str) -> Callable[[Report, Context], Iterable[Finding]]:
    return compiled_check(tuple(c for c in CHECKS if c.rule == rule))


_WHY = (
    "  A warning: the text is matched by patterns (see narrative.py), and either the text "
    "or the table may be the wrong one."
)


def narrative_rules() -> tuple[Rule, ...]:
    source = "Practice: text-versus-table checks (formats.md §4.1 X.3)"

    def editions(rule: str) -> frozenset[str]:
        return frozenset(e for c in CHECKS if c.rule == rule for e in c.editions)

    specs = (
        (
            "narrative.applications",
            N_("Applications stated in the text ≠ table"),
            "A sentence such as “共受理政府信息公开申请N件” or “共受理N件政府信息公开申请” "
            "(收到/受理/接到/接收 …, the count before or after the noun, with any of the measure "
            "words 件, 份, 条, 起, 宗, 次, 个) against table 3 一、本年新收 总计, or the legacy "
            "table's 收到申请数.",
        ),
        (
            "narrative.reconsideration",
            N_("Reconsiderations stated in the text ≠ table"),
            "“行政复议N件” or “收到N份…行政复议申请” against table 4 行政复议 总计, or the legacy "
            "table's 行政复议数.",
        ),
        (
            "narrative.litigation",
            N_("Lawsuits stated in the text ≠ table"),
            "“行政诉讼N件” against table 4 未经复议直接起诉 总计 + 复议后起诉 总计 (the format "
            "has no litigation total column), or the legacy table's 行政诉讼数.",
        ),
        (
            "narrative.proactive",
            N_("Information published stated in the text ≠ table"),
            "“主动公开政府信息N条” against the legacy table's 主动公开政府信息数; sentences "
            "about part of the unit (县直各单位, 各乡镇 …) are not the total and are skipped.",
        ),
        (
            "narrative.results",
            N_("Handling results stated in the text ≠ table"),
            "“予以公开及部分公开N件”, “不予公开N件”, “无法提供N件”, “不予处理N件”, "
            "“其他处理N件” against the sum of the matching result rows of table 3.",
        ),
    )
    return tuple(
        Rule(
            id=rule,
            severity="warning",
            title=title,
            description=description + _WHY,
            source=source,
            basis="practitioner",
            editions=editions(rule),
            check=_for(rule),
        )
        for rule, title, description in specs
    )
