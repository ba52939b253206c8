"""The template writer that ``dump_alternatives_bench.py`` times writes ``dumps_bytes``' bytes.

The bench checks it on its own corpus before timing it; this checks it on
generated reports of every edition (any text, characters beyond the BMP and
control characters included, every kind of cell, parts, printed labels), so
its figures are those of a writer of the same bytes; and that it refuses,
as ``dumps_bytes`` does, what cannot be written.
"""

from __future__ import annotations

import orjson
import pytest
from hypothesis import given, settings
from test_bench import _module

import govdisclosure as gd
from govdisclosure import codec
from govdisclosure.testing.strategies import any_reports
from locations import ROOT

_template = _module("dump_template_writer")


@pytest.mark.parametrize("edition", ["2021", "2019", "legacy"])
def test_the_template_writer_writes_the_codecs_bytes(edition: str) -> None:
    @settings(max_examples=60, deadline=None)
    @given(any_reports(edition))
    def check(report: gd.Report) -> None:
        assert _template.writer(type(report))(report) == codec.dumps_bytes(report)

    check()


@pytest.mark.parametrize(
    ("path", "value", "error"),
    [
        ("title", "\ud800", orjson.JSONEncodeError),  # a lone surrogate is no UTF-8
        ("year", 2**64, orjson.JSONEncodeError),  # beyond what orjson writes
        ("title", object(), orjson.JSONEncodeError),
        ("table4.reconsideration.upheld", True, TypeError),  # not a cell value
        ("table4.reconsideration.upheld", 2**64, orjson.JSONEncodeError),
    ],
)
def test_the_template_writer_refuses_what_cannot_be_written(
    path: str, value: object, error: type[Exception]
) -> None:
    report = gd.load(ROOT / "examples" / "huaian-2024.json")
    *parents, name = path.split(".")
    holder = report
    for parent in parents:
        holder = getattr(holder, parent)
    object.__setattr__(holder, name, value)  # what the model would refuse
    with pytest.raises(error):
        codec.dumps_bytes(report)
    with pytest.raises(error):
        _template.writer(type(report))(report)
