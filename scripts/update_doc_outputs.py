"""Refresh the output shown under each ``$ command`` of a page's console blocks.

    python scripts/update_doc_outputs.py docs/getting-started.md [...]

Runs every console block of the page in order, in one scratch directory
holding ``examples/`` and in the setting the tests use (docs/_ext/doc_examples.py),
and writes what each command printed under it.  A command whose shown output
is ``...`` is left as it is.  Review the diff: the tests then hold the page
to it.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "docs" / "_ext"))

from doc_examples import SHARED, commands, run_command  # noqa: E402

BLOCK = re.compile(r"^```console\n(.*?)^```", re.S | re.M)


def refresh(page: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for name in SHARED:
            (work / name).symlink_to(ROOT / name, target_is_directory=True)

        def block(match: re.Match[str]) -> str:
            out: list[str] = []
            for command, shown in commands(match.group(1)):
                _, actual = run_command(command.split("  #", 1)[0].rstrip(), work)
                out.append(f"$ {command}")
                out.extend(shown if shown in (["..."], ["…"]) else actual)
            return "```console\n" + "".join(line + "\n" for line in out) + "```"

        text = page.read_text(encoding="utf-8")
        page.write_text(BLOCK.sub(block, text), encoding="utf-8")


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        refresh(Path(arg))
