"""A PDF, workbook or Word file that does not open is said in the user's
language: which file, that it could not be read as that format, what was
expected and what the file is instead (cut short, a web page saved under its
name, an old binary .doc or .xls, not a ZIP package, a package without the
document), told from its bytes.  The reading library's own words (pdfminer,
python-docx, openpyxl, zipfile, lxml: English) appear only where ours cannot
name the fault (a file damaged inside), as the marked detail at the end."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from govdisclosure.cli import cli
from locations import EXAMPLES, ROOT

PDF = ROOT / "plugins" / "govdisclosure-pdf-import" / "tests" / "data" / "hongze-2024.pdf"
XLSX = EXAMPLES / "workbooks" / "hongze-2024.xlsx"
DOCX = ROOT / "plugins" / "govdisclosure-docx-import" / "tests" / "data" / "hongze-2024.docx"

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
PAGE = b"<!DOCTYPE html>\n<html><body><h1>404 Not Found</h1></body></html>\n"


def _package(source: Path, part: str, keep: int | None) -> bytes:
    """``source``'s package with ``part`` cut to ``keep`` bytes (no longer XML),
    or without it (``keep=None``: a ZIP package that is not of the format)."""
    out = io.BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(out, "w") as new:
        for item in old.infolist():
            if item.filename == part:
                if keep is None:
                    continue
                new.writestr(item, old.read(item)[:keep])
            else:
                new.writestr(item, old.read(item))
    return out.getvalue()


def _damaged_pdf() -> bytes:
    data = PDF.read_bytes()
    return data[:2000] + b"x" * 5000 + data[-1500:]


#: Each broken file and its fault.
BROKEN: dict[str, tuple[bytes, str]] = {
    "cut.pdf": (PDF.read_bytes()[:3000], "cut-short"),
    "garbage.pdf": (b"%PDF-1.4\n1 0 obj garbage\n", "cut-short"),
    "page.pdf": (PAGE, "web-page"),
    "text.pdf": (b"Annual report 2024\n", "not-pdf"),
    "damaged.pdf": (_damaged_pdf(), "damaged"),
    "cut.xlsx": (XLSX.read_bytes()[:2000], "cut-short"),
    "garbage.xlsx": (b"PK\x03\x04 not really a zip", "cut-short"),
    "old.xlsx": (OLE, "old-binary"),
    "page.xlsx": (PAGE, "web-page"),
    "other.xlsx": (_package(DOCX, "", None), "no-part"),
    "damaged.xlsx": (_package(XLSX, "xl/workbook.xml", 300), "damaged"),
    "cut.docx": (DOCX.read_bytes()[:2000], "cut-short"),
    "text.docx": (b"Annual report 2024\n", "not-zip"),
    "old.docx": (OLE, "old-binary"),
    "other.docx": (_package(XLSX, "", None), "no-part"),
    "damaged.docx": (_package(DOCX, "word/document.xml", 500), "damaged"),
}

#: What the sentence says of each fault, in each locale.
FAULT = {
    "zh_Hans_CN": {
        "cut-short": "（该文件不完整：缺少文件的末尾）",
        "web-page": "（该文件是以此文件名保存的网页）",
        "not-pdf": "（该文件的开头不是 PDF 文件的开头，并非 PDF）",
        "not-zip": "（该文件不是 ZIP 压缩包，因此并非 .docx 文档）",
        "old-binary": "旧的二进制",
        "no-part": "是 ZIP 压缩包，但其中没有",
        "damaged": "但内部已损坏）（详情：",
    },
    "en": {
        "cut-short": "(this one is cut short: the end of the file is missing)",
        "web-page": "(this file is a web page, saved under its name)",
        "not-pdf": "(this file does not begin as a PDF does)",
        "not-zip": "(this file is not one: it is not a ZIP package)",
        "old-binary": "old binary",
        "no-part": "is a ZIP package, but holds no",
        "damaged": "but damaged inside) (detail: ",
    },
}

#: The sentence's beginning, after the file's name.
SAID = {
    "zh_Hans_CN": {
        ".pdf": "无法作为 PDF 读取：应为一",
        ".xlsx": "无法作为 Excel 工作簿读取：应为一个",
        ".docx": "无法作为 Word .docx 文件读取：应为一份",
    },
    "en": {
        ".pdf": "cannot be read as a PDF: expected a",
        ".xlsx": "cannot be read as an Excel workbook: expected a",
        ".docx": "cannot be read as a Word .docx file: expected a",
    },
}

#: Words a Chinese message may carry in Latin letters: the formats' names.
FORMAT_WORDS = {"PDF", "Excel", "xlsx", "xls", "Word", "docx", "doc", "ZIP"}


def _ours(message: str, locale: str) -> tuple[str, str]:
    """The message without the detail, and the detail ("" when there is none)."""
    mark = "（详情：" if locale == "zh_Hans_CN" else " (detail: "
    if mark not in message:
        return message, ""
    head, _, detail = message.partition(mark)
    closing = "）" if locale == "zh_Hans_CN" else ")"
    assert detail.endswith(closing), message
    return head, detail[: -len(closing)]


def _check(message: str, name: str, locale: str) -> None:
    fault = BROKEN[name][1]
    ours, detail = _ours(message, locale)
    assert FAULT[locale][fault].split("（详情")[0].split(" (detail")[0] in ours, message
    # The library's words: the detail of a damaged file alone.
    if fault == "damaged":
        assert re.match(r"[A-Za-z]+(Error|Exception)\b", detail), message
    else:
        assert detail == "", message
    if locale == "zh_Hans_CN":
        assert set(re.findall(r"[A-Za-z]+", ours)) <= FORMAT_WORDS, ours


@pytest.mark.parametrize("locale", ["zh_Hans_CN", "en"])
@pytest.mark.parametrize("name", list(BROKEN))
def test_a_file_that_does_not_open_is_said_in_the_users_language(
    tmp_path: Path, name: str, locale: str
) -> None:
    path = tmp_path / name
    path.write_bytes(BROKEN[name][0])
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["import", str(path), "-o", str(out), "-l", locale])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = result.stdout.splitlines()
    message = next(line.strip() for line in lines if line.startswith("  "))
    # Which file, as what it could not be read, and what was expected.
    assert message.startswith(f"{path} {SAID[locale][path.suffix]}"), message
    _check(message[len(str(path)) :], name, locale)


@pytest.mark.parametrize("name", list(BROKEN))
def test_other_commands_say_what_was_expected(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(BROKEN[name][0])
    result = CliRunner().invoke(cli, ["validate", str(path), "-l", "zh_Hans_CN"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    heading, problem = result.output.splitlines()[:2]
    assert heading == f"{path}: 无法读取报告（1）", result.output
    assert problem.startswith("  $: 应为一"), result.output
    # What the file holds is said, not quoted from the library as what was "found".
    assert "实际为" not in problem
    _check(problem, name, "zh_Hans_CN")
