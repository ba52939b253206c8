"""The words of the table definitions a PDF's text is read against.

A table set without rules, or a row cut by a page break, is recognised by
the labels it prints: those of every installed edition's tables
(:func:`govdisclosure_html.recognise.official_words`) and those of the
shipped pre-2019 statistics templates (their rows, and the units of their
单位 column, which label nothing).
"""

from __future__ import annotations

from functools import cache

from govdisclosure.templates import builtin_templates
from govdisclosure_html.recognise import official_words
from govdisclosure_html.text import label_key

__all__ = ["is_table_label", "table_words", "template_units", "template_words"]


@cache
def template_units() -> frozenset[str]:
    """Every unit the shipped pre-2019 templates print in their 单位 column."""
    return frozenset(
        row.unit for template in builtin_templates().values() for row in template.rows if row.unit
    )


@cache
def template_words() -> frozenset[str]:
    """The label words of every shipped pre-2019 template's rows."""
    return frozenset(
        label_key(row.label).words
        for template in builtin_templates().values()
        for row in template.rows
    )


def table_words() -> frozenset[str]:
    """The label words of every edition's tables and every template's rows
    (asked anew each time: a plugin may install an edition)."""
    return official_words() | template_words()


def is_table_label(text: str) -> bool:
    """Whether ``text`` is a label of some edition or template (its words,
    numbering aside)."""
    words = label_key(text).words
    return words in official_words() or words in template_words()
