"""The codec reads and writes a field's declared layout variants generically.

（六）其他处理 is the variant field of the built-in editions; these tests
declare a fictional edition whose variant field has nothing to do with
table 3 (a fee block printed either as two rows or as one total), install
it as a plugin would, and check that the reference converter, the
generated reader and the generated writer all choose its shapes from the
edition's :class:`~govdisclosure.editions.base.Variant` record, with no
code that knows the classes.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar, Literal

import attrs
import orjson
import pytest
from attrs import field, frozen

import govdisclosure as gd
from govdisclosure import _sources, codec
from govdisclosure.cells import Count
from govdisclosure.codec import fast_read
from govdisclosure.codec.layouts import layouts_of
from govdisclosure.editions import EDITIONS
from govdisclosure.editions.applications import ApplicantRow, OtherHandling2021
from govdisclosure.editions.base import Edition, Variant
from govdisclosure.errors import LoadError, Problem
from govdisclosure.fields import cell, part
from govdisclosure.report_base import ReportBase, ReportingUnit
from govdisclosure.tuples import tuple_converter
from locations import ROOT


@frozen(kw_only=True)
class FeeItems:
    """The official shape: two rows."""

    charged: Count = cell("收费事项", unit="项")
    waived: Count = cell("减免事项", unit="项")


@frozen(kw_only=True)
class FeeTotal:
    """The variant: one row, the total only."""

    total: Count = cell("合计", unit="项")


@frozen(kw_only=True)
class FeeTable:
    fees: FeeItems | FeeTotal = part("收费情况", FeeItems)


def _parts(values: Iterable[ReportLayouts]) -> tuple[ReportLayouts, ...]:
    return tuple(values)


tuple_converter(_parts)


@frozen(kw_only=True)
class ReportLayouts(ReportBase):
    edition: ClassVar[Literal["layouts-test"]] = "layouts-test"

    table9: FeeTable = field(factory=FeeTable)
    parts: tuple[ReportLayouts, ...] = field(default=(), converter=_parts)


EDITION = Edition(
    id="layouts-test",
    report_class=ReportLayouts,
    first_year=2031,
    last_year=None,
    name="A test edition",
    years_text="reports on 2031 and later",
    title="a test edition",
    section_headings=(),
    table_keys=("table9",),
    variants=(
        Variant(
            id="fee-total",
            path=("table9", "fees"),
            blank=FeeTotal,
            description="the fee block printed as its total",
        ),
    ),
)


@pytest.fixture(autouse=True)
def with_edition(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(_sources, "editions", lambda: [EDITION])
    assert "layouts-test" in EDITIONS
    yield


def _report(fees: FeeItems | FeeTotal) -> Any:
    """A report of the test edition (typed ``Any``, as any plugin edition's
    report is to the library's static ``Report`` type)."""
    unit = ReportingUnit(name="某县财政局")
    return ReportLayouts(unit=unit, year=2031, table9=FeeTable(fees=fees))


def _both(data: Any) -> tuple[Any, Any]:
    """What the generated reader and the reference converter make of ``data``:
    the report, or the problems of the refusal."""

    def outcome(read: Any) -> Any:
        try:
            return read(data)
        except LoadError as exc:
            return exc.problems
        except Exception:  # noqa: BLE001 - the fast reader refuses by raising
            return "refused"

    return outcome(fast_read._fast_report), outcome(codec._reference_structure)


def test_the_shapes_come_from_the_variant_records() -> None:
    fees = layouts_of(FeeItems | FeeTotal)
    assert fees is not None
    assert (fees.official, fees.variants) == (FeeItems, (FeeTotal,))
    other = layouts_of(OtherHandling2021 | ApplicantRow)
    assert other is not None
    assert (other.official, other.variants) == (OtherHandling2021, (ApplicantRow,))
    assert layouts_of(FeeItems) is None
    assert layouts_of(int | None) is None


@pytest.mark.parametrize(
    "fees", [FeeItems(charged=3, waived=1), FeeTotal(total=4), FeeItems(), FeeTotal()]
)
def test_each_shape_round_trips_through_both_readers(fees: FeeItems | FeeTotal) -> None:
    report = _report(fees)
    text = gd.dumps(report)
    data = orjson.loads(text)
    assert (
        data["table9"]["fees"]
        == orjson.loads(orjson.dumps(codec.unstructure(report)))["table9"]["fees"]
    )
    assert set(data["table9"]["fees"]) == {a.name for a in attrs.fields(type(fees))}
    fast, reference = _both(data)
    assert fast == reference == report
    assert gd.dumps(gd.loads(text)) == text


def test_the_keys_choose_the_shape() -> None:
    base = orjson.loads(gd.dumps(_report(FeeItems())))

    def read(fees: Any) -> tuple[Any, Any]:
        data = {**base, "table9": {"fees": fees}}
        return _both(data)

    # Only the variant's keys: the variant; {} is the variant left blank.
    assert read({"total": 2}) == (_report(FeeTotal(total=2)),) * 2
    assert read({}) == (_report(FeeTotal()),) * 2
    # Any key of the official shape: the official shape, whose reader then
    # names the stray key.
    assert read({"charged": 1}) == (_report(FeeItems(charged=1)),) * 2
    fast, reference = read({"charged": 1, "total": 2})
    assert fast == "refused"
    assert reference == (Problem("$.table9.fees.total", "no such field (unknown key)", "'total'"),)
    # A value that is no object goes to the official shape, which refuses it.
    fast, reference = read([1])
    assert fast == "refused"
    assert [p.path for p in reference] == ["$.table9.fees"]


def test_reading_and_writing_a_builtin_report_loads_no_plugin() -> None:
    """The built-in editions' variant fields are found without asking for
    the editions plugins add: that would load every installed plugin (and
    their dependencies) on the first ``gd.load``."""
    code = textwrap.dedent(
        """
        import sys
        import govdisclosure as gd
        for name in ("huaian-2024.json", "hongze-2024.json"):  # (六) as three rows, as one
            report = gd.load("examples/" + name)
            assert gd.loads(gd.dumps(report)) == report
        loaded = sorted(m for m in sys.modules if m.startswith("govdisclosure_"))
        assert not loaded, loaded
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
