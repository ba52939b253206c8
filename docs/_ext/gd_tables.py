"""The ``official-tables`` directive: an edition's tables drawn as the format draws them.

The tables are rendered at build time from the table definitions, by the
HTML renderer of the ``govdisclosure-html`` plugin, on a blank report: the
merged header cells (rowspan/colspan), the captions and the row labels come
from the same ``Spec`` metadata that validation and the other renderers use,
so the page cannot drift from the code.  Usage in a MyST page::

    ```{official-tables} 2021
    ```

    ```{official-tables} legacy
    :template: fujian-2011
    :locale: en
    ```
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

import govdisclosure as gd

_TABLE = re.compile(r"<table\b.*?</table>", re.S)


def official_tables_html(
    edition: str, template: str | None = None, locale: str = "zh_Hans_CN"
) -> str:
    """The HTML of every statistics table of a blank report of ``edition``."""
    from govdisclosure_html import render_html

    report = gd.blank_report(edition, 2024 if edition != "legacy" else 2016, "某单位", template)
    tables = _TABLE.findall(render_html(report, locale, fragment=True))
    if not tables:
        raise ValueError(f"edition {edition!r} rendered no table")
    return "\n".join(f'<div class="gd-official">{t}</div>' for t in tables)


class OfficialTables(SphinxDirective):
    """``{official-tables} EDITION`` with optional ``:template:`` and ``:locale:``."""

    required_arguments = 1
    option_spec: ClassVar[dict[str, Any]] = {
        "template": directives.unchanged,
        "locale": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        edition = self.arguments[0]
        if edition not in gd.EDITIONS:
            raise self.error(f"unknown edition {edition!r}; known: {', '.join(gd.EDITIONS)}")
        html = official_tables_html(
            edition, self.options.get("template"), self.options.get("locale", "zh_Hans_CN")
        )
        return [nodes.raw("", html, format="html")]


class JsonSchema(SphinxDirective):
    """``{json-schema} EDITION``: the JSON Schema ``govdisclosure schema`` prints."""

    required_arguments = 1
    option_spec: ClassVar[dict[str, Any]] = {"template": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        # Run as the command itself, in a process of its own: autodoc, in
        # this process, rewrites the annotations the schema is built from.
        edition = self.arguments[0]
        command = [sys.executable, "-c", "from govdisclosure.cli import main; main()"]
        command += ["schema", "--edition", edition]
        if "template" in self.options:
            command += ["--template", self.options["template"]]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise self.error(f"govdisclosure schema failed: {done.stderr}")
        text = json.dumps(json.loads(done.stdout), ensure_ascii=False, indent=2)
        block = nodes.literal_block(text, text, language="json")
        return [block]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("official-tables", OfficialTables)
    app.add_directive("json-schema", JsonSchema)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
