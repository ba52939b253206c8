"""The library runs without its optional dependencies; the strategies say
clearly what to install."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from locations import ROOT


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


def test_the_command_line_does_not_import_pyarrow_or_dask() -> None:
    result = _run(
        """
        import sys
        sys.modules["pyarrow"] = None  # as if it were not installed
        sys.modules["dask"] = None
        from click.testing import CliRunner
        from govdisclosure.cli import cli
        run = CliRunner().invoke(cli, ["validate", "examples/huaian-2024.json", "-j", "1"])
        assert run.exit_code == 0, run.output
        run = CliRunner().invoke(cli, ["export", "examples/huaian-2024.json", "-o", "x.parquet"])
        assert run.exit_code == 1 and "govdisclosure[parquet]" in run.output, run.output
        """
    )
    assert result.returncode == 0, result.stderr


def test_the_export_names_the_extra_when_pyarrow_is_missing() -> None:
    result = _run(
        """
        import sys
        sys.modules["pyarrow"] = None
        import govdisclosure as gd
        from govdisclosure.export import cells
        try:
            cells([gd.load("examples/huaian-2024.json")])
        except ImportError as exc:
            print(exc)
        else:
            raise SystemExit("exported without pyarrow")
        """
    )
    assert result.returncode == 0, result.stderr
    assert "govdisclosure[parquet]" in result.stdout


def test_the_bags_name_the_extra_when_dask_is_missing() -> None:
    result = _run(
        """
        import sys
        sys.modules["dask"] = None
        from govdisclosure.bags import read_bag
        try:
            read_bag(["examples/huaian-2024.json"])
        except ImportError as exc:
            print(exc)
        else:
            raise SystemExit("made a bag without dask")
        """
    )
    assert result.returncode == 0, result.stderr
    assert "govdisclosure[dask]" in result.stdout
