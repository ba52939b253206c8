"""A page that cannot be fetched says why in the user's language.

``import URL`` of a server that refuses the connection said
``无法获取：ConnectError: [Errno 111] Connection refused``: the socket's
English.  The common causes are catalog messages.
"""

from __future__ import annotations

import socket
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
