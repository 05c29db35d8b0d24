"""The annotator's markup (archive_site.markup) and the archive's one HTML-to-text
conversion (quote_annotator.htmltext), which the search indexes share."""

from __future__ import annotations

import datetime
import re
from types import SimpleNamespace

from offline_search.offline import index_documents

from archive_site import markup
from pagefind_search.index import article_record
from quote_annotator.annotate import extract, render
from quote_annotator.htmltext import plain_text

BODY = (
    "<p>“We will build the new harbour this year,” said Mayor Anna Berg.<sup"
    ' class="footnote-ref"><a href="#fn1">[1]</a></sup></p>\n'
    "<p>“The <em>budget</em> is ready,” she added &amp; left.</p>"
)


def annotated():
    return render(extract("Harbour vote", BODY))


def test_the_annotator_writes_the_declared_class_names():
    html = annotated().content
    classes = {c for attr in re.findall(r'class="([^"]*)"', html) for c in attr.split()}
    assert {markup.QUOTE, markup.quote_type("direct"), markup.LABEL} <= classes
    assert markup.VISUALLY_HIDDEN in classes
    assert markup.speaker_slot(1) in classes


def test_annotated_html_reads_back_as_the_text_the_engine_read():
    """Labels and footnote markers are no words of the article: the plain text of the
    annotated page is the plain text of the article as written."""
    annotation = annotated()
    assert plain_text(annotation.content) == plain_text(BODY)
    assert annotation.text == "Harbour vote\n\n" + plain_text(BODY) + "\n\n"
    assert "Anna Berg" in plain_text(BODY) and "[1]" not in plain_text(BODY)
    assert "budget is ready,” she added & left." in plain_text(BODY)


def article(content: str):
    return SimpleNamespace(
        url="harbour.html",
        title="Harbour vote",
        content=content,
        date=datetime.datetime(2024, 3, 1),
        lang="en",
        source_path="content/harbour.md",
    )


def test_both_indexes_read_an_unannotated_article_with_the_same_conversion():
    """Without quote_annotator's search_text, offline_search and pagefind_search both
    read the article with htmltext (no second HTML-to-text of their own)."""
    content = annotated().content  # labels in it, but no search_text given
    doc = index_documents([article(content)], None)[0]
    record = article_record(article(content), {"DEFAULT_LANG": "en"})
    assert doc["text"] == plain_text(BODY)
    assert record["content"] == f"Harbour vote\n\n{plain_text(BODY)}"
    assert markup.LABEL not in doc["text"] and "quote 1, direct" not in doc["text"]
