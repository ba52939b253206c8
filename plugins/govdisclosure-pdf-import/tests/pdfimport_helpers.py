"""Shared by the PDF import tests: the test files' folders, and LibreOffice exporting Word to PDF."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

#: LibreOffice, when installed (``make system-deps`` installs it).
SOFFICE = shutil.which("soffice")

DATA = Path(__file__).resolve().parent / "data"
EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


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
