"""Accepted findings: a reviewer's decisions that survive re-runs.

A team reviewing hundreds of reports decides that some findings are
acceptable (a district that rightly counts applications its city passed
on; a narrative figure that covers only the office).  Those decisions are
kept in a file, one entry per finding:

* ``fingerprint``: the finding's :attr:`~.findings.Finding.fingerprint`
  (rule, path and values), as ``validate --format json`` prints it;
* ``reason``, ``who`` and ``date`` (``YYYY-MM-DD``): why, by whom, when;
* optionally ``rule`` and ``path``, so that an acceptance whose finding
  changed can be recognised: the finding is then **re-opened**.

The file is JSON (a list of entries, or ``{"accepted": [...]}``) or TOML
(``[[accepted]]`` tables).  A finding whose fingerprint is accepted is
listed as *accepted*; one at a path accepted for other values is listed as
*re-opened* (its numbers changed since the decision); any other is *open*.
Only open and re-opened errors fail a run.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Literal

import orjson
from attrs import frozen

from ..codec import check_utf8
from ..errors import LoadError, Problem, UnreadableFileError
from ..i18n import N_
from .findings import Finding

__all__ = ["Acceptance", "Reviewed", "Status", "load_acceptances", "review", "unused"]

Status = Literal["open", "accepted", "reopened"]

_FINGERPRINT = re.compile(r"^[0-9a-f]{64}$")


@frozen
class Acceptance:
    """One accepted finding: which one, why, by whom, when."""

    fingerprint: str
    reason: str
    who: str
    date: dt.date
    rule: str | None = None
    path: str | None = None

    def to_dict(self) -> dict[str, str]:
        out = {
            "fingerprint": self.fingerprint,
            "reason": self.reason,
            "who": self.who,
            "date": self.date.isoformat(),
        }
        if self.rule is not None:
            out["rule"] = self.rule
        if self.path is not None:
            out["path"] = self.path
        return out


@frozen
class Reviewed:
    """A finding with its review status (and the acceptance that decided it)."""

    finding: Finding
    status: Status
    acceptance: Acceptance | None = None


def _text(entry: dict[str, Any], key: str, where: str, problems: list[Problem]) -> str | None:
    value = entry.get(key)
    if isinstance(value, str) and value.strip():
        return value
    problems.append(Problem(f"{where}.{key}", "a non-empty text", repr(value)))
    return None


def _entry(entry: object, where: str, problems: list[Problem]) -> Acceptance | None:
    if not isinstance(entry, dict):
        problems.append(Problem(where, "an accepted finding (a table or object)", repr(entry)))
        return None
    before = len(problems)
    fingerprint = _text(entry, "fingerprint", where, problems)
    if fingerprint is not None and not _FINGERPRINT.match(fingerprint):
        problems.append(
            Problem(f"{where}.fingerprint", "a finding's fingerprint (64 hex digits)", fingerprint)
        )
    reason = _text(entry, "reason", where, problems)
    who = _text(entry, "who", where, problems)
    raw = entry.get("date")
    date: dt.date | None = None
    if isinstance(raw, dt.datetime):
        date = raw.date()
    elif isinstance(raw, dt.date):
        date = raw
    elif isinstance(raw, str):
        with contextlib.suppress(ValueError):
            date = dt.date.fromisoformat(raw)
    if date is None:
        problems.append(Problem(f"{where}.date", 'a date as "YYYY-MM-DD"', repr(raw)))
    optional: dict[str, str | None] = {}
    for key in ("rule", "path"):
        value = entry.get(key)
        if value is not None and not isinstance(value, str):
            problems.append(Problem(f"{where}.{key}", "a non-empty text", repr(value)))
        optional[key] = value if isinstance(value, str) else None
    if len(problems) > before:
        return None
    assert fingerprint is not None and reason is not None and who is not None and date
    return Acceptance(fingerprint, reason, who, date, optional["rule"], optional["path"])


#: Where the TOML parser stopped, as its message ends (Python 3.11–3.13).
_TOML_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
#: Characters of the text shown from where the parser stopped.
_EXCERPT = 20


def _syntax(text: str, exc: ValueError, *, toml: bool) -> Problem:
    """A file the parser refused, said in the user's language: what was
    expected, the line and column where the parser stopped and the text that
    stands there (the parser's own reason is English: it was shown as what
    was found, ``Expected ']]' at the end of an array declaration (at line 1,
    column 11)``, inside a Chinese sentence)."""
    expected = N_("well-formed TOML") if toml else N_("well-formed JSON")
    at: tuple[int, int] | None = None
    if isinstance(exc, orjson.JSONDecodeError):
        at = (exc.lineno, exc.colno)
    elif (match := _TOML_AT.search(str(exc))) is not None:
        at = (int(match[1]), int(match[2]))
    found = ""
    if at is not None:
        lines = text.splitlines()
        line = lines[at[0] - 1][at[1] - 1 :] if at[0] <= len(lines) else ""
        if line.strip():  # the end of a line or of the file shows nothing
            found = repr(line[:_EXCERPT]) + ("…" if len(line) > _EXCERPT else "")
    return Problem("$", expected, found, at=at)


def load_acceptances(path: str | Path) -> tuple[Acceptance, ...]:
    """The accepted findings of a JSON or TOML file.

    Raises :class:`~govdisclosure.errors.LoadError` naming the file and
    every entry's field that is missing or malformed.
    """
    name = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise UnreadableFileError(exc, name) from None
    # Text that is not UTF-8 is said as a report's is: the encoding it looks
    # like, or its first bad bytes where they stand.
    check_utf8(raw, name)
    text = raw.decode("utf-8")
    data: object
    try:
        if name.endswith(".toml"):
            import tomllib  # only a TOML list of acceptances needs the parser

            data = tomllib.loads(text)
        else:
            data = orjson.loads(raw)
    except ValueError as exc:
        raise LoadError([_syntax(text, exc, toml=name.endswith(".toml"))], name) from None
    where = "$"
    if isinstance(data, dict):
        # A key beside "accepted" (an entry written at the top of a TOML
        # file, without its [[accepted]] header) is refused, not ignored:
        # ignored, the findings it was meant to accept stayed open unsaid.
        unknown = [key for key in data if key != "accepted"]
        if unknown:
            raise LoadError(
                [Problem(f"$.{key}", "no such field (unknown key)", repr(key)) for key in unknown],
                name,
            )
        data, where = data.get("accepted", []), "$.accepted"
    if not isinstance(data, list):
        raise LoadError([Problem(where, "a list of accepted findings", repr(data))], name)
    problems: list[Problem] = []
    out = [_entry(entry, f"{where}[{i}]", problems) for i, entry in enumerate(data)]
    if problems:
        raise LoadError(problems, name)
    return tuple(a for a in out if a is not None)


def review(findings: Iterable[Finding], acceptances: Sequence[Acceptance]) -> list[Reviewed]:
    """Each finding with its status: accepted, re-opened or open."""
    by_fingerprint = {a.fingerprint: a for a in acceptances}
    by_place = {(a.rule, a.path): a for a in acceptances if a.rule and a.path}
    out = []
    for f in findings:
        accepted = by_fingerprint.get(f.fingerprint)
        if accepted is not None:
            out.append(Reviewed(f, "accepted", accepted))
            continue
        earlier = by_place.get((f.rule, f.path))
        out.append(Reviewed(f, "reopened", earlier) if earlier else Reviewed(f, "open"))
    return out


def unused(reviewed: Iterable[Reviewed], acceptances: Sequence[Acceptance]) -> list[Acceptance]:
    """Acceptances that matched no finding (fixed, or changed and re-opened)."""
    used = {r.finding.fingerprint for r in reviewed if r.status == "accepted"}
    return [a for a in acceptances if a.fingerprint not in used]
