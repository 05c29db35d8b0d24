"""Searching the archive with no server and no network, in a real browser."""

from __future__ import annotations

import re
import subprocess
import zipfile

import pytest

from browsing import serve
from sitebuild import ROOT

pytestmark = pytest.mark.browser

HEADLINE = "Attack on Putin, 2 drones attack the Kremlin"


def search_from_disk(page, index_html):
    page.goto(index_html.as_uri())
    page.fill("#site-search-q", "Peskov")
    page.press("#site-search-q", "Enter")
    page.wait_for_url(re.compile(r"search\.html\?q=Peskov"))
    results = page.locator(".pagefind-ui__result-link")
    results.first.wait_for(timeout=15_000)
    titles = results.all_inner_texts()
    assert any(HEADLINE in t for t in titles)
    # filter by speaker: only Sheremet's quotations about Zelensky remain
    page.select_option("#offline-speaker", "Mikhail Sheremet")
    page.fill("#offline-q", "Zelensky")
    page.wait_for_timeout(300)
    titles = results.all_inner_texts()
    assert titles and all("Mikhail Sheremet" in t or HEADLINE in t for t in titles)
    # a quotation result opens the article at the quote
    results.filter(has_text="rocket attack").first.click()
    page.wait_for_url(re.compile(r"drones-attack-the-kremlin\.html#q-\d+$"))
    anchor = page.url.rsplit("#", 1)[1]
    assert page.locator(f"#{anchor}").evaluate("e => e.matches(':target')")
    assert "rocket attack" in page.locator(f"#{anchor}").inner_text()


def test_search_works_opened_from_disk(sample_site, page):
    search_from_disk(page, sample_site / "index.html")
    assert page.errors == []


def test_make_offline_zip_searches_from_disk_when_unzipped(sample_site, page, tmp_path):
    target = tmp_path / "archive.zip"
    proc = subprocess.run(
        [
            "make",
            "-s",
            "offline",
            f"OUTPUTDIR={sample_site}",
            f"OFFLINEZIP={target}",
            "PELICANOPTS=--log-handler plain",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    unzipped = tmp_path / "elsewhere"
    with zipfile.ZipFile(target) as zf:
        zf.extractall(unzipped)
    search_from_disk(page, unzipped / "annotated-archive" / "index.html")
    assert page.errors == []


def test_search_answers_offline_after_one_visit(sample_site, browser):
    context = browser.new_context()
    page = context.new_page()
    try:
        with serve(sample_site) as base:
            page.goto(f"{base}/search.html")
            # the service worker installs and takes control of the page
            page.evaluate("navigator.serviceWorker.ready.then(() => true)")
            page.reload()
            page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=15_000)
            context.set_offline(True)
            page.goto(f"{base}/search.html?q=Peskov")
            # the search page and its index come from the service worker's cache
            link = page.locator(".pagefind-ui__result-link", has_text=HEADLINE).first
            link.wait_for(timeout=15_000)
            quotes = page.locator(".pagefind-ui__result-link", has_text="Dmitri Peskov")
            assert quotes.count() >= 1
            page.select_option("#offline-speaker", "Mikhail Sheremet")
            page.fill("#offline-q", "Zelensky")
            page.wait_for_timeout(300)
            titles = page.locator(".pagefind-ui__result-link").all_inner_texts()
            assert titles and all("Mikhail Sheremet" in t or HEADLINE in t for t in titles)
    finally:
        context.close()


def _quote_titles(page):
    return page.locator(".pagefind-ui__result-nested .pagefind-ui__result-link").all_inner_texts()


@pytest.mark.parametrize("query", ["rocket attack Zelensky", "Peskov", "Kremlin attack"])
def test_quotes_come_in_the_same_order_online_and_from_disk(sample_site, page, query):
    """quoteResults() ranks an article's quotes by how many of the query's words they
    (and their speaker's name) hold, then by how close those words stand: whichever
    index found the article, Pagefind's or the one on disk."""
    with serve(sample_site) as base:
        page.goto(f"{base}/search.html?q={query}")
        page.locator(".pagefind-ui__result-nested").first.wait_for(timeout=15_000)
        page.wait_for_timeout(500)
        online = _quote_titles(page)
    page.goto((sample_site / "search.html").as_uri() + f"?q={query}")
    page.locator(".pagefind-ui__result-nested").first.wait_for(timeout=15_000)
    page.wait_for_timeout(500)
    assert _quote_titles(page) == online
    if query == "rocket attack Zelensky":
        assert "rocket attack" in online[0]  # the one quote holding all three words
    if query == "Peskov":
        assert online and all(t.endswith("— Dmitri Peskov") or "Peskov" in t for t in online[:3])
    assert page.errors == []
