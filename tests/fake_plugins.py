"""Installing throwaway plugins for tests, for real.

A plugin here is what pip would leave behind: a module and a
``*.dist-info`` directory (``METADATA`` and ``entry_points.txt``) in a
directory on ``sys.path``.  :func:`importlib.metadata.distributions` finds
it like any installed distribution, so the plugin manager's discovery is
exercised unchanged, with no monkeypatching of importlib.
"""

from __future__ import annotations

import importlib
import itertools
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from govdisclosure.plugin.manager import reset_plugin_manager

_counter = itertools.count()


class Site:
    """A ``site-packages``-like directory prepended to ``sys.path``."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def install(
        self,
        source: str,
        *,
        entry_point: str | None = None,
        dist: str | None = None,
        version: str = "1.0",
        extra_entry_points: dict[str, str] | None = None,
    ) -> tuple[str, str, str]:
        """Install ``source`` as a plugin module; returns (entry point, module, dist).

        Module names are unique per call, because a module once imported
        stays in ``sys.modules``.
        """
        n = next(_counter)
        module = f"gdtest_plugin_{n}"
        entry_point = entry_point or f"fake{n}"
        dist = dist or f"govdisclosure-fake{n}"
        (self.root / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
        info = self.root / f"{dist.replace('-', '_')}-{version}.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n", encoding="utf-8"
        )
        points = {entry_point: module, **(extra_entry_points or {})}
        (info / "entry_points.txt").write_text(
            "[govdisclosure]\n" + "".join(f"{k} = {v}\n" for k, v in points.items()),
            encoding="utf-8",
        )
        importlib.invalidate_caches()
        reset_plugin_manager()
        return entry_point, module, dist


def make_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    """A fresh plugin directory; the plugin manager is rebuilt before and after.

    Use it as a fixture body: ``yield from make_site(tmp_path, monkeypatch)``.
    """
    root = tmp_path / "site"
    root.mkdir()
    monkeypatch.syspath_prepend(str(root))
    for name in ("GOVDISCLOSURE_DISABLE_PLUGIN_AUTOLOAD", "GOVDISCLOSURE_PLUGINS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("GOVDISCLOSURE_STRICT_PLUGINS", raising=False)
    reset_plugin_manager()
    yield Site(root)
    monkeypatch.undo()
    importlib.invalidate_caches()
    reset_plugin_manager()
    assert str(root) not in sys.path


RENDERER_SOURCE = """
from govdisclosure.plugin.specs import hookimpl
from govdisclosure.plugin.types import Renderer


def _render(report, options):
    return {body!r}.encode()


@hookimpl
def govdisclosure_renderers():
    return [Renderer(name={name!r}, media_type="text/plain", suffix=".txt",
                     editions=frozenset({editions!r}), render=_render)]
"""


def renderer_source(
    name: str, body: str = "ok", editions: tuple[str, ...] = ("2021", "2019", "legacy")
) -> str:
    """A plugin module with one renderer that returns ``body``."""
    return RENDERER_SOURCE.format(name=name, body=body, editions=set(editions))
