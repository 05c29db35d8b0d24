"""Articles written in HTML (Pelican's HTML reader) are sanitized and annotated too."""

from __future__ import annotations

import re

import pytest

from sitebuild import build_articles

HTML_ARTICLE = """<html>
<head>
  <title>Port plans</title>
  <meta name="date" content="2024-04-01">
  <meta name="category" content="Tests">
</head>
<body>
  <p>“We will <a href="https://example.org/port">rebuild the <em>port</em></a> this year,”
  said Mayor Anna Berg.</p>
  <script>alert(1)</script>
  <p><img src="x.png" onerror="alert(2)"> “It is a plan without money,”
  said councillor Tom Reyes.</p>
</body>
</html>
"""


@pytest.fixture(scope="module")
def html_site(tmp_path_factory):
    return build_articles(tmp_path_factory.mktemp("html"), {"port.html": HTML_ARTICLE})


def test_html_article_is_sanitized(html_site):
    out, log = html_site
    html = (out / "articles/2024/04/port-plans.html").read_text(encoding="utf-8")
    body = html.split('class="article-body"', 1)[1].split("</div>", 1)[0]
    assert "<script" not in body and "onerror" not in body
    assert "port.html: removed active or unknown HTML" in log


def test_a_quote_across_a_link_is_marked_piece_by_piece(html_site):
    out, _ = html_site
    html = (out / "articles/2024/04/port-plans.html").read_text(encoding="utf-8")
    # the link and the emphasis stay intact, each piece of the quote marked inside them
    assert re.search(
        r'<span id="q-1" class="quote[^"]*"[^>]*>We will </span>'
        r'<a href="https://example.org/port"[^>]*><span class="quote[^>]*>rebuild the '
        r'</span><em><span class="quote[^>]*>port</span></em></a>',
        html,
    ), html
    assert ">Anna Berg</a>" in html and ">Tom Reyes</a>" in html
