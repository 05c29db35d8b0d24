"""A folder of articles builds as it is: no articles/ sub-folder needed, and the legend
every page links to exists without an About page."""

from __future__ import annotations

import re

from sitebuild import HARBOUR_ARTICLE, PELICANCONF, run_pelican


def test_articles_directly_in_the_input_folder_are_built(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "harbour.md").write_text(HARBOUR_ARTICLE, encoding="utf-8")
    (content / "second.md").write_text(
        HARBOUR_ARTICLE.replace("Harbour", "Second harbour"), encoding="utf-8"
    )
    proc = run_pelican(content, tmp_path / "out")
    assert proc.returncode == 0, proc.stderr
    log = proc.stdout + proc.stderr
    assert "has no articles/ folder (ARTICLE_PATHS)" in log
    assert "Processed 2 articles" in log
    pages = list((tmp_path / "out" / "articles").rglob("*.html"))
    assert len(pages) == 2


def test_the_sample_layout_is_read_without_a_warning(sample_site):
    assert (sample_site / "articles").is_dir()  # content/articles/ as before


def test_every_link_to_the_legend_resolves_without_an_about_page(tmp_path):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "articles" / "harbour.md").write_text(HARBOUR_ARTICLE, encoding="utf-8")
    proc = run_pelican(content, tmp_path / "out", PELICANCONF, "PAGE_PATHS=[]")
    assert proc.returncode == 0, proc.stderr
    out = tmp_path / "out"
    assert not (out / "about.html").exists()
    legend = (out / "marks.html").read_text(encoding="utf-8")
    assert "What the marks mean" in legend and "unnamed source" in legend
    article = next((out / "articles").rglob("*.html")).read_text(encoding="utf-8")
    index = (out / "index.html").read_text(encoding="utf-8")
    for html in (article, index):
        for href in re.findall(r'href="([^"#]*marks\.html)"', html):
            assert href.endswith("marks.html")
        assert "about.html" not in html
