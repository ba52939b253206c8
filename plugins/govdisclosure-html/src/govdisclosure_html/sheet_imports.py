"""The sheets a style sheet brings in with ``@import``, read as the sheet's own.

A portal's theme often lives in one sheet that imports the others
(``@import url(base.css);``), and an old page's ``<style>`` may hold only
``@import`` lines.  A browser applies an imported sheet's rules before the
importing sheet's own, so text an imported rule hides (a character scattered
inside a figure against copying) is hidden on screen.  Before, ``@import``
was never followed: the importing sheet counted as read, and a figure such a
rule splits was placed surely with the hidden character in it.

Each ``@import`` at the head of a sheet (browsers ignore one after a rule)
is read by the page's reader of linked sheets (:mod:`.sheets`), its address
taken relative to the importing sheet's; its own imports are followed in
turn, a cycle once.  One that is not read, or whose condition is not
modelled (``layer``, ``supports()``), counts as a linked sheet not read: it
is named, and figures a sheet could change are placed with doubt.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence
from typing import Final
from urllib.parse import urljoin, urlsplit, urlunsplit

import tinycss2
from tinycss2.ast import AtRule, Node

from .hiding import media_applies
from .sheets import StyleSheets

__all__ = ["MAX_IMPORT_DEPTH", "with_imports"]

#: How deep imports are followed (a sheet importing a sheet importing …).
MAX_IMPORT_DEPTH: Final = 4

_MAY_IMPORT: Final = re.compile(r"@import", re.I)
_QUIET: Final = ("whitespace", "comment")
#: Rules that may stand before an ``@import``.
_BEFORE_IMPORTS: Final = frozenset({"charset", "layer"})


def with_imports(
    css: str,
    href: str,
    media: str,
    read: StyleSheets,
    unread: list[str],
    within: tuple[str, ...] = (),
) -> list[tuple[str, str]]:
    """The sheet ``css`` (linked at ``href``; "" for a ``<style>``) with the
    sheets it imports before it, each as (text, media) in cascade order.
    The address of each import not read is added to ``unread``."""
    if not _MAY_IMPORT.search(css):
        return [(css, media)]
    out: list[tuple[str, str]] = []
    for target, condition in _imports(css):
        address = _resolve(href, target)
        if address in within or address == href:
            continue  # a cycle: the browser reads a sheet once in its chain
        if condition is None or len(within) >= MAX_IMPORT_DEPTH:
            unread.append(address)
            continue
        both = _both(media, condition)
        if media_applies(both) == "never":
            continue
        text = read(address)
        if text is None:
            unread.append(address)
            continue
        out.extend(with_imports(text, address, both, read, unread, (*within, href)))
    out.append((css, media))
    return out


def _imports(css: str) -> list[tuple[str, str | None]]:
    """The sheet's leading ``@import``s: (address, media list), the media
    None for a condition not modelled (``layer``, ``supports()``)."""
    out: list[tuple[str, str | None]] = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if not isinstance(rule, AtRule):
            if rule.type == "error":
                continue  # dropped by the browser too
            break  # an @import after any other rule is ignored
        if rule.lower_at_keyword in _BEFORE_IMPORTS:
            continue
        if rule.lower_at_keyword != "import":
            break
        found = _import(rule.prelude)
        if found is not None:
            out.append(found)
    return out


def _import(prelude: Sequence[Node]) -> tuple[str, str | None] | None:
    """One ``@import``'s address and media list (None when conditional on
    what is not modelled); None for an ``@import`` without an address."""
    tokens = [t for t in prelude if t.type not in _QUIET]
    if not tokens:
        return None
    first = tokens[0]
    if first.type in ("url", "string"):
        address = str(first.value)  # type: ignore[attr-defined]
    elif first.type == "function" and first.lower_name == "url":  # type: ignore[attr-defined]
        args = [a for a in first.arguments if a.type not in _QUIET]  # type: ignore[attr-defined]
        if len(args) != 1 or args[0].type != "string":
            return None
        address = str(args[0].value)
    else:
        return None
    rest = tokens[1:]
    if any(
        (t.type == "ident" and t.lower_value == "layer")  # type: ignore[attr-defined]
        or (t.type == "function" and t.lower_name in ("layer", "supports"))  # type: ignore[attr-defined]
        for t in rest
    ):
        return address, None
    return address, tinycss2.serialize(prelude[prelude.index(first) + 1 :]).strip()


def _resolve(base: str, target: str) -> str:
    """``target`` relative to the importing sheet's address ``base``, kept
    relative to the page when ``base`` is (``urljoin`` would drop a leading
    ``..`` of a relative base)."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or parts.path.startswith("/") or not base:
        return target
    if urlsplit(base).scheme or base.startswith("/"):
        return urljoin(base, target)
    folder = posixpath.dirname(urlsplit(base).path)
    path = posixpath.normpath(posixpath.join(folder, parts.path)) if parts.path else base
    return urlunsplit(("", "", path, parts.query, ""))


def _both(outer: str, inner: str) -> str:
    """The media under which an import applies: its sheet's and its own.
    The narrower of the two stands for both (a print-only one makes it
    never apply on a screen; a conditional one makes it conditional)."""
    if not outer or not inner:
        return outer or inner
    rank = {"always": 0, "maybe": 1, "never": 2}
    return max((outer, inner), key=lambda m: rank[media_applies(m)])
