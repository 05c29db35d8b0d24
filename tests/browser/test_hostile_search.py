"""Nothing from an article, a correction or the speakers file runs on the search page.

Every string the build hands to Pagefind (filter values, metadata) or to the search
page's own code reaches the reader as text: each source below carries a payload that
sets a marker on `window` (and one that opens a dialog); the search page is used over
http and from disk, with a query that finds everything and one that finds nothing.
"""

from __future__ import annotations

import pytest

from browsing import serve
from sitebuild import PELICANCONF, run_pelican

pytestmark = pytest.mark.browser


def payload(n: int) -> str:
    return f"<img src=x onerror=window.__xss{n}=1;alert({n})>"


CORRECTION = f'{{data-speaker="{payload(4)}" data-role="{payload(5)}"}}'
SPAN = f'<span data-speaker="{payload(7).replace(chr(34), "&quot;")}">'

MARKDOWN = f"""---
title: "Harbour {payload(1)} plans"
date: 2024-05-01
category: "{payload(2)}"
tags: ["{payload(3)}", "harbour"]
---

[“We will rebuild the harbour this very year,”]{CORRECTION} said the mayor.

“The harbour is our future and our past,” said Anna Berg.

A sign read &lt;img src=x onerror=window.__xss6=1&gt; beside the harbour.
"""

HTML_ARTICLE = f"""<html>
<head>
  <title>Harbour money</title>
  <meta name="date" content="2024-05-02">
  <meta name="tags" content="harbour">
</head>
<body>
  <p>{SPAN}“The harbour has no money left at all,”</span>
  said a councillor.</p>
</body>
</html>
"""

SPEAKERS = f"""speakers:
  - name: "{payload(8)}"
    aliases: [Anna Berg]
    role: "{payload(9)}"
"""

MARKERS = [f"__xss{n}" for n in range(1, 10)]


@pytest.fixture(scope="module", params=["records", "pages"])
def site(request, tmp_path_factory):
    """The hostile archive, indexed from records (the default) and from the pages."""
    tmp = tmp_path_factory.mktemp(f"hostile-search-{request.param}")
    articles = tmp / "content" / "articles"
    articles.mkdir(parents=True)
    (articles / "harbour.md").write_text(MARKDOWN, encoding="utf-8")
    (articles / "money.html").write_text(HTML_ARTICLE, encoding="utf-8")
    (tmp / "content" / "speakers.yml").write_text(SPEAKERS, encoding="utf-8")
    proc = run_pelican(
        tmp / "content",
        tmp / "out",
        PELICANCONF,
        "PAGE_PATHS=[]",
        f'PAGEFIND_MODE="{request.param}"',
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return tmp / "out"


def ran(page) -> list[str]:
    return page.evaluate(f"{MARKERS!r}.filter(name => window[name] !== undefined)")


@pytest.mark.parametrize("query", ["harbour", "zzzqqq"])
def test_search_over_http_runs_nothing(site, page, query):
    with serve(site) as base:
        page.goto(f"{base}/search.html?q={query}")
        page.locator(".pagefind-ui__filter-panel, .pagefind-ui__message").first.wait_for(
            timeout=15_000
        )
        page.wait_for_timeout(800)  # results, filters and sub-results rendered
        # open every filter group and show all its values, so each value is drawn
        page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
        for button in page.locator(".search-facet__more:visible").all():
            button.click()
        page.wait_for_timeout(300)
        if query == "harbour":
            assert page.locator(".pagefind-ui__result-link").count() >= 2
            shown = page.locator("#search").inner_text()
            assert "<img src=x" in shown  # the hostile values are shown, as text
        assert ran(page) == []
    assert not [e for e in page.errors if e.startswith("dialog")], page.errors


@pytest.mark.parametrize("query", ["harbour", "zzzqqq"])
def test_search_from_disk_runs_nothing(site, page, query):
    page.goto((site / "search.html").as_uri() + f"?q={query}")
    page.locator(".offline-search__status").wait_for(timeout=15_000)
    page.wait_for_function(
        "!document.querySelector('.offline-search__status').textContent.startsWith('Loading')",
        timeout=15_000,
    )
    if query == "harbour":
        assert page.locator(".pagefind-ui__result-link").count() >= 2
        options = page.locator("#offline-speaker option").all_inner_texts()
        assert any("<img src=x" in o for o in options), options
    assert ran(page) == []
    assert not [e for e in page.errors if e.startswith("dialog")], page.errors


def test_speaker_filter_works_with_a_hostile_name(site, page):
    """Escaping for the UI must not break the filter: ticking the hostile speaker
    still narrows the results to that speaker's article and its quote."""
    with serve(site) as base:
        page.goto(f"{base}/search.html?q=harbour")
        page.locator(".pagefind-ui__result-link").first.wait_for(timeout=15_000)
        page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
        box = page.locator(".pagefind-ui__filter-label", has_text="__xss4").first
        box.click()
        page.wait_for_timeout(800)
        titles = page.locator(".pagefind-ui__result-link").all_inner_texts()
        # the speaker's article and its quote; not the other article
        assert any(t.startswith("Harbour <img") and t.endswith("plans") for t in titles), titles
        assert any("__xss4" in t for t in titles if t.startswith("“")), titles
        assert not any("Harbour money" in t for t in titles), titles
        assert ran(page) == []
