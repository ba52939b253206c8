"""docs/aggregation.md: its reason table matches the code (its code blocks run through Sybil, docs/conftest.py)."""

from __future__ import annotations

import re

from govdisclosure.aggregate import not_comparable
from locations import ROOT

DOC = (ROOT / "docs" / "aggregation.md").read_text(encoding="utf-8")


def test_every_reason_is_documented() -> None:
    documented = re.findall(r"^\| `([a-z0-9-]+)` \|", DOC, re.M)
    reasons = [r.id for r in not_comparable()]
    assert [d for d in documented if d in reasons] == reasons
