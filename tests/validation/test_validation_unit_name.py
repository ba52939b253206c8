"""unit.unnamed: a report whose reporting unit's name is empty or only blanks."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

import govdisclosure as gd
from govdisclosure.check import validate
from govdisclosure.cli import cli
from govdisclosure.editions import Report
from govdisclosure.plugin.builtin import core_rules
from govdisclosure.validation.dated import dates_hold
from locations import EXAMPLES

FILES = sorted(EXAMPLES.glob("**/*.json"))


def _named(report: Report, name: str) -> Report:
    return attrs.evolve(report, unit=attrs.evolve(report.unit, name=name))


def _unnamed(report: Report) -> list[gd.Finding]:
    return [f for f in validate(report) if f.rule == "unit.unnamed"]


def test_the_rule_is_registered_as_a_structural_error() -> None:
    (rule,) = [r for r in core_rules() if r.id == "unit.unnamed"]
    assert rule.severity == "error"
    assert rule.basis == "structural"
    assert rule.editions is None
    assert rule.screen is dates_hold  # one string test a report, in the shared screen


@pytest.mark.parametrize("name", ["", " ", "  \u3000", "\n\t\u3000 "])
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_an_empty_or_blank_name_is_an_error(path: Path, name: str) -> None:
    (found,) = _unnamed(_named(gd.load(path), name))
    assert found.severity == "error"
    assert found.path == "$.unit.name"
    assert found.involves == ("$.unit.name",)
    assert found.message("en") == "The report names no reporting unit: the unit's name is empty"
    assert found.message("zh_Hans_CN") == "报告未写明报告单位：单位名称为空"
    assert found.message() == found.message("zh_Hans_CN")  # Chinese first


@pytest.mark.parametrize("name", ["某市人民政府", " 某市教育局\u3000", "x"])
def test_a_name_with_any_text_is_not(name: str) -> None:
    report = gd.load(EXAMPLES / "huaian-2024.json")
    assert _unnamed(_named(report, name)) == []


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_no_example_is_unnamed(path: Path) -> None:
    assert _unnamed(gd.load(path)) == []


def test_the_finding_comes_first_and_the_cli_fails_on_it(tmp_path: Path) -> None:
    """Where the unit sits in the report: before the period's findings.  A
    file with an empty name loads (the model allows it) and ``validate``
    exits 1 with the finding, as for any error."""
    data = json.loads((EXAMPLES / "huaian-2024.json").read_text(encoding="utf-8"))
    data["unit"]["name"] = "\u3000"
    data.pop("period", None)  # a second finding, period.not-stated, on $.period
    path = tmp_path / "unnamed.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    report = gd.load(path)
    rules = [f.rule for f in validate(report)]
    assert rules.index("unit.unnamed") < rules.index("period.not-stated")
    before = CliRunner().invoke(cli, ["validate", str(EXAMPLES / "huaian-2024.json")])
    assert before.exit_code == 0, before.output
    result = CliRunner().invoke(cli, ["--locale", "en", "validate", str(path)])
    assert result.exit_code == 1, result.output
    assert "unit.unnamed" in result.output or "names no reporting unit" in result.output
