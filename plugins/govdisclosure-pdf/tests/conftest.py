"""Shared renders: each example is rendered once per test session.

Rendering is the slow part (a TTC font loads in ~0.1 s, a report renders in
~0.1 s), so every test reads the same bytes; the readers (pypdf, poppler's
pdftotext and pdffonts) run once per document too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import govdisclosure as gd
from govdisclosure.plugin.types import RenderOptions
from govdisclosure_pdf import render_pdf
from pdf_helpers import Rendered
from pdf_reports import EXAMPLES, city_2024, pingtan_2011


def _render(report: gd.Report, **options: object) -> Rendered:
    opts = RenderOptions(**options)  # type: ignore[arg-type]
    return Rendered(report, render_pdf(report, opts), opts)


@pytest.fixture(scope="session")
def render_example() -> Iterator[Callable[..., Rendered]]:
    cache: dict[tuple[str, str, bool], Rendered] = {}

    def get(name: str, locale: str = "zh_Hans_CN", charts: bool = False) -> Rendered:
        key = (name, locale, charts)
        if key not in cache:
            if name == "city-2024":
                report = city_2024()
            elif name == "pingtan-2011-consolidated":
                report = pingtan_2011()
            else:
                report = gd.load(EXAMPLES / f"{name}.json")
            cache[key] = _render(report, locale=locale, charts=charts)
        return cache[key]

    yield get
    for rendered in cache.values():
        if "path" in rendered.__dict__:
            rendered.path.unlink(missing_ok=True)


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES
