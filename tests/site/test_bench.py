"""The benchmark's generated corpus is reproducible and realistic (the timing is not a test)."""

from __future__ import annotations

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
