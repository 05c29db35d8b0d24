"""Shape 'indirect-after-quote': a report that goes on after a quotation, by its speaker.

"“…,” he added, noting that nearly 200 countries signed the agreement." /
"Hewitt argued that “liberals” allowed terrorism to flourish, but suggested Trump went
too far." / "Clinton declared it “another super Tuesday” and said it was a step closer."

The words after a quotation, up to the next quotation or the end of the sentence, are
read for a participle after a comma (", noting that …") or a verb coordinated with
"and" or "but" (", but suggested …"). Its subject is the subject of the sentence, who
is the quotation's speaker: the report is credited to the mention the quotation has.
A quotation with no speaker mention lends none (conservative).
"""

from __future__ import annotations

from ...state import Doc, Draft
from .. import phrases
from ..phrases import Phrase, Token
from . import common

# a clause of another subject starts here: "…,” he said of Trump, who has said …"


def find(doc: Doc, toks: list[Token], paragraph: int, quote: Draft) -> Draft | None:
    if quote.mention is None:
        return None
    # the quotation's own cue and speaker may stand here ("…,” he added, noting …)
    lo = 0
    ends = [e for e in (quote.cue, quote.mention) if e is not None and e[0] >= toks[0][0]]
    if ends:
        last = max(e[1] for e in ends)
        while lo < len(toks) and toks[lo][0] < last:
            lo += 1
    for c in range(lo, len(toks) - 1):
        if toks[c][2].lower() in doc.lex.subordinate_openers:
            return None
        j = _verb_after(toks, c, doc.lex)
        if j is None:
            continue
        found = common.report_at(doc, toks, j)
        if found is None:
            continue
        verb, after, k, kind = found
        span = common.content_after(doc, toks, k, kind, verb)
        if span is None:
            continue
        phrase = Phrase(*quote.mention, quote.speaker, quote.kind, quote.role, quote.pronoun)
        rule = "indirect-after-quote"
        d = common.verb_draft(doc, span, toks, (j, after), kind, phrase, paragraph, rule)
        d.speaker_rule = quote.speaker_rule or d.rule
        return d
    return None


def _verb_after(toks: list[Token], c: int, lex) -> int | None:
    """Where a participle after the comma at toks[c] (", noting"), or a verb after a
    coordinator at toks[c] (", but suggested", "and said"), stands; else None."""
    w = toks[c][2].lower()
    if w == ",":
        c += 1
        participle = True
        if toks[c][2].lower() in lex.coordinators:
            c += 1
            participle = False
    elif w in lex.coordinators:
        c += 1
        participle = False
    else:
        return None
    while c < len(toks) and (toks[c][2].lower() in lex.skip_words or phrases.adverb(toks[c][2])):
        c += 1
    if c >= len(toks) or not toks[c][2].islower():
        return None
    if participle and not toks[c][2].endswith("ing"):
        return None  # ", said …" after a quote is its cue, read by step 'cues'
    return c
