"""Text that a spreadsheet cell cannot hold as such, escaped the OOXML way.

XML 1.0 has no place for most control characters (and U+FFFE, U+FFFF), so
a cell cannot hold them; OOXML's own escape for them is ``_xHHHH_``
(ECMA-376 Part 1, 22.9.2.19 ST_Xstring), and a literal ``_xHHHH_`` in the
text is protected by escaping its underscore (``_x005F_``).  openpyxl
neither escapes on writing (it refuses such a string) nor unescapes on
reading, so both directions live here and are exact inverses: report text
of any kind survives the workbook.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["escape", "unescape"]

_NEEDS: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")
_ESCAPED: Final = re.compile(r"_x([0-9A-Fa-f]{4})_")


def escape(text: str) -> str:
    """``text`` with every character a cell cannot hold written as ``_xHHHH_``."""
    return _NEEDS.sub(lambda m: f"_x{ord(m.group(0)):04X}_", text)


def unescape(text: str) -> str:
    """The inverse of :func:`escape`."""
    if "_x" not in text:
        return text
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text)
