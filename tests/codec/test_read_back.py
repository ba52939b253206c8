"""Whatever the library writes, it reads back equal — roll-ups far above 10^9 included.

Bounds (see govdisclosure.cells): loading holds counts up to MAX_STORED
(10^15, below 2^53 so every JSON reader keeps them exact); a unit's own count
above MAX_COUNT (10^9) is reported by validation as a typo
(cells.implausible-count), a consolidated total is not; a sum above 10^15 is
refused by consolidate before anything is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import govdisclosure as gd
from govdisclosure.cells import MAX_COUNT, MAX_STORED
from govdisclosure.cli import cli
from govdisclosure.flat import shape_of
from govdisclosure.testing.strategies import report_families
from locations import ROOT

HUAIAN = ROOT / "examples" / "huaian-2024.json"


def _scaled(report: Any, factor: int) -> Any:
    """``report`` with every count multiplied by ``factor`` (relations still hold)."""
    shape = shape_of(report)
    values = [v * factor if type(v) is int else v for v in shape.flatten(report)]
    return shape.rebuild(report, values)


def test_300_cities_the_size_of_huaian_consolidate_and_read_back(tmp_path: Path) -> None:
    """行政处罚 ≈ 4 × 10^6 per city: the roll-up passes 10^9 and must load back."""
    city: Any = gd.load(HUAIAN)
    inputs = []
    for i in range(300):
        unit = attrs.evolve(city.unit, name=f"第{i}市", region_code=None, parent="某省")
        path = tmp_path / f"city{i:03}.json"
        gd.dump(attrs.evolve(city, unit=unit), path)
        inputs.append(str(path))
    out = tmp_path / "province.json"
    result = CliRunner().invoke(
        cli, ["consolidate", *inputs, "--unit", "某省人民政府", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    province: Any = gd.load(out)
    assert province.table2.penalties == 300 * city.table2.penalties > MAX_COUNT
    assert gd.loads(gd.dumps(province)) == province
    rules = {f.rule for f in gd.validate(province)}
    assert "cells.implausible-count" not in rules


def test_a_units_own_count_above_1e9_loads_and_is_reported() -> None:
    city: Any = gd.load(HUAIAN)
    typo = attrs.evolve(city, table2=attrs.evolve(city.table2, penalties=2 * 10**9))
    back = gd.loads(gd.dumps(typo))
    assert back == typo
    (finding,) = [f for f in gd.validate(back) if f.rule == "cells.implausible-count"]
    assert finding.severity == "error" and finding.path == "$.table2.penalties"
    assert "2000000000" in finding.message("en")


def test_a_sum_above_what_a_report_holds_is_refused_before_writing(tmp_path: Path) -> None:
    city: Any = gd.load(HUAIAN)
    huge = attrs.evolve(city, table2=attrs.evolve(city.table2, penalties=MAX_STORED))
    other = attrs.evolve(huge, unit=attrs.evolve(huge.unit, name="另一市"))
    with pytest.raises(gd.ConsolidationError) as info:
        gd.consolidate([huge, other], "某省")
    assert "$.table2.penalties" in str(info.value)
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    gd.dump(huge, a)
    gd.dump(other, b)
    out = tmp_path / "out.json"
    result = CliRunner().invoke(
        cli, ["consolidate", str(a), str(b), "--unit", "某省", "-o", str(out)]
    )
    assert result.exit_code == 2 and not out.exists()


@settings(max_examples=30, deadline=None)
@given(
    family=st.sampled_from(["2021", "2019", "legacy"]).flatmap(
        lambda e: report_families(e, min_size=2, max_size=4, blanks=True)
    ),
    factor=st.integers(1, 10**8),
)
def test_any_consolidation_reads_back_equal(family: list[Any], factor: int) -> None:
    """Sums of large families (cells scaled far above 10^9) load back equal."""
    scaled = [_scaled(report, factor) for report in family]
    total = gd.consolidate(scaled, "某省")
    assert gd.loads(gd.dumps(total)) == total
