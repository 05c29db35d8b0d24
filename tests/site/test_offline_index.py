"""The index for search from disk: a small script naming its parts, newest first."""

from __future__ import annotations

import json
from datetime import datetime
from types import SimpleNamespace

from offline_search.offline import index_documents, split_parts, write_index


def _article(i: int, text: str, quotes=None):
    return SimpleNamespace(
        url=f"a{i}.html",
        title=f"Article {i}",
        date=datetime(2020 + i // 12, 1 + i % 12, 1),
        quotes=[],
        search_text=text,
        quotes_search=json.dumps(quotes or []),
        content="",
    )


def _read(path):
    text = path.read_text(encoding="utf-8")
    return json.loads(text[text.index("=") + 1 :].strip().rstrip(";"))


def test_records_are_newest_first_and_quotes_past_the_kept_text_keep_their_words():
    words = " ".join(f"w{i}" for i in range(100))
    old = _article(0, "old text")
    new = _article(30, words, [["q-1", "Ann Lee", "direct", 2, 3], ["q-2", "", "direct", 90, 2]])
    docs = index_documents([old, new], limit=50)
    assert [d["url"] for d in docs] == ["a30.html", "a0.html"]
    first, late = docs[0]["quotes"]
    assert len(first) == 5  # inside the kept text: found by position
    assert late[5] == "w90 w91" and len(docs[0]["text"]) == 50


def test_parts_stay_within_the_budget_and_only_what_changed_is_rewritten(tmp_path):
    articles = [_article(i, "word " * 200) for i in range(40)]
    docs = index_documents(articles, None)
    parts = split_parts(docs, 5_000)
    assert len(parts) > 3
    assert parts[0][0]["url"] == docs[0]["url"]  # the newest part comes first
    assert all(sum(len(d["text"]) for d in p) <= 5_000 for p in parts)
    assert sum(len(p) for p in parts) == 40

    files = write_index(
        str(tmp_path), "search-index.js", docs, [["Ann Lee", "s.html", 2, None, "person"]], 5_000
    )
    manifest = _read(tmp_path / "search-index.js")
    assert manifest["parts"] == files[1:] and manifest["articles"] == 40
    assert manifest["parts"][0].endswith(
        f"part-{len(parts) - 1:03d}.js"
    )  # numbered from the oldest
    oldest = tmp_path / manifest["parts"][-1]
    stamp = oldest.stat().st_mtime_ns
    # one new article: the oldest parts are left as they are
    more = index_documents([*articles, _article(41, "word " * 200)], None)
    write_index(str(tmp_path), "search-index.js", more, [], 5_000)
    assert oldest.stat().st_mtime_ns == stamp
    # fewer articles: parts no longer named are removed
    write_index(str(tmp_path), "search-index.js", more[:3], [], 5_000)
    assert sorted(p.name for p in (tmp_path / "search-index").iterdir()) == ["part-000.js"]


def test_nothing_in_the_data_closes_the_script(tmp_path):
    docs = index_documents([_article(1, "a </script><script>alert(1)</script> b")], None)
    write_index(
        str(tmp_path), "search-index.js", docs, [["</script>", "x", 1, None, "person"]], 10_000
    )
    for path in [tmp_path / "search-index.js", *(tmp_path / "search-index").iterdir()]:
        assert "</script" not in path.read_text(encoding="utf-8").lower()
