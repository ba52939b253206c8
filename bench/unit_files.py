"""Word and Excel files typed by a unit's staff, imported and scored.

A city office receives its units' reports as Word (.docx) and Excel (.xlsx)
files made in an office suite.  The files of
``plugins/govdisclosure-docx-import/tests/unit_files_docx.py`` and
``plugins/govdisclosure-xlsx/tests/unit_files_xlsx.py`` are made that way
(python-docx, openpyxl, LibreOffice for a file resaved or an old binary
one), not through the project's renderers, each with what it prints written
down; each is imported and scored (``tests/unit_file_oracle.py``): printed
cells, exact, invented, not placed, not placed and not reported, the
edition, and whatever else the file asks (a formula never calculated named,
a wrong total told as the publisher's error, the numbered sections, an old
binary file refused with "convert it first", and read whole when
``GOVDISCLOSURE_SOFFICE=1`` asks for the conversion).

Usage: python bench/unit_files.py [--only docx|xlsx]   (a few seconds, plus
two LibreOffice runs per format where ``soffice`` is installed)
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for folder in (
    "tests",
    "plugins/govdisclosure-docx-import/tests",
    "plugins/govdisclosure-xlsx/tests",
):
    if str(ROOT / folder) not in sys.path:
        sys.path.insert(0, str(ROOT / folder))

import unit_files_docx  # noqa: E402
import unit_files_xlsx  # noqa: E402
from govdisclosure.testing.libreoffice import SOFFICE  # noqa: E402
from govdisclosure_docx_import import import_doc, import_docx  # noqa: E402
from govdisclosure_xlsx import import_binary, import_workbook  # noqa: E402
from unit_file_oracle import Score, as_converted, line, score, totals  # noqa: E402


def measure(fmt: str, folder: Path) -> list[Score]:
    """Every file of ``fmt`` ("docx" or "xlsx") imported and scored."""
    if fmt == "docx":
        made, opened, old = unit_files_docx.cases(), import_docx, import_doc
        converted = unit_files_docx.cases_converted
    else:
        made, opened, old = unit_files_xlsx.cases(), import_workbook, import_binary
        converted = unit_files_xlsx.cases_converted
    if SOFFICE is not None:
        made = [*made, *converted(folder / fmt)]
    os.environ.pop("GOVDISCLOSURE_SOFFICE", None)
    scores = [
        score(unit, (old if unit.refused else opened)(unit.data, f"{unit.name}.{fmt}"))
        for unit in made
    ]
    # An old binary file again, conversion asked for: read whole.
    os.environ["GOVDISCLOSURE_SOFFICE"] = "1"
    try:
        for unit in made:
            if unit.refused:
                done = as_converted(unit)
                got = score(done, old(unit.data, unit.name))
                scores.append(replace(got, name=f"{unit.name} converted"))
    finally:
        del os.environ["GOVDISCLOSURE_SOFFICE"]
    return scores


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--only", choices=("docx", "xlsx"), help="one format only")
    args = parser.parse_args(argv)
    formats = [args.only] if args.only else ["docx", "xlsx"]
    results: dict[str, list[Score]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in formats:
            results[fmt] = measure(fmt, Path(tmp))
            for s in results[fmt]:
                print(line(s), flush=True)
    print()
    for fmt, scores in results.items():
        print(f"{fmt}  {totals(scores)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
