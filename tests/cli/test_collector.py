"""The console script spares the collector its walks over long-lived
objects; a program that runs the commands itself keeps its collector as
it set it (``govdisclosure.cli._collector``)."""

from __future__ import annotations

import gc
import subprocess
import sys

import pytest
from click.testing import CliRunner

from govdisclosure.cli import _collector, cli
from locations import EXAMPLES

REPORT = str(EXAMPLES / "huaian-2024.json")

#: Runs the console script, then prints (from an ``atexit`` handler, which
#: runs after it) how many objects are frozen and whether the collector is
#: on; the handler also proves that ``atexit`` handlers still run.
_PROBE = (
    "import atexit, gc, sys\n"
    "atexit.register(lambda: print('probe', gc.get_freeze_count() > 0, gc.isenabled()))\n"
    "from govdisclosure.cli import main\n"
    "sys.argv[0] = 'govdisclosure'\n"
    "main()\n"
)


def _probe(*args: str) -> tuple[int, str]:
    run = subprocess.run(
        [sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, check=False
    )
    return run.returncode, run.stdout


def test_the_console_script_freezes_what_it_made_and_keeps_the_collector_on() -> None:
    code, out = _probe("validate", "--jobs", "1", "-l", "en", REPORT)
    assert code == 0
    assert "No findings." in out
    assert out.rstrip().endswith("probe True True")


def test_version_is_frozen_at_exit_too() -> None:
    code, out = _probe("--version")
    assert code == 0 and "govdisclosure" in out
    assert out.rstrip().endswith("probe True True")


def test_a_program_running_the_commands_keeps_its_collector() -> None:
    before = gc.get_freeze_count()
    result = CliRunner().invoke(cli, ["validate", "--jobs", "1", "-l", "en", REPORT])
    assert result.exit_code == 0, result.output
    assert gc.get_freeze_count() == before
    assert gc.isenabled()


def test_long_lived_pauses_the_collector_and_restores_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """The collector is paused while the modules are made, then on again;
    an owned process whose collector was off keeps it off."""
    monkeypatch.setattr(_collector, "_owned", True)
    gc.disable()
    try:
        with _collector.long_lived():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.unfreeze()
        gc.enable()
    with _collector.long_lived():
        assert not gc.isenabled()  # paused while the modules are made
    assert gc.isenabled()
    gc.unfreeze()
