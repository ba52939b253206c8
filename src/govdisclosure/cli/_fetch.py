"""Fetching a report by URL for ``govdisclosure import``: httpx with limits.

A portal page or attachment is fetched with a timeout, a bounded number of
redirects and a size cap (read in chunks, so a huge file is refused before
it fills memory).  The suffix that picks the loader comes from the URL's
path, else from the response's content type; the charset the server
declares is returned for the HTML loader's decoding.

:class:`SiteFiles` fetches what a fetched page links for its reading (its
style sheets) from the page's own site, each at most once in a run.
"""

from __future__ import annotations

import errno
import socket
from collections.abc import Callable
from pathlib import PurePosixPath
from typing import Any, Final
from urllib.parse import unquote, urljoin, urlsplit

from attrs import frozen

from ..filefaults import library_words
from ..i18n import N_, gettext

__all__ = [
    "MAX_BYTES",
    "MAX_LINKED_BYTES",
    "MAX_LINKED_FILES",
    "FetchError",
    "Fetched",
    "SiteFiles",
    "fetch",
    "is_url",
]

#: The largest file fetched (50 MiB: a long report PDF is a few MiB).
MAX_BYTES: Final = 50 * 1024 * 1024
TIMEOUT: Final = 30.0
#: The largest file a page links that is fetched for its reading (a style
#: sheet: a portal's whole theme is a few hundred KiB).
MAX_LINKED_BYTES: Final = 2 * 1024 * 1024
#: The most files fetched for one page's reading (a portal page links a
#: handful of sheets; a page linking hundreds is not followed into all).
MAX_LINKED_FILES: Final = 16
#: The time a linked file may take: it only helps the reading of the page.
LINKED_TIMEOUT: Final = 10.0
MAX_REDIRECTS: Final = 5

_TYPES: Final = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "application/pdf": ".pdf",
    "application/msword": ".doc",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.ms-excel": ".xls",
    "application/json": ".json",
}


class FetchError(Exception):
    """A URL that could not be fetched: a message id of the catalogs and its
    parameters (:meth:`message` gives it in a locale)."""

    def __init__(self, message_id: str, **params: object) -> None:
        super().__init__(message_id.format(**params))
        self.message_id = message_id
        self.params = params

    def message(self, locale: str) -> str:
        params = {
            key: gettext(locale, value) if isinstance(value, LocaleText) else value
            for key, value in self.params.items()
        }
        return gettext(locale, self.message_id).format(**params)


@frozen
class Fetched:
    url: str
    data: bytes
    suffix: str
    charset: str | None
    #: The media type the server declared ("text/css"), lower case, or "".
    media_type: str = ""


def is_url(item: str) -> bool:
    return item.lower().startswith(("http://", "https://"))


def _suffix(url: str, content_type: str) -> str:
    suffix = PurePosixPath(unquote(urlsplit(url).path)).suffix.lower()
    mime = content_type.split(";", 1)[0].strip().lower()
    if suffix in (".htm", ".html", ".shtml", ".jsp", ".php", ".aspx", "") and mime in _TYPES:
        return _TYPES[mime]
    return ".html" if suffix in (".shtml", ".jsp", ".php", ".aspx", "") else suffix


def fetch(url: str, *, max_bytes: int = MAX_BYTES, timeout: float = TIMEOUT) -> Fetched:
    """The body of ``url`` (redirects followed), or :class:`FetchError`."""
    import httpx

    try:
        with (
            httpx.Client(
                follow_redirects=True, max_redirects=MAX_REDIRECTS, timeout=timeout
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                meaning = _STATUSES.get(response.status_code)
                if meaning is not None:
                    raise FetchError(
                        N_("HTTP {status}: {meaning}"),
                        status=response.status_code,
                        meaning=LocaleText(meaning),
                    )
                # A status without a message of ours: the number says it; the
                # server's reason phrase (its own words) is the detail.
                raise FetchError(
                    N_("HTTP {status} (detail: {detail})"),
                    status=response.status_code,
                    detail=response.reason_phrase or "-",
                )
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(N_("larger than {limit} bytes"), limit=max_bytes)
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(N_("larger than {limit} bytes"), limit=max_bytes)
                chunks.append(chunk)
            final = str(response.url)
            return Fetched(
                final,
                b"".join(chunks),
                _suffix(final, response.headers.get("content-type", "")),
                response.charset_encoding,
                response.headers.get("content-type", "").split(";", 1)[0].strip().lower(),
            )
    except httpx.TooManyRedirects:
        raise FetchError(N_("more than {count} redirects"), count=MAX_REDIRECTS) from None
    except httpx.TimeoutException:
        raise FetchError(N_("no answer within {seconds} s"), seconds=f"{timeout:g}") from None
    except httpx.HTTPError as exc:
        code = _errno_of(exc) if isinstance(exc, httpx.ConnectError) else None
        said = _CONNECT_CAUSES.get(code) if code is not None else None
        if said is not None:
            raise FetchError(N_("cannot fetch: {reason}"), reason=LocaleText(said)) from None
        cause = next(
            (said for kind, said in _http_causes(httpx) if isinstance(exc, kind)),
            N_("the request failed"),
        )
        raise FetchError(
            N_("cannot fetch: {reason} (detail: {detail})"),
            reason=LocaleText(cause),
            detail=library_words(exc),
        ) from None


#: What the common statuses of a refusal mean (the server's reason phrase is
#: its own English, or nothing under HTTP/2).
_STATUSES: Final = {
    400: N_("the server refused the request as malformed"),
    401: N_("the page needs a login"),
    403: N_("the server forbids access to the page"),
    404: N_("the page is not found on the server"),
    410: N_("the page has been removed from the server"),
    429: N_("the server refuses more requests for now (too many)"),
    500: N_("the server failed (an internal error)"),
    502: N_("the server's gateway got no valid answer"),
    503: N_("the server is unavailable for now"),
    504: N_("the server's gateway got no answer in time"),
}


def _http_causes(httpx: Any) -> tuple[tuple[type[BaseException], str], ...]:
    """What each kind of httpx error says, most specific first (the library's
    own words are the detail)."""
    return (
        (httpx.ConnectError, N_("the connection could not be made")),
        (httpx.RemoteProtocolError, N_("the server's answer is not valid HTTP")),
        (httpx.ReadError, N_("the connection broke off while the page was read")),
        (httpx.WriteError, N_("the connection broke off while the request was sent")),
        (
            httpx.UnsupportedProtocol,
            N_("the address is not one the client fetches (http or https)"),
        ),
        (httpx.DecodingError, N_("the server's answer could not be decoded")),
        (httpx.TransportError, N_("the connection failed")),
    )


#: What the common causes of a connection that failed are said as (the
#: socket's errno, the resolver's for a name): the system's words are English.
_CONNECT_CAUSES: Final = {
    errno.ECONNREFUSED: N_("the server refused the connection"),
    errno.ENETUNREACH: N_("the network is unreachable"),
    errno.EHOSTUNREACH: N_("the host is unreachable"),
    socket.EAI_NONAME: N_("no such host (its name does not resolve)"),
    socket.EAI_AGAIN: N_("the host's name could not be resolved now (no network?)"),
}


def _errno_of(exc: BaseException) -> int | None:
    """The errno of the OS error under an httpx error (httpx wraps httpcore's,
    which wraps the socket's), or None."""
    seen: BaseException | None = exc
    for _ in range(4):
        if seen is None:
            return None
        if isinstance(seen, OSError) and seen.errno is not None:
            return seen.errno
        seen = seen.__cause__ or seen.__context__
    return None


class LocaleText(str):
    """A parameter of a :class:`FetchError` that is itself a message id, said
    in the locale the error is shown in."""

    __slots__ = ()


class SiteFiles:
    """Fetches the style sheets fetched pages link, from each page's own site.

    ``for_page(url)`` gives the reader a loader calls with an ``href`` as
    printed (:attr:`~govdisclosure.plugin.ImportOptions.linked_file`).  A
    reader fetches only from the page's own scheme and host (a browser would
    fetch from anywhere; an import does not follow a page to other hosts),
    at most :data:`MAX_LINKED_FILES` files a page, each of at most
    :data:`MAX_LINKED_BYTES`, served as ``text/css`` (what a browser applies
    as a sheet).  Anything else is not read, and the loader treats the sheet
    as unread (it places figures a sheet could change with doubt).  A file
    is fetched once a run: a portal's pages share their sheets.
    """

    def __init__(self) -> None:
        self._fetched: dict[str, bytes | None] = {}

    def for_page(self, page: str) -> Callable[[str], bytes | None]:
        origin = urlsplit(page)[:2]
        fetches = 0

        def read(href: str) -> bytes | None:
            nonlocal fetches
            target = urljoin(page, href.strip()).split("#", 1)[0]
            if urlsplit(target)[:2] != origin:
                return None
            if target not in self._fetched:
                if fetches >= MAX_LINKED_FILES:
                    return None
                fetches += 1
                self._fetched[target] = self._fetch(target)
            return self._fetched[target]

        return read

    @staticmethod
    def _fetch(url: str) -> bytes | None:
        try:
            got = fetch(url, max_bytes=MAX_LINKED_BYTES, timeout=LINKED_TIMEOUT)
        except FetchError:
            return None
        return got.data if got.media_type == "text/css" else None
