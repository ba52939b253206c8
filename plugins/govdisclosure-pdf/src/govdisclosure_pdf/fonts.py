"""Finding, registering and caching the fonts a report is set in.

GB/T 9704-2012 asks for four faces: 小标宋 (title), 仿宋 (body), 黑体 (first
heading level) and 楷体 (second level); Latin letters and digits are set in a
Times-like serif in practice.  reportlab embeds only TrueType (``glyf``)
outlines, so OpenType/CFF fonts such as Noto CJK cannot be used; TTC files
need the ``subfontIndex`` of the face wanted.

Search order, for every role: the font the caller names (``RenderOptions.font``,
else the environment variable ``GOVDISCLOSURE_PDF_FONT``) is used for every
role alone; otherwise each role takes the first candidate file found in the
font directories of the platform (or those named by
``GOVDISCLOSURE_PDF_FONT_DIRS``).  When no CJK TrueType font is found at all,
the built-in CID font STSong-Light is used: it needs no file but is not
embedded, so the reader's fonts decide the look; a :class:`FontFallbackWarning`
says so once per process.

Loading a TTC costs 50–130 ms, more than rendering a short report, so every
registered font and every resolved :class:`FontSet` is cached per process.
"""

from __future__ import annotations

import os
import sys
import threading
import warnings
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Final

from attrs import frozen
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from govdisclosure.render import RenderError

__all__ = [
    "ENV_FONT",
    "ENV_FONT_DIRS",
    "FALLBACK_CID_FONT",
    "FontError",
    "FontFallbackWarning",
    "FontSet",
    "default_font_dirs",
    "resolve_fonts",
]

#: A TrueType/TTC file to embed for every role ("path" or "path#index").
ENV_FONT: Final = "GOVDISCLOSURE_PDF_FONT"
#: Directories to search instead of the platform's (``os.pathsep``-separated).
ENV_FONT_DIRS: Final = "GOVDISCLOSURE_PDF_FONT_DIRS"
#: reportlab's built-in Adobe-GB1 CID font, used when no TrueType font is found.
FALLBACK_CID_FONT: Final = "STSong-Light"

#: A character every CJK font used here must have.
_PROBE: Final = "政"


class FontError(RenderError):
    """A font the caller named cannot be used (missing, CFF outlines, no CJK).

    A :class:`~govdisclosure.render.RenderError` (so a ``ValueError``): the
    caller asked for something that cannot be done, which ``govdisclosure
    render`` reports as bad usage (exit 2), not as a failure of the renderer.
    """


class FontFallbackWarning(UserWarning):
    """No TrueType CJK font was found: the PDF uses the non-embedded STSong-Light."""


@frozen
class FontSet:
    """Registered font names for each role of a GB/T 9704 document.

    ``latin`` and ``latin_sans`` set Latin letters and digits (None: the CJK
    face's own Latin glyphs are used).  ``embedded`` is False on the
    STSong-Light fallback.  ``files`` says which file serves which role, for
    the docs and the benchmark.
    """

    title: str
    body: str
    hei: str
    kai: str
    latin: str | None
    latin_sans: str | None
    embedded: bool
    files: tuple[tuple[str, str], ...] = ()


# Candidate files per role, best first: (file name, TTC index).  Windows and
# macOS names first where they carry the genuine GB/T 9704 faces, then the
# Debian packages fonts-arphic-uming/ukai and fonts-wqy-zenhei/microhei.
_SONG: Final = (("simsun.ttc", 0), ("simsun.ttf", 0), ("uming.ttc", 0), ("Songti.ttc", 0))
_TITLE: Final = (("FZXBSJW.TTF", 0), ("FZXBSJW--GB1-0.ttf", 0), *_SONG)
_BODY: Final = (("simfang.ttf", 0), ("STFANGSO.TTF", 0), ("FangSong.ttf", 0), *_SONG)
_HEI: Final = (
    ("simhei.ttf", 0),
    ("wqy-zenhei.ttc", 0),
    ("wqy-microhei.ttc", 0),
    ("STHeiti.ttc", 0),
)
_KAI: Final = (("simkai.ttf", 0), ("STKAITI.TTF", 0), ("ukai.ttc", 0), ("Kaiti.ttc", 0))
_CJK_ANY: Final = (*_BODY, *_HEI, *_KAI)
_LATIN: Final = (
    ("times.ttf", 0),
    ("Times New Roman.ttf", 0),
    ("LiberationSerif-Regular.ttf", 0),
    ("DejaVuSerif.ttf", 0),
)
_LATIN_SANS: Final = (
    ("arial.ttf", 0),
    ("Arial.ttf", 0),
    ("LiberationSans-Regular.ttf", 0),
    ("DejaVuSans.ttf", 0),
)

_lock = threading.RLock()
_registered: dict[tuple[str, int], str | None] = {}
_sets: dict[tuple[str | None, tuple[str, ...]], FontSet] = {}
_indexes: dict[tuple[str, ...], dict[str, Path]] = {}
_warned = False


def default_font_dirs() -> tuple[Path, ...]:
    """The platform's usual font directories, existing or not."""
    home = Path.home()
    if sys.platform.startswith("win"):
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", str(home)))
        return (windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts")
    if sys.platform == "darwin":
        return (
            home / "Library" / "Fonts",
            Path("/Library/Fonts"),
            Path("/System/Library/Fonts/Supplemental"),
            Path("/System/Library/Fonts"),
        )
    return (
        home / ".local" / "share" / "fonts",
        home / ".fonts",
        Path("/usr/local/share/fonts"),
        Path("/usr/share/fonts"),
    )


def _font_dirs(extra: Mapping[str, str]) -> tuple[Path, ...]:
    named = extra.get("font_dirs") or os.environ.get(ENV_FONT_DIRS)
    if named is not None:
        return tuple(Path(p) for p in named.split(os.pathsep) if p)
    return default_font_dirs()


def _index(dirs: Sequence[Path]) -> dict[str, Path]:
    """Font files under ``dirs`` by lower-cased file name (first one wins)."""
    key = tuple(str(d) for d in dirs)
    with _lock:
        cached = _indexes.get(key)
        if cached is not None:
            return cached
        found: dict[str, Path] = {}
        for top in dirs:
            if not top.is_dir():
                continue
            for root, subdirs, files in os.walk(top):
                subdirs.sort()
                for name in sorted(files):
                    if name.lower().endswith((".ttf", ".ttc")):
                        found.setdefault(name.lower(), Path(root) / name)
        _indexes[key] = found
        return found


def _register(path: Path, index: int, *, cjk: bool) -> str | None:
    """Register a TrueType face once per process; None when it cannot be used."""
    key = (str(path), index)
    with _lock:
        if key in _registered:
            return _registered[key]
        name: str | None = f"GD-{path.stem}-{index}"
        try:
            font = TTFont(name, str(path), subfontIndex=index)
        except (TTFError, OSError):
            name = None
        else:
            if cjk and ord(_PROBE) not in font.face.charWidths:
                name = None
            else:
                pdfmetrics.registerFont(font)
        _registered[key] = name
        return name


def _first(
    candidates: Iterable[tuple[str, int]], index: Mapping[str, Path], *, cjk: bool
) -> tuple[str, Path] | None:
    for filename, subfont in candidates:
        path = index.get(filename.lower())
        if path is None:
            continue
        name = _register(path, subfont, cjk=cjk)
        if name is not None:
            return name, path
    return None


def _parse_named(text: str) -> tuple[Path, int]:
    path, sep, index = text.rpartition("#")
    if sep and index.isdigit():
        return Path(path), int(index)
    return Path(text), 0


def _named_set(path: Path, index: int) -> FontSet:
    if not path.is_file():
        raise FontError(f"font file not found: {path}")
    name = _register(path, index, cjk=True)
    if name is None:
        raise FontError(
            f"{path} (face {index}) cannot be embedded: it needs TrueType (glyf) "
            f"outlines and Chinese glyphs"
        )
    return FontSet(name, name, name, name, None, None, True, (("all", str(path)),))


def _fallback_set() -> FontSet:
    global _warned
    with _lock:
        if FALLBACK_CID_FONT not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK_CID_FONT))
        if not _warned:
            _warned = True
            warnings.warn(
                "no TrueType CJK font found (install fonts-arphic-uming or fonts-wqy-zenhei, "
                f"or set {ENV_FONT}); using the built-in {FALLBACK_CID_FONT}, which is not "
                "embedded: the reader's fonts decide how the PDF looks",
                FontFallbackWarning,
                stacklevel=4,
            )
    f = FALLBACK_CID_FONT
    return FontSet(f, f, f, f, "Times-Roman", "Helvetica", False, (("all", f),))


def resolve_fonts(font: Path | None = None, extra: Mapping[str, str] | None = None) -> FontSet:
    """The fonts for one rendering, cached per process.

    ``font`` (or ``$GOVDISCLOSURE_PDF_FONT``, written ``path`` or
    ``path#index``) names one file used for every role; a named font that
    cannot be used raises :class:`FontError` rather than silently falling
    back.  ``extra["font_dirs"]`` (or ``$GOVDISCLOSURE_PDF_FONT_DIRS``)
    replaces the platform's font directories.
    """
    extra = extra or {}
    named = str(font) if font is not None else os.environ.get(ENV_FONT) or None
    dirs = _font_dirs(extra)
    key = (named, tuple(str(d) for d in dirs))
    with _lock:
        cached = _sets.get(key)
        if cached is not None:
            return cached
    if named is not None:
        path, index = _parse_named(named) if font is None else (Path(font), 0)
        if font is not None and extra.get("font_index", "").isdigit():
            index = int(extra["font_index"])
        result = _named_set(path, index)
    else:
        result = _search(_index(dirs))
    with _lock:
        _sets[key] = result
    return result


def _search(index: Mapping[str, Path]) -> FontSet:
    body = _first(_BODY, index, cjk=True) or _first(_CJK_ANY, index, cjk=True)
    if body is None:
        return _fallback_set()
    title = _first(_TITLE, index, cjk=True) or body
    hei = _first(_HEI, index, cjk=True) or body
    kai = _first(_KAI, index, cjk=True) or body
    latin = _first(_LATIN, index, cjk=False)
    latin_sans = _first(_LATIN_SANS, index, cjk=False)
    roles = {"title": title, "body": body, "hei": hei, "kai": kai}
    files = tuple((role, str(found[1])) for role, found in roles.items())
    if latin is not None:
        files += (("latin", str(latin[1])),)
    if latin_sans is not None:
        files += (("latin_sans", str(latin_sans[1])),)
    return FontSet(
        title[0],
        body[0],
        hei[0],
        kai[0],
        latin[0] if latin else None,
        latin_sans[0] if latin_sans else None,
        True,
        files,
    )
