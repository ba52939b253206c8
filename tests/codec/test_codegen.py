"""Generated code shows its source in tracebacks.

Every generated function (the codec's reader and writer, the flat layout's
flatten and rebuild, the compiled arithmetic checks, the narrative-free
copier) is compiled through :func:`govdisclosure.codegen.compile_source`.
Each test below makes one of them fail for real and reads the traceback as
:mod:`traceback` prints it: the failing frame must name a generated file
and show the generated line that failed, not ``File "<string>"`` and
nothing.
"""

from __future__ import annotations

import linecache
import marshal
import re
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import orjson
import pytest

import govdisclosure as gd
from govdisclosure import codegen
from govdisclosure.aggregate.tree import _copier
from govdisclosure.cells import CELL_KINDS
from govdisclosure.codec import fast_read, fast_write
from govdisclosure.codegen import FILENAME_PREFIX, compile_source
from govdisclosure.flat import shape_of
from govdisclosure.validation.arithmetic import class_screen, compiled_for
from locations import EXAMPLES


def _generated_frames(call: Callable[[], Any]) -> list[tuple[str, str]]:
    """``(file name, line)`` of each frame of generated code in the
    traceback of ``call()``, which must fail."""
    with pytest.raises(Exception) as info:
        call()
    frames = traceback.extract_tb(info.value.__traceback__)
    printed = "".join(traceback.format_exception(info.value))
    generated = [f for f in frames if f.filename.startswith(FILENAME_PREFIX)]
    assert generated, printed
    shown = []
    for frame in generated:
        # The line is shown, and it is the line of the generated text.
        assert frame.line and frame.lineno is not None, printed
        lines = linecache.getlines(frame.filename)
        assert lines[frame.lineno - 1].strip() == frame.line
        assert f'File "{frame.filename}", line {frame.lineno}' in printed
        assert frame.line in printed
        shown.append((frame.filename, frame.line))
    return shown


def _report_2021() -> gd.Report2021:
    report = gd.load(EXAMPLES / "huaian-2024.json")
    assert isinstance(report, gd.Report2021)
    return report


def test_the_reader_shows_the_check_that_refused() -> None:
    data = orjson.loads(gd.dumps(_report_2021()))
    data["table3"]["new_applications"]["natural_person"] = -1
    frames = _generated_frames(lambda: fast_read._fast_report(data))
    assert "reader of govdisclosure.editions.applications.ApplicantRow" in frames[-1][0]
    count = CELL_KINDS["count"]  # the bounds are written into the code as constants
    assert frames[-1][1] == f"if v0 < {count.minimum} or v0 > {count.maximum}: raise _Slow"


def test_the_partial_reader_shows_its_line_too() -> None:
    data = orjson.loads(gd.dumps(_report_2021()))
    del data["table3"]["new_applications"]["total"]  # keys left out: the partial reader
    data["table3"]["new_applications"]["natural_person"] = 2.5
    frames = _generated_frames(lambda: fast_read._fast_report(data))
    assert frames[-1][1] == "if v0.__class__ is not str: raise _Slow"


def test_the_writer_shows_the_cell_it_could_not_write() -> None:
    report = _report_2021()
    row = report.table3.new_applications
    object.__setattr__(row, "natural_person", 2.5)  # what the model would refuse
    frames = _generated_frames(lambda: fast_write._fast_unstructure(report))
    # The rows are written inline, in the report's writer; the line names the cell.
    assert "writer of govdisclosure.editions.e2021.Report2021" in frames[-1][0]
    assert re.fullmatch(
        r"if (v\d+)\.__class__ is not int and \1 is not None: \1 = _cell\(\1\)"
        r"  # table3\.new_applications\.natural_person",
        frames[-1][1],
    ), frames[-1][1]


def test_flatten_and_rebuild_show_their_lines() -> None:
    report = _report_2021()
    shape = shape_of(report)
    broken = attrs.evolve(report)
    object.__setattr__(broken, "table4", None)
    frames = _generated_frames(lambda: shape.flatten(broken))
    assert "flat layout of ('2021', None)" in frames[-1][0]
    assert "table4" in frames[-1][1] or "reconsideration" in frames[-1][1]
    frames = _generated_frames(lambda: shape.rebuild(report, ()))
    assert frames[-1][1].startswith("return evolve(r, table2=")


def test_the_arithmetic_checks_show_the_equation() -> None:
    report = _report_2021()
    compiled = compiled_for(report)
    values: list[Any] = list(shape_of(report).flatten(report))
    values[compiled.totals[0][0]] = "not a number"  # a cell the first equation sums
    frames = _generated_frames(lambda: compiled.fast(values))
    assert "arithmetic checks of ('2021', None)" in frames[-1][0]
    assert frames[-1][1].startswith("if ")
    broken = attrs.evolve(report)
    object.__setattr__(broken, "table3", None)
    frames = _generated_frames(lambda: compiled.holds(broken))
    assert re.fullmatch(r"o[0-9]+ = o[0-9]+\.[a-z_0-9]+", frames[-1][1])  # reading a row of None


def test_the_arithmetic_screen_shows_the_comparison_in_its_own_function() -> None:
    """The screen of a report class checks the official layout in line: a
    report of that layout fails in the screen's own generated text, at the
    line that read it, with no frame of the layout's check below it."""
    report = _report_2021()
    screen = class_screen(gd.Report2021)
    assert screen(report)  # huaian-2024 holds, in the official layout
    broken = attrs.evolve(report)
    object.__setattr__(broken, "table4", None)
    frames = _generated_frames(lambda: screen(broken))
    assert [name for name, _ in frames] == [frames[0][0]]
    assert "arithmetic screen of Report2021" in frames[0][0]
    assert re.fullmatch(r"o[0-9]+ = o[0-9]+\.reconsideration", frames[0][1])


def test_the_copier_shows_its_line() -> None:
    copy = _copier(gd.Report2021)
    frames = _generated_frames(lambda: copy(object(), ()))
    assert "copier of Report2021" in frames[-1][0]
    assert "report." in frames[-1][1]


def test_each_compiled_text_has_a_file_name_of_its_own() -> None:
    first = compile_source(["def f():", "    return 1 / 0"], {}, what="a test function")
    second = compile_source("def f():\n    return [][0]\n", {}, what="a test function")
    name_1 = first["f"].__code__.co_filename
    name_2 = second["f"].__code__.co_filename
    assert name_1 != name_2
    assert name_1.startswith(f"{FILENAME_PREFIX} a test function #")
    assert linecache.getline(name_1, 2).strip() == "return 1 / 0"
    assert linecache.getline(name_2, 2).strip() == "return [][0]"
    linecache.checkcache()  # what traceback does: entries without a file stay
    assert _generated_frames(first["f"])[-1][1] == "return 1 / 0"
    assert _generated_frames(second["f"])[-1][1] == "return [][0]"


_PROBE = "def f(x):\n    def g():\n        return x // 0\n    return g()\n"


def _cached(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "govdisclosure" / "code").iterdir())


def test_code_compiled_once_is_read_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second compilation of the same text compiles nothing, and its code
    (the inner function's too) carries its own file name, so its traceback
    shows its own line."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first = compile_source(_PROBE, {}, what="a cached function")
    assert len(_cached(tmp_path)) == 1

    def no_compiling(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled again")

    monkeypatch.setattr(codegen, "compile", no_compiling, raising=False)
    second = compile_source(_PROBE, {}, what="a cached function")
    assert len(_cached(tmp_path)) == 1
    name_1 = first["f"].__code__.co_filename
    name_2 = second["f"].__code__.co_filename
    assert name_1 != name_2
    assert second["f"].__code__.co_consts[1].co_filename == name_2
    assert _generated_frames(lambda: second["f"](1)) == [
        (name_2, "return g()"),
        (name_2, "return x // 0"),
    ]


def test_a_damaged_cache_file_is_compiled_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    compile_source(_PROBE, {}, what="a cached function")
    (place,) = _cached(tmp_path)
    place.write_bytes(b"\xff not marshal data")
    again = compile_source(_PROBE, {}, what="a cached function")
    with pytest.raises(ZeroDivisionError):
        again["f"](1)
    assert marshal.loads(place.read_bytes()).co_filename.startswith(FILENAME_PREFIX)


def test_no_cache_makes_the_code_afresh_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``GOVDISCLOSURE_NO_CACHE`` (a shared or audited machine): the code is
    compiled in the process and the cache folder is never created."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("GOVDISCLOSURE_NO_CACHE", "1")
    made = compile_source(_PROBE, {}, what="a cached function")
    with pytest.raises(ZeroDivisionError):
        made["f"](1)
    assert not (tmp_path / "govdisclosure").exists()


def test_a_cache_that_cannot_be_written_still_gives_the_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only home or a cache path that is a file: the code is made
    and used, nothing is raised, no temporary file is left."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    made = compile_source(_PROBE, {}, what="a cached function")
    with pytest.raises(ZeroDivisionError):
        made["f"](1)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not-a-folder"]
