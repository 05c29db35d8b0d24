"""JSON-LD sits in a <script> element: no text of an article or a speaker can end it
early, open a comment in it, or read as an entity; the JSON reads back as written."""

from __future__ import annotations

import datetime
import json
import re
from types import SimpleNamespace

from quote_annotator.exports import jsonld, speaker_jsonld

HOSTILE = "</script><script>alert(1)</script> <!-- x --> AT&T &amp; O'Hara \u2028\u2029 «да»"


def _script_body(html: str) -> str:
    """What an HTML parser takes as the element's text: up to the first '</script'."""
    return re.search(r"<script[^>]*>(.*?)</script", html, re.S | re.I).group(1)


def test_article_jsonld_is_safe_in_a_script_element():
    quote = SimpleNamespace(
        id="q-1", text=HOSTILE, speaker=HOSTILE, speaker_kind="person", speaker_url="s/x.html"
    )
    article = SimpleNamespace(
        url="a.html", title=HOSTILE, date=datetime.datetime(2024, 3, 1), quotes=[quote]
    )
    raw = jsonld(article, "")
    assert not set(raw) & set("<>&")
    html = f'<script type="application/ld+json">{raw}</script>'
    data = json.loads(_script_body(html))
    [item] = data["@graph"]
    assert item["text"] == item["creator"]["name"] == item["isPartOf"]["headline"] == HOSTILE
    assert "\u2028" in raw  # valid in JSON (and in JavaScript since ES2019), kept as it is
    assert "«да»" in raw  # other characters unescaped, as before


def test_speaker_jsonld_is_safe_in_a_script_element():
    page = SimpleNamespace(
        kind="person",
        name=HOSTILE,
        url="speakers/x.html",
        aliases=[HOSTILE],
        description=HOSTILE,
        wikidata="Q42",
    )
    raw = speaker_jsonld(page, "")
    assert not set(raw) & set("<>&")
    data = json.loads(_script_body(f"<script>{raw}</script>"))
    assert data["name"] == data["description"] == data["alternateName"][0] == HOSTILE
