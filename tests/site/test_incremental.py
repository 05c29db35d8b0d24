"""A rebuild leaves unchanged article pages alone, and re-renders every page whose
inputs changed: the article, the speakers file, the theme, a setting."""

from __future__ import annotations

import shutil

from sitebuild import PELICANCONF, ROOT, run_pelican

FIRST = """---
title: Harbour vote
date: 2024-03-01
category: Politics
---

“We will build the new harbour this year,” said Mayor Anna Berg.
"""

SECOND = """---
title: School budget
date: 2024-03-02
category: Politics
---

“The schools get more money,” said Tom Stein, the finance minister.
"""

PAGES = {
    "first": "articles/2024/03/harbour-vote.html",
    "second": "articles/2024/03/school-budget.html",
}


def _site(tmp_path):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "articles" / "first.md").write_text(FIRST, encoding="utf-8")
    (content / "articles" / "second.md").write_text(SECOND, encoding="utf-8")
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    return content, theme, tmp_path / "out"


def _build(content, theme, out, *extra):
    proc = run_pelican(content, out, PELICANCONF, "PAGE_PATHS=[]", f'THEME="{theme}"', *extra)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return {key: (out / page).stat().st_mtime_ns for key, page in PAGES.items()}


def test_unchanged_pages_are_left_alone_and_changed_ones_rendered(tmp_path):
    content, theme, out = _site(tmp_path)
    first = _build(content, theme, out)
    assert _build(content, theme, out) == first  # nothing changed: nothing rewritten

    # one article changes: only its page is rendered again
    path = content / "articles" / "first.md"
    path.write_text(FIRST + "\n“It will open in May,” she added.\n", encoding="utf-8")
    after = _build(content, theme, out)
    assert after["first"] != first["first"] and after["second"] == first["second"]
    page = (out / PAGES["first"]).read_text(encoding="utf-8")
    assert "It will open in May" in page

    # the editors' speakers file renames a speaker: the pages quoting them change
    (content / "speakers.yml").write_text(
        "speakers:\n  - name: Tom Stein-Larsen\n    aliases: [Tom Stein]\n", encoding="utf-8"
    )
    renamed = _build(content, theme, out)
    assert renamed["second"] != after["second"]
    assert "Tom Stein-Larsen" in (out / PAGES["second"]).read_text(encoding="utf-8")

    # a template changes: every article page is rendered again
    template = theme / "templates" / "article.html"
    template.write_text(
        template.read_text(encoding="utf-8").replace(
            '<article class="article"', '<article data-theme-edit class="article"', 1
        ),
        encoding="utf-8",
    )
    themed = _build(content, theme, out)
    assert all(themed[k] != renamed[k] for k in PAGES)
    assert all("data-theme-edit" in (out / p).read_text(encoding="utf-8") for p in PAGES.values())

    # a setting the templates read changes: every page again
    final = _build(content, theme, out, 'SITENAME="Harbour Archive"')
    assert all(final[k] != themed[k] for k in PAGES)
    assert "Harbour Archive" in (out / PAGES["first"]).read_text(encoding="utf-8")


def test_a_deleted_page_is_written_again(tmp_path):
    content, theme, out = _site(tmp_path)
    _build(content, theme, out)
    (out / PAGES["second"]).unlink()
    _build(content, theme, out)
    assert (out / PAGES["second"]).is_file()
