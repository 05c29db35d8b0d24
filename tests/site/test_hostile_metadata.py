"""Hostile and broken input: YAML bombs, control characters, deep nesting, odd encodings.

Each is refused or repaired with a message naming the file and line, and every other
article is built (issue 11).
"""

from __future__ import annotations

import logging
import os
import re
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from pelican.settings import read_settings
from test_bad_input import GOOD, build, good_article_built

from mdit_reader.reader import MarkdownItReader, check_settings
from mdit_reader.render import MAX_NESTING
from mdit_reader.source import ContentError
from sitebuild import PELICANCONF, PUBLISHCONF, ROOT, run_pelican

MEMORY_LIMIT = 1 << 30  # 1 GiB: the bombs below expand to gigabytes


def bomb(levels: int = 9, width: int = 9) -> str:
    """A few hundred bytes of YAML that expand to width**levels strings."""
    items = ", ".join(['"lol"'] * width)
    lines = [f"l0: &l0 [{items}]"]
    for i in range(1, levels):
        lines.append(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * width)}]")
    return "\n".join(lines) + f"\ntags: *l{levels - 1}\n"


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def build_limited(tmp_path: Path, articles: dict[str, str], files: dict[str, str] | None = None):
    """Build under a memory limit and a time bound, as a hostile archive must be survived."""
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "articles" / "good.md").write_text(GOOD, encoding="utf-8")
    for name, text in articles.items():
        (content / "articles" / name).write_text(text, encoding="utf-8")
    for name, text in (files or {}).items():
        (content / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "pelican", str(content), "-o", str(out), "-s", str(PELICANCONF)]
    cmd += ["--log-handler", "plain", "-e", "PAGE_PATHS=[]"]
    env = {**os.environ, "PELICAN_CACHE_PATH": str(tmp_path / "cache")}
    proc = subprocess.run(
        cmd,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        preexec_fn=_limit_memory,
    )
    return proc, proc.stdout + proc.stderr, out


@pytest.fixture(scope="module")
def reader():
    class _Pelican:
        def __init__(self, settings):
            self.settings = settings

    settings = read_settings(str(PELICANCONF))
    check_settings(_Pelican(settings))
    return MarkdownItReader(settings)


def read(reader, tmp_path: Path, data: str | bytes, name: str = "a.md"):
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return reader.read(str(path))


HEAD = "---\ntitle: T\ndate: 2024-02-01\n"


# --- YAML bombs: refused from the event stream, before anything expands ---


def test_alias_bomb_in_front_matter_is_refused(tmp_path):
    text = "---\ntitle: Bomb\ndate: 2024-02-01\n" + bomb() + "---\n\nText.\n"
    assert len(text) < 700
    proc, log, out = build_limited(tmp_path, {"bomb.md": text})
    assert proc.returncode == 0, log
    assert (
        "bomb.md:5: front matter uses a YAML alias (*l0); aliases are not allowed in "
        "metadata; article skipped" in log
    ), log
    assert good_article_built(out)


def test_alias_bomb_in_speakers_file_is_refused(tmp_path):
    proc, log, out = build_limited(tmp_path, {}, {"speakers.yml": bomb()})
    assert proc.returncode == 0, log
    assert (
        "speakers.yml:2: uses a YAML alias (*l0); aliases are not allowed in the speakers "
        "file; speakers are built without it" in log
    ), log
    assert good_article_built(out)


def test_anchors_alone_are_harmless(reader, tmp_path):
    html, meta = read(reader, tmp_path, HEAD + "category: &c World\n---\n\nText.\n")
    assert str(meta["category"]) == "World"


def test_a_single_alias_is_refused_with_its_line(reader, tmp_path):
    text = HEAD + "summary: &s Short\nsubtitle: *s\n---\n\nText.\n"
    with pytest.raises(ContentError, match=r"a\.md:5: front matter uses a YAML alias \(\*s\)"):
        read(reader, tmp_path, text)


@pytest.mark.parametrize("nested", ["[" * 100_000 + "]" * 100_000, "[" * 60 + "]" * 60])
def test_deeply_nested_front_matter_is_refused(reader, tmp_path, nested):
    # 100,000 levels crash LibYAML (a segmentation fault ends the whole build)
    text = HEAD + f"tags: {nested}\n---\n\nText.\n"
    with pytest.raises(ContentError, match=r"a\.md:4: front matter has lists or mappings nested"):
        read(reader, tmp_path, text)


# --- control characters: repaired, so `make publish` can write its feeds ---


def test_control_characters_are_removed_and_feeds_are_written(tmp_path):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "articles" / "good.md").write_text(GOOD, encoding="utf-8")
    (content / "articles" / "word.md").write_text(
        '---\ntitle: "Word\x0bpaste"\ndate: 2024-02-02\n---\n\nFirst line\x0bsecond line.\n\n'
        "Bell\x07 and form feed\x0c here.\n",
        encoding="utf-8",
    )
    (content / "articles" / "old.html").write_text(
        "<html><head><title>Old\x0b HTML</title><meta name='date' content='2024-02-03'>"
        "</head><body><p>Text\x0b with\x01 controls.</p></body></html>",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    proc = run_pelican(
        content, out, PUBLISHCONF, "PAGE_PATHS=[]", env={"SITEURL": "https://example.org/x"}
    )
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, log
    assert "word.md:2: removed 4 control characters (U+0007 U+000B U+000C)" in log, log
    assert "old.html: removed 3 control characters (U+0001 U+000B)" in log, log
    feed = (out / "feeds/all.atom.xml").read_text(encoding="utf-8")
    assert "Word paste" in feed and "First line second line." in feed
    assert "Old  HTML" in feed or "Old HTML" in feed
    assert good_article_built(out)


def test_nul_bytes_are_removed_with_a_warning(reader, tmp_path, caplog):
    with caplog.at_level(logging.WARNING):
        html, meta = read(reader, tmp_path, HEAD + "---\n\nOne\n\nN\x00U\x00L.\n")
    assert "a.md:8: removed 2 control characters (U+0000)" in caplog.text
    assert "<p>NUL.</p>" in html


# --- markup the sanitizer removes is reported, like scripts ---


@pytest.mark.parametrize(
    ("body", "line", "what"),
    [
        ('<base href="https://evil.example/">\n', 6, "(<base>)"),
        ('<meta http-equiv="refresh" content="0;url=https://evil.example/">\n', 6, "(<meta>)"),
        ('Click [here]{onclick="steal()"}.\n', 6, "(attribute onclick='steal()')"),
        ('Para.\n\n{onmouseover="x()"}\nStyled paragraph.\n', 9, "(attribute onmouseover="),
        ('[a link](https://example.org){href="javascript:alert(1)"}\n', 6, "(attribute href="),
    ],
)
def test_removed_markup_is_reported(reader, tmp_path, caplog, body, line, what):
    with caplog.at_level(logging.WARNING):
        html, meta = read(reader, tmp_path, HEAD + "---\n\n" + body)
    assert f"a.md:{line}: removed active HTML {what}" in caplog.text, caplog.text
    for bad in ("<base", "<meta", "onclick", "onmouseover", "javascript:"):
        assert bad not in html


def test_harmless_attributes_give_no_warning(reader, tmp_path, caplog):
    with caplog.at_level(logging.WARNING):
        html, _ = read(reader, tmp_path, HEAD + '---\n\n[“Yes”]{data-speaker="Anna Berg"}\n')
    assert 'data-speaker="Anna Berg"' in html
    assert "removed" not in caplog.text


# --- nesting deeper than markdown-it's limit: kept, shown flat, reported ---


def test_a_list_ten_levels_deep_keeps_every_item(reader, tmp_path, caplog):
    items = "".join("  " * i + f"- item {i}\n" for i in range(12))
    with caplog.at_level(logging.WARNING):
        html, _ = read(reader, tmp_path, HEAD + "---\n\n" + items + "\nAfter.\n")
    assert all(f"item {i}" in html for i in range(12))
    assert "<p>After.</p>" in html
    assert "nesting" not in caplog.text


@pytest.mark.parametrize("depth", [30, 1000])
def test_deep_blockquotes_keep_their_text_with_a_warning(reader, tmp_path, caplog, depth):
    body = ">" * depth + " deep text\n\nAfter.\n"
    with caplog.at_level(logging.WARNING):
        html, _ = read(reader, tmp_path, HEAD + "---\n\n" + body)
    assert "deep text" in html and "<p>After.</p>" in html
    if depth > MAX_NESTING:
        assert f"a.md:6: nesting deeper than {MAX_NESTING} levels" in caplog.text
        assert "the deeper text is shown as plain paragraphs" in caplog.text


def test_text_after_a_too_deep_list_is_kept(reader, tmp_path, caplog):
    items = "".join("  " * i + f"- item {i}\n" for i in range(80))
    with caplog.at_level(logging.WARNING):
        html, _ = read(reader, tmp_path, HEAD + "---\n\n" + items + "\nAfter the list.\n")
    assert all(f"item {i}" in html for i in range(80))
    assert "<p>After the list.</p>" in html
    assert f"a.md:55: nesting deeper than {MAX_NESTING} levels" in caplog.text


# --- lang, encodings, reasons in the log ---


def test_a_list_as_lang_is_repaired_with_a_warning(tmp_path):
    text = "---\ntitle: Two languages\ndate: 2024-02-04\nlang: [en, de]\n---\n\nText.\n"
    proc, log, out = build(tmp_path, {"two-langs.md": text})
    assert proc.returncode == 0, log
    assert (
        "two-langs.md:4: metadata 'lang' must be one language code such as 'en' or 'pt-BR', "
        "not ['en', 'de']; the article is in the default language (en)" in log
    ), log
    assert "Could not process" not in log
    assert (out / "articles/2024/02/two-languages.html").is_file()
    assert good_article_built(out)


@pytest.mark.parametrize("lang", ["en", "de", "pt-BR", "zh-Hant-TW"])
def test_language_tags_are_kept(reader, tmp_path, lang):
    _, meta = read(reader, tmp_path, HEAD + f"lang: {lang}\n---\n\nText.\n")
    assert meta["lang"] == lang


@pytest.mark.parametrize("lang", ["english please", "e", "../../x", "x" * 40, "{a: b}"])
def test_bad_language_tags_fall_back_to_the_default(reader, tmp_path, caplog, lang):
    with caplog.at_level(logging.WARNING):
        _, meta = read(reader, tmp_path, HEAD + f"lang: {lang}\n---\n\nText.\n")
    assert "lang" not in meta
    assert "a.md:4: metadata 'lang' must be one language code" in caplog.text


@pytest.mark.parametrize("field", ["title", "date", "category", "author", "summary"])
def test_a_list_where_text_is_meant_skips_the_article_with_a_reason(reader, tmp_path, field):
    text = HEAD.replace(f"{field}: ", f"old_{field}: ") + f"{field}: [a, b]\n---\n\nText.\n"
    with pytest.raises(ContentError, match=rf"a\.md:\d: metadata '{field}' must be text"):
        read(reader, tmp_path, text)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_bom_are_decoded(reader, tmp_path, encoding):
    text = "---\ntitle: Ünïcode “quoted”\ndate: 2024-02-05\n---\n\n«Да», сказал он.\n"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    html, meta = read(reader, tmp_path, data)
    assert meta["title"] == "Ünïcode “quoted”"
    assert "«Да», сказал он." in html


def test_utf16_file_builds(tmp_path):
    text = "---\ntitle: Wide\ndate: 2024-02-06\n---\n\n“Hello,” she said.\n"
    proc, log, out = build(tmp_path, {"wide.md": b"\xff\xfe" + text.encode("utf-16-le")})
    assert proc.returncode == 0, log
    assert "wide.md" not in log, log
    html = (out / "articles/2024/02/wide.html").read_text(encoding="utf-8")
    assert "Hello," in html
    assert good_article_built(out)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("tags: {a: 1}", "metadata 'tags' must be a list of names"),
        ("authors: [[Anna, Berg]]", "metadata 'authors' must be a list of names"),
        ("tags: !!binary aGVsbG8=", "metadata 'tags' is bytes (a YAML tag?)"),
        ("subtitle: !!set {a}", "metadata 'subtitle' is set (a YAML tag?)"),
    ],
)
def test_odd_yaml_values_skip_the_article_with_a_reason(reader, tmp_path, line, message):
    with pytest.raises(ContentError, match=rf"a\.md:4: {re.escape(message)}"):
        read(reader, tmp_path, HEAD + line + "\n---\n\nText.\n")


def test_control_characters_from_yaml_escapes_are_removed(reader, tmp_path, caplog):
    text = HEAD + 'subtitle: "Ring\\a the bell"\n---\n\nBell\x07.\n'
    with caplog.at_level(logging.WARNING):
        html, meta = read(reader, tmp_path, text)
    assert meta["subtitle"] == "Ring the bell" and "<p>Bell.</p>" in html
    assert "a.md:4: removed 2 control characters (U+0007)" in caplog.text, caplog.text


def test_a_yaml_list_of_tags_keeps_each_name_whole(reader, tmp_path):
    """Joined into one text, "a;b" would make Pelican split every tag on ';'."""
    _, meta = read(
        reader, tmp_path, HEAD + 'tags: ["<b onclick=x;y>", "Doe, Jane", "c"]\n---\n\nT.\n'
    )
    assert [str(t) for t in meta["tags"]] == ["<b onclick=x;y>", "Doe, Jane", "c"]


def test_pelican_text_tags_are_split_as_pelican_splits_them(reader, tmp_path):
    _, meta = read(reader, tmp_path, "Title: T\nDate: 2024-02-01\nTags: a, b; c\n\nText.\n")
    assert [str(t) for t in meta["tags"]] == ["a, b", "c"]
