"""``govdisclosure.testing.libreoffice.convert``: one run, outputs in order, failures named."""

from __future__ import annotations

from pathlib import Path

import pytest

from govdisclosure.testing import libreoffice
from govdisclosure.testing.libreoffice import SOFFICE, LibreOfficeFailed, convert

pytestmark = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) is not installed; `make system-deps`"
)


def test_every_file_is_converted_in_the_order_given(tmp_path: Path) -> None:
    first, second = tmp_path / "b.txt", tmp_path / "a.txt"
    first.write_text("第一份\n", encoding="utf-8")
    second.write_text("第二份\n", encoding="utf-8")
    out = convert([first, second], "html", tmp_path / "out")
    assert out == [tmp_path / "out" / "b.html", tmp_path / "out" / "a.html"]
    assert "第一份" in out[0].read_text(encoding="utf-8")
    assert "第二份" in out[1].read_text(encoding="utf-8")


def test_an_input_left_unconverted_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-file.docx"
    with pytest.raises(LibreOfficeFailed, match=r"no-such-file\.docx"):
        convert([missing], "pdf", tmp_path)


def test_without_libreoffice_it_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(libreoffice, "SOFFICE", None)
    with pytest.raises(LibreOfficeFailed, match="make system-deps"):
        convert([tmp_path / "x.docx"], "pdf", tmp_path)
