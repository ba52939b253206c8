"""The mirror writer that ``dump_counts.py`` counts writes ``dumps_bytes``' bytes.

Its figures are those of a writer of the same bytes only if it is one: on
generated reports of every edition (any text, every kind of cell, parts,
printed labels, the legacy template's classes) its output is compared with
the codec's, byte for byte, and read back to the same report; it refuses
the cells the codec refuses (it runs the codec's own checks); and what it
hands orjson is made of the mirror dataclasses, not dicts (else it would be
the codec's writer again).
"""

from __future__ import annotations

import dataclasses

import orjson
import pytest
from hypothesis import given, settings
from test_bench import _module

import govdisclosure as gd
from govdisclosure import codec
from govdisclosure.testing.strategies import any_reports
from locations import ROOT

_mirrors = _module("dump_mirror_writer")


@pytest.mark.parametrize("edition", ["2021", "2019", "legacy"])
def test_the_mirror_writer_writes_the_codecs_bytes(edition: str) -> None:
    @settings(max_examples=60, deadline=None)
    @given(any_reports(edition))
    def check(report: gd.Report) -> None:
        written = _mirrors.dumps_bytes(report)
        assert written == codec.dumps_bytes(report)
        assert codec.loads(written) == report

    check()


def test_the_examples_are_written_as_published() -> None:
    for path in sorted((ROOT / "examples").glob("**/*.json")):
        assert _mirrors.dumps_bytes(gd.load(path)) == path.read_bytes(), path


def test_orjson_is_given_mirror_objects_not_dicts() -> None:
    report = gd.load(ROOT / "examples" / "huaian-2024.json")
    assert isinstance(report, gd.Report2021)
    written = _mirrors._unstructure(report)
    assert dataclasses.is_dataclass(written) and not isinstance(written, dict)
    assert list(vars(written))[:2] == ["edition", "unit"]
    assert dataclasses.is_dataclass(vars(vars(written)["table3"])["new_applications"])


@pytest.mark.parametrize("value", [1.0, "/", True, 2**64])
def test_it_refuses_what_dumps_bytes_refuses(value: object) -> None:
    report = gd.load(ROOT / "examples" / "huaian-2024.json")
    assert isinstance(report, gd.Report2021)
    object.__setattr__(report.table3.results.disclosed, "total", value)
    errors = (TypeError, orjson.JSONEncodeError)
    with pytest.raises(errors):
        codec.dumps_bytes(report)
    with pytest.raises(errors):
        _mirrors.dumps_bytes(report)
