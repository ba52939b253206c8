"""Every code example of docs/*.md runs under pytest (Sybil), so none can rot.

* ```` ```python ```` blocks run in order, one namespace per page;
* ```` ```pycon ```` blocks are doctests: the output shown is the output checked;
* ```` ```console ```` blocks run each ``$ command`` with bash and compare what
  it prints (standard output and error, in order) with the lines shown under
  it; a line ``...`` (or ``…``) stands for any number of lines, a command with nothing
  under it must merely succeed;
* ```` ```toml ```` blocks must parse;
* ```` ```json ```` blocks must parse (a document, or an excerpt ``"key": value``).

A page runs in a scratch directory of its own holding the repository's
``examples/`` (read-only use is the rule; files a page writes stay in the
scratch directory).  ``<!-- skip: next "reason" -->`` before a block skips
it, with the reason shown in the test report; ``<!-- invisible-code-block:
python -->`` runs setup code the reader does not need to see.

docs/conftest.py hands this Sybil to pytest; tests/docs/test_readmes.py runs the
READMEs' blocks (the repository's and each plugin's) with the same parsers.  Outputs are produced in a fixed setting (``COLUMNS=100``, no colour, the
Chinese locale unless the command names one), the one
``scripts/update_doc_outputs.py`` uses to refresh them.
"""

from __future__ import annotations

import doctest
import json
import os
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from sybil import Document, Example, Region, Sybil
from sybil.evaluators.python import PythonEvaluator
from sybil.parsers.markdown import CodeBlockParser, PythonCodeBlockParser, SkipParser

ROOT = Path(__file__).resolve().parents[2]
SHARED = ("examples",)


def console_env() -> dict[str, str]:
    """The fixed setting console examples are run (and their outputs made) in."""
    env = dict(os.environ)
    # No colour, and the official (Chinese) default language: the command
    # line takes its default locale from LANGUAGE and LC_ALL / LC_MESSAGES / LANG.
    for name in ("FORCE_COLOR", "CLICOLOR_FORCE", "LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        env.pop(name, None)
    env["LANG"] = "C.UTF-8"
    bindir = str(Path(sys.executable).parent)
    env.update(
        COLUMNS="100",
        LINES="50",
        NO_COLOR="1",
        TERM="dumb",
        PYTHONUNBUFFERED="1",
        PATH=bindir + os.pathsep + env.get("PATH", ""),
    )
    return env


def commands(source: str) -> Iterator[tuple[str, list[str]]]:
    """(command, expected output lines) for each ``$ `` line of a console block."""
    command: str | None = None
    lines: list[str] = []
    for line in source.splitlines():
        if line.startswith("$ "):
            if command is not None:
                yield command, lines
            command, lines = line[2:], []
        elif command is not None:
            lines.append(line.rstrip())
    if command is not None:
        yield command, lines


def run_command(command: str, cwd: Path) -> tuple[int, list[str]]:
    """Exit status and output lines (standard output and error, in order)."""
    done = subprocess.run(
        ["bash", "-c", command],
        cwd=cwd,
        env=console_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=300,
        check=False,
    )
    return done.returncode, [line.rstrip() for line in done.stdout.splitlines()]


def matches(expected: list[str], actual: list[str]) -> bool:
    """Whether ``actual`` is ``expected``, a ``...`` or ``…`` line standing for any
    lines; nothing expected (a command shown without output) checks nothing."""
    return not expected or _match(expected, actual)


def _match(expected: list[str], actual: list[str]) -> bool:
    if not expected:
        return not actual
    if expected[0].strip() in ("...", "…"):
        rest = expected[1:]
        return any(_match(rest, actual[i:]) for i in range(len(actual) + 1))
    return bool(actual) and actual[0] == expected[0] and _match(expected[1:], actual[1:])


def _strip_comment(command: str) -> str:
    return command.split("  #", 1)[0].rstrip()


def evaluate_console(example: Example) -> str | None:
    workdir: Path = example.namespace["workdir"]
    for command, expected in commands(str(example.parsed)):
        status, actual = run_command(_strip_comment(command), workdir)
        shown = "\n".join(actual)
        if status != 0 and not any(line.startswith("# exit status") for line in expected):
            return f"$ {command}\nexited {status}:\n{shown}"
        expected = [line for line in expected if not line.startswith("# exit status")]
        if not matches(expected, actual):
            want = "\n".join(expected)
            return f"$ {command}\nexpected:\n{want}\ngot:\n{shown}"
    return None


def evaluate_json(example: Example) -> None:
    """A JSON document, or a member of one as an excerpt shows it (``"key": value``)."""
    text = str(example.parsed)
    try:
        json.loads(text)
    except json.JSONDecodeError:
        json.loads("{" + text + "}")


def evaluate_toml(example: Example) -> None:
    """A TOML document (a configuration file the page shows) must parse."""
    tomllib.loads(str(example.parsed))


def _setup(namespace: dict[str, object]) -> None:
    scratch = _scratch_root() / str(len(_dirs))
    scratch.mkdir(parents=True)
    _dirs.append(scratch)
    for name in SHARED:
        (scratch / name).symlink_to(ROOT / name, target_is_directory=True)
    namespace["workdir"] = scratch
    namespace["__cwd__"] = os.getcwd()
    os.chdir(scratch)


def _teardown(namespace: dict[str, object]) -> None:
    os.chdir(str(namespace["__cwd__"]))


_dirs: list[Path] = []
_root: list[Path] = []


def _scratch_root() -> Path:
    if not _root:
        import tempfile

        path = Path(tempfile.mkdtemp(prefix="gd-docs-"))
        _root.append(path)
        import atexit

        atexit.register(shutil.rmtree, path, True)
    return _root[0]


class PyconParser(PythonCodeBlockParser):
    """```` ```pycon ```` blocks, run as doctests."""

    def __init__(self) -> None:
        super().__init__(doctest_optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS)
        self.codeblock_parser = CodeBlockParser("pycon", PythonEvaluator(()))


#: What each kind of block is run as, on every page and README.
PARSERS: list[Callable[[Document], Iterable[Region]]] = [
    PythonCodeBlockParser(),
    PyconParser(),
    CodeBlockParser(language="console", evaluator=evaluate_console),
    CodeBlockParser(language="json", evaluator=evaluate_json),
    CodeBlockParser(language="toml", evaluator=evaluate_toml),
    SkipParser(),
]

SYBIL = Sybil(
    parsers=PARSERS,
    path=str(ROOT / "docs"),
    patterns=["*.md"],
    excludes=["_build/*"],
    setup=_setup,
    teardown=_teardown,
)
