"""Shape 'indirect-trailing': the report, a comma, then who said it.

"Putin was not there, Peskov said." / "…, said Michael O'Hanlon, a senior fellow at the
Brookings Institution." / "…, the campaign said on Friday."
"""

from __future__ import annotations

from ...state import Doc, Draft
from .. import phrases
from ..phrases import Token
from . import common

_TAIL = 10  # the comma is among the last tokens of the sentence
_APPOSITIVE = 25  # "…, said Howard Rubel, a senior analyst at Jefferies": a longer tail


def find(doc: Doc, toks: list[Token], paragraph: int) -> Draft | None:
    n = len(toks)
    for j in range(n - 1, max(0, n - _APPOSITIVE), -1):
        if toks[j][2] != ",":
            continue
        last = j
        j = _inverted_before_appositive(doc, toks, j)
        if j == last and n - j >= _TAIL:
            return None  # a long tail with no speaker's appositive in it
        tail = toks[j + 1 :]
        for k in range(len(tail)):
            if tail[k][2] not in doc.lex.indirect_verbs:
                continue  # no verb here (common.verb_at would find none)
            hit = common.verb_at(doc, tail, k)
            if hit is None or not hit[0].kinds & {"say", "clause", "frame"}:
                continue
            if common.passive(doc, tail, k):
                return None
            if k + 1 < len(tail) and tail[k + 1][2].lower() == "by":
                return None  # "…, denounced by Moscow": a passive, not speech
            if k == 0:
                phrase = phrases.forward(tail, 1, doc.lex, doc.text)
                after = doc.text[phrase.start : tail[-1][1]] if phrase is not None else ""
                if phrase is not None and not _named(after, doc.lex.auxiliaries):
                    return None  # "…, said the attack dragged the campaign down": a clause
            else:
                # "…, Peskov said", "…, records show": a name or a short description
                phrase = phrases.backward(tail, k, doc.lex, doc.text)
                if phrase is None:
                    phrase = common.description(doc, tail, 0, k - 1)
            span = common.content(doc, toks[0][0], toks[j][0], common.MIN_WORDS["say"])
            if phrase is None or span is None:
                return None
            cue = (tail[k][0], tail[k][1])
            return common.draft(doc, [span], cue, phrase, paragraph, "indirect-trailing")
        return None
    return None


def _inverted_before_appositive(doc: Doc, toks: list[Token], j: int) -> int:
    """The comma before an inverted cue ('…, said Howard Rubel, a senior analyst at
    Jefferies.') when the comma at toks[j] opens the speaker's appositive; else j."""
    if any(common.verb_at(doc, toks, k) for k in range(j + 1, len(toks))):
        return j
    for i in range(j - 1, max(0, len(toks) - _APPOSITIVE), -1):
        if toks[i][2] != ",":
            continue
        if i + 2 >= j or not common.verb_at(doc, toks, i + 1):
            return j
        # the words between the verb and the appositive's comma are the speaker's name
        name = phrases.forward(toks[:j], i + 2, doc.lex, doc.text)
        return i if name is not None and name.end == toks[j - 1][1] else j
    return j


def _named(after_verb: str, auxiliaries: frozenset[str]) -> bool:
    """'said Michael O'Hanlon, a senior fellow', 'said officials': a name or a short
    description after an inverted verb, not a clause ("Mary Jones, a teacher in Cardiff,
    Wales, said pupils were struggling": the name before the verb is its subject)."""
    words = after_verb.split()
    if any(w.lower() in auxiliaries or (w.islower() and w.endswith("ed")) for w in words[1:4]):
        return False
    return len(words) <= 3 or any(w[:1].isupper() for w in words[:4])
