"""Annotated article pages: every quote marked with its speaker, safely."""

from __future__ import annotations

import re

SEED = "articles/2023/05/drones-attack-the-kremlin.html"
PEOPLE = {
    "Dmitri Peskov",
    "Mikhail Sheremet",
    "Serghei Mironov",
    "Aleksei Zhuravlev",
    "Vyacheslav Volodin",
    "Mykhailo Podolyak",
}


def panel(html: str) -> list[tuple[str, str, int]]:
    """(name, kind, number of quotes) for each speaker in the "Who is quoted" panel."""
    aside = html.split('<aside class="who-quoted"', 1)[1].split("</aside>", 1)[0]
    rows = re.findall(
        r'data-kind="(\w+)">.*?who-quoted__name">(.*?)</span>.*?'
        r'who-quoted__count">(\d+) quote',
        aside,
        re.S,
    )
    return [(name, kind, int(n)) for kind, name, n in rows]


def test_seed_article_marks_every_quote_with_its_speaker(sample_site):
    html = (sample_site / SEED).read_text(encoding="utf-8")
    anchors = re.findall(r'<span id="(q-\d+)" class="quote', html)
    # 19 direct and mixed quotes (Zhuravlev's, split around its cue, is one) and 4 indirect
    assert len(anchors) == len(set(anchors)) >= 18 + 4
    speakers = panel(html)
    people = {name for name, kind, _ in speakers if kind == "person"}
    assert people == PEOPLE
    counts = {name: n for name, _, n in speakers}
    assert counts["Mykhailo Podolyak"] == 4
    assert counts["Mikhail Sheremet"] == 2
    # every quote's speaker is text beside it, not only a colour
    assert '<span class="visually-hidden">quote 14, direct, </span>Mikhail Sheremet</a>' in html


def test_headline_quote_is_marked_but_the_search_title_stays_clean(sample_site):
    html = (sample_site / SEED).read_text(encoding="utf-8")
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)
    assert '<span id="q-1" class="quote quote--direct' in h1
    assert "quote-ref" not in h1  # no label inside the headline


def test_summary_on_the_home_page_has_no_annotations(sample_site):
    html = (sample_site / "index.html").read_text(encoding="utf-8")
    assert "quote-ref" not in html and 'visually-hidden">quote' not in html


def test_hostile_content_is_text_never_markup(hostile_site):
    page = next((hostile_site / "articles").rglob("*.html"))
    html = page.read_text(encoding="utf-8")
    # no element carries an event handler, and the only scripts are the theme's own
    assert not re.search(r"<[a-zA-Z][^>]*\son[a-z]+\s*=", html)
    data = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in data  # the structured data cannot close its <script> element
    scripts = re.findall(r"<script(?! type=\"application/ld\+json\")[^>]*>", html)
    # the only scripts are the theme's own files
    assert scripts and all(
        re.fullmatch(r'<script src="[./]*theme/js/\w+\.js"[^>]*>', x) for x in scripts
    ), scripts
    assert "&lt;img src=x onerror=alert(1)&gt; Hostile" in html  # the title, escaped
    assert re.search(r"<span id=\"q-1\" class=\"quote", html)
