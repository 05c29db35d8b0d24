"""archive_site.build: one build's state, kept apart from every other build's."""

import pytest

from archive_site import build


def test_state_belongs_to_the_settings_object():
    one, two = {"A": 1}, {"A": 1}  # equal settings, two builds
    build.of(one)["quote_annotator.progress"] = "first"
    assert build.of(one)["quote_annotator.progress"] == "first"
    assert "quote_annotator.progress" not in build.of(two)
    assert build.end(one)["quote_annotator.progress"] == "first"
    assert "quote_annotator.progress" not in build.of(one)  # a new build starts empty
    build.end(one)
    build.end(two)


def test_only_declared_keys():
    settings = {}
    with pytest.raises(KeyError, match="not a declared build state key"):
        build.of(settings)["mine.thing"] = 1
    build.end(settings)


def test_end_of_an_unknown_build_is_empty():
    assert build.end({}) == {}
