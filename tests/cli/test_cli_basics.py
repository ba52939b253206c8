"""The ``schema``, ``new`` and ``show`` commands: output, files, exit codes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import attrs
import jsonschema
import pytest
from click.testing import CliRunner

import govdisclosure as gd
from govdisclosure.cli import cli
from govdisclosure.editions.legacy import ReportLegacy
from govdisclosure.schema import json_schema
from locations import ROOT

EXAMPLES = ROOT / "examples"
#: The command line as a process.
GD = [sys.executable, "-c", "from govdisclosure.cli import main; main()"]
HUAIAN = ROOT / "examples" / "huaian-2024.json"
PINGTAN = ROOT / "examples" / "pingtan-2011.json"


# -- schema -----------------------------------------------------------------------------


@pytest.mark.parametrize("edition", ["2021", "2019", "legacy"])
def test_schema_prints_the_generated_schema(runner: CliRunner, edition: str) -> None:
    result = runner.invoke(cli, ["schema", "--edition", edition])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == json_schema(edition)


def test_schema_with_template(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["schema", "-e", "legacy", "--template", "national-2016"])
    assert result.exit_code == 0, result.output
    schema = json.loads(result.output)
    assert schema == json_schema("legacy", template="national-2016")
    rows = schema["$defs"]["StatisticsTable"]["properties"]["rows"]
    assert rows["additionalProperties"] is False and "3.3.4.1" in rows["properties"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["schema", "--edition", "2020"], "'2020' is not one of"),
        (["schema"], "Missing option"),
        (["schema", "-e", "2021", "-t", "national-2016"], "only the legacy edition"),
        (["schema", "-e", "legacy", "-t", "no-such"], "unknown template 'no-such'"),
    ],
)
def test_schema_usage_errors_exit_2(runner: CliRunner, args: list[str], message: str) -> None:
    result = runner.invoke(cli, [*args, "--locale", "en"])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_schema_output_file_is_not_overwritten_without_force(
    runner: CliRunner, tmp_path: Path
) -> None:
    out = tmp_path / "schema.json"
    assert runner.invoke(cli, ["schema", "-e", "2021", "-o", str(out)]).exit_code == 0
    assert json.loads(out.read_text("utf-8")) == json_schema("2021")
    out.write_text("keep me", "utf-8")
    result = runner.invoke(cli, ["schema", "-e", "2019", "-o", str(out)])
    assert result.exit_code == 2 and "--force" in result.output
    assert out.read_text("utf-8") == "keep me"
    assert runner.invoke(cli, ["schema", "-e", "2019", "-o", str(out), "--force"]).exit_code == 0
    assert json.loads(out.read_text("utf-8")) == json_schema("2019")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["schema.json"]  # no temporary left


def test_unwritable_output_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["schema", "-e", "2021", "-o", str(tmp_path / "no" / "s.json")])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


# -- new --------------------------------------------------------------------------------


def _new(runner: CliRunner, *args: str) -> gd.Report:
    result = runner.invoke(cli, ["new", *args])
    assert result.exit_code == 0, result.output
    return gd.loads(result.output)


@pytest.mark.parametrize("edition", ["2021", "2019"])
def test_new_is_blank_with_the_official_headings(runner: CliRunner, edition: str) -> None:
    report = _new(runner, "--edition", edition, "--year", "2025", "--unit", "某市人民政府")
    assert report.edition == edition and report.year == 2025
    assert report.unit.name == "某市人民政府" and report.unit.kind == gd.UnitKind.GOVERNMENT
    assert [s.heading for s in report.sections] == list(gd.EDITIONS[edition].section_headings)
    assert len(report.sections) == 6
    assert all(s.paragraphs == () for s in report.sections)
    from govdisclosure.flat import shape_of

    assert set(shape_of(report).flatten(report)) == {None}  # every cell blank, none zero
    jsonschema.validate(json.loads(gd.dumps(report)), json_schema(edition))


def test_new_department_and_headings_of_2021(runner: CliRunner) -> None:
    report = _new(
        runner, "-e", "2021", "-y", "2024", "-u", "某区生态环境局", "--kind", "department"
    )
    assert report.unit.kind == gd.UnitKind.DEPARTMENT
    assert report.sections[4].heading == "五、存在的主要问题及改进情况"


def test_new_legacy_lists_the_templates_rows_blank(runner: CliRunner) -> None:
    report = _new(runner, "-e", "legacy", "-y", "2016", "-u", "某县", "-t", "national-2016")
    assert isinstance(report, ReportLegacy)
    template = gd.find_template("national-2016")
    assert list(report.statistics.rows) == [r.code for r in template.value_rows]
    assert all(v is None for row in report.statistics.rows.values() for v in row.values())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-e", "legacy", "-y", "2016", "-u", "某县"], "needs --template"),
        (["-e", "2021", "-y", "2024", "-u", "某县", "-t", "national-2016"], "only the legacy"),
        (["-e", "legacy", "-y", "2016", "-u", "某县", "-t", "nope"], "unknown template"),
        (["-e", "2022", "-y", "2024", "-u", "某县"], "'2022' is not one of"),
        (["-e", "2021", "-y", "2024", "-u", "某县", "--kind", "county"], "'county' is not one of"),
        (["-e", "2021", "-y", "20245", "-u", "某县"], "20245"),
        (["-e", "2021", "-y", "2024", "-u", "  "], "unit name is empty"),
        (["-e", "2021", "-u", "某县"], "Missing option '--year'"),
    ],
)
def test_new_usage_errors_exit_2(runner: CliRunner, args: list[str], message: str) -> None:
    result = runner.invoke(cli, ["new", *args, "--locale", "en"])
    assert result.exit_code == 2, result.output
    assert message in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["new", "-e", "legacy", "-y", "2016", "-u", "某县"], "需要 --template"),
        (["new", "-e", "2021", "-y", "2024", "-u", "  "], "单位名称为空"),
        (["schema", "-e", "legacy", "-t", "no-such"], "未知的统计表模板“no-such”"),
        (["schema", "-e", "2021", "-t", "national-2016"], "只有2019年以前的报告"),
    ],
)
def test_usage_errors_in_the_default_locale(
    runner: CliRunner, args: list[str], message: str
) -> None:
    result = runner.invoke(cli, args)
    assert result.exit_code == 2
    assert message in result.output


def test_new_does_not_overwrite_without_force(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    out.write_text('{"filled": "a year of work"}', "utf-8")
    args = ["new", "-e", "2021", "-y", "2025", "-u", "某市", "-o", str(out)]
    result = runner.invoke(cli, args)
    assert result.exit_code == 2 and "已存在" in result.output  # the default locale
    assert "exists" in runner.invoke(cli, [*args, "-l", "en"]).output
    assert out.read_text("utf-8") == '{"filled": "a year of work"}'
    assert runner.invoke(cli, [*args, "--force"]).exit_code == 0
    assert gd.load(out).unit.name == "某市"


# -- show -------------------------------------------------------------------------------


def test_show_in_chinese(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["show", str(HUAIAN)])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "淮安市人民政府" in out and "2024" in out
    assert "统计期限：2024年1月1日至2024年12月31日" in out
    # Chinese punctuation, as every other line the command line prints in
    # Chinese (it was "报告单位: 淮安市人民政府 (人民政府)", "一、总体情况 (6段)").
    assert out.startswith("报告单位：淮安市人民政府（人民政府）\n年度：2024\n")
    assert "\n各部分：\n  一、总体情况（6段）\n" in out
    assert "一、总体情况" in out
    assert "三、收到和处理政府信息公开申请情况" in out
    assert "3985758" in out  # 行政处罚, table 2, as the official table prints it
    assert "96171.6" in out  # 行政事业性收费, 万元
    assert "3050" in out  # （七）总计 总计
    assert "（七）总计" in out


def test_show_in_english(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["show", str(HUAIAN), "--locale", "en_US"], terminal_width=200)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Statistics period: 1 January 2024 to 31 December 2024" in out
    assert "III. Applications for government information received and handled" in out
    assert "(7) Total" in out and "Administrative reconsideration" in out
    # Table labels are translated; the unit's name and its headings stay as printed.
    assert "（七）总计" not in out and "未经复议直接起诉" not in out
    assert "淮安市人民政府" in out and "一、总体情况" in out


@pytest.mark.parametrize(
    ("locale", "line"),
    [
        ("zh_Hans_CN", "五、存在的主要问题及改进情况（2个小标题，3段）"),
        ("en", "五、存在的主要问题及改进情况 (2 sub-headings, 3 paragraphs)"),
    ],
)
def test_show_counts_the_paragraphs_under_sub_headings(
    runner: CliRunner, tmp_path: Path, locale: str, line: str
) -> None:
    """A section written under （一）/（二） sub-headings is not shown as empty."""
    report = gd.load(HUAIAN)
    fifth = gd.Section(
        heading="五、存在的主要问题及改进情况",
        subsections=(
            gd.Section(heading="（一）存在的问题", paragraphs=("一是……", "二是……")),
            gd.Section(heading="（二）改进措施", paragraphs=("加强……",)),
        ),
    )
    sections = tuple(fifth if s.heading.startswith("五、") else s for s in report.sections)
    path = tmp_path / "report.json"
    gd.dump(attrs.evolve(report, sections=sections), path)
    result = runner.invoke(cli, ["show", str(path), "-l", locale], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert line in result.output


def test_show_legacy_statistics(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["show", str(PINGTAN), "-l", "zh_CN"])
    assert result.exit_code == 0, result.output
    assert "政府信息公开情况统计表" in result.output
    assert "主动公开信息数" in result.output and "1516" in result.output


def test_show_blank_report(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "blank.json"
    runner.invoke(cli, ["new", "-e", "2021", "-y", "2025", "-u", "某市", "-o", str(out)])
    result = runner.invoke(cli, ["show", str(out), "-l", "en"])
    assert result.exit_code == 0, result.output
    assert "Every table cell is blank." in result.output
    assert "六、其他需要报告的事项 (0 paragraphs)" in result.output


@pytest.mark.parametrize("name", ["[/] 单位", "[bold]单位[/bold]", "单位 [link=x]y"])
def test_show_prints_report_text_literally(runner: CliRunner, tmp_path: Path, name: str) -> None:
    """Square brackets in a unit name are text, not terminal markup."""
    out = tmp_path / "odd.json"
    runner.invoke(cli, ["new", "-e", "2021", "-y", "2025", "-u", name, "-o", str(out)])
    result = runner.invoke(cli, ["show", str(out)])
    assert result.exit_code == 0, result.output
    assert result.exception is None
    assert name in result.output


def test_show_load_error_names_the_path_in_the_locale(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    data = json.loads(HUAIAN.read_text("utf-8"))
    data["table2"]["fees"] = 96171.6  # a float: money must be a decimal string
    bad.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    zh = runner.invoke(cli, ["show", str(bad)])
    assert zh.exit_code == 2
    assert zh.stdout == ""
    assert f"{bad}: 无法读取报告（1）" in zh.stderr
    assert "$.table2.fees: 应为" in zh.stderr
    assert "Traceback" not in zh.output
    en = runner.invoke(cli, ["show", str(bad), "--locale", "en"])
    assert en.exit_code == 2
    assert f"{bad}: Cannot read report (1)" in en.stderr
    assert "expected an amount as a decimal string" in en.stderr


def test_show_missing_and_malformed_files(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "missing.json"
    result = runner.invoke(cli, ["show", str(missing), "-l", "en"])
    assert result.exit_code == 2 and str(missing) in result.stderr
    garbled = tmp_path / "garbled.json"
    garbled.write_bytes("{ 不是 JSON".encode("gb18030"))
    result = runner.invoke(cli, ["show", str(garbled)])
    assert result.exit_code == 2 and str(garbled) in result.stderr
    assert "Traceback" not in result.output


def test_show_unknown_locale_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["show", str(HUAIAN), "--locale", "fr"])
    assert result.exit_code == 2
    # In the locale the environment gives (Chinese here), naming the value.
    assert (
        "未知的语言区域“fr”；支持：zh_Hans_CN、en（也可写作 zh_CN、zh、en_US …）" in result.output
    )
    result = runner.invoke(cli, ["show", str(HUAIAN), "--locale", "fr"], env={"LANG": "en_US"})
    assert result.exit_code == 2 and "unknown locale 'fr'" in result.output


def test_escape_sequences_in_report_text_are_shown_escaped(
    runner: CliRunner, tmp_path: Path
) -> None:
    """A unit name or heading holding ESC sequences (clear screen, set the
    window title) is printed with the control characters escaped."""
    report = gd.blank_report(
        "2021", 2024, "某县\x1b]0;pwned\x07\x1b[2J人民政府", with_headings=True
    )
    path = tmp_path / "hostile.json"
    gd.dump(report, path)
    for args in (["show", str(path)], ["validate", str(path)]):
        result = runner.invoke(cli, args)
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout, args
        assert "某县\\x1b]0;pwned\\x07\\x1b[2J人民政府" in result.stdout, args


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "C.UTF-8"}, "zh"),
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LC_MESSAGES": "en_US", "LANG": "zh_CN"}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "zh"),
        # GNU's priority list: its first language the library speaks wins…
        ({"LANGUAGE": "en:zh_CN", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LANGUAGE": "fr:de:en_GB", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LANGUAGE": "zh_CN:en", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LANGUAGE": "fr", "LANG": "en_US.UTF-8"}, "en"),
        # … except in the C locale, where GNU gettext ignores it too.
        ({"LANGUAGE": "en", "LANG": "C.UTF-8"}, "zh"),
        ({"LANGUAGE": "en"}, "zh"),
    ],
)
def test_the_default_locale_comes_from_the_environment(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, environment: dict[str, str], expected: str
) -> None:
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    for variable, value in environment.items():
        monkeypatch.setenv(variable, value)
    result = runner.invoke(cli, ["show", str(EXAMPLES / "huaian-2024.json")])
    assert result.exit_code == 0
    english = "Edition" in result.stdout
    assert english == (expected == "en"), result.stdout[:200]


@pytest.mark.parametrize("where", ["before", "after"])
def test_locale_may_come_before_or_after_the_command(runner: CliRunner, where: str) -> None:
    path = str(EXAMPLES / "huaian-2024.json")
    args = (
        ["--locale", "en", "show", path] if where == "before" else ["show", path, "--locale", "en"]
    )
    result = runner.invoke(cli, args)
    assert result.exit_code == 0 and "Edition" in result.stdout


@pytest.mark.parametrize("columns", [60, 80, 120])
@pytest.mark.parametrize("locale", ["zh_Hans_CN", "en"])
def test_the_findings_table_fits_the_width_and_loses_no_word(columns: int, locale: str) -> None:
    """A message quoting a Chinese sentence is one long word to rich; the
    table must still fit the width given, its right border closing every
    line, and every word of every message must be printed."""
    from rich.cells import cell_len

    path = EXAMPLES / "shanghai-szfbgt-2019.json"
    env = {**os.environ, "COLUMNS": str(columns), "NO_COLOR": "1"}
    out = subprocess.run(
        [*GD, "validate", str(path), "-l", locale],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    ).stdout
    lines = out.splitlines()
    findings = gd.validate(gd.load(path), locale=locale)
    # The heading is one line, the file's path whole, however narrow the width.
    assert lines[0].startswith(f"{path}  ")
    table = [line for line in lines if line[:1] in ("┏", "┃", "┡", "│", "├", "└")]
    if table:
        assert all(cell_len(line) <= columns for line in table)
        assert all(line[-1] in "┓┃┩│┤┘" for line in table)
        # The message column, its lines joined: a word over two lines is whole again.
        printed = "".join(line.split("│")[3].strip() for line in table if line.startswith("│"))
    else:
        # Too narrow for its paths beside a message: one finding per block,
        # every line within the width but a path, said whole on its own line.
        paths = {f"    {finding.path}" for finding in findings}
        assert all(cell_len(line) <= columns or line in paths for line in lines[1:])
        assert columns < 120  # a wide terminal has the table
        printed = "".join(line.strip() for line in lines if line.startswith("    "))
    for finding in findings[:20]:
        for word in finding.message(locale).split():
            assert word.strip() in printed, word


@pytest.mark.parametrize(
    ("locale", "lines"),
    [
        (
            "zh_Hans_CN",
            ["插件（", "  govdisclosure.plugin.builtin  （govdisclosure ", "    钩子："],
        ),
        ("en", ["Plugins (", "  govdisclosure.plugin.builtin  (govdisclosure ", "    hooks: "]),
    ],
)
def test_plugins_are_listed_in_the_locale_s_punctuation(
    runner: CliRunner, locale: str, lines: list[str]
) -> None:
    """``插件 (9)``, ``校验规则: 30``, ``[内置]``: English punctuation in Chinese lines."""
    result = runner.invoke(cli, ["plugins", "-l", locale])
    assert result.exit_code == 0, result.output
    printed = result.output.splitlines()
    for start in lines:
        assert any(line.startswith(start) for line in printed), (start, result.output)
    if locale == "zh_Hans_CN":
        assert not any(
            re.search(r"[\u4e00-\u9fff][:(\[]|[:)\]] ?[\u4e00-\u9fff]", ln) for ln in printed
        )
        assert "【内置】" in result.output
