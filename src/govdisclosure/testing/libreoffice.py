"""LibreOffice as an independent engine in tests of office files.

A test of a Word or Excel writer needs an oracle that is not the writer's own
reader: LibreOffice, run headless, opens the file as a user's office suite
would, and turns it into something another tool can check — a PDF for
``pdftotext``, a workbook saved again with its formulas recalculated, a Word
file saved as a web page, an old binary ``.doc`` or ``.xls`` for the
importers' conversion path.  The project's own tests, the import-accuracy
bench and a plugin author's tests use the same call.

LibreOffice is optional (``make system-deps`` installs it on Debian): a test
that needs it is skipped, with that reason, where :data:`SOFFICE` is None.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

__all__ = ["SOFFICE", "LibreOfficeFailed", "convert"]

#: The LibreOffice program, or None where it is not installed.
SOFFICE: str | None = shutil.which("soffice") or shutil.which("libreoffice")


class LibreOfficeFailed(RuntimeError):
    """LibreOffice is missing, exited with an error, or wrote no file for an input."""


def convert(
    files: Sequence[Path],
    to: str,
    outdir: Path,
    *,
    timeout: float = 300,
    infilter: str | None = None,
) -> list[Path]:
    """Each of ``files`` converted to ``to`` by one headless LibreOffice run,
    written to ``outdir``; the outputs' paths, in the order of ``files``.

    ``to`` is what ``soffice --convert-to`` takes: an extension (``"pdf"``,
    ``"html"``, ``"xlsx"``, ``"doc"``), optionally with a filter after a
    colon (``"xlsx:Calc MS Excel 2007 XML"``).  ``infilter`` names the
    filter LibreOffice opens the files with (``"HTML (StarCalc)"``: a web
    page opened in Calc, not in Writer/Web).  One run for many files: a
    start of LibreOffice costs seconds.  The run keeps a profile of its own
    in ``outdir`` (two runs at once sharing the user's profile make one of
    them do nothing, and exit 0).

    Raises :class:`LibreOfficeFailed` when LibreOffice is not installed,
    exits with an error (its output quoted), or leaves an input unconverted.
    """
    if SOFFICE is None:
        raise LibreOfficeFailed(
            "LibreOffice (soffice) is not installed; `make system-deps` installs it"
        )
    outdir.mkdir(parents=True, exist_ok=True)
    profile = (outdir / ".libreoffice-profile").resolve()
    command = [
        SOFFICE,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        *([f"--infilter={infilter}"] if infilter else []),
        "--convert-to",
        to,
        "--outdir",
        str(outdir),
        *(str(f) for f in files),
    ]
    try:
        subprocess.run(command, check=True, capture_output=True, timeout=timeout)
    except subprocess.CalledProcessError as error:
        raise LibreOfficeFailed(
            f"LibreOffice exited with {error.returncode} converting {len(files)} file(s) "
            f"to {to}: {error.stderr.decode(errors='replace').strip()}"
        ) from error
    except subprocess.TimeoutExpired as error:
        raise LibreOfficeFailed(
            f"LibreOffice took more than {timeout:g} s converting {len(files)} file(s) to {to}"
        ) from error
    suffix = to.split(":", 1)[0]
    outputs = [outdir / f"{Path(f).stem}.{suffix}" for f in files]
    missing = [str(f) for f, out in zip(files, outputs, strict=True) if not out.exists()]
    if missing:
        raise LibreOfficeFailed(f"LibreOffice wrote no {suffix} for: {', '.join(missing)}")
    return outputs
