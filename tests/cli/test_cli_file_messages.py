"""A file that cannot be read or written is said in the user's language.

``OSError.strerror`` is the C library's English whatever the locale; the
common causes have catalog messages (:mod:`govdisclosure.oserrors`).  Each
case is a real process in both locales: exit status, the message, no
traceback, nothing left behind.
"""

from __future__ import annotations

import errno
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import govdisclosure as gd
from govdisclosure.cli import cli
from govdisclosure.codec import PROVENANCE_NOT_A_REPORT
from govdisclosure.errors import UnreadableFileError
from govdisclosure.i18n import gettext
from govdisclosure.oserrors import os_error_text, unreadable
from locations import EXAMPLES

GD = [sys.executable, "-c", "import sys; from govdisclosure.cli import main; main()"]
HUAIAN = EXAMPLES / "huaian-2024.json"
LOCALES = ["zh_Hans_CN", "en"]


def _run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "COLUMNS": "200"}
    result = subprocess.run(
        [*GD, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )
    assert "Traceback" not in result.stdout + result.stderr
    return result


@pytest.mark.parametrize("locale", LOCALES)
def test_a_missing_input_says_so(tmp_path: Path, locale: str) -> None:
    result = _run(tmp_path, "validate", "no-such.json", "-l", locale)
    assert result.returncode == 2
    assert f"no-such.json: {gettext(locale, 'Cannot read report')}" in result.stderr
    assert gettext(locale, "a file that exists") in result.stderr
    assert "No such file" not in result.stderr or locale == "en"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("locale", LOCALES)
def test_a_missing_file_to_import_says_what_was_expected(tmp_path: Path, locale: str) -> None:
    result = _run(tmp_path, "import", "no-such.html", "-o", "out", "-l", locale)
    assert result.returncode == 2
    expected = gettext(locale, "expected {expected}").format(
        expected=gettext(locale, "a file that exists")
    )
    said = gettext(locale, "{state}: {reason}").format(
        state=gettext(locale, "failed"), reason=expected
    )
    line = f"no-such.html: {said}"
    assert line + "\n" in result.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert list((tmp_path / "out").iterdir()) == []


@pytest.mark.parametrize("locale", LOCALES)
def test_an_empty_input_says_so(tmp_path: Path, locale: str) -> None:
    (tmp_path / "empty.json").write_bytes(b"\n")
    result = _run(tmp_path, "validate", "empty.json", "-l", locale)
    assert result.returncode == 2
    assert gettext(locale, "a report in JSON, not an empty file") in result.stderr
    assert "zero-length" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.json"]


@pytest.mark.parametrize("locale", LOCALES)
def test_an_output_folder_that_cannot_be_made_says_why(tmp_path: Path, locale: str) -> None:
    (tmp_path / "plain").write_text("a file, not a folder", encoding="utf-8")
    result = _run(tmp_path, "render", str(HUAIAN), "--to", "json", "-d", "plain/out", "-l", locale)
    assert result.returncode == 2
    assert gettext(locale, "a part of the path is not a directory") in result.stderr
    assert "Not a directory" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plain"]


@pytest.mark.parametrize("locale", LOCALES)
def test_an_output_file_that_cannot_be_written_says_why(tmp_path: Path, locale: str) -> None:
    (tmp_path / "plain").write_text("a file, not a folder", encoding="utf-8")
    result = _run(tmp_path, "schema", "-e", "2021", "-o", "plain/schema.json", "-l", locale)
    assert result.returncode == 2
    assert gettext(locale, "a part of the path is not a directory") in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plain"]


def test_a_rare_cause_keeps_the_systems_words_as_the_marked_detail() -> None:
    """Said as a system error in the locale; the system's English only as the detail."""
    rare = OSError(errno.EXDEV, "Invalid cross-device link")
    assert os_error_text(rare, "zh_Hans_CN") == "系统错误（详情：Invalid cross-device link）"
    assert os_error_text(rare, "en") == "a system error (detail: Invalid cross-device link)"
    problem = unreadable(rare)
    assert (problem.expected, problem.found, problem.detail) == (
        "a readable file",
        "",
        "Invalid cross-device link",
    )
    assert problem.describe("zh_Hans_CN") == "应为可读取的文件（详情：Invalid cross-device link）"


@pytest.mark.parametrize(
    "code", [errno.ENOENT, errno.EACCES, errno.EISDIR, errno.ENOTDIR, errno.ENAMETOOLONG, errno.EIO]
)
def test_an_input_that_cannot_be_read_for_a_common_cause_says_it_in_the_locale(code: int) -> None:
    """Not the system's English as what was found (``应为可读取的文件；实际为 Not a
    directory`` for ``afile/x.json``)."""
    problem = unreadable(OSError(code, "@@strerror@@"))
    chinese, english = problem.describe("zh_Hans_CN"), problem.describe("en")
    assert problem.found == "" and "@@" not in chinese + english
    assert not re.search("[A-Za-z]", chinese), chinese


@pytest.mark.parametrize(
    "code", [errno.ENOENT, errno.EACCES, errno.EISDIR, errno.ENOSPC, errno.EROFS]
)
def test_common_causes_are_translated(code: int) -> None:
    exc = OSError(code, "@@strerror@@")
    chinese, english = os_error_text(exc, "zh_Hans_CN"), os_error_text(exc, "en")
    assert chinese != english and "@@" not in chinese + english


@pytest.mark.parametrize(
    ("locale", "words"),
    [("en", "0 errors, 1 warning, 4 notices"), ("zh_Hans_CN", "错误0项，警告1项，提示4项")],
)
def test_counts_of_findings_take_their_plural_forms(
    tmp_path: Path, locale: str, words: str
) -> None:
    result = _run(tmp_path, "validate", str(EXAMPLES / "yuxi-2017.json"), "-l", locale)
    assert result.returncode == 0
    assert words in result.stdout.splitlines()[0]


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "sarif"])
def test_what_an_unreadable_file_holds_is_quoted_not_formatted(tmp_path: Path, fmt: str) -> None:
    """A JSON array of records (a transcription list, not a report) is quoted
    in the message; its braces are text, not placeholders (a ``{`` in it
    raised "unmatched '{' in format spec" in the JSON output)."""
    (tmp_path / "list.json").write_text('[{"file": "a.md", "year": 2019}]', encoding="utf-8")
    result = _run(tmp_path, "validate", "list.json", "--format", fmt, "-l", "en")
    assert result.returncode == 2
    assert '[{"file":"a.md","year":2019}]' in result.stdout + result.stderr


@pytest.mark.parametrize("locale", LOCALES)
def test_a_provenance_file_named_as_a_report_says_what_it_is(tmp_path: Path, locale: str) -> None:
    """``validate imported/*.json`` names each report's provenance too (the
    shell's glob takes both): it is said to be the import's record beside its
    report, not fourteen unknown keys."""
    page = EXAMPLES / "pages" / "pingtan-2023.html"
    assert _run(tmp_path, "import", str(page), "-o", "imported").returncode == 0
    named = sorted(str(p.relative_to(tmp_path)) for p in (tmp_path / "imported").glob("*.json"))
    assert named == ["imported/pingtan-2023.json", "imported/pingtan-2023.provenance.json"]
    result = _run(tmp_path, "validate", *named, "-l", locale)
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if "provenance" in line]
    assert lines[0] == (
        "imported/pingtan-2023.provenance.json: "
        + gettext(locale, "{heading} ({count})").format(
            heading=gettext(locale, "Cannot read report"), count=1
        )
    )
    assert gettext(locale, PROVENANCE_NOT_A_REPORT) in result.stderr
    assert "unit" not in result.stderr and "cells" not in result.stderr  # not the keys one by one


@pytest.mark.parametrize("locale", ["zh_Hans_CN", "en"])
@pytest.mark.parametrize("command", [["validate"], ["show"], ["render", "--to", "json", "-o", "-"]])
def test_the_commands_say_what_gd_load_raises(
    tmp_path: Path, locale: str, command: list[str]
) -> None:
    # One set of words for a file that cannot be read: the library's error
    # (an OSError its callers catch) is what every command prints.  (A
    # directory is a folder of inputs to the commands, said as such.)
    path = tmp_path / "gone.json"
    with pytest.raises(OSError) as info:
        gd.load(path)
    assert isinstance(info.value, UnreadableFileError)
    result = CliRunner().invoke(cli, [command[0], str(path), *command[1:], "-l", locale])
    assert result.exit_code == 2, result.output
    assert info.value.render(locale) in result.stderr, result.stderr
    assert "Errno" not in result.output and "Traceback" not in result.output
