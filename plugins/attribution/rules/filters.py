"""Step 'filters': drop what looks like a quotation but is not one.

Quotation marks also mark scare quotes, titles of works and nicknames. A quote of
at most `short_without_cue` words (lexicons/<lang>/limits.txt) with no cue is one
of those, and is dropped (a sentence's subject alone does not make it speech); so
is one of at most `short_with_cue` words even with a cue.
Quoted headings are kept, unattributed.
"""

from __future__ import annotations

from ..state import Doc


def run(doc: Doc) -> None:
    kept = []
    without = doc.lex.limits.get("short_without_cue", 3)
    with_cue = doc.lex.limits.get("short_with_cue", 0)
    for d in doc.drafts:
        if d.type == "indirect" or d.heading:
            kept.append(d)
            continue
        words = sum(len(doc.text[s:e].split()) for s, e in d.spans)
        marked = words if d.type != "mixed" else len(doc.text[d.outer[0] : d.outer[1]].split())
        if d.cue is None and marked <= without:
            # scare quotes, titles, nicknames: short, and nobody is said to have said them
            doc.log("filters", "dropped", f"{doc.snippet(*d.spans[0])}: {marked} words, no cue")
            continue
        if marked <= with_cue:
            doc.log("filters", "dropped", f"{doc.snippet(*d.spans[0])}: {marked} words")
            continue
        kept.append(d)
    doc.drafts = kept
