"""The font stand-in note is said once per ``render`` run, whatever ``--jobs``.

Each worker process of a batch rendered its first PDF with the stand-in
faces and printed the note itself, so ``--jobs 2`` said it twice.  The note
is now a warning (:class:`govdisclosure_pdf.FontStandInWarning`) the command
collects from each file's rendering and says once.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

import govdisclosure as gd
from govdisclosure_pdf import FontStandInWarning
from govdisclosure_pdf.fonts import resolve_fonts
from pdf_reports import EXAMPLES

FILES = [EXAMPLES / f"{name}.json" for name in ("huaian-2024", "hongze-2024", "pingtan-2011")]

stand_ins = pytest.mark.skipif(
    not resolve_fonts().stand_ins,
    reason="every official face is installed here: nothing stands in, so nothing is said",
)


def _notes(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "govdisclosure-pdf" in line]


@stand_ins
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_batch_says_the_note_once(tmp_path: Path, jobs: str) -> None:
    command = shutil.which("govdisclosure", path=str(Path(sys.executable).parent))
    assert command is not None
    files = [str(f) for f in FILES * 2]
    names = [f"{i}.json" for i in range(len(files))]
    for name, file in zip(names, files, strict=True):
        shutil.copyfile(file, tmp_path / name)
    out = subprocess.run(
        [command, "render", *names, "--to", "pdf", "-d", "out", "-j", jobs, "-l", "en"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    (note,) = _notes(out.stderr)
    assert note.startswith("govdisclosure-pdf: official faces not installed, standing in: ")
    assert len(list((tmp_path / "out").glob("*.pdf"))) == len(files)


@stand_ins
def test_one_file_says_it_once_in_the_locale(tmp_path: Path) -> None:
    command = shutil.which("govdisclosure", path=str(Path(sys.executable).parent))
    assert command is not None
    out = subprocess.run(
        [command, "render", str(FILES[0]), "--to", "pdf", "-o", str(tmp_path / "a.pdf")],
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "/usr/bin:/bin", "LANG": "zh_CN.UTF-8"},
    )
    assert out.returncode == 0, out.stderr
    (note,) = _notes(out.stderr)
    # Chinese all through: its pairs joined with the Chinese semicolon.
    assert note.startswith("govdisclosure-pdf：") and "; " not in note, note


@stand_ins
def test_a_library_caller_gets_a_warning_it_can_filter() -> None:
    report = gd.load(FILES[0])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        from govdisclosure_pdf import fonts

        fonts._noted.clear()
        gd.render(report, "pdf", locale="en")
        gd.render(report, "pdf", locale="en")
    said = [w for w in caught if issubclass(w.category, FontStandInWarning)]
    assert len(said) == 1  # once per process for a library caller
    assert "standing in" in str(said[0].message)
