"""Every page the HTML plugin's tests hand to the importer, kept as files.

The tests make many pages of their own (a real page edited the way other
portals print it, ``test_variants.py``; rendered and restyled reports, the
round trips), and a speed-up of the importer must give the same output on
each.  This script runs the plugin's tests with :func:`.page.read_page`
watched (every import reads its page through it) and writes each distinct
page it was given to ``OUT/NNNN/page.html``, the layout
``html_import_compare.py --pages OUT`` reads:

    python bench/html_import_capture.py OUT [pytest arguments]
    python bench/html_import_compare.py --pages OUT

Only the pages are kept, not the tests' verdicts: the comparison is of the
importer's output before and after, whatever the tests assert.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "plugins" / "govdisclosure-html" / "tests"


class Capture:
    """A pytest plugin wrapping ``read_page`` as the importer calls it."""

    def __init__(self) -> None:
        self.pages: dict[str, bytes] = {}

    def pytest_configure(self, config: pytest.Config) -> None:
        from govdisclosure_html import importer

        read_page = importer.__dict__["read_page"]  # the name the importer calls
        pages = self.pages

        def watched(data: bytes, *args: Any, **kwargs: Any) -> Any:
            pages.setdefault(hashlib.sha256(data).hexdigest(), bytes(data))
            return read_page(data, *args, **kwargs)

        setattr(importer, "read_page", watched)  # noqa: B010 (a name mypy sees as private)


def main() -> int:
    out = Path(sys.argv[1])
    capture = Capture()
    code = pytest.main([str(TESTS), "-q", "-p", "no:cacheprovider", *sys.argv[2:]], [capture])
    out.mkdir(parents=True, exist_ok=True)
    for i, (_, data) in enumerate(sorted(capture.pages.items())):
        folder = out / f"{i:04}"
        folder.mkdir(exist_ok=True)
        (folder / "page.html").write_bytes(data)
    print(f"{len(capture.pages)} distinct pages written to {out} (pytest exit {int(code)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
