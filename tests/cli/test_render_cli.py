"""``render()`` and ``govdisclosure render``: lookup, editions, atomic output, errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import govdisclosure as gd
from fake_plugins import Site, renderer_source
from govdisclosure.cli import cli
from govdisclosure.rendering import UnknownRendererError, UnsupportedEditionError
from locations import ROOT

HUAIAN = ROOT / "examples" / "huaian-2024.json"


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    out = tmp_path / "work"
    out.mkdir()
    monkeypatch.chdir(out)
    return out


def _run(*args: str) -> tuple[int, str, str, BaseException | None]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr, result.exception


def test_render_returns_the_renderers_bytes(site: Site) -> None:
    report = gd.load(HUAIAN)
    assert gd.render(report, "json") == gd.dumps(report).encode()
    assert gd.render(report, "markdown").startswith(b"# ")


def test_unknown_renderer_lists_the_available_ones(site: Site) -> None:
    with pytest.raises(UnknownRendererError) as info:
        gd.render(gd.load(HUAIAN), "odt")
    assert {"json", "markdown"} <= set(info.value.available)
    assert "odt" in str(info.value) and "markdown" in str(info.value)


def test_an_edition_the_renderer_does_not_support(site: Site) -> None:
    site.install(renderer_source("only2019", editions=("2019",)))
    with pytest.raises(UnsupportedEditionError, match=r"2021.*2019"):
        gd.render(gd.load(HUAIAN), "only2019")


def test_options_reach_the_renderer(site: Site) -> None:
    source = """
    from govdisclosure.plugin.specs import hookimpl
    from govdisclosure.plugin.types import Renderer

    def _render(report, options):
        return repr((options.locale, options.charts, str(options.font), dict(options.extra))).encode()

    @hookimpl
    def govdisclosure_renderers():
        return [Renderer(name="echo", media_type="text/plain", suffix=".txt",
                         editions=frozenset({"2021"}), render=_render)]
    """
    site.install(source)
    data = gd.render(gd.load(HUAIAN), "echo", locale="en", charts=True, font="/f.ttf", dpi=300)
    assert data == repr(("en", True, "/f.ttf", {"dpi": "300"})).encode()


def test_cli_writes_next_to_the_current_directory(site: Site, workdir: Path) -> None:
    code, _, err, _ = _run("render", str(HUAIAN), "--to", "markdown")
    assert code == 0
    out = workdir / "huaian-2024.md"
    assert out.read_bytes() == gd.render(gd.load(HUAIAN), "markdown")
    assert str(out) in err
    assert sorted(p.name for p in workdir.iterdir()) == ["huaian-2024.md"]


def test_cli_output_option_and_locale(site: Site, workdir: Path) -> None:
    target = workdir / "report-en.md"
    code, _, _, _ = _run("render", str(HUAIAN), "-t", "markdown", "-o", str(target), "-l", "en")
    assert code == 0
    assert target.read_bytes() == gd.render(gd.load(HUAIAN), "markdown", locale="en")


def test_cli_to_standard_output(site: Site, workdir: Path) -> None:
    code, out, _, _ = _run("render", str(HUAIAN), "--to", "json", "-o", "-")
    assert code == 0
    assert out == gd.dumps(gd.load(HUAIAN))
    assert list(workdir.iterdir()) == []


def test_cli_never_overwrites_without_force(site: Site, workdir: Path) -> None:
    target = workdir / "huaian-2024.json"
    target.write_text("precious", encoding="utf-8")
    code, _, err, exc = _run("render", str(HUAIAN), "--to", "json")
    assert code == 2 and "--force" in err and isinstance(exc, SystemExit)
    assert target.read_text(encoding="utf-8") == "precious"
    code, _, _, _ = _run("render", str(HUAIAN), "--to", "json", "--force")
    assert code == 0
    assert target.read_bytes() == gd.render(gd.load(HUAIAN), "json")
    assert sorted(p.name for p in workdir.iterdir()) == ["huaian-2024.json"]


def test_cli_unknown_format_lists_the_installed_ones(site: Site, workdir: Path) -> None:
    code, _, err, exc = _run("render", str(HUAIAN), "--to", "odt")
    assert code == 2 and isinstance(exc, SystemExit)
    assert "odt" in err and "markdown" in err and "json" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("locale", "heading"), [("zh_Hans_CN", "无法读取报告"), ("en", "Cannot read report")]
)
def test_cli_bad_input_is_a_message_in_the_locale(
    site: Site, workdir: Path, locale: str, heading: str
) -> None:
    bad = workdir / "bad.json"
    bad.write_text('{"edition": "2021", "unit": {"name": "X"}, "year": "2024"}', encoding="utf-8")
    code, _, err, exc = _run("render", str(bad), "--to", "markdown", "--locale", locale)
    assert code == 2 and isinstance(exc, SystemExit)
    assert heading in err and "$.year" in err and "Traceback" not in err
    assert sorted(p.name for p in workdir.iterdir()) == ["bad.json"]


def test_cli_missing_file(site: Site, workdir: Path) -> None:
    code, _, err, _ = _run("render", str(workdir / "nope.json"), "--to", "json")
    assert code == 2 and "nope.json" in err


def test_cli_failing_renderer_leaves_no_file(site: Site, workdir: Path) -> None:
    source = """
    from govdisclosure.plugin.specs import hookimpl
    from govdisclosure.plugin.types import Renderer

    def _render(report, options):
        raise RuntimeError("renderer bug")

    @hookimpl
    def govdisclosure_renderers():
        return [Renderer(name="crash", media_type="text/plain", suffix=".txt",
                         editions=frozenset({"2021"}), render=_render)]
    """
    site.install(source)
    code, _, err, _ = _run("render", str(HUAIAN), "--to", "crash")
    assert code == 1 and "renderer bug" in err and "Traceback" not in err
    assert list(workdir.iterdir()) == []


def test_cli_unsupported_edition(site: Site, workdir: Path) -> None:
    site.install(renderer_source("only2019", editions=("2019",)))
    code, _, err, _ = _run("render", str(HUAIAN), "--to", "only2019")
    assert code == 2 and "2021" in err
    assert list(workdir.iterdir()) == []


def test_write_atomic_replaces_whole_files(tmp_path: Path) -> None:
    from govdisclosure.files import write_atomic

    target = tmp_path / "out.bin"
    write_atomic(b"one", target, force=False)
    with pytest.raises(FileExistsError):
        write_atomic(b"two", target, force=False)
    assert target.read_bytes() == b"one"
    write_atomic(b"three", target, force=True)
    assert target.read_bytes() == b"three"
    assert [p.name for p in tmp_path.iterdir()] == ["out.bin"]


@pytest.mark.parametrize(
    ("key", "flag"), [("locale", "--locale"), ("charts", "--charts"), ("font", "--font")]
)
@pytest.mark.parametrize(
    ("locale", "words"), [("zh_Hans_CN", "不是输出格式的选项"), ("en", "not a renderer option")]
)
def test_cli_option_that_render_takes_itself(
    site: Site, workdir: Path, key: str, flag: str, locale: str, words: str
) -> None:
    """``--option locale=en`` once crashed with "got multiple values for keyword argument"."""
    code, out, err, exc = _run(
        "render", str(HUAIAN), "--to", "markdown", "-o", "-", "--option", f"{key}=x",
        "--locale", locale,
    )  # fmt: skip
    assert code == 2 and isinstance(exc, SystemExit), err
    assert words in err and f"{key}=" in err and flag in err
    assert "Traceback" not in err and "TypeError" not in err and out == ""


@pytest.mark.parametrize(("locale", "words"), [("zh_Hans_CN", "格式应为"), ("en", "expects")])
def test_cli_malformed_option(site: Site, workdir: Path, locale: str, words: str) -> None:
    code, _, err, _ = _run(
        "render", str(HUAIAN), "--to", "json", "--option", "dpi", "--locale", locale
    )
    assert code == 2 and words in err and "KEY=VALUE" in err and "'dpi'" in err
    assert list(workdir.iterdir()) == []


@pytest.mark.parametrize(
    ("locale", "words", "named"),
    [("zh_Hans_CN", "无法使用", "输出格式“picky”"), ("en", "cannot use", "Renderer 'picky'")],
)
def test_cli_options_the_renderer_cannot_use(
    site: Site, workdir: Path, locale: str, words: str, named: str
) -> None:
    """A renderer raising RenderError was asked for the impossible: exit 2, not a bug."""
    source = """
    from govdisclosure.plugin.specs import hookimpl
    from govdisclosure.plugin.types import Renderer
    from govdisclosure.rendering import RenderError

    def _render(report, options):
        raise RenderError(f"no such paper: {options.extra.get('paper')}")

    @hookimpl
    def govdisclosure_renderers():
        return [Renderer(name="picky", media_type="text/plain", suffix=".txt",
                         editions=frozenset({"2021"}), render=_render)]
    """
    site.install(source)
    code, _, err, exc = _run(
        "render", str(HUAIAN), "--to", "picky", "--option", "paper=A0", "--locale", locale
    )
    assert code == 2 and isinstance(exc, SystemExit)
    assert words in err and "no such paper: A0" in err and named in err
    assert "Traceback" not in err
    assert list(workdir.iterdir()) == []


_HOOKS_RAISE = """
from govdisclosure.plugin.specs import hookimpl

@hookimpl
def govdisclosure_renderers():
    raise RuntimeError("renderers hook broke")

@hookimpl
def govdisclosure_rules():
    raise RuntimeError("rules hook broke")
"""


@pytest.mark.parametrize("command", ["validate", "render"])
@pytest.mark.parametrize(
    ("locale", "words"), [("zh_Hans_CN", "警告：插件"), ("en", "Warning: plugin")]
)
def test_failed_plugins_are_warned_about_and_the_command_carries_on(
    site: Site, workdir: Path, command: str, locale: str, words: str
) -> None:
    """One stderr line per failed plugin (not only in ``govdisclosure plugins``)."""
    at_import, _, import_dist = site.install(
        "raise RuntimeError('boom at import')\n", version="2.3"
    )
    in_hooks, _, hooks_dist = site.install(_HOOKS_RAISE, version="0.9")
    args = [str(HUAIAN), "--locale", locale]
    if command == "render":
        args += ["--to", "json", "-o", "-"]
    code, out, err, _ = _run(command, *args)
    assert code == 0, err
    warnings = [line for line in err.splitlines() if words in line]
    assert len(warnings) == 2, err
    first, second = warnings
    assert at_import in first and f"{import_dist} 2.3" in first and "boom at import" in first
    assert in_hooks in second and f"{hooks_dist} 0.9" in second and "hook broke" in second
    assert "govdisclosure plugins" in first and "Traceback" not in err
    # The plugin's own words (English) are the marked detail, not the message.
    detail = "（详情：" if locale == "zh_Hans_CN" else " (detail: "
    assert first.index(detail) < first.index("RuntimeError: boom at import"), first
    if command == "render":
        assert out.encode() == gd.render(gd.load(HUAIAN), "json")


def test_no_warning_without_failed_plugins(site: Site, workdir: Path) -> None:
    code, _, err, _ = _run("validate", str(HUAIAN), "--locale", "en")
    assert code == 0 and "Warning" not in err


def test_failed_plugin_in_strict_mode_is_an_error(
    site: Site, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    name, _, _ = site.install("raise RuntimeError('boom')\n")
    monkeypatch.setenv("GOVDISCLOSURE_STRICT_PLUGINS", "1")
    for args in (["validate", str(HUAIAN)], ["render", str(HUAIAN), "--to", "json", "-o", "-"]):
        code, out, err, exc = _run(*args)
        assert code == 2 and isinstance(exc, SystemExit), err
        assert name in err and "boom" in err and "Traceback" not in err and out == ""


def test_cli_output_and_directory_together_for_one_file(workdir: Path) -> None:
    """One FILE with both -o and -d: the message says to give one of them (it said
    "use -d DIR for many", though there was one file and -d was given)."""
    args = ["render", str(HUAIAN), "--to", "json", "-o", "x.json", "-d", "out"]
    code, _, err, _ = _run(*args, "-l", "en")
    assert code == 2
    assert "-o FILE or -d DIR, not both" in err
    assert list(workdir.iterdir()) == []


@pytest.mark.parametrize(
    ("locale", "said"),
    [
        ("en", "missing.json: Cannot read report (1)\n  $: expected a file that exists"),
        ("zh_Hans_CN", "missing.json: 无法读取报告（1）\n  $: 应为存在的文件"),
    ],
)
def test_one_missing_file_with_o_is_said_missing(tmp_path: Path, locale: str, said: str) -> None:
    """It was said "-o names the output of one FILE; use -d DIR for many",
    as if a missing file were many."""
    missing = tmp_path / "missing.json"
    code, _, err, _ = _run(
        "render", str(missing), "--to", "markdown", "-o", str(tmp_path / "x.md"), "-l", locale
    )
    assert code == 2
    assert f"{tmp_path}/{said}" in err, err
    assert "-d" not in err
    # As show and validate say it: the file first, no "Error:" before it.
    assert err.startswith(f"{tmp_path}/{said}"), err


@pytest.mark.parametrize("command", ["validate", "render"])
def test_ctrl_c_while_plugins_load_stops_the_command(
    site: Site, workdir: Path, command: str
) -> None:
    """Ctrl-C before a batch's loop (here while a plugin is imported) ends the
    command with exit status 2 and a line in the locale: it was taken for the
    plugin's failure and the run went on to the end, exit status 0, or stopped
    with click's "Aborted!" and exit status 1, the status of errors found."""
    site.install("raise KeyboardInterrupt\n")
    args = ["--to", "markdown"] if command == "render" else []
    code, stdout, err, _ = _run(command, str(HUAIAN), *args, "--locale", "zh_CN")
    assert code == 2
    assert err.strip() == "已中断：命令已停止"
    assert stdout == "" and list(workdir.iterdir()) == []
