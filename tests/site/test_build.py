"""The sample archive builds into a complete site with a search index of its articles."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

from sitebuild import CONTENT, PELICANCONF, run_pelican

SEED = "articles/2023/05/drones-attack-the-kremlin.html"


def article_pages(site: Path) -> list[Path]:
    return sorted(site.glob("articles/**/*.html"))


def test_sample_archive_pages_exist(sample_site):
    for page in (
        SEED,
        "index.html",
        "archives.html",
        "archives/2023/index.html",
        "tags.html",
        "tag/kremlin.html",
        "categories.html",
        "category/world.html",
        "search.html",
        "about.html",
    ):
        assert (sample_site / page).is_file(), page


def test_article_page_has_headline_date_and_headings(sample_site):
    html = (sample_site / SEED).read_text(encoding="utf-8")
    assert re.search(r'<h1[^>]*data-pagefind-meta="title"[^>]*>\s*Attack on Putin', html)
    assert "2023-05-03" in html
    # the section headings, as text (quoted ones carry their quote mark-up inside)
    # (a quote's speaker label is an <a class="quote-ref"> after it)
    headings = [
        re.sub(r"<[^>]+>", "", re.sub(r'<a class="quote-ref".*?</a>', "", h)).strip()
        for h in re.findall(r"<h2[^>]*>(.*?)</h2>", html)
    ]
    for heading in (
        "“Fragments of drones on the territory of the Kremlin”",
        "“May 9 parade bombing”",
        "The Duma calls for missiles on Zelensky’s residence",
        "Kiev: drones a Russian move to attack on a large scale",
    ):
        assert heading in headings, heading


def test_pagefind_markup_only_on_article_pages(sample_site):
    for page in sample_site.rglob("*.html"):
        if "pagefind" in page.parts:
            continue
        html = page.read_text(encoding="utf-8")
        is_article = page.relative_to(sample_site).as_posix().startswith("articles/")
        assert ("data-pagefind-body" in html) == is_article, page
    html = (sample_site / SEED).read_text(encoding="utf-8")
    for marker in (
        'data-pagefind-filter="category"',
        'data-pagefind-filter="tag"',
        'data-pagefind-filter="year',
        'data-pagefind-sort="date:2023-05-03"',
    ):
        assert marker in html, marker


def test_pagefind_index_counts_exactly_the_articles(sample_site):
    entry = json.loads((sample_site / "pagefind" / "pagefind-entry.json").read_text())
    indexed = sum(lang["page_count"] for lang in entry["languages"].values())
    articles = list(CONTENT.glob("articles/**/*.md"))
    # one record per article: quotations are found inside it (search.js), so the index
    # does not grow by one record per quotation
    assert len(article_pages(sample_site)) == len(articles)
    assert indexed == len(articles)
    assert not (sample_site / "pagefind-records.jsonl").exists()
    for asset in ("pagefind-ui.js", "pagefind-ui.css", "pagefind-highlight.js"):
        assert (sample_site / "pagefind" / asset).is_file()


def test_pages_mode_indexes_the_written_pages(tmp_path):
    out = tmp_path / "out"
    proc = run_pelican(CONTENT, out, PELICANCONF, 'PAGEFIND_MODE="pages"')
    assert proc.returncode == 0, proc.stdout + proc.stderr
    entry = json.loads((out / "pagefind" / "pagefind-entry.json").read_text())
    assert sum(lang["page_count"] for lang in entry["languages"].values()) == len(
        list(CONTENT.glob("articles/**/*.md"))
    )


def test_article_record_lists_its_quotes_for_search(sample_site):
    html = (sample_site / SEED).read_text(encoding="utf-8")
    meta = r'<span data-pagefind-meta="quotes" data-pagefind-ignore>([^<]*)</span>'
    found = re.search(meta, html)
    assert found, "the article page carries its quotations as Pagefind metadata"
    quotes = json.loads(unescape(found.group(1)))
    ids = re.findall(r'<span id="(q-\d+)"', html)
    assert [q[0] for q in quotes] == ids  # every anchor, in the page's order
    speakers = {q[0]: q[1] for q in quotes}
    assert speakers["q-14"] == "Mikhail Sheremet"
    # reported speech led by its own verb carries it: "indirect denounced"
    assert {q[2].split()[0] for q in quotes} <= {"direct", "mixed", "indirect"}
    assert all(len(q[2].split()) == 1 or q[2].startswith("indirect ") for q in quotes)


def test_published_site_has_feeds_and_subpath_links(published_site):
    feed = (published_site / "feeds" / "all.atom.xml").read_text(encoding="utf-8")
    assert "Attack on Putin" in feed
    assert (published_site / "feeds" / "all.rss.xml").is_file()
    html = (published_site / SEED).read_text(encoding="utf-8")
    # every root-relative link and asset sits under the project subpath
    for url in re.findall(r'(?:href|src)="(/[^"]*)"', html):
        assert url.startswith("/REPO/"), url
    assert 'src="/REPO/theme/' in html or "/REPO/theme/" in html


def test_theme_uses_no_outside_resources(sample_site):
    for page in (sample_site / SEED, sample_site / "search.html", sample_site / "index.html"):
        html = page.read_text(encoding="utf-8")
        # resources (scripts, images, stylesheets, fonts) load from the site itself;
        # ordinary links to other sites are fine
        assert not re.search(r'\ssrc="(?:https?:)?//', html), page
        assert not re.search(r'<link[^>]+href="(?:https?:)?//', html), page
    for css in sample_site.glob("theme/**/*.css"):
        assert not re.search(r"url\((?:'|\")?(?:https?:)?//", css.read_text()), css


def test_published_pages_have_a_canonical_address_and_previews(tmp_path):
    from sitebuild import PUBLISHCONF

    out = tmp_path / "output"
    site = "https://example.org/archive"
    proc = run_pelican(CONTENT, out, PUBLISHCONF, env={"SITEURL": site})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    html = (out / SEED).read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{site}/{SEED}">' in html
    assert f'<meta property="og:url" content="{site}/{SEED}">' in html
    assert '<meta property="og:type" content="article">' in html
    title = re.search(r'<meta property="og:title" content="([^"]*)">', html).group(1)
    assert unescape(title).startswith("Attack on Putin, 2 drones attack the Kremlin")
    assert '<meta property="og:description" content="In the night' in html
    home = (out / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{site}/index.html">' in home
    # a speaker page says who the speaker is, with Wikidata as sameAs
    speaker = (out / "speakers" / "dmitri-peskov.html").read_text(encoding="utf-8")
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', speaker, re.S).group(1)
    )
    assert data["@type"] == "Person" and data["name"] == "Dmitri Peskov"
    assert data["url"] == f"{site}/speakers/dmitri-peskov.html"
    assert data["sameAs"] == ["https://www.wikidata.org/wiki/Q2624451"]
    assert '<meta property="og:type" content="profile">' in speaker
    assert 'href="https://www.wikidata.org/wiki/Q2624451"' in speaker


def test_local_builds_claim_no_address(sample_site):
    # relative links, no SITEURL: a page cannot know where it will be published
    html = (sample_site / SEED).read_text(encoding="utf-8")
    assert 'rel="canonical"' not in html and "og:url" not in html
    assert '<meta property="og:type" content="article">' in html
