"""Findings: what validation reports, as data.

A finding names the rule that produced it, how serious it is, the cell (or
text) it is about as a JSON path, every cell of the relation it checked,
the numbers it expected and found, and a message id with parameters.  The
text is rendered only when asked, in the locale asked for
(:meth:`Finding.message`), so the same findings can be shown in Chinese and
English, compared in tests, or written as JSON without parsing prose.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Literal, TypeAlias

from attrs import field, frozen

from ..naming import Label
from .messages import PLURAL_PARAMS, template

__all__ = ["SEVERITIES", "Finding", "Label", "Param", "Severity", "severity_rank"]

Severity = Literal["error", "warning", "notice"]

#: Severities from the most to the least serious.
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "notice")


#: :func:`severity_rank` of each severity.
_RANKS: dict[str, int] = {s: i for i, s in enumerate(SEVERITIES)}


def severity_rank(severity: Severity) -> int:
    """0 for an error, 1 for a warning, 2 for a notice (sort key)."""
    return SEVERITIES.index(severity)


#: A message parameter: shown as is (numbers, quoted text) or translated (a Label).
Param: TypeAlias = str | int | Decimal | None | Label
Number: TypeAlias = int | Decimal | None


def _params(value: Mapping[str, Param]) -> tuple[tuple[str, Param], ...]:
    """A mapping, or (at run time) the pairs a finding already holds, as
    ``attrs.evolve`` passes them: ``dict()`` takes both."""
    return tuple(dict(value).items())


def _paths(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@frozen(kw_only=True)
class Finding:
    """One thing validation found in a report.

    ``path`` is the JSON path (``$.table3.results.total.natural_person``) of
    the cell the finding points at: for an arithmetic relation its total,
    for a date the date, for text the paragraph or section.  ``involves``
    lists every cell of the relation, so a user (or a test) can see that a
    changed cell is covered.  ``actual`` is the number printed at ``path``
    and ``expected`` what the relation says it should be (the sum of the
    parts, last year's figure carried on, the number the text states), when
    there are numbers.

    ``message_id`` names a message of :mod:`.messages` (the core's rules) or
    is itself an English message id (a plugin's rule); ``params`` fill its
    ``{placeholders}``.
    """

    rule: str
    severity: Severity
    path: str
    involves: tuple[str, ...] = field(default=(), converter=_paths)
    expected: Number = None
    actual: Number = None
    message_id: str = ""
    params: tuple[tuple[str, Param], ...] = field(factory=dict, converter=_params)

    def message(self, locale: str = "zh_Hans_CN") -> str:
        """The message in ``locale`` with its parameters filled in."""
        values = {
            k: v.render(locale) if isinstance(v, Label) else ("" if v is None else str(v))
            for k, v in self.params
        }
        for key, value in (("expected", self.expected), ("actual", self.actual)):
            values.setdefault(key, "" if value is None else str(value))
        count = dict(self.params).get(PLURAL_PARAMS.get(self.message_id, ""))
        n = count if isinstance(count, int) else None
        return template(locale, self.message_id, n).format_map(_Missing(values))

    @property
    def fingerprint(self) -> str:
        """A stable identity of this finding: the same on every run and machine.

        The SHA-256 of a canonical JSON (sorted keys, no spaces, UTF-8) of
        the rule, the path, the two numbers and the message parameters
        (labels as their message ids, so the locale does not matter).  A
        changed value gives another fingerprint: an accepted finding whose
        numbers change is a new finding (see :mod:`.review`).
        """
        data = {
            "rule": self.rule,
            "path": self.path,
            "expected": _canonical(self.expected),
            "actual": _canonical(self.actual),
            "params": {k: _canonical(v) for k, v in self.params},
        }
        text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        import hashlib  # here: a run that prints no fingerprint loads no OpenSSL

        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def to_dict(self, locale: str = "zh_Hans_CN") -> dict[str, object]:
        """A JSON-ready dict: numbers stay numbers (a Decimal becomes a string)."""

        def num(value: Number) -> int | str | None:
            return str(value) if isinstance(value, Decimal) else value

        return {
            "rule": self.rule,
            "severity": self.severity,
            "path": self.path,
            "involves": list(self.involves),
            "expected": num(self.expected),
            "actual": num(self.actual),
            "message": self.message(locale),
            "fingerprint": self.fingerprint,
        }


def _canonical(value: Param) -> object:
    """A parameter as plain JSON data: a Decimal as its string, a Label as its ids."""
    if isinstance(value, Label):
        return {"label": [_canonical(p) for p in value.parts], "sep": value.sep}
    if isinstance(value, Decimal):
        return {"decimal": str(value)}
    return value


class _Missing(dict[str, str]):
    """Leave an unknown ``{placeholder}`` visible instead of raising."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def sort_key(order: Callable[[str], tuple[object, ...]]) -> Callable[[Finding], tuple[object, ...]]:
    """Sort findings by the position of their path, then rule, then severity.

    Ties keep the order the rules emitted them in (the sort is stable), which
    is itself deterministic.
    """

    rank = _RANKS

    def key(f: Finding) -> tuple[object, ...]:
        return (order(f.path), f.rule, rank[f.severity], f.involves, f.message_id)

    return key
