"""A page that cannot be fetched says why in the user's language.

``import URL`` of a server that refuses the connection said
``无法获取：ConnectError: [Errno 111] Connection refused``: the socket's
English.  The common causes are catalog messages.
"""

from __future__ import annotations

import contextlib
import http.server
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from govdisclosure.cli import cli


def _closed_port() -> int:
    """A local port nothing listens on (bound, then let go)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@pytest.mark.parametrize(
    ("locale", "said"),
    [
        ("zh_Hans_CN", "失败：无法获取：服务器拒绝连接"),
        ("en", "failed: cannot fetch: the server refused the connection"),
    ],
)
def test_a_refused_connection_is_said_in_the_locale(tmp_path: Path, locale: str, said: str) -> None:
    url = f"http://127.0.0.1:{_closed_port()}/report.html"
    result = CliRunner().invoke(cli, ["import", url, "-o", str(tmp_path), "-l", locale])
    assert result.exit_code == 2, result.output
    assert f"{url}: {said}\n" in result.stdout
    assert "Errno" not in result.output


def test_a_name_that_does_not_resolve_is_said_in_the_locale(tmp_path: Path) -> None:
    # .invalid never resolves (RFC 6761); without a network the resolver may
    # instead say it cannot resolve now: either is said in Chinese.
    url = "http://no-such-host.invalid/report.html"
    result = CliRunner().invoke(cli, ["import", url, "-o", str(tmp_path)])
    assert result.exit_code == 2, result.output
    assert (
        f"{url}: 失败：无法获取：没有这个主机（域名无法解析）\n" in result.stdout
        or f"{url}: 失败：无法获取：暂时无法解析该主机的域名（网络是否断开？）\n" in result.stdout
    ), result.stdout


class _Statuses(http.server.BaseHTTPRequestHandler):
    """Answers ``/STATUS`` with that status and its standard reason phrase."""

    def do_GET(self) -> None:
        self.send_response(int(self.path.strip("/")))
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def _serving(handler: type[http.server.BaseHTTPRequestHandler]) -> Iterator[int]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def _not_http() -> Iterator[int]:
    """A local port that answers one line that is not HTTP, then hangs up."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    listener.settimeout(10)

    def answer() -> None:
        with contextlib.suppress(OSError):
            connection, _ = listener.accept()
            with connection:
                connection.recv(4096)
                connection.sendall(b"hello, this is not HTTP\r\n\r\n")

    thread = threading.Thread(target=answer, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        thread.join(timeout=10)
        listener.close()


@pytest.mark.parametrize(
    ("status", "locale", "said"),
    [
        (404, "zh_Hans_CN", "失败：HTTP 404：服务器上找不到该网页"),
        (404, "en", "failed: HTTP 404: the page is not found on the server"),
        (503, "zh_Hans_CN", "失败：HTTP 503：服务器暂时不可用"),
        # A status we have no words for: its number, the server's phrase the detail.
        (418, "zh_Hans_CN", "失败：HTTP 418（详情：I'm a Teapot）"),
    ],
)
def test_a_status_is_said_in_the_locale(
    tmp_path: Path, status: int, locale: str, said: str
) -> None:
    with _serving(_Statuses) as port:
        url = f"http://127.0.0.1:{port}/{status}"
        result = CliRunner().invoke(cli, ["import", url, "-o", str(tmp_path), "-l", locale])
    assert result.exit_code == 2, result.output
    assert f"{url}: {said}\n" in result.stdout, result.stdout


def test_an_answer_that_is_not_http_is_said_in_the_locale(tmp_path: Path) -> None:
    with _not_http() as port:
        url = f"http://127.0.0.1:{port}/report.html"
        result = CliRunner().invoke(cli, ["import", url, "-o", str(tmp_path)])
    assert result.exit_code == 2, result.output
    line = next(line for line in result.stdout.splitlines() if line.startswith(url))
    assert line.startswith(f"{url}: 失败：无法获取：服务器的应答不是有效的 HTTP（详情："), line
    assert line.endswith("）")
