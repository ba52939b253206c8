"""A plugin's messages in the user's locale, from the catalogs it ships.

The plugin is installed as pip leaves one (a module and its ``dist-info``,
see ``fake_plugins``) with a ``locale`` folder beside its module, laid out as
the core's: ``<locale>/LC_MESSAGES/<domain>.po``.  Its rule's finding reads
in Chinese in a Chinese run and in English in an English one; a message its
catalog does not translate is shown as its id.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import pytest
from click.testing import CliRunner

import govdisclosure as gd
from fake_plugins import Site
from govdisclosure.cli import cli
from govdisclosure.plugin import manager as pm
from locations import ROOT

HUAIAN = ROOT / "examples" / "huaian-2024.json"

TRANSLATED = "The unit has no region code"
CHINESE = "单位未填写行政区划代码"
UNTRANSLATED = "The unit's seal is not described"
TITLE = "Unit without a region code"
CHINESE_TITLE = "单位缺少行政区划代码"

SOURCE = """
from pathlib import Path

from govdisclosure.plugin import Finding, MessageCatalog, Rule, hookimpl


def _check(report, context):
    for message_id in ({translated!r}, {untranslated!r}):
        yield Finding(
            rule="gdtest.region-code",
            severity="warning",
            path="$.unit",
            involves=("$.unit",),
            message_id=message_id,
        )


RULE = Rule(
    id="gdtest.region-code",
    severity="warning",
    title={title!r},
    description="Every unit in the province reports with its GB/T 2260 code.",
    source="Provincial practice",
    basis="practitioner",
    editions=None,
    check=_check,
)


@hookimpl
def govdisclosure_rules():
    return [RULE]


@hookimpl
def govdisclosure_message_catalogs():
    return [MessageCatalog(domain="gdtest_jiangsu", directory=Path(__file__).parent / "{folder}")]
"""

PO = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "{translated}"
msgstr "{chinese}"

msgid "{title}"
msgstr "{chinese_title}"

#, fuzzy
msgid "{untranslated}"
msgstr "印章说明（存疑的译文，不显示）"
"""


@pytest.fixture
def jiangsu(site: Site) -> str:
    """The plugin installed, with its Chinese catalog; returns its module name."""
    folder = f"gdtest_locale_{id(site)}"
    catalog = site.root / folder / "zh_Hans_CN" / "LC_MESSAGES" / "gdtest_jiangsu.po"
    catalog.parent.mkdir(parents=True)
    catalog.write_text(
        PO.format(
            translated=TRANSLATED,
            chinese=CHINESE,
            title=TITLE,
            chinese_title=CHINESE_TITLE,
            untranslated=UNTRANSLATED,
        ),
        encoding="utf-8",
    )
    source = SOURCE.format(
        translated=TRANSLATED, untranslated=UNTRANSLATED, title=TITLE, folder=folder
    )
    _, module, _ = site.install(source, dist="govdisclosure-gdtest-jiangsu")
    return module


def _mine(findings: Iterable[gd.Finding]) -> list[gd.Finding]:
    return [f for f in findings if f.rule == "gdtest.region-code"]


def test_a_plugin_finding_reads_in_the_locale_asked(jiangsu: str) -> None:
    found = _mine(gd.validate(gd.load(HUAIAN)))
    assert [f.message("zh_Hans_CN") for f in found] == [CHINESE, UNTRANSLATED]
    assert [f.message("zh") for f in found] == [CHINESE, UNTRANSLATED]
    assert [f.message("en") for f in found] == [TRANSLATED, UNTRANSLATED]
    assert pm.failures() == ()


@pytest.mark.parametrize(
    ("locale", "said"), [("zh", CHINESE), ("zh_Hans_CN", CHINESE), ("en", TRANSLATED)]
)
def test_validate_prints_the_plugin_finding_in_the_locale(
    jiangsu: str, locale: str, said: str
) -> None:
    result = CliRunner().invoke(cli, ["validate", str(HUAIAN), "-l", locale])
    lines = [line for line in result.stdout.splitlines() if "gdtest.region-code" in line]
    assert len(lines) == 2, result.output
    assert said in lines[0] and CHINESE not in lines[1]
    assert UNTRANSLATED in lines[1]  # not translated (fuzzy): its id, in either locale


def test_a_plugin_rule_title_in_sarif(jiangsu: str) -> None:
    result = CliRunner().invoke(cli, ["validate", str(HUAIAN), "-l", "zh", "--format", "sarif"])
    rules = json.loads(result.stdout)["runs"][0]["tool"]["driver"]["rules"]
    mine = next(r for r in rules if r["id"] == "gdtest.region-code")
    assert mine["shortDescription"]["text"] == CHINESE_TITLE


def test_the_core_wording_comes_first(site: Site, tmp_path: Path) -> None:
    # A plugin catalog cannot change what the core's catalog says.
    catalog = site.root / "gdtest_core" / "zh_Hans_CN" / "LC_MESSAGES" / "gdtest_core.po"
    catalog.parent.mkdir(parents=True)
    catalog.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Cannot read report"\nmsgstr "别的说法"\n',
        encoding="utf-8",
    )
    site.install(
        "from pathlib import Path\n"
        "from govdisclosure.plugin import MessageCatalog, hookimpl\n\n"
        "@hookimpl\n"
        "def govdisclosure_message_catalogs():\n"
        "    return [MessageCatalog('gdtest_core', Path(__file__).parent / 'gdtest_core')]\n"
    )
    assert len(pm.message_catalogs()) == 1
    assert gd.plugin.gettext("zh", "Cannot read report") == "无法读取报告"


def test_core_findings_do_not_ask_the_plugins(
    jiangsu: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The every-rule path: a core finding's text is found in the core's table.
    core = [f for f in gd.validate(gd.load(ROOT / "examples" / "hongze-2024.json"))]
    core = [f for f in core if f.rule != "gdtest.region-code"]
    assert core
    asked: list[str] = []

    def counted() -> tuple[object, ...]:
        asked.append("catalogs")
        return ()

    monkeypatch.setattr(pm, "message_catalogs", counted)
    for finding in core:
        finding.message("zh")
    assert asked == []
