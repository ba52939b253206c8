"""``govdisclosure import URL`` fetches the style sheets a page links, from its site.

A page saved to a file has its sheets read beside it
(``test_linked_style_sheets``); a page imported from its URL has them
fetched from the page's own site, as a browser showing the page does, so a
character a linked sheet hides inside a figure ("26<span class="n">7</span>29"
with ``.n{font-size:0}``, 2629 on screen) is not read.  Before, a URL import
never fetched a sheet: such a figure was always placed with doubt.  What is
not fetched (another host, not served as ``text/css``, missing, too large)
leaves the figure doubtful, never guessed.  The server runs on 127.0.0.1.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from govdisclosure.cli import cli
from govdisclosure.cli._fetch import MAX_LINKED_BYTES, MAX_LINKED_FILES, SiteFiles
from test_linked_style_sheets import HIDING, _linking


class _Handler(SimpleHTTPRequestHandler):
    """Serves the folder, recording every path asked for."""

    asked: list[str]

    def do_GET(self) -> None:
        type(self).asked.append(self.path)
        super().do_GET()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[Path, int, list[str]]]:
    """A folder served on the loopback address: (folder, port, paths asked)."""
    root = tmp_path / "site"
    (root / "css").mkdir(parents=True)
    asked: list[str] = []
    handler = type("Handler", (_Handler,), {"asked": asked})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(root)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield root, httpd.server_address[1], asked
    finally:
        httpd.shutdown()
        httpd.server_close()


def _import(urls: list[str], out: Path) -> list[dict[str, object]]:
    """Import ``urls`` into ``out``; each page's provenance, in order."""
    result = CliRunner().invoke(cli, ["import", *urls, "-o", str(out), "--locale", "en"])
    assert result.exit_code in (0, 1), result.output
    return [json.loads(path.read_text("utf-8")) for path in sorted(out.glob("*.provenance.json"))]


def _licensing(provenance: dict[str, object]) -> tuple[object, object]:
    cells = provenance["cells"]
    assert isinstance(cells, list)
    (cell,) = [c for c in cells if c["path"] == "$.table2.licensing"]
    return cell["text"], cell["doubtful"]


def _codes(provenance: dict[str, object]) -> set[str]:
    problems = provenance["problems"]
    assert isinstance(problems, list)
    return {p["code"] for p in problems}


def test_a_sheet_on_the_pages_site_is_fetched_and_read(
    site: tuple[Path, int, list[str]], tmp_path: Path
) -> None:
    root, port, asked = site
    (root / "css/site.css").write_text(HIDING, "utf-8")
    (root / "report.html").write_text(_linking("/css/site.css"), "utf-8")
    (provenance,) = _import([f"http://127.0.0.1:{port}/report.html"], tmp_path / "out")
    # Before: "26729", doubtful, and a warning that the sheet was not read.
    assert _licensing(provenance) == ("2629", False)
    assert "style-sheet-not-read" not in _codes(provenance)
    assert asked.count("/css/site.css") == 1


def test_pages_of_one_site_share_one_fetch_of_their_sheet(
    site: tuple[Path, int, list[str]], tmp_path: Path
) -> None:
    root, port, asked = site
    (root / "css/site.css").write_text(HIDING, "utf-8")
    (root / "a").mkdir()
    (root / "a/one.html").write_text(_linking("../css/site.css"), "utf-8")
    (root / "two.html").write_text(_linking("css/site.css"), "utf-8")
    urls = [f"http://127.0.0.1:{port}/a/one.html", f"http://127.0.0.1:{port}/two.html"]
    provenances = _import(urls, tmp_path / "out")
    assert [_licensing(p) for p in provenances] == [("2629", False), ("2629", False)]
    assert asked.count("/css/site.css") == 1


@pytest.mark.parametrize(
    ("href", "served"),
    [
        ("/css/site.txt", "text/plain"),  # a browser applies only text/css
        ("/css/missing.css", None),  # 404
        ("/css/big.css", "too large"),
        ("http://localhost:{port}/css/site.css", "another host"),
    ],
)
def test_a_sheet_not_fetched_leaves_the_split_figure_doubtful(
    site: tuple[Path, int, list[str]], tmp_path: Path, href: str, served: str | None
) -> None:
    root, port, asked = site
    (root / "css/site.txt").write_text(HIDING, "utf-8")
    (root / "css/site.css").write_text(HIDING, "utf-8")
    (root / "css/big.css").write_text(HIDING + " " * MAX_LINKED_BYTES, "utf-8")
    (root / "report.html").write_text(_linking(href.format(port=port)), "utf-8")
    (provenance,) = _import([f"http://127.0.0.1:{port}/report.html"], tmp_path / "out")
    assert _licensing(provenance) == ("26729", True)
    assert "style-sheet-not-read" in _codes(provenance)
    if served == "another host":
        assert "/css/site.css" not in asked  # never asked of the other host


def test_a_page_fetches_at_most_so_many_sheets(site: tuple[Path, int, list[str]]) -> None:
    _root, port, asked = site
    read = SiteFiles().for_page(f"http://127.0.0.1:{port}/report.html")
    for n in range(MAX_LINKED_FILES + 3):
        assert read(f"/css/{n}.css") is None  # missing, but asked
    assert len(asked) == MAX_LINKED_FILES


def test_a_sheet_the_fetched_sheet_imports_is_fetched_from_its_folder(
    site: tuple[Path, int, list[str]], tmp_path: Path
) -> None:
    root, port, asked = site
    (root / "css/site.css").write_text("@import url(theme/hide.css);", "utf-8")
    (root / "css/theme").mkdir()
    (root / "css/theme/hide.css").write_text(HIDING, "utf-8")
    (root / "report.html").write_text(_linking("/css/site.css"), "utf-8")
    (provenance,) = _import([f"http://127.0.0.1:{port}/report.html"], tmp_path / "out")
    assert _licensing(provenance) == ("2629", False)
    assert asked == ["/report.html", "/css/site.css", "/css/theme/hide.css"]
