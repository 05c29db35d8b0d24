"""Reported speech is read as the text gives it: "said that" before a clause, the verb
itself before an infinitive or an object ("plans to send…", "endorsed…"), on the
speaker page, on the home page and in the search records."""

from __future__ import annotations

import json
import re
from html import unescape

import pytest

from sitebuild import build_articles

ARTICLE = "---\ntitle: {title}\ndate: {date}\ncategory: World\n---\n\n{body}\n"
BODY = (
    "President Barack Obama said the court needs a ninth justice before the summer. "
    "Obama plans to send a nominee to the Senate within weeks. "
    "Obama announced a freeze on federal hiring for the rest of the year. "
    "Senator Mitch McConnell accused Mr Obama of ignoring the will of the voters."
)


VERBS = (
    "Opposition leader Michael Howard predicted the Budget would do nothing for families. "
    "Howard asked whether the plan would work at all. "
    "Howard told reporters that the plan would fail within a year. "
    "Howard said according to his figures taxes would rise. "
    "Howard attacked the plan on Monday, saying the costs would soar."
)


TRIBUTE = (
    "The former prime minister died on Sunday. Tory leader Michael Howard said he would be "
    "remembered with “affection and respect”. Others sent flowers."
)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    articles = {
        "court.md": ARTICLE.format(title="Court", date="2024-03-01", body=BODY),
        "tribute.md": ARTICLE.format(title="Tribute", date="2024-03-02", body=TRIBUTE),
        "verbs.md": ARTICLE.format(title="Verbs", date="2024-03-03", body=VERBS),
    }
    out, _ = build_articles(tmp_path_factory.mktemp("leads"), articles)
    return out


def test_speaker_page_leads_each_report_with_its_own_words(site):
    html = (site / "speakers/barack-obama.html").read_text(encoding="utf-8")
    leads = re.findall(r'<span class="speaker-quote__said">([^<]*)</span>\s*([^<]{0,30})', html)
    assert ("Said that", "the court needs a ninth justic") in leads
    assert ("Plans", "to send a nominee to the Senat") in leads
    assert ("Announced", "a freeze on federal hiring for") in leads
    assert "Said that to send" not in html
    mcconnell = (site / "speakers/mitch-mcconnell.html").read_text(encoding="utf-8")
    assert '<span class="speaker-quote__said">Accused</span> Mr Obama of ignoring' in mcconnell


def test_search_record_carries_the_verb_of_an_infinitive_report(site):
    html = (site / "articles/2024/03/court.html").read_text(encoding="utf-8")
    meta = re.search(r'<span data-pagefind-meta="quotes"[^>]*>([^<]*)</span>', html)
    rows = json.loads(unescape(meta.group(1)))
    kinds = sorted(row[2] for row in rows)
    assert kinds == ["indirect", "indirect accused", "indirect announced", "indirect plans"]


def test_speaker_page_shows_a_mixed_quote_in_its_reported_clause(site):
    """A fragment alone ("“affection and respect”") says little: the page gives the
    clause it stands in, its closing mark included, and escapes it like any text."""
    html = (site / "speakers/michael-howard.html").read_text(encoding="utf-8")
    shown = re.findall(r'<span class="speaker-quote__said">([^<]*)</span>\s*([^<]*)</p>', html)
    assert ("Said that", "he would be remembered with “affection and respect”") in shown


def test_a_clause_is_led_by_its_own_verb_where_one_reads_well(site):
    """'Predicted that …' (not 'Said that …'), 'Asked whether …'; a verb that wants its
    listener first ('told reporters …') keeps 'Said that'."""
    html = (site / "speakers/michael-howard.html").read_text(encoding="utf-8")
    leads = re.findall(r'<span class="speaker-quote__said">([^<]*)</span>\s*([^<]{0,20})', html)
    assert ("Predicted that", "the Budget would do ") in leads
    assert ("Asked", "whether the plan wou") in leads
    assert ("Said that", "the plan would fail ") in leads
    assert ("Said that", "the costs would soar") in leads  # not "Saying that …"
    meta = (site / "articles/2024/03/verbs.html").read_text(encoding="utf-8")
    rows = json.loads(unescape(re.search(r'data-pagefind-meta="quotes"[^>]*>([^<]*)<', meta)[1]))
    assert "indirect predicted that" in {row[2] for row in rows}
