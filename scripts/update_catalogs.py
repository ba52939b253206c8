#!/usr/bin/env python3
"""Bring the message catalogs up to date with the code and the table definitions.

Usage::

    python scripts/update_catalogs.py          # merge new ids, drop obsolete ones
    python scripts/update_catalogs.py --check  # exit 1 listing ids without translation

Message ids come from two places, and both are collected here so that no
list of labels is ever kept by hand:

1. **The table definitions.**  Every edition's report class is walked
   through its attrs fields: each :class:`~govdisclosure.fields.Spec` gives its
   label, column heading, block caption, unit and note; every
   ``ClassVar[str]`` or ``ClassVar[tuple[str, ...]]`` on a table or report
   class (``title``, ``note``, ``header``) is official text too, and so are
   the section headings of every edition record.  Every statistics template (built in, or from an installed
   plugin) gives its title, column labels, row labels and units.
2. **The code** under ``src/`` and ``plugins/*/src``: literal arguments of
   ``gettext(locale, "...")``, ``ngettext(locale, "...", "...", n)`` and
   ``N_("...")``, and the ``expected`` text of a ``Problem(path, "...")``
   or ``_Bad("...")`` (a load problem's ``expected`` is a message id by
   contract, see :class:`govdisclosure.errors.Problem`).
3. **The command line**: the help of every command and option, read from
   the click commands, and click's own words (its messages, found by
   Babel's extractor over the installed click, the names of its parameter
   types and its default metavariables).

Merging keeps every existing translation (Babel's ``Catalog.update`` with
fuzzy matching off: a guessed translation of a similar official label would
be wrong more often than right) and drops obsolete entries.  Ids that
translate to themselves are filled in automatically: an official Chinese
label in ``zh_Hans_CN`` and an English id in ``en``.  Everything else is a
translator's job; ``--check`` lists what is missing.
"""

from __future__ import annotations

import argparse
import ast
import io
import re
import sys
import typing
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import ClassVar

import attrs
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent

#: Call names whose literal arguments are message ids: for each, the
#: arguments that hold them, as (1-based position, keyword name).
KEYWORDS: dict[str, tuple[tuple[int, str], ...]] = {
    "gettext": ((2, "msgid"),),
    "ngettext": ((2, "singular"), (3, "plural")),
    "N_": ((1, "msgid"),),
    "Problem": ((2, "expected"),),
    "_Bad": ((1, "expected"),),
}

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")

MsgId = str | tuple[str, ...]


def is_chinese(msgid: str) -> bool:
    """True for official Chinese wording (a label), false for an English id.

    An id with Chinese characters and no Latin letter outside its
    ``{placeholders}`` is Chinese; an English message that quotes a Chinese
    label is still English.
    """
    text = _PLACEHOLDER.sub("", msgid)
    return bool(_CJK.search(text)) and not _ASCII_LETTER.search(text)


def source_dirs(root: Path = ROOT) -> list[Path]:
    """``src`` and every plugin's ``src``: where marked strings are looked for."""
    return [root / "src", *sorted(p for p in root.glob("plugins/*/src") if p.is_dir())]


# -- the table definitions -------------------------------------------------------


def _official_classvars(cls: type) -> Iterator[tuple[str, str]]:
    """``(name, text)`` of every ``ClassVar[str]`` / ``ClassVar[tuple[str, ...]]``."""
    hints = typing.get_type_hints(cls)
    for name, hint in hints.items():
        if typing.get_origin(hint) is not ClassVar:
            continue
        (inner,) = typing.get_args(hint)
        value = getattr(cls, name, None)
        if inner is str and isinstance(value, str):
            yield name, value
        elif inner == tuple[str, ...] and isinstance(value, tuple):
            for item in value:
                yield name, item


def model_messages() -> Iterator[tuple[str, str]]:
    """``(msgid, where)`` of every official text of every edition.

    The walk follows field *types*, so both layouts of a union field
    (（六）其他处理 as one row or three) are covered.
    """
    from govdisclosure.editions import EDITIONS
    from govdisclosure.editions.legacy import MONEY_UNITS
    from govdisclosure.fields import get_spec
    from govdisclosure.introspect import attrs_classes_in, field_types

    for unit in sorted(MONEY_UNITS):
        yield unit, "editions.legacy.MONEY_UNITS"
    for edition in EDITIONS.values():
        for heading in edition.section_headings:
            yield heading, f"edition {edition.id} section_headings"
    seen: set[type] = set()
    todo: list[type] = [edition.report_class for edition in EDITIONS.values()]
    while todo:
        cls = todo.pop(0)
        if cls in seen:
            continue
        seen.add(cls)
        for name, text in _official_classvars(cls):
            yield text, f"{cls.__name__}.{name}"
        hints = field_types(cls)
        for f in attrs.fields(cls):
            spec = get_spec(f)
            where = f"{cls.__name__}.{f.name}"
            if spec is not None:
                yield spec.label, where
                for extra in (spec.column, spec.block, spec.unit, spec.note):
                    if extra:
                        yield extra, where
            tp = hints[f.name]
            for arg in (tp, *typing.get_args(tp)):
                todo.extend(attrs_classes_in(arg))


def template_messages() -> Iterator[tuple[str, str]]:
    """``(msgid, where)`` of every statistics template's printed text."""
    from govdisclosure.plugin import manager as plugin_manager

    for template in plugin_manager.templates().values():
        where = f"template {template.id}"
        yield template.title, where
        for column in template.columns:
            yield column.label, f"{where} column {column.key}"
        for row in template.rows:
            yield row.label, f"{where} row {row.code}"
            if row.unit:
                yield row.unit, f"{where} row {row.code}"


def cli_messages() -> Iterator[tuple[str, str]]:
    """``(msgid, where)`` of the help of every command and option of the
    command line, read from the click objects themselves (``--help`` shows
    them in the user's locale, :mod:`govdisclosure.cli._click_i18n`)."""
    import importlib

    import click

    from govdisclosure import cli
    from govdisclosure.cli._click_i18n import message_id

    commands: list[tuple[str, click.Command]] = [("govdisclosure", cli.cli)]
    for name, module in cli._modules().items():
        command = importlib.import_module(f"govdisclosure.cli.{module}").command
        commands.append((f"govdisclosure {name}", command))
    for where, command in commands:
        texts = [message_id(command, "help"), message_id(command, "short_help")]
        for param in command.params:
            texts += [message_id(param, "help"), message_id(param, "show_default")]
        for text in texts:
            if text:
                yield text, where


def click_messages() -> Iterator[tuple[MsgId, str]]:
    """``(msgid, where)`` of click's own words that a user of the command
    line sees, from the installed click (``pyproject.toml`` pins the
    versions the catalogs were made for):

    * every message click marks for gettext in the modules whose gettext
      names :mod:`govdisclosure.cli._click_i18n` points at our catalogs,
      found by Babel's Python extractor (``_``, ``gettext``, ``ngettext``);
    * the names of its parameter types (``"integer"``: shown as the
      metavariable ``INTEGER`` and in "'x' is not a valid integer");
    * its default metavariables (``[OPTIONS]``, ``COMMAND [ARGS]...``).
    """
    import importlib

    import click
    from babel.messages.extract import extract_from_file

    from govdisclosure.cli._click_i18n import _MODULES

    keywords = {"_": None, "gettext": None, "ngettext": (1, 2)}
    for name in _MODULES:
        module = importlib.import_module(name)
        path = Path(typing.cast(str, module.__file__))
        where = f"click/{path.name}"
        for _line, msgid, _comments, _context in extract_from_file(
            "python",
            str(path),
            keywords=keywords,  # type: ignore[arg-type]
        ):
            if msgid:
                yield (tuple(msgid) if isinstance(msgid, (tuple, list)) else msgid), where
        for msgid in _computed_click_messages(path.read_text(encoding="utf-8"), str(path)):
            yield msgid, where
    types: list[type] = [click.ParamType]
    while types:
        cls = types.pop()
        types.extend(cls.__subclasses__())
        if cls.__module__ == "click.types" and isinstance(cls.__dict__.get("name"), str):
            yield cls.__dict__["name"], f"click.types.{cls.__name__}.name"
    yield typing.cast(str, click.Command("x").options_metavar), "click.Command.options_metavar"
    for chain in (False, True):
        group = click.Group("x", chain=chain)
        yield group.subcommand_metavar, "click.Group.subcommand_metavar"
        yield (
            click.Group("x", chain=chain, invoke_without_command=True).subcommand_metavar,
            ("click.Group.subcommand_metavar"),
        )


def _computed_click_messages(source: str, filename: str) -> Iterator[str]:
    """Messages a click module translates from a variable, which Babel's
    extractor cannot read: ``_(extra["required"])``, where the module
    assigns ``extra["required"] = "required"``.  Any other computed
    argument of ``_`` is an error, so a click release that adds one is
    noticed rather than shown in English."""
    tree = ast.parse(source, filename)
    assigned: dict[str, set[str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and _literal(node.value) is not None:
            for target in node.targets:
                if isinstance(target, ast.Subscript):
                    key = _literal(typing.cast(ast.expr, target.slice))
                    if key is not None:
                        assigned.setdefault(key, set()).add(typing.cast(str, _literal(node.value)))
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and _call_name(node) == "_" and node.args):
            continue
        argument = node.args[0]
        if _literal(argument) is not None:
            continue
        key = (
            _literal(typing.cast(ast.expr, argument.slice))
            if isinstance(argument, ast.Subscript)
            else None
        )
        if key is None or key not in assigned:
            raise SystemExit(
                f"{filename}:{node.lineno}: click translates a computed message"
                " this script cannot read; add a rule for it"
            )
        yield from sorted(assigned[key])


def _literal(node: ast.expr) -> str | None:
    """The text of a plain string literal (adjacent literals are one), else None.

    An f-string or a concatenation with a computed part cannot be a message
    id: its text is not known until run time.
    """
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _call_name(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def marked_strings(source: str, filename: str = "<string>") -> Iterator[tuple[MsgId, int]]:
    """``(msgid, line)`` of every literal message id in one Python source."""
    for node in ast.walk(ast.parse(source, filename)):
        if not isinstance(node, ast.Call):
            continue
        name = _call_name(node)
        if name not in KEYWORDS:
            continue
        named = {k.arg: k.value for k in node.keywords if k.arg}
        picked: list[str | None] = []
        for position, keyword in KEYWORDS[name]:
            if position <= len(node.args):
                picked.append(_literal(node.args[position - 1]))
            else:
                value = named.get(keyword)
                picked.append(None if value is None else _literal(value))
        if len(picked) == 2 and picked[0] and picked[1]:
            yield (picked[0], picked[1]), node.lineno
        elif len(picked) == 1 and picked[0]:
            yield picked[0], node.lineno


def code_messages(dirs: Iterable[Path], root: Path = ROOT) -> Iterator[tuple[MsgId, str]]:
    """``(msgid, where)`` of every marked literal in the code under ``dirs``."""
    for base in dirs:
        for path in sorted(base.rglob("*.py")):
            for msgid, _line in marked_strings(path.read_text(encoding="utf-8"), str(path)):
                yield msgid, str(path.relative_to(root))


def collect(root: Path = ROOT) -> dict[MsgId, list[str]]:
    """Every message id the library uses, with where each comes from."""
    out: dict[MsgId, list[str]] = {}
    for source in (
        model_messages(),
        template_messages(),
        code_messages(source_dirs(root), root),
        cli_messages(),
        click_messages(),
    ):
        for msgid, where in source:
            places = out.setdefault(msgid, [])
            if where not in places:
                places.append(where)
    return out


# -- the catalogs ------------------------------------------------------------------


def catalog_file(locale: str, root: Path = ROOT) -> Path:
    from govdisclosure.i18n import DOMAIN

    return root / "src" / "govdisclosure" / "locale" / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


def _singular(msgid: MsgId) -> str:
    return msgid[0] if isinstance(msgid, tuple) else msgid


def _identity(locale: str, msgid: MsgId) -> bool:
    """True when ``msgid`` is already in the language of ``locale``."""
    return is_chinese(_singular(msgid)) == locale.startswith("zh")


def merged(locale: str, messages: dict[MsgId, list[str]], root: Path = ROOT) -> Catalog:
    """The catalog of ``locale`` after merging ``messages`` into its file."""
    from govdisclosure.i18n import DOMAIN

    template = Catalog(domain=DOMAIN, project="govdisclosure", fuzzy=False)
    for msgid, places in sorted(messages.items(), key=lambda kv: _sort_key(kv[0])):
        template.add(msgid, auto_comments=places)
    path = catalog_file(locale, root)
    if path.exists():
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=locale, domain=DOMAIN)
    else:
        catalog = Catalog(
            locale=locale,
            domain=DOMAIN,
            header_comment=_HEADER.format(locale=locale),
            project="govdisclosure",
            version="1",
            copyright_holder="govdisclosure developers",
            last_translator="govdisclosure developers",
            language_team=f"govdisclosure {locale}",
            fuzzy=False,
        )
    catalog.update(template, no_fuzzy_matching=True, update_creation_date=False)
    catalog.obsolete.clear()
    catalog.fuzzy = False
    for message in catalog:
        msgid = _msgid(message.id)
        if not msgid or not _identity(locale, msgid):
            continue
        if isinstance(msgid, tuple):
            if not any(message.string or ()):
                message.string = tuple(msgid[min(i, 1)] for i in range(catalog.num_plurals))
        elif not message.string:
            message.string = msgid
    return catalog


_HEADER = """\
# Messages of govdisclosure, locale {locale}.
# Generated and merged by scripts/update_catalogs.py; edit the msgstr lines.
# Official labels are their own msgid (the wording of the format); other
# messages have English ids.
#"""


def _msgid(value: str | tuple[str, ...] | list[str]) -> MsgId:
    return tuple(value) if isinstance(value, list) else value


def _sort_key(msgid: MsgId) -> tuple[int, str]:
    # Official labels first, then English ids; each in code-point order, so
    # the file's order does not depend on the order of collection.
    text = _singular(msgid)
    return (0 if is_chinese(text) else 1, text)


#: English ids that are the same text in Chinese (a protocol's own words).
SAME_IN_CHINESE = frozenset({"HTTP {status} {reason}"})


def missing(catalog: Catalog) -> list[MsgId]:
    """Ids without a usable translation (empty, partly empty or fuzzy), and, in
    a Chinese catalog, English ids whose "translation" is the id itself: a
    copied "{label}:" is filled but still English (its colon is not "："),
    so it counts as missing unless listed in :data:`SAME_IN_CHINESE`."""
    chinese = str(catalog.locale or "").startswith("zh")
    out: list[MsgId] = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        msgid = _msgid(message.id)
        copied = (
            chinese
            and not is_chinese(_singular(msgid))
            and _singular(msgid) not in SAME_IN_CHINESE
            and strings[0] == _singular(msgid)
        )
        if message.fuzzy or not all(strings) or copied:
            out.append(msgid)
    return out


def render(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(
        buffer,
        catalog,
        width=0,
        include_lineno=False,
        sort_output=False,
        omit_header=False,
    )
    return buffer.getvalue()


def main(argv: list[str] | None = None) -> int:
    from govdisclosure.i18n import LOCALES

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if a translation is missing"
    )
    args = parser.parse_args(argv)
    messages = collect()
    status = 0
    for locale in LOCALES:
        catalog = merged(locale, messages)
        path = catalog_file(locale)
        absent = missing(catalog)
        if args.check:
            current = path.read_bytes() if path.exists() else b""
            if current != render(catalog):
                print(f"{path.relative_to(ROOT)}: not up to date (run without --check)")
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(render(catalog))
        for msgid in absent:
            print(f"{locale}: missing translation: {_singular(msgid)!r}")
        print(f"{locale}: {len(catalog)} messages, {len(absent)} without translation")
        if absent:
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
