"""Each report's year before among a batch's own files (``validate --pair-years``).

A researcher or a provincial office validating a corpus (every unit, every
year) has each unit's consecutive years among the files, and the
continuity rules (:mod:`govdisclosure.validation.continuity`: 上年结转 against
last year's 结转下年度, the documents in force, running totals) need each
report's year before.  :func:`pair_years` finds it with the rules' own
notion of one unit (:func:`~govdisclosure.validation.continuity.same_unit`):
the same region code when both reports have one, else the same name,
spaces aside.  A report with two candidates (two files of one unit and
year) is not paired, and said to be ambiguous: which of the two was last
year's report is for the user to say, never guessed.

Only the unit and year of each file are kept (:class:`Identity`, read by
:func:`identity`: a JSON file's three fields without building the report),
so the pairing costs one parse of each file and a few dozen bytes a file.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

import orjson
from attrs import frozen

if TYPE_CHECKING:
    from ..editions import Report

__all__ = ["Identity", "Pairing", "identities", "identity", "pair_years"]


@frozen
class Identity:
    """Who a file reports for and for what year: what pairing needs."""

    #: The unit's name, spaces taken out (as the continuity rules compare it).
    name: str
    region_code: str | None
    year: int

    @classmethod
    def of(cls, report: Report) -> Identity:
        """A report's identity (reports already in memory, paired by the caller)."""
        unit = report.unit
        return cls("".join(unit.name.split()), unit.region_code or None, report.year)


@frozen
class Pairing:
    """The year before of each file that has one (positions in the list
    given to :func:`pair_years`), and the files with more than one candidate."""

    previous: dict[int, int]
    ambiguous: dict[int, tuple[int, ...]]


def _identity_of(unit: object, year: object) -> Identity | None:
    if not isinstance(unit, dict) or type(year) is not int:
        return None
    name, code = unit.get("name"), unit.get("region_code")
    if not isinstance(name, str) or not (code is None or isinstance(code, str)):
        return None
    return Identity("".join(name.split()), code or None, year)


def identity(path: str) -> Identity | None:
    """``path``'s unit and year, or ``None`` when it cannot be read as a
    report (the check of the file itself then says why).

    A ``.json`` file is parsed without building the report (its unit and year
    as written: a report that does not load is not paired, and is reported by
    the check); any other file is read by its loader plugin.
    """
    if path.lower().endswith(".json"):
        try:
            with open(path, "rb") as handle:
                data = orjson.loads(handle.read())
        except (OSError, orjson.JSONDecodeError):
            return None
        if not isinstance(data, dict):
            return None
        return _identity_of(data.get("unit"), data.get("year"))
    from ..errors import LoadError
    from ..inputs import load

    try:
        report = load(path)
    except LoadError:
        return None
    except Exception:  # noqa: BLE001 - a loader's failure is the check's to report
        return None
    return Identity.of(report)


def identities(paths: list[str]) -> list[Identity | None]:
    """:func:`identity` of each path (a chunk of a batch, in a worker)."""
    return [identity(path) for path in paths]


def pair_years(found: Sequence[Identity | None]) -> Pairing:
    """Each identity's year before among ``found``, by position.

    ``j`` is ``i``'s year before when its year is one less and it is the same
    unit: the same region code when both have one, else the same name.
    """
    by_code: dict[tuple[str, int], list[int]] = defaultdict(list)
    by_name: dict[tuple[str, int], list[int]] = defaultdict(list)
    for j, ident in enumerate(found):
        if ident is not None:
            if ident.region_code is not None:
                by_code[ident.region_code, ident.year].append(j)
            by_name[ident.name, ident.year].append(j)
    previous: dict[int, int] = {}
    ambiguous: dict[int, tuple[int, ...]] = {}
    for i, ident in enumerate(found):
        if ident is None:
            continue
        year = ident.year - 1
        candidates = set(by_code.get((ident.region_code, year), ())) if ident.region_code else set()
        for j in by_name.get((ident.name, year), ()):
            other = found[j]
            if other is not None and (ident.region_code is None or other.region_code is None):
                candidates.add(j)
        if len(candidates) == 1:
            previous[i] = candidates.pop()
        elif candidates:
            ambiguous[i] = tuple(sorted(candidates))
    return Pairing(previous, ambiguous)


def chain_order(found: Sequence[Identity | None], pairing: Pairing) -> list[int]:
    """The positions of ``found`` unit by unit, each unit's years in order.

    A unit's files stand where its earliest file stood, then its later years
    follow: each file comes after its year before (right after it, unless
    two files share one), so a command reading them in this order has the
    year before at hand.  Files not paired keep their own order.
    """

    def first_of(i: int) -> int:
        while i in pairing.previous:  # years fall at each step: no cycle
            i = pairing.previous[i]
        return i

    def year(i: int) -> int:
        ident = found[i]
        return ident.year if ident is not None else 0

    return sorted(range(len(found)), key=lambda i: (first_of(i), year(i), i))
