"""A heavy Song face for titles where 小标宋 is not installed.

GB/T 9704 sets the title in 2号小标宋, a heavy Song.  Where no 小标宋 is
installed, the closest free face here is Noto Serif CJK SC Bold (Debian
``fonts-noto-cjk``, OFL).  Its outlines are CFF, which reportlab cannot
embed, so this module converts it once to TrueType: the characters of
GB 2312 (the 6,763 characters Chinese offices type, both levels), ASCII and
the Chinese punctuation, quadratic curves from the cubic ones (fontTools'
cu2qu, within one font unit).  That takes 15–30 s and gives a 2.7 MB file,
cached under ``~/.cache/govdisclosure/fonts`` (or ``$GOVDISCLOSURE_PDF_FONT_CACHE``);
reportlab then loads it in about 20 ms.

``make fonts`` (and ``make demo``) runs ``python -m govdisclosure_pdf.titleface``.
Rendering never converts: without the cached face the title is set in the
body's Song face, stroked, as before.  A title with a character outside
GB 2312 is set that way too (see ``story``).
"""

from __future__ import annotations

import hashlib
import io
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Final

__all__ = ["SOURCE_FAMILY", "build", "cache_path", "cached_face", "find_source", "main"]

SOURCE_FAMILY: Final = "Noto Serif CJK SC"
SOURCE_STYLE: Final = "Bold"
#: Names the converted face goes by in the stand-in note.
#: What the name adds to the family's (the stand-in note translates it).
CONVERTED: Final = " (converted to TrueType)"
STAND_IN_NAME: Final = f"{SOURCE_FAMILY} {SOURCE_STYLE}{CONVERTED}"
ENV_CACHE: Final = "GOVDISCLOSURE_PDF_FONT_CACHE"
#: Where Debian's fonts-noto-cjk puts it; face 2 of the collection is SC.
_DEBIAN: Final = (Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"), 2)
_PUNCTUATION: Final = "，。、；：？！（）《》〈〉「」『』【】〔〕“”‘’—…·％＋－／～　"


def gb2312() -> list[str]:
    """The 6,763 characters of GB 2312, in code order."""
    out: list[str] = []
    for hi in range(0xB0, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                out.append(bytes((hi, lo)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return out


def characters() -> str:
    """Everything the converted face covers."""
    return "".join([*map(chr, range(0x20, 0x7F)), *_PUNCTUATION, *gb2312()])


def find_source() -> tuple[Path, int] | None:
    """The Noto Serif CJK SC Bold face: through fontconfig, else Debian's path."""
    from .fontconfig import fontconfig_faces

    for face in fontconfig_faces():
        if SOURCE_FAMILY in face.families and face.style == SOURCE_STYLE:
            return face.path, face.index
    path, index = _DEBIAN
    return (path, index) if path.is_file() else None


def cache_path(source: Path) -> Path:
    """The converted file for ``source``; its name changes when the source does."""
    base = os.environ.get(ENV_CACHE)
    top = Path(base) if base else Path.home() / ".cache" / "govdisclosure" / "fonts"
    stat = source.stat()
    tag = hashlib.sha256(f"{source}|{stat.st_size}|{stat.st_mtime_ns}|v1".encode()).hexdigest()
    return top / f"NotoSerifCJKsc-Bold-gb2312-{tag[:12]}.ttf"


def cached_face() -> Path | None:
    """The converted title face, when it has been built."""
    source = find_source()
    if source is None:
        return None
    path = cache_path(source[0])
    return path if path.is_file() else None


def build(source: Path, index: int, chars: Iterable[str]) -> bytes:
    """``source`` face ``index`` cut to ``chars``, with TrueType outlines, as bytes.

    The same source and characters always give the same bytes (no
    timestamp is written), so PDFs made with the face stay reproducible.
    """
    from fontTools import subset  # type: ignore[import-untyped]
    from fontTools.pens.cu2quPen import Cu2QuPen  # type: ignore[import-untyped]
    from fontTools.pens.ttGlyphPen import TTGlyphPen  # type: ignore[import-untyped]
    from fontTools.ttLib import TTFont, newTable  # type: ignore[import-untyped]

    font = TTFont(str(source), fontNumber=index, recalcTimestamp=False)
    options = subset.Options()
    options.layout_features = []
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.desubroutinize = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(chars))
    subsetter.subset(font)
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in (
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
        "maxPoints",
        "maxContours",
        "maxCompositePoints",
        "maxCompositeContours",
        "maxComponentDepth",
    ):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["head"].indexToLocFormat = 0
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    font.sfntVersion = "\x00\x01\x00\x00"
    out = io.BytesIO()
    font.save(out)  # recalculates maxp and the bounding boxes
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    """Build the cached title face (``make fonts``); say where it is."""
    del argv
    from govdisclosure.files import write_atomic

    source = find_source()
    if source is None:
        print(
            f"{SOURCE_FAMILY} {SOURCE_STYLE} is not installed (Debian: fonts-noto-cjk); "
            "titles are set in the body face, stroked",
            file=sys.stderr,
        )
        return 0
    target = cache_path(source[0])
    if target.is_file():
        print(f"title face: {target}")
        return 0
    target.parent.mkdir(parents=True, exist_ok=True)
    print(f"converting {source[0]} (face {source[1]}) to TrueType ...", file=sys.stderr)
    write_atomic(build(source[0], source[1], characters()), target, force=True)
    print(f"title face: {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
