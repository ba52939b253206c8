"""The library runs without its optional dependencies; the strategies say
clearly what to install."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        check=False,
    )


def test_importing_and_using_the_library_does_not_import_hypothesis() -> None:
    result = _run(
        """
        import sys
        import govdisclosure as gd
        report = gd.load("examples/huaian-2024.json")
        gd.validate(report)
        gd.dumps(report)
        assert "hypothesis" not in sys.modules, "hypothesis was imported"
        """
    )
    assert result.returncode == 0, result.stderr


def test_the_strategies_name_the_extra_to_install_when_hypothesis_is_missing() -> None:
    result = _run(
        """
        import sys
        sys.modules["hypothesis"] = None  # as if it were not installed
        import govdisclosure
        try:
            import govdisclosure.testing
        except ImportError as exc:
            print(exc)
        else:
            raise SystemExit("imported without hypothesis")
        """
    )
    assert result.returncode == 0, result.stderr
    assert "pip install 'govdisclosure[testing]'" in result.stdout
