"""Shared renders: each example is rendered once per test session.

Rendering is the slow part (a TTC font loads in ~0.1 s, a report renders in
~0.1 s), so every test reads the same bytes; the readers (pypdf, poppler's
pdftotext and pdffonts) are run once per document too.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

import govdisclosure as gd
from consolidated import EXAMPLES, city_2024, pingtan_2011
from govdisclosure.plugin_types import RenderOptions
from govdisclosure_pdf import render_pdf

EXAMPLE_NAMES = (
    "huaian-2024",
    "hongze-2024",
    "shanghai-szfbgt-2019",
    "yuxi-2017",
    "pingtan-2011",
    "pingtanxian-2011",
    "pingtanxian-2012",
)


def tool(name: str) -> str:
    """A poppler tool; missing is a failure (``make system-deps`` installs it)."""
    path = shutil.which(name)
    assert path is not None, f"{name} is missing: run `make system-deps` (poppler-utils)"
    return path


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@dataclass
class Rendered:
    report: gd.Report
    data: bytes
    options: RenderOptions
    _cache: dict[str, object] = field(default_factory=dict)

    @cached_property
    def reader(self) -> PdfReader:
        return PdfReader(BytesIO(self.data))

    @cached_property
    def text(self) -> str:
        """All text in drawing order, whitespace and page numbers removed."""
        pages = []
        for number, page in enumerate(self.reader.pages, start=1):
            text = squash(page.extract_text())
            mark = f"—{number}—"
            assert mark in text, f"page {number} has no page number"
            pages.append(text.replace(mark, "", 1))
        return "".join(pages)

    @cached_property
    def path(self) -> Path:
        with tempfile.NamedTemporaryFile(
            prefix="govdisclosure-", suffix=".pdf", delete=False
        ) as handle:
            handle.write(self.data)
        return Path(handle.name)

    def poppler(self, *args: str) -> str:
        """Output of a poppler tool run on this document (cached)."""
        key = " ".join(args)
        if key not in self._cache:
            command = [tool(args[0]), *args[1:], str(self.path)]
            if args[0] == "pdftotext":
                command.append("-")
            out = subprocess.run(command, capture_output=True, check=True)
            self._cache[key] = out.stdout.decode("utf-8")
        return str(self._cache[key])


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
