"""What the importers of office files share: the title among the first
paragraphs, and LibreOffice's conversion of the old binary formats.

Word (.docx) and Excel (.xlsx) files are read by their own plugins; both
hand a :class:`~govdisclosure_html.Document` to the same mapping, and both
meet the same two questions: is the first paragraph the report's title,
and can an old binary file (.doc, .wps, .xls, .et) be read at all.  The
second is answered by LibreOffice when the user allows it
(``GOVDISCLOSURE_SOFFICE=1`` and ``soffice`` on the PATH): never a
requirement, since a headless office suite is a large install.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path, PurePath

from .importer import ImportResult
from .outcome import failed
from .provenance import ImportProblem

__all__ = ["SOFFICE_ENV", "convert_or_refuse", "soffice_convert", "title_of"]

#: Set to ``1`` to let the importers convert old binary files with LibreOffice.
SOFFICE_ENV = "GOVDISCLOSURE_SOFFICE"
#: The longest a conversion may take.
SOFFICE_TIMEOUT = 120


def title_of(paragraphs: Sequence[str]) -> tuple[str | None, list[str]]:
    """The first paragraph when it reads as the report's title, and the rest.

    A short paragraph naming a 报告 or ending with 年报 (the report's short
    name: "2022年湖口县卫生健康委员会信息公开年报"), or one of any length that
    ends with the report's name (a unit's name of hundreds of characters
    makes a long title; body text does not end so).
    """
    if paragraphs and ("报告" in paragraphs[0] or paragraphs[0].rstrip().endswith("年报")):
        first = paragraphs[0]
        if len(first) <= 80 or first.rstrip().endswith(("年度报告", "年报")):
            return first, list(paragraphs[1:])
    return None, list(paragraphs)


def soffice_convert(data: bytes, source: str, to: str) -> bytes | None:
    """The file LibreOffice makes of ``data`` in format ``to`` ("docx", "xlsx"),
    or None when conversion is not allowed, not installed or fails.

    Headless, in a temporary folder that is also LibreOffice's home (so no
    user profile is touched), :data:`SOFFICE_TIMEOUT` seconds at most.
    """
    soffice = shutil.which("soffice")
    if soffice is None or os.environ.get(SOFFICE_ENV) != "1":
        return None
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / ("input" + Path(source).suffix.lower())
        src.write_bytes(data)
        try:
            subprocess.run(
                [soffice, "--headless", "--convert-to", to, "--outdir", tmp, str(src)],
                check=True,
                timeout=SOFFICE_TIMEOUT,
                capture_output=True,
                env={**os.environ, "HOME": tmp},
            )
        except (OSError, subprocess.SubprocessError):
            return None
        out = Path(tmp) / f"input.{to}"
        return out.read_bytes() if out.exists() else None


def convert_or_refuse(
    data: bytes,
    source: str,
    *,
    to: str,
    importer: Callable[..., ImportResult],
    message_id: str,
    derive_templates: bool = False,
) -> ImportResult:
    """An old binary file: converted to ``to`` by LibreOffice when allowed
    (:func:`soffice_convert`) and imported by ``importer``, else refused with
    ``convert-first`` (``message_id`` tells the user how to convert it; its
    ``{suffix}`` is the file's)."""
    converted = soffice_convert(data, source, to)
    if converted is not None:
        return importer(converted, source, derive_templates=derive_templates)
    suffix = PurePath(source).suffix.lower()
    problem = ImportProblem(
        severity="error",
        code="convert-first",
        message_id=message_id,
        params={"suffix": suffix or "-", "found": suffix or "-"},
    )
    return failed(source, problem, suffix.lstrip(".") or to)
