"""A damaged cache file is a cache miss, reported once with its path; never a failed build."""

from __future__ import annotations

import pickle
import shutil

import pytest

from archive_site import atomic
from quote_annotator import cache
from sitebuild import HARBOUR_ARTICLE as ARTICLE
from sitebuild import PELICANCONF, build_articles, run_pelican

PAGE = "articles/2024/03/harbour-vote.html"

DAMAGE = {
    "truncated": lambda data: data[: len(data) // 2],
    "zeroed": lambda data: bytes(len(data)),
    "empty": lambda data: b"",
}


def damage(path, how: str) -> None:
    path.write_bytes(DAMAGE[how](path.read_bytes()))


def rebuild(tmp_path):
    proc = run_pelican(tmp_path / "content", tmp_path / "out", PELICANCONF, "PAGE_PATHS=[]")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout + proc.stderr


def assert_annotated(out) -> None:
    page = (out / PAGE).read_text(encoding="utf-8")
    assert 'class="quote' in page and "Anna Berg" in page


def extraction_entries(tmp_path):
    return sorted((tmp_path / "cache" / "quotes").rglob("*.pickle"))


def shards(tmp_path):
    return sorted((tmp_path / "cache" / "annotated").glob("*.pickle"))


@pytest.mark.parametrize("how", sorted(DAMAGE))
def test_damaged_extraction_entry_is_extracted_again(tmp_path, how):
    """The annotation cache misses, so the extraction is read: its file is damaged."""
    out, _ = build_articles(tmp_path, {"harbour.md": ARTICLE})
    [entry] = extraction_entries(tmp_path)
    damage(entry, how)
    shutil.rmtree(tmp_path / "cache" / "annotated")
    log = rebuild(tmp_path)
    assert log.count("is damaged") == 1, log
    assert f"extraction cache: {entry} is damaged" in log
    assert "harbour.md is extracted again" in log
    assert_annotated(out)
    # the entry was written anew: the next build reads it without a word
    assert isinstance(pickle.loads(entry.read_bytes()), cache.annotate.Extracted)
    shutil.rmtree(tmp_path / "cache" / "annotated")
    assert "damaged" not in rebuild(tmp_path)
    assert_annotated(out)


def test_damaged_extraction_entry_read_after_a_speakers_file_change(tmp_path):
    """The speakers are known from the annotation cache, but the markup's key changed
    (a new speakers file): the extraction is read only then, and is damaged."""
    out, _ = build_articles(tmp_path, {"harbour.md": ARTICLE})
    [entry] = extraction_entries(tmp_path)
    damage(entry, "truncated")
    (tmp_path / "content" / "speakers.yml").write_text(
        "speakers:\n  - name: Anna Berg-Olsen\n    aliases: [Anna Berg]\n", encoding="utf-8"
    )
    log = rebuild(tmp_path)
    assert log.count("is damaged") == 1, log
    assert f"extraction cache: {entry} is damaged" in log
    assert "Anna Berg-Olsen" in (out / PAGE).read_text(encoding="utf-8")
    assert_annotated(out)


@pytest.mark.parametrize("how", sorted(DAMAGE))
def test_damaged_annotation_shard_is_marked_up_again(tmp_path, how):
    out, _ = build_articles(tmp_path, {"harbour.md": ARTICLE})
    [shard] = shards(tmp_path)
    damage(shard, how)
    log = rebuild(tmp_path)
    assert log.count("is damaged") == 1, log
    assert f"annotation cache: {shard} is damaged" in log
    assert "its articles are marked up again" in log
    assert_annotated(out)
    assert "damaged" not in rebuild(tmp_path)  # the shard was written again


def test_both_caches_damaged_at_once(tmp_path):
    out, _ = build_articles(tmp_path, {"harbour.md": ARTICLE})
    for path in extraction_entries(tmp_path) + shards(tmp_path):
        damage(path, "zeroed")
    log = rebuild(tmp_path)
    assert log.count("is damaged") == 2, log
    assert_annotated(out)


def test_damaged_shard_without_current_entries_is_rewritten(tmp_path):
    """A shard no article of this build uses is not left to warn at every build."""
    memo = cache.AnnotationCache(tmp_path)
    path = memo._path(3)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\x80\x05garbage")
    memo = cache.AnnotationCache(tmp_path)
    assert memo.damaged == {3}
    memo.save()
    assert pickle.loads(path.read_bytes()) == {}
    assert cache.AnnotationCache(tmp_path).damaged == set()


def test_wrong_shape_is_damaged_too(tmp_path):
    memo = cache.AnnotationCache(tmp_path)
    path = memo._path(memo._shard("a.md"))
    atomic.write_bytes(path, pickle.dumps({"a.md": "not an entry"}))
    memo = cache.AnnotationCache(tmp_path)
    assert memo.speakers("a.md", "extraction") is None and memo.damaged


def test_every_cache_write_is_atomic(tmp_path, monkeypatch):
    written = []
    real = atomic.write_bytes

    def spy(path, data, **kwargs):
        written.append(path)
        real(path, data, **kwargs)

    monkeypatch.setattr(atomic, "write_bytes", spy)
    store = cache.ExtractionCache(tmp_path, fingerprint="x")
    store.put("ab" * 32, b"data")
    cache.store(tmp_path / "one.pickle", b"data")
    memo = cache.AnnotationCache(tmp_path)
    memo.put("a.md", "extraction", [], "key", ("made",))
    memo.save()
    assert written == [
        store.path_of("ab" * 32),
        tmp_path / "one.pickle",
        memo._path(memo._shard("a.md")),
    ]


def test_write_bytes_replaces_whole_and_leaves_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "sub" / "file.bin"
    atomic.write_bytes(target, b"first")
    atomic.write_bytes(target, b"second", fsync=True)
    assert target.read_bytes() == b"second"
    assert [p.name for p in target.parent.iterdir()] == ["file.bin"]
    (tmp_path / "plain").write_bytes(b"")  # as open() makes it
    assert target.stat().st_mode & 0o777 == (tmp_path / "plain").stat().st_mode & 0o777

    def fail(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", fail)
    with pytest.raises(OSError):
        atomic.write_bytes(target, b"third")
    assert target.read_bytes() == b"second"
    assert [p.name for p in target.parent.iterdir()] == ["file.bin"]
