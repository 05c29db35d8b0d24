"""Step 'mixed': a quoted fragment inside reported speech takes the reported clause.

"Clinton called half of Trump’s supporters “deplorables”": what Clinton said is the
clause from the cue to the end of the fragment, of which the quoted word is part. The
quote itself stays the quoted words (what a reader sees marked); the clause is kept
beside it for corpora that count the whole content (PolNeAR).
"""

from __future__ import annotations

from ..state import Doc


def run(doc: Doc) -> None:
    if not doc.lex.limits.get("widen_mixed", 1):
        return  # this language's convention keeps only the quoted words (limits.txt)
    for d in doc.drafts:
        # only fragments whose cue stands before them in the same sentence
        if d.type != "mixed" or d.cue is None or d.cue[1] > d.outer[0] or len(d.spans) > 1:
            continue
        # the reported clause starts after the cue and after the speaker named with it
        start = max(d.cue[1], d.mention[1] if d.mention and d.mention[1] <= d.outer[0] else 0)
        rest = doc.text[start : d.spans[0][0]]
        words = rest.split()
        offset = 0
        # skip the lead-in word ("said that", "defined the incident as" keeps its object)
        if words and words[0].lower().strip(",") in doc.lex.mixed_lead_ins:
            offset = rest.index(words[0]) + len(words[0])
        s = start + offset
        while s < d.spans[0][0] and not doc.text[s].isalnum() and doc.text[s] not in '“"„«»‘':
            s += 1
        between = doc.text[s : d.spans[0][0]]
        if any(c.isalnum() for c in between) and "\n" not in between:
            doc.log(
                "mixed",
                "widened",
                f"{doc.snippet(*d.spans[0])} to the reported clause "
                f"{doc.snippet(s, d.spans[0][1])}",
            )
            d.clause = (s, d.spans[0][1])
