"""``govdisclosure validate``: exit codes, output formats, locales, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import govdisclosure as gd
from govdisclosure.cli import cli
from locations import EXAMPLES

#: A report without findings.
_CLEAN = gd.load(EXAMPLES / "huaian-2024.json")
HUAIAN = str(EXAMPLES / "huaian-2024.json")
HONGZE = str(EXAMPLES / "hongze-2024.json")
PT2011 = str(EXAMPLES / "pingtanxian-2011.json")
PT2012 = str(EXAMPLES / "pingtanxian-2012.json")
SHANGHAI = str(EXAMPLES / "shanghai-szfbgt-2019.json")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["validate", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_clean_report_exits_0() -> None:
    code, out, err = run(HUAIAN, "--locale", "en")
    assert code == 0
    assert "huaian-2024.json" in out
    assert "No findings." in out
    assert "1 file: 1 passed, 0 with errors, 0 unreadable; " in err


def test_warnings_only_exit_0() -> None:
    code, out, _ = run(HONGZE, "--locale", "en")
    assert code == 0
    assert "narrative.applications" in out
    assert "The text says 17" in out


def test_errors_exit_1() -> None:
    code, out, _ = run(PT2012, "--locale", "en")
    assert code == 1
    assert "legacy.sum" in out
    assert "$.statistics.rows['1'].year" in out


def test_json_lists_every_finding_with_its_file(tmp_path: Path) -> None:
    code, out, err = run(PT2012, HONGZE, "--format", "json", "--locale", "en")
    assert code == 1
    entries = json.loads(out)["findings"]
    assert {e["file"] for e in entries} == {PT2012, HONGZE}
    for e in entries:
        assert set(e) >= {
            "file",
            "rule",
            "severity",
            "path",
            "involves",
            "message",
            "expected",
            "actual",
        }
    year = next(e for e in entries if e["path"] == "$.statistics.rows['1'].year")
    assert year["rule"] == "legacy.sum"
    assert year["severity"] == "error"
    assert (year["expected"], year["actual"]) == (1795, 2026)
    assert "$.statistics.rows['1.1'].year" in year["involves"]
    assert "2 files: 1 passed, 1 with errors, 0 unreadable" in err


def test_both_locales() -> None:
    _, zh, _ = run(PT2012, "--format", "json")
    _, en, _ = run(PT2012, "--format", "json", "--locale", "en")
    zh_msg = json.loads(zh)["findings"][0]["message"]
    en_msg = json.loads(en)["findings"][0]["message"]
    assert zh_msg != en_msg
    assert "2026" in zh_msg and "2026" in en_msg
    assert "but" in en_msg
    assert "主动公开信息数" in zh_msg


def test_locale_variants_are_accepted() -> None:
    code, _, _ = run(HUAIAN, "--locale", "zh_CN")
    assert code == 0


def test_blank_policy_option() -> None:
    code_missing, _, _ = run(SHANGHAI)
    code_zero, out, _ = run(SHANGHAI, "--blank", "zero", "--format", "json")
    assert code_missing == 0
    assert code_zero == 1
    assert any(e["rule"] == "table3.results-total" for e in json.loads(out)["findings"])


def test_previous_enables_continuity() -> None:
    code, out, _ = run(PT2012, "--previous", PT2011, "--format", "json")
    assert code == 1  # the table's own errors remain
    assert not [e for e in json.loads(out)["findings"] if e["rule"].startswith("continuity.")]
    _, out, _ = run(PT2012, "--previous", HUAIAN, "--format", "json")
    assert [
        e["rule"] for e in json.loads(out)["findings"] if e["rule"].startswith("continuity.")
    ] == ["continuity.not-checked"]


def test_one_unreadable_file_does_not_stop_the_others(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"edition": "2021", "year": "2024"', encoding="utf-8")
    missing = tmp_path / "missing.json"
    code, out, err = run(HUAIAN, str(broken), str(missing), HONGZE, "--locale", "en")
    assert code == 2
    assert "huaian-2024.json" in out and "hongze-2024.json" in out
    assert "broken.json: Cannot read report" in err
    assert "missing.json: Cannot read report" in err
    assert "4 files: 2 passed, 0 with errors, 2 unreadable" in err
    assert "Traceback" not in out + err


def test_unreadable_file_in_json_and_in_chinese(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"edition": "2021", "unit": {"name": "x"}, "year": 2024, "table3": 5}')
    code, out, err = run(str(bad), PT2012, "--format", "json")
    assert code == 2
    entries = json.loads(out)["findings"]
    loads = [e for e in entries if e["rule"] == "load"]
    assert loads and all(e["file"] == str(bad) and e["severity"] == "error" for e in loads)
    assert any(e["path"] == "$.table3" for e in loads)
    assert any(e["file"] == PT2012 and e["rule"] == "legacy.sum" for e in entries)
    assert "无法读取报告" in err


def test_unreadable_previous_is_reported(tmp_path: Path) -> None:
    code, out, err = run(HUAIAN, "--previous", str(tmp_path / "nope.json"), "--locale", "en")
    assert code == 2
    assert "nope.json: Cannot read report" in err
    assert "huaian-2024.json" in out


def test_an_unreadable_previous_is_counted_apart_from_the_files(tmp_path: Path) -> None:
    """It was counted among the FILEs' unreadable: "1 file: 1 passed, 0 with
    errors, 1 unreadable", counts that do not add up."""
    nope = str(tmp_path / "nope.json")
    code, _, err = run(HUAIAN, "--previous", nope, "--locale", "en")
    assert code == 2
    assert (
        "1 file: 1 passed, 0 with errors, 0 unreadable; "
        "1 file given with --previous or --part unreadable; "
    ) in err
    code, _, err = run(HUAIAN, "--previous", nope, "--part", nope)
    assert code == 2
    # Spaced around the figures, as every other count of the command line.
    said = "共 1 个文件：1 个通过，0 个有错误，0 个无法读取；另有 2 个 --previous 或 --part 文件无法读取；用时"
    assert said in err


def test_bad_usage_exits_2() -> None:
    assert run()[0] == 2
    assert run(HUAIAN, "--blank", "maybe")[0] == 2
    assert run(HUAIAN, "--format", "xml")[0] == 2
    code, _, err = run(HUAIAN, "--locale", "fr")
    assert code == 2
    assert "fr" in err


@given(
    unit=st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=70),
    file=st.text(alphabet="ab/._- 中文", min_size=1, max_size=60),
    width=st.integers(min_value=20, max_value=200),
    locale=st.sampled_from(["zh_Hans_CN", "en"]),
)
@settings(max_examples=150, deadline=None)
def test_a_clean_report_prints_as_rich_would(unit: str, file: str, width: int, locale: str) -> None:
    """The lines of a report without findings are written without rich when
    they fit; they are exactly what rich prints (and rich prints the rest)."""
    from govdisclosure.check import check
    from govdisclosure.cli.validate import _Options, _plain_clean, _print_text, _text_console

    report = attrs.evolve(_CLEAN, unit=attrs.evolve(_CLEAN.unit, name=unit))
    counts = check(report, locale=locale).counts
    options = _Options("text", "missing", locale, (), False, None, None, False, width)
    console = _text_console(width, False)
    console.begin_capture()
    _print_text(console, locale, file, report, (), counts, False)
    expected = console.end_capture()
    plain = _plain_clean(options, file, report, counts)
    # None: left to rich (a line to wrap, a character rich would not print as given)
    assert plain is None or plain == expected


def test_a_clean_report_in_a_batch_skips_rich() -> None:
    from govdisclosure.check import check
    from govdisclosure.cli.validate import _Options, _plain_clean

    counts = check(_CLEAN, locale="en").counts
    options = _Options("text", "missing", "en", (), False, None, None, False, 120)
    plain = _plain_clean(options, "reports/0001/r0000001.json", _CLEAN, counts)
    assert plain is not None and plain.endswith("  No findings.\n\n")
    coloured = _Options("text", "missing", "en", (), False, None, None, True, 120)
    assert _plain_clean(coloured, "r.json", _CLEAN, counts) is None
