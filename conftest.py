"""Settings every test folder shares (tests/, plugins/*/tests/, docs/).

Hypothesis's per-example deadline (200 ms by default) is a timed assertion:
on a loaded machine an example that takes 0.3 ms can take 280 ms, and the
test fails for a reason no user would accept.  Speed is measured in
``bench/``, never asserted in tests, so the deadline is off everywhere.
"""

from __future__ import annotations

from hypothesis import settings

settings.register_profile("govdisclosure", deadline=None)
settings.load_profile("govdisclosure")
