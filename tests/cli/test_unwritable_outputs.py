"""Outputs that cannot be written, and file systems without hard links.

Every command whose output cannot be written ends the same way: one line
naming what could not be written and why, in the user's locale, exit status
2 (docs/cli.md), no traceback and nothing left behind.  And where the file
system has no hard links (FAT, some network mounts) every output is still
written whole, and an existing file still is not replaced without
``--force``.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from govdisclosure.cli import cli
from govdisclosure.cli._output import EXIT_UNWRITABLE
from govdisclosure.files import write_atomic
from govdisclosure.i18n import gettext
from locations import EXAMPLES

HUAIAN = str(EXAMPLES / "huaian-2024.json")
DONGCHENG = str(EXAMPLES / "consolidation" / "dongcheng-2024.json")
XISHAN = str(EXAMPLES / "consolidation" / "xishan-2024.json")
PAGE = str(EXAMPLES / "pages" / "pingtan-2023.html")

#: The command line as a process.
GD = [sys.executable, "-c", "from govdisclosure.cli import main; main()"]

#: ``BAD`` stands for a path that cannot be written (a folder below a
#: regular file: refused to every user, root included); a command without
#: ``BAD`` writes to standard output, which is then a full disk.
COMMANDS = {
    "validate": ["validate", HUAIAN],
    "show": ["show", HUAIAN],
    "compare": ["compare", DONGCHENG, XISHAN],
    "schema": ["schema", "-e", "2021", "-o", "BAD"],
    "new": ["new", "-e", "2021", "-y", "2024", "-u", "X", "-o", "BAD"],
    "new-form": ["new", "-e", "2021", "-y", "2024", "-u", "X", "--to", "xlsx", "-o", "BAD"],
    "render": ["render", HUAIAN, "--to", "json", "-o", "BAD"],
    "render-dir": ["render", HUAIAN, "--to", "json", "-d", "BAD"],
    "consolidate": ["consolidate", DONGCHENG, XISHAN, "-u", "全区", "-o", "BAD"],
    "import": ["import", PAGE, "-o", "BAD"],
    "export": ["export", HUAIAN, "--to", "csv", "-o", "BAD"],
    "export-findings": ["export", HUAIAN, "--to", "csv", "-o", "cells.csv", "--findings", "BAD"],
}


def _env() -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
    }
    env.update({"LANG": "zh_CN.UTF-8", "COLUMNS": "80"})
    return env


def test_the_documented_status_is_that_of_bad_usage() -> None:
    cli_page = (Path(__file__).parents[2] / "docs" / "cli.md").read_text(encoding="utf-8")
    assert "**2** bad usage" in cli_page and "an output that cannot be written" in cli_page
    assert EXIT_UNWRITABLE == 2


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_command_gives_the_same_status_for_an_output_it_cannot_write(
    tmp_path: Path, name: str
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    bad = str(blocker / "out")
    args = [bad if a == "BAD" else a for a in COMMANDS[name]]
    to_stdout = "BAD" not in COMMANDS[name]
    with open("/dev/full" if to_stdout else os.devnull, "w") as stdout:
        result = subprocess.run(
            [*GD, *args],
            cwd=tmp_path,
            env=_env(),
            stdout=stdout,
            stderr=subprocess.PIPE,
            text=True,
            timeout=300,
        )
    assert result.returncode == EXIT_UNWRITABLE, result.stderr
    assert "Traceback" not in result.stderr
    if to_stdout:
        assert "无法写出输出：设备上没有剩余空间" in result.stderr
    else:
        assert f"无法写入 {bad}：" in result.stderr, result.stderr
    if not to_stdout:  # said before a long run reads its inputs, as every command says it
        assert result.stderr.splitlines() == [f"错误：无法写入 {bad}：路径中的某一部分不是目录"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


@pytest.mark.parametrize("locale", ["en", "zh_Hans_CN"])
def test_a_consolidation_that_cannot_be_written_after_reading_closes_the_run(
    tmp_path: Path, locale: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An output that fails only when written (the disk full): every input
    was read and added, the closing line says nothing was written."""
    from govdisclosure.cli import _output

    def full(data: bytes, target: str, *, force: bool) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))

    monkeypatch.setattr(_output, "write_atomic", full)
    target = tmp_path / "total.json"
    args = ["consolidate", DONGCHENG, XISHAN, "-u", "全区", "-o", str(target), "-l", locale]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == EXIT_UNWRITABLE, result.output
    if locale == "en":
        assert f"Cannot write {target}: no space left on the device" in result.output
        assert "2 files read: 2 passed, 0 failed, 0 written" in result.output, result.output
    else:
        assert f"无法写入 {target}：设备上没有剩余空间" in result.output, result.output
        assert "已读取 2 个文件：2 个通过，0 个未通过，写出 0 个" in result.output, result.output


@pytest.mark.parametrize("locale", ["en", "zh_Hans_CN"])
def test_a_consolidation_into_a_folder_that_is_not_there_is_refused_before_reading(
    tmp_path: Path, locale: str
) -> None:
    """As ``export`` (which opens its tables first): not after every input was
    read, which for a province's corpus is minutes; an input that cannot be
    read is not even looked at."""
    target = tmp_path / "no-such-folder" / "total.json"
    args = ["consolidate", DONGCHENG, str(tmp_path / "missing.json"), "-u", "全区"]
    result = CliRunner().invoke(cli, [*args, "-o", str(target), "-l", locale])
    assert result.exit_code == EXIT_UNWRITABLE
    reason = "no such file or directory" if locale == "en" else "文件或目录不存在"
    said = gettext(locale, "Cannot write {path}: {reason}").format(path=target, reason=reason)
    assert result.output.splitlines() == [gettext(locale, "Error: {message}").format(message=said)]


# -- no hard links ----------------------------------------------------------------------------

#: What ``link`` answers where there are no hard links: FAT on Linux
#: (EPERM), file systems without the operation (ENOTSUP), a mount that will
#: not link across its boundary (EXDEV).
NO_LINKS = [errno.EPERM, errno.ENOTSUP, errno.EXDEV]


def _without_hard_links(monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code), str(args[0]), str(args[1]))

    monkeypatch.setattr(os, "link", refuse)


def _temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.parametrize("code", NO_LINKS, ids=errno.errorcode.get)
def test_a_file_is_written_whole_where_hard_links_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    _without_hard_links(monkeypatch, code)
    data = os.urandom(300_000)
    target = tmp_path / "out.bin"
    write_atomic(data, target, force=False)
    assert target.read_bytes() == data
    assert _temporaries(tmp_path) == []
    # An existing file is still not replaced without --force ...
    with pytest.raises(FileExistsError):
        write_atomic(b"other", target, force=False)
    assert target.read_bytes() == data
    assert _temporaries(tmp_path) == []
    # ... and is with it.
    write_atomic(b"other", target, force=True)
    assert target.read_bytes() == b"other"


@pytest.mark.parametrize("code", NO_LINKS, ids=errno.errorcode.get)
def test_commands_write_their_outputs_where_hard_links_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    _without_hard_links(monkeypatch, code)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    runs = [
        ["consolidate", DONGCHENG, XISHAN, "-u", "全区", "-o", "total.json"],
        ["render", HUAIAN, "--to", "markdown", "-o", "huaian.md"],
        ["render", HUAIAN, DONGCHENG, "--to", "json", "-d", "pages", "--jobs", "1"],
        ["export", HUAIAN, "--to", "csv", "-o", "cells.csv", "--jobs", "1"],
        ["schema", "-e", "2021", "-o", "schema.json"],
    ]
    for args in runs:
        result = runner.invoke(cli, [*args, "--locale", "en"])
        assert result.exit_code == 0, (args, result.output)
    total = (tmp_path / "total.json").read_text(encoding="utf-8")
    assert total.rstrip().endswith("}") and '"全区"' in total
    assert (tmp_path / "huaian.md").read_text(encoding="utf-8").startswith("#")
    assert sorted(p.name for p in (tmp_path / "pages").iterdir()) == [
        "dongcheng-2024.json",
        "huaian-2024.json",
    ]
    assert (tmp_path / "cells.csv").read_text(encoding="utf-8").count("\n") > 100
    assert _temporaries(tmp_path) == [] and _temporaries(tmp_path / "pages") == []
    # A second run without --force replaces nothing, and says so.
    again = runner.invoke(cli, [*runs[0], "--locale", "en"])
    assert again.exit_code == 2 and "exists; use --force" in again.output
    assert (tmp_path / "total.json").read_text(encoding="utf-8") == total


@pytest.mark.parametrize("locale", ["en", "zh_Hans_CN"])
def test_a_batch_output_that_cannot_be_written_is_said_as_one(tmp_path: Path, locale: str) -> None:
    """A batch's output whose name is taken by a folder: said as an output that
    cannot be written, not as the bare reason (``out/huaian-2024.json: is a
    directory``, ``page.html: failed: is a directory``)."""
    runner = CliRunner()
    (tmp_path / "out" / "huaian-2024.json").mkdir(parents=True)
    (tmp_path / "imported" / "pingtan-2023.json").mkdir(parents=True)
    rendered = runner.invoke(
        cli,
        ["render", HUAIAN, XISHAN, "--to", "json", "-d", str(tmp_path / "out"), "-f", "-l", locale],
    )
    imported = runner.invoke(
        cli, ["import", PAGE, "-o", str(tmp_path / "imported"), "-f", "-l", locale]
    )
    target = tmp_path / "out" / "huaian-2024.json"
    page_target = tmp_path / "imported" / "pingtan-2023.json"
    if locale == "en":
        assert f"Cannot write {target}: is a directory" in rendered.output
        assert f"{PAGE}: failed: cannot write {page_target}: is a directory" in imported.output
    else:
        assert f"无法写入 {target}：是目录" in rendered.output
        assert f"{PAGE}: 失败：无法写入 {page_target}：是目录" in imported.output
    assert rendered.exit_code == imported.exit_code == 2
    assert (tmp_path / "out" / "xishan-2024.json").is_file()  # the other file is written


@pytest.mark.parametrize("locale", ["en", "zh_Hans_CN"])
@pytest.mark.parametrize("command", ["render", "import"])
def test_a_batch_folder_that_is_there_but_not_writable_is_refused_before_reading(
    tmp_path: Path, locale: str, command: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only output folder: one line before any input is read, not the
    same reason once per file.  The folder's permission is what the
    operating system answers (``os.access``, asked here to refuse, as it
    does for a read-only folder to anyone but root, who may write anywhere)."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    real_access = os.access

    def access(path: object, mode: int, **kwargs: object) -> bool:
        if Path(str(path)) == folder and mode & os.W_OK:
            return False
        return real_access(path, mode, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)
    if command == "render":
        args = ["render", HUAIAN, XISHAN, "--to", "json", "-d", str(folder)]
    else:
        args = ["import", PAGE, PAGE, "-o", str(folder)]
    result = CliRunner().invoke(cli, [*args, "-l", locale])
    assert result.exit_code == EXIT_UNWRITABLE, result.output
    reason = gettext(locale, "Cannot write {path}: {reason}").format(path=folder, reason="")
    lines = result.output.splitlines()
    assert len(lines) == 1 and lines[0].startswith(
        gettext(locale, "Error: {message}").format(message=reason)
    ), result.output
    assert list(folder.iterdir()) == []
