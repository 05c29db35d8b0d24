"""Property tests: any front matter or speakers file, however broken, gives an article,
a speakers list, or an error naming the file; never a crash and never a control character."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pelican.settings import DEFAULT_CONFIG

from mdit_reader.reader import MarkdownItReader
from mdit_reader.settings import DEFAULTS
from mdit_reader.source import ContentError
from quote_annotator.speakers import SpeakerEntry, SpeakersFileError, load_speakers_file

CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# slug is left out: slugs are checked where they are made, not by the reader
KEYS = ["title", "date", "tags", "lang", "summary", "category", "author", "authors", "status"]
KEYS += ["modified", "subtitle", "template", "x", "Title", "keywords", "speakers"]

texts = st.text(
    st.characters(codec="utf-8", exclude_categories=["Cs"])
    | st.sampled_from("\x00\x01\x07\x0b\x0c\x1b\ufffe\n\t[]{}&*:-'\"#!|>%@`,"),
    max_size=40,
) | st.sampled_from(["2024-01-02", "2024-13-45", "en", "pt-BR", "", "x" * 2000, "null", "yes"])
scalars = texts | st.integers() | st.floats(allow_nan=True) | st.booleans() | st.none()
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(texts, inner, max_size=3),
    max_leaves=12,
)
keys = st.sampled_from(KEYS) | texts.filter(lambda k: k.strip().lower() != "slug")

# Front matter as an editor might break it: pieces of YAML in any order.
pieces = st.sampled_from(
    [
        *(f"{k}: " for k in KEYS),
        "\n",
        "  ",
        "- ",
        "[",
        "]",
        "{",
        "}",
        ", ",
        "&a ",
        "*a",
        "&b [*a, *a]",
        "*b",
        "<<: *a",
        "'",
        '"',
        "2024-01-02",
        "\x0b",
        "\x00",
        "\x1b",
        "!!binary ",
        "!!python/object:os.system ",
        "? ",
        "|\n  ",
        "...",
        "---",
        "#",
        "x" * 300,
    ]
)
yamlish = st.lists(pieces, max_size=40).map("".join)


def _dump(data: dict) -> str:
    try:
        return yaml.safe_dump(data, allow_unicode=True, default_flow_style=None)
    except yaml.YAMLError:
        return ""


structured = st.dictionaries(keys, values, max_size=6).map(_dump)
front_matter = yamlish | structured


@pytest.fixture(scope="module")
def reader() -> MarkdownItReader:
    settings = {**DEFAULT_CONFIG, **DEFAULTS}
    return MarkdownItReader(settings)


def _write(folder: str, name: str, text: str) -> Path:
    path = Path(folder) / name
    path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
    return path


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    header=front_matter,
    style=st.sampled_from(["yaml", "pelican"]),
    body=st.sampled_from(["Text.\n", "“Q,” he said.\x0b\n", "> " * 30 + "deep\n", ""]),
)
def test_any_front_matter_is_read_or_refused_naming_the_file(reader, header, style, body):
    with tempfile.TemporaryDirectory() as folder:
        if style == "yaml":
            text = f"---\n{header}\n---\n\n{body}"
        else:
            text = f"Title: T\n{header}\n\n{body}"
        path = _write(folder, "prop.md", text)
        try:
            html, metadata = reader.read(str(path))
        except ContentError as err:
            assert "prop.md" in str(err)
            return
    assert not CONTROLS.search(html)
    for name, value in metadata.items():
        assert not CONTROLS.search(str(value)), name
        if name == "lang":
            assert re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*", value)
        if name in {"title", "summary", "category", "author", "status"}:
            assert not isinstance(value, list | dict), name


# Speakers files: structured entries with any field values, and pieces of YAML.
entries = st.lists(
    st.dictionaries(
        st.sampled_from(["name", "aliases", "kind", "role", "description", "wikidata", "slug"])
        | texts,
        values,
        max_size=5,
    )
    | values,
    max_size=4,
)
speakers_files = (
    entries.map(lambda e: _dump({"speakers": e}))
    | st.dictionaries(texts, values, max_size=4).map(_dump)
    | st.lists(
        pieces | st.sampled_from(["speakers:\n", "  - name: ", "aliases: "]), max_size=40
    ).map("".join)
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=speakers_files)
def test_any_speakers_file_is_loaded_or_refused_naming_the_file(text):
    with tempfile.TemporaryDirectory() as folder:
        path = _write(folder, "speakers.yml", text)
        try:
            loaded = load_speakers_file(path)
        except SpeakersFileError as err:
            assert "speakers.yml" in str(err)
            return
    for entry in loaded:
        assert isinstance(entry, SpeakerEntry)
        assert isinstance(entry.name, str) and entry.name.strip()
        assert entry.kind in ("person", "organization")
        assert all(isinstance(a, str) for a in entry.aliases)
        for value in (entry.role, entry.description, entry.wikidata, entry.slug):
            assert value is None or isinstance(value, str)
