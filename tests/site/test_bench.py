"""The benchmark's generated corpus is reproducible and realistic (the timing is not a test)."""

from __future__ import annotations

import json
import sys

from sitebuild import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import bench  # noqa: E402


def test_generated_corpus_is_reproducible_and_news_like():
    first, again = bench.generate(20), bench.generate(20)
    assert first == again
    for article in first:
        words = len(article["text"].split())
        assert 250 <= words <= 1300, words
    quotes = [a["text"].count("“") for a in first]
    assert min(quotes) >= 3 and max(quotes) <= 30


def test_generated_quotes_are_found_by_the_engine():
    from archive_quotes import extract_quotes

    article = bench.generate(1)[0]
    found = extract_quotes(article["title"] + "\n\n" + article["text"]).quotes
    assert len(found) >= 4
    assert sum(q.speaker is not None for q in found) >= len(found) * 0.8


def test_a_corpus_becomes_pelican_articles_with_key_value_headers(tmp_path):
    source = tmp_path / "corpus.jsonl"
    rows = [
        {"id": "bbc/business/001", "title": "Ad sales\nboost", "text": "One."},
        {"id": "bbc/tech/002", "title": "Путин", "text": "Two."},
    ]
    source.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    articles = bench.load(source, 5)  # a corpus shorter than asked for is used again
    assert [a["id"] for a in articles] == [
        "bbc/business/001", "bbc/tech/002", "bbc/business/001-2", "bbc/tech/002-2",
        "bbc/business/001-3",
    ]  # fmt: skip
    bench.write_content(articles, tmp_path / "content")
    first = (tmp_path / "content/articles/bbc-business-001.md").read_text(encoding="utf-8")
    assert first.startswith("Title: Ad sales boost\nDate: 2005-01-01\nCategory: News\n")
    assert "\nSlug: bbc-business-001\n\nOne.\n" in first
    assert len(list((tmp_path / "content/articles").iterdir())) == 5
