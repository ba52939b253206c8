"""Validation and consolidation over a :class:`dask.bag.Bag` of files.

When one machine is not enough, the same code runs on an existing
distributed engine instead of a home-made one: Dask's local scheduler on a
laptop, ``dask.distributed`` on a cluster, without a change here.  Dask is
the optional extra ``govdisclosure[dask]``.

* :func:`validate_bag` maps each file to its findings (every installed
  rule): a bag of :class:`FileFindings`, computed in parallel.
* :func:`consolidate_bag` adds the files up with the consolidation monoid
  as a tree reduction (:meth:`dask.bag.Bag.reduction`): each partition is
  consolidated where it lies, partial sums are combined ``split_every`` at
  a time, and the result is :func:`~govdisclosure.aggregate.consolidate`'s
  for the same files in the same order — the same numbers and the same
  parts (each input without its text).  The partial results keep the
  inputs' units and the file each came from, so a unit given twice is
  refused, naming both files, even when its two reports lie in different
  partitions.

See ``docs/dask.md``.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any, cast

import attrs
from attrs import frozen

from .aggregate import consolidate, leaves, strip_narrative
from .aggregate.consolidate import duplicate_error
from .aggregate.tree import UnitKey, unit_key
from .editions import Report
from .inputs import load
from .report_base import ReportingUnit, Section, UnitKind

if TYPE_CHECKING:
    from dask.bag import Bag
else:
    Bag = Any  # dask is optional: the annotations must not import it

__all__ = ["FileFindings", "consolidate_bag", "read_bag", "validate_bag"]

#: The unit of a partial sum (never a real unit's name; replaced at the end).
_PARTIAL = ReportingUnit(name="\0partial")


@frozen
class FileFindings:
    """One file's findings, as JSON-ready dicts (``Finding.to_dict``)."""

    file: str
    unit: str
    year: int
    edition: str
    findings: tuple[dict[str, object], ...]


def read_bag(files: Sequence[str], npartitions: int | None = None) -> Bag:
    """A bag of file names (as strings), in ``npartitions`` partitions."""
    try:
        db: Any = importlib.import_module("dask.bag")
    except ImportError:
        raise ImportError(
            "reading a bag of files needs dask: pip install 'govdisclosure[dask]'"
        ) from None

    names = [str(f) for f in files]
    return cast(Bag, db.from_sequence(names, npartitions=npartitions or min(len(names), 100) or 1))


def _findings(name: str, locale: str) -> FileFindings:
    from .check import validate

    report = load(name)
    found = validate(report, locale=locale)
    return FileFindings(
        name,
        report.unit.name,
        report.year,
        report.edition,
        tuple(f.to_dict(locale) for f in found),
    )


def validate_bag(files: Bag, locale: str = "zh_Hans_CN") -> Bag:
    """Each file of ``files`` (a bag of names) to its :class:`FileFindings`."""
    bag: Any = files
    return cast(Bag, bag.map(_findings, locale))


@frozen
class _Partial:
    """A partial sum and, for each unit it holds, the file that unit came
    from: a unit counted twice is then named with both files, which a
    user can find among thousands (the reports' own unit names, all that
    the sum itself remembers, may be the same in every copy)."""

    report: Report
    files: dict[UnitKey, str]


def _check_files(
    units: Iterable[tuple[UnitKey, str]], into: dict[UnitKey, str]
) -> dict[UnitKey, str]:
    """Add each unit's file to ``into``; raise ``duplicate-unit`` naming the
    files of every unit met twice."""
    twice: dict[UnitKey, list[str]] = {}
    for key, file in units:
        first = into.get(key)
        if first is None:
            into[key] = file
        else:
            twice.setdefault(key, [first]).append(file)
    if twice:
        raise duplicate_error(twice)
    return into


def _leaf_keys(report: Report) -> Iterable[UnitKey]:
    return (unit_key(leaf.unit) for leaf in leaves(report))


def _partition(names: Iterable[str], fold: bool) -> _Partial | None:
    read = [(name, strip_narrative(load(name))) for name in names]
    if not read:
        return None
    files = _check_files(((key, name) for name, r in read for key in _leaf_keys(r)), {})
    report = consolidate([r for _, r in read], _PARTIAL, fold_other_handling=fold)
    return _Partial(report, files)


def _combine(partials: Iterable[_Partial | None], fold: bool) -> _Partial | None:
    found = [p for p in partials if p is not None]
    if not found:
        return None
    if len(found) == 1:
        return found[0]
    files = _check_files(
        ((k, f) for p in found[1:] for k, f in p.files.items()), dict(found[0].files)
    )
    report = consolidate([p.report for p in found], _PARTIAL, fold_other_handling=fold)
    return _Partial(report, files)


def consolidate_bag(
    files: Bag,
    unit: ReportingUnit | str,
    *,
    kind: UnitKind | str | None = None,
    narrative: Report | Sequence[Section] | None = None,
    fold_other_handling: bool = False,
    keep_parts: bool = True,
    split_every: int | None = None,
    **compute: Any,
) -> Report:
    """:func:`~govdisclosure.aggregate.consolidate` of the files of ``files`` (a bag
    of names), as a tree reduction; ``compute`` goes to ``dask.compute``
    (``scheduler="processes"``, …).

    Raises :class:`~govdisclosure.aggregate.ConsolidationError` as
    ``consolidate`` does, and :class:`~govdisclosure.errors.LoadError` for a
    file that cannot be read.
    """
    bag: Any = files
    reduced = bag.reduction(
        partial(_partition, fold=fold_other_handling),
        partial(_combine, fold=fold_other_handling),
        split_every=split_every,
    )
    reduced_total = cast("_Partial | None", reduced.compute(**compute))
    if reduced_total is None:
        return consolidate([], unit, kind=kind, narrative=narrative)
    total = reduced_total.report
    # The tree's leaves are the inputs, in order; the one-input consolidation
    # gives the consolidating unit's identity, exactly as over the inputs.
    result: Any = consolidate([total], unit, kind=kind, narrative=narrative)
    parts = tuple(leaves(total)) if keep_parts else ()
    return cast(Report, attrs.evolve(result, parts=parts))
