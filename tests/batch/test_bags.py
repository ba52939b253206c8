"""Dask: validation and consolidation over a bag of files give what the library gives."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govdisclosure as gd
from govdisclosure.aggregate import ConsolidationError, consolidate
from govdisclosure.bags import consolidate_bag, read_bag, validate_bag
from govdisclosure.editions import Report
from govdisclosure.testing.strategies import report_families
from locations import EXAMPLES

PARTS = sorted(str(p) for p in (EXAMPLES / "consolidation").glob("*.json"))


def test_consolidate_bag_on_local_processes_equals_consolidate() -> None:
    bag = read_bag(PARTS, npartitions=3)
    total = consolidate_bag(bag, "全区", split_every=2, scheduler="processes", num_workers=2)
    assert total == consolidate([gd.load(p) for p in PARTS], "全区")


def test_validate_bag_gives_the_findings_of_validate() -> None:
    files = sorted(str(p) for p in EXAMPLES.glob("*.json"))
    bag: Any = validate_bag(read_bag(files, npartitions=4))
    results = bag.compute(scheduler="threads")
    assert [r.file for r in results] == files
    for result in results:
        expected = [f.to_dict() for f in gd.validate(gd.load(result.file))]
        assert list(result.findings) == expected


def test_a_unit_in_two_partitions_is_refused() -> None:
    bag = read_bag([*PARTS, PARTS[0]], npartitions=2)
    with pytest.raises(ConsolidationError) as caught:
        consolidate_bag(bag, "全区", scheduler="sync")
    assert caught.value.code == "duplicate-unit"
    assert "\0" not in caught.value.render("en")


@pytest.mark.parametrize("partitions", [1, 2, 3])
def test_a_unit_given_twice_is_named_with_both_files(tmp_path: Path, partitions: int) -> None:
    copy = tmp_path / "copy-of-dongcheng.json"
    shutil.copyfile(PARTS[0], copy)
    files = [PARTS[0], *PARTS[1:], str(copy)]
    with pytest.raises(ConsolidationError) as caught:
        consolidate_bag(read_bag(files, npartitions=partitions), "全区", scheduler="sync")
    assert caught.value.code == "duplicate-unit"
    for locale in ("zh_Hans_CN", "en"):
        said = caught.value.render(locale)
        unit = gd.load(PARTS[0]).unit.name
        # The unit, then the two files that hold it, in the order given.
        assert re.search(
            f"{unit} \\[\\d+\\] ← {re.escape(PARTS[0])}, {re.escape(str(copy))}", said
        ), said


def test_a_unit_inside_a_consolidated_input_is_named_with_its_file(tmp_path: Path) -> None:
    roll_up = tmp_path / "roll-up.json"
    gd.dump(consolidate([gd.load(p) for p in PARTS[:2]], "全区"), roll_up)
    files = [str(roll_up), *PARTS[1:]]
    with pytest.raises(ConsolidationError) as caught:
        consolidate_bag(
            read_bag(files, npartitions=2), "全市", scheduler="processes", num_workers=2
        )
    said = caught.value.render("en")
    assert f"← {roll_up}, {PARTS[1]}" in said, said


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    family=st.sampled_from(["2021", "2019", "legacy"]).flatmap(
        lambda e: report_families(e, min_size=1, max_size=8, blanks=True)
    ),
    partitions=st.integers(1, 4),
    split_every=st.integers(2, 3),
)
def test_tree_reduction_equals_consolidate_on_families(
    tmp_path_factory: pytest.TempPathFactory,
    family: list[Report],
    partitions: int,
    split_every: int,
) -> None:
    folder = tmp_path_factory.mktemp("family")
    files = []
    for i, report in enumerate(family):
        path = folder / f"{i:02d}.json"
        gd.dump(report, path)
        files.append(str(path))
    bag = read_bag(files, npartitions=partitions)
    total = consolidate_bag(bag, "全市", split_every=split_every, scheduler="sync")
    assert total == consolidate([gd.load(f) for f in files], "全市")
    shutil.rmtree(folder)


def test_docs_page_runs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    root = EXAMPLES.parent
    doc = (root / "docs" / "dask.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", doc, re.S)
    # The local scheduler's block, then the cluster's (a LocalCluster of
    # processes on the loopback interface), in one namespace as the page reads.
    assert len(blocks) == 2
    assert "LocalCluster(" in blocks[1]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "examples").symlink_to(root / "examples")
    namespace: dict[str, Any] = {}
    for block in blocks:
        exec(compile(block, "docs/dask.md", "exec"), namespace)
    assert namespace["province"].unit.name == "全区"
    assert gd.load(tmp_path / "province.json") == namespace["province"]
