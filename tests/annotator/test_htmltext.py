"""Plain text out of article HTML, and quotes wrapped back in place."""

from __future__ import annotations

from quote_annotator.htmltext import HtmlText


def wrap(html: str, phrase: str, key: int = 3) -> str:
    h = HtmlText(html)
    s = h.text.index(phrase)
    return h.wrap(
        [(s, s + len(phrase), key)],
        lambda k, first: f'<span class="q"{f" id=q-{k}" if first else ""}>',
        lambda k, last: "</span>" + ("<sup>end</sup>" if last else ""),
    )


def test_text_has_paragraph_breaks_and_decoded_entities():
    h = HtmlText("<p>Fish &amp; chips</p><p>Next<br>line</p>")
    assert h.text == "Fish & chips\n\nNext\nline\n\n"


def test_a_quote_across_a_link_is_wrapped_piece_by_piece():
    html = '<p>He said: “It is <a href="x">time &amp; now</a>,” and left.</p>'
    out = wrap(html, "It is time & now")
    assert out == (
        '<p>He said: “<span class="q" id=q-3>It is </span><a href="x">'
        '<span class="q">time &amp; now</span><sup>end</sup></a>,” and left.</p>'
    )


def test_footnote_markers_are_not_text_and_survive():
    html = '<p>“Yes”<sup class="footnote-ref"><a href="#fn1">[1]</a></sup> she said.</p>'
    h = HtmlText(html)
    assert "[1]" not in h.text
    assert '<sup class="footnote-ref"><a href="#fn1">[1]</a></sup>' in wrap(html, "Yes")


def test_text_is_escaped_when_written_back():
    html = "<p>“&lt;script&gt; is text,” he said.</p>"
    out = wrap(html, "<script> is text,")
    assert "&lt;script&gt; is text," in out and "<script>" not in out
