"""``bench/validate_rules_profile.py`` runs and gives a line to every installed rule."""

from __future__ import annotations

import subprocess
import sys

from govdisclosure.plugin.manager import rules
from locations import ROOT


def test_every_rule_and_the_shared_work_get_a_line() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "validate_rules_profile.py"), "1"],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    named = {line.split()[0] for line in done.stdout.splitlines() if line.strip()}
    assert {rule.id for rule in rules()} <= named
    assert "screen arithmetic.passes" in done.stdout
    assert "the narrative's stretches" in done.stdout
    assert "validate() with every rule:" in done.stdout
