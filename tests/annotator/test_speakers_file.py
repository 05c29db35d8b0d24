"""The editors' speakers file: a bad entry is skipped with its line, a bad file is named."""

from __future__ import annotations

import logging

import pytest

from quote_annotator.speakers import SpeakersFileError, load_speakers_file

GOOD_ENTRY = "  - name: Dmitri Peskov\n    aliases: [Peskov]\n    role: Kremlin spokesman\n"


def load(tmp_path, text: str | bytes):
    path = tmp_path / "speakers.yml"
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return load_speakers_file(path)


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (
            "  - name: A\n    aliases: 5\n",
            "speaker 'A': aliases must be a name or a list of names, not 5",
        ),
        ("  - name: A\n    aliases: {x: y}\n", "speaker 'A': aliases must be a name or a list"),
        ("  - name: A\n    aliases: [B, [C]]\n", "speaker 'A': aliases must be a name or a list"),
        ("  - name: [A, B]\n", "speaker #2: name must be text, not ['A', 'B']"),
        ("  - name: {first: A}\n", "speaker #2: name must be text"),
        ("  - name: 42\n", "speaker #2: name must be text, not 42"),
        ("  - aliases: [A]\n", "speaker #2 has no name"),
        (
            "  - name: A\n    kind: robot\n",
            "speaker 'A': kind must be person or organization, not 'robot'",
        ),
        ("  - name: A\n    kind: [person]\n", "speaker 'A': kind must be person or organization"),
        ("  - name: A\n    role: {title: spokesman}\n", "speaker 'A': role must be text"),
        ("  - name: A\n    description: [a, b]\n", "speaker 'A': description must be text"),
        ("  - name: A\n    wikidata: true\n", "speaker 'A': wikidata must be text, not True"),
        ("  - just a string\n", "speaker #2 is not 'name: …' lines but 'just a string'"),
        ("  - [A, B]\n", "speaker #2 is not 'name: …' lines"),
    ],
)
def test_a_bad_entry_is_skipped_with_file_line_and_speaker(tmp_path, caplog, entry, message):
    with caplog.at_level(logging.ERROR):
        entries = load(tmp_path, "speakers:\n" + GOOD_ENTRY + entry)
    assert [e.name for e in entries] == ["Dmitri Peskov"]
    assert f"speakers.yml:5: {message}" in caplog.text, caplog.text
    assert "; entry skipped" in caplog.text


def test_the_mapping_form_is_checked_too(tmp_path, caplog):
    text = "Dmitri Peskov:\n  aliases: [Peskov]\nAnna Berg: politician\nJo Bo:\n"
    with caplog.at_level(logging.ERROR):
        entries = load(tmp_path, text)
    assert [e.name for e in entries] == ["Dmitri Peskov", "Jo Bo"]
    assert "speakers.yml:3: speaker 'Anna Berg': expected its fields" in caplog.text


def test_a_file_whose_only_entry_is_bad_cannot_be_used(tmp_path):
    with pytest.raises(SpeakersFileError, match=r"speakers.yml:2: speaker 'A': aliases must be"):
        load(tmp_path, "speakers:\n  - name: A\n    aliases: 5\n")


def test_a_file_not_in_utf8_is_named(tmp_path):
    data = ("speakers:\n" + GOOD_ENTRY + "  - name: José Pérez\n").encode("cp1252")
    with pytest.raises(SpeakersFileError, match=r"speakers.yml:5: not valid UTF-8 \(byte 0xe9\)"):
        load(tmp_path, data)


def test_a_bom_is_accepted(tmp_path):
    assert [e.name for e in load(tmp_path, "\ufeffspeakers:\n" + GOOD_ENTRY)] == ["Dmitri Peskov"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("speakers:\n  - &a {name: A}\n  - *a\n", r"speakers.yml:3: uses a YAML alias \(\*a\)"),
        ("speakers: 5\n", "speakers.yml: expected a list of speakers"),
        ("just text\n", "speakers.yml: expected a list of speakers"),
        ("speakers: " + "[" * 100_000 + "]" * 100_000 + "\n", r"speakers.yml:1: lists or map"),
        ("speakers: !!python/object:os.system {}\n", r"speakers.yml:1: not valid YAML"),
        ("speakers:\n  - name: A\n\tkind: x\n", r"speakers.yml:3: not valid YAML"),
    ],
)
def test_a_file_that_cannot_be_used_is_named(tmp_path, text, message):
    with pytest.raises(SpeakersFileError, match=message):
        load(tmp_path, text)


def test_anchors_alone_are_harmless(tmp_path):
    entries = load(tmp_path, "speakers:\n  - &peskov\n    name: Dmitri Peskov\n")
    assert [e.name for e in entries] == ["Dmitri Peskov"]


def test_numbers_are_text_where_text_is_meant(tmp_path):
    (entry,) = load(tmp_path, "speakers:\n  - name: Agent\n    role: 7\n    aliases: '007'\n")
    assert entry.role == "7" and entry.aliases == ("007",)
