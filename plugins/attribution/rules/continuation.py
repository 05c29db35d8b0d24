"""Step 'continuation': a quote with no cue of its own continues the previous speaker.

News writing attributes a run of quotes once: "“…,” he said. “…”" and a paragraph
that opens with a quote right after an attributed one. Section headings that are
quotes are not continuations: nobody is named for them.
"""

from __future__ import annotations

from ..state import Doc

_MAX_PARAGRAPH_GAP = 1


def run(doc: Doc) -> None:
    last = None
    merged = set()
    for d in doc.drafts:
        if d.heading:
            continue
        if d.speaker is not None:
            last = d
            continue
        if d.cue is not None or last is None:
            continue
        ps, _ = doc.paragraphs[d.paragraph]
        same_paragraph = last.paragraph == d.paragraph
        # a paragraph that opens with the quote, right after the one with the attributed quote
        next_paragraph = (d.paragraph - last.paragraph <= _MAX_PARAGRAPH_GAP
                          and d.outer[0] == ps and last.type != "indirect")
        if not (same_paragraph or next_paragraph):
            continue
        if same_paragraph and last.type != "indirect":
            # "“…,” he said. “…”": one quotation in several parts
            last.spans.extend(d.spans)
            last.outer = (last.outer[0], d.outer[1])
            merged.add(id(d))
            doc.log("continuation", "merged", f"{doc.snippet(*d.spans[0])} is the next part of "
                    f"{doc.snippet(*last.spans[0])}")
            continue
        d.speaker, d.kind, d.role = last.speaker, last.kind, last.role
        d.mention, d.pronoun, d.outlet = last.mention, last.pronoun, last.outlet
        d.speaker_rule = "continuation"
        doc.log("continuation", "speaker", f"{doc.snippet(*d.spans[0])} continues "
                f"{doc.snippet(*last.spans[0])}")
    doc.drafts = [d for d in doc.drafts if id(d) not in merged]
