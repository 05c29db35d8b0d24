"""Browsing and searching a 500-article archive, on a phone (390 x 844) and a desktop.

The archive is generated with a fixed seed (conftest.archive_500): hundreds of speakers,
thousands of quotations, so what does not scale shows: facets of hundreds of values, a
speakers index of hundreds of rows, speaker pages of dozens of quotes.
"""

from __future__ import annotations

import json
import re

import pytest

from browsing import axe_violations, serve

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SIZES = pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["390", "1280"])


def _speakers(site):
    return json.loads((site / "speakers" / "index.json").read_text(encoding="utf-8"))


def _view(browser, size, **kw):
    context = browser.new_context(viewport=size, **kw)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    return context, page


def _top(locator) -> float:
    return locator.evaluate("e => e.getBoundingClientRect().top")


def _first_article(site) -> str:
    html = (site / "index.html").read_text(encoding="utf-8")
    return re.search(r'class="article-list__title"><a href="([^"]+)"', html).group(1)


@SIZES
def test_searching_a_name_shows_the_speaker_results_and_quotes_on_the_first_screen(
    archive_500, browser, size
):
    top = _speakers(archive_500)[0]
    context, page = _view(browser, size)
    try:
        with serve(archive_500) as base:
            page.goto(f"{base}/search.html?q={top['name']}")
            card = page.locator(".search-speakers__card").first
            card.wait_for(timeout=15_000)
            page.locator(".pagefind-ui__result").first.wait_for(timeout=15_000)
            page.wait_for_timeout(500)
            assert top["name"] in card.inner_text()
            assert f"{top['quotes']} quotations" in card.inner_text()
            height = size["height"]
            assert _top(card) < height
            assert _top(page.locator(".pagefind-ui__result-link").first) < height
            # the speaker's best-matching quotes come with their card, on the first screen
            best = page.locator(".search-speakers__quotes a")
            best.first.wait_for(timeout=15_000)
            assert 1 <= best.count() <= 3
            assert _top(best.first) < height
            assert "#q-" in best.first.get_attribute("href")
            # and under the results, their quotes are named as theirs
            nested = page.locator(".pagefind-ui__result-nested .pagefind-ui__result-link")
            assert any(top["name"] in t for t in nested.all_text_contents())
            # facets: closed on a phone, the speaker facet open on a desktop; long facets
            # show their top values and a find box; no value counts nothing
            speaker_facet = page.locator("details.pagefind-ui__filter-block").first
            assert speaker_facet.evaluate("e => e.open") == (size is DESKTOP)
            values = speaker_facet.locator(".pagefind-ui__filter-value")
            assert 0 < values.count() <= 12
            assert speaker_facet.locator("input.search-facet__filter").count() == 1
            counts = page.locator(".pagefind-ui__filter-value .count").all_text_contents()
            assert counts and "0" not in counts
            assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]
    finally:
        context.close()
    assert page.errors == []


def _terms(query):
    return [t for t in re.split(r"\W+", query.lower()) if len(t) > 1]


def test_quote_results_rank_by_query_words_then_proximity(archive_500, page):
    # words that stand together in some quotes, apart or alone in others
    query = "budget vote council"
    with serve(archive_500) as base:
        page.goto(f"{base}/search.html?q={query}")
        page.locator(".pagefind-ui__result-nested").first.wait_for(timeout=15_000)
        page.wait_for_timeout(500)
        checked = 0
        for result in page.locator(".pagefind-ui__result").all():
            held = []
            for sub in result.locator(".pagefind-ui__result-nested").all():
                words = sub.locator(".pagefind-ui__result-excerpt").text_content().lower()
                tokens = re.findall(r"\w+", words)
                held.append(sum(any(t.startswith(q) for t in tokens) for q in _terms(query)))
            assert held == sorted(held, reverse=True), held
            checked += len(held) > 1
        assert checked >= 3
        # every matching quote is reachable: "N more quotes" shows the rest
        at = page.locator(".pagefind-ui__result").evaluate_all(
            "rs => rs.findIndex(r => r.querySelector('.search-result__more-quotes'))"
        )
        assert at >= 0
        result = page.locator(".pagefind-ui__result").nth(at)
        more = result.locator(".search-result__more-quotes")
        hidden = result.locator(".pagefind-ui__result-nested[hidden]").count()
        assert more.inner_text() == f"{hidden} more quotes"
        more.click()
        assert result.locator(".pagefind-ui__result-nested[hidden]").count() == 0
    assert page.errors == []


def _quotes_by_article(page):
    more = page.locator(".pagefind-ui__button")
    for _ in range(60):  # every result, not the first page only
        if not more.is_visible():
            break
        count = page.locator(".pagefind-ui__result").count()
        more.click()
        page.wait_for_function(
            f"document.querySelectorAll('.pagefind-ui__result').length > {count}"
        )
    found = {}
    for result in page.locator(".pagefind-ui__result").all():
        url = result.locator(".pagefind-ui__result-link").first.get_attribute("href")
        path = url.split("?")[0].split("#")[0].lstrip("./").lstrip("/")
        found[path] = result.locator(
            ".pagefind-ui__result-nested .pagefind-ui__result-link"
        ).all_text_contents()
    return found


def test_an_articles_quotes_come_in_the_same_order_online_and_from_disk(archive_500, page):
    top = _speakers(archive_500)[3]["name"] + " harbour"
    with serve(archive_500) as base:
        page.goto(f"{base}/search.html?q={top}")
        page.locator(".pagefind-ui__result-nested").first.wait_for(timeout=15_000)
        page.wait_for_timeout(800)
        online = _quotes_by_article(page)
    page.goto((archive_500 / "search.html").as_uri() + f"?q={top}")
    status = page.locator(".pagefind-ui__message")
    page.wait_for_function(
        "!/parts loaded|Loading/.test(document.querySelector('.pagefind-ui__message').textContent)",
        timeout=30_000,
    )
    assert "offline search" in status.inner_text()
    disk = _quotes_by_article(page)
    common = [url for url in online if url in disk]
    assert len(common) == len(online) == len(disk) >= 3
    for url in common:
        assert disk[url] == online[url], url
    assert page.errors == []


def test_search_from_disk_loads_the_newest_part_first(archive_500, browser):
    """The index for file:// comes in parts (search-index/part-NNN.js): the first
    results come from the newest part, before the older parts are loaded; on a phone
    they start on the first screen, and nothing is wider than it."""
    manifest = (archive_500 / "search-index.js").read_text(encoding="utf-8")
    parts = json.loads(manifest[manifest.index("=") + 1 :].strip().rstrip(";"))["parts"]
    assert len(parts) >= 2
    context, page = _view(browser, PHONE)
    loaded = []
    page.on("request", lambda r: loaded.append(r.url) if "/search-index/" in r.url else None)
    try:
        page.goto((archive_500 / "search.html").as_uri() + "?q=harbour")
        first = page.locator(".pagefind-ui__result").first
        first.wait_for(timeout=30_000)
        assert loaded and loaded[0].endswith(parts[0])
        assert _top(first) < PHONE["height"]
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    finally:
        context.close()
    assert page.errors == []


@SIZES
def test_speakers_index_at_scale(archive_500, browser, size):
    context, page = _view(browser, size)
    try:
        with serve(archive_500) as base:
            page.goto(f"{base}/speakers/index.html")
            rows = page.locator(".speakers-table tbody tr")
            total = rows.count()
            assert total > 300
            # most quoted first, without JavaScript's help
            counts = [
                int(c) for c in page.locator(".speakers-table td:nth-child(2)").all_text_contents()
            ]
            assert counts == sorted(counts, reverse=True)
            page.fill("#speakers-filter", "berg")
            visible = page.locator(".speakers-table tbody tr:not([hidden])")
            assert 0 < visible.count() < total
            assert all("berg" in t.lower() for t in visible.all_inner_texts())
            page.fill("#speakers-filter", "")
            page.locator(".speakers-az button", has_text="S").first.click()
            names = page.locator(
                ".speakers-table tbody tr:not([hidden]) td:first-child"
            ).all_inner_texts()
            assert names and all(n.split()[-1].startswith("S") for n in names)
            assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]
            page.set_viewport_size({"width": 320, "height": 700})
            assert page.evaluate("document.documentElement.scrollWidth") <= 320
    finally:
        context.close()
    assert page.errors == []


def test_a_busy_speaker_page(archive_500, page):
    top = _speakers(archive_500)[0]
    html = (archive_500 / top["url"]).read_text(encoding="utf-8")
    assert "<svg" in html and "Quotations per month" in html  # drawn without JavaScript
    with serve(archive_500) as base:
        page.goto(f"{base}/{top['url']}")
        dates = page.locator(".speaker-article time").evaluate_all(
            "ts => ts.map(t => t.getAttribute('datetime'))"
        )
        assert len(dates) > 5 and dates == sorted(dates, reverse=True)  # newest first
        assert page.locator(".speaker-quote").count() == top["quotes"]
        page.locator(".speaker-types button", has_text="reported").click()
        shown = page.locator(".speaker-quote:not([hidden])")
        assert 0 < shown.count() < top["quotes"]
        assert shown.evaluate_all("qs => qs.every(q => q.dataset.type === 'indirect')")
    assert page.errors == []


@SIZES
def test_the_home_page_shows_the_archives_voices(archive_500, browser, size):
    top = _speakers(archive_500)[0]
    context, page = _view(browser, size)
    try:
        with serve(archive_500) as base:
            page.goto(f"{base}/index.html")
            voices = page.locator(".voices")
            first = page.locator(".voices__speakers a").first
            assert first.inner_text() == top["name"]
            assert page.locator(".voices__quote").count() >= 3
            if size is DESKTOP:  # beside the latest articles
                box = voices.bounding_box()
                articles = page.locator(".home__articles").bounding_box()
                assert box["x"] >= articles["x"] + articles["width"] and box["y"] < 400
            assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]
            first.click()
            page.wait_for_url(f"**/{top['url']}")
    finally:
        context.close()
    assert page.errors == []
    # not on the older pages of the list
    assert "voices__speakers" not in (archive_500 / "index2.html").read_text(encoding="utf-8")


@SIZES
def test_article_page_fits_the_screen(archive_500, browser, size):
    context, page = _view(browser, size, has_touch=size is PHONE)
    try:
        with serve(archive_500) as base:
            page.goto(f"{base}/{_first_article(archive_500)}")
            fold = page.locator("details.who-quoted__fold")
            assert fold.evaluate("e => e.open") == (size is DESKTOP)
            if size is PHONE:
                assert fold.bounding_box()["height"] < 80  # one line, the text right below
            assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]
            label = page.locator("a.quote-ref").first
            label.tap() if size is PHONE else label.click()
            info = page.locator(".quote-info")
            info.wait_for()
            assert re.match(r"(Direct quotation|Mixed|Reported speech)", info.inner_text())
            assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]
    finally:
        context.close()
    assert page.errors == []


@SIZES
@pytest.mark.parametrize("where", ["home", "article", "speaker", "speakers", "search"])
def test_no_accessibility_violations(archive_500, browser, axe_source, size, where):
    top = _speakers(archive_500)[0]
    path = {
        "home": "index.html",
        "article": _first_article(archive_500),
        "speaker": top["url"],
        "speakers": "speakers/index.html",
        "search": f"search.html?q={top['name'].split()[-1]}",
    }[where]
    context, page = _view(browser, size)
    try:
        with serve(archive_500) as base:
            page.goto(f"{base}/{path}")
            if where == "search":
                page.locator(".pagefind-ui__result-nested").first.wait_for(timeout=15_000)
                page.wait_for_timeout(500)
            assert axe_violations(page, axe_source) == []
    finally:
        context.close()
