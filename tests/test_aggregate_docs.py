"""docs/aggregation.md: its code blocks run, and its reason table matches the code."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from govdisclosure.aggregate import not_comparable

ROOT = Path(__file__).resolve().parent.parent
DOC = (ROOT / "docs" / "aggregation.md").read_text(encoding="utf-8")


def test_code_blocks_run_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = re.findall(r"```python\n(.*?)```", DOC, re.S)
    assert len(blocks) >= 5
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {}
    for block in blocks:
        exec(compile(block, "docs/aggregation.md", "exec"), namespace)
    assert os.getcwd() == str(ROOT)


def test_every_reason_is_documented() -> None:
    documented = re.findall(r"^\| `([a-z0-9-]+)` \|", DOC, re.M)
    reasons = [r.id for r in not_comparable()]
    assert [d for d in documented if d in reasons] == reasons
