"""Fixture files, one per phenomenon: input text / expected annotated rendering.

The format is markdown-it's (title line, input, `.`, expected, `.`); read with
markdown_it.utils.read_fixture_file. A file whose name ends in `.de.md` is German.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it.utils import read_fixture_file

from render import render

FIXTURES = Path(__file__).parent / "fixtures"
CASES = [
    pytest.param(path, line, title, text, expected, id=f"{path.stem}:{line}:{title}")
    for path in sorted(FIXTURES.glob("*.md"))
    for line, title, text, expected in read_fixture_file(path)
]


@pytest.mark.parametrize(("path", "line", "title", "text", "expected"), CASES)
def test_fixture(path, line, title, text, expected):
    lang = "de" if path.name.endswith(".de.md") else "en"
    assert render(text.rstrip("\n"), lang) == expected.rstrip("\n")
