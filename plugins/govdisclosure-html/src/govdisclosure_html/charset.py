"""The text of a page whose bytes may be UTF-8, GBK/GB18030 or anything else.

Order, as the HTML standard's encoding sniffing has it (a byte-order mark
first, then what the page declares), with charset-normalizer as the last
resort for pages that declare nothing.  A declared GB2312 or GBK is read as
GB18030, its superset: portals declare GB2312 and then print characters only
GBK has (镕, 喆), and decoding with the narrower table would lose them.
"""

from __future__ import annotations

import codecs
import re
from typing import Final

from attrs import frozen
from charset_normalizer import from_bytes

__all__ = ["EXACT", "Decoded", "decode"]

_BOMS: Final = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# <meta charset="gbk"> and <meta http-equiv="Content-Type" content="text/html; charset=gb2312">
_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_WIDER: Final = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030"}
#: How far into the page a declaration is looked for (the standard says 1024
#: bytes; CMS pages put long comments first, so we look further).
_PRESCAN: Final = 8192


@frozen
class Decoded:
    """A page's text, the encoding used and how it was found."""

    text: str
    encoding: str
    #: "bom", "declared", "header", "detected" or "utf-8" (the default that decoded cleanly).
    how: str


def _codec(name: str) -> str | None:
    name = name.strip().lower()
    name = _WIDER.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


#: How a text was found when it is the page's bytes decoded without a single
#: replacement (a byte-order mark is cut off; detection may replace bytes).
EXACT: Final = frozenset({"header", "declared", "utf-8"})


def decode(data: bytes, declared: str | None = None) -> Decoded:
    """Decode a page; ``declared`` is a charset from an HTTP header, if any."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return Decoded(data[len(bom) :].decode(name, errors="replace"), name, "bom")
    for how, candidate in (("header", declared), ("declared", _meta_charset(data))):
        if candidate:
            codec = _codec(candidate)
            if codec is not None:
                try:
                    return Decoded(data.decode(codec), codec, how)
                except UnicodeDecodeError:
                    pass  # a wrong declaration: fall through to detection
    try:
        return Decoded(data.decode("utf-8"), "utf-8", "utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is not None:
        found = _codec(best.encoding) or best.encoding
        return Decoded(data.decode(found, errors="replace"), found, "detected")
    return Decoded(data.decode("gb18030", errors="replace"), "gb18030", "detected")


def _meta_charset(data: bytes) -> str | None:
    m = _META.search(data[:_PRESCAN])
    return m.group(1).decode("ascii") if m else None
