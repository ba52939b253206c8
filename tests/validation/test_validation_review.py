"""Findings built for review: outcomes of every relation, fingerprints,
accepted findings, SARIF.

Oracles: the relations themselves (every equation of the report has one
outcome), ``hashlib`` over a canonical JSON written out here (the
fingerprint), fresh interpreters with different hash seeds (stable across
runs), and the official OASIS SARIF 2.1.0 JSON schema (tests/sarif/, see its
README) checked with ``jsonschema``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings

import govdisclosure as gd
from govdisclosure.check import check
from govdisclosure.cli import cli
from govdisclosure.errors import LoadError
from govdisclosure.relations import report_equations
from govdisclosure.testing import consistent_reports, reports_with_defect
from govdisclosure.validation import Finding, Label
from govdisclosure.validation.arithmetic import arithmetic_rules
from govdisclosure.validation.review import Acceptance, load_acceptances, review
from locations import ROOT

EXAMPLES = ROOT / "examples"
PT2012 = str(EXAMPLES / "pingtanxian-2012.json")
HONGZE = str(EXAMPLES / "hongze-2024.json")
HUAIAN = str(EXAMPLES / "huaian-2024.json")
SCHEMA = json.loads((ROOT / "tests" / "sarif" / "sarif-schema-2.1.0.json").read_text("utf-8"))


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["validate", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


# -- outcomes ----------------------------------------------------------------------------


def test_every_relation_of_a_clean_report_passed() -> None:
    report = gd.load(HUAIAN)
    result = check(report)
    arithmetic = [o for o in result.outcomes if not o.rule.startswith("narrative.")]
    assert len(arithmetic) == len(report_equations(report)) == 42
    # The text states applications, reconsiderations and lawsuits; all agree.
    assert [o.rule for o in result.outcomes if o.rule.startswith("narrative.")] == [
        "narrative.applications",
        "narrative.reconsideration",
        "narrative.litigation",
    ]
    assert result.counts.to_dict() == {
        "checked": 45,
        "passed": 45,
        "failed": 0,
        "not_checkable": 0,
    }
    assert result.findings == gd.validate(report)


def test_failed_and_not_checkable_relations_are_counted() -> None:
    shanghai = gd.load(EXAMPLES / "shanghai-szfbgt-2019.json")
    result = check(shanghai)
    counts = result.counts
    assert counts.checked == counts.passed + counts.failed + counts.not_checkable
    # 258 and 265 disagree with the table; every 总计 left blank is not checkable.
    assert counts.failed == 2
    not_checkable = {o.path for o in result.outcomes if o.outcome == "not-checkable"}
    notices = {f.path for f in result.findings if f.message_id == "relation.not-checkable"}
    assert notices <= not_checkable
    failed = {(o.rule, o.path) for o in result.outcomes if o.outcome == "failed"}
    assert failed == {(f.rule, f.path) for f in result.findings if f.severity == "warning"}


def test_continuity_relations_have_outcomes() -> None:
    result = check(gd.load(PT2012), previous=gd.load(EXAMPLES / "pingtanxian-2011.json"))
    continuity = [o for o in result.outcomes if o.rule == "continuity.cumulative"]
    assert continuity and {o.outcome for o in continuity} == {"passed"}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports_with_defect("2021"))
def test_a_defect_fails_a_relation_through_its_cell(case: tuple[gd.Report, Any]) -> None:
    report, _ = case
    result = check(report, rules=arithmetic_rules())
    assert result.counts.checked == len(report_equations(report))
    failed = {(o.rule, o.path) for o in result.outcomes if o.outcome == "failed"}
    assert failed == {(f.rule, f.path) for f in result.findings}
    assert failed


@settings(max_examples=30, deadline=None)
@given(consistent_reports("2019", blanks=True))
def test_outcomes_match_the_findings(report: gd.Report) -> None:
    result = check(report, rules=arithmetic_rules())
    assert result.counts.checked == len(report_equations(report))
    assert result.counts.failed == 0
    assert result.findings == gd.validate(report, rules=arithmetic_rules())


def test_cli_prints_the_relation_summary_per_report() -> None:
    code, out, _ = run(HUAIAN, HONGZE, "--locale", "en")
    assert code == 0
    assert "45 relations checked, 45 passed, 0 failed, 0 not checkable" in out
    assert "41 relations checked, 40 passed, 1 failed, 0 not checkable" in out
    _, out, _ = run(HUAIAN)
    assert "核对了 45 项关系：45 项通过，0 项不通过，0 项无法核对" in out
    _, out, _ = run(HUAIAN, HONGZE, "--format", "json")
    reports = json.loads(out)["reports"]
    assert [r["relations"] for r in reports] == [
        {"checked": 45, "passed": 45, "failed": 0, "not_checkable": 0},
        {"checked": 41, "passed": 40, "failed": 1, "not_checkable": 0},
    ]


# -- fingerprints -------------------------------------------------------------------------


def test_the_fingerprint_is_the_sha256_of_a_canonical_json() -> None:
    finding = Finding(
        rule="table3.row-total",
        severity="error",
        path="$.table3.new_applications.total",
        expected=12,
        actual=13,
        message_id="arithmetic.sum",
        params={"cell": Label(("一、本年新收政府信息公开申请数量", "总计"))},
    )
    canonical = (
        '{"actual":13,"expected":12,"params":{"cell":{"label":["一、本年新收政府信息公开申请数量",'
        '"总计"],"sep":" / "}},"path":"$.table3.new_applications.total","rule":"table3.row-total"}'
    )
    assert finding.fingerprint == hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    assert attrs.evolve(finding, actual=14).fingerprint != finding.fingerprint
    assert attrs.evolve(finding, severity="warning").fingerprint == finding.fingerprint


def test_fingerprints_are_the_same_in_other_processes() -> None:
    code = (
        "import govdisclosure as gd, sys\n"
        f"r = gd.load({PT2012!r})\n"
        "print(' '.join(f.fingerprint for f in gd.validate(r, locale=sys.argv[1])))\n"
    )
    here = [f.fingerprint for f in gd.validate(gd.load(PT2012))]
    assert len(here) == 2
    for seed, locale in (("1", "en"), ("2", "zh_Hans_CN"), ("random", "en")):
        done = subprocess.run(
            [sys.executable, "-c", code, locale],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        assert done.stdout.split() == here


# -- accepted findings -------------------------------------------------------------------


def _accept_file(tmp_path: Path, fmt: str, entries: list[dict[str, str]]) -> str:
    if fmt == "json":
        path = tmp_path / "accepted.json"
        path.write_text(json.dumps({"accepted": entries}, ensure_ascii=False), "utf-8")
    else:
        path = tmp_path / "accepted.toml"
        text = ""
        for e in entries:
            text += "[[accepted]]\n" + "".join(
                f"{k} = {v}\n" if k == "date" else f"{k} = {json.dumps(v, ensure_ascii=False)}\n"
                for k, v in e.items()
            )
        path.write_text(text, "utf-8")
    return str(path)


def _pt2012_errors() -> list[Finding]:
    return [f for f in gd.validate(gd.load(PT2012)) if f.severity == "error"]


@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_accepted_findings_stay_accepted_and_reopen_when_a_value_changes(
    tmp_path: Path, fmt: str
) -> None:
    entries = [
        {
            "fingerprint": f.fingerprint,
            "reason": "网站公开 omits 231 items published elsewhere; confirmed with the office",
            "who": "审核组 张三",
            "date": "2025-03-01",
            "rule": f.rule,
            "path": f.path,
        }
        for f in _pt2012_errors()
    ]
    assert len(entries) == 2
    accepted = _accept_file(tmp_path, fmt, entries)
    assert [a.who for a in load_acceptances(accepted)] == ["审核组 张三"] * 2

    # Run twice: the same findings are accepted each time; nothing fails.
    for _ in range(2):
        code, out, _ = run(PT2012, "--accept", accepted, "--format", "json", "--locale", "en")
        assert code == 0
        findings = json.loads(out)["findings"]
        assert [f["status"] for f in findings if f["severity"] == "error"] == ["accepted"] * 2
        assert all(
            f["acceptance"]["who"] == "审核组 张三" for f in findings if f["severity"] == "error"
        )
    code, out, _ = run(PT2012, "--accept", accepted, "--locale", "en")
    assert code == 0
    flat = " ".join(out.split())  # the table wraps long cells
    assert "accepted:" in flat and "0 notices; 2 accepted" in flat

    # The office corrects one number, but not to the sum: that finding re-opens.
    report = gd.load(PT2012)
    assert isinstance(report, gd.ReportLegacy)
    rows = {code: dict(cells) for code, cells in report.statistics.rows.items()}
    rows["1"]["year"] = 2025
    changed = tmp_path / "changed.json"
    gd.dump(attrs.evolve(report, statistics=attrs.evolve(report.statistics, rows=rows)), changed)
    code, out, _ = run(str(changed), "--accept", accepted, "--format", "json")
    assert code == 1
    document = json.loads(out)
    status = {f["path"]: f["status"] for f in document["findings"] if f["severity"] == "error"}
    assert status == {
        "$.statistics.rows['1'].year": "reopened",
        "$.statistics.rows['1'].cumulative": "accepted",
    }
    assert [a["path"] for a in document["unused_acceptances"]] == ["$.statistics.rows['1'].year"]


def test_review_without_rule_and_path_marks_changed_findings_open() -> None:
    (first, second) = _pt2012_errors()
    acceptance = Acceptance(first.fingerprint, "ok", "me", dt.date(2025, 1, 1))
    reviewed = review([first, attrs.evolve(second, actual=1)], [acceptance])
    assert [r.status for r in reviewed] == ["accepted", "open"]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (
            '[{"fingerprint": "abc", "reason": "r", "who": "w", "date": "2025-01-01"}]',
            "[0].fingerprint",
        ),
        (
            '{"accepted": [{"fingerprint": "' + "a" * 64 + '", "who": "w", "date": "x"}]}',
            "[0].reason",
        ),
        ("{", "$"),
    ],
)
def test_a_bad_accept_file_is_a_usage_error_naming_the_field(
    tmp_path: Path, content: str, problem: str
) -> None:
    path = tmp_path / "accepted.json"
    path.write_text(content, "utf-8")
    code, _, err = run(HUAIAN, "--accept", str(path), "--locale", "en")
    assert code == 2
    assert "accepted.json" in err and problem in err
    assert "Cannot read the list of accepted findings" in err  # not "Cannot read report"
    assert "Traceback" not in err


def test_a_missing_accept_file_is_named_as_such_in_both_locales(tmp_path: Path) -> None:
    missing = str(tmp_path / "accepted.toml")
    for locale, words in (
        ("en", "Cannot read the list of accepted findings"),
        ("zh_Hans_CN", "无法读取已接受发现清单"),
    ):
        code, _, err = run(HUAIAN, "--accept", missing, "--locale", locale)
        assert code == 2 and words in err and "accepted.toml" in err
        assert "Traceback" not in err


# -- SARIF ---------------------------------------------------------------------------------


def _sarif(*args: str) -> tuple[int, dict[str, Any]]:
    code, out, _ = run(*args, "--format", "sarif")
    return code, json.loads(out)


def test_sarif_validates_against_the_official_schema(tmp_path: Path) -> None:
    bad = tmp_path / "bad report.json"
    bad.write_text('{"edition": "2021", "unit": {"name": "x"}, "year": 2024, "table3": 5}')
    error = _pt2012_errors()[0]
    accepted = _accept_file(
        tmp_path,
        "json",
        [{"fingerprint": error.fingerprint, "reason": "known", "who": "me", "date": "2025-01-01"}],
    )
    shanghai = str(EXAMPLES / "shanghai-szfbgt-2019.json")
    code, log = _sarif(PT2012, HONGZE, shanghai, str(bad), "--accept", accepted, "--locale", "en")
    assert code == 2  # the unreadable file
    jsonschema.validate(log, SCHEMA)  # Draft 4, as the schema declares
    (run_,) = log["runs"]
    rules = [r["id"] for r in run_["tool"]["driver"]["rules"]]
    results = run_["results"]
    assert {r["ruleId"] for r in results} == set(rules)
    assert all(rules[r["ruleIndex"]] == r["ruleId"] for r in results)
    assert {r["level"] for r in results} == {"error", "warning", "note"}
    suppressed = [r for r in results if "suppressions" in r]
    assert [r["partialFingerprints"]["govdisclosureFinding/v1"] for r in suppressed] == [
        error.fingerprint
    ]
    assert suppressed[0]["suppressions"][0]["justification"] == "known"
    assert any(r["ruleId"] == "load" for r in results)
    assert "bad%20report.json" in {
        a["location"]["uri"].rsplit("/", 1)[-1] for a in run_["artifacts"]
    }
    reports = run_["properties"]["reports"]
    assert [r["readable"] for r in reports] == [True, True, True, False]


def test_sarif_of_a_clean_report_has_no_results_and_still_validates() -> None:
    code, log = _sarif(HUAIAN)
    assert code == 0
    jsonschema.validate(log, SCHEMA)
    assert log["runs"][0]["results"] == []
    assert log["runs"][0]["properties"]["reports"][0]["relations"]["passed"] == 45


def test_the_schema_is_the_official_one() -> None:
    """Guard against an edited oracle: SARIF 2.1.0, and it rejects what it must."""
    assert SCHEMA["id"].endswith("/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"version": "2.1.0", "runs": [{"results": []}]}, SCHEMA)  # no tool
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"version": "2.0.0", "runs": []}, SCHEMA)


def test_the_accept_file_of_the_docs_accepts_what_it_says(tmp_path: Path) -> None:
    text = (ROOT / "docs" / "validation.md").read_text("utf-8")
    block = text.split("```toml\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "accepted.toml"
    path.write_text(block, "utf-8")
    code, out, _ = run(HONGZE, "--accept", str(path), "--format", "json")
    assert code == 0
    (finding,) = json.loads(out)["findings"]
    assert (finding["rule"], finding["status"]) == ("narrative.applications", "accepted")


@pytest.mark.parametrize(
    ("suffix", "text"),
    [
        # One entry written without its [[accepted]] header.
        (".toml", 'fingerprint = "x"\nreason = "known"\n'),
        (".json", '{"accepted": [], "acceptd": []}'),
    ],
)
def test_a_key_beside_accepted_is_refused_not_ignored(
    tmp_path: Path, suffix: str, text: str
) -> None:
    """It was ignored: the file read as no acceptances at all, and the
    findings it was meant to accept stayed open without a word."""
    path = tmp_path / f"accepted{suffix}"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_acceptances(path)
    paths = [p.path for p in caught.value.problems]
    assert paths == (["$.fingerprint", "$.reason"] if suffix == ".toml" else ["$.acceptd"])
    said = caught.value.render("zh_Hans_CN")
    assert str(path) in said and "无此字段（未知的键）" in said


@pytest.mark.parametrize(
    ("name", "data", "zh", "en"),
    [
        (
            "accepted.toml",
            b"[[accepted]\nrule = 1\n",
            "$: 第 1 行第 11 列：应为格式正确的 TOML；实际为 ']'",
            "$: line 1, column 11: expected well-formed TOML; found ']'",
        ),
        (
            "accepted.json",
            b'{"accepted": [1 2]}',
            "$: 第 1 行第 17 列：应为格式正确的 JSON；实际为 '2]}'",
            "$: line 1, column 17: expected well-formed JSON; found '2]}'",
        ),
        (
            "accepted.toml",
            b"\xff\xfe[\x00",
            "$: 应为 UTF-8 编码的文本（请将文件另存为 UTF-8）；实际为 UTF-16",
            "$: expected UTF-8 text (save the file as UTF-8); found UTF-16",
        ),
    ],
)
def test_a_list_of_acceptances_that_does_not_parse_is_said_in_the_locale(
    tmp_path: Path, name: str, data: bytes, zh: str, en: str
) -> None:
    """The parser's English reason was what was found, in a Chinese sentence
    too (`实际为 Expected ']]' at the end of an array declaration (at line 1,
    column 11)`), and text that is not UTF-8 gave Python's codec error
    (`'utf-8' codec can't decode byte 0xff in position 0`)."""
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(LoadError) as info:
        load_acceptances(path)
    assert [line.strip() for line in info.value.render("zh_Hans_CN").splitlines()[1:]] == [zh]
    assert [line.strip() for line in info.value.render("en").splitlines()[1:]] == [en]
