"""Files whose metadata would abort the build or write outside the output folder
(plugins/archive_guard): repaired with an error naming the file, under the local and
the publish settings, and the rest of the site is built as it should be."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from test_bad_input import GOOD, good_article_built

from sitebuild import PELICANCONF, PUBLISHCONF, run_pelican

CONFS = {
    "local": (PELICANCONF, None),
    "publish": (PUBLISHCONF, {"SITEURL": "https://example.org/repo"}),
}
#: Pelican's plain log handler leaves informational messages out, even with -v.
VERBOSE = ("-v", "--log-handler", "rich")


@pytest.fixture(params=sorted(CONFS))
def conf(request) -> str:
    return request.param


def build(tmp_path: Path, conf: str, files: dict[str, str], *overrides: str, flags=()):
    """test_bad_input.build, under either settings: files are paths in the content
    folder (articles/x.md, pages/y.md) beside the good article."""
    content = tmp_path / "content"
    for name, text in {"articles/good.md": GOOD, **files}.items():
        target = content / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    pages = (
        'PAGE_PATHS=["pages"]' if any(n.startswith("pages/") for n in files) else "PAGE_PATHS=[]"
    )
    settings, env = CONFS[conf]
    env = {**(env or {}), "COLUMNS": "400"}  # the rich log handler wraps no message
    out = tmp_path / "out"
    proc = run_pelican(content, out, settings, pages, *overrides, env=env, flags=flags)
    return proc, proc.stdout + proc.stderr, out


def written_outside(tmp_path: Path) -> list[str]:
    """Files in the test's folder that are neither content, output nor cache."""
    return sorted(
        str(p.relative_to(tmp_path))
        for p in tmp_path.rglob("*")
        if not p.is_dir()
        and p.relative_to(tmp_path).parts[0] not in {"content", "out", "cache", "outside.txt"}
    )


def assert_site_is_whole(tmp_path: Path, proc, log: str, out: Path) -> None:
    assert proc.returncode == 0, log
    assert good_article_built(out), log
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'class="article-title"' not in index  # the list of articles, not an article
    assert "a-good-article.html" in index
    search = (out / "search.html").read_text(encoding="utf-8")
    assert 'class="article-title"' not in search and 'id="search"' in search
    assert written_outside(tmp_path) == []


def test_a_huge_title_and_tag_are_cut_to_a_file_name(tmp_path, conf):
    title = ("word " * 20_000)[:-1] + "s"  # 100,000 characters
    text = f'---\ntitle: "{title}"\ndate: 2024-01-03\ntags: ["{title}", short]\n---\n\nText.\n'
    proc, log, out = build(tmp_path, conf, {"articles/long.md": text})
    assert_site_is_whole(tmp_path, proc, log, out)
    assert "long.md: title is 100,000 characters: slug cut to 119" in log, log[:2000]
    assert "long.md: tag 'word word" in log and "makes a 100,000-character slug; cut to 119" in log
    slug = "-".join(["word"] * 24)
    assert (out / f"articles/2024/01/{slug}.html").is_file()
    assert (out / f"tag/{slug}.html").is_file()


def test_two_articles_with_one_url_are_both_built(tmp_path, conf):
    same = "---\ntitle: {}\ndate: 2024-01-05\nslug: same\n---\n\n{} text.\n"
    files = {
        "articles/a.md": same.format("First", "First"),
        "articles/b.md": same.format("Second", "Second"),
    }
    proc, log, out = build(tmp_path, conf, files)
    assert_site_is_whole(tmp_path, proc, log, out)
    assert re.search(
        r"b\.md: same URL as \S*a\.md \(articles/2024/01/same\.html\); "
        r"renamed to articles/2024/01/same-2\.html",
        log,
    ), log
    assert "First text" in (out / "articles/2024/01/same.html").read_text(encoding="utf-8")
    assert "Second text" in (out / "articles/2024/01/same-2.html").read_text(encoding="utf-8")


def test_one_slug_in_one_language_twice_is_not_a_translation(tmp_path, conf):
    files = {
        "articles/a.md": "---\ntitle: January\ndate: 2024-01-05\nslug: same\n---\n\nText.\n",
        "articles/b.md": "---\ntitle: February\ndate: 2024-02-05\nslug: same\n---\n\nText.\n",
    }
    proc, log, out = build(tmp_path, conf, files)
    assert_site_is_whole(tmp_path, proc, log, out)
    assert re.search(
        r"b\.md: same slug and language as \S*a\.md \('same', en\); "
        r"renamed to articles/2024/02/same-2\.html",
        log,
    ), log
    assert (out / "articles/2024/01/same.html").is_file()
    assert (out / "articles/2024/02/same-2.html").is_file()


#: The title of the hostile file's own page (list pages link to it by title too).
EVIL_PAGE = re.compile(r'<h1 class="article-title"[^>]*>Evil</h1>')
HOSTILE = {
    "slug-front-matter": (
        "articles/evil.md",
        '---\ntitle: Evil\ndate: 2024-01-03\nslug: "../../../index"\n---\n\nEvil text.\n',
        "evil.md: slug '../../../index' leaves the output folder; using 'index-",
    ),
    "slug-key-value": (
        "articles/evil.md",
        "Title: Evil\nDate: 2024-01-03\nSlug: ../../../index\n\nEvil text.\n",
        "evil.md: slug '../../../index' leaves the output folder; using 'index-",
    ),
    "slug-out-of-the-output": (
        "articles/evil.md",
        '---\ntitle: Evil\ndate: 2024-01-03\nslug: "../../../../../escaped"\n---\n\nEvil.\n',
        "evil.md: slug '../../../../../escaped' leaves the output folder; using 'escaped-",
    ),
    "lang-front-matter": (
        "articles/evil.md",
        '---\ntitle: Evil\ndate: 2024-01-03\nlang: "/../search"\n---\n\nEvil text.\n',
        "evil.md",  # the Markdown reader may report it first, in its own words
    ),
    "lang-key-value": (
        "articles/evil.md",
        "Title: Evil\nDate: 2024-01-03\nLang: /../search\n\nEvil text.\n",
        "evil.md",
    ),
    "slug-html-reader": (
        "articles/evil.html",
        '<html><head><title>Evil</title><meta name="date" content="2024-01-03">'
        '<meta name="slug" content="../../../index"></head><body>Evil text.</body></html>',
        "evil.html: slug '../../../index' leaves the output folder; using 'index-",
    ),
    "lang-html-reader": (
        "articles/evil.html",
        '<html><head><title>Evil</title><meta name="date" content="2024-01-03">'
        '<meta name="lang" content="/../search"></head><body>Evil text.</body></html>',
        "evil.html: lang '/../search' is not a language tag; using 'en'",
    ),
    "save-as": (
        "articles/evil.md",
        '---\ntitle: Evil\ndate: 2024-01-03\nsave_as: "articles/../index.html"\n---\n\nEvil.\n',
        "evil.md: save_as 'articles/../index.html' is not a path inside the output folder; "
        "using articles/2024/01/evil.html",
    ),
    "save-as-a-tag-page": (
        "articles/evil.md",
        "---\ntitle: Evil\ndate: 2024-01-03\ntags: [News]\nsave_as: tag/news.html\n---\n\nEvil.\n",
        "evil.md: same URL as a TAG_SAVE_AS page (tag/news.html); using articles/2024/01/evil.html",
    ),
    "javascript-url": (
        "articles/evil.md",
        '---\ntitle: Evil\ndate: 2024-01-03\nurl: "javascript:alert(1)"\n---\n\nEvil.\n',
        "evil.md: url 'javascript:alert(1)' is not a path inside the output folder; "
        "using articles/2024/01/evil.html",
    ),
    "page-named-search": (
        "pages/evil.md",
        "---\ntitle: Evil\nslug: search\n---\n\nEvil text.\n",
        "evil.md: same URL as the site's search page (search.html); renamed to search-2.html",
    ),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_urls_stay_in_their_place(tmp_path, conf, case):
    name, text, message = HOSTILE[case]
    proc, log, out = build(tmp_path, conf, {name: text})
    assert_site_is_whole(tmp_path, proc, log, out)
    assert message in log, log
    pages = [p for p in out.rglob("*.html") if EVIL_PAGE.search(p.read_text(encoding="utf-8"))]
    assert pages, "the hostile file is built, in a place of its own"
    for page in pages:
        assert page.relative_to(out).parts[0] in {"articles", "search-2.html"}, page
    assert 'href="javascript:' not in (out / "index.html").read_text(encoding="utf-8")


def test_an_article_in_another_language_follows_the_url_scheme(tmp_path, conf):
    files = {
        "articles/de.md": "---\ntitle: Nachricht\ndate: 2024-01-04\nlang: de\n---\n\nText.\n",
        "articles/en.md": "---\ntitle: News\ndate: 2024-01-05\nslug: news\n---\n\nText.\n",
        "articles/en-de.md": (
            "---\ntitle: Neuigkeiten\ndate: 2024-01-05\nslug: news\nlang: de\n---\n\nText.\n"
        ),
    }
    proc, log, out = build(tmp_path, conf, files, 'PAGEFIND_MODE="pages"')
    assert_site_is_whole(tmp_path, proc, log, out)
    assert (out / "articles/2024/01/nachricht-de.html").is_file()
    assert (out / "articles/2024/01/news-de.html").is_file()  # the translation
    assert not list(out.glob("*-de.html"))
    entry = json.loads((out / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["de"]["page_count"] == 2  # both German pages are indexed
    assert "same slug" not in log and "same URL" not in log


def test_a_tag_without_a_slug_gets_one(tmp_path, conf):
    text = (
        '---\ntitle: Odd names\ndate: 2024-01-03\ntags: ["!!!", Real tag]\ncategory: "???"\n'
        'author: "***"\n---\n\nText.\n'
    )
    bang = "---\ntitle: '!!!'\ndate: 2024-01-03\n---\n\nText.\n"
    proc, log, out = build(tmp_path, conf, {"articles/odd.md": text, "articles/bang.md": bang})
    assert_site_is_whole(tmp_path, proc, log, out)
    title = re.search(
        r"bang\.md: title '!!!' makes no usable slug; using '(article-[0-9a-f]{6})'", log
    )
    assert title, log
    assert (out / f"articles/2024/01/{title[1]}.html").is_file()
    match = re.search(r"odd\.md: tag '!!!' has an empty slug; using '(tag-[0-9a-f]{6})'", log)
    assert match, log
    assert re.search(r"odd\.md: category '\?\?\?' has an empty slug; using 'category-", log)
    assert re.search(r"odd\.md: author '\*\*\*' has an empty slug; using 'author-", log)
    assert (out / f"tag/{match[1]}.html").is_file()
    assert (out / "tag/real-tag.html").is_file()
    for page in out.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for empty in ("tag/.html", "category/.html", "author/.html"):
            assert empty not in html, (page, empty)
    assert not (out / "tag/.html").exists()


GONE = """---
title: Gone tomorrow
date: 2024-01-06
category: Vanishing
tags: [Ephemeral, Shared]
---

“We will decide on it this week,” said Mayor Anna Berg.
"""
KEPT = """---
title: Here to stay
date: 2024-01-07
category: News
tags: [Shared]
---

“The budget is too small,” said Tom Stein.
"""


def files_of(out: Path) -> set[str]:
    return {
        str(p.relative_to(out))
        for p in out.rglob("*")
        if p.is_file() and p.relative_to(out).parts[0] != "pagefind"
    }


def test_files_of_a_deleted_article_are_removed(tmp_path, conf):
    files = {"articles/gone.md": GONE, "articles/kept.md": KEPT}
    proc, log, out = build(tmp_path, conf, files)
    assert proc.returncode == 0, log
    before = files_of(out)
    gone = {
        "articles/2024/01/gone-tomorrow.html",
        "articles/2024/01/gone-tomorrow.annotations.json",
        "tag/ephemeral.html",
        "category/vanishing.html",
        "speakers/anna-berg.html",
    }
    kept = {
        "articles/2024/01/here-to-stay.html",
        "articles/2024/01/here-to-stay.annotations.json",
        "tag/shared.html",
        "category/news.html",
        "speakers/tom-stein.html",
    }
    assert gone | kept <= before
    # files no build of ours wrote stay, in the output folder and outside it
    (out / "mine.txt").write_text("mine", encoding="utf-8")
    for name in ("outside.txt", "outside-too.txt"):
        (tmp_path / name).write_text("outside", encoding="utf-8")
    manifest = tmp_path / "cache" / "output-manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    [listed] = data["outputs"].values()
    listed += ["../outside.txt", str(tmp_path / "outside-too.txt")]
    manifest.write_text(json.dumps(data), encoding="utf-8")

    (tmp_path / "content/articles/gone.md").unlink()
    proc = run_pelican(
        tmp_path / "content",
        out,
        CONFS[conf][0],
        "PAGE_PATHS=[]",
        env={**(CONFS[conf][1] or {}), "COLUMNS": "400"},
        flags=VERBOSE,
    )
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, log
    after = files_of(out)
    assert not gone & after, gone & after
    assert kept <= after
    assert (tmp_path / "outside.txt").is_file() and (tmp_path / "outside-too.txt").is_file()
    if conf == "local":  # the publish build empties the output folder first
        assert "mine.txt" in after
        removed = before - after
        assert re.search(rf"Removed {len(removed)} stale files? from \S*out", log), log[-3000:]


def test_the_first_build_into_an_old_output_removes_nothing(tmp_path, conf):
    out = tmp_path / "out"
    (out / "articles/2023/01").mkdir(parents=True)
    (out / "articles/2023/01/old.html").write_text("old", encoding="utf-8")
    proc, log, out = build(tmp_path, conf, {}, flags=VERBOSE)
    assert proc.returncode == 0, log
    assert "stale" not in log
    if conf == "local":
        assert (out / "articles/2023/01/old.html").is_file()


def test_an_unchanged_rebuild_removes_nothing(tmp_path, conf):
    """Pages left unchanged (not rendered, not rewritten) are this build's files too."""
    files = {"articles/gone.md": GONE, "articles/kept.md": KEPT}
    proc, log, out = build(tmp_path, conf, files)
    assert proc.returncode == 0, log
    before = files_of(out)
    proc, log, out = build(tmp_path, conf, {}, flags=VERBOSE)
    assert proc.returncode == 0, log
    assert "stale" not in log
    assert files_of(out) == before
