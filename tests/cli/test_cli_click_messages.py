"""click's own words never leak into the Chinese command line.

The English text to look for is click's own, as ``scripts/update_catalogs.py``
extracts it from the installed click (its messages, the names of its
parameter types, its default metavariables); the command lines to try are
made from each command's parameters (every required argument missing, an
unknown option, a choice that is not one, a number that is not one, an
option without its value, an extra argument).  Each runs in both locales:
the English run must show click's words (so the case does reach click),
the Chinese run none of them.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import click
import pytest
from click.testing import CliRunner

from govdisclosure.cli import _modules, cli
from govdisclosure.cli._help_width import display_width
from govdisclosure.i18n import gettext
from locations import ROOT


def _load_script() -> ModuleType:
    path = ROOT / "scripts" / "update_catalogs.py"
    spec = importlib.util.spec_from_file_location("update_catalogs", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("update_catalogs", module)
    spec.loader.exec_module(module)
    return module


_PLACEHOLDER = re.compile(r"\{[^}]*\}|%\([a-z]+\)s")


def _commands() -> dict[str, click.Command]:
    out: dict[str, click.Command] = {}
    for name in sorted(_modules()):
        command = cli.get_command(click.Context(cli), name)
        assert command is not None
        out[name] = command
    return out


COMMANDS = _commands()

#: Metavariables the commands declare themselves (FILE, PATTERN): the help
#: text refers to them by name, like option names, so they are not click's.
OUR_METAVARS = {
    word
    for command in COMMANDS.values()
    for param in command.params
    if param.metavar
    for word in re.findall(r"[A-Z]+", param.metavar)
}


def _click_words() -> tuple[set[str], set[str]]:
    """click's English fragments (text between placeholders, with at least
    one word of three letters) and the metavariables it makes of its type
    names (``TEXT``, ``INTEGER``), upper case as click shows them."""
    fragments: set[str] = set()
    metavars: set[str] = set()
    for msgid, where in _load_script().click_messages():
        for text in msgid if isinstance(msgid, tuple) else (msgid,):
            if where.startswith("click.types.") and where.endswith(".name"):
                if text.upper() not in OUR_METAVARS:
                    metavars.add(text.upper())
                continue
            for piece in _PLACEHOLDER.split(text):
                piece = piece.strip(" .:'\"()\n\t")
                if re.search(r"[A-Za-z]{3}", piece):
                    fragments.add(piece)
    return fragments, metavars


FRAGMENTS, TYPE_METAVARS = _click_words()


def _english_of(output: str) -> list[str]:
    """click's English words found in ``output``."""
    words = FRAGMENTS | TYPE_METAVARS
    # Whole words only: "file" in a path the user typed is not click's.
    return sorted(w for w in words if re.search(rf"(?<![\w/.-]){re.escape(w)}(?![\w/.-])", output))


def _usage_errors(name: str, command: click.Command) -> Iterator[tuple[str, list[str]]]:
    """(what is wrong, a command line) for each usage error the command has."""
    yield "unknown option", [name, "--no-such-option"]
    arguments = [p for p in command.params if isinstance(p, click.Argument)]
    if any(p.required for p in arguments):
        yield "missing argument", [name]
    placeholders = ["x.json" for p in arguments if p.required]
    if arguments and all(p.nargs == 1 for p in arguments):
        yield "extra argument", [name, *placeholders, "extra.json"]
    if not arguments:
        yield "extra argument", [name, "extra.json"]
    for param in command.params:
        if not isinstance(param, click.Option) or param.is_flag or param.count:
            continue
        option = max(param.opts, key=len)
        if isinstance(param.type, click.Choice):
            yield f"{option} not a choice", [name, *placeholders, option, "no-such-choice"]
        elif isinstance(param.type, (click.types.IntParamType, click.types.FloatParamType)):
            yield f"{option} not a number", [name, *placeholders, option, "many"]
        elif isinstance(param.type, click.Path) and param.type.exists:
            yield f"{option} no such path", [name, *placeholders, option, "no/such/file"]
    last = next((p for p in command.params if isinstance(p, click.Option) and not p.is_flag), None)
    if last is not None:
        yield "option without its value", [name, *placeholders, max(last.opts, key=len)]


CASES = [
    pytest.param(args, id=f"{name}: {what}")
    for name, command in COMMANDS.items()
    for what, args in _usage_errors(name, command)
]


def _invoke(args: list[str], locale: str) -> click.testing.Result:
    result = CliRunner().invoke(cli, ["--locale", locale, *args], env={"COLUMNS": "100"})
    assert isinstance(result.exception, SystemExit) or result.exception is None, result.output
    return result


def test_the_english_words_are_found() -> None:
    # The oracle itself: click's English is recognised where it is printed.
    assert {"Usage", "No such option", "Missing argument", "is not a valid"} <= FRAGMENTS
    assert {"TEXT", "INTEGER"} <= TYPE_METAVARS
    assert "FILE" not in TYPE_METAVARS  # FILE is the commands' own metavariable
    assert {"Error", "Missing argument"} <= set(_english_of("Error: Missing argument 'FILE'."))
    assert _english_of("错误：文件 'no/such/file' 不存在。") == []


@pytest.mark.parametrize("args", CASES)
def test_a_usage_error_is_all_chinese(tmp_path: Path, args: list[str]) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path)
        english = _invoke(args, "en")
        assert english.exit_code == 2, english.output
        assert "Error:" in english.output and _english_of(english.output)
        chinese = _invoke(args, "zh_Hans_CN")
        assert chinese.exit_code == 2, chinese.output
        assert gettext("zh_Hans_CN", "Error: {message}").split("{")[0] in chinese.output
        assert _english_of(chinese.output) == [], chinese.output
        assert sorted(p.name for p in Path.cwd().iterdir()) == []


@pytest.mark.parametrize("name", ["", *COMMANDS])
def test_help_is_all_chinese(name: str) -> None:
    args = [name, "--help"] if name else ["--help"]
    english = _invoke(args, "en")
    assert english.exit_code == 0 and "Usage:" in english.output
    assert "[OPTIONS]" in english.output
    chinese = _invoke(args, "zh_Hans_CN")
    assert chinese.exit_code == 0
    assert chinese.output.startswith(gettext("zh_Hans_CN", "Usage:"))
    assert _english_of(chinese.output) == [], chinese.output


def test_a_command_imported_under_one_locale_speaks_the_next_ones() -> None:
    # click names a path parameter ("file") when the command's module is
    # imported; that name is translated when shown, never kept.
    for locale, words in (
        ("zh_Hans_CN", "文件“no/such”不存在"),
        ("en", "File 'no/such' does not exist"),
        ("zh_Hans_CN", "文件“no/such”不存在"),
    ):
        result = _invoke(["render", "x.json", "--to", "json", "--font", "no/such"], locale)
        assert result.exit_code == 2 and words in result.output, result.output


def _help_columns(output: str) -> set[int]:
    """The display columns where the option list's descriptions start."""
    starts: set[int] = set()
    for line in output.splitlines():
        entry = re.match(r"^(  -\S.*?\S)(\s{2,})(\S.*)$", line)
        if entry is not None:
            starts.add(display_width(entry.group(1) + entry.group(2)))
        elif re.match(r"^\s{6,}\S", line) and starts:
            starts.add(len(line) - len(line.lstrip()))
    return starts


@pytest.mark.parametrize("locale", ["zh_Hans_CN", "en"])
@pytest.mark.parametrize("name", ["", *COMMANDS])
def test_help_fits_80_columns_with_its_descriptions_aligned(name: str, locale: str) -> None:
    # A Chinese character takes two columns: click counts one unless told.
    args = [name, "--help"] if name else ["--help"]
    output = _invoke(args, locale).output
    assert max(display_width(line) for line in output.splitlines()) <= 80, output
    # A heading ends in the locale's colon (test_help_punctuation).
    heading = gettext(locale, "Options") + ("：" if locale.startswith("zh") else ":")
    (options,) = [part for part in output.split("\n\n") if part.startswith(heading)]
    assert len(_help_columns(options)) == 1, options


def test_a_run_leaves_no_language_behind() -> None:
    # Help shown in Chinese, then the same objects asked for directly: the
    # commands, their options and click's shared types are English ids again.
    _invoke(["render", "--help"], "zh_Hans_CN")
    command = COMMANDS["render"]
    assert command.help is not None and command.help.startswith("Render FILE")
    assert click.STRING.name == "text" and click.INT.name == "integer"
    assert command.options_metavar == "[OPTIONS]"


#: Usage errors beyond each command's own cases: a number click accepts
#: but the option refuses, a missing option with choices, no such command,
#: a format that is not installed.
EXTRA_CASES = [
    pytest.param(["validate", "x.json", "--jobs", "0"], id="validate: --jobs 0"),
    pytest.param(["schema"], id="schema: missing option with choices"),
    pytest.param(["no-such-command"], id="no such command"),
    pytest.param(["render", "x.json", "--to", "no-such-format"], id="render: unknown format"),
]


def _error_text(output: str) -> str:
    """The message after 错误：, up to the end of the output."""
    head = gettext("zh_Hans_CN", "Error: {message}").split("{")[0]
    assert head in output, output
    return output.split(head, 1)[1].rstrip("\n")


@pytest.mark.parametrize("args", [*CASES, *EXTRA_CASES])
def test_a_usage_error_is_punctuated_in_chinese(tmp_path: Path, args: list[str]) -> None:
    # click joins its translated words with its own punctuation: a full
    # stop after a missing parameter, repr quotes, a tab-indented list of
    # choices.  Under the Chinese locale all of it is Chinese.
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path)
        message = _error_text(_invoke(args, "zh_Hans_CN").output)
    assert not re.search(r"['\"]", message), message  # “” quote names and values
    assert not re.search(r"(?<!\.)\.(?!\.)(\s|$)", message), message  # 。 ends a sentence
    assert "。 " not in message and "\t" not in message and ", " not in message, message
    assert not re.search(r"[\u4e00-\u9fff] “|” [\u4e00-\u9fff]", message), message
    # No English word outside what the user typed or may type (quoted, or
    # an option, choice or format name).
    bare = re.sub(r"“[^”]*”|--?[\w-]+", "", message)
    for typed in args:
        bare = bare.replace(typed, "")
    words = set(re.findall(r"[A-Za-z]{3,}", bare))
    names = {"docx", "html", "json", "markdown", "pdf", "xlsx", "legacy", "FILE", "OLD", "NEW"}
    assert words <= names, message


def test_punctuation_keeps_what_the_user_typed() -> None:
    from govdisclosure.cli._punctuation import punctuated

    # repr quotes a value holding an apostrophe with double quotes; its
    # text, dots and commas inside the quotes are the user's and are kept.
    said = '"it\'s, v1.2" 不是有效的整数.'
    assert punctuated(said, "zh_Hans_CN") == "“it's, v1.2”不是有效的整数。"
    english = "Missing option '--edition' / '-e'. Choose from:\n\t2021,\n\t2019"
    assert punctuated(english, "en") == english


#: Upper-case words of the help that are names, not placeholders.
_NAMES = {"JSON", "TOML", "SARIF", "PDF", "CSV", "HTML", "URL", "GBK", "UTF", "BOM", "LANG"}
_NAMES |= {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "COLUMNS"}
_NAMES |= {"GOVDISCLOSURE_PDF_FONTS", "GOVDISCLOSURE_MAX_INPUT_SIZE"}


@pytest.mark.parametrize("name", ["", *COMMANDS])
def test_the_chinese_help_names_each_placeholder_one_way(name: str) -> None:
    # An option's value is shown as the placeholder the help text uses for
    # it: FILE in the text and FILE after the option, never 文件 after one
    # option and FILE after the next, nor TEXT (文本) where the text says UNIT.
    output = _invoke([name, "--help"] if name else ["--help"], "zh_Hans_CN").output
    usage, _, rest = output.partition("\n\n")
    # The group's list of commands quotes each command's own placeholders.
    rest = rest.split("\n" + gettext("zh_Hans_CN", "Commands") + "：")[0]
    shown: set[str] = set(re.findall(r"\b([A-Z][A-Z_=]*)(?:\.\.\.)?", usage.split("]", 1)[-1]))
    for line in rest.splitlines():
        entry = re.match(r"^  (?:-\w, )?--[\w-]+(?: / --[\w-]+)? (\S+)", line)
        if entry is not None and not entry.group(1).startswith("["):
            metavar = entry.group(1)
            assert re.fullmatch(r"[A-Z][A-Z_]*(=[A-Z]+)?", metavar), line
            shown |= set(metavar.split("="))
    text_words = set(re.findall(r"(?<![\w$-])([A-Z][A-Z_]{2,})(?![\w])", rest))
    assert text_words - shown - _NAMES == set(), output


@pytest.mark.parametrize("locale", ["zh_Hans_CN", "en"])
def test_the_command_list_gives_each_first_sentence_whole(locale: str) -> None:
    """click cut each command's description to one line's characters: the
    English ones ended in "..." (``compare  Compare two reports cell by cell
    (last year's OLD with...``) while the Chinese ones, half as many
    characters, were whole.  Both are whole now, wrapped beside the name."""
    output = _invoke(["--help"], locale).output
    listing = output.split("\n\n")[-1]
    assert "..." not in listing, listing
    described = " ".join(line.strip() for line in listing.splitlines()[1:])
    for name in ("compare", "export", "import", "render", "validate"):
        assert name in described
    assert ("cell by cell (last year's OLD with this year's NEW)." in described) or locale != "en"
    assert "list what is wrong." in described or locale != "en"
