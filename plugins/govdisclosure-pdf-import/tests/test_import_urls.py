"""``govdisclosure import URL``: pages and attachments from a local HTTP server.

The server runs on 127.0.0.1 in a thread and serves a temporary folder:
a real portal page (plugins/govdisclosure-html/tests/data), a page whose
report is only a PDF attachment (洪泽 2024, tests/data), a redirect, a
file too large for the cap is not needed: a missing page stands for a bad
URL.  No test needs the internet.
"""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

import govdisclosure as gd
from govdisclosure.cli import cli
from govdisclosure.cli._fetch import FetchError, fetch
from pdfimport_helpers import DATA, EXAMPLES, figures

PAGES = Path(__file__).resolve().parents[2] / "govdisclosure-html/tests/data"

ATTACHMENT_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>淮安市洪泽区人民政府2024年政府信息公开工作年度报告</title></head>
<body><div class="article_content"><h1>淮安市洪泽区人民政府2024年政府信息公开工作年度报告</h1>
<p>附件：<a href="files/hongze-2024.pdf">洪泽区2024年政府信息公开工作年度报告.pdf</a></p>
</div></body></html>"""


class _Handler(SimpleHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/2023/page.html")
            self.end_headers()
            return
        super().do_GET()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    root = tmp_path / "site"
    (root / "2023").mkdir(parents=True)
    (root / "files").mkdir()
    shutil.copy(PAGES / "2023_central-zhsyq_87885/page.html", root / "2023/page.html")
    shutil.copy(PAGES / "2020_gaj-gonganju_80590/page.html", root / "2020.html")
    shutil.copy(DATA / "hongze-2024.pdf", root / "files/hongze-2024.pdf")
    (root / "report.html").write_text(ATTACHMENT_PAGE, "utf-8")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Handler, directory=str(root)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_import_urls_follows_attachments_and_keeps_going(server: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    urls = [
        f"{server}/moved",  # a redirect to the 2023 page
        f"{server}/report.html",  # the report is only the PDF attachment
        f"{server}/missing.html",  # 404
        f"{server}/2020.html",  # the report is a .doc: no loader reads it
    ]
    result = CliRunner().invoke(cli, ["import", *urls, "-o", str(out), "--locale", "en"])
    assert result.exit_code == 2, result.output
    assert (
        "4 files: 2 fully imported, 0 partly imported, 2 failed; 386 cells placed, 0 not placed"
        in result.output
    )
    assert "HTTP 404" in result.output
    assert f"{server}/report.html → {server}/files/hongze-2024.pdf" in result.output
    report = gd.load(out / "report.json")
    assert figures(report) == figures(gd.load(EXAMPLES / "hongze-2024.json"))
    provenance = json.loads((out / "report.provenance.json").read_text("utf-8"))
    assert provenance["linked_from"] == f"{server}/report.html"
    assert provenance["source"] == f"{server}/files/hongze-2024.pdf"
    assert provenance["link_text"] == "洪泽区2024年政府信息公开工作年度报告.pdf"
    moved = json.loads((out / "moved.provenance.json").read_text("utf-8"))
    assert moved["source"] == f"{server}/2023/page.html"
    moved_report = gd.load(out / "moved.json")
    assert figures(moved_report)[("table2", "licensing")] == 2629


def test_fetch_has_a_size_cap_and_names_what_failed(server: str) -> None:
    with pytest.raises(FetchError, match="larger than 1000 bytes"):
        fetch(f"{server}/files/hongze-2024.pdf", max_bytes=1000)
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch(f"{server}/nothing")
    with pytest.raises(FetchError):
        fetch("http://127.0.0.1:9/", timeout=2)  # nothing listens on the discard port
    got = fetch(f"{server}/files/hongze-2024.pdf")
    assert got.suffix == ".pdf" and got.data == (DATA / "hongze-2024.pdf").read_bytes()
