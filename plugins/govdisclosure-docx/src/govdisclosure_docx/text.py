"""Report text made safe for a Word document.

WordprocessingML is XML 1.0, which has no place for most control
characters; python-docx refuses them.  A report may hold them (pasted from
elsewhere), so they are dropped here — a Word document cannot show them
anyway — while tabs and line breaks are kept (python-docx turns them into
``w:tab`` and ``w:br``).
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["clean"]

_ILLEGAL: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text: str) -> str:
    """``text`` without the characters a Word document cannot hold; CR LF read as LF."""
    return _ILLEGAL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
