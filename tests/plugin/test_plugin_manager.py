"""The plugin manager: discovery one entry point at a time, failures by name, typed facade."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import govdisclosure as gd
from fake_plugins import Site, renderer_source
from govdisclosure.editions.legacy import StatisticsTemplate
from govdisclosure.plugin import manager as pm
from govdisclosure.plugin.specs import hookimpl
from govdisclosure.plugin.types import Loader, Renderer
from govdisclosure.registry import find_template
from govdisclosure.validation.rules import Rule
from locations import EXAMPLES


def test_manager_is_cached_and_resettable(site: Site) -> None:
    first = pm.get_plugin_manager()
    assert pm.get_plugin_manager() is first
    pm.reset_plugin_manager()
    assert pm.get_plugin_manager() is not first


def test_builtins_and_installed_plugins(site: Site) -> None:
    infos = {i.name: i for i in pm.plugin_infos()}
    builtin = infos["govdisclosure.plugin.builtin"]
    assert builtin.builtin and builtin.distribution == "govdisclosure"
    assert "govdisclosure_rules" in builtin.hooks and builtin.rules
    # The renderer plugins of this repository are installed distributions.
    assert {"json", "markdown"} <= set(pm.renderers())
    assert infos["markdown"].distribution == "govdisclosure-markdown"
    assert infos["markdown"].renderers == ("markdown",)
    assert pm.failures() == ()


def test_rules_are_typed_and_include_the_core(site: Site) -> None:
    rules = pm.rules()
    assert rules and all(isinstance(r, Rule) for r in rules)
    assert "table3.balance" in {r.id for r in rules}


def test_a_plugin_that_fails_to_import_is_reported_and_the_others_work(site: Site) -> None:
    name, _, dist = site.install("raise RuntimeError('boom at import')\n", version="2.3")
    failures = pm.failures()
    assert [(f.name, f.distribution, f.version, f.hook) for f in failures] == [
        (name, dist, "2.3", None)
    ]
    assert failures[0].error == "RuntimeError: boom at import"
    assert "Traceback" in failures[0].details
    assert {"json", "markdown"} <= set(pm.renderers())


def test_two_broken_plugins_are_both_reported(site: Site) -> None:
    a, _, _ = site.install("raise ImportError('missing dependency')\n")
    b, _, _ = site.install("import a_module_that_does_not_exist\n")
    assert {f.name for f in pm.failures()} == {a, b}
    assert "markdown" in pm.renderers()


def test_strict_mode_raises(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    name, _, _ = site.install("raise RuntimeError('boom')\n")
    monkeypatch.setenv(pm.STRICT_ENV, "1")
    pm.reset_plugin_manager()
    with pytest.raises(pm.PluginError, match=name) as info:
        pm.get_plugin_manager()
    assert info.value.failure.name == name


def test_autoload_can_be_disabled(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    site.install("raise RuntimeError('never imported')\n")
    monkeypatch.setenv(pm.DISABLE_AUTOLOAD_ENV, "1")
    pm.reset_plugin_manager()
    assert pm.renderers() == {}
    assert pm.failures() == ()
    # Built-ins are not entry points: the core's rules stay.
    assert pm.rules()


def test_a_subset_of_plugins_by_name(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    site.install("raise RuntimeError('not selected, never imported')\n")
    monkeypatch.setenv(pm.PLUGINS_ENV, "json, govdisclosure-markdown")
    pm.reset_plugin_manager()
    assert set(pm.renderers()) == {"json", "markdown"}
    assert pm.failures() == ()


def test_a_hook_that_raises_is_reported_and_the_others_kept(site: Site) -> None:
    source = """
    from govdisclosure.plugin.specs import hookimpl

    @hookimpl
    def govdisclosure_renderers():
        raise ValueError("bad renderer hook")
    """
    name, _, dist = site.install(source)
    renderers = pm.renderers()
    assert {"json", "markdown"} <= set(renderers)
    (failure,) = pm.failures()
    assert (failure.name, failure.distribution, failure.hook) == (
        name,
        dist,
        "govdisclosure_renderers",
    )
    assert failure.error == "ValueError: bad renderer hook"
    # Asking again does not report it twice.
    pm.renderers()
    assert len(pm.failures()) == 1


def test_a_hook_returning_the_wrong_type_is_reported(site: Site) -> None:
    source = """
    from govdisclosure.plugin.specs import hookimpl

    @hookimpl
    def govdisclosure_renderers():
        return ["not a renderer"]

    @hookimpl
    def govdisclosure_loaders():
        return "a string is not a list"
    """
    name, _, _ = site.install(source)
    assert all(isinstance(r, Renderer) for r in pm.renderers().values())
    # Only the installed plugins' well-formed loaders (html, xlsx), none from the bad plugin.
    assert all(isinstance(loader, Loader) for loader in pm.loaders().values())
    hooks = {(f.name, f.hook) for f in pm.failures()}
    assert hooks == {(name, "govdisclosure_renderers"), (name, "govdisclosure_loaders")}


def test_a_misspelt_hook_is_a_failure(site: Site) -> None:
    source = """
    from govdisclosure.plugin.specs import hookimpl

    @hookimpl
    def govdisclosure_renderer():
        return []
    """
    name, _, _ = site.install(source)
    (failure,) = pm.failures()
    assert failure.name == name and "govdisclosure_renderer" in failure.error
    assert name not in {i.name for i in pm.plugin_infos()}


def test_a_wrong_hook_signature_is_a_failure(site: Site) -> None:
    source = """
    from govdisclosure.plugin.specs import hookimpl

    @hookimpl
    def govdisclosure_renderers(unknown_argument):
        return []
    """
    name, _, _ = site.install(source)
    (failure,) = pm.failures()
    assert failure.name == name and "unknown_argument" in failure.error


def test_renderer_name_conflict_first_registered_wins(site: Site) -> None:
    # Two entry points of one distribution load in the order declared.
    first = site.install(renderer_source("dup", body="first"))
    second_module = site.root / "gdtest_second_dup.py"
    second_module.write_text(renderer_source("dup", body="second"), encoding="utf-8")
    info = next(site.root.glob(f"{first[2].replace('-', '_')}-*.dist-info"))
    with (info / "entry_points.txt").open("a", encoding="utf-8") as handle:
        handle.write("seconddup = gdtest_second_dup\n")
    pm.reset_plugin_manager()
    report = gd.Report2021(unit=gd.ReportingUnit(name="X"), year=2024)
    assert gd.render(report, "dup") == b"first"
    (conflict,) = pm.conflicts()
    assert (conflict.kind, conflict.name, conflict.kept, conflict.ignored) == (
        "renderer",
        "dup",
        first[0],
        "seconddup",
    )


def test_templates_from_plugins_reach_the_registry(site: Site) -> None:
    base = find_template("fujian-2011")
    source = """
    import attrs
    from govdisclosure.plugin.specs import hookimpl
    from govdisclosure.registry import find_template

    @hookimpl
    def govdisclosure_statistics_templates():
        base = find_template("fujian-2011")
        return [attrs.evolve(base, id="gdtest-province-2012", title="测试统计表"),
                attrs.evolve(base, title="a plugin may not replace a built-in")]
    """
    name, _, _ = site.install(source)
    templates = pm.templates()
    assert isinstance(templates["gdtest-province-2012"], StatisticsTemplate)
    assert templates["fujian-2011"] is base
    assert find_template("gdtest-province-2012").title == "测试统计表"
    assert find_template("fujian-2011") is base
    conflicts = [(c.kind, c.name, c.ignored) for c in pm.conflicts()]
    assert conflicts == [("template", "fujian-2011", name)]
    info = next(i for i in pm.plugin_infos() if i.name == name)
    assert info.templates == ("gdtest-province-2012", "fujian-2011")
    # A legacy report on the plugin's template loads.
    report = gd.ReportLegacy(
        unit=gd.ReportingUnit(name="X"),
        year=2012,
        statistics=gd.StatisticsTable(template="gdtest-province-2012", rows={"1": {"year": 3}}),
    )
    assert gd.loads(gd.dumps(report)) == report


def test_a_plugin_registered_in_code_is_seen(site: Site) -> None:
    class InCode:
        @hookimpl
        def govdisclosure_renderers(self) -> list[Renderer]:
            return [
                Renderer(
                    name="in-code",
                    media_type="text/plain",
                    suffix=".txt",
                    editions=frozenset({"2021"}),
                    render=lambda r, o: b"",
                )
            ]

    manager = pm.get_plugin_manager()
    assert "in-code" not in pm.renderers()
    plugin = InCode()
    manager.register(plugin, name="in-code-plugin")
    assert "in-code" in pm.renderers()
    info = next(i for i in pm.plugin_infos() if i.name == "in-code-plugin")
    assert (info.distribution, info.builtin) == (None, False)
    manager.unregister(plugin)
    assert "in-code" not in pm.renderers()


def test_the_renderers_a_caller_changes_are_its_own(site: Site) -> None:
    # renderers() keeps its table while the plugins stay the same: each
    # caller gets a copy.
    mine = pm.renderers()
    mine.pop("markdown")
    assert "markdown" in pm.renderers()
    assert pm.renderers() == pm.renderers() and pm.renderers() is not pm.renderers()


def test_a_hook_asking_for_its_own_results_does_not_recurse(site: Site) -> None:
    source = """
    import attrs
    from govdisclosure.plugin.specs import hookimpl
    from govdisclosure.registry import UnknownTemplateError, find_template

    @hookimpl
    def govdisclosure_statistics_templates():
        try:
            find_template("gdtest-not-yet-known")
        except UnknownTemplateError:
            pass
        return [attrs.evolve(find_template("fujian-2011"), id="gdtest-reentrant")]
    """
    site.install(source)
    assert "gdtest-reentrant" in pm.templates()
    assert pm.failures() == ()


def test_an_impostor_called_pdf_is_a_reported_conflict_and_the_official_renderer_renders(
    site: Site,
) -> None:
    """An entry point and a renderer both named ``pdf`` in another distribution
    must not replace the official PDF renderer."""
    site.install(renderer_source("pdf", body="IMPOSTOR"), entry_point="pdf", dist="evil-pdf")
    report = gd.load(EXAMPLES / "huaian-2024.json")
    assert gd.render(report, "pdf").startswith(b"%PDF")
    found = {(c.kind, c.name) for c in pm.conflicts()}
    assert ("renderer", "pdf") in found and ("plugin", "pdf") in found
    info = {i.name: i for i in pm.plugin_infos()}
    assert info["pdf"].distribution == "govdisclosure-pdf"
    assert info["evil-pdf:pdf"].distribution == "evil-pdf"


def test_naming_another_plugin_explicitly_lets_it_render(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    site.install(renderer_source("pdf", body="OTHER"), entry_point="pdf", dist="other-pdf")
    monkeypatch.setenv("GOVDISCLOSURE_PLUGINS", "other-pdf")
    pm.reset_plugin_manager()
    report = gd.load(EXAMPLES / "huaian-2024.json")
    assert gd.render(report, "pdf") == b"OTHER"


def test_a_plugin_exiting_while_it_loads_is_contained(site: Site) -> None:
    name, _, _ = site.install("raise SystemExit(3)\n")
    report = gd.load(EXAMPLES / "huaian-2024.json")
    assert gd.validate(report) is not None  # the process goes on
    (failure,) = [f for f in pm.failures() if f.name == name]
    assert "SystemExit" in failure.error


@pytest.mark.parametrize("where", ["import", "hook"])
def test_ctrl_c_while_a_plugin_loads_stops_the_caller(site: Site, where: str) -> None:
    """The user's Ctrl-C is no failure of the plugin it falls in: it was
    reported as one and the command went on to the end (exit status 0)."""
    if where == "import":
        site.install("raise KeyboardInterrupt\n")
    else:
        site.install(
            "from govdisclosure.plugin.specs import hookimpl\n"
            "@hookimpl\n"
            "def govdisclosure_rules():\n"
            "    raise KeyboardInterrupt\n"
        )
    report = gd.load(EXAMPLES / "huaian-2024.json")
    with pytest.raises(KeyboardInterrupt):
        gd.validate(report)
    with pytest.raises(KeyboardInterrupt):  # still to load, not dropped as failed
        gd.validate(report)


def test_a_rule_registered_in_code_is_run_and_dropped_with_its_plugin(site: Site) -> None:
    """The installed rules are kept between reports, and follow the plugins."""
    report = gd.load(EXAMPLES / "huaian-2024.json")
    first = pm.rules()
    assert pm.rules() is first  # asked again with no plugin change: the same tuple

    class InCode:
        @hookimpl
        def govdisclosure_rules(self) -> list[Rule]:
            return [
                Rule(
                    id="in-code.always",
                    severity="notice",
                    title="Always",
                    description="Reports every report.",
                    source="A test",
                    basis="heuristic",
                    check=lambda r, c: [
                        gd.Finding(rule="in-code.always", severity="notice", path="$")
                    ],
                )
            ]

    manager = pm.get_plugin_manager()
    plugin = InCode()
    manager.register(plugin, name="in-code-rules")
    assert "in-code.always" in {r.id for r in pm.rules()}
    assert "in-code.always" in {f.rule for f in gd.validate(report)}
    manager.unregister(plugin)
    assert pm.rules() == first
    assert "in-code.always" not in {f.rule for f in gd.validate(report)}


def _kept_until_a_plugin_changes(
    ask: Callable[[], tuple[Any, ...]],
    hook: str,
    in_code: type,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``ask()`` answered again, with the same plugins registered, by the last
    tuple without walking the hooks' cache; a plugin registered in code
    (``in_code``, same name, another object) is a change."""
    first = ask()
    ask()  # the first call may have loaded plugins: now they stay

    def no_walk(state: object, hook: str) -> object:
        raise AssertionError(f"the hook cache was walked for {hook}")

    monkeypatch.setattr(pm, "_collect", no_walk)
    assert ask() is first
    monkeypatch.undo()

    manager = pm.get_plugin_manager()
    plugin = in_code()
    manager.register(plugin, name="in-code-none")
    try:
        assert ask() == first
        walked: list[str] = []
        real = pm._collect

        def counted(state: object, hook: str) -> object:
            walked.append(hook)
            return real(state, hook)  # type: ignore[arg-type]

        monkeypatch.setattr(pm, "_collect", counted)
        manager.unregister(plugin)
        manager.register(in_code(), name="in-code-none")  # same name, another object
        ask()
        assert hook in walked
    finally:
        manager.unregister(name="in-code-none")


def test_the_rules_asked_again_without_a_plugin_change_skip_the_hook_cache(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Asked once per report: the last tuple is kept until a plugin changes."""

    class Other:
        @hookimpl
        def govdisclosure_rules(self) -> list[Rule]:
            return []

    _kept_until_a_plugin_changes(pm.rules, "govdisclosure_rules", Other, monkeypatch)


def test_validating_a_report_imports_nothing_once_the_rules_are_known(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``gd.validate(report)`` and ``check(report)`` find the installed
    rules without running an import statement per report."""
    import builtins

    from govdisclosure.check import check

    report = gd.load(EXAMPLES / "huaian-2024.json")
    gd.validate(report)
    check(report)
    imported: list[str] = []
    real = builtins.__import__

    def counted(name: str, *args: Any, **kwargs: Any) -> Any:
        imported.append(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", counted)
    gd.validate(report)
    check(report)
    monkeypatch.undo()
    assert "plugin.manager" not in imported and "govdisclosure.plugin.manager" not in imported


def test_the_plugin_editions_asked_again_without_a_plugin_change_skip_the_hook_cache(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Asked at every walk of the edition registry (an HTML import walks it
    once per page): the last tuple is kept until a plugin changes."""

    class Other:
        @hookimpl
        def govdisclosure_editions(self) -> list[Any]:
            return []

    _kept_until_a_plugin_changes(pm.plugin_editions, "govdisclosure_editions", Other, monkeypatch)
    assert list(gd.EDITIONS) == ["2021", "2019", "legacy", *(e.id for e in pm.plugin_editions())]


@pytest.mark.parametrize(
    ("locale", "words"),
    [
        ("en", ["Conflicts", "renderer 'pdf': ", "plugin 'pdf': "]),
        ("zh_Hans_CN", ["冲突", "输出格式 'pdf'：", "插件 'pdf'："]),
    ],
)
def test_the_plugins_listing_names_a_conflict_in_the_users_language(
    site: Site, locale: str, words: list[str]
) -> None:
    from click.testing import CliRunner

    from govdisclosure.cli import cli

    site.install(renderer_source("pdf", body="IMPOSTOR"), entry_point="pdf", dist="evil-pdf")
    result = CliRunner().invoke(cli, ["plugins", "-l", locale])
    assert result.exit_code == 0, result.output
    for word in words:
        assert word in result.output
    if locale != "en":
        assert "renderer 'pdf'" not in result.output and " is ignored" not in result.output
