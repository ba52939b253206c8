"""``govdisclosure plugins``: what is installed, what each plugin provides, what failed.

The first thing to run when a format is missing: a plugin that failed to
import (or whose hook raised) is listed here by name, distribution and
version with its error, while the plugins that work keep working.
``--format json`` gives the same as one JSON object for scripts;
``--verbose`` adds the full tracebacks of failures.

Exit status: 0, even when some plugin failed (the listing is the report);
2 when strict mode (``GOVDISCLOSURE_STRICT_PLUGINS=1``) turned a failure
into an error.
"""

from __future__ import annotations

from typing import Any

import attrs
import click
import orjson

from ..i18n import N_, gettext, series
from ..plugin import manager as pm
from ._output import locale_option
from .render import InputError

#: What a conflict is about (:attr:`govdisclosure.plugin.manager.Conflict.kind`).
_KINDS: dict[str, str] = {
    "plugin": N_("plugin"),
    "renderer": N_("renderer"),
    "loader": N_("loader"),
    "rule": N_("rule"),
    "template": N_("statistics template"),
    "edition": N_("edition"),
}


def _failure(locale: str, failure: pm.PluginFailure) -> str:
    """:meth:`~govdisclosure.plugin.manager.PluginFailure.describe` in ``locale``."""
    where = f" {failure.distribution} {failure.version}" if failure.distribution else ""
    plugin = f"{failure.name}{where}"
    error = failure.said(locale)
    if failure.hook:
        message = gettext(locale, "{plugin} in {hook}: {error}")
        return message.format(plugin=plugin, hook=failure.hook, error=error)
    return f"{plugin}: {error}"


__all__ = ["command", "listing"]


def listing() -> dict[str, Any]:
    """Plugins, failures and conflicts as plain data (the JSON output)."""
    return {
        "plugins": [attrs.asdict(i) for i in pm.plugin_infos()],
        "renderers": {
            name: {
                "media_type": r.media_type,
                "suffix": r.suffix,
                "editions": None if r.editions is None else sorted(r.editions),
                "description": r.description,
            }
            for name, r in sorted(pm.renderers().items())
        },
        "failures": [attrs.asdict(f) for f in pm.failures()],
        "conflicts": [attrs.asdict(c) for c in pm.conflicts()],
    }


def _text(locale: str, verbose: bool) -> str:
    # Punctuated as the locale writes: "插件（9）", "钩子：…", "Plugins (9)", "hooks: …".
    def counted(heading: str, n: int) -> str:
        return gettext(locale, "{heading} ({count})").format(
            heading=gettext(locale, heading), count=n
        )

    def labelled(label: str, value: str) -> str:
        return "    " + gettext(locale, "{label}: {value}").format(
            label=gettext(locale, label), value=value
        )

    lines: list[str] = []
    infos = pm.plugin_infos()
    lines.append(counted(N_("Plugins"), len(infos)))
    for info in infos:
        origin = (
            f"{info.distribution} {info.version}"
            if info.distribution
            else gettext(locale, "registered in code")
        )
        said = N_("({origin}) [built-in]") if info.builtin else N_("({origin})")
        lines.append(f"  {info.name}  " + gettext(locale, said).format(origin=origin))
        provides = [
            (N_("renderers"), info.renderers),
            (N_("loaders"), info.loaders),
            (N_("statistics templates"), info.templates),
        ]
        for what, names in provides:
            if names:
                lines.append(labelled(what, series(locale, names)))
        if info.rules:
            lines.append(labelled(N_("rules"), str(len(info.rules))))
        for catalog in info.catalogs:
            # One line a file: the locale, the domain and where it is.
            said = series(locale, (catalog.locale, catalog.domain, catalog.file))
            lines.append(labelled(N_("message catalog"), said))
        lines.append(labelled(N_("hooks"), series(locale, info.hooks)))
    failures = pm.failures()
    lines.append(counted(N_("Failures"), len(failures)))
    for failure in failures:
        lines.append(f"  {_failure(locale, failure)}")
        if verbose and failure.details:
            lines.extend("    " + line for line in failure.details.rstrip().splitlines())
    conflicts = pm.conflicts()
    if conflicts:
        lines.append(counted(N_("Conflicts"), len(conflicts)))
        for c in conflicts:
            lines.append(
                "  "
                + gettext(locale, "{kind} {name!r}: {kept} is used, {ignored} is ignored").format(
                    kind=gettext(locale, _KINDS.get(c.kind, c.kind)),
                    name=c.name,
                    kept=c.kept,
                    ignored=c.ignored,
                )
            )
    return "\n".join(lines)


@click.command(name="plugins")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text for people, json for scripts.",
)
@click.option("--verbose", "-v", is_flag=True, default=False, help="Show failure tracebacks.")
def command(fmt: str, verbose: bool, locale: str) -> None:
    """List installed plugins, what each provides, and any that failed."""
    try:
        if fmt == "json":
            click.echo(orjson.dumps(listing(), option=orjson.OPT_INDENT_2).decode())
        else:
            click.echo(_text(locale, verbose))
    except pm.PluginError as exc:
        raise InputError(str(exc)) from None


command.params.append(locale_option())
