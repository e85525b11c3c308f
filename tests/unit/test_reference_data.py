"""Reference data: the markers, the typology and the themes users pick from, read from versioned files."""

from __future__ import annotations

import pytest

from lipp.domain.reference.catalogue import ReferenceData
from lipp.domain.reference.loading import UnknownReferenceVersion, versions_of
from lipp.domain.reference.markers import MarkerGroup, UnknownQualityMarker, marker_set
from lipp.domain.reference.themes import UnknownTheme, read_theme, theme_list
from lipp.domain.reference.typology import UnknownPatternCategory, typology


def test_there_are_eighteen_markers_in_three_stage_groups() -> None:
    markers = marker_set()
    assert [m.number for m in markers.markers] == list(range(1, 19))
    assert markers.numbers_in(MarkerGroup.SETTING_UP) == [1, 2, 3, 4, 5]
    assert markers.numbers_in(MarkerGroup.RUNNING) == list(range(6, 14))
    assert markers.numbers_in(MarkerGroup.OUTPUTS) == list(range(14, 19))


def test_every_marker_has_a_statement_and_at_least_four_questions_to_ask() -> None:
    for marker in marker_set().markers:
        assert marker.statement
        assert len(marker.questions) >= 4, marker.title
        assert all(question.endswith("?") for question in marker.questions)


def test_markers_whose_wording_was_written_from_the_title_say_so() -> None:
    flagged = [m.number for m in marker_set().markers if m.paraphrased_from_title]
    assert flagged == [1, 3, 5]


def test_asking_for_a_marker_that_does_not_exist_names_the_range() -> None:
    with pytest.raises(UnknownQualityMarker, match="numbered 1 to 18"):
        marker_set().marker(19)


def test_the_six_learning_together_categories_are_found_by_number_or_id() -> None:
    categories = typology()
    assert len(categories.categories) == 6
    assert categories.category("3").id == "multi-agency-crisis"
    assert categories.category("judgement-reasoning").number == 6
    with pytest.raises(UnknownPatternCategory, match="one of: 1 human-tool"):
        categories.category("bad luck")


def test_a_renamed_theme_keeps_its_id_and_reads_with_its_new_name() -> None:
    assert versions_of("themes") == [1, 2]
    assert theme_list(1).theme("vulnerability of babies").id == "NT04"
    reading = read_theme("NT04", recorded_version=1)
    assert reading.name == "Babies under one: vulnerability and risk"
    assert reading.recorded_as == "Vulnerability of babies"
    assert reading.renamed


def test_a_theme_added_later_is_unknown_to_the_older_list() -> None:
    assert theme_list(2).theme("NT18").name == "Parental substance misuse"
    with pytest.raises(UnknownTheme):
        theme_list(1).theme("NT18")


def test_reference_data_pins_a_version_of_each_kind_and_refuses_versions_never_shipped() -> None:
    pinned = ReferenceData.at(themes=1)
    assert (pinned.markers.version, pinned.typology.version, pinned.themes.version) == (1, 1, 1)
    assert ReferenceData.at().themes.version == 2
    with pytest.raises(UnknownReferenceVersion, match="shipped: 1, 2"):
        ReferenceData.at(themes=7)
