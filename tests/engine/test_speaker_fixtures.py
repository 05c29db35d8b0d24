"""Speaker fixtures, one file per phenomenon of canonical names, kinds, roles and
descriptions (fixtures/speakers/*.md): input text / who each quote is given to."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it.utils import read_fixture_file

from render import render_speakers

FIXTURES = Path(__file__).parent / "fixtures" / "speakers"
CASES = [
    pytest.param(text, expected, id=f"{path.stem}:{line}:{title}")
    for path in sorted(FIXTURES.glob("*.md"))
    for line, title, text, expected in read_fixture_file(path)
]


def test_every_phenomenon_has_fixtures():
    names = {p.stem for p in FIXTURES.glob("*.md")}
    assert {"titles_to_roles", "descriptions", "not_names", "speaker_kinds", "roles"} <= names


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_speaker_fixture(text, expected):
    assert render_speakers(text.rstrip("\n")) == expected.rstrip("\n")
