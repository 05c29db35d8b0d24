"""Speakers across the archive: aliases merge, slugs are stable and never collide."""

from __future__ import annotations

import pytest

from quote_annotator.speakers import (
    SpeakerEntry,
    SpeakerIndex,
    SpeakersFileError,
    load_speakers_file,
    slug_of,
)


def test_aliases_and_transliterations_merge():
    index = SpeakerIndex([SpeakerEntry("Serghei Mironov", aliases=("Sergei Mironov",))])
    assert index.resolve("Sergei Mironov") is index.resolve("serghei mironov")
    assert len(index.entities) == 1


def test_a_surname_joins_the_only_full_name_ending_in_it():
    index = SpeakerIndex()
    full = index.resolve("Dmitri Peskov")
    index.resolve("Peskov")
    index.merge_surnames()
    assert list(index.entities.values()) == [full]
    assert full.names == {"Dmitri Peskov", "Peskov"}


def test_a_surname_led_by_its_particle_joins_the_full_name_ending_in_it():
    index = SpeakerIndex()
    full = index.resolve("Luiz Inacio Lula da Silva")
    index.resolve("da Silva")
    # a name merely ending in the same word is not the same surname
    other = index.resolve("Marina Silva")
    index.merge_surnames()
    assert [e.name for e in index.entities.values()] == [full.name, other.name]
    assert full.names == {"Luiz Inacio Lula da Silva", "da Silva"}


def test_slugs_transliterate_and_never_collide():
    index = SpeakerIndex()
    # accents alone do not make another person: José Pérez is Jose Perez
    assert index.resolve("José Pérez") is index.resolve("Jose Perez")
    for name in ("Дмитрий Песков", "Dmitrii Peskov", "Volodymyr", "<script>"):
        index.resolve(name)
    warnings = index.assign_slugs()
    slugs = [e.slug for e in index.entities.values()]
    assert len(set(slugs)) == len(slugs) == 5
    assert index.resolve("José Pérez").slug == "jose-perez"
    assert index.resolve("Дмитрий Песков").slug.startswith("dmitrii-peskov-")
    assert index.resolve("Dmitrii Peskov").slug.startswith("dmitrii-peskov-")
    assert index.resolve("<script>").slug == "script"
    assert warnings and "share the slug 'dmitrii-peskov'" in warnings[0]
    assert slug_of("Vyacheslav Volodin") == "vyacheslav-volodin"


def test_speakers_file_errors_name_the_file(tmp_path):
    path = tmp_path / "speakers.yml"
    path.write_text("speakers:\n  - name: A\n    kind: robot\n", encoding="utf-8")
    with pytest.raises(SpeakersFileError, match="kind must be person or organization"):
        load_speakers_file(path)
    path.write_text("speakers: [\n", encoding="utf-8")
    with pytest.raises(SpeakersFileError, match=r"speakers.yml:\d+: not valid YAML"):
        load_speakers_file(path)
    assert load_speakers_file(tmp_path / "missing.yml") == []


def test_people_sort_by_surname_organizations_as_named():
    from quote_annotator.pages import sort_name

    assert sort_name("Tony Blair", "person") == "blair tony"
    assert sort_name("Ludwig van Beethoven", "person") == "van beethoven ludwig"
    assert sort_name("Lord Browne", "person") == "browne lord"
    assert sort_name("Bank of England", "organization") == "bank of england"
    assert sort_name("Madonna", "person") == "madonna"
