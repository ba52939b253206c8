"""The validation docs: the rule catalog is current, and the plugin example works."""

from __future__ import annotations

import re
import subprocess
import sys

from govdisclosure import Report2021, ReportingUnit
from govdisclosure.check import validate
from govdisclosure.plugin.builtin import core_rules
from govdisclosure.validation.catalog import render_catalog
from locations import ROOT


def test_rule_catalog_is_up_to_date() -> None:
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == render_catalog(core_rules()), (
        "docs/rules.md is out of date: run python scripts/gen_rule_docs.py"
    )


def test_generator_check_mode_agrees() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "gen_rule_docs.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_every_rule_has_its_section() -> None:
    catalog = render_catalog(core_rules())
    for rule in core_rules():
        assert f"\n## {rule.id}\n" in catalog
        assert rule.description and rule.source


def test_plugin_example_in_validation_md_runs() -> None:
    text = (ROOT / "docs" / "validation.md").read_text(encoding="utf-8")
    section = text.split("## Writing a rule in a plugin", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S)
    assert code is not None
    namespace: dict[str, object] = {}
    exec(code.group(1), namespace)
    rule = namespace["REGION_CODE"]
    hook = namespace["govdisclosure_rules"]
    assert hook() == [rule]  # type: ignore[operator]
    findings = validate(Report2021(unit=ReportingUnit(name="某县"), year=2024), rules=[rule])  # type: ignore[list-item]
    (finding,) = findings
    assert finding.rule == "jiangsu.region-code"
    assert finding.message("en") == "The unit has no region code"
