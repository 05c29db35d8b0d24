"""Editors correct the extractor in the article itself; the fix survives every rebuild."""

from __future__ import annotations

import re

from sitebuild import build_articles

ARTICLE = """---
title: Harbour vote
date: 2024-05-01
category: Tests
---

The so-called [“experts at the harbour were wrong about everything”]{data-quote=no} again.

“The budget is fair,” councillor Tom Reyes said.

[“We will rebuild the port,”]{data-speaker="Anna Berg" data-role="mayor"} she told us.

A note read [“the harbour closes at noon”]{data-speaker="Harbour Authority" data-kind=organization}.
"""


def test_inline_corrections(tmp_path):
    out, _ = build_articles(tmp_path, {"vote.md": ARTICLE})
    html = (out / "articles/2024/05/harbour-vote.html").read_text(encoding="utf-8")
    # each quote's first (here: only) piece and the speaker label that follows it
    marked = re.findall(
        r'<span id="q-\d+"[^>]*>([^<]*)</span>[”"’»]?<a class="quote-ref"[^>]*>'
        r'<span class="visually-hidden">[^<]*</span>([^<]*)</a>',
        html,
    )
    labels = dict(marked)
    # marked "no quote": the engine's find is gone
    assert "experts at the harbour" not in "".join(labels)
    # the engine's own find stays
    assert labels["The budget is fair,"] == "Tom Reyes"
    # a found quote given to another speaker, with the role the editor wrote
    assert labels["We will rebuild the port,"] == "Anna Berg"
    # a quotation the engine missed, marked by the editor
    assert labels["the harbour closes at noon"] == "Harbour Authority"
    assert "mayor" in html.split('<aside class="who-quoted"', 1)[1].split("</aside>", 1)[0]
    assert (out / "speakers/harbour-authority.html").is_file()
