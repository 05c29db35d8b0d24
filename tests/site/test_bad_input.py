"""Bad articles and wrong settings: a clear message naming the file, the rest still builds."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitebuild import PELICANCONF, run_pelican

GOOD = (
    "---\ntitle: A good article\ndate: 2024-01-02\ncategory: News\n---\n\n"
    "All is “well”, she said.\n"
)

CASES = {
    "broken-front-matter": (
        "---\ntitle: Broken\ndate: 2024-01-02\ntags: [a, b\n---\n\nText.\n",
        "broken-front-matter.md:4: front matter is not valid YAML",
    ),
    "unclosed-front-matter": (
        "---\ntitle: Never closed\ndate: 2024-01-02\n\nText.\n",
        "unclosed-front-matter.md:1: front matter opened with '---' is never closed",
    ),
    "missing-date": (
        "---\ntitle: No date\n---\n\nText.\n",
        "missing-date.md: could not find information about 'date'",
    ),
    "missing-title": (
        "---\ndate: 2024-01-03\n---\n\nText without a title.\n",
        "missing-title.md: could not find information about 'title'",
    ),
    "invalid-date": (
        "---\ntitle: Bad date\ndate: 2024-13-45\n---\n\nText.\n",
        "invalid-date.md:3: metadata 'date' is invalid",
    ),
}


def build(tmp_path: Path, files: dict[str, bytes | str], *overrides: str):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "articles" / "good.md").write_text(GOOD, encoding="utf-8")
    for name, data in files.items():
        target = content / "articles" / name
        if isinstance(data, str):
            target.write_text(data, encoding="utf-8")
        else:
            target.write_bytes(data)
    out = tmp_path / "out"
    proc = run_pelican(content, out, PELICANCONF, "PAGE_PATHS=[]", *overrides)
    return proc, proc.stdout + proc.stderr, out


def good_article_built(out: Path) -> bool:
    return (out / "articles/2024/01/a-good-article.html").is_file()


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_article_is_named_and_skipped(tmp_path, case):
    text, message = CASES[case]
    proc, log, out = build(tmp_path, {f"{case}.md": text})
    assert proc.returncode == 0, log
    assert message in log, log
    assert good_article_built(out)
    assert len(list((out / "articles").rglob("*.html"))) == 1


def test_invalid_utf8_is_repaired_with_a_warning(tmp_path):
    data = "---\ntitle: Café\ndate: 2024-01-04\n---\n\nCafé au lait, “he said”.\n".encode("cp1252")
    proc, log, out = build(tmp_path, {"latin1.md": data})
    assert "latin1.md:2: not valid UTF-8 (byte 0xe9); read the file as cp1252" in log, log
    assert good_article_built(out)
    page = next(p for p in (out / "articles").rglob("*.html") if "cafe" in p.name)
    assert "Café au lait" in page.read_text(encoding="utf-8")


def test_unclosed_html_tag_is_closed_where_it_was_opened(tmp_path):
    text = (
        "---\ntitle: Unclosed\ndate: 2024-01-05\n---\n\nFirst <em>paragraph\n\n"
        'Second paragraph stays upright.\n\n<div class="box">\n\nInside the box.\n'
    )
    proc, log, out = build(tmp_path, {"unclosed.md": text})
    assert "unclosed.md:6: <em> is never closed; closed at the end of its paragraph" in log, log
    assert "unclosed.md:10: <div> is never closed; closed at the end of the article" in log, log
    html = (out / "articles/2024/01/unclosed.html").read_text(encoding="utf-8")
    assert "<p>First <em>paragraph</em></p>" in html
    assert "<p>Second paragraph stays upright.</p>" in html
    assert good_article_built(out)


def test_huge_file_is_skipped_with_its_size(tmp_path):
    text = "---\ntitle: Huge\ndate: 2024-01-06\n---\n\n" + "word " * 300_000
    proc, log, out = build(tmp_path, {"huge.md": text}, "MDIT_MAX_BYTES=1000000")
    assert "huge.md: file is 1,500,0" in log and "over MDIT_MAX_BYTES (1,000,000)" in log, log
    assert good_article_built(out)


def test_scripts_in_articles_are_removed(tmp_path):
    text = (
        "---\ntitle: Hostile\ndate: 2024-01-07\n---\n\nHello <script>alert(1)</script>\n\n"
        '<img src=x onerror="alert(2)">\n\n[link](javascript:alert(3))\n\n'
        '<a href="javascript:alert(4)">raw link</a>\n'
    )
    proc, log, out = build(tmp_path, {"hostile.md": text})
    assert "hostile.md:6: removed active HTML" in log, log
    html = (out / "articles/2024/01/hostile.html").read_text(encoding="utf-8")
    body = html.split('class="article-body"', 1)[1].split("</div>", 1)[0]
    for bad in ("<script", "onerror", 'href="javascript:'):
        assert bad not in body, bad
    assert "Hello" in body and "raw link" in body  # the harmless text stays


@pytest.mark.parametrize(
    ("override", "setting"),
    [
        ('MDIT_PLUGINS=["footnote", "nope"]', "MDIT_PLUGINS names unknown plugin(s) nope"),
        ("MDIT_MAX_BYTES=-1", "MDIT_MAX_BYTES must be a positive whole number"),
        ('PAGEFIND_ENABLED="yes"', "PAGEFIND_ENABLED must be True or False"),
        ('SITEURL="example.org"', "SITEURL must be empty, a path such as '/REPO'"),
        ('PAGEFIND_OUTPUT="../escape"', "PAGEFIND_OUTPUT must be a folder name inside the output"),
    ],
)
def test_wrong_setting_stops_the_build_naming_it(tmp_path, override, setting):
    proc, log, out = build(tmp_path, {}, override)
    assert proc.returncode != 0
    assert setting in log, log
    assert not good_article_built(out)
