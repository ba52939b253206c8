"""The relations left out of the fast check, kept between processes: the
same set whether worked out or read back, for every shape."""

from __future__ import annotations

import marshal
from pathlib import Path

import pytest

from govdisclosure.editions import Report
from govdisclosure.flat import shape_of
from govdisclosure.relations import report_equations
from govdisclosure.validation import arithmetic
from govdisclosure.validation.arithmetic import sample_reports


def _relations(
    report: Report,
) -> tuple[tuple[str, ...], tuple[tuple[int, ...], ...], tuple[tuple[int, ...], ...]]:
    index = shape_of(report).index()
    equations = report_equations(report)
    return (
        tuple(eq.kind for eq in equations),
        tuple(tuple(index[p] for p in eq.total) for eq in equations),
        tuple(tuple(index[p] for p in eq.parts) for eq in equations),
    )


def test_every_shape_reads_back_what_the_elimination_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("GOVDISCLOSURE_NO_CACHE", raising=False)
    shapes = {_relations(report) for report in sample_reports()}
    worked_out = {shape: arithmetic._implied(*shape) for shape in shapes}
    assert any(worked_out.values())  # the overlapping relations of table 3
    for shape in shapes:
        assert arithmetic._kept_implied(*shape) == worked_out[shape]

    # Read back (each call reads the cache, as a new process would).
    for shape in shapes:
        assert arithmetic._kept_implied(*shape) == worked_out[shape]
    # ... from the cache, one file per set of relations:
    kept = list((tmp_path / "govdisclosure" / "implied").iterdir())
    assert len(kept) == len(shapes)
    for place in kept:
        place.write_bytes(marshal.dumps(()))
    assert all(arithmetic._kept_implied(*shape) == frozenset() for shape in shapes)
