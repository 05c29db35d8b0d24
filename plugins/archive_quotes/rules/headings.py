"""Step 'headings': mark the headline and quoted section headings.

A paragraph that is one short line without a sentence's final punctuation is a
heading. A heading made of a quote names no speaker, so it gets none.
"""

from __future__ import annotations

from ..state import Doc

_MAX_WORDS = 20


def is_heading(text: str) -> bool:
    line = text.strip()
    if "\n" in line or not line or len(line.split()) > _MAX_WORDS:
        return False
    tail = line.rstrip("\"'”’»«“›‹)] ")
    return bool(tail) and tail[-1] not in ".!?:;,…"


def run(doc: Doc) -> None:
    if doc.paragraphs:
        s, e = doc.paragraphs[0]
        # the first line is the headline when it reads like one (the seed, the eval sets)
        if "\n" not in doc.text[s:e] and len(doc.text[s:e].split()) <= 30:
            doc.headline = (s, e)
    for d in doc.drafts:
        ps, pe = doc.paragraphs[d.paragraph]
        if d.paragraph == 0 and doc.headline:
            continue
        if d.outer[0] == ps and d.outer[1] >= pe - 1 and is_heading(doc.text[ps:pe]):
            d.heading = True
            doc.log("headings", "heading", f"{doc.snippet(ps, pe)} is a quoted heading: no speaker")
