"""A damaged Pelican reader cache (a killed build, a full disk) costs one warning, not
every later build."""

from __future__ import annotations

import gzip

import pytest

from sitebuild import PELICANCONF, run_pelican

ARTICLE = "Title: Harbour plans\nDate: 2024-03-01\n\n“We will rebuild it,” said Anna Berg.\n"


def build(tmp_path, *overrides):
    proc = run_pelican(
        tmp_path / "content", tmp_path / "out", PELICANCONF, "PAGE_PATHS=[]", *overrides
    )
    return proc, proc.stdout + proc.stderr


@pytest.fixture()
def built(tmp_path):
    articles = tmp_path / "content" / "articles"
    articles.mkdir(parents=True)
    (articles / "harbour.md").write_text(ARTICLE, encoding="utf-8")
    proc, log = build(tmp_path)
    assert proc.returncode == 0, log
    readers = tmp_path / "cache" / "ArticlesGenerator-Readers"
    assert readers.is_file()
    return tmp_path, readers


@pytest.mark.parametrize("damage", ["empty", "truncated", "garbage"])
def test_a_damaged_reader_cache_is_rebuilt_with_a_warning(built, damage):
    tmp_path, readers = built
    data = readers.read_bytes()
    readers.write_bytes(
        {"empty": b"", "truncated": data[: len(data) // 2], "garbage": b"\x80"}[damage]
    )
    proc, log = build(tmp_path)
    assert proc.returncode == 0, log
    assert "ArticlesGenerator-Readers is damaged" in log, log
    page = tmp_path / "out" / "articles/2024/03/harbour-plans.html"
    assert "Anna Berg" in page.read_text(encoding="utf-8")
    proc, log = build(tmp_path)  # and the cache written anew is whole
    assert proc.returncode == 0 and "damaged" not in log, log


def test_a_whole_cache_is_kept(built):
    tmp_path, readers = built
    before = readers.read_bytes()
    proc, log = build(tmp_path)
    assert proc.returncode == 0 and "damaged" not in log, log
    assert readers.read_bytes() == before


def test_a_cut_gzip_cache_is_rebuilt(tmp_path):
    articles = tmp_path / "content" / "articles"
    articles.mkdir(parents=True)
    (articles / "harbour.md").write_text(ARTICLE, encoding="utf-8")
    proc, log = build(tmp_path, "GZIP_CACHE=true")
    assert proc.returncode == 0, log
    readers = tmp_path / "cache" / "ArticlesGenerator-Readers"
    assert gzip.decompress(readers.read_bytes())  # a gzip file
    readers.write_bytes(readers.read_bytes()[:-12])
    proc, log = build(tmp_path, "GZIP_CACHE=true")
    assert proc.returncode == 0, log
    assert "ArticlesGenerator-Readers is damaged" in log, log
