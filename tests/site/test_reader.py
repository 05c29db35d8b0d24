"""The markdown-it reader: both header styles, the enabled syntax, safe HTML."""

from __future__ import annotations

import datetime

import pytest
from pelican.settings import read_settings

from mdit_reader.reader import MarkdownItReader, check_settings
from mdit_reader.source import ContentError
from sitebuild import PELICANCONF


class _Pelican:
    def __init__(self, settings):
        self.settings = settings


@pytest.fixture(scope="module")
def reader():
    settings = read_settings(str(PELICANCONF))
    check_settings(_Pelican(settings))
    return MarkdownItReader(settings)


def read(reader, tmp_path, text: str, name: str = "a.md"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return reader.read(str(path))


def test_yaml_front_matter(reader, tmp_path):
    html, meta = read(
        reader,
        tmp_path,
        "---\ntitle: T\ndate: 2023-05-03\ntags: [Russia, Ukraine]\n"
        "category: World\nlang: en\n---\n\nBody.\n",
    )
    assert meta["title"] == "T"
    assert meta["date"].date() == datetime.date(2023, 5, 3)
    assert [str(t) for t in meta["tags"]] == ["Russia", "Ukraine"]
    assert str(meta["category"]) == "World"
    assert html.strip() == "<p>Body.</p>"


def test_pelican_key_value_headers_build_unchanged(reader, tmp_path):
    html, meta = read(
        reader,
        tmp_path,
        "Title: My super title\nDate: 2010-12-03 10:20\n"
        "Modified: 2010-12-05 19:30\nCategory: Python\nTags: pelican, publishing\n"
        "Slug: my-super-post\nAuthors: Alexis Metaireau, Conan Doyle\n"
        "Summary: Short version for index and feeds\n\nThis is the content.\n",
    )
    assert meta["title"] == "My super title"
    assert meta["date"] == datetime.datetime(2010, 12, 3, 10, 20)
    assert meta["slug"] == "my-super-post"
    assert [str(a) for a in meta["authors"]] == ["Alexis Metaireau", "Conan Doyle"]
    assert "Short version" in meta["summary"]
    assert html.strip() == "<p>This is the content.</p>"


def test_leading_h1_is_the_title_when_none_is_given(reader, tmp_path):
    html, meta = read(reader, tmp_path, "---\ndate: 2024-01-01\n---\n\n# The headline\n\nBody.\n")
    assert meta["title"] == "The headline"
    assert "<h1" not in html and "<p>Body.</p>" in html


def test_footnotes_tables_deflists_attributes(reader, tmp_path):
    html, _ = read(
        reader,
        tmp_path,
        "---\ntitle: T\ndate: 2024-01-01\n---\n\n"
        "Claim.[^1]\n\n[^1]: Source.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
        "Term\n: Definition.\n\n{#intro .lead}\nA paragraph.\n\n~~gone~~\n",
    )
    assert 'class="footnote-ref"' in html and "Source." in html
    assert "<table>" in html and "<td>1</td>" in html
    assert "<dl>" in html and "<dt>Term</dt>" in html
    assert 'id="intro"' in html and 'class="lead"' in html
    assert "<s>gone</s>" in html


def test_raw_html_is_kept_but_sanitized(reader, tmp_path):
    html, _ = read(
        reader,
        tmp_path,
        "---\ntitle: T\ndate: 2024-01-01\n---\n\n"
        '<figure><img src="a.png" alt="A" onerror="alert(1)">'
        "<figcaption>Cap</figcaption></figure>\n\n"
        '<p style="x" onclick="alert(2)">Para <b>bold</b></p>\n\n'
        '<iframe src="https://evil.example"></iframe>\n',
    )
    assert '<img src="a.png" alt="A">' in html and "<figcaption>Cap</figcaption>" in html
    assert "<b>bold</b>" in html
    for bad in ("onerror", "onclick", "iframe", "style="):
        assert bad not in html


def test_title_with_markup_is_kept_as_text(reader, tmp_path):
    _, meta = read(
        reader, tmp_path, "---\ntitle: <script>alert(1)</script> News\ndate: 2024-01-01\n---\n\nB\n"
    )
    # templates autoescape it; the reader keeps the words as written
    assert meta["title"] == "<script>alert(1)</script> News"


def test_content_error_names_file_and_line(reader, tmp_path):
    with pytest.raises(ContentError) as err:
        read(reader, tmp_path, "---\ntitle: T\ndate: [2024\n---\n\nB\n", name="bad.md")
    assert "bad.md:3: front matter is not valid YAML" in str(err.value)
