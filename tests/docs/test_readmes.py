"""The READMEs' code blocks run as the documentation pages' do (docs/_ext/doc_examples.py).

The repository's README is run from a directory holding ``examples/``, as
from the repository's root; a plugin's README names the reader's own
``report.json``, here an example report.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from sybil import Sybil

from locations import EXAMPLES, ROOT

sys.path.insert(0, str(ROOT / "docs" / "_ext"))

from doc_examples import PARSERS

READMES = sorted(
    [
        ROOT / "README.md",
        *ROOT.glob("plugins/*/README.md"),
        *ROOT.glob("examples/plugins/*/README.md"),
    ]
)


def _blocks(readme: Path) -> list[object]:
    return list(Sybil(parsers=PARSERS).parse(readme))


def test_the_readmes_have_blocks_to_run() -> None:
    assert _blocks(ROOT / "README.md")  # the library's first example
    assert sum(len(_blocks(r)) for r in READMES) > len(_blocks(ROOT / "README.md"))


@pytest.mark.parametrize("readme", READMES, ids=lambda p: str(p.relative_to(ROOT).parent))
def test_readme_blocks_run(readme: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "examples").symlink_to(EXAMPLES, target_is_directory=True)
    shutil.copy(EXAMPLES / "huaian-2024.json", tmp_path / "report.json")
    monkeypatch.chdir(tmp_path)
    document = Sybil(parsers=PARSERS).parse(readme)
    document.namespace["workdir"] = tmp_path
    for example in document:
        example.evaluate()
