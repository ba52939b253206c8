"""Helpers shared by the PDF tests: rendered documents and their readers.

Named ``pdf_helpers`` (not ``conftest``) so that the tests can import it
without colliding with other test directories' ``conftest`` modules.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from functools import cached_property
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader

import govdisclosure as gd
from govdisclosure.plugin.types import RenderOptions

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
