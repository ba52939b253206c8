"""Findings as SARIF 2.1.0, the interchange format of checkers.

Code-review and audit tools (GitHub code scanning, Azure DevOps, SARIF
viewers) read SARIF, so findings written this way show up where teams
already look.  One run of the tool ``govdisclosure``:

* ``tool.driver.rules``: every rule that produced a finding, with its
  title and description from the rule catalog and its default level;
* one ``result`` per finding: ``ruleId``, ``level`` (error, warning, note
  for a notice), the message in the chosen locale, the report file as the
  physical location and the finding's JSON path as a logical location,
  ``partialFingerprints`` with the finding's stable fingerprint, and the
  numbers and cells involved in ``properties``;
* an accepted finding carries a ``suppressions`` entry (kind
  ``external``, the reason as justification, who and when in its
  properties); a re-opened one is a plain result with
  ``properties.review = "reopened"``;
* each report's relation counts (checked, passed, failed, not checkable)
  are in the run's ``properties.reports``.

The tests validate the output against the official OASIS SARIF 2.1.0 JSON
schema.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from attrs import frozen

from .findings import Severity
from .outcomes import RelationCounts
from .review import Reviewed
from .rules import Rule

__all__ = ["SARIF_SCHEMA", "SARIF_VERSION", "FileResult", "sarif_log"]

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)

_LEVEL: dict[Severity, str] = {"error": "error", "warning": "warning", "notice": "note"}
_FINGERPRINT_KEY = "govdisclosureFinding/v1"


@frozen
class FileResult:
    """What validating one file gave: its findings as reviewed, and the
    relation counts (None for a file that could not be read)."""

    file: str
    reviewed: tuple[Reviewed, ...]
    counts: RelationCounts | None


def _uri(name: str) -> str:
    """A file name as a relative or absolute URI reference (percent-encoded)."""
    path = PurePath(name)
    text = path.as_posix()
    if path.is_absolute():
        return "file://" + quote(text)
    return quote(text)


def _number(value: int | Decimal | None) -> int | str | None:
    return str(value) if isinstance(value, Decimal) else value


def _descriptor(rule_id: str, rule: Rule | None, locale: str) -> dict[str, Any]:
    if rule is None:
        return {"id": rule_id}
    from ..plugin.manager import gettext as plugin_gettext  # a plugin rule's title too

    return {
        "id": rule.id,
        "shortDescription": {"text": plugin_gettext(locale, rule.title)},
        "fullDescription": {"text": rule.description},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {
            "basis": rule.basis,
            "source": rule.source,
            "editions": None if rule.editions is None else sorted(rule.editions),
        },
    }


def _result(file: str, reviewed: Reviewed, index: dict[str, int], locale: str) -> dict[str, Any]:
    f = reviewed.finding
    properties: dict[str, Any] = {
        "severity": f.severity,
        "path": f.path,
        "involves": list(f.involves),
        "expected": _number(f.expected),
        "actual": _number(f.actual),
        "review": reviewed.status,
    }
    out: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": index[f.rule],
        "level": _LEVEL[f.severity],
        "message": {"text": f.message(locale)},
        "locations": [
            {
                "physicalLocation": {"artifactLocation": {"uri": _uri(file)}},
                "logicalLocations": [{"fullyQualifiedName": f.path, "kind": "member"}],
            }
        ],
        "partialFingerprints": {_FINGERPRINT_KEY: f.fingerprint},
        "properties": properties,
    }
    accepted = reviewed.acceptance
    if reviewed.status == "accepted" and accepted is not None:
        out["suppressions"] = [
            {
                "kind": "external",
                "status": "accepted",
                "justification": accepted.reason,
                "properties": {"who": accepted.who, "date": accepted.date.isoformat()},
            }
        ]
    return out


def sarif_log(
    results: Sequence[FileResult],
    rules: Sequence[Rule],
    *,
    locale: str = "zh_Hans_CN",
    version: str = "0.0.0",
) -> dict[str, Any]:
    """One SARIF 2.1.0 log of every file's findings (a JSON-ready dict)."""
    known = {r.id: r for r in rules}
    used: list[str] = []
    for result in results:
        for reviewed in result.reviewed:
            if reviewed.finding.rule not in used:
                used.append(reviewed.finding.rule)
    index = {rule_id: i for i, rule_id in enumerate(used)}
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "govdisclosure",
                        "version": version,
                        "rules": [_descriptor(r, known.get(r), locale) for r in used],
                    }
                },
                "artifacts": [{"location": {"uri": _uri(r.file)}} for r in results],
                "results": [
                    _result(r.file, reviewed, index, locale)
                    for r in results
                    for reviewed in r.reviewed
                ],
                "properties": {
                    "reports": [
                        {
                            "file": r.file,
                            "readable": r.counts is not None,
                            "relations": None if r.counts is None else r.counts.to_dict(),
                        }
                        for r in results
                    ]
                },
            }
        ],
    }
