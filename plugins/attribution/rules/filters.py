"""Step 'filters': drop what looks like a quotation but is not one.

Quotation marks also mark scare quotes, titles of works and nicknames. A quote of
at most SHORT words with no cue and no speaker is one of those, and is dropped;
quoted headings are kept, unattributed.
"""

from __future__ import annotations

from ..state import Doc

SHORT = 3


def run(doc: Doc) -> None:
    kept = []
    for d in doc.drafts:
        words = sum(len(doc.text[s:e].split()) for s, e in d.spans)
        if d.speaker is None and d.cue is None and not d.heading and words <= SHORT:
            # scare quotes, titles, nicknames: short, and nobody is said to have said them
            doc.log("filters", "dropped", f"{doc.snippet(*d.spans[0])}: {words} words, no cue")
            continue
        kept.append(d)
    doc.drafts = kept
