"""Searching the archive in a real browser, at the site root and under a /REPO/ subpath."""

from __future__ import annotations

import re
import shutil

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from browsing import first_result, serve

pytestmark = pytest.mark.browser

HEADLINE = "Attack on Putin, 2 drones attack the Kremlin"


def search_and_open(page, search_url: str, query: str = "Peskov"):
    # the article is a result; so are its quotations (the headline quote among them)
    first_result(page, search_url, query, HEADLINE).click()
    page.wait_for_url(re.compile(r"drones-attack-the-kremlin\.html"))
    assert HEADLINE in page.locator("h1").first.inner_text()


def test_search_finds_the_seed_article_and_opens_it(sample_site, page):
    with serve(sample_site) as base:
        search_and_open(page, f"{base}/search.html")
        assert page.url.startswith(f"{base}/articles/2023/05/")
        # the search terms are highlighted on the page the result opens
        page.locator("mark.pagefind-highlight").first.wait_for(timeout=10_000)
        assert "peskov" in page.locator("mark.pagefind-highlight").first.inner_text().lower()
    assert page.errors == []


def test_header_search_form_lands_on_results(sample_site, page):
    with serve(sample_site) as base:
        page.goto(f"{base}/index.html")
        page.locator("header input[name=q]").first.fill("Sheremet")
        page.locator("header input[name=q]").first.press("Enter")
        page.wait_for_url(re.compile(r"search\.html\?q=Sheremet"))
        page.locator(".pagefind-ui__result-link", has_text=HEADLINE).first.wait_for(timeout=15_000)
    assert page.errors == []


def test_search_works_under_a_project_subpath(published_site, page, tmp_path):
    root = tmp_path / "pages"
    shutil.copytree(published_site, root / "REPO")
    with serve(root) as base:
        search_and_open(page, f"{base}/REPO/search.html")
        assert page.url.startswith(f"{base}/REPO/articles/2023/05/")
        # the theme's stylesheet loaded from under the subpath
        assert page.evaluate("document.styleSheets.length") >= 1
        assert page.evaluate(
            "[...document.styleSheets].some(s => s.href && s.href.includes('/REPO/theme/'))"
        )
    assert page.errors == []


def test_a_quote_is_a_search_result_that_opens_at_the_quote(sample_site, page):
    with serve(sample_site) as base:
        link = first_result(
            page, f"{base}/search.html", "rocket attack Zelensky", "Mikhail Sheremet"
        )
        assert "It’s time to launch a rocket attack" in link.inner_text()
        link.click()
        page.wait_for_url(re.compile(r"drones-attack-the-kremlin\.html.*#q-14$"))
        quote = page.locator("#q-14")
        assert quote.evaluate("e => e.matches(':target')")  # outlined in place
        page.locator("mark.pagefind-highlight").first.wait_for(timeout=10_000)
    assert page.errors == []


def test_results_can_be_filtered_by_speaker(sample_site, page):
    with serve(sample_site) as base:
        page.goto(f"{base}/search.html?q=Kiev")
        page.locator(".pagefind-ui__result-link").first.wait_for(timeout=15_000)
        # the speaker filter opens by itself (search.js: openFilters) once filters load;
        # on a slow machine, open it by hand if it is not open yet
        label = page.locator("label", has_text="Mykhailo Podolyak").first
        try:
            label.wait_for(state="visible", timeout=5_000)
        except PlaywrightTimeout:
            page.locator(".pagefind-ui__filter-name", has_text="speaker").first.click()
        label.click()
        page.wait_for_timeout(1500)
        titles = page.locator(".pagefind-ui__result-link").all_inner_texts()
        assert titles and all("Mykhailo Podolyak" in t or "Attack on Putin" in t for t in titles)
    assert page.errors == []


def test_reported_speech_is_shown_as_reported(sample_site, page):
    # "… Peskov explained that Putin was not in the Kremlin at the time of the attack"
    with serve(sample_site) as base:
        # led by its own verb, as the article gives it (quote_annotator/leads.py)
        link = first_result(page, f"{base}/search.html", "Putin Kremlin time", "explained that")
        text = link.inner_text()
        assert text.startswith("Dmitri Peskov explained that Putin was not in the Kremlin")
        assert "“" not in text and "”" not in text
    assert page.errors == []


def test_speaker_page_sets_verbatim_words_apart_from_paraphrase(sample_site):
    html = (sample_site / "speakers/dmitri-peskov.html").read_text(encoding="utf-8")
    reported = re.findall(r'speaker-quote__text--reported">(.*?)</p>', html, re.S)
    quoted = re.findall(r'speaker-quote__text--quoted[^"]*">(.*?)</blockquote>', html, re.S)
    assert any("Putin was not in the Kremlin" in r for r in reported)
    assert any("He was not in the palace." in q for q in quoted)
    assert not any("Putin was not in the Kremlin" in q for q in quoted)


def test_a_query_that_names_a_speaker_shows_the_speaker_first(sample_site, page):
    with serve(sample_site) as base:
        page.goto(f"{base}/search.html")
        page.fill(".pagefind-ui__search-input", "Peskov")
        card = page.locator(".search-speakers__card").first
        card.wait_for(timeout=15_000)
        link = card.locator("a.search-speakers__name")
        assert link.inner_text() == "Dmitri Peskov"
        assert link.get_attribute("href").endswith("speakers/dmitri-peskov.html")
        facts = card.locator(".search-speakers__facts").inner_text()
        assert re.fullmatch(r"\d+ quotations · .*spokesman", facts)
        # the card stands before the results; a query naming no one shows none
        assert page.evaluate(
            "document.querySelector('.search-speakers').compareDocumentPosition("
            "document.querySelector('.pagefind-ui__results')) & Node.DOCUMENT_POSITION_FOLLOWING"
        )
        page.fill(".pagefind-ui__search-input", "drones")
        page.wait_for_url(re.compile(r"q=drones"), timeout=15_000)
        page.locator(".pagefind-ui__result-link").first.wait_for(timeout=15_000)
        page.wait_for_function(
            "document.querySelectorAll('.search-speakers__card').length === 0", timeout=15_000
        )
    assert page.errors == []


def test_the_speakers_listing_is_open_data(sample_site):
    import json

    speakers = json.loads((sample_site / "speakers/index.json").read_text(encoding="utf-8"))
    peskov = next(s for s in speakers if s["name"] == "Dmitri Peskov")
    assert peskov["url"] == "speakers/dmitri-peskov.html" and peskov["quotes"] >= 2
    assert peskov["kind"] == "person"
