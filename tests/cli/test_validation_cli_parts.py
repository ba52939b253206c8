"""``govdisclosure validate CITY --part UNIT ...``: a published report against its parts."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
from click.testing import CliRunner

import govdisclosure as gd
from govdisclosure.aggregate import consolidate
from govdisclosure.aggregate.check_parent import RULE, RULE_BELOW
from govdisclosure.cli import cli

PARTS = sorted(
    str(p) for p in (Path(__file__).resolve().parents[2] / "examples/consolidation").glob("*.json")
)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["validate", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def published_city(tmp_path: Path, *, new_applications_delta: int = 0) -> str:
    """The city report as the sum of its parts, optionally with one cell misprinted."""
    city = consolidate([gd.load(p) for p in PARTS], "示例市人民政府")
    assert isinstance(city, gd.Report2021)
    city = attrs.evolve(city, parts=())  # published on its own, without provenance
    if new_applications_delta:
        row = city.table3.new_applications
        assert isinstance(row.total, int)
        row = attrs.evolve(row, total=row.total + new_applications_delta)
        city = attrs.evolve(city, table3=attrs.evolve(city.table3, new_applications=row))
    path = tmp_path / "city.json"
    gd.dump(city, path)
    return str(path)


def parts_args() -> list[str]:
    return [arg for p in PARTS for arg in ("--part", p)]


def test_a_city_equal_to_its_parts_has_no_parent_finding(tmp_path: Path) -> None:
    code, out, _ = run(published_city(tmp_path), *parts_args(), "--format", "json")
    assert code in (0, 1)
    assert [e for e in json.loads(out)["findings"] if e["rule"] == RULE] == []


def test_a_misprinted_city_cell_is_named_with_the_sum(tmp_path: Path) -> None:
    city = published_city(tmp_path, new_applications_delta=5)
    code, out, _ = run(city, *parts_args(), "--format", "json", "--locale", "en")
    found = [e for e in json.loads(out)["findings"] if e["rule"] == RULE]
    # Above the parts: one notice for the report, naming the cell.
    assert [(e["path"], e["severity"]) for e in found] == [("$", "notice")]
    assert found[0]["involves"] == ["$.table3.new_applications.total"]
    assert found[0]["message"] == "1 cell exceeds the listed parts; parts may be missing"
    # The misprint also breaks the table's own arithmetic: both are reported.
    assert code == 1
    assert any(e["rule"] != RULE for e in json.loads(out)["findings"])


def test_a_city_cell_below_its_parts_is_an_error(tmp_path: Path) -> None:
    city = published_city(tmp_path, new_applications_delta=-5)
    code, out, _ = run(city, *parts_args(), "--format", "json", "--locale", "en")
    found = [e for e in json.loads(out)["findings"] if e["rule"] == RULE_BELOW]
    assert [(e["path"], e["severity"]) for e in found] == [
        ("$.table3.new_applications.total", "error")
    ]
    assert found[0]["actual"] == found[0]["expected"] - 5
    assert f"below the {found[0]['expected']} that the {len(PARTS)} reports" in found[0]["message"]
    assert [e for e in json.loads(out)["findings"] if e["rule"] == RULE] == []
    assert code == 1


def test_parts_of_another_year_exit_2_with_a_message(tmp_path: Path) -> None:
    other = gd.load(PARTS[0])
    other = attrs.evolve(other, year=other.year - 1)
    stale = tmp_path / "stale.json"
    gd.dump(other, stale)
    code, _, err = run(published_city(tmp_path), "--part", str(stale), "--part", PARTS[1])
    assert code == 2
    assert "无法与所属单位报告核对" in err


def test_an_unreadable_part_exits_2_and_skips_the_parent_check(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    city = published_city(tmp_path, new_applications_delta=5)
    code, out, err = run(city, "--part", str(bad), *parts_args(), "--format", "json")
    assert code == 2
    assert "bad.json" in err
    assert [e for e in json.loads(out)["findings"] if e["rule"] == RULE] == []


def test_a_report_among_its_own_parts_is_refused(tmp_path: Path) -> None:
    city = published_city(tmp_path)
    code, _, err = run(city, "--part", city, *parts_args())
    assert code == 2
    assert "既作为待核对的报告" in err


def test_a_file_whose_parts_cannot_be_added_is_not_counted_as_passed(tmp_path: Path) -> None:
    code, _, err = run(
        published_city(tmp_path), "--part", PARTS[0], "--part", PARTS[0], "--locale", "en"
    )
    assert code == 2
    assert "1 file: 0 passed," in err and "1 unreadable" in err
