"""The worker of ``validate_mypyc_ab.py`` digests what the builds must agree on.

The bench calls two builds the same when their workers print the same
digest; compiling is too slow for the test suite, so this checks the worker
on the source alone: the reports drawn to files are read back, the digest
is the same in two runs, and it moves when one drawn report's findings do
(a digest that ignored the drawn reports would call any two builds the same).
"""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from test_bench import _module

import govdisclosure as gd
from govdisclosure import Report2021, ReportingUnit
from govdisclosure.plugin.manager import rules
from govdisclosure.validation import validate

_ab = _module("validate_mypyc_ab")


def _printed(capsys: pytest.CaptureFixture[str], drawn: Path) -> list[str]:
    _ab.worker(1, 1, drawn)
    fields: list[str] = capsys.readouterr().out.split()
    return fields


def test_the_digest_reads_the_drawn_reports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _ab.draw(tmp_path, 5)
    assert len(list(tmp_path.glob("*.json"))) == 5
    us, compiled, drawn, size, digest = _printed(capsys, tmp_path)
    assert (compiled, drawn) == ("0", "5")  # the source, not a compiled module
    assert float(us) > 0 and int(size) == len(list(_ab.EXAMPLES.glob("**/*.json")))
    assert _printed(capsys, tmp_path)[4] == digest

    report = Report2021(unit=ReportingUnit(name="单位"), year=2024)
    wrong = attrs.evolve(report, year=2019)  # edition.year: a 2021 report dated 2019
    assert validate(report, rules=rules()) != validate(wrong, rules=rules())
    gd.dump(report, tmp_path / "99998.json")
    with_report = _printed(capsys, tmp_path)[4]
    gd.dump(wrong, tmp_path / "99998.json")
    assert _printed(capsys, tmp_path)[4] != with_report
