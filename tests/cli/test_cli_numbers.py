"""Numbers a JSON reader cannot hold, or that are not what a cell expects,
are named by their field in both locales.

orjson refuses ``1e309`` and ``NaN`` while parsing (with a line and column,
no field) and reads an integer wider than 64 bits as a double (``10^20``
becomes ``1e+20``); the loader says which field holds what, as written.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import govdisclosure as gd
from govdisclosure.cells import CELL_KINDS
from govdisclosure.i18n import gettext
from locations import EXAMPLES

HUAIAN_TEXT = (EXAMPLES / "huaian-2024.json").read_text(encoding="utf-8")
COUNT_PATH = "$.table3.new_applications.natural_person"
#: What the count cells expect: any integer, or one within the bounds.
WHOLE = CELL_KINDS["count"].expected
BOUNDED = CELL_KINDS["count"].expected_in_bounds
GD = [sys.executable, "-c", "import sys; from govdisclosure.cli import main; main()"]

#: (what is written in a count cell, the message id expected, what is shown as found)
CASES = [
    ("1e309", WHOLE, "1e309"),
    ("-1e309", WHOLE, "-1e309"),
    ("1E400", WHOLE, "1E400"),
    ("NaN", WHOLE, "NaN"),
    ("Infinity", WHOLE, "Infinity"),
    ("-Infinity", WHOLE, "-Infinity"),
    ("-0.0", WHOLE, "-0.0"),
    ("3.0", WHOLE, "3.0"),
    ("1e2", WHOLE, "1e2"),
    ("100000000000000000000", BOUNDED, "100000000000000000000"),
    ("18446744073709551616", BOUNDED, "18446744073709551616"),
    ("-5", BOUNDED, "-5"),
]


def _with(value: str) -> str:
    """The Huaian report with ``value`` written as its first count cell."""
    data = json.loads(HUAIAN_TEXT)
    data["table3"]["new_applications"]["natural_person"] = "@@here@@"
    return json.dumps(data, ensure_ascii=False, indent=2).replace('"@@here@@"', value)


@pytest.mark.parametrize(("value", "msgid", "found"), CASES, ids=[c[0] for c in CASES])
def test_the_library_names_the_field_and_the_number_as_written(
    value: str, msgid: str, found: str
) -> None:
    with pytest.raises(gd.LoadError) as info:
        gd.loads(_with(value))
    (problem,) = info.value.problems
    assert problem.path == COUNT_PATH
    assert problem.found == found
    assert problem.expected == msgid


def test_negative_zero_is_zero() -> None:
    # JSON's -0 is the integer zero: nothing is lost by reading it as 0.
    report = gd.loads(_with("-0"))
    assert report.table3.new_applications.natural_person == 0  # type: ignore[union-attr]


def test_an_integer_wider_than_64_bits_where_any_integer_goes_is_named() -> None:
    text = HUAIAN_TEXT.replace('"year": 2024', '"year": 100000000000000000000', 1)
    with pytest.raises(gd.LoadError) as info:
        gd.loads(text)
    (problem,) = info.value.problems
    assert (problem.path, problem.expected) == ("$.year", "a whole number of at most 64 bits")
    assert problem.found == "100000000000000000000"


def test_every_unreadable_number_is_named_at_once() -> None:
    text = _with("1e309").replace('"fees": "96171.6"', '"fees": NaN', 1)
    with pytest.raises(gd.LoadError) as info:
        gd.loads(text)
    assert sorted((p.path, p.found) for p in info.value.problems) == [
        ("$.table2.fees", "NaN"),
        (COUNT_PATH, "1e309"),
    ]


def test_a_number_in_a_malformed_text_leaves_the_parser_message() -> None:
    # Not JSON even for the standard library: the parser's message stands.
    with pytest.raises(gd.LoadError) as info:
        gd.loads(_with("1e309")[:-20])
    (problem,) = info.value.problems
    assert (problem.path, problem.expected) == ("$", "well-formed JSON")


@pytest.mark.parametrize("locale", ["zh_Hans_CN", "en"])
@pytest.mark.parametrize(
    ("value", "msgid", "found"),
    [CASES[0], CASES[3], CASES[8], CASES[9]],
    ids=["1e309", "NaN", "1e2", "10^20"],
)
def test_the_command_line_names_the_field_in_both_locales(
    tmp_path: Path, locale: str, value: str, msgid: str, found: str
) -> None:
    (tmp_path / "bad.json").write_text(_with(value), encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "COLUMNS": "100"}
    for command in (["validate", "bad.json"], ["render", "bad.json", "--to", "markdown"]):
        result = subprocess.run(
            [*GD, *command, "--locale", locale],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 2, result.stderr
        line = next(x for x in result.stderr.splitlines() if COUNT_PATH in x)
        assert gettext(locale, msgid) in line
        assert line.endswith(found)
        assert gettext(locale, "Cannot read report") in result.stderr
        assert "Traceback" not in result.stdout + result.stderr
        assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json"]
