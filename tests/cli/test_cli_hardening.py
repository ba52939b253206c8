"""Every case of the hardening issue, run through the command line.

Each case is a real ``govdisclosure`` process (or click's runner where the
process adds nothing) on a file made in a scratch folder; each asserts the
exit status, the message (in both locales where the message is ours), that
no traceback is printed and that no file is left behind.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.cells import cell_len

import govdisclosure as gd
import govdisclosure.cli as cli_package
from govdisclosure.cli import EXIT_BROKEN_PIPE, cli
from govdisclosure.files import remove_stale_temporaries, write_atomic
from govdisclosure.i18n import gettext
from locations import EXAMPLES, ROOT

HUAIAN = EXAMPLES / "huaian-2024.json"
HUAIAN_TEXT = HUAIAN.read_text(encoding="utf-8")

#: The command line as a process, with the environment CI has.
GD = [sys.executable, "-c", "import sys; from govdisclosure.cli import main; main()"]


def _env(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
    }
    env.update({"LANG": "C.UTF-8", "COLUMNS": "80"}, **extra)
    return env


def _run(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*GD, *args], cwd=cwd, env=env or _env(), capture_output=True, text=True, timeout=300
    )


@pytest.fixture
def scratch(tmp_path: Path) -> Iterator[Path]:
    """A folder with nothing in it but what the test writes; afterwards it
    must hold exactly those files (no output, no temporary file)."""
    yield tmp_path


def _left(folder: Path, *inputs: str) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in inputs)


def _no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stdout + result.stderr


# -- no silent loss ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "words"),
    [("en", "a key that appears once in its object"), ("zh_Hans_CN", "在所在对象中只出现一次的键")],
)
def test_a_duplicate_key_is_an_error_naming_its_path(
    scratch: Path, locale: str, words: str
) -> None:
    text = HUAIAN_TEXT.replace(
        '{\n  "edition": "2021",', '{\n  "edition": "2019",\n  "edition": "2021",', 1
    )
    text = text.replace('"fees": ', '"fees": "1", "fees": ', 1)
    (scratch / "dup.json").write_text(text, encoding="utf-8")
    result = _run("validate", "dup.json", "--locale", locale, cwd=scratch)
    assert result.returncode == 2
    assert words in result.stderr
    assert "$.edition" in result.stderr
    assert "$.table3" not in result.stderr  # fees is elsewhere: its own path
    assert ".fees" in result.stderr
    _no_traceback(result)
    rendered = _run("render", "dup.json", "--to", "markdown", "--locale", locale, cwd=scratch)
    assert rendered.returncode == 2 and words in rendered.stderr
    assert _left(scratch, "dup.json") == []


def test_a_duplicate_key_is_refused_by_the_library_as_well() -> None:
    text = HUAIAN_TEXT.replace('"natural_person": ', '"natural_person": 1, "natural_person": ', 1)
    with pytest.raises(gd.LoadError) as info:
        gd.loads(text)
    (problem,) = info.value.problems
    assert problem.path == "$.table3.new_applications.natural_person"
    # The same text without the repeat loads: the check refuses repeats only.
    assert gd.loads(HUAIAN_TEXT) == gd.load(HUAIAN)


def test_200000_unknown_keys_print_one_screen(scratch: Path) -> None:
    data = json.loads(HUAIAN_TEXT)
    data.update({f"x{i}": 1 for i in range(200_000)})
    (scratch / "big.json").write_text(json.dumps(data), encoding="utf-8")
    for locale, more in (
        ("en", "and 199,900 more problems"),
        ("zh_Hans_CN", "另有 199,900 个问题"),
    ):
        result = _run("validate", "big.json", "--locale", locale, cwd=scratch)
        assert result.returncode == 2
        lines = result.stderr.splitlines()
        assert len(lines) < 120
        assert re.search(r"[(（]200000[)）]", lines[0]), lines[0]
        assert more.replace(",", "") in result.stderr.replace(",", "")
        _no_traceback(result)
    assert _left(scratch, "big.json") == []


def test_dev_zero_is_refused_at_the_size_limit(scratch: Path) -> None:
    for locale, words in (("en", "input size limit"), ("zh_Hans_CN", "输入大小上限")):
        result = _run(
            "--max-input-size", "4M", "validate", "/dev/zero", "--locale", locale, cwd=scratch
        )
        assert result.returncode == 2
        assert words in result.stderr and "4,194,304" in result.stderr
        _no_traceback(result)
    assert _left(scratch) == []


def test_the_size_limit_applies_to_files_and_can_be_raised(scratch: Path) -> None:
    small = _run("--max-input-size", "1K", "validate", str(HUAIAN), "-l", "en", cwd=scratch)
    assert small.returncode == 2 and "--max-input-size" in small.stderr
    raised = _run("--max-input-size", "1M", "validate", str(HUAIAN), "-l", "en", cwd=scratch)
    assert raised.returncode == 0, raised.stderr
    by_env = _run("validate", str(HUAIAN), cwd=scratch, env=_env(GOVDISCLOSURE_MAX_INPUT_SIZE="1K"))
    assert by_env.returncode == 2
    bad = _run("--max-input-size", "lots", "validate", str(HUAIAN), "-l", "en", cwd=scratch)
    assert bad.returncode == 2 and "not a size: lots" in bad.stderr
    _no_traceback(bad)


@pytest.mark.parametrize(
    ("locale", "words"),
    [("en", "Every table cell is blank"), ("zh_Hans_CN", "所有表格单元格均为空白")],
)
def test_an_unfilled_report_is_an_error(scratch: Path, locale: str, words: str) -> None:
    made = _run("new", "-e", "2021", "-y", "2024", "-u", "某县", "-o", "blank.json", cwd=scratch)
    assert made.returncode == 0, made.stderr
    result = _run("validate", "blank.json", "--locale", locale, cwd=scratch)
    assert result.returncode == 1
    assert "report.unfilled" in result.stdout and words in result.stdout
    filled = _run("validate", str(HUAIAN), "--locale", locale, cwd=scratch)
    assert filled.returncode == 0 and "report.unfilled" not in filled.stdout
    assert _left(scratch, "blank.json") == []


def test_a_report_listing_itself_among_its_parts_is_refused(scratch: Path) -> None:
    report = json.loads(HUAIAN_TEXT)
    report["parts"] = [json.loads(HUAIAN_TEXT)]
    (scratch / "self.json").write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
    result = _run("validate", "self.json", "-l", "en", cwd=scratch)
    assert result.returncode == 2
    assert "$.parts[0].unit.name" in result.stderr
    _no_traceback(result)


# -- clear messages ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda t: t.encode("utf-16"), "UTF-16"),
        (lambda t: t.replace('"fees": "96171.6"', '"fees": 1e309').encode(), "$.table2.fees"),
        (
            lambda t: t.replace('"fees": "96171.6"', '"fees": 100000000000000000000').encode(),
            "$.table2.fees",
        ),
    ],
    ids=["utf-16", "1e309", "10^20"],
)
def test_unreadable_numbers_and_encodings_are_named(
    scratch: Path, change: object, words: str
) -> None:
    (scratch / "bad.json").write_bytes(change(HUAIAN_TEXT))  # type: ignore[operator]
    result = _run("validate", "bad.json", "-l", "en", cwd=scratch)
    assert result.returncode == 2
    assert "bad.json: Cannot read report" in result.stderr and words in result.stderr
    _no_traceback(result)


def test_an_amount_of_thirty_digits_is_shown(scratch: Path) -> None:
    amount = "1234567890123456789012345678.12"
    text = HUAIAN_TEXT.replace('"fees": "96171.6"', f'"fees": "{amount}"')
    (scratch / "money.json").write_text(text, encoding="utf-8")
    shown = _run("show", "money.json", "-l", "en", cwd=scratch, env=_env(COLUMNS="200"))
    assert shown.returncode == 0, shown.stderr
    assert "1,234,567,890,123,456,789,012,345,678.12" in shown.stdout
    _no_traceback(shown)
    markdown = _run("render", "money.json", "--to", "markdown", "-o", "-", cwd=scratch)
    assert markdown.returncode == 0 and amount in markdown.stdout


def test_continuity_names_the_year_it_expected(scratch: Path) -> None:
    older = ROOT / "examples" / "pingtan-2011.json"
    result = _run(
        "validate",
        str(HUAIAN),
        "--previous",
        str(older),
        "--format",
        "json",
        "-l",
        "en",
        cwd=scratch,
    )
    messages = [f["message"] for f in json.loads(result.stdout)["findings"]]
    assert any("is for 2011, not 2023 (the year before 2024)" in m for m in messages), messages


def test_one_file_is_one_file(scratch: Path) -> None:
    result = _run("validate", str(HUAIAN), "-l", "en", cwd=scratch)
    assert "1 file: 1 passed, 0 with errors, 0 unreadable; " in result.stderr
    # One summary, not a second line counting the same file again.
    assert "1 file" not in result.stdout and "file read" not in result.stderr


# -- output that cannot be written ---------------------------------------------------------


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize(
    "args",
    [
        ["validate", str(HUAIAN)],
        ["render", str(HUAIAN), "--to", "markdown", "-o", "-"],
        ["show", str(HUAIAN)],
        ["--help"],
    ],
    ids=["validate", "render", "show", "help"],
)
def test_a_full_standard_output_is_one_clear_error(scratch: Path, args: list[str]) -> None:
    for locale, words in (("en", "Cannot write the output"), ("zh_Hans_CN", "无法写出输出")):
        with open("/dev/full", "w") as full:
            result = subprocess.run(
                [*GD, *args, "--locale", locale]
                if args != ["--help"]
                else [*GD, "--locale", locale, *args],
                cwd=scratch,
                env=_env(),
                stdout=full,
                stderr=subprocess.PIPE,
                text=True,
                timeout=300,
            )
        assert result.returncode == 2, result.stderr
        assert words in result.stderr
        assert gettext(locale, "no space left on the device") in result.stderr
        assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
    assert _left(scratch) == []


def _leave(args: list[str], cwd: Path, *, lines: int) -> tuple[int, str]:
    """Run the command, read ``lines`` lines of its output, close the pipe."""
    process = subprocess.Popen(
        [*GD, *args], cwd=cwd, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout is not None and process.stderr is not None
    for _ in range(lines):
        process.stdout.readline()
    process.stdout.close()
    err = process.stderr.read().decode()
    return process.wait(timeout=300), err


def test_a_closed_pipe_ends_quietly_with_its_own_status(scratch: Path) -> None:
    # The reader reads the first lines of 300 files' findings and goes away.
    findings = (ROOT / "examples" / "pingtanxian-2012.json").read_text(encoding="utf-8")
    for i in range(300):
        (scratch / f"r{i:03}.json").write_text(findings, encoding="utf-8")
    code, err = _leave(["validate", ".", "--jobs", "1", "--quiet"], scratch, lines=1)
    assert code == EXIT_BROKEN_PIPE == 141
    assert err == ""  # quietly: no message, no traceback, no "Exception ignored"
    # A reader gone before anything is written: the same.
    code, err = _leave(["render", str(HUAIAN), "--to", "markdown", "-o", "-"], scratch, lines=0)
    assert (code, err) == (EXIT_BROKEN_PIPE, "")
    code, err = _leave(["show", str(HUAIAN)], scratch, lines=0)
    assert (code, err) == (EXIT_BROKEN_PIPE, "")


# -- terminal --------------------------------------------------------------------------------


def test_escape_sequences_in_report_text_are_shown_escaped(scratch: Path) -> None:
    data = json.loads(HUAIAN_TEXT)
    data["unit"]["name"] = "\x1b]0;pwned\x07\x1b[2J淮安"
    (scratch / "esc.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    for command in ("show", "validate"):
        result = _run(command, "esc.json", "-l", "en", cwd=scratch)
        assert "\x1b" not in result.stdout and "\\x1b]0;pwned\\x07\\x1b[2J淮安" in result.stdout


@pytest.mark.parametrize(
    ("args", "env", "words"),
    [
        (["--help"], {}, "用法："),
        (["--help", "--locale", "en"], {}, "Usage:"),
        (["--locale", "en", "--help"], {}, "Usage:"),
        (["--help"], {"LC_ALL": "en_US.UTF-8"}, "Usage:"),
        (["--help"], {"LC_MESSAGES": "en_US.UTF-8"}, "Usage:"),
        (["--help"], {"LANG": "en_GB.UTF-8"}, "Usage:"),
        (["--help"], {"LANG": "en_GB.UTF-8", "LC_ALL": "zh_CN.UTF-8"}, "用法："),
        (["validate", "--help"], {}, "按格式的规则检查报告"),
        (["validate", "--help", "-l", "en"], {}, "Check reports against the format's rules"),
    ],
)
def test_help_speaks_the_chosen_locale(
    scratch: Path, args: list[str], env: dict[str, str], words: str
) -> None:
    result = _run(*args, cwd=scratch, env=_env(**env))
    assert result.returncode == 0
    assert words in result.stdout
    if "用法" in words:  # the options and commands too, not only click's headings
        assert "显示本帮助并退出" in result.stdout and "Show this message" not in result.stdout


@pytest.mark.parametrize(
    ("args", "zh", "en"),
    [
        (["validate"], "缺少参数", "Missing argument"),
        (["valdate"], "没有命令“valdate”", "No such command 'valdate'"),
        (["validate", "--bogus", "x.json"], "没有选项", "No such option"),
        (["schema", "-e", "2020"], "不是“2021”、“2019”、“legacy”之一", "is not one of"),
    ],
)
def test_usage_errors_speak_the_chosen_locale(
    scratch: Path, args: list[str], zh: str, en: str
) -> None:
    chinese = _run(*args, cwd=scratch)
    assert chinese.returncode == 2 and zh in chinese.stderr and "错误：" in chinese.stderr
    # --locale anywhere on the line: before the command, after it, at the end.
    for placed in (
        ["--locale", "en", *args],
        [*args, "--locale", "en"],
        [*args[:1], "-l", "en", *args[1:]],
    ):
        english = _run(*placed, cwd=scratch)
        assert english.returncode == 2 and en in english.stderr and "Error:" in english.stderr
    by_env = _run(*args, cwd=scratch, env=_env(LANG="en_US.UTF-8"))
    assert en in by_env.stderr
    _no_traceback(chinese)


def test_findings_fit_an_80_column_terminal_with_whole_paths(scratch: Path) -> None:
    older = ROOT / "examples" / "pingtanxian-2012.json"  # published sums that do not add up
    result = _run("validate", str(older), "-l", "en", cwd=scratch, env=_env(COLUMNS="80"))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    # The file's heading is one line, its path whole (the terminal wraps it);
    # everything else fits the 80 columns.
    assert lines[0].startswith(f"{older}  ")
    assert max(cell_len(line) for line in lines[1:]) <= 80
    report = gd.load(older)
    paths = {f.path for f in gd.validate(report)}
    for path in paths:
        if len(path) < 40:  # a path that fits its column is never broken
            assert any(path in line for line in lines), path


def test_quiet_prints_only_files_with_findings(scratch: Path) -> None:
    result = _run("validate", "--quiet", str(HUAIAN), "-l", "en", cwd=scratch)
    assert result.returncode == 0
    assert "No findings" not in result.stdout and "1 file: 1 passed" in result.stderr


def test_an_unknown_renderer_option_lists_the_known_ones(scratch: Path) -> None:
    result = _run(
        "render",
        str(HUAIAN),
        "--to",
        "markdown",
        "--option",
        "tabels=html",
        "-l",
        "en",
        cwd=scratch,
    )
    assert result.returncode == 2
    assert "unknown option 'tabels'" in result.stderr and "tables" in result.stderr
    assert _left(scratch) == []


# -- temporary files -------------------------------------------------------------------------


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_stale_temporary_files_of_ours_are_removed_and_nothing_else(tmp_path: Path) -> None:
    dead = _dead_pid()
    ours = tmp_path / f".report.json.{dead}.0123abcd.tmp"
    alive = tmp_path / f".report.json.{os.getpid()}.0123abcd.tmp"  # a write in progress
    lookalike = tmp_path / f".report.json.{dead}.NOTHEX00.tmp"
    mine = tmp_path / "notes.tmp"
    for path in (ours, alive, lookalike, mine):
        path.write_bytes(b"x")
    assert remove_stale_temporaries(tmp_path) == [ours]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        p.name for p in (alive, lookalike, mine)
    )


def test_a_writer_killed_mid_write_leaves_a_temporary_file_the_next_write_removes(
    tmp_path: Path,
) -> None:
    target = tmp_path / "report.json"
    # A writer that stops for good between writing its temporary file and
    # renaming it, then is killed: what SIGKILL during a large write leaves.
    code = (
        "import os, sys, time\n"
        "import govdisclosure.files as files\n"
        "os.fsync = lambda fd: time.sleep(600)\n"
        f"files.write_atomic(b'{{}}', {str(target)!r}, force=True)\n"
    )
    writer = subprocess.Popen([sys.executable, "-c", code])
    deadline = time.monotonic() + 120
    while not any(p.name.endswith(".tmp") for p in tmp_path.iterdir()):
        assert time.monotonic() < deadline, "the writer never started"
        time.sleep(0.05)
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    (stale,) = tmp_path.iterdir()
    assert stale.name.startswith(".report.json.") and f".{writer.pid}." in stale.name
    # The next write to the same folder, by the command line, cleans it up.
    made = subprocess.run(
        [*GD, "new", "-e", "2021", "-y", "2024", "-u", "某县", "-o", str(tmp_path / "next.json")],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert made.returncode == 0, made.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["next.json"]


def test_write_atomic_cleans_each_folder_once_per_process(tmp_path: Path) -> None:
    stale = tmp_path / f".a.json.{_dead_pid()}.deadbeef.tmp"
    stale.write_bytes(b"x")
    write_atomic(b"1", tmp_path / "a.json", force=True)
    assert not stale.exists()
    stale.write_bytes(b"x")  # appears later: left for the next process
    write_atomic(b"2", tmp_path / "b.json", force=True)
    assert stale.exists()


# -- start-up --------------------------------------------------------------------------------


def _loaded(args: list[str], modules: tuple[str, ...], cwd: Path) -> list[str]:
    """Which of ``modules`` a whole ``govdisclosure ARGS`` process imported
    (a child interpreter: this one has imported everything already)."""
    code = (
        "import json, sys\n"
        "from govdisclosure.cli import main\n"
        f"sys.argv = ['govdisclosure', *{args!r}]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        f"loaded = sorted(m for m in {modules!r} if m in sys.modules)\n"
        "print('LOADED', json.dumps(loaded), file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=cwd,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    lines = [line for line in result.stderr.splitlines() if line.startswith("LOADED ")]
    assert lines, result.stdout + result.stderr
    loaded: list[str] = json.loads(lines[-1].removeprefix("LOADED "))
    return loaded


#: Libraries only the plugins that render or import need.
_RENDERERS = ("reportlab", "openpyxl", "docx", "pdfplumber", "selectolax")


def test_validate_imports_no_renderer_library(scratch: Path) -> None:
    """A clean 2021 report: no renderer, no table of findings, no Babel
    (the default locale is one the catalogs name as it is)."""
    args = ["validate", "--jobs", "1", str(HUAIAN)]
    assert _loaded(args, (*_RENDERERS, "rich.table", "babel"), scratch) == []


def test_validate_finds_the_plugins_in_the_cache(scratch: Path) -> None:
    """The second run reads the plugins' entry points from the user's cache:
    no importlib.metadata (nor the email, zipfile and csv modules it needs).
    Nor does a plain ``validate FILE`` import what it does not use: the TOML
    parser (a TOML list of acceptances), the SARIF writer (``--format
    sarif``), what only writing a file needs (secrets, random) or walking a
    folder (an import's provenance files), or, its lines fitting the width
    of an output that is not a terminal, a rich console."""
    shutil.copy(HUAIAN, scratch / "report.json")
    args = ["validate", "--jobs", "1", "report.json"]
    modules = (
        "importlib.metadata",
        "email",
        "zipfile",
        "csv",
        "tomllib",
        "govdisclosure.validation.sarif",
        "rich.console",
        "rich.text",
        "secrets",
        "random",
        "govdisclosure.export.provenance",
    )
    _loaded(args, modules, scratch)  # the cache filled (or already full)
    assert _loaded(args, modules, scratch) == []


def test_version_loads_no_catalog(scratch: Path) -> None:
    """The version comes from the package itself, not the installed metadata."""
    modules = (
        *_RENDERERS,
        "babel",
        "rich",
        "attr",
        "importlib.metadata",
        "govdisclosure.i18n",
        "govdisclosure.editions",
        "govdisclosure.editions.e2019",
    )
    assert _loaded(["--version"], modules, scratch) == []


def test_help_loads_the_catalog_alone(scratch: Path) -> None:
    """The commands are listed from their source; the catalog is read, Babel not."""
    modules = (*_RENDERERS, "babel", "rich", "attr", "importlib.metadata", "govdisclosure.i18n")
    assert _loaded(["--help"], modules, scratch) == ["govdisclosure.i18n"]


def test_the_runner_sees_the_same_locale_rules() -> None:
    """click's runner (what most tests use) goes through the same door."""
    result = CliRunner().invoke(cli, ["validate", "--locale", "en"])
    assert result.exit_code == 2 and "Missing argument" in result.output
    result = CliRunner().invoke(cli, ["validate"])
    assert "缺少参数" in result.output


def test_the_commands_help_is_read_from_the_cache_the_second_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--help`` reads each command's help from its source once; the next
    run lists the same commands, with the same words, from the cache."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first = CliRunner().invoke(cli, ["--locale", "en", "--help"])
    assert first.exit_code == 0 and "validate" in first.output

    def not_again(source: bytes, origin: str) -> tuple[()]:
        raise AssertionError(f"{origin} parsed again")

    monkeypatch.setattr(cli_package, "_help_texts", not_again)
    second = CliRunner().invoke(cli, ["--locale", "en", "--help"])
    assert second.exit_code == 0, second.output
    assert second.output == first.output
