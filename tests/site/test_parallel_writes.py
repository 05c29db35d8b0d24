"""Pages rendered on several cores are the pages one process renders; a list page is
rendered again when an article on it changes, and left alone otherwise."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment
from pelican.settings import DEFAULT_CONFIG

from archive_writer.writer import SkipUnchangedWriter
from sitebuild import PELICANCONF, run_pelican

TAGS = ["harbour", "schools", "budget"]


def _article(i: int, title: str | None = None) -> str:
    return f"""---
title: {title or f"Council report {i}"}
date: 2024-03-{i + 1:02d}
category: {"Politics" if i % 2 else "City"}
tags: [{TAGS[i % 3]}]
---

“We will decide on item {i} this week,” said Mayor Anna Berg.

Tom Stein, the finance minister, said the budget for item {i} was “too small”.
"""


def _content(tmp_path: Path, n: int = 12) -> Path:
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    for i in range(n):
        (content / "articles" / f"a{i:02d}.md").write_text(_article(i), encoding="utf-8")
    return content


def _build(content: Path, out: Path, *extra: str) -> str:
    # Pelican's plain log handler leaves informational messages out, even with -v
    flags = ("-v", "--log-handler", "rich")
    proc = run_pelican(
        content, out, PELICANCONF, "PAGE_PATHS=[]", "DEFAULT_PAGINATION=3", *extra, flags=flags
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout + proc.stderr


def _files(out: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(out)): p.read_bytes()
        for p in out.rglob("*")
        if p.is_file()
        and p.suffix in {".html", ".json", ".jsonl", ".csv"}
        and p.relative_to(out).parts[0] != "pagefind"  # Pagefind's own, with build ids
    }


def test_pages_rendered_in_two_processes_are_the_pages_one_renders(tmp_path):
    content = _content(tmp_path)
    one, two = tmp_path / "one" / "out", tmp_path / "two" / "out"
    _build(content, one, "WRITE_WORKERS=1")
    log = _build(content, two, "WRITE_WORKERS=2", "WRITE_PARALLEL_MIN=1")
    assert "rendering in 2 processes" in log
    single, parallel = _files(one), _files(two)
    assert len(single) > 40  # articles, lists, tags, speakers, data files
    assert single.keys() == parallel.keys()
    assert [name for name in single if single[name] != parallel[name]] == []


def test_list_pages_follow_the_articles_on_them(tmp_path):
    content = _content(tmp_path)
    out = tmp_path / "out"
    settings = ("WRITE_WORKERS=2", "WRITE_PARALLEL_MIN=1")
    _build(content, out, *settings)

    def stamps():
        return {p: (out / p).stat().st_mtime_ns for p in _files(out) if p.endswith(".html")}

    before = stamps()
    # the newest article is first on the index; the oldest on its last page
    path = content / "articles" / "a11.md"
    path.write_text(_article(11, "Harbour vote postponed"), encoding="utf-8")
    _build(content, out, *settings)
    after = stamps()
    # (its old page, council-report-11.html, is gone: stale output is removed)
    changed = {p for p in before if after.get(p) != before[p]}
    assert "articles/2024/03/council-report-11.html" not in after

    assert "index.html" in changed  # the page listing it
    assert "Harbour vote postponed" in (out / "index.html").read_text(encoding="utf-8")
    assert (out / "articles/2024/03/harbour-vote-postponed.html").is_file()  # its new page
    assert f"tag/{TAGS[11 % 3]}.html" in changed  # its tag's list
    assert "speakers/anna-berg.html" in changed  # its speaker's page shows its title
    # pages of other articles, even those that link to the changed one's page (the
    # later pages of the index share the home page's template, and its voices: the
    # newest article's quote, with its title, is among them, so they follow)
    assert not changed & {
        f"tag/{TAGS[0]}.html",
        "category/politics2.html",
        "articles/2024/03/council-report-1.html",
    }

    # the oldest article, on the last page of the index and in none of the home
    # page's voices: the other pages of the index are left alone
    before = stamps()
    path = content / "articles" / "a00.md"
    path.write_text(_article(0, "Harbour vote recalled"), encoding="utf-8")
    _build(content, out, *settings)
    after = stamps()
    changed = {p for p in before if after.get(p) != before[p]}
    assert "index4.html" in changed
    assert not changed & {"index.html", "index2.html", "index3.html"}


def test_list_pages_follow_the_addresses_of_their_articles(tmp_path):
    # the writer alone (no plugin attributes that carry the address), on every core
    settings = ('PLUGINS=["mdit_reader", "archive_writer"]', "WRITE_PARALLEL_MIN=1")
    content, out = _content(tmp_path), tmp_path / "out"
    _build(content, out, *settings)
    # the articles' addresses change (a setting no template names): every list follows
    moved = ('ARTICLE_URL="news/{slug}.html"', 'ARTICLE_SAVE_AS="news/{slug}.html"')
    _build(content, out, *settings, *moved)
    for page in ("index.html", "index4.html", f"tag/{TAGS[0]}.html"):
        assert "/news/council-report" in (out / page).read_text(encoding="utf-8"), page


def _writer(tmp_path: Path, **settings) -> tuple[SkipUnchangedWriter, object]:
    config = {
        **DEFAULT_CONFIG,
        "CACHE_PATH": str(tmp_path / "cache"),
        "WRITE_WORKERS": 2,
        "WRITE_PARALLEL_MIN": 1,
        **settings,
    }
    source = "page {{ n }} of {{ SITENAME }}{% if pid %} by {{ pid() }}{% endif %}"
    env = Environment(loader=DictLoader({"page.html": source}))
    return SkipUnchangedWriter(str(tmp_path / "out"), settings=config), env.get_template(
        "page.html"
    )


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no os.fork on this platform")
def test_a_section_writes_every_page_once_and_remembers_them(tmp_path):
    writer, template = _writer(tmp_path)
    with writer.parallel(20):
        for n in range(20):
            writer.write_file(f"p{n}.html", template, {"SITENAME": "Archive"}, n=n)
        writer.write_text("data.json", "[1, 2]")
    writer.save()
    out = tmp_path / "out"
    assert [(out / f"p{n}.html").read_text() for n in range(20)] == [
        f"page {n} of Archive" for n in range(20)
    ]
    assert (out / "data.json").read_text() == "[1, 2]"
    assert writer.rendered == 21  # the child's count came back through the pipe

    again, template = _writer(tmp_path)
    with again.parallel(20):
        for n in range(20):
            again.write_file(f"p{n}.html", template, {"SITENAME": "Archive"}, n=n)
        again.write_text("data.json", "[1, 2]")
    assert (again.rendered, again.skipped) == (0, 21)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no os.fork on this platform")
def test_the_pages_of_a_failed_child_are_rendered_by_the_parent(tmp_path, monkeypatch):
    monkeypatch.setattr(SkipUnchangedWriter, "_report", lambda self, section: os._exit(3))
    writer, template = _writer(tmp_path)
    with writer.parallel(20):
        for n in range(20):
            writer.write_file(f"p{n}.html", template, {"SITENAME": "Archive"}, n=n)
    out = tmp_path / "out"
    assert sorted(p.name for p in out.iterdir()) == sorted(f"p{n}.html" for n in range(20))
    assert (out / "p7.html").read_text() == "page 7 of Archive"


def test_with_no_process_to_spare_the_parent_renders_every_page(tmp_path, monkeypatch):
    def no_fork():
        raise OSError("Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_fork)
    writer, template = _writer(tmp_path)
    with writer.parallel(20):
        for n in range(20):
            writer.write_file(f"p{n}.html", template, {"SITENAME": "Archive"}, n=n)
    assert len(list((tmp_path / "out").iterdir())) == 20


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no os.fork on this platform")
def test_a_section_inside_another_is_part_of_it(tmp_path):
    writer, template = _writer(tmp_path)
    template.globals["pid"] = os.getpid
    with writer.parallel(20):
        with writer.parallel(20):  # shares the outer section's processes
            for n in range(10):
                writer.write_file(f"p{n}.html", template, {"SITENAME": "Archive"}, n=n)
        for n in range(10, 20):  # the section goes on after the inner one
            writer.write_file(f"p{n}.html", template, {"SITENAME": "Archive"}, n=n)
    assert writer.rendered == 20
    out = tmp_path / "out"
    by = {(out / f"p{n}.html").read_text().split(" by ")[1] for n in range(10, 20)}
    assert len(by) == 2
