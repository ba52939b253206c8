"""A glob pattern that matches no file is said as such, by every batch command.

It was handed on as a file name and said as a file that does not exist
(``nomatch/*.json: Cannot read report (1) / $: expected a file that
exists``; ``import``: ``no loader reads .json files``).  Now each command
says ``no file matches PATTERN`` in the locale, counts the pattern in its
summary apart from the files (``1 pattern matching no file``: it is not
one more file "unreadable" or "skipped"), and exits 2; the files that were
found are still processed.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from govdisclosure.batch import expand_inputs, report_suffixes
from govdisclosure.cli import cli
from govdisclosure.cli._batch import holds_no_file
from govdisclosure.i18n import gettext
from locations import EXAMPLES

HUAIAN = EXAMPLES / "huaian-2024.json"
PAGE = EXAMPLES / "pages" / "pingtan-2023.html"

#: Each batch command, with its options (OUT is the scratch folder) and the
#: file it reads.
COMMANDS = {
    "validate": ([], HUAIAN),
    "render": (["--to", "markdown", "-d", "{out}/md"], HUAIAN),
    "consolidate": (["--unit", "全市", "-o", "{out}/total.json"], HUAIAN),
    "import": (["-o", "{out}/imported"], PAGE),
    "export": (["--to", "csv", "-o", "{out}/cells.csv"], HUAIAN),
}


def _one_input(command: str, tmp_path: Path) -> Path:
    """A copy of the command's example file, alone in ``tmp_path/in``."""
    _, source = COMMANDS[command]
    found = tmp_path / "in" / source.name
    found.parent.mkdir()
    shutil.copy(source, found)
    return found


def _invoke(command: str, out: Path, locale: str, *inputs: str) -> tuple[int, str]:
    options, _ = COMMANDS[command]
    out.mkdir(exist_ok=True)
    args = [command, *inputs, *(o.format(out=out) for o in options), "-l", locale, "-j", "1"]
    result = CliRunner().invoke(cli, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def _assert_counted_as_missing(
    command: str, locale: str, output: str, out: Path, what: str
) -> None:
    """One input found and processed, one missing (``what``) counted in the
    command's summary apart from the files (one file, not two: a pattern or
    a folder is not a file); ``consolidate`` refuses to write a total
    without it."""
    from govdisclosure.batch.summary import inputs_without_files

    pattern = what.startswith("a pattern")
    apart = inputs_without_files(locale, int(pattern), int(not pattern))
    assert apart is not None and apart in output, output
    if command == "validate":
        assert "1 file: 1 passed, 0 with errors, 0 unreadable; " in output or locale != "en"
        assert "共 1 个文件：1 个通过，0 个有错误，0 个无法读取；" in output or locale == "en"
    elif command == "import":
        assert "1 file: 1 fully imported, 0 partly imported, 0 failed" in output or locale != "en"
        assert "共 1 个文件：全部导入 1 个，部分导入 0 个，失败 0 个" in output or locale == "en"
    elif command == "consolidate":
        assert not (out / "total.json").exists()  # a total without it is wrong
        reason = gettext(locale, what + ": a total without its files would be wrong")
        assert reason in output
        assert "1 file read: refused" in output or locale != "en"
        assert "nothing written, 0 skipped; " + apart in output or locale != "en"
    else:
        assert "1 file read: 1 passed, 0 failed, 1 written, 0 skipped; " in output or locale != "en"
        assert (
            "已读取 1 个文件：1 个通过，0 个未通过，写出 1 个，跳过 0 个；" in output
            or locale == "en"
        )


@pytest.mark.parametrize("locale", ["zh_Hans_CN", "en"])
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_pattern_matching_nothing_is_said_counted_and_fails_the_run(
    tmp_path: Path, command: str, locale: str
) -> None:
    found = _one_input(command, tmp_path)
    pattern = str(tmp_path / "nothing" / "*-2024.*")
    code, output = _invoke(command, tmp_path / "out", locale, pattern, str(found))
    said = gettext(locale, "no file matches {pattern}").format(pattern=pattern)
    assert code == 2, output
    assert output.splitlines()[0] == said, output  # said first, on a line of its own
    assert gettext(locale, "a file that exists") not in output  # not a file that is missing
    assert gettext(locale, "no loader reads {suffix} files").format(suffix=".*") not in output
    # The file that was found is still processed, and the pattern is counted.
    _assert_counted_as_missing(
        command, locale, output, tmp_path / "out", "a pattern that matches no file"
    )


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_only_patterns_matching_nothing_end_with_a_summary(tmp_path: Path, command: str) -> None:
    """Not "no input files found" (bad usage): the patterns are said and counted."""
    first, second = str(tmp_path / "a-*.json"), str(tmp_path / "b-*.json")
    code, output = _invoke(command, tmp_path / "out", "en", first, second, first)
    assert code == 2, output
    lines = output.splitlines()
    assert lines[:2] == [f"no file matches {first}", f"no file matches {second}"], output
    assert output.count(first) == 1  # named twice, said once
    assert "No input files found" not in output
    assert "2 patterns matching no file" in output, output
    assert not re.search(r"\b2 (skipped|unreadable|failed)", output), output  # not files
    assert not (tmp_path / "out" / "total.json").exists()
    assert not (tmp_path / "out" / "cells.csv").exists()


def test_validate_json_lists_the_pattern_as_an_unreadable_input(tmp_path: Path) -> None:
    pattern = str(tmp_path / "*.json")
    result = CliRunner().invoke(
        cli, ["validate", pattern, str(HUAIAN), "--format", "json", "-l", "en", "-j", "1"]
    )
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    assert document["reports"][0] == {"file": pattern, "readable": False}
    finding = document["findings"][0]
    assert (finding["file"], finding["rule"], finding["path"]) == (pattern, "load", "$")
    assert finding["message"] == f"no file matches {pattern}"
    assert f"no file matches {pattern}" in result.stderr


def test_expansion_hands_back_the_patterns_matching_nothing(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text("{}", encoding="utf-8")
    missing = str(tmp_path / "nothing-*.json")
    unmatched: list[str] = []
    files = expand_inputs([missing, str(tmp_path / "*.json"), missing], unmatched=unmatched)
    assert list(files) == [str(tmp_path / "a.json")] and unmatched == [missing]
    assert list(expand_inputs([missing])) == [missing]  # without the list: kept, to be reported


# A directory that yields no file -------------------------------------------
#
# It added nothing without a word when other inputs were given (an import of
# a folder of .html pages with --glob '*.htm' typed for '*.html' wrote the
# other files and exited 0), and was bad usage ("No input files found in
# DIR") when it was the only input.  Now it is said, in the locale, counted
# as an input not read, and the run exits 2, as a pattern matching nothing.


def _suffixes(command: str) -> frozenset[str]:
    """What the command takes from a directory without --glob."""
    from govdisclosure.plugin.manager import loaders

    if command == "import":  # a page or a document to import, never our JSON
        return frozenset(s for loader in loaders().values() for s in loader.suffixes)
    return report_suffixes()


@pytest.mark.parametrize("by_glob", [True, False], ids=["glob", "suffix"])
@pytest.mark.parametrize("locale", ["zh_Hans_CN", "en"])
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_directory_holding_no_file_is_said_counted_and_fails_the_run(
    tmp_path: Path, command: str, locale: str, by_glob: bool
) -> None:
    found = _one_input(command, tmp_path)
    folder = tmp_path / "报告 2024"
    folder.mkdir()
    (folder / "notes.txt").write_text("not a report", encoding="utf-8")
    pattern = "*.htm" if by_glob else None  # a typo for *.html, or none
    options = ["--glob", pattern] if pattern else []
    code, output = _invoke(command, tmp_path / "out", locale, str(folder), str(found), *options)
    said = holds_no_file(locale, str(folder), pattern, _suffixes(command))
    assert code == 2, output
    assert output.splitlines()[0] == said, output  # said first, on a line of its own
    looked_for = pattern or (".html" if command == "import" else ".json")
    assert str(folder) in said and looked_for in said
    # The file named is still processed, and the directory is counted.
    _assert_counted_as_missing(
        command, locale, output, tmp_path / "out", "a directory that holds no file"
    )


def test_the_directory_is_said_in_each_locale() -> None:
    assert holds_no_file("en", "pages", "*.htm") == "pages holds no file matching *.htm"
    assert holds_no_file("zh_Hans_CN", "pages", "*.htm") == "pages 中没有与 *.htm 匹配的文件"
    kinds = [".json", ".html", ".pdf"]
    assert holds_no_file("en", "d", None, kinds) == "d holds no .html, .json or .pdf file"
    assert holds_no_file("zh_Hans_CN", "d", None, kinds) == "d 中没有 .html、.json 或 .pdf 文件"
    assert holds_no_file("en", "d", None, [".json"]) == "d holds no .json file"


def test_an_import_of_pages_with_a_mistyped_glob_fails(tmp_path: Path) -> None:
    """The case that wrote the other files and exited 0, saying nothing of the folder."""
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(PAGE, pages / PAGE.name)
    other = tmp_path / "other.html"
    shutil.copy(PAGE, other)
    code, output = _invoke(
        "import", tmp_path / "out", "en", str(pages), str(other), "--glob", "*.htm"
    )
    assert code == 2, output
    assert f"{pages} holds no file matching *.htm" in output
    assert "1 file: 1 fully imported, 0 partly imported, 0 failed" in output
    assert "1 folder with no file to read" in output


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_only_directories_holding_no_file_end_with_a_summary(tmp_path: Path, command: str) -> None:
    """Not "No input files found" (bad usage, with the usage lines): said and counted."""
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    code, output = _invoke(command, tmp_path / "out", "en", str(first), str(second), str(first))
    assert code == 2, output
    suffixes = _suffixes(command)
    lines = output.splitlines()
    assert lines[:2] == [holds_no_file("en", str(d), None, suffixes) for d in (first, second)]
    assert output.count(f"{first} holds") == 1  # named twice, said once
    assert "No input files found" not in output and "Usage:" not in output
    assert "2 folders with no file to read" in output, output
    assert not re.search(r"\b2 (skipped|unreadable|failed)", output), output  # not files
    assert not (tmp_path / "out" / "total.json").exists()
    assert not (tmp_path / "out" / "cells.csv").exists()


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_pattern_and_the_shell_name_the_same_empty_directory(
    tmp_path: Path, command: str
) -> None:
    """``'units/*'`` quoted and ``units/*`` expanded by the shell get the same answer."""
    _, source = COMMANDS[command]
    units = tmp_path / "units"
    (units / "a").mkdir(parents=True)
    (units / "b").mkdir()
    shutil.copy(source, units / "a" / source.name)
    quoted = _invoke(command, tmp_path / "out1", "en", str(units / "*"))
    expanded = _invoke(command, tmp_path / "out2", "en", str(units / "a"), str(units / "b"))
    said = holds_no_file("en", str(units / "b"), None, _suffixes(command))
    for code, output in (quoted, expanded):
        assert code == 2 and output.splitlines()[0] == said, output
    # The same answer but for the time each run took ("0.0 s" against "0.1 s" on a busy machine).
    assert _untimed(quoted[1].replace("out1", "out2")) == _untimed(expanded[1])


def _untimed(output: str) -> str:
    """``output`` with the elapsed time and rate of its summary line left out."""
    return re.sub(r"\d[\d,]*\.\d+ (?:s|files/s)\b", "…", output)


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
@pytest.mark.parametrize("locale", ["zh_Hans_CN", "en"])
def test_validate_lists_the_directory_as_an_unreadable_input(
    tmp_path: Path, locale: str, fmt: str
) -> None:
    folder = str(tmp_path)
    result = CliRunner().invoke(
        cli,
        ["validate", folder, str(HUAIAN), "--glob", "*.jsn", "--format", fmt, "-l", locale],
    )
    assert result.exit_code == 2
    said = holds_no_file(locale, folder, "*.jsn")
    if fmt == "json":
        document = json.loads(result.stdout)
        assert document["reports"][0] == {"file": folder, "readable": False}
        finding = document["findings"][0]
    else:
        records = [json.loads(line) for line in result.stdout.splitlines()]
        finding = next(r for r in records if r.get("rule") == "load")
        # Counted apart from the files: one file, one folder that gave none.
        summary = records[-1]
        assert summary["type"] == "summary" and summary["files"] == 1
        assert (summary["empty_folders"], summary["unmatched_patterns"]) == (1, 0)
    assert (finding["file"], finding["rule"], finding["path"]) == (folder, "load", "$")
    assert finding["message"] == said
    assert said in result.stderr


def test_expansion_hands_back_the_directories_yielding_nothing(tmp_path: Path) -> None:
    full, bare = tmp_path / "full", tmp_path / "bare"
    full.mkdir()
    bare.mkdir()
    (full / "a.json").write_text("{}", encoding="utf-8")
    (bare / "notes.txt").write_text("", encoding="utf-8")
    empty: list[str] = []
    items = [str(bare), str(full), str(bare), str(full)]  # full named twice: not empty then
    files = expand_inputs(items, empty=empty)
    assert list(files) == [str(full / "a.json")] and empty == [str(bare)]
    empty.clear()
    expand_inputs([str(full)], pattern="*.txt", empty=empty)
    assert empty == [str(full)]
    assert list(expand_inputs([str(bare)])) == []  # without the list: nothing, as before


# An output that exists -----------------------------------------------------


@pytest.mark.parametrize("locale", ["zh_Hans_CN", "en"])
@pytest.mark.parametrize(
    ("command", "name"),
    [("export", "cells.csv"), ("consolidate", "total.json"), ("render", "huaian.md")],
)
def test_an_existing_output_is_refused_in_one_line(
    tmp_path: Path, command: str, name: str, locale: str
) -> None:
    """Not bad usage with the command's usage lines above it: the command line
    is right, the file is in the way; one line, exit 2, the file untouched."""
    target = tmp_path / name
    target.write_text("kept", encoding="utf-8")
    options = {
        "export": ["--to", "csv"],
        "consolidate": ["--unit", "全市"],
        "render": ["--to", "markdown"],
    }[command]
    args = [command, str(HUAIAN), *options, "-o", str(target), "-l", locale, "-j", "1"]
    result = CliRunner().invoke(cli, args)
    said = gettext(locale, "{path} exists; use --force to replace it").format(path=target)
    assert result.exit_code == 2, result.output
    assert result.output.splitlines() == [gettext(locale, "Error: {message}").format(message=said)]
    assert target.read_text(encoding="utf-8") == "kept"


# A name that is not there ---------------------------------------------------


@pytest.mark.parametrize("locale", ["zh_Hans_CN", "en"])
@pytest.mark.parametrize("missing", ["missing-2024.json", "missing-2024.txt", "missing-2024"])
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_file_that_is_not_there_is_said_so_by_every_command(
    tmp_path: Path, command: str, missing: str, locale: str
) -> None:
    """The first thing wrong with it, whatever its suffix: ``import`` said
    ``no loader reads .json files`` of a name mistyped, where the others
    (and ``import`` itself for a ``.html``) said it does not exist."""
    found = _one_input(command, tmp_path)
    name = str(tmp_path / missing)
    code, output = _invoke(command, tmp_path / "out", locale, name, str(found))
    assert code == 2, output
    assert gettext(locale, "a file that exists") in output, output
    assert gettext(locale, "no loader reads {suffix} files").split("{")[0] not in output


# --glob where no directory is ------------------------------------------------
#
# --glob chooses the files taken from directories; given with files only it
# filtered nothing and said nothing, so `validate a.json b.json --glob
# '*-2024.json'` checked both files as if the pattern had chosen them.


@pytest.mark.parametrize("locale", ["zh_Hans_CN", "en"])
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_glob_without_a_directory_is_said_to_filter_nothing(
    tmp_path: Path, command: str, locale: str
) -> None:
    found = _one_input(command, tmp_path)
    note = gettext(
        locale,
        "Note: --glob {pattern} was not used: it chooses the files taken from directories, "
        "and no directory was given",
    ).format(pattern="*-2023.*")
    code, output = _invoke(command, tmp_path / "out", locale, str(found), "--glob", "*-2023.*")
    assert output.splitlines()[0] == note, output
    assert code == 0, output  # a note, not a failure: the file is processed
    # A directory among the inputs: the pattern chose its files, nothing to say.
    code, output = _invoke(
        command, tmp_path / "out2", locale, str(found.parent), "--glob", found.name
    )
    assert code == 0 and note not in output, output


@pytest.mark.parametrize("locale", ["zh_Hans_CN", "en"])
def test_a_form_over_an_existing_file_is_refused_in_one_line(tmp_path: Path, locale: str) -> None:
    """``new --to xlsx -o FILE`` refused an existing FILE as bad usage, the
    usage lines above it, where every other command says it in one line."""
    target = tmp_path / "form.xlsx"
    target.write_bytes(b"kept")
    args = ["new", "-e", "2021", "-y", "2025", "-u", "某县", "--to", "xlsx", "-o", str(target)]
    result = CliRunner().invoke(cli, [*args, "-l", locale])
    said = gettext(locale, "{path} exists; use --force to replace it").format(path=target)
    assert result.exit_code == 2, result.output
    assert result.output.splitlines() == [gettext(locale, "Error: {message}").format(message=said)]
    assert target.read_bytes() == b"kept"


@pytest.mark.parametrize(
    "args",
    [
        ["new", "-e", "2021", "-y", "2025", "-u", "某县"],
        ["new", "-e", "2021", "-y", "2025", "-u", "某县", "--to", "xlsx"],
        ["schema", "-e", "2021"],
    ],
    ids=["new", "new-form", "schema"],
)
def test_a_file_written_with_o_is_named(tmp_path: Path, args: list[str]) -> None:
    """As render, consolidate and export name what they wrote: new and schema
    wrote it in silence, a success that looked like nothing done."""
    target = tmp_path / ("out.xlsx" if "xlsx" in args else "out.json")
    result = CliRunner().invoke(cli, [*args, "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.stat().st_size > 0
    assert result.stderr.splitlines() == [str(target)] and result.stdout == ""
