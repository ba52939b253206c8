"""The ``consolidate`` and ``compare`` commands: output, files, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

import govdisclosure as gd
from govdisclosure.cli import cli
from locations import ROOT

EXAMPLES = ROOT / "examples"
QINGHE = [str(p) for p in sorted((EXAMPLES / "consolidation").glob("*.json"))]
CITY = "清河市人民政府"


def test_consolidate_to_stdout_equals_the_api(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["consolidate", *QINGHE, "--unit", CITY])
    assert result.exit_code == 0, result.output
    expected = gd.consolidate([gd.load(p) for p in QINGHE], gd.ReportingUnit(name=CITY))
    assert gd.loads(result.stdout) == expected


def test_consolidate_to_a_file_atomically_and_not_over_an_existing_one(
    runner: CliRunner, tmp_path: Path
) -> None:
    out = tmp_path / "city.json"
    args = ["consolidate", *QINGHE, "-u", CITY, "--kind", "government", "-o", str(out)]
    result = runner.invoke(cli, [*args, "--region-code", "131200"])
    assert result.exit_code == 0, result.output
    report = gd.load(out)
    assert report.unit == gd.ReportingUnit(name=CITY, region_code="131200")
    assert len(report.parts) == 3
    assert [p.name for p in tmp_path.iterdir()] == ["city.json"]  # no temporary file left
    out.write_text("keep me", encoding="utf-8")
    result = runner.invoke(cli, args)
    assert result.exit_code == 2 and "--force" in result.output
    assert out.read_text(encoding="utf-8") == "keep me"
    result = runner.invoke(cli, [*args, "--force"])
    assert result.exit_code == 0 and gd.load(out).unit.name == CITY


def test_mixed_years_exit_2_with_a_clear_message(runner: CliRunner, tmp_path: Path) -> None:
    other = tmp_path / "2023.json"
    gd.dump(attrs.evolve(gd.load(QINGHE[0]), year=2023), other)
    result = runner.invoke(cli, ["consolidate", QINGHE[1], str(other), "-u", CITY, "-l", "en"])
    assert result.exit_code == 2
    assert "different years" in result.output and "2023, 2024" in result.output
    assert "Traceback" not in result.output
    result = runner.invoke(cli, ["consolidate", QINGHE[1], str(other), "-u", CITY, "-l", "zh"])
    assert "不同年度" in result.output
    assert "2023、2024" in result.output  # listed as Chinese lists (was "2023, 2024")


def test_mixed_editions_exit_2(runner: CliRunner) -> None:
    shanghai = str(EXAMPLES / "shanghai-szfbgt-2019.json")
    result = runner.invoke(cli, ["consolidate", QINGHE[0], shanghai, "-u", CITY, "-l", "en"])
    assert result.exit_code == 2 and "different editions" in result.output


def test_duplicate_units_exit_2_directly_and_nested(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["consolidate", QINGHE[0], QINGHE[0], "-u", CITY, "-l", "en"])
    assert result.exit_code == 2 and "more than once" in result.output
    part = tmp_path / "part.json"
    runner.invoke(cli, ["consolidate", QINGHE[0], QINGHE[1], "-u", "东部", "-o", str(part)])
    result = runner.invoke(cli, ["consolidate", str(part), QINGHE[1], "-u", CITY, "-l", "en"])
    assert result.exit_code == 2 and "more than once" in result.output


def test_unreadable_input_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    out = tmp_path / "out.json"
    result = runner.invoke(
        cli,
        [
            "consolidate",
            QINGHE[0],
            str(broken),
            str(tmp_path / "missing.json"),
            "-u",
            CITY,
            "-o",
            str(out),
            "-l",
            "en",
        ],
    )
    assert result.exit_code == 2
    assert "broken.json" in result.output and "missing.json" in result.output
    assert not out.exists()


def test_other_handling_layouts_need_the_fold_flag(runner: CliRunner) -> None:
    files = [str(EXAMPLES / "hongze-2024.json"), str(EXAMPLES / "huaian-2024.json")]
    result = runner.invoke(cli, ["consolidate", *files, "-u", "X", "-l", "en"])
    assert result.exit_code == 2 and "--fold-other-handling" in result.output
    # The refusal names the unit whose three sub-rows cannot become one row,
    # not the running sum the command folds its reports into.
    unit = gd.load(EXAMPLES / "huaian-2024.json").unit.name
    # It said "… as one row in others (淮安市人民政府)", as if the unit printed one row.
    assert f"three sub-rows in the report of {unit} and as one row in others;" in result.output
    assert "partial" not in result.output and "\0" not in result.output
    # Among a folder of units, the file in the other layout is named, against the first input.
    assert f"{files[1]} differs from {files[0]}, the first input" in result.output
    result = runner.invoke(cli, ["consolidate", *files, "-u", "X", "--fold-other-handling"])
    assert result.exit_code == 0, result.output


def test_narrative_file(runner: CliRunner) -> None:
    huaian = str(EXAMPLES / "huaian-2024.json")
    result = runner.invoke(cli, ["consolidate", *QINGHE, "-u", CITY, "--narrative", huaian])
    assert result.exit_code == 0, result.output
    report = gd.loads(result.stdout)
    assert report.sections == gd.load(huaian).sections
    assert len(report.parts) == 3


def test_compare_text_and_json(runner: CliRunner) -> None:
    old = str(EXAMPLES / "pingtanxian-2011.json")
    new = str(EXAMPLES / "pingtanxian-2012.json")
    result = runner.invoke(cli, ["compare", old, new, "-l", "en"])
    assert result.exit_code == 0, result.output
    assert "compared cells changed" in result.output and "3542" in result.output
    result = runner.invoke(cli, ["compare", old, new, "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["same_unit"] is True
    cells = {c["path"]: c for c in data["cells"]}
    assert cells["$.statistics.rows['1'].cumulative"]["relative"] == "1013/758"


def test_compare_across_formats_lists_what_is_not_comparable(
    runner: CliRunner, tmp_path: Path
) -> None:
    old = tmp_path / "2020.json"
    gd.dump(attrs.evolve(gd.load(EXAMPLES / "shanghai-szfbgt-2019.json"), year=2020), old)
    new = str(EXAMPLES / "huaian-2024.json")
    result = runner.invoke(cli, ["compare", str(old), new])
    assert result.exit_code == 0, result.output
    assert "不可比较" in result.output and "第二十条第（九）项" in result.output
    assert "不同单位" in result.output


def test_compare_unreadable_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["compare", str(tmp_path / "nope.json"), QINGHE[0]])
    assert result.exit_code == 2 and "nope.json" in result.output


def test_duplicate_units_are_shown_with_the_files_holding_them(
    runner: CliRunner, tmp_path: Path
) -> None:
    """Three files of one unit (a unit's report saved under three names): the
    refusal names the files, not the unit three times, so the user can find
    them among hundreds."""
    copies = []
    for name in ("甲县.json", "乙县.json", "丙局.json"):
        copy = tmp_path / name
        copy.write_bytes(Path(QINGHE[0]).read_bytes())
        copies.append(str(copy))
    result = runner.invoke(cli, ["consolidate", *copies, QINGHE[1], "-u", CITY, "-l", "en"])
    assert result.exit_code == 2
    unit = _label(gd.load(QINGHE[0]).unit)
    assert f"{unit} ← {copies[0]}, {copies[1]}, {copies[2]}" in result.output
    part = tmp_path / "part.json"
    runner.invoke(cli, ["consolidate", QINGHE[0], QINGHE[1], "-u", "东部", "-o", str(part)])
    result = runner.invoke(
        cli, ["consolidate", str(part), QINGHE[1], "-u", CITY, "-l", "en", "--jobs", "2"]
    )
    unit = _label(gd.load(QINGHE[1]).unit)
    assert f"{unit} ← {part}, {QINGHE[1]}" in result.output


def _label(unit: gd.ReportingUnit) -> str:
    return unit.name if unit.region_code is None else f"{unit.name} [{unit.region_code}]"


def test_a_report_of_another_year_or_edition_is_named_by_its_file(
    runner: CliRunner, tmp_path: Path
) -> None:
    """Among a unit's dozens of files, the one of another year is named, with the first."""
    other = tmp_path / "乙县 2023.json"
    gd.dump(attrs.evolve(gd.load(QINGHE[0]), year=2023), other)
    args = ["consolidate", QINGHE[1], QINGHE[2], str(other), "-u", CITY]
    result = runner.invoke(cli, [*args, "-l", "en"])
    assert result.exit_code == 2
    assert "different years" in result.stderr
    assert f"{other} differs from {QINGHE[1]}, the first input" in result.stderr
    result = runner.invoke(cli, args)
    assert f"{other} 与第一个输入 {QINGHE[1]} 不一致" in result.stderr
    shanghai = str(EXAMPLES / "shanghai-szfbgt-2019.json")
    result = runner.invoke(cli, ["consolidate", QINGHE[0], shanghai, "-u", CITY, "-l", "en"])
    assert f"{shanghai} differs from {QINGHE[0]}" in result.stderr


def test_a_narrative_of_another_edition_is_named_as_the_narrative(runner: CliRunner) -> None:
    yuxi = str(EXAMPLES / "yuxi-2017.json")
    args = ["consolidate", *QINGHE, "-u", CITY, "--narrative", yuxi, "-l", "en"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 2
    assert "different editions" in result.stderr
    assert f"{yuxi} differs from {QINGHE[0]}, the first input" in result.stderr


def _refused_runs(tmp_path: Path) -> dict[str, list[str]]:
    """Consolidations refused as a whole, by the reason's code."""
    other_year = tmp_path / "other-year.json"
    gd.dump(attrs.evolve(gd.load(QINGHE[1]), year=2023), other_year)
    copy = tmp_path / "copy.json"
    copy.write_bytes(Path(QINGHE[0]).read_bytes())
    unreadable = tmp_path / "cut-short.json"
    unreadable.write_text('{"edition": "2021", ', encoding="utf-8")
    return {
        "years": [QINGHE[0], str(other_year)],
        "duplicate-unit": [QINGHE[0], *QINGHE[1:], str(copy)],
        "unreadable": [*QINGHE, str(unreadable)],
    }


@pytest.mark.parametrize(
    ("code", "locale", "summary"),
    [
        ("years", "en", "2 files read: refused (inputs of different years), nothing written"),
        ("years", "zh_Hans_CN", "已读取 2 个文件：拒绝汇总（输入报告年度不同），未写出任何文件"),
        (
            "duplicate-unit",
            "en",
            "4 files read: refused (a unit counted more than once), nothing written, 0 skipped",
        ),
        (
            "duplicate-unit",
            "zh_Hans_CN",
            "已读取 4 个文件：拒绝汇总（有单位被重复计算），未写出任何文件，跳过 0 个",
        ),
        (
            "unreadable",
            "en",
            "3 files read: refused (an input that cannot be read: a total without it would be "
            "wrong), nothing written, 1 skipped",
        ),
        (
            "unreadable",
            "zh_Hans_CN",
            "已读取 3 个文件：拒绝汇总（有输入文件无法读取：缺了它的合计是错的），未写出任何文件，跳过 1 个",
        ),
    ],
)
def test_a_refused_consolidation_says_so_in_its_summary(
    tmp_path: Path, code: str, locale: str, summary: str
) -> None:
    """Not "0 passed, 0 failed": the closing line says the run was refused and why."""
    out = tmp_path / "total.json"
    files = _refused_runs(tmp_path)[code]
    args = ["consolidate", *files, "-u", CITY, "-o", str(out), "--jobs", "1", "-l", locale]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert summary in result.stderr, result.stderr
    assert "0 passed, 0 failed" not in result.stderr and "0 个通过" not in result.stderr
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


@pytest.mark.parametrize("locale", ["zh_Hans_CN", "en"])
def test_compare_prose_lines_are_not_broken_before_a_long_chinese_sentence(
    tmp_path: Path, locale: str
) -> None:
    """Rich wraps at spaces: a Chinese sentence is one "word" to it, so on an
    80-column output the note went whole to the next line and left "! " (and
    "政府信息公开情况统计表: ") alone on a line of its own."""
    old, new = ROOT / "examples" / "pingtan-2011.json", ROOT / "examples" / "huaian-2024.json"
    result = CliRunner(env={"COLUMNS": "80"}).invoke(
        cli, ["compare", str(old), str(new), "-l", locale]
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    note = next(line for line in lines if line.startswith("! "))
    assert "平潭综合实验区管委会" in note and note.endswith(
        "而非年度变化" if locale == "zh_Hans_CN" else "not from the years"
    )
    not_comparable = next(line for line in lines if line.startswith("- "))
    assert not_comparable.endswith(
        "（formats.md §2, §3）" if locale == "zh_Hans_CN" else " (formats.md §2, §3)"
    )
    assert all(line.strip() not in {"!", "- 政府信息公开情况统计表："} for line in lines)


@pytest.mark.parametrize(
    ("locale", "said"),
    [
        ("en", "Consolidated 1 report into X (2024): {out}"),
        ("zh_Hans_CN", "已将 1 份报告汇总为X（2024年）：{out}"),
    ],
)
def test_consolidating_one_report_says_report(tmp_path: Path, locale: str, said: str) -> None:
    # It said "Consolidated 1 reports into X".
    out = tmp_path / "x.json"
    result = CliRunner().invoke(
        cli,
        [
            "consolidate",
            str(EXAMPLES / "huaian-2024.json"),
            "-u",
            "X",
            "-o",
            str(out),
            "-l",
            locale,
        ],
    )
    assert result.exit_code == 0, result.output
    assert said.format(out=out) + "\n" in result.stderr


@pytest.mark.parametrize(
    ("locale", "said"), [("en", "1 row: {out}"), ("zh_Hans_CN", "1 行：{out}")]
)
def test_an_export_of_one_finding_says_row(tmp_path: Path, locale: str, said: str) -> None:
    # It said "1 rows: findings.csv" (the report has one finding, a warning).
    cells, findings = tmp_path / "cells.csv", tmp_path / "findings.csv"
    args = ["export", str(EXAMPLES / "hongze-2024.json"), "--to", "csv", "-o", str(cells)]
    result = CliRunner().invoke(cli, [*args, "--findings", str(findings), "-l", locale])
    assert result.exit_code == 0, result.output
    assert said.format(out=findings) + "\n" in result.stderr
    assert len(findings.read_text(encoding="utf-8").splitlines()) == 2  # a heading and one row


@pytest.mark.parametrize(
    ("locale", "head", "tail"),
    [
        ("zh_Hans_CN", "- 政府信息公开情况统计表：", "（formats.md §2, §3）"),
        ("en", "- Government information disclosure statistics table: ", " (formats.md §2, §3)"),
    ],
)
def test_what_is_not_comparable_is_punctuated_as_the_locale_writes(
    runner: CliRunner, locale: str, head: str, tail: str
) -> None:
    """The Chinese lines were joined with an ASCII ": " and " (…)"."""
    old, new = str(EXAMPLES / "pingtan-2011.json"), str(EXAMPLES / "huaian-2024.json")
    result = runner.invoke(cli, ["compare", old, new, "-l", locale])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("- ")]
    assert lines and lines[0].startswith(head) and lines[0].endswith(tail), lines


def test_an_existing_output_is_refused_before_the_inputs_are_read(
    runner: CliRunner, tmp_path: Path
) -> None:
    out = tmp_path / "city.json"
    out.write_text("keep me", encoding="utf-8")
    result = runner.invoke(cli, ["consolidate", *QINGHE, "-u", CITY, "-o", str(out), "-l", "en"])
    assert result.exit_code == 2 and f"{out} exists; use --force to replace it" in result.output
    assert "read" not in result.output  # no file read, no closing line of a run
    assert out.read_text(encoding="utf-8") == "keep me"
