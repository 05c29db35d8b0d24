"""The extraction cache: reused when nothing it depends on changed, and only then."""

from __future__ import annotations

import pickle
import shutil

import pytest

from quote_annotator import cache
from quote_annotator.annotate import extract
from sitebuild import HARBOUR_ARTICLE as ARTICLE
from sitebuild import ROOT, build_articles, run_pelican


def entries(folder):
    return sorted((folder / "quotes").rglob("*.pickle"))


def test_key_depends_on_title_html_and_language():
    key = cache.article_key("Title", "<p>Text</p>", "en")
    assert key == cache.article_key("Title", "<p>Text</p>", "en")
    assert key != cache.article_key("Title", "<p>Text</p>", "de")
    assert key != cache.article_key("Title", "<p>Text.</p>", "en")
    # no ambiguity where one part ends and the next begins
    assert cache.article_key("ab", "c", "en") != cache.article_key("a", "bc", "en")


def test_fingerprint_follows_engine_version_and_files(monkeypatch, tmp_path):
    before = cache.engine_fingerprint()
    monkeypatch.setattr(cache.archive_quotes, "ENGINE_VERSION", "999.0")
    assert cache.engine_fingerprint() != before
    monkeypatch.undo()
    # a lexicon edited without a new version number is a new engine too
    engine = tmp_path / "archive_quotes"
    shutil.copytree(cache._ENGINE, engine, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "_ENGINE", engine)
    assert cache.engine_fingerprint() == before
    cues = engine / "lexicons" / "en" / "cues.txt"
    cues.write_text(cues.read_text(encoding="utf-8") + "\nmurmured\n", encoding="utf-8")
    assert cache.engine_fingerprint() != before


def test_new_engine_ignores_and_removes_old_results(tmp_path):
    old = cache.ExtractionCache(tmp_path, fingerprint="engine-1")
    key = cache.article_key("t", "<p>x</p>", "en")
    old.put(key, b"old result")
    assert cache.ExtractionCache(tmp_path, fingerprint="engine-1").read(key) == b"old result"
    new = cache.ExtractionCache(tmp_path, fingerprint="engine-2")
    assert new.read(key) is None and not new.has(key)
    assert not (tmp_path / "quotes" / "engine-1").exists()


def test_unwritable_cache_only_costs_speed(tmp_path, caplog):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    store = cache.ExtractionCache(blocked, fingerprint="x")
    store.put("ab" * 32, b"data")  # warns, does not raise
    assert store.read("ab" * 32) is None
    assert "cannot write" in caplog.text


@pytest.mark.parametrize("workers", [1, 2])
def test_extractor_gives_the_engines_result_in_any_mode(tmp_path, workers):
    texts = [f"<p>“We need {n} new schools,” said Mayor Anna Berg.</p>" for n in range(40)]
    ex = cache.Extractor(cache.ExtractionCache(tmp_path), workers)
    futures = [ex.submit(f"Schools {n}", html, "en") for n, html in enumerate(texts)]
    got = [pickle.loads(f.result()) for f in futures]
    ex.close()
    for n, (doc, html) in enumerate(zip(got, texts, strict=True)):
        want = extract(f"Schools {n}", html, "en")
        assert [(q.text, q.speaker, q.type) for q in doc.quotes] == [
            (q.text, q.speaker, q.type) for q in want.quotes
        ]
    assert len(entries(tmp_path)) == len(texts)
    # a second run reads every result from the cache
    again = cache.Extractor(cache.ExtractionCache(tmp_path), workers)
    for n, html in enumerate(texts):
        again.submit(f"Schools {n}", html, "en").result()
    assert again.cache.hits == len(texts) and again.cache.misses == 0


def _tamper(folder, speaker: str) -> None:
    """Rewrite every cached result so its speaker shows whether the cache was read."""
    for path in entries(folder):
        doc = pickle.loads(path.read_bytes())
        for view in doc.quotes:
            view.speaker = speaker
        path.write_bytes(pickle.dumps(doc))


def test_rebuild_reads_the_cache_and_a_changed_article_is_extracted_again(tmp_path):
    out, _ = build_articles(tmp_path, {"harbour.md": ARTICLE})
    folder = tmp_path / "cache"
    assert len(entries(folder)) == 1
    _tamper(folder, "Cached Speaker")
    shutil.rmtree(folder / "annotated")  # the markup made from it: made again, from the cache
    content = tmp_path / "content"
    proc = run_pelican(content, out, ROOT / "pelicanconf.py", "PAGE_PATHS=[]")
    assert proc.returncode == 0, proc.stderr
    page = (out / "articles" / "2024" / "03" / "harbour-vote.html").read_text(encoding="utf-8")
    assert "Cached Speaker" in page  # the result came from the cache
    # the article changes: its cached result no longer applies
    (content / "articles" / "harbour.md").write_text(ARTICLE + "\nMore text.\n", encoding="utf-8")
    proc = run_pelican(content, out, ROOT / "pelicanconf.py", "PAGE_PATHS=[]")
    assert proc.returncode == 0, proc.stderr
    page = (out / "articles" / "2024" / "03" / "harbour-vote.html").read_text(encoding="utf-8")
    assert "Cached Speaker" not in page and "Anna Berg" in page


def test_speakers_file_and_theme_apply_on_a_cached_rebuild(tmp_path):
    out, _ = build_articles(tmp_path, {"harbour.md": ARTICLE})
    content = tmp_path / "content"
    assert (out / "speakers" / "anna-berg.html").is_file()
    # the editors rename the speaker: the cached extraction is merged anew
    (content / "speakers.yml").write_text(
        "speakers:\n  - name: Anna Berg-Olsen\n    aliases: [Anna Berg]\n", encoding="utf-8"
    )
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    template = theme / "templates" / "speaker.html"
    template.write_text(
        template.read_text(encoding="utf-8").replace(
            "{% block content %}", "{% block content %}<p>THEME-CHANGED</p>", 1
        ),
        encoding="utf-8",
    )
    proc = run_pelican(content, out, ROOT / "pelicanconf.py", "PAGE_PATHS=[]", f'THEME="{theme}"')
    assert proc.returncode == 0, proc.stderr
    page = (out / "speakers" / "anna-berg-olsen.html").read_text(encoding="utf-8")
    assert "THEME-CHANGED" in page
    article = (out / "articles" / "2024" / "03" / "harbour-vote.html").read_text(encoding="utf-8")
    assert "Anna Berg-Olsen" in article


def test_annotation_cache_gives_back_only_what_the_same_inputs_made(tmp_path, monkeypatch):
    memo = cache.AnnotationCache(tmp_path)
    assert memo.get("a.md", "extraction", "key") is None
    memo.put("a.md", "extraction", [("Anna Berg", "person")], "key", ("marked up",))
    memo.save()

    again = cache.AnnotationCache(tmp_path)
    assert again.speakers("a.md", "extraction") == [("Anna Berg", "person")]
    assert again.speakers("a.md", "another extraction") is None
    assert again.speakers("b.md", "extraction") is None
    assert again.get("a.md", "extraction", "other speakers' names") is None
    assert again.get("a.md", "extraction", "key") == ("marked up",)
    # another article changes: only its shard is written again
    again.put("b.md", "other", [], "key", ("b",))
    written = {p.name: p.stat().st_mtime_ns for p in (tmp_path / "annotated").iterdir()}
    again.save()
    rewritten = [
        p.name
        for p in (tmp_path / "annotated").iterdir()
        if written.get(p.name) != p.stat().st_mtime_ns
    ]
    assert rewritten == [f"{again._shard('b.md'):02x}.pickle"]

    # the plugin's code is part of every key
    monkeypatch.setattr(cache.AnnotationCache, "CODE", ("annotate.py",))
    assert cache.AnnotationCache(tmp_path).code != again.code
    for shard in (tmp_path / "annotated").iterdir():
        shard.write_bytes(b"not a pickle")
    damaged = cache.AnnotationCache(tmp_path)  # rebuilt, not fatal
    assert damaged.speakers("a.md", "extraction") is None
