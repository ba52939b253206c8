"""Loading and saving reports as JSON, with one cattrs converter.

Choices, and why:

* **Strict hooks.**  cattrs' defaults coerce ``3.7`` to ``3`` and ``5`` to
  ``"5"``; a report library must not.  Counts must be JSON integers in
  ``[0, 10^9]``, money a JSON *string* holding a plain decimal (a float
  would lose exactness), text must be text.
* **Every problem, with its path.**  Type and range checks live in the
  converter's hooks rather than in attrs validators, so each failure carries
  its JSON path and all of them are reported at once (:class:`LoadError`).
* **Stable output.**  Keys in definition order, ``edition`` first, UTF-8
  without ``\\u4e2d``-style escapes, two-space indent, newline at the end:
  ``dumps(loads(text)) == text`` for any text we wrote.
* **Fast, with the converter as the reference.**  Generic structuring cost
  about three times the JSON parse.  Generated per-class functions (see
  "fast path" below) load and write well-formed reports; whenever they meet
  anything unusual, the converter starts over and decides, so strictness
  and error messages are the converter's alone.  ``bench/README.md`` has
  the figures.
"""

from __future__ import annotations

import gc
import json
import math
import os
import re
import typing
from collections.abc import Iterable, Iterator
from typing import Any, Final

import orjson

from ..editions import Report, is_template_driven
from ..errors import LoadError, Problem
from ..filefaults import library_words
from ..files import write_atomic
from ..i18n import N_
from ..paths import Path, json_path
from .fast_read import KEYS, _fast_report
from .fast_write import _fast_unstructure
from .reference import (
    WrittenNumber,
    _legacy_problems,
    _printed_problems,
    _problems,
    converter,
)

__all__ = [
    "PROVENANCE_NOT_A_REPORT",
    "check_utf8",
    "converter",
    "dump",
    "dumps",
    "dumps_bytes",
    "load",
    "loads",
    "loads_many",
    "structure",
    "unstructure",
]

# -- public API ----------------------------------------------------------------


def structure(data: Any, *, source: str | None = None) -> Report:
    """Build a report from already-parsed JSON data (dicts and lists).

    The generated fast path is tried first; if it refuses anything, the
    reference converter builds the report or raises :class:`LoadError` with
    every problem.  Legacy tables are then checked against their template.
    """
    return _structure(data, source, None)


def _structure(data: Any, source: str | None, text: str | bytes | None) -> Report:
    """:func:`structure`; with the ``text`` ``data`` was parsed from, duplicate
    keys in it are refused first (:func:`_check_duplicates`)."""
    KEYS.n = 0
    try:
        report = _fast_report(data)
    except Exception:  # noqa: BLE001 - anything unusual: the reference path decides
        if text is not None:
            _check_duplicates(text, source)
        try:
            report = _reference_structure(data, source)
        except LoadError as exc:
            if text is not None and any(_rounded(p.found) for p in exc.problems):
                # A number orjson rounded (10^20 → 1e+20, 1e2 → 100.0): the
                # same check on the numbers as written says what the file holds.
                written = _as_written(text)
                if written is not None:
                    _reference_structure(written, source)
                    _refuse_unreadable_numbers(written, source)
            raise
    else:
        if text is not None and not _no_room_for_repeats(text, KEYS.n):
            _check_duplicates(text, source)
    if is_template_driven(report):
        problems = list(_legacy_problems(report, ()))
        if problems:
            raise LoadError(problems, source)
    else:
        problems = list(_printed_problems(report, ()))
        if problems:
            raise LoadError(problems, source)
    if report.parts:
        problems = list(_repeated_units(report))
        if problems:
            raise LoadError(problems, source)
    return report


def _repeated_units(report: Report) -> Iterator[Problem]:
    """A unit that appears twice in a report's tree of parts (the report
    itself among its parts, or one unit listed twice) would be counted
    twice: such a file is refused, naming each repeat."""
    seen: set[tuple[str, str | None]] = set()

    def walk(node: Any, path: Path) -> Iterator[Problem]:
        key = node.unit.key
        if key in seen:
            yield Problem(
                json_path((*path, "unit", "name")),
                "a unit that appears once among a report and its parts",
                repr(node.unit.name),
            )
        seen.add(key)
        for i, part in enumerate(node.parts):
            yield from walk(part, (*path, "parts", i))

    yield from walk(report, ())


#: What a file holding an import's provenance is told, instead of its keys one by one.
PROVENANCE_NOT_A_REPORT = N_(
    "a report, not the provenance an import writes beside one (NAME.provenance.json, where "
    "each cell of NAME.json was printed)"
)


def _is_provenance(data: Any) -> bool:
    """Whether ``data`` is what ``govdisclosure import`` writes as a report's
    provenance (a list of cells, no unit): named by a shell glob such as
    ``imported/*.json`` along with the reports."""
    return isinstance(data, dict) and "unit" not in data and isinstance(data.get("cells"), list)


#: What a report whose tables are of another edition than its ``edition``
#: says was expected, by the edition they read as (one message each, as the
#: catalogs hold whole sentences).
_TABLES_ARE: Final = {
    "2021": N_('"2021", the edition its tables are written in'),
    "2019": N_('"2019", the edition its tables are written in'),
    "legacy": N_('"legacy", the edition its tables are written in'),
}


def _misnamed_edition(data: Any) -> Problem | None:
    """The problem of a report that is whole in another edition than the one
    it names (``"edition": "2019"`` on the 2021 tables): that one field,
    where checking it as the named edition listed every key of the tables as
    unknown.  Tried only for a report that failed and names an edition that
    exists, each other edition once."""
    from ..editions import EDITIONS

    named = data.get("edition") if isinstance(data, dict) else None
    if named not in EDITIONS:  # an edition that does not exist is told which ones do
        return None
    for edition in EDITIONS:
        if edition == named:
            continue
        try:
            converter.structure({**data, "edition": edition}, Report)  # type: ignore[arg-type]
        except Exception:  # noqa: BLE001 - not this edition either
            continue
        expected = _TABLES_ARE.get(edition, N_("the edition its tables are written in"))
        return Problem("$.edition", expected, repr(named))
    return None


def _reference_structure(data: Any, source: str | None = None) -> Report:
    """The reference converter alone (the fast path's fallback and oracle)."""
    try:
        report: Report = converter.structure(data, Report)  # type: ignore[arg-type]
    except Exception as exc:  # noqa: BLE001 - every failure becomes a LoadError
        if _is_provenance(data):
            raise LoadError([Problem("$", PROVENANCE_NOT_A_REPORT)], source) from None
        misnamed = _misnamed_edition(data)
        if misnamed is not None:
            raise LoadError([misnamed], source) from None
        raise LoadError(
            list(_problems(exc, ())) or [Problem("$", "a report", detail=library_words(exc))],
            source,
        ) from None
    return report


def unstructure(report: Report) -> dict[str, Any]:
    """The JSON-ready dict of a report (``edition`` first)."""
    return typing.cast(dict[str, Any], converter.unstructure(report, type(report)))


def loads(text: str | bytes, *, source: str | None = None) -> Report:
    """Read a report from JSON text (``str``, or UTF-8 ``bytes``; a BOM is skipped).

    Raises :class:`LoadError` listing every problem with its JSON path, what
    was expected and what was found; ``source`` (a file name or address) is
    the name the error gives the text.
    """
    if isinstance(text, bytes):
        if text.startswith(b"\xef\xbb\xbf"):
            text = text[3:]
    elif text.startswith("\ufeff"):
        text = text[1:]
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        # orjson refuses text that is not UTF-8; only then is it worth
        # decoding (a second pass over the bytes) to say where and why.
        if isinstance(text, bytes):
            _check_utf8(text, source)
        _check_numbers(text, source)
        if not text.strip():
            raise LoadError(
                [Problem("$", N_("a report in JSON, not an empty file"))], source
            ) from None
        raise LoadError([_syntax_problem(exc)], source) from None
    return _structure(data, source, text)


#: What the JSON parser's reasons mean, as message ids; any other reason is
#: told as "well-formed JSON" with the text found where the parser stopped.
_SYNTAX_REASONS: Final = {
    "unexpected end of data": N_(
        "well-formed JSON: the text ends before the report does (is the file cut short?)"
    ),
    "unexpected content after document": N_(
        "well-formed JSON: the text goes on after the end of the report"
    ),
    "trailing comma is not allowed": N_(
        "well-formed JSON: no comma before a closing bracket or brace"
    ),
}

#: Characters of the text shown from where the parser stopped.
_SYNTAX_EXCERPT: Final = 20


def _syntax_problem(exc: orjson.JSONDecodeError) -> Problem:
    """A parse error as a problem in the user's language: the parser's
    reason (English, from orjson) is told by a message id, its place by line
    and column, and what stands there as it was found."""
    expected = _SYNTAX_REASONS.get(exc.msg, N_("well-formed JSON"))
    found = ""
    if expected == "well-formed JSON" and isinstance(exc.doc, str):
        line = exc.doc[exc.pos : exc.pos + _SYNTAX_EXCERPT + 1].split("\n", 1)[0]
        found = repr(line[:_SYNTAX_EXCERPT]) + ("…" if len(line) > _SYNTAX_EXCERPT else "")
    return Problem("$", expected, found, at=(exc.lineno, exc.colno))


def _as_written(text: str | bytes) -> Any:
    """``text`` parsed by the standard library, every number as written:
    integers exact (orjson reads one beyond 64 bits as a double), others as
    :class:`~.reference.WrittenNumber`, ``NaN`` and ``Infinity`` too (not
    JSON, but what some writers produce).  ``None`` if it is not JSON even
    so.  Slow; only for saying what is wrong."""
    try:
        return json.loads(text, parse_float=WrittenNumber, parse_constant=WrittenNumber)
    except (ValueError, RecursionError):
        return None


def _check_numbers(text: str | bytes, source: str | None) -> None:
    """Name the cell of a number orjson refuses to parse.

    orjson stops at the first number a double cannot hold (``1e309``) and at
    ``NaN``/``Infinity``, with a line and column but no field.  Read as
    written, the text goes through the reference converter, whose messages
    say which field holds what and what it expects; a value it somehow
    accepts is still named here.  Runs only once orjson has refused the text.
    """
    data = _as_written(text)
    if data is None:
        return
    if not any(True for _ in _unreadable_numbers(data)):
        return  # refused for something else: orjson's message stands
    _check_duplicates(text, source)
    _reference_structure(data, source)  # raises, naming each field
    _refuse_unreadable_numbers(data, source)


def _refuse_unreadable_numbers(data: Any, source: str | None) -> None:
    """Refuse the numbers of ``data`` (read :func:`_as_written`) that a JSON
    reader cannot hold, for a field that accepted them as written."""
    problems = [
        Problem(json_path(path), expected, found)
        for path, expected, found in _unreadable_numbers(data)
    ]
    if problems:
        raise LoadError(sorted(problems, key=lambda p: p.path), source)


#: The widest integer JSON readers hold exactly (orjson reads a wider one as
#: a double, so it would not read back as written).
_WIDEST_INTEGER: Final = 2**64 - 1


def _unreadable_numbers(node: Any) -> Iterator[tuple[Path, str, str]]:
    """``(path, expected, text)`` of every number in ``node`` (read
    :func:`_as_written`) that no double holds (``1e309``, ``NaN``) or that
    is an integer wider than 64 bits."""
    todo: list[tuple[Any, Path]] = [(node, ())]
    while todo:
        value, at = todo.pop()
        if isinstance(value, WrittenNumber):
            if not math.isfinite(value):
                yield at, N_("a finite JSON number"), value.text
        elif type(value) is int:
            if abs(value) > _WIDEST_INTEGER:
                yield at, N_("a whole number of at most 64 bits"), _shown_integer(value)
        elif isinstance(value, dict):
            todo.extend((v, (*at, k)) for k, v in value.items())
        elif isinstance(value, list):
            todo.extend((v, (*at, i)) for i, v in enumerate(value))


def _shown_integer(value: int) -> str:
    text = str(value)
    return text if len(text) <= 60 else f"{text[:57]}..."


def _rounded(found: str) -> bool:
    """Whether a problem's ``found`` is a number orjson read as a double."""
    return bool(found) and found[0] in "-0123456789" and any(c in found for c in ".eE")


#: A key's closing quote with blanks before its colon (``"key" : 1``).
_SPACED_KEY: Final = re.compile(r'"[ \t\n\r]+:')
_SPACED_KEY_BYTES: Final = re.compile(rb'"[ \t\n\r]+:')


def _no_room_for_repeats(text: str | bytes, keys: int) -> bool:
    """Whether ``text``, whose objects hold ``keys`` distinct keys in all, is
    shown free of a key written twice by counting alone.

    Every key written in the text is followed by a colon (after optional
    blanks), so the count of colons is at least the count of keys written;
    when it equals the distinct keys the fast path read, none is repeated.
    A colon inside a string (a URL in the narrative) spoils that count, so a
    second one counts ``":``, which every key written without blanks before
    its colon ends with: again at least the keys written when no key has
    blanks before its colon (a quoted colon inside a string only adds to
    it).  Either count equal to ``keys`` proves the text free of repeats;
    otherwise :func:`_check_duplicates` decides exactly.
    """
    if isinstance(text, bytes):
        if text.count(b":") == keys:
            return True
        return text.count(b'":') == keys and _SPACED_KEY_BYTES.search(text) is None
    if text.count(":") == keys:
        return True
    return text.count('":') == keys and _SPACED_KEY.search(text) is None


class _Repeated(dict[str, Any]):
    """An object of the text with a key written more than once (the keys)."""

    repeated: tuple[str, ...] = ()


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = _Repeated(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        repeated: list[str] = []
        for key, _ in pairs:
            if key in seen:
                repeated.append(key)
            seen.add(key)
        obj.repeated = tuple(repeated)
    return obj


def _check_duplicates(text: str | bytes, source: str | None) -> None:
    """Refuse a text in which an object names a key twice, naming each path.

    JSON parsers (orjson among them) keep the last value silently, so a
    report with two ``edition`` keys, or two totals, would load as one of
    them.  The standard library's parser hands over every pair; it is slower
    than orjson, so it runs only when the cheap count in :func:`_structure`
    cannot rule duplicates out.
    """
    try:
        tree = json.loads(text, object_pairs_hook=_pairs)
    except ValueError:  # orjson read it; a text json refuses has no pairs to compare
        return
    problems: list[Problem] = []
    todo: list[tuple[Any, Path]] = [(tree, ())]
    while todo:
        node, path = todo.pop()
        if isinstance(node, _Repeated):
            problems.extend(
                Problem(json_path((*path, key)), "a key that appears once in its object", repr(key))
                for key in node.repeated
            )
            todo.extend((value, (*path, key)) for key, value in node.items())
        elif isinstance(node, list):
            todo.extend((value, (*path, i)) for i, value in enumerate(node))
    if problems:
        raise LoadError(sorted(problems, key=lambda p: p.path), source)


#: Byte-order marks of UTF-16 and UTF-32 text ("Unicode" in Windows' Notepad).
_WIDE_BOMS: Final = {
    b"\xff\xfe\x00\x00": "UTF-32",
    b"\x00\x00\xfe\xff": "UTF-32",
    b"\xff\xfe": "UTF-16",
    b"\xfe\xff": "UTF-16",
}


def _check_utf8(data: bytes, source: str | None) -> None:
    """Refuse text that is not UTF-8, saying which encoding it looks like;
    what is found is an encoding's name or the first bad bytes
    (``0xBA 0xA3``, the same in every locale), at the line and column where
    they stand (``第 3 行第 12 列``: a Python byte string and a byte offset,
    ``b'\\xba\\xa3' @ 61``, meant nothing to the person who saved the file)."""
    for bom, encoding in _WIDE_BOMS.items():
        if data.startswith(bom):
            raise LoadError(
                [Problem("$", N_("UTF-8 text (save the file as UTF-8)"), encoding)], source
            )
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        expected = (
            N_("UTF-8 text (the file looks like GBK/GB18030: save it as UTF-8)")
            if _looks_gbk(data)
            else N_("UTF-8 text")
        )
        found = " ".join(f"0x{byte:02X}" for byte in data[exc.start : exc.start + 4])
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        # Every byte before the bad one decoded: the column counts characters.
        column = len(data[line_start : exc.start].decode("utf-8")) + 1
        at = (data.count(b"\n", 0, exc.start) + 1, column)
        raise LoadError([Problem("$", expected, found, at=at)], source) from None


#: For the other files the library reads as text (the lists of accepted findings).
check_utf8 = _check_utf8


def _looks_gbk(data: bytes) -> bool:
    try:
        data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return True


def load(path: str | os.PathLike[str]) -> Report:
    """Read a report from a JSON file; errors name the file."""
    from ..files import read_input  # the one bounded reader of inputs

    return loads(read_input(path), source=os.fspath(path))


def dumps(report: Report) -> str:
    """The canonical JSON text of a report (stable, UTF-8, indented)."""
    return dumps_bytes(report).decode()


_DUMP_OPTIONS: Final = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE


def dumps_bytes(report: Report) -> bytes:
    """:func:`dumps` as UTF-8 bytes, without decoding: what a file receives.

    Decoding ~15 KiB of mostly Chinese UTF-8 into a ``str`` costs about as
    much as writing the JSON; bulk writers and :func:`dump` skip it.
    """
    return orjson.dumps(_fast_unstructure(report), option=_DUMP_OPTIONS)


def dump(report: Report, path: str | os.PathLike[str]) -> None:
    """Write a report atomically (:func:`govdisclosure.files.write_atomic`).

    The JSON is made first, so a report that cannot be written leaves
    nothing behind; readers of ``path`` see the old file or the new one,
    never part of one.  An existing file is replaced.
    """
    write_atomic(dumps_bytes(report), path, force=True)


def loads_many(texts: Iterable[str | bytes]) -> list[Report]:
    """Load many reports with the garbage collector paused.

    Bulk loads build many small objects; pausing GC is the largest single
    saving measured (see bench/).  GC is restored even on error.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        return [loads(t) for t in texts]
    finally:
        if enabled:
            gc.enable()
