"""Shape 'indirect-medial': who said it between two commas inside the report.

"Greensboro, Sexton said, made him question who is steering the rhetoric." /
"Still, he said, officials have to decide who gets extra scrutiny."
"""

from __future__ import annotations

from ...state import Doc, Draft
from ..phrases import Token
from . import common

_LONGEST = 8  # tokens of the speaker and the verb between the commas


def find(doc: Doc, toks: list[Token], paragraph: int) -> Draft | None:
    n = len(toks)
    for i in range(1, n):
        if toks[i][2] != ",":
            continue
        for k in range(i + 2, min(n - 1, i + 2 + _LONGEST)):
            if toks[k][2] == ",":
                break
            if toks[k][2] not in doc.lex.indirect_verbs:
                continue  # no verb here (common.verb_at would find none)
            hit = common.verb_at(doc, toks, k)
            if hit is None or not hit[0].kinds & {"say", "clause", "frame"}:
                continue
            if hit[1] >= n or toks[hit[1]][2] != "," or common.passive(doc, toks, k):
                break
            phrase = common.subject(doc, toks, k, i + 1)
            if phrase is None or phrase.start != toks[i + 1][0]:
                break
            before = common.content(doc, toks[0][0], toks[i][0], 1)
            after = common.content(doc, toks[hit[1]][1], toks[-1][1], 2)
            if before is None or after is None:
                break
            spans = [before, after]
            words = sum(len(doc.text[a:b].split()) for a, b in spans)
            if words < common.MIN_WORDS["say"]:
                break
            cue = (toks[k][0], toks[k][1])
            return common.draft(doc, spans, cue, phrase, paragraph, "indirect-medial")
    return None
