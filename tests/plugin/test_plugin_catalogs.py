"""A plugin's catalogs for every text it fills, and a catalog that is damaged.

The plugin (installed as pip leaves one, see ``fake_plugins``) reads a toy
format, ``UNIT|YEAR|NEW`` in a ``.line`` file, and refuses anything else with
a load problem whose ``expected`` is its own message id; its renderer refuses
an option with an error of its own.  Both read in Chinese from the plugin's
catalog, as its findings do (``test_plugin_messages.py``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import govdisclosure as gd
from fake_plugins import Site
from govdisclosure.cli import cli
from govdisclosure.errors import LocalizedError
from govdisclosure.i18n import CatalogError, check_plugin_catalog
from govdisclosure.plugin import manager as pm

EXPECTED = "one line UNIT|YEAR|NEW"
CHINESE_EXPECTED = "一行“单位|年份|新收申请数”"
REFUSAL = "{key} of the line renderer must be a number, not {value!r}"
CHINESE_REFUSAL = "line 渲染器的 {key} 应为数字，而不是 {value!r}"

SOURCE = """
from pathlib import Path

from govdisclosure.errors import LocalizedError
from govdisclosure.plugin import LoadError, Loader, MessageCatalog, Problem, Renderer, hookimpl
from govdisclosure.rendering import RenderError


def _load(data, source):
    raise LoadError([Problem("$", {expected!r}, data[:10].decode())], source)


class WidthError(LocalizedError, RenderError):
    def __init__(self, value):
        self._localize("bad-width", {refusal!r}, {{"key": "width", "value": value}}, path="width")


def _render(report, options):
    raise WidthError(options.extra["width"])


@hookimpl
def govdisclosure_loaders():
    return [Loader(name="line", suffixes=frozenset({{".line"}}), load=_load)]


@hookimpl
def govdisclosure_renderers():
    return [Renderer(name="line", media_type="text/plain", suffix=".txt", render=_render)]


@hookimpl
def govdisclosure_message_catalogs():
    return [MessageCatalog("gdtest_line", Path(__file__).parent / {folder!r})]
"""

PO = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "{expected}"
msgstr "{chinese_expected}"

msgid "{refusal}"
msgstr "{chinese_refusal}"
"""


def _install(site: Site, po: bytes | None, locale: str = "zh_Hans_CN") -> Path:
    """The plugin, with ``po`` as its catalog for ``locale`` (none: not even
    the folder it registers); the catalog's path."""
    folder = f"gdtest_line_locale_{id(site)}"
    catalog = site.root / folder / locale / "LC_MESSAGES" / "gdtest_line.po"
    if po is not None:
        catalog.parent.mkdir(parents=True)
        catalog.write_bytes(po)
    site.install(
        SOURCE.format(expected=EXPECTED, refusal=REFUSAL, folder=folder),
        dist="govdisclosure-gdtest-line",
    )
    return catalog


GOOD = PO.format(
    expected=EXPECTED,
    chinese_expected=CHINESE_EXPECTED,
    refusal=REFUSAL.replace('"', '\\"'),
    chinese_refusal=CHINESE_REFUSAL,
).encode("utf-8")


@pytest.fixture
def line(site: Site) -> Path:
    return _install(site, GOOD)


def test_a_loader_problem_reads_in_the_plugin_catalog(line: Path, tmp_path: Path) -> None:
    path = tmp_path / "unit.line"
    path.write_text("not a line", encoding="utf-8")
    with pytest.raises(gd.LoadError) as info:
        gd.load(path)
    assert info.value.problems[0].expected == EXPECTED
    assert f"应为{CHINESE_EXPECTED}" in info.value.render("zh_Hans_CN")
    assert f"expected {EXPECTED}" in info.value.render("en")
    result = CliRunner().invoke(cli, ["validate", str(path), "-l", "zh"])
    assert CHINESE_EXPECTED in result.output, result.output


def test_a_plugin_error_reads_in_the_plugin_catalog(line: Path) -> None:
    report = gd.load(Path(__file__).parents[2] / "examples" / "huaian-2024.json")
    with pytest.raises(LocalizedError) as info:
        gd.render(report, "line", width="wide")
    error = info.value
    assert error.render("zh") == "line 渲染器的 width 应为数字，而不是 'wide'"
    assert error.render("en") == "width of the line renderer must be a number, not 'wide'"
    assert str(error) == error.render("zh") + "\n" + error.render("en")


def test_plugins_lists_the_catalog_files(line: Path) -> None:
    result = CliRunner().invoke(cli, ["plugins", "-l", "en"])
    assert result.exit_code == 0, result.output
    assert f"    message catalog: zh_Hans_CN, gdtest_line, {line}" in result.stdout
    said = CliRunner().invoke(cli, ["plugins", "-l", "zh"]).stdout
    assert f"    消息目录：zh_Hans_CN、gdtest_line、{line}" in said
    listing = json.loads(CliRunner().invoke(cli, ["plugins", "--format", "json"]).stdout)
    (mine,) = [p for p in listing["plugins"] if p["distribution"] == "govdisclosure-gdtest-line"]
    assert mine["catalogs"] == [
        {"locale": "zh_Hans_CN", "domain": "gdtest_line", "file": str(line)}
    ]
    assert listing["failures"] == []


@pytest.mark.parametrize("locale", ["en", "zh_Hant_TW"])
def test_a_catalog_for_some_locales_only_is_no_damage(
    site: Site, tmp_path: Path, locale: str
) -> None:
    # Before: a folder without a Chinese or English file (a plugin shipping
    # only a locale the library does not show yet) was "catalog-missing".
    _install(site, GOOD, locale)
    path = tmp_path / "unit.line"
    path.write_text("not a line", encoding="utf-8")
    with pytest.raises(gd.LoadError) as info:
        gd.load(path)
    # No Chinese file: the plugin's id as written, and nothing said of it.
    assert f"应为 {EXPECTED}" in info.value.render("zh_Hans_CN")
    assert pm.usable_catalogs("zh_Hans_CN") == pm.message_catalogs()
    check_plugin_catalog("zh_Hans_CN", pm.message_catalogs()[0])
    assert pm.failures() == ()
    warned = CliRunner().invoke(cli, ["validate", str(path), "-l", "zh"])
    assert "gdtest" not in warned.stderr, warned.stderr


DAMAGED = {
    # A msgstr whose text lost its quotes.
    "syntax": (
        GOOD.replace(b'msgstr "\xe4\xb8\x80', b"msgstr \xe4\xb8\x80"),
        "catalog-syntax",
        "line 6: expected a line of a message catalog",
        "第 6 行：应为消息目录的一行",
    ),
    # Saved in GBK under a header that says UTF-8.
    "encoding": (
        GOOD.decode("utf-8").encode("gbk"),
        "catalog-encoding",
        "line 6: expected text in utf-8, as its header says",
        "第 6 行：应为其文件头所说的 utf-8 编码文本",
    ),
    # No folder where the plugin says its catalogs are.
    "missing": (
        None,
        "catalog-missing",
        "expected the folder of the plugin's message catalogs"
        " (<locale>/LC_MESSAGES/gdtest_line.po); there is none",
        "应为插件消息目录所在的文件夹（<locale>/LC_MESSAGES/gdtest_line.po），但没有该文件夹",
    ),
}


@pytest.mark.parametrize("damage", sorted(DAMAGED))
def test_a_damaged_catalog_is_said_once_and_the_messages_fall_back(
    site: Site, tmp_path: Path, damage: str
) -> None:
    po, code, english, chinese = DAMAGED[damage]
    catalog = _install(site, po)
    where = str(catalog if po is not None else catalog.parents[2])
    path = tmp_path / "unit.line"
    path.write_text("not a line", encoding="utf-8")
    with pytest.raises(gd.LoadError) as info:
        gd.load(path)
    # Shown, not raised: the plugin's id as written, in either locale.
    assert f"应为 {EXPECTED}" in info.value.render("zh_Hans_CN")
    assert f"expected {EXPECTED}" in info.value.render("en")
    info.value.render("zh_Hans_CN")  # asked again: still said once
    (failure,) = pm.failures()
    assert failure.name in {p.name for p in pm.plugin_infos()}
    assert failure.hook == "govdisclosure_message_catalogs"
    assert failure.distribution == "govdisclosure-gdtest-line"
    assert where in failure.said("en") and english in failure.said("en")
    assert where in failure.said("zh") and chinese in failure.said("zh")
    listed = CliRunner().invoke(cli, ["plugins", "-l", "zh"]).stdout
    assert "失败（1）" in listed and where in listed and chinese in listed, listed
    warned = CliRunner().invoke(cli, ["validate", str(path), "-l", "en"])
    lines = [x for x in warned.stderr.splitlines() if "gdtest" in x and "Warning" in x]
    assert len(lines) == 1 and where in lines[0] and english in lines[0], warned.stderr
    assert "Traceback" not in warned.output
    with pytest.raises(CatalogError) as fault:
        check_plugin_catalog("zh_Hans_CN", pm.message_catalogs()[0])
    assert (fault.value.code, fault.value.path) == (code, where)
