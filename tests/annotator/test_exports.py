"""Open data: JSON-LD on the page, W3C Web Annotations per article, the archive's tables."""

from __future__ import annotations

import csv
import json
import re

SEED = "articles/2023/05/drones-attack-the-kremlin"


def test_jsonld_quotations_with_creator_and_article(sample_site):
    html = (sample_site / f"{SEED}.html").read_text(encoding="utf-8")
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(raw)
    quotes = [q for q in data["@graph"] if q["@type"] == "Quotation"]
    assert len(quotes) == len(re.findall(r'<span id="q-\d+"', html))
    sheremet = next(q for q in quotes if q["text"].startswith("It’s time to launch"))
    assert sheremet["creator"] == {
        "@type": "Person",
        "name": "Mikhail Sheremet",
        "url": "/speakers/mikhail-sheremet.html",
    }
    assert sheremet["isPartOf"]["@type"] == "NewsArticle"
    assert sheremet["isPartOf"]["headline"].startswith("Attack on Putin")


def test_web_annotations_select_the_quoted_words(sample_site):
    data = json.loads((sample_site / f"{SEED}.annotations.json").read_text(encoding="utf-8"))
    assert data["type"] == "AnnotationCollection"
    items = data["first"]["items"]
    assert data["total"] == len(items) >= 22
    first = items[0]
    quote, position = first["target"]["selector"]
    assert quote["type"] == "TextQuoteSelector" and quote["exact"] == "He was not in the palace."
    assert quote["prefix"].endswith("Peskov: “")
    assert position == {
        "type": "TextPositionSelector",
        "start": position["start"],
        "end": position["start"] + len(quote["exact"]),
    }
    assert {"type": "TextualBody", "purpose": "identifying", "value": "Dmitri Peskov"} in (
        first["body"]
    )
    html = (sample_site / f"{SEED}.html").read_text(encoding="utf-8")
    assert f'{SEED}.annotations.json"' in html  # linked (relatively) from the page


def test_archive_tables_list_every_quote(sample_site):
    rows = [json.loads(x) for x in (sample_site / "quotes.jsonl").read_text().splitlines()]
    html = (sample_site / f"{SEED}.html").read_text(encoding="utf-8")
    anchors = re.findall(r'<span id="(q-\d+)"', html)
    assert sorted(r["url"].split("#")[1] for r in rows) == sorted(anchors)
    with (sample_site / "quotes.csv").open(encoding="utf-8", newline="") as f:
        table = list(csv.DictReader(f))
    assert len(table) == len(rows)
    assert set(table[0]) >= {"id", "url", "date", "speaker", "role", "type", "cue", "text"}
    sheremet = [r for r in table if r["speaker"] == "Mikhail Sheremet"]
    assert len(sheremet) == 2 and sheremet[0]["role"] == "Duma deputy"
    index = (sample_site / "speakers/index.html").read_text(encoding="utf-8")
    assert 'href="../quotes.jsonl"' in index and 'href="../quotes.csv"' in index


def test_search_positions_point_at_each_quotes_words():
    from types import SimpleNamespace

    from quote_annotator.exports import search_meta

    text = "Peskov: “He was not there.”\n\nThe Kremlin said “it was  an attack,” he said."
    quotes = []
    for n, words in enumerate(["He was not there.", "it was  an attack,"], 1):
        start = text.index(words)
        quotes.append(
            SimpleNamespace(
                id=f"q-{n}",
                speaker="X",
                type="direct",
                lead="said that",
                start=start,
                end=start + len(words),
            )
        )
    rows = json.loads(search_meta(quotes, text))
    tokens = text.split()
    # Pagefind counts words split at whitespace; marks stay attached to their word
    assert [" ".join(tokens[r[3] : r[3] + r[4]]) for r in rows] == [
        "“He was not there.”",
        "“it was an attack,”",
    ]
