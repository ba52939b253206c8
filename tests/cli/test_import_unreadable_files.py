"""A PDF, workbook or Word file that does not open is said in the user's
language: which file, that it could not be read as that format, what was
expected.  The reading library's own words (pypdf, pdfminer, openpyxl,
python-docx: English) appear only as the marked detail at the end."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from govdisclosure.cli import cli
from locations import EXAMPLES, ROOT

PDF = ROOT / "plugins" / "govdisclosure-pdf-import" / "tests" / "data" / "hongze-2024.pdf"
XLSX = EXAMPLES / "workbooks" / "hongze-2024.xlsx"
DOCX = ROOT / "plugins" / "govdisclosure-docx-import" / "tests" / "data" / "hongze-2024.docx"

#: A file cut short (a download that stopped), and one that only starts like its format.
BROKEN = {
    "cut.pdf": PDF.read_bytes()[:3000],
    "garbage.pdf": b"%PDF-1.4\n1 0 obj garbage\n",
    "cut.xlsx": XLSX.read_bytes()[:2000],
    "garbage.xlsx": b"PK\x03\x04 not really a zip",
    "cut.docx": DOCX.read_bytes()[:2000],
}

SAID = {
    "zh_Hans_CN": {
        ".pdf": "无法作为 PDF 读取：应为 PDF 文档，但该文件已损坏、不完整或并非 PDF（详情：",
        ".xlsx": "无法作为 Excel 工作簿读取：应为 .xlsx 工作簿，但该文件已损坏、不完整或并非工作簿（详情：",
        ".docx": "无法作为 Word .docx 文件读取：应为 .docx 文档，但该文件已损坏、不完整或并非 Word 文档（详情：",
    },
    "en": {
        ".pdf": "cannot be read as a PDF: expected a PDF document, but the file is damaged, "
        "cut short or not a PDF (detail: ",
        ".xlsx": "cannot be read as an Excel workbook: expected an .xlsx workbook, but the file "
        "is damaged, cut short or not a workbook (detail: ",
        ".docx": "cannot be read as a Word .docx file: expected a .docx document, but the file "
        "is damaged, cut short or not a Word document (detail: ",
    },
}

#: Words a Chinese message may carry in Latin letters: the formats' names.
FORMAT_WORDS = {"PDF", "Excel", "xlsx", "Word", "docx"}


@pytest.mark.parametrize("locale", ["zh_Hans_CN", "en"])
@pytest.mark.parametrize("name", list(BROKEN))
def test_a_file_that_does_not_open_is_said_in_the_users_language(
    tmp_path: Path, name: str, locale: str
) -> None:
    path = tmp_path / name
    path.write_bytes(BROKEN[name])
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["import", str(path), "-o", str(out), "-l", locale])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = result.stdout.splitlines()
    message = next(line.strip() for line in lines if line.startswith("  "))
    said = SAID[locale][path.suffix]
    assert message.startswith(f"{path} {said}"), message
    # The library's words are the detail at the end, and only there.
    closing = "）" if locale == "zh_Hans_CN" else ")"
    assert message.endswith(closing)
    detail = message[len(f"{path} {said}") : -1]
    assert re.match(r"[A-Za-z]+(Error|Exception|File)\b", detail), detail
    if locale == "zh_Hans_CN":
        ours = message[len(str(path)) : len(f"{path} {said}")]
        assert set(re.findall(r"[A-Za-z]+", ours)) <= FORMAT_WORDS, ours


@pytest.mark.parametrize("name", ["cut.pdf", "garbage.xlsx", "cut.docx"])
def test_other_commands_say_what_was_expected(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(BROKEN[name])
    result = CliRunner().invoke(cli, ["validate", str(path), "-l", "zh_Hans_CN"])
    assert result.exit_code == 2
    kind = {".pdf": "PDF 文档", ".xlsx": ".xlsx 工作簿", ".docx": ".docx 文档"}[path.suffix]
    assert f"$: 应为能够打开的 {kind}（该文件已损坏、不完整或并非" in result.output, result.output
