"""``validate --pair-years``: each report's year before found among the batch's files.

The pairing is compared with the continuity rules' own test of one unit
(:func:`govdisclosure.validation.continuity.same_unit`) over every pair,
and the command is run on a two-year corpus: the file paired, the
continuity relations checked, a wrong carry-over found, two candidates
said and never guessed between.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import attrs
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import govdisclosure as gd
from govdisclosure.batch.years import Identity, chain_order, identity, pair_years
from govdisclosure.cli import cli
from govdisclosure.validation.continuity import same_unit
from locations import EXAMPLES

QINGHE = sorted((EXAMPLES / "consolidation").glob("*.json"))

units = st.builds(
    gd.ReportingUnit,
    name=st.sampled_from(["甲县", "甲 县", "乙县", "丙局"]),
    region_code=st.sampled_from([None, "131221", "131222"]),
)


def _identity(unit: gd.ReportingUnit, year: int) -> Identity:
    return Identity("".join(unit.name.split()), unit.region_code, year)


@given(st.lists(st.tuples(units, st.integers(2019, 2022)), max_size=12))
def test_pairing_is_the_continuity_rules_same_unit_one_year_before(
    files: list[tuple[gd.ReportingUnit, int]],
) -> None:
    found = [_identity(unit, year) for unit, year in files]
    pairing = pair_years([*found, None])  # an unreadable file is never paired
    for i, (unit, year) in enumerate(files):
        report = cast(Any, SimpleNamespace(unit=unit))
        before = [
            j
            for j, (other, other_year) in enumerate(files)
            if other_year == year - 1 and same_unit(report, cast(Any, SimpleNamespace(unit=other)))
        ]
        if len(before) == 1:
            assert pairing.previous[i] == before[0] and i not in pairing.ambiguous
        else:
            assert i not in pairing.previous
            assert pairing.ambiguous.get(i, ()) == tuple(before)
    assert len(files) not in pairing.previous


@given(st.lists(st.tuples(units, st.integers(2019, 2022)), max_size=12))
def test_chain_order_puts_each_file_after_its_year_before(
    files: list[tuple[gd.ReportingUnit, int]],
) -> None:
    found = [_identity(unit, year) for unit, year in files]
    pairing = pair_years(found)
    order = chain_order(found, pairing)
    assert sorted(order) == list(range(len(files)))
    place = {i: n for n, i in enumerate(order)}

    def first(i: int) -> int:
        while i in pairing.previous:
            i = pairing.previous[i]
        return i

    years = [(first(i), year) for i, (_, year) in enumerate(files)]
    for i, before in pairing.previous.items():
        assert place[before] < place[i]
        if years.count(years[i]) == years.count(years[before]) == 1:
            # No other file of the unit in either year: nothing stands between.
            assert place[i] == place[before] + 1


def test_identity_reads_a_json_report_without_building_it(tmp_path: Path) -> None:
    assert identity(str(QINGHE[0])) == Identity("清河市东城区人民政府", "131202", 2024)
    broken = tmp_path / "broken.json"
    broken.write_text('{"unit": {"name": 5}, "year": 2024}', encoding="utf-8")
    assert identity(str(broken)) is None
    assert identity(str(tmp_path / "missing.json")) is None


def _two_years(folder: Path) -> list[Path]:
    """Each Qinghe unit's 2024 report, and its 2023 report whose 结转下年度
    is this year's 上年结转 (the 2023 report of the first unit carries one
    application too many)."""
    written = []
    for n, path in enumerate(QINGHE):
        report = gd.load(path)
        assert isinstance(report, gd.Report2021)
        table3 = report.table3
        carried = table3.carried_over
        if n == 0:
            assert isinstance(carried.natural_person, int)
            carried = attrs.evolve(carried, natural_person=carried.natural_person + 1)
        last = attrs.evolve(report, year=2023, table3=attrs.evolve(table3, carried_forward=carried))
        for year, r in ((2024, report), (2023, last)):
            target = folder / f"{path.stem}-{year}.json"
            gd.dump(r, target)
            written.append(target)
    return written


def test_validate_pairs_each_report_with_its_year_before(tmp_path: Path) -> None:
    _two_years(tmp_path)
    result = CliRunner().invoke(
        cli, ["validate", str(tmp_path), "--pair-years", "--format", "json", "-l", "en", "-j", "1"]
    )
    document = json.loads(result.stdout)
    names = [Path(r["file"]).name for r in document["reports"]]
    assert names == [f"{p.stem}-{year}.json" for p in QINGHE for year in (2023, 2024)]
    paired = {Path(r["file"]).name: Path(r.get("previous", "-")).name for r in document["reports"]}
    stems = [p.stem for p in QINGHE]
    assert paired == {
        **{f"{s}-2024.json": f"{s}-2023.json" for s in stems},
        **{f"{s}-2023.json": "-" for s in stems},
    }
    carried = [f for f in document["findings"] if f["rule"] == "continuity.carried-over"]
    assert {Path(f["file"]).name for f in carried} == {f"{stems[0]}-2024.json"}
    assert carried[0]["path"] == "$.table3.carried_over.natural_person"
    unpaired = CliRunner().invoke(cli, ["validate", str(tmp_path), "--format", "json"])
    assert not any(
        f["rule"].startswith("continuity") for f in json.loads(unpaired.stdout)["findings"]
    )


def test_text_output_names_the_year_before(tmp_path: Path) -> None:
    _two_years(tmp_path)
    result = CliRunner().invoke(cli, ["validate", str(tmp_path), "--pair-years", "-l", "en"])
    before = tmp_path / f"{QINGHE[1].stem}-2023.json"
    assert f"  Continuity checked against {before}\n" in result.stdout


def test_two_candidates_are_said_and_neither_is_taken(tmp_path: Path) -> None:
    files = _two_years(tmp_path)
    copy = tmp_path / "copy-2023.json"
    copy.write_bytes(files[1].read_bytes())
    result = CliRunner().invoke(
        cli, ["validate", str(tmp_path), "--pair-years", "--format", "json", "-l", "en"]
    )
    assert (
        f"{files[0]}: continuity not checked: two or more reports of the year before: "
        f"{copy}, {files[1]}"
    ) in result.stderr
    reports = {r["file"]: r for r in json.loads(result.stdout)["reports"]}
    assert "previous" not in reports[str(files[0])]
    assert reports[str(files[2])]["previous"] == str(files[3])


def test_not_with_previous(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["validate", str(QINGHE[0]), "--pair-years", "--previous", str(QINGHE[1])]
    )
    assert result.exit_code == 2 and "--pair-years" in result.output


def test_the_published_pingtan_county_years_are_paired() -> None:
    """平潭县 2011 and 2012 as published (legacy template with 历年累计): the
    2012 report is checked against 2011, its running totals included; the
    平潭综合实验区 report of 2011, another unit, is paired with nothing."""
    files = [
        str(EXAMPLES / f"{n}.json")
        for n in ("pingtan-2011", "pingtanxian-2011", "pingtanxian-2012")
    ]
    result = CliRunner().invoke(cli, ["validate", *files, "--format", "json", "--pair-years"])
    reports = {Path(r["file"]).stem: r for r in json.loads(result.stdout)["reports"]}
    assert {k: r.get("previous") for k, r in reports.items()} == {
        "pingtan-2011": None,
        "pingtanxian-2011": None,
        "pingtanxian-2012": files[1],
    }
    alone = CliRunner().invoke(cli, ["validate", files[2], "--format", "json"])
    checked = json.loads(alone.stdout)["reports"][0]["relations"]["checked"]
    assert reports["pingtanxian-2012"]["relations"]["checked"] > checked


def test_ctrl_c_while_pairing_stops_cleanly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import govdisclosure.batch.years as years

    def interrupted(paths: list[str]) -> list[Identity | None]:
        raise KeyboardInterrupt

    monkeypatch.setattr(years, "identities", interrupted)
    _two_years(tmp_path)
    result = CliRunner().invoke(
        cli, ["validate", str(tmp_path), "--pair-years", "-j", "1", "-l", "en"]
    )
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit)
    assert "Interrupted after 0 of 6 files" in result.stderr
    assert result.stdout == ""


def test_export_findings_with_the_year_before(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet", reason="the export's optional extra (parquet)")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _two_years(corpus)
    rules = {}
    for flags in ([], ["--pair-years"]):
        cells, found = (
            tmp_path / f"cells{len(flags)}.parquet",
            tmp_path / f"found{len(flags)}.parquet",
        )
        args = ["export", str(corpus), "-o", str(cells), "--findings", str(found), *flags]
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0, result.output
        table = pq.read_table(found).to_pylist()
        rules[bool(flags)] = {
            (Path(row["file"]).name, row["rule"], row["path"])
            for row in table
            if row["rule"] == "continuity.carried-over"
        }
        assert pq.read_table(cells).num_rows > 0
    assert rules == {
        False: set(),
        True: {
            (
                f"{QINGHE[0].stem}-2024.json",
                "continuity.carried-over",
                "$.table3.carried_over.natural_person",
            )
        },
    }
    result = CliRunner().invoke(
        cli, ["export", str(corpus), "-o", str(tmp_path / "x.parquet"), "--pair-years", "-l", "en"]
    )
    assert result.exit_code == 2 and "--findings" in result.output
    assert not (tmp_path / "x.parquet").exists()
