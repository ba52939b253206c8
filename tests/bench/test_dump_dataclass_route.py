"""The dataclass route that ``dump_dataclass_route.py`` times writes ``dumps_bytes``' bytes.

The bench checks it on its own corpus before timing it; this checks it on
generated reports of every edition (any text, every kind of cell, parts,
printed labels, the legacy template's classes), for the model's slotted
classes and for the instance-dict mirrors, so the figures are those of a
writer of the same bytes.  It also pins down the two facts the bench's
docstring gives as reasons: the classes stop being dataclasses on leaving
:func:`as_dataclasses`, and the route writes a ``bool`` in a count cell
that ``dumps_bytes`` refuses (why a kept version would need the checks);
and that the bench's cell checker, with the route, refuses what
``dumps_bytes`` refuses.
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

_route = _module("dump_dataclass_route")


def _native(value: object) -> bytes:
    return orjson.dumps(value, default=_route.hook, option=_route.OPTIONS)


@pytest.mark.parametrize("edition", ["2021", "2019", "legacy"])
def test_orjson_walking_the_objects_writes_the_codecs_bytes(edition: str) -> None:
    @settings(max_examples=60, deadline=None)
    @given(any_reports(edition))
    def check(report: gd.Report) -> None:
        expected = codec.dumps_bytes(report)
        _route.cell_checker(type(report))(report)  # refuses nothing codec writes
        with _route.as_dataclasses(type(report)) as classes:
            kinds = _route.mirror_classes(classes)
            assert _native(report) == expected
            assert _native(_route.mirror(report, kinds)) == expected

    check()


def test_the_classes_are_dataclasses_only_while_entered() -> None:
    report = gd.load(ROOT / "examples" / "huaian-2024.json")
    with _route.as_dataclasses(type(report)) as classes:
        assert type(report) in classes and type(report.unit) in classes
        assert all(dataclasses.is_dataclass(cls) for cls in classes)
    assert not any(dataclasses.is_dataclass(cls) for cls in classes)
    assert codec.dumps_bytes(report) == (ROOT / "examples" / "huaian-2024.json").read_bytes()


def test_the_route_writes_a_bool_cell_that_dumps_bytes_refuses() -> None:
    report = gd.load(ROOT / "examples" / "huaian-2024.json")
    assert isinstance(report, gd.Report2021)
    object.__setattr__(report.table4.reconsideration, "upheld", True)  # what the model refuses
    with pytest.raises(TypeError):
        codec.dumps_bytes(report)
    with _route.as_dataclasses(type(report)):
        assert b'"upheld": true' in _native(report)
    with pytest.raises(TypeError, match="not a cell value: True"):
        _route.cell_checker(type(report))(report)


@pytest.mark.parametrize("value", [1.0, "/", False, 2**64])
def test_the_cell_checker_refuses_what_dumps_bytes_refuses(value: object) -> None:
    report = gd.load(ROOT / "examples" / "huaian-2024.json")
    assert isinstance(report, gd.Report2021)
    row = report.table3.results.disclosed
    object.__setattr__(row, "total", value)
    errors = (TypeError, orjson.JSONEncodeError)
    with pytest.raises(errors):
        codec.dumps_bytes(report)
    with pytest.raises(errors):
        _route.cell_checker(type(report))(report)
        with _route.as_dataclasses(type(report)):
            _native(report)
