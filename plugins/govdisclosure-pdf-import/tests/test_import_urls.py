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
from govdisclosure import cells_by_path
from govdisclosure.cli import cli
from govdisclosure.cli._fetch import FetchError, fetch
from pdfimport_helpers import DATA, EXAMPLES

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
    # The summary counts a URL as a file, and what was written for it.
    assert "0 not placed; 5 files written; " in result.output
    assert "HTTP 404" in result.output
    assert f"{server}/report.html → {server}/files/hongze-2024.pdf" in result.output
    report = gd.load(out / "report.json")
    assert cells_by_path(report) == cells_by_path(gd.load(EXAMPLES / "hongze-2024.json"))
    provenance = json.loads((out / "report.provenance.json").read_text("utf-8"))
    assert provenance["linked_from"] == f"{server}/report.html"
    assert provenance["source"] == f"{server}/files/hongze-2024.pdf"
    assert provenance["link_text"] == "洪泽区2024年政府信息公开工作年度报告.pdf"
    moved = json.loads((out / "moved.provenance.json").read_text("utf-8"))
    assert moved["source"] == f"{server}/2023/page.html"
    moved_report = gd.load(out / "moved.json")
    assert cells_by_path(moved_report)[("table2", "licensing")] == 2629


def test_fetch_has_a_size_cap_and_names_what_failed(server: str) -> None:
    with pytest.raises(FetchError, match="larger than 1000 bytes"):
        fetch(f"{server}/files/hongze-2024.pdf", max_bytes=1000)
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch(f"{server}/nothing")
    with pytest.raises(FetchError):
        fetch("http://127.0.0.1:9/", timeout=2)  # nothing listens on the discard port
    got = fetch(f"{server}/files/hongze-2024.pdf")
    assert got.suffix == ".pdf" and got.data == (DATA / "hongze-2024.pdf").read_bytes()


def _notice(link: str) -> str:
    """A notice page with no table whose body links the report's page."""
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>平潭综合实验区2023年政府信息公开工作年度报告</title></head>
<body><div class="nav"><a href="/index.html">首页</a><a href="/about.html">关于我们</a></div>
<div class="article_content"><h1>平潭综合实验区2023年政府信息公开工作年度报告</h1>
<p>平潭综合实验区2023年政府信息公开工作年度报告已发布，{link}</p>
</div></body></html>"""


@pytest.mark.parametrize(
    ("link", "text"),
    [
        ('<a href="2023/page.html">点击查看</a>', "点击查看"),
        (
            '详见：<a href="/2023/page.html#top">平潭综合实验区2023年年报</a>',
            "平潭综合实验区2023年年报",
        ),
    ],
    ids=["click-to-view", "see-the-page"],
)
def test_import_url_follows_a_page_without_tables_to_the_page_it_links(
    server: str, tmp_path: Path, link: str, text: str
) -> None:
    # Before: the notice gave no-table and the import failed; the link was
    # neither followed nor named.
    (tmp_path / "site" / "notice.html").write_text(_notice(link), "utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["import", f"{server}/notice.html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"{server}/notice.html → {server}/2023/page.html" in result.output
    provenance = json.loads((out / "notice.provenance.json").read_text("utf-8"))
    assert provenance["linked_from"] == f"{server}/notice.html"
    assert provenance["source"] == f"{server}/2023/page.html"
    assert provenance["link_text"] == text
    assert len(provenance["cells"]) == 200
    assert cells_by_path(gd.load(out / "notice.json"))[("table2", "licensing")] == 2629


def test_a_link_to_another_site_or_to_a_page_without_the_report_is_not_taken(
    server: str, tmp_path: Path
) -> None:
    links = (
        '<a href="http://192.0.2.1/page.html">点击查看</a>'  # another site: not fetched
        '，附件说明<a href="/2020.html">详见</a>'  # the same site, no report tables there
    )
    (tmp_path / "site" / "notice.html").write_text(_notice(links), "utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["import", f"{server}/notice.html", "-o", str(out), "--locale", "en"]
    )
    assert result.exit_code == 2, result.output
    assert f"{server}/notice.html →" not in result.output
    assert "点击查看 (http://192.0.2.1/page.html)" in result.output
    assert "详见 (/2020.html)" in result.output


def test_a_local_page_names_the_page_it_links_without_following_it(tmp_path: Path) -> None:
    notice = tmp_path / "notice.html"
    notice.write_text(_notice('<a href="2023/page.html">点击查看</a>'), "utf-8")
    result = CliRunner().invoke(cli, ["import", str(notice), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2, result.output
    assert "点击查看（2023/page.html）" in result.output
    assert "首页" not in result.output  # the site's menu is no link to the report
