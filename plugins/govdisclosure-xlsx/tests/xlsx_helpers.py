"""Shared pieces of the xlsx tests: the examples, workbooks in memory, LibreOffice.

LibreOffice is the independent spreadsheet engine of these tests: it opens
what openpyxl wrote, evaluates formulas (relation and validation formulas
are copied into scratch cells, because a conditional format or a validation
rule has no value a file could store) and writes the results back as
cached values, which openpyxl then reads.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

import govdisclosure as gd
from govdisclosure.testing.libreoffice import SOFFICE, convert

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"

#: One example per edition and layout: 2021 (three （六） sub-rows), the 2021
#: single-row （六） variant (洪泽区), 2019, and both built-in legacy templates.
EXAMPLE_FILES = (
    "huaian-2024.json",
    "hongze-2024.json",
    "shanghai-szfbgt-2019.json",
    "yuxi-2017.json",
    "pingtan-2011.json",
)


needs_libreoffice = pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice (soffice) is not installed; `make system-deps` installs libreoffice-calc",
)


def example(name: str) -> gd.Report:
    return gd.load(EXAMPLES / name)


def all_examples() -> list[Path]:
    return sorted(p for p in EXAMPLES.rglob("*.json") if "plugins" not in p.parts)


def open_bytes(data: bytes, data_only: bool = False) -> Workbook:
    return load_workbook(io.BytesIO(data), data_only=data_only)


def to_bytes(wb: Workbook) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def libreoffice_roundtrip(data: bytes, tmp: Path, name: str = "book") -> bytes:
    """``data`` opened and saved again as .xlsx by LibreOffice (formulas recalculated)."""
    source = tmp / f"{name}.xlsx"
    source.write_bytes(data)
    (saved,) = convert([source], "xlsx", tmp / "lo")
    return saved.read_bytes()
