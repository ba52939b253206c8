"""Plain lines: written directly only where rich would print them as they are."""

from __future__ import annotations

import builtins
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.text import Text

from govdisclosure.cli._output import terminal
from govdisclosure.cli._plain import fits, plain_width


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("columns", [None, "40", "132", "0", "wide"])
@pytest.mark.parametrize("force", [None, "", "1"])
def test_the_width_is_rich_s_whenever_it_is_given(
    columns: str | None, force: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in (("COLUMNS", columns), ("FORCE_COLOR", force)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    stream = io.StringIO()
    width = plain_width(stream)
    if force is not None or columns in ("0", "wide"):
        assert width is None  # rich's own rules decide
    else:
        console = terminal(file=stream)
        assert width == console.width
        assert not console.is_terminal


def test_a_terminal_or_a_notebook_is_left_to_rich(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("TTY_COMPATIBLE", raising=False)
    assert plain_width(_Tty()) is None
    monkeypatch.setenv("TTY_COMPATIBLE", "0")
    assert plain_width(io.StringIO()) is None
    monkeypatch.delenv("TTY_COMPATIBLE")
    monkeypatch.setattr(builtins, "get_ipython", lambda: None, raising=False)
    assert plain_width(io.StringIO()) is None


def _rich(line: str, width: int) -> str:
    """What ``validate`` would print through rich, without colour."""
    stream = io.StringIO()
    terminal(file=stream, width=width, color_system=None).print(Text(line, style="bold"))
    return stream.getvalue()


@given(
    st.text(st.characters(codec="utf-8"), max_size=60),
    st.integers(min_value=1, max_value=100),
)
def test_a_line_that_fits_is_printed_by_rich_as_it_is(line: str, width: int) -> None:
    if fits(line, width):
        assert _rich(line, width) == line + "\n"


def test_what_does_not_fit_is_what_rich_changes() -> None:
    assert fits("共1个文件：1个通过", 18) and not fits("共1个文件：1个通过", 17)
    assert _rich("共1个文件：1个通过", 17) != "共1个文件：1个通过\n"
    assert not fits("a\tb", 80) and not fits("a\x1b[2Jb", 80) and not fits("a\nb", 80)
