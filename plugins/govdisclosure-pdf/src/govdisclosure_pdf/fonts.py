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
says so once per process, in the locale of the rendering that met it
(:func:`note_fallback`; the fonts are found once, whatever locale asked).

Loading a TTC costs 50–130 ms, more than rendering a short report, so every
registered font and every resolved :class:`FontSet` is cached per process.
"""

from __future__ import annotations

import os
import sys
import threading
import tomllib
import warnings
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Final

from attrs import frozen
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from govdisclosure.errors import LocalizedError
from govdisclosure.i18n import N_, gettext
from govdisclosure.oserrors import os_error_text
from govdisclosure.rendering import RenderError

from .fontconfig import Face, fontconfig_faces

__all__ = [
    "ENV_FONT",
    "ENV_FONT_DIRS",
    "FALLBACK_CID_FONT",
    "STROKED",
    "FontError",
    "FontFallbackWarning",
    "FontSet",
    "FontStandInWarning",
    "default_font_dirs",
    "face_said",
    "note_fallback",
    "note_stand_ins",
    "resolve_fonts",
]

#: A TrueType/TTC file to embed for every role ("path" or "path#index").
ENV_FONT: Final = "GOVDISCLOSURE_PDF_FONT"
#: A font configuration file (TOML) naming a face per role.
ENV_FONT_CONFIG: Final = "GOVDISCLOSURE_PDF_FONTS"
#: Directories to search instead of the platform's (``os.pathsep``-separated).
ENV_FONT_DIRS: Final = "GOVDISCLOSURE_PDF_FONT_DIRS"
#: reportlab's built-in Adobe-GB1 CID font, used when no TrueType font is found.
FALLBACK_CID_FONT: Final = "STSong-Light"

#: A character every CJK font used here must have.
_PROBE: Final = "政"


class FontError(LocalizedError, RenderError):
    """A font the caller named cannot be used (missing, CFF outlines, no CJK).

    A :class:`~govdisclosure.rendering.RenderError` (so a ``ValueError``): the
    caller asked for something that cannot be done, which ``govdisclosure
    render`` reports as bad usage (exit 2), not as a failure of the renderer.

    A :class:`~govdisclosure.errors.LocalizedError` like the core's errors:
    ``code`` ``"font"``, ``path`` the option that named the font (``"font"``
    for ``RenderOptions.font`` or ``$GOVDISCLOSURE_PDF_FONT``,
    ``"font_config"`` for a font configuration file), ``str()`` the Chinese
    and the English text and :meth:`render` one locale.  The fonts are found
    once per process, whatever locale asked first, so the error keeps its
    message id and values (``values``); a value that is an ``OSError`` (why a
    file cannot be read) is said in the locale too.  A text given whole (no
    values) is left as it is, braces and all, and said once when both
    locales say it alike.
    """

    def __init__(self, message_id: str, *, option: str | None = None, **values: object) -> None:
        self.values = values
        self._locale: str | None = None
        self._localize("font", message_id, path=option)

    def render(self, locale: str = "zh_Hans_CN") -> str:
        text = gettext(locale, self.message_id)
        if not self.values:
            return text
        said = {
            name: os_error_text(value, locale) if isinstance(value, OSError) else value
            for name, value in self.values.items()
        }
        return text.format(**said)

    def __str__(self) -> str:
        if self._locale is not None:
            return self.render(self._locale)
        chinese, english = self.render("zh_Hans_CN"), self.render("en")
        return chinese if chinese == english else f"{chinese}\n{english}"

    def in_locale(self, locale: str) -> FontError:
        """This error with its ``str()`` in ``locale`` alone (what a program
        that shows ``str()`` to a reader of one language asks for)."""
        said = FontError(self.message_id, option=self.path, **self.values)
        said._locale = locale
        said.args = (str(said),)
        return said


class FontFallbackWarning(UserWarning):
    """No TrueType CJK font was found: the PDF uses the non-embedded STSong-Light.

    Said in the locale of the rendering (:func:`note_fallback`), like
    :class:`FontStandInWarning`."""


class FontStandInWarning(UserWarning):
    """Official faces are not installed: which face stands in for which.

    A warning rather than a line printed, so that whoever renders decides
    where it is said: a program can filter it, and the command line collects
    it from every file of a batch (each worker process renders with the
    same faces) and says it once per run."""


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
    #: (official face, the face standing in for it) where the official one is missing.
    stand_ins: tuple[tuple[str, str], ...] = ()
    #: The title face is a heavy face of its own (not the body face, stroked).
    heavy_title: bool = False


@frozen
class Role:
    """Where a role's face is looked for, best first.

    ``official`` are the faces GB/T 9704 and the published reports use, by
    family name (fontconfig) and by file name (Windows and macOS folders);
    ``stand_in`` the closest faces that a free system can install, with the
    name the stand-in note gives them.
    """

    name: str
    official_families: tuple[str, ...]
    official_files: tuple[tuple[str, int], ...]
    stand_in_families: tuple[str, ...] = ()
    stand_in_files: tuple[tuple[str, int], ...] = ()


# Windows (SimSun, SimFang, SimHei, SimKai), macOS (Songti, STFangsong,
# STHeiti, Kaiti), the 方正 faces offices install, then Debian packages:
# fonts-arphic-uming/ukai, fonts-wqy-zenhei, fonts-lxgw-wenkai.
_SONG_FAMILIES: Final = ("SimSun", "宋体", "Songti SC", "STSong", "AR PL UMing CN")
_SONG_FILES: Final = (("simsun.ttc", 0), ("simsun.ttf", 0), ("uming.ttc", 0), ("Songti.ttc", 0))
TITLE: Final = Role(
    "小标宋",
    ("方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "FZXiaoBiaoSong-B05", "小标宋"),
    (("FZXBSJW.TTF", 0), ("FZXBSK.TTF", 0), ("FZXBSJW--GB1-0.ttf", 0)),
)
BODY: Final = Role(
    "仿宋",
    (
        "仿宋_GB2312",
        "FangSong_GB2312",
        "仿宋",
        "FangSong",
        "方正仿宋简体",
        "方正仿宋_GBK",
        "FZFangSong-Z02S",
        "STFangsong",
        "华文仿宋",
    ),
    (("simfang.ttf", 0), ("FZFSK.TTF", 0), ("FZFSJW.TTF", 0), ("STFANGSO.TTF", 0)),
    _SONG_FAMILIES,
    _SONG_FILES,
)
HEI: Final = Role(
    "黑体",
    ("黑体", "SimHei", "方正黑体简体", "方正黑体_GBK", "FZHei-B01S", "STHeiti", "华文黑体"),
    (("simhei.ttf", 0), ("FZHTK.TTF", 0), ("STHeiti.ttc", 0)),
    ("WenQuanYi Zen Hei", "WenQuanYi Micro Hei"),
    (("wqy-zenhei.ttc", 0), ("wqy-microhei.ttc", 0)),
)
KAI: Final = Role(
    "楷体",
    (
        "楷体_GB2312",
        "KaiTi_GB2312",
        "楷体",
        "KaiTi",
        "方正楷体简体",
        "方正楷体_GBK",
        "FZKai-Z03S",
        "STKaiti",
        "华文楷体",
    ),
    (("simkai.ttf", 0), ("FZKTK.TTF", 0), ("STKAITI.TTF", 0), ("Kaiti.ttc", 0)),
    ("LXGW WenKai", "AR PL UKai CN"),
    (("LXGWWenKai-Regular.ttf", 0), ("ukai.ttc", 0)),
)
LATIN: Final = Role(
    "Times New Roman",
    ("Times New Roman",),
    (("times.ttf", 0), ("Times New Roman.ttf", 0)),
    ("Liberation Serif", "DejaVu Serif"),
    (("LiberationSerif-Regular.ttf", 0), ("DejaVuSerif.ttf", 0)),
)
LATIN_SANS: Final = Role(
    "Arial",
    ("Arial",),
    (("arial.ttf", 0), ("Arial.ttf", 0)),
    ("Liberation Sans", "DejaVu Sans"),
    (("LiberationSans-Regular.ttf", 0), ("DejaVuSans.ttf", 0)),
)
#: The roles a font configuration file may name.
ROLES: Final = {
    "title": TITLE,
    "body": BODY,
    "hei": HEI,
    "kai": KAI,
    "latin": LATIN,
    "latin_sans": LATIN_SANS,
}
#: Styles taken as the regular face of a family.
_REGULAR: Final = ("Regular", "Medium", "Book", "Normal", "R", "")


_lock = threading.RLock()
_registered: dict[tuple[str, int], str | None] = {}
_sets: dict[tuple[str | None, str | None, tuple[str, ...]], FontSet] = {}
_indexes: dict[tuple[str, ...], dict[str, Path]] = {}
_warned = False
_noted: set[tuple[tuple[str, str], ...]] = set()


def _by_family(family: str, faces: Sequence[Face]) -> list[Face]:
    """TrueType faces of ``family``, the regular style first."""
    found = [f for f in faces if family in f.families and f.truetype]
    return sorted(found, key=lambda f: (f.style not in _REGULAR, str(f.path), f.index))


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


def covers(font: str, text: str) -> bool:
    """Whether the registered TrueType ``font`` has a glyph for every character of ``text``
    (Latin letters and digits excepted: a Latin face sets them)."""
    face = getattr(pdfmetrics.getFont(font), "face", None)
    widths = getattr(face, "charWidths", None)
    if not isinstance(widths, dict):
        return True  # a CID font: the viewer supplies the glyphs
    return all(ord(c) in widths for c in text if ord(c) >= 0x2000)


def _parse_named(text: str) -> tuple[Path, int]:
    path, sep, index = text.rpartition("#")
    if sep and index.isdigit():
        return Path(path), int(index)
    return Path(text), 0


def _named_set(path: Path, index: int) -> FontSet:
    if not path.is_file():
        raise FontError(N_("font file not found: {path}"), path=str(path), option="font")
    name = _register(path, index, cjk=True)
    if name is None:
        raise FontError(
            N_(
                "{path} (face {index}) cannot be embedded: it needs TrueType (glyf) "
                "outlines and Chinese glyphs"
            ),
            path=str(path),
            index=index,
            option="font",
        )
    return FontSet(name, name, name, name, None, None, True, (("all", str(path)),))


def _fallback_set() -> FontSet:
    with _lock:
        if FALLBACK_CID_FONT not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK_CID_FONT))
    f = FALLBACK_CID_FONT
    return FontSet(f, f, f, f, "Times-Roman", "Helvetica", False, (("all", f),))


def note_fallback(fonts: FontSet, locale: str) -> None:
    """Say once per process, as a :class:`FontFallbackWarning` in ``locale``,
    that ``fonts`` is the built-in STSong-Light, which is not embedded."""
    global _warned
    if fonts.embedded:
        return
    with _lock:
        if _warned:
            return
        _warned = True
    message = gettext(
        locale,
        "no TrueType CJK font found (install fonts-arphic-uming or fonts-wqy-zenhei, "
        "or set {variable}); using the built-in {font}, which is not embedded: the "
        "reader's fonts decide how the PDF looks",
    )
    warnings.warn(
        message.format(variable=ENV_FONT, font=FALLBACK_CID_FONT),
        FontFallbackWarning,
        stacklevel=4,
    )


def resolve_fonts(font: Path | None = None, extra: Mapping[str, str] | None = None) -> FontSet:
    """The fonts for one rendering, cached per process.

    ``font`` (or ``$GOVDISCLOSURE_PDF_FONT``, written ``path`` or
    ``path#index``) names one file used for every role; a named font that
    cannot be used raises :class:`FontError` rather than silently falling
    back.  ``extra["font_config"]`` (or ``$GOVDISCLOSURE_PDF_FONTS``) names a
    TOML file with a face per role (see ``docs/pdf.md``).
    ``extra["font_dirs"]`` (or ``$GOVDISCLOSURE_PDF_FONT_DIRS``) replaces the
    platform's font directories and fontconfig.
    """
    extra = extra or {}
    named = str(font) if font is not None else os.environ.get(ENV_FONT) or None
    config = extra.get("font_config") or os.environ.get(ENV_FONT_CONFIG) or None
    dirs = _font_dirs(extra)
    explicit = bool(extra.get("font_dirs") or os.environ.get(ENV_FONT_DIRS))
    key = (named, config, (*(str(d) for d in dirs), str(explicit)))
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
        faces = () if explicit else fontconfig_faces()
        chosen = _read_config(Path(config), faces) if config else {}
        result = _search(_index(dirs), faces, chosen, system=not explicit)
    with _lock:
        _sets[key] = result
    return result


def _read_config(path: Path, faces: Sequence[Face]) -> dict[str, tuple[str, Path, str]]:
    """The faces a font configuration file names, registered, by role.

    The file is TOML with a ``[fonts]`` table; each key is a role of
    :data:`ROLES` and each value a family name (found through fontconfig)
    or a TrueType/TTC file, ``path#index`` for a face of a collection.
    """
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise FontError(
            N_("{path}: cannot read the font configuration: {reason}"),
            path=str(path),
            reason=exc,
            option="font_config",
        ) from exc
    except tomllib.TOMLDecodeError as exc:
        raise FontError(
            N_("{path}: not a TOML file: {reason}"),
            path=str(path),
            reason=exc,
            option="font_config",
        ) from exc
    table = data.get("fonts")
    if not isinstance(table, dict):
        raise FontError(
            N_("{path}: expected a [fonts] table naming a face per role"),
            path=str(path),
            option="font_config",
        )
    out: dict[str, tuple[str, Path, str]] = {}
    for role, value in table.items():
        # The file and the key, each a value: the catalogs join them as
        # each language writes (``{path}：{key}：`` in Chinese).
        where = {"path": str(path), "key": f"fonts.{role}"}
        if role not in ROLES:
            raise FontError(
                N_("{path}: {key}: unknown role; expected one of {roles}"),
                **where,
                roles=", ".join(ROLES),
                option="font_config",
            )
        if not isinstance(value, str) or not value:
            raise FontError(
                N_("{path}: {key}: expected a family name or a font file, not {value!r}"),
                **where,
                value=value,
                option="font_config",
            )
        cjk = role not in ("latin", "latin_sans")
        found: tuple[str, Path] | None = None
        file, index = _parse_named(value)
        if file.suffix.lower() in (".ttf", ".ttc", ".otf") or os.sep in value:
            if not file.expanduser().is_file():
                raise FontError(
                    N_("{path}: {key}: font file not found: {file}"),
                    **where,
                    file=str(file),
                    option="font_config",
                )
            name = _register(file.expanduser(), index, cjk=cjk)
            found = (name, file) if name else None
        else:
            for face in _by_family(value, faces):
                name = _register(face.path, face.index, cjk=cjk)
                if name:
                    found = (name, face.path)
                    break
            if found is None and not _by_family(value, faces):
                raise FontError(
                    N_("{path}: {key}: no TrueType face of the family {value!r} is installed"),
                    **where,
                    value=value,
                    option="font_config",
                )
        if found is None:
            raise FontError(
                N_(
                    "{path}: {key}: {value} cannot be embedded: it needs TrueType (glyf) outlines "
                    "and Chinese glyphs"
                )
                if cjk
                else N_(
                    "{path}: {key}: {value} cannot be embedded: it needs TrueType (glyf) outlines"
                ),
                **where,
                value=value,
                option="font_config",
            )
        out[role] = (found[0], found[1], value)
    return out


def _find(
    role: Role, index: Mapping[str, Path], faces: Sequence[Face], *, cjk: bool
) -> tuple[str, Path, str, bool] | None:
    """The role's face: (registered name, file, face name, official?)."""
    for official, families, files in (
        (True, role.official_families, role.official_files),
        (False, role.stand_in_families, role.stand_in_files),
    ):
        for family in families:
            for face in _by_family(family, faces):
                name = _register(face.path, face.index, cjk=cjk)
                if name is not None:
                    return name, face.path, family, official
        found = _first(files, index, cjk=cjk)
        if found is not None:
            return found[0], found[1], found[1].stem, official
    return None


def _search(
    index: Mapping[str, Path],
    faces: Sequence[Face],
    chosen: Mapping[str, tuple[str, Path, str]],
    *,
    system: bool,
) -> FontSet:
    found: dict[str, tuple[str, Path, str, bool] | None] = {}
    for key, role in ROLES.items():
        if key in chosen:
            name, path, label = chosen[key]
            found[key] = (name, path, label, True)
        else:
            found[key] = _find(role, index, faces, cjk=key not in ("latin", "latin_sans"))
    body = found["body"]
    if body is None:
        body = next((found[k] for k in ("kai", "hei", "title") if found[k]), None)
        if body is None:
            return _fallback_set()
        found["body"] = (*body[:3], False)
    heavy = found["title"] is not None
    if found["title"] is None and system:
        converted = _converted_title()
        if converted is not None:
            found["title"] = converted
            heavy = True
    title = found["title"] or (*body[:3], False)
    hei = found["hei"] or (*body[:3], False)
    kai = found["kai"] or (*body[:3], False)
    latin, latin_sans = found["latin"], found["latin_sans"]
    roles = {"title": title, "body": body, "hei": hei, "kai": kai}
    if latin is not None:
        roles["latin"] = latin
    if latin_sans is not None:
        roles["latin_sans"] = latin_sans
    files = tuple((role, str(face[1])) for role, face in roles.items())
    stand_ins = tuple(
        (ROLES[role].name, face[2] + (STROKED if role == "title" and not heavy else ""))
        for role, face in roles.items()
        if not face[3]
    )
    return FontSet(
        title[0],
        body[0],
        hei[0],
        kai[0],
        latin[0] if latin else None,
        latin_sans[0] if latin_sans else None,
        True,
        files,
        stand_ins,
        heavy,
    )


def _converted_title() -> tuple[str, Path, str, bool] | None:
    """Noto Serif CJK SC Bold converted to TrueType, when ``make fonts`` has built it."""
    from .titleface import STAND_IN_NAME, cached_face

    path = cached_face()
    if path is None:
        return None
    name = _register(path, 0, cjk=True)
    return None if name is None else (name, path, STAND_IN_NAME, False)


#: What ``stand_ins`` adds to a face used stroked for the title (no heavy face installed).
STROKED: Final = ", stroked"


def face_said(face: str, locale: str) -> str:
    """A stand-in face of ``FontSet.stand_ins`` as the note says it in
    ``locale``: the family's own name kept, what was done to it translated
    ("converted to TrueType", "stroked")."""
    from govdisclosure.i18n import gettext

    from .titleface import CONVERTED

    stroked = face.endswith(STROKED)
    if stroked:
        face = face[: -len(STROKED)]
    if face.endswith(CONVERTED):
        face = gettext(locale, "{face} (converted to TrueType)").format(
            face=face[: -len(CONVERTED)]
        )
    if stroked:
        face = gettext(locale, "{face}, stroked").format(face=face)
    return face


def note_stand_ins(fonts: FontSet, locale: str) -> None:
    """Say once per process, as a :class:`FontStandInWarning` in ``locale``,
    which face stands in for which official one."""
    if not fonts.stand_ins:
        return
    with _lock:
        if fonts.stand_ins in _noted:
            return
        _noted.add(fonts.stand_ins)
    from govdisclosure.i18n import gettext

    said = [f"{official} → {face_said(face, locale)}" for official, face in fonts.stand_ins]
    joint = gettext(locale, "{pairs}; {pair}")
    pairs = said[0]
    for pair in said[1:]:
        pairs = joint.format(pairs=pairs, pair=pair)
    message = gettext(
        locale,
        "govdisclosure-pdf: official faces not installed, standing in: {pairs} "
        "(name others in a font configuration file: ${variable}, see docs/pdf.md)",
    )
    warnings.warn(
        message.format(pairs=pairs, variable=ENV_FONT_CONFIG), FontStandInWarning, stacklevel=4
    )
