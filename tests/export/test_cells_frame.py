"""``cells_frame``: the cells table as a pandas or Polars data frame, as export.md offers it."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import govdisclosure as gd
from govdisclosure.cli import cli
from govdisclosure.export import cells, cells_frame
from locations import EXAMPLES

REPORTS = ("huaian-2024.json", "yuxi-2017.json", "shanghai-szfbgt-2019.json")


def test_the_pandas_frame_is_the_cells_table() -> None:
    pytest.importorskip("pandas", reason="the dev extra installs pandas; a bare install may not")
    files = [str(EXAMPLES / name) for name in REPORTS]
    reports = [gd.load(f) for f in files]
    table = cells(reports, files)
    frame = cells_frame(reports, files=files)
    assert list(frame.columns) == table.column_names
    assert len(frame) == table.num_rows
    # Values stay exact: Decimal objects (or None), never floats.
    assert frame["value"].tolist() == table.column("value").to_pylist()
    assert frame["key"].tolist() == table.column("key").to_pylist()
    assert frame["file"].tolist() == table.column("file").to_pylist()


def test_the_frame_carries_an_imports_provenance(tmp_path: Path) -> None:
    """What ``cells(..., provenance=)`` gives, the frame gives: the text as printed."""
    pytest.importorskip("pandas", reason="the dev extra installs pandas; a bare install may not")
    out = tmp_path / "imported"
    page = EXAMPLES / "pages" / "pingtan-2023.html"
    result = CliRunner().invoke(cli, ["import", str(page), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    report = gd.load(out / "pingtan-2023.json")
    provenance = json.loads((out / "pingtan-2023.provenance.json").read_text(encoding="utf-8"))
    frame = cells_frame([report], provenance=[provenance])
    printed = frame["printed"].dropna()
    assert len(printed) == len(provenance["cells"]) > 0
    assert (
        printed.tolist()
        == cells([report], provenance=[provenance]).column("printed").drop_null().to_pylist()
    )
    assert set(frame["source_format"].dropna()) == {"html"}


def test_a_missing_library_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "polars", None)  # as if not installed
    report = gd.load(EXAMPLES / "huaian-2024.json")
    with pytest.raises(ImportError, match=r"needs Polars: pip install polars"):
        cells_frame([report], "polars")


def test_an_unknown_library_is_refused() -> None:
    report = gd.load(EXAMPLES / "huaian-2024.json")
    with pytest.raises(ValueError, match="'pandas' or 'polars'"):
        cells_frame([report], "spark")  # type: ignore[arg-type]
