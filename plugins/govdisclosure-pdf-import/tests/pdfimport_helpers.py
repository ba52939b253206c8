"""Shared by the PDF import tests: the figures of a report, cell by cell."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

from govdisclosure import ReportLegacy
from govdisclosure.editions import Report
from govdisclosure.introspect import iter_cells
from govdisclosure.registry import tables_of, template_of

#: LibreOffice, when installed (``make system-deps`` installs it).
SOFFICE = shutil.which("soffice")

DATA = Path(__file__).resolve().parent / "data"
EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


def figures(report: Report) -> dict[tuple[str, ...], Any]:
    """Every cell of the report's tables by path; a legacy row the report omits reads blank."""
    if isinstance(report, ReportLegacy):
        template = template_of(report)
        return {
            (row.code, column.key): report.statistics.value(row.code, column.key)
            for row in template.value_rows
            for column in template.columns
        }
    return {
        path: value
        for key, table in tables_of(report)
        for path, _, _, value in iter_cells(table, (key,))
    }


def export_pdf(folder: Path, documents: list[Path]) -> None:
    """``documents`` (Word files in ``folder``) exported to PDF beside them,
    by LibreOffice in one run, with a profile of its own in ``folder`` (two
    runs at once would otherwise share the user's)."""
    assert SOFFICE is not None
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{folder / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *(str(d) for d in documents),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
