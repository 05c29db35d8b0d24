"""An archive over several years: one Pagefind bundle a year, searched as one."""

from __future__ import annotations

import re

import pytest

from browsing import OLD_ARTICLE, first_result, serve
from sitebuild import build_articles

pytestmark = pytest.mark.browser

OLD = OLD_ARTICLE

NEW = """---
title: School budget passed
date: 2024-03-02
category: Politics
---

“Every school gets new laptops,” said Tom Stein, the finance minister.
"""


def test_older_years_are_found_with_their_quotes(tmp_path, page):
    out, _ = build_articles(tmp_path, {"old.md": OLD, "new.md": NEW})
    assert (out / "pagefind" / "pagefind-entry.json").is_file()  # the newest year
    assert (out / "pagefind" / "2019" / "pagefind-entry.json").is_file()
    with serve(out) as base:
        # the 2019 article, from the merged bundle, and its quotation as a result
        link = first_result(page, f"{base}/search.html", "lighthouse ferry", "Anna Berg")
        assert "lighthouse district" in link.inner_text()
        assert page.locator(".pagefind-ui__result-link", has_text="Harbour plans").count()
        link.click()
        page.wait_for_url(re.compile(r"harbour-plans-approved\.html.*#q-1$"))
        # and the newest year's article is found too
        page.goto(f"{base}/search.html?q=laptops")
        page.locator(".pagefind-ui__result-link", has_text="School budget").first.wait_for(
            timeout=15_000
        )
    assert page.errors == []


def test_a_year_in_parts_is_searched_as_one(tmp_path, page):
    from sitebuild import PELICANCONF, run_pelican

    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    earlier = OLD.replace("2019-06-01", "2024-01-05")
    for name, text in {"old.md": earlier, "new.md": NEW}.items():
        (content / "articles" / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    proc = run_pelican(content, out, PELICANCONF, "PAGE_PATHS=[]", "PAGEFIND_SECTION_MAX=1")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (out / "pagefind" / "pagefind-entry.json").is_file()  # the newest article
    assert (out / "pagefind" / "2024-2" / "pagefind-entry.json").is_file()  # the other
    with serve(out) as base:
        link = first_result(page, f"{base}/search.html", "lighthouse ferry", "Anna Berg")
        assert "lighthouse district" in link.inner_text()
        page.goto(f"{base}/search.html?q=laptops")
        page.locator(".pagefind-ui__result-link", has_text="School budget").first.wait_for(
            timeout=15_000
        )
    assert page.errors == []
