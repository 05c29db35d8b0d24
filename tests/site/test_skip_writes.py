"""A page is rendered again when what it shows changes, and left alone otherwise; the
site is the same whether articles are extracted in one process or in several."""

from __future__ import annotations

import json
from pathlib import Path

from jinja2 import DictLoader, Environment
from pelican.settings import read_settings

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


def test_the_site_is_the_same_with_one_extraction_process_or_several(tmp_path):
    content = _content(tmp_path, n=28)  # more than the extractor does inline
    one, two = tmp_path / "one" / "out", tmp_path / "two" / "out"
    _build(content, one, "QUOTES_WORKERS=1")
    _build(content, two, "QUOTES_WORKERS=2")
    single, parallel = _files(one), _files(two)
    assert len(single) > 40  # articles, lists, tags, speakers, data files
    assert single.keys() == parallel.keys()
    assert [name for name in single if single[name] != parallel[name]] == []


def _rendered(out: Path, build) -> set[str]:
    """The pages a build renders: those whose digest (CACHE_PATH/pages.json) changed;
    the writer renders a page exactly then (the unit tests below check that)."""
    manifest = out.parent / "cache" / "pages.json"
    before = json.loads(manifest.read_text(encoding="utf-8"))
    build()
    after = json.loads(manifest.read_text(encoding="utf-8"))
    return {p for p in after if p.endswith(".html") and before.get(p) != after[p]}


def test_list_pages_follow_the_articles_on_them(tmp_path):
    content = _content(tmp_path)
    out = tmp_path / "out"
    cache = f"CACHE_PATH={json.dumps(str(tmp_path / 'cache'))}"
    _build(content, out, cache)

    # the newest article is first on the index; the oldest on its last page
    path = content / "articles" / "a11.md"
    path.write_text(_article(11, "Harbour vote postponed"), encoding="utf-8")
    changed = _rendered(out, lambda: _build(content, out, cache))
    # (its old page, council-report-11.html, is gone: stale output is removed)
    assert not (out / "articles/2024/03/council-report-11.html").exists()

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
    path = content / "articles" / "a00.md"
    path.write_text(_article(0, "Harbour vote recalled"), encoding="utf-8")
    changed = _rendered(out, lambda: _build(content, out, cache))
    assert "index4.html" in changed
    assert not changed & {"index.html", "index2.html", "index3.html"}


def test_list_pages_follow_the_addresses_of_their_articles(tmp_path):
    # the writer alone (no plugin attributes that carry the address)
    settings = ('PLUGINS=["mdit_reader", "archive_writer"]',)
    content, out = _content(tmp_path), tmp_path / "out"
    _build(content, out, *settings)
    # the articles' addresses change (a setting no template names): every list follows
    moved = ('ARTICLE_URL="news/{slug}.html"', 'ARTICLE_SAVE_AS="news/{slug}.html"')
    _build(content, out, *settings, *moved)
    for page in ("index.html", "index4.html", f"tag/{TAGS[0]}.html"):
        assert "/news/council-report" in (out / page).read_text(encoding="utf-8"), page


def _writer(tmp_path: Path, **settings) -> tuple[SkipUnchangedWriter, object, list]:
    config = read_settings(override={"CACHE_PATH": str(tmp_path / "cache"), **settings})
    renders: list = []
    env = Environment(
        loader=DictLoader(
            {
                "page.html": "page {{ n }} of {{ SITENAME }}{{ seen() }}",
                "list.html": "{{ seen() }}{% for a in articles_page.object_list %}{{ a }} "
                "{% endfor %}",
            }
        )
    )
    env.globals["seen"] = lambda: renders.append(1) or ""
    writer = SkipUnchangedWriter(str(tmp_path / "out"), settings=config)
    return writer, env, renders


def test_unchanged_pages_and_data_are_left_alone(tmp_path):
    writer, env, renders = _writer(tmp_path)
    for n in range(20):
        writer.write_file(f"p{n}.html", env.get_template("page.html"), {"SITENAME": "A"}, n=n)
    writer.write_text("data/rows.json", "[1, 2]")
    writer.save()
    out = tmp_path / "out"
    assert [(out / f"p{n}.html").read_text() for n in range(20)] == [
        f"page {n} of A" for n in range(20)
    ]
    assert (out / "data/rows.json").read_text() == "[1, 2]"
    assert (writer.rendered, writer.skipped, len(renders)) == (21, 0, 20)
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}

    again, env, renders = _writer(tmp_path)
    for n in range(20):
        again.write_file(f"p{n}.html", env.get_template("page.html"), {"SITENAME": "A"}, n=n)
    again.write_text("data/rows.json", "[1, 2]")
    assert (again.rendered, again.skipped, len(renders)) == (0, 21, 0)
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()} == stamps

    third, env, renders = _writer(tmp_path)  # one page changed, and a deleted page
    (out / "p3.html").unlink()
    for n in range(20):
        value = 55 if n == 5 else n
        third.write_file(f"p{n}.html", env.get_template("page.html"), {"SITENAME": "A"}, n=value)
    assert (third.rendered, third.skipped) == (2, 18)
    assert (out / "p5.html").read_text() == "page 55 of A"
    assert (out / "p3.html").read_text() == "page 3 of A"


def test_pages_of_an_unchanged_list_are_not_rendered_again(tmp_path):
    def write(writer, env, articles):
        writer.write_file(
            "list.html", env.get_template("list.html"), {}, articles=articles,
            template_name="index", url="list.html",
        )  # fmt: skip
        writer.save()

    settings = {"PAGINATED_TEMPLATES": {"index": 3}}
    writer, env, renders = _writer(tmp_path, **settings)
    articles = [f"a{n}" for n in range(9)]  # three pages of three
    write(writer, env, articles)
    out = tmp_path / "out"
    assert (out / "list3.html").read_text() == "a6 a7 a8 "
    assert len(renders) == 3

    again, env, renders = _writer(tmp_path, **settings)
    write(again, env, articles)
    assert (len(renders), again.skipped) == (0, 3)
    assert (out / "list3.html").read_text() == "a6 a7 a8 "  # written back as it was

    third, env, renders = _writer(tmp_path, **settings)
    write(third, env, [*articles[:8], "z"])  # the last page changes
    assert (len(renders), third.skipped) == (1, 2)
    assert (out / "list3.html").read_text() == "a6 a7 z "


def test_addresses_are_kept_once_final_and_a_users_override_is_never_replaced():
    import datetime

    from pelican.contents import Article

    from archive_writer.writer import freeze_urls

    settings = read_settings(override={"ARTICLE_URL": "a/{slug}.html"})

    def article(**extra):
        meta = {"title": "T", "date": datetime.datetime(2024, 1, 1), "slug": "t", **extra}
        return Article("<p>x</p>", metadata=meta, settings=settings)

    plain, overridden = article(), article(url="elsewhere/t/", save_as="elsewhere/t/index.html")
    before = plain.url

    class Generator:
        articles, drafts = [plain], [overridden]

    freeze_urls([Generator()])
    assert vars(plain)["override_url"] == before == "a/t.html"
    assert vars(plain)["override_save_as"] == plain.save_as
    settings["ARTICLE_URL"] = "b/{slug}.html"  # kept: formatted no more
    assert plain.url == "a/t.html"
    assert (overridden.url, overridden.save_as) == ("elsewhere/t/", "elsewhere/t/index.html")


def test_templates_are_parsed_again_only_when_their_source_changed(tmp_path, monkeypatch):
    from archive_writer.digest import Templates

    parsed = []
    parse = Templates.parse
    monkeypatch.setattr(
        Templates, "parse", lambda self, name: parsed.append(name) or parse(self, name)
    )
    writer, env, _ = _writer(tmp_path)
    writer.write_file("p.html", env.get_template("page.html"), {"SITENAME": "A"}, n=1)
    writer.save()
    assert parsed == ["page.html"]
    again, env, _ = _writer(tmp_path)
    again.write_file("p.html", env.get_template("page.html"), {"SITENAME": "A"}, n=1)
    again.save()
    assert (parsed, again.skipped) == (["page.html"], 1)  # known by its source: not parsed

    (tmp_path / "cache" / "template-reads.json").write_text('{"x": 1, "', encoding="utf-8")
    third, env, _ = _writer(tmp_path)  # a damaged file: parsed again, the page still skipped
    third.write_file("p.html", env.get_template("page.html"), {"SITENAME": "A"}, n=1)
    assert (parsed, third.skipped) == (["page.html", "page.html"], 1)
