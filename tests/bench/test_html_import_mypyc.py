"""``bench/html_import_mypyc.py`` builds, compares and times a compiled import.

Compiling every module the bench compiles takes minutes; the run here
compiles one small module the import uses (``tree``) and goes through the
script's steps on the nine pages: the copy is built, its output is held to
the source's, and a worker of each build is timed, the compiled one running
the compiled module (the script stops if a worker ran a build other than
the one it was given).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig

import pytest
from test_bench import BENCH, _module

_mypyc = _module("html_import_mypyc")


def test_a_worker_from_source_runs_no_compiled_module() -> None:
    """What the compiled worker is checked by: from source it counts none."""
    assert _mypyc.compiled_modules() == []


@pytest.mark.skipif(
    shutil.which(sysconfig.get_config_var("CC").split()[0]) is None,
    reason="no C compiler: mypyc needs the one Python was built with",
)
def test_the_script_compiles_compares_and_times_one_module() -> None:
    env = {**os.environ, "GOVDISCLOSURE_BENCH_QUICK": "1"}
    run = subprocess.run(
        [
            sys.executable,
            str(BENCH / "html_import_mypyc.py"),
            "--modules",
            "tree",
            "--generated",
            "0",
            "--no-count",
            "--rounds",
            "2",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("mypyc: 1 modules (1 of the plugin, 0 of the core)")
    assert lines[0].endswith(", 1 built as extension modules")
    assert lines[1].endswith("9 pages, 18 imports, compiled vs source: identical")
    assert [line.split(":")[0] for line in lines[2:4]] == ["round 1", "round 2"]
    assert lines[4].startswith("best of 2 rounds, nine pages: source ")
