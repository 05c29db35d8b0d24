"""PAGEFIND_OUTPUT moves the search bundle: the search page, the article page's highlight
and the service worker all load it from there (none of them assumes pagefind/)."""

from __future__ import annotations

import re
import shutil

import pytest

from browsing import OLD_ARTICLE, first_result, serve
from sitebuild import CONTENT, PELICANCONF, run_pelican

pytestmark = pytest.mark.browser

HEADLINE = "Attack on Putin, 2 drones attack the Kremlin"

OLD = OLD_ARTICLE


@pytest.fixture(scope="module")
def find_site(tmp_path_factory):
    """The sample archive and an article of an older year (a second bundle, merged by
    the search page), built with PAGEFIND_OUTPUT="find"."""
    tmp = tmp_path_factory.mktemp("find")
    shutil.copytree(CONTENT, tmp / "content")
    (tmp / "content" / "articles" / "2019-harbour.md").write_text(OLD, encoding="utf-8")
    out = tmp / "out"
    proc = run_pelican(tmp / "content", out, PELICANCONF, 'PAGEFIND_OUTPUT="find"')
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out


def test_the_bundle_is_written_where_the_setting_says(find_site):
    assert (find_site / "find" / "pagefind-entry.json").is_file()
    assert (find_site / "find" / "2019" / "pagefind-entry.json").is_file()
    assert not (find_site / "pagefind").exists()
    for page in (find_site / "search.html", *find_site.glob("articles/**/*.html")):
        html = page.read_text(encoding="utf-8")
        assert "/pagefind/" not in html, page
    bundle = re.search(r'data-bundle="([^"]*)"', (find_site / "search.html").read_text("utf-8"))
    assert bundle and bundle[1].endswith("/find/"), bundle
    sw = (find_site / "sw.js").read_text(encoding="utf-8")
    assert '"find/pagefind-entry.json"' in sw and '"find/2019/pagefind-entry.json"' in sw
    assert '"pagefind/' not in sw


def test_search_speaker_filter_quotes_and_highlight_work_from_the_setting(find_site, page):
    missing: list[str] = []
    page.on("response", lambda r: missing.append(r.url) if r.status == 404 else None)
    with serve(find_site) as base:
        # a quotation of the newest bundle, with its speaker: opens at the quote
        link = first_result(
            page, f"{base}/search.html", "rocket attack Zelensky", "Mikhail Sheremet"
        )
        assert "It’s time to launch a rocket attack" in link.inner_text()
        # the speaker filter comes from the bundle's filters
        page.locator("label", has_text="Mykhailo Podolyak").first.wait_for(
            state="attached", timeout=15_000
        )
        link.click()
        page.wait_for_url(re.compile(r"drones-attack-the-kremlin\.html.*#q-14$"))
        # the article page loads Pagefind's highlight script from find/
        page.locator("mark.pagefind-highlight").first.wait_for(timeout=10_000)
        # the older year's bundle (find/2019/) is merged in
        link = first_result(page, f"{base}/search.html", "lighthouse ferry", "Anna Berg")
        assert "lighthouse district" in link.inner_text()
    assert missing == []
    assert page.errors == []
