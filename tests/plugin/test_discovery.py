"""Discovery: the group's entry points as importlib.metadata gives them,
kept in the user's cache while the metadata they are read from is unchanged."""

from __future__ import annotations

import importlib.metadata
import sys
from pathlib import Path

import pytest

from fake_plugins import Site
from govdisclosure.plugin import discovery
from govdisclosure.plugin.manager import ENTRY_POINT_GROUP


def _metadata() -> list[tuple[str, str | None, str, str]]:
    """What importlib.metadata says, read afresh."""
    out = []
    for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
        dist = ep.dist
        out.append((dist.name if dist else "?", dist.version if dist else None, ep.name, ep.value))
    return out


def _found() -> list[tuple[str, str | None, str, str]]:
    return [
        (f.distribution, f.version, f.name, f.value)
        for f in discovery.entry_points(ENTRY_POINT_GROUP)
    ]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A user cache of the test's own (the kept entry points land there)."""
    home = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    monkeypatch.delenv("GOVDISCLOSURE_NO_CACHE", raising=False)
    return home / "govdisclosure" / "entry-points"


def test_the_installed_plugins_as_importlib_metadata_finds_them(cache: Path) -> None:
    expected = _metadata()
    assert {"json", "markdown"} <= {name for _, _, name, _ in expected}
    assert _found() == expected  # read from the metadata, then kept
    assert len(list(cache.iterdir())) == 1
    assert _found() == expected  # read from the cache


def test_what_changes_the_metadata_is_seen_at_once(site: Site, cache: Path) -> None:
    first, module, dist = site.install("VALUE = 1\n", version="1.0")
    assert (dist, "1.0", first, module) in _found()
    # Another distribution installed beside it.
    second, _, _ = site.install("VALUE = 2\n")
    assert {first, second} <= {name for _, _, name, _ in _found()}
    # An entry point added to an installed distribution's file, in place.
    info = next(site.root.glob(f"{dist.replace('-', '_')}-*.dist-info"))
    with (info / "entry_points.txt").open("a", encoding="utf-8") as handle:
        handle.write("added = gdtest_added\n")
    assert (dist, "1.0", "added", "gdtest_added") in _found()
    # Its version edited in place.
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {dist}\nVersion: 1.0.post1\n", encoding="utf-8"
    )
    assert (dist, "1.0.post1", first, module) in _found()
    assert _found() == _metadata()


def test_the_source_of_a_module_entry_point(site: Site, cache: Path) -> None:
    name, module, _ = site.install("VALUE = 3\n", extra_entry_points={"obj": "gdtest_x:attr"})
    found = {f.name: f for f in discovery.entry_points(ENTRY_POINT_GROUP)}
    assert found[name].source() == str(site.root / f"{module}.py")
    assert found[name].load().VALUE == 3
    assert found["obj"].source() is None  # an object entry point is imported for any hook


def test_nothing_kept_without_the_cache(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOVDISCLOSURE_NO_CACHE", "1")
    assert _found() == _metadata()
    assert not cache.exists()


class _Finder:
    """An import hook that provides distributions of its own."""

    @staticmethod
    def find_spec(*args: object) -> None:
        return None

    @staticmethod
    def find_distributions(*args: object) -> list[importlib.metadata.Distribution]:
        return []


def test_another_finder_of_distributions_is_asked_every_time(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "meta_path", [*sys.meta_path, _Finder()])
    assert _found() == _metadata()
    assert not cache.exists()


def test_other_files_written_beside_change_nothing(site: Site, cache: Path) -> None:
    """A folder on sys.path (the current one, under ``python -m``) that other
    files are written to keeps its entry in the cache."""
    site.install("VALUE = 4\n")
    found = _found()
    (site.root / "report.json").write_text("{}", encoding="utf-8")
    assert _found() == found
    assert len(list(cache.iterdir())) == 1


def test_the_backport_s_path_finder_reads_the_same_folders(cache: Path) -> None:
    """Importing the importlib_metadata backport (dask does) puts its own
    path finder in the standard library's place; discovery still keeps
    what it finds."""
    pytest.importorskip("importlib_metadata")
    assert not discovery._other_finders()
    assert _found() == _metadata()
    assert len(list(cache.iterdir())) == 1
