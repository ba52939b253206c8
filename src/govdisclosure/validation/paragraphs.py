"""The narrative of a report as paragraphs with their JSON paths.

The rules that read text (completeness, narrative) need to point at the
paragraph they quote, so paragraphs are walked with their paths:
``$.preamble[0]``, ``$.sections[2].paragraphs[1]``,
``$.sections[0].subsections[1].paragraphs[0]``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..editions import Report
from ..paths import Path, json_path
from ..report_base import Section

__all__ = ["has_text", "iter_paragraphs", "normalize_heading", "section_paragraphs"]

_SPACE = re.compile(r"\s+")
_NUMBERING = re.compile(r"^[（(]?[一二三四五六七八九十0-9]+[)）]?[、.．:：\s]*")


def normalize_heading(heading: str) -> str:
    """A heading without spaces and without its leading numbering (``一、``)."""
    return _NUMBERING.sub("", _SPACE.sub("", heading), count=1)


def section_paragraphs(section: Section, prefix: Path) -> Iterator[tuple[Path, str]]:
    """Every paragraph of a section and its sub-sections, with paths."""
    for i, text in enumerate(section.paragraphs):
        yield (*prefix, "paragraphs", i), text
    for j, sub in enumerate(section.subsections):
        yield from section_paragraphs(sub, (*prefix, "subsections", j))


def iter_paragraphs(report: Report) -> Iterator[tuple[str, str]]:
    """``(json path, text)`` of the preamble and every section's paragraphs.

    Sub-section headings are yielded too (a heading such as
    “（二）依申请公开情况” can carry a number in some reports).
    """
    for i, text in enumerate(report.preamble):
        yield json_path(("preamble", i)), text
    for i, section in enumerate(report.sections):
        yield from _walk(section, ("sections", i))


def _walk(section: Section, prefix: Path) -> Iterator[tuple[str, str]]:
    for i, text in enumerate(section.paragraphs):
        yield json_path((*prefix, "paragraphs", i)), text
    for j, sub in enumerate(section.subsections):
        yield json_path((*prefix, "subsections", j, "heading")), sub.heading
        yield from _walk(sub, (*prefix, "subsections", j))


def has_text(section: Section) -> bool:
    """True when the section has a non-blank paragraph or a sub-section.

    A sub-section counts even when only its heading is kept: reports often
    write “（一）主动公开情况。2024年，…” as a heading and its text in one.
    """
    return any(text.strip() for text in section.paragraphs) or any(
        sub.heading.strip() or has_text(sub) for sub in section.subsections
    )
