"""Shape 'indirect-leading': a subject, a verb of reported speech, then what it reports.

"Peskov explained that Putin was not there", "Cruz now says he isn't familiar with it",
"Obama plans to send a nominee", "Graham called Trump crazy and said the party would
lose", "The billionaire real estate magnate says a violent hit now draws a penalty".
"""

from __future__ import annotations

from ...state import Doc, Draft
from ..phrases import Token
from . import common

_REACH = 60  # tokens from the clause's start within which the verb is looked for


def find(doc: Doc, toks: list[Token], paragraph: int) -> Draft | None:
    # a verb of the list before a frame cue: "attacked Trump, saying he would …"
    return _find(doc, toks, paragraph, frame=False) or _find(doc, toks, paragraph, frame=True)


def _find(doc: Doc, toks: list[Token], paragraph: int, frame: bool) -> Draft | None:
    verbs = doc.lex.indirect_verbs
    for j in range(1, min(len(toks), _REACH)):
        if toks[j][2] not in verbs:
            continue  # no verb here (common.verb_at would find none)
        hit = common.verb_at(doc, toks, j)
        if hit is None or ("frame" in hit[0].kinds) != frame or common.passive(doc, toks, j):
            continue
        verb, after = hit
        opening = common.complement(doc, toks, after, verb)
        if opening is None:
            continue
        k, kind = opening
        phrase = common.subject(doc, toks, j)
        if phrase is None:
            continue
        start = toks[k][0] if k < len(toks) else toks[-1][1]
        span = common.content(doc, start, toks[-1][1], common.MIN_WORDS[kind])
        if span is None:
            continue
        cue = (toks[j][0], toks[after - 1][1])
        d = common.draft(doc, [span], cue, phrase, paragraph, "indirect-leading")
        d.report = {"to": "to", "object": "object", "frame": "object"}.get(kind)
        return d
    return None
