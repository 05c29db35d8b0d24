"""Merging speakers across the archive: only when one full name fits and nothing
conflicts; every decision in the speakers report; editors can keep two apart."""

from __future__ import annotations

import csv
import io
import json

import pytest

from quote_annotator.speakers import SpeakerEntry, SpeakerIndex, load_speakers_file
from sitebuild import build_articles


def _index(*mentions, entries=()):
    index = SpeakerIndex(entries)
    for name, kind, role, article in mentions:
        index.resolve(name, kind, role, article)
    index.settle_kinds()
    return index, index.merge_surnames()


def test_a_surname_joins_its_only_full_name_and_the_merge_is_reported():
    index, merges = _index(
        ("Dmitri Peskov", "person", "Kremlin spokesman", "a.md"),
        ("Peskov", "person", None, "b.md"),
    )
    assert [e.name for e in index.entities.values()] == ["Dmitri Peskov"]
    assert [(m.name, m.into, m.decision) for m in merges] == [("Peskov", "Dmitri Peskov", "merged")]


def test_two_full_names_that_fit_keep_a_surname_apart():
    index, merges = _index(
        ("Des Browne", "person", "immigration minister", "a.md"),
        ("Gordon Browne", "person", None, "b.md"),
        ("Browne", "person", None, "c.md"),
    )
    assert "browne" in index.entities
    assert merges[0].decision == "kept apart" and "Des Browne, Gordon Browne" in merges[0].reason


def test_roles_with_nothing_in_common_keep_two_people_apart():
    # BP's chief executive is not the immigration minister
    index, merges = _index(
        ("Des Browne", "person", "immigration minister", "a.md"),
        ("Browne", "person", "BP chief executive", "b.md"),
    )
    assert len(index.entities) == 2
    assert merges[0].decision == "kept apart" and merges[0].reason.startswith("roles differ")


def test_roles_that_share_a_word_do_not_keep_apart():
    index, _ = _index(
        ("Des Browne", "person", "immigration minister", "a.md"),
        ("Browne", "person", "minister", "b.md"),
    )
    assert list(index.entities) == ["des browne"]


def test_a_title_is_never_taken_for_a_first_name():
    index, merges = _index(
        ("Des Browne", "person", None, "a.md"),
        ("Lord Browne", "person", None, "b.md"),
    )
    assert len(index.entities) == 2 and merges == []


def test_an_acronym_is_no_surname():
    index, merges = _index(
        ("Bernard BP", "person", None, "a.md"), ("BP", "organization", None, "b.md")
    )
    assert len(index.entities) == 2 and merges[0].reason == "an acronym, not a surname"


def test_a_name_quoted_alone_in_many_articles_is_its_own():
    mentions = [("New Labour", "person", None, "a.md")]
    mentions += [("Labour", "organization", None, f"{n}.md") for n in range(4)]
    index, merges = _index(*mentions)
    assert "labour" in index.entities and merges[0].decision == "kept apart"


def test_the_speakers_file_keeps_two_apart():
    entry = SpeakerEntry("Des Browne", distinct=("Browne",))
    index, merges = _index(("Browne", "person", None, "b.md"), entries=[entry])
    assert len(index.entities) == 2
    assert merges[0].reason == "kept apart in the speakers file"


def test_the_kind_is_the_one_most_articles_give():
    index, _ = _index(
        ("Wells Fargo", "person", None, "a.md"),
        ("Wells Fargo", "organization", None, "b.md"),
        ("Wells Fargo", "organization", None, "c.md"),
    )
    assert index.entity_of("Wells Fargo").kind == "organization"


def test_distinct_is_read_from_the_speakers_file(tmp_path):
    path = tmp_path / "speakers.yml"
    path.write_text("- name: Des Browne\n  distinct: [Browne, Lord Browne]\n", encoding="utf-8")
    assert load_speakers_file(path)[0].distinct == ("Browne", "Lord Browne")
    path.write_text("- name: Des Browne\n  distinct: {a: 1}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="distinct must be a name or a list of names"):
        load_speakers_file(path)


ARTICLE = "Title: {title}\nDate: {date}\nCategory: Business\n\n{body}\n"


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    bodies = {
        "one": ("2005-01-03", 'Immigration minister Des Browne said: "We will act."'),
        "two": ("2005-02-03", '"Oil prices will stay high," said BP chief executive Lord Browne.'),
        "three": ("2005-03-03", '"No comment," said Mr Peskov. "Rates will rise," analysts said.'),
        "four": ("2005-04-03", '"It was calm," said Kremlin spokesman Dmitri Peskov.'),
        "five": (
            "2005-05-03",
            '"We welcome it," a BBC spokesman said. "Sales fell," a spokesman said.',
        ),
        "six": (
            "2005-06-03",
            '"The show was vetted," said a Fox spokesman. "Fine," added Liam Fox.',
        ),
        "seven": ("2005-07-03", '"We apologise," Fox said in a statement on its website.'),
    }
    articles = {
        f"{name}.md": ARTICLE.format(title=f"Story {name}", date=date, body=body)
        for name, (date, body) in bodies.items()
    }
    return build_articles(tmp_path_factory.mktemp("merges"), articles)


def test_lord_browne_is_not_des_browne_on_the_site(archive):
    out, _ = archive
    assert (out / "speakers/des-browne.html").is_file()
    lord = (out / "speakers/lord-browne.html").read_text(encoding="utf-8")
    assert "Oil prices will stay high," in lord and "We will act." not in lord
    des = (out / "speakers/des-browne.html").read_text(encoding="utf-8")
    assert "Oil prices" not in des and "BP chief executive" not in des


def test_the_speakers_report_lists_every_cross_article_merge(archive):
    out, _ = archive
    rows = list(csv.DictReader(io.StringIO((out / "speakers/merges.csv").read_text())))
    peskov = next(r for r in rows if r["name"] == "Peskov")
    assert {
        "decision": "merged",
        "into": "Dmitri Peskov",
        "articles": "1",
    }.items() <= peskov.items()


def test_an_organization_never_joins_a_person_of_its_name(archive):
    out, _ = archive
    rows = list(csv.DictReader(io.StringIO((out / "speakers/merges.csv").read_text())))
    fox = [r for r in rows if r["name"] == "Fox"]
    assert fox and fox[0]["decision"] == "kept apart" and "organization" in fox[0]["reason"]
    liam = (out / "speakers/liam-fox.html").read_text(encoding="utf-8")
    assert "We apologise," not in liam and "The show was vetted," not in liam
    rows = [json.loads(line) for line in (out / "quotes.jsonl").read_text().splitlines()]
    vetted = next(r for r in rows if r["text"] == "The show was vetted,")
    assert vetted["speaker"] is None and vetted["description"] == "a Fox spokesman"


def test_unnamed_sources_are_shown_but_are_no_speakers(archive):
    out, _ = archive
    rows = [json.loads(line) for line in (out / "quotes.jsonl").read_text().splitlines()]
    by_text = {r["text"]: r for r in rows}
    assert by_text["Rates will rise,"]["speaker"] is None
    assert by_text["Rates will rise,"]["description"] == "analysts"
    assert by_text["We welcome it,"]["speaker"] == "BBC"  # a spokesman of a named body
    assert by_text["Sales fell,"]["description"] == "a spokesman"
    assert not list((out / "speakers").glob("analysts*.html"))
    assert not list((out / "speakers").glob("a-spokesman*.html"))
    page = (out / "articles/2005/03/story-three.html").read_text(encoding="utf-8")
    panel = page.split('class="who-quoted"', 1)[1].split("</aside>", 1)[0]
    assert "analysts" in panel and "(unnamed source)" in panel
    assert 'data-pagefind-filter="speaker">analysts' not in page
    assert '</span>,"<a class="quote-ref" href="#q-2" data-quote="q-2">' not in page
    assert '</span>"<a class="quote-ref" href="#q-2" data-quote="q-2">' in page  # after the mark
    assert ">analysts</a>" in page  # the label at the quote names the description
