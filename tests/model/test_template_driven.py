"""Whether a report follows a template, asked for every report validated, and remembered only for built-in editions.

:func:`~govdisclosure.editions.is_template_driven` keeps its answer per
report class for the built-in editions (their ids are found first whatever
plugins come and go) and asks the registry each time for any other, so that
a plugin's edition is seen as the registry has it at the moment.
"""

from __future__ import annotations

import attrs
import pytest

from fictional_editions import FICTIONAL, ReportTwin
from govdisclosure import _sources
from govdisclosure.editions import BUILTIN, is_template_driven


def test_built_in_report_classes_answer_their_editions_flag() -> None:
    for edition in BUILTIN:
        cls: type[object] = edition.report_class
        report = object.__new__(cls)
        assert is_template_driven(report) is edition.template_driven
        assert is_template_driven(report) is edition.template_driven  # asked again


def test_what_is_not_a_report_is_not_template_driven() -> None:
    assert not is_template_driven(None)
    assert not is_template_driven("2021")


def test_a_plugin_edition_is_asked_of_the_registry_each_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    report = ReportTwin.__new__(ReportTwin)
    plain = FICTIONAL["twin-test"]
    monkeypatch.setattr(_sources, "editions", lambda: [plain])
    assert not is_template_driven(report)
    templated = attrs.evolve(plain, template_driven=True)
    monkeypatch.setattr(_sources, "editions", lambda: [templated])
    assert is_template_driven(report)
