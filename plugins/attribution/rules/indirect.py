"""Step 'indirect': reported speech without quotation marks.

Three shapes, each only where the speaker is named beside the cue (conservative):
"Peskov explained that Putin was not there", "Putin was not there, Peskov said",
and "according to the report, the drones were disabled".
"""

from __future__ import annotations

import bisect
import re

from ..state import Doc, Draft
from . import phrases
from .cues import tokens

_MIN_WORDS = 4
# After these verbs a clause may open with any word ("says praise from Putin helps")...
_SAY = {"said", "says", "say", "believes", "thinks", "argued", "argues", "claimed", "claims"}
# ...but not with one that makes the verb's object or adjunct ("said in", "says so").
_NOT_CLAUSE = {
    "to",
    "in",
    "on",
    "at",
    "for",
    "of",
    "with",
    "by",
    "about",
    "from",
    "as",
    "and",
    "but",
    "or",
    "so",
    "nothing",
    "something",
    "anything",
    "goodbye",
    "yes",
    "no",
    "hello",
    "thanks",
    "sorry",
    "otherwise",
    "more",
    "little",
    "much",
    "earlier",
    "later",
    "last",
    "previously",
    "recently",
    "repeatedly",
    "often",
    "once",
}
# "it was said that": a passive cue names no speaker
_PASSIVE = {"was", "were", "is", "are", "been", "be", "being"}
_CLAUSE_START = {
    "that",
    "dass",
    "daß",
    "he",
    "she",
    "they",
    "it",
    "we",
    "i",
    "the",
    "there",
    "his",
    "her",
    "their",
    "this",
    "a",
    "an",
}


def run(doc: Doc) -> None:
    lex = doc.lex
    quoted = sorted(d.outer for d in doc.drafts)
    starts = [a for a, _ in quoted]
    span_starts = sorted((d.clause or d.spans[0])[0] for d in doc.drafts)
    found: list[Draft] = []
    for (s, e), p in zip(doc.sentences, doc.sentence_paragraph, strict=True):
        if p == 0 and doc.headline:
            continue
        # in a sentence with quotation marks, only the part before the first one
        i = bisect.bisect_left(starts, s)
        first_quote = quoted[i][0] if i < len(quoted) and quoted[i][0] < e else None
        if i and quoted[i - 1][1] > s:
            continue  # the sentence starts inside a quote
        if first_quote is not None:
            # a widened fragment may start before its marks
            k = bisect.bisect_left(span_starts, s)
            if k < len(span_starts) and span_starts[k] < e:
                first_quote = min(first_quote, span_starts[k])
            toks = tokens(doc.text, s, first_quote)
            draft = _leading(doc, toks, p)
            if draft is not None:
                found.append(draft)
            continue
        toks = tokens(doc.text, s, e)
        draft = _according(doc, toks, p) or _trailing(doc, toks, p) or _leading(doc, toks, p)
        if draft is not None:
            found.append(draft)
    doc.drafts.extend(found)
    doc.drafts.sort(key=lambda d: d.spans[0][0])
    del lex


def _content(doc: Doc, a: int, b: int) -> tuple[int, int] | None:
    while a < b and not doc.text[a].isalnum():
        a += 1
    while b > a and not doc.text[b - 1].isalnum():
        b -= 1
    if len(doc.text[a:b].split()) < _MIN_WORDS:
        return None
    return a, b


def _draft(doc: Doc, content, cue, phrase, p: int, rule: str) -> Draft | None:
    if content is None or phrase is None:
        return None
    d = Draft([content], content, p, rule=rule, type="indirect")
    d.cue, d.mention = cue, (phrase.start, phrase.end)
    d.speaker, d.kind, d.role, d.pronoun = phrase.name, phrase.kind, phrase.role, phrase.pronoun
    d.speaker_rule = rule
    doc.log(rule, "indirect", f"{doc.snippet(*content)} <- {doc.snippet(phrase.start, phrase.end)}")
    return d


def _according(doc: Doc, toks, p: int) -> Draft | None:
    for j in range(len(toks) - 1):
        if toks[j][2].lower() == "according" and toks[j + 1][2].lower() == "to":
            # "According to the report, the drones…": the source ends at the comma
            comma = next((k for k in range(j + 2, len(toks)) if toks[k][2] == ","), len(toks))
            phrase = phrases.forward(toks, j + 2, doc.lex, doc.text, hi=comma if j == 0 else None)
            if phrase is None:
                return None
            cue = (toks[j][0], toks[j + 1][1])
            if j == 0:
                content = _content(doc, phrase.end, toks[-1][1])
            else:
                content = _content(doc, toks[0][0], toks[j][0])
            return _draft(doc, content, cue, phrase, p, "indirect-according-to")
    return None


def _trailing(doc: Doc, toks, p: int) -> Draft | None:
    """'…, Peskov said.' at the end of the sentence."""
    n = len(toks)
    for j in range(n - 1, max(0, n - 10), -1):
        if toks[j][2] == ",":
            tail = toks[j + 1 :]
            for k, (_, _, word) in enumerate(tail):
                if word.lower() in _cues(doc):
                    if k > 0 and tail[k - 1][2].lower() in _PASSIVE:
                        return None
                    if k + 1 < len(tail) and tail[k + 1][2].lower() == "by":
                        return None  # "…, denounced by Moscow": a passive, not speech
                    if k == 0:
                        phrase = phrases.forward(tail, 1, doc.lex, doc.text)
                    else:
                        phrase = phrases.backward(tail, k, doc.lex, doc.text)
                    content = _content(doc, toks[0][0], toks[j][0])
                    return _draft(
                        doc, content, (tail[k][0], tail[k][1]), phrase, p, "indirect-trailing"
                    )
            return None
    return None


def _leading(doc: Doc, toks, p: int) -> Draft | None:
    """'Peskov explained that …': a subject, a cue, then the clause."""
    for j, (_, _, word) in enumerate(toks[:40]):
        low = word.lower()
        if low not in _cues(doc) or j == 0 or toks[j - 1][2].lower() in _PASSIVE:
            continue
        nxt_word = toks[j + 1][2] if j + 1 < len(toks) else ""
        nxt = re.split(r"[’']", nxt_word.lower())[0]  # "she’ll" opens a clause like "she"
        k = j + 1
        # the clause opens right after the cue: "that", a pronoun, a determiner or a name
        opens = (
            nxt in _CLAUSE_START
            or (nxt_word[:1].isupper() and nxt not in {"i"})
            or (low in _SAY and nxt_word.isalpha() and nxt not in _NOT_CLAUSE)
        )
        if not opens:
            # "told reporters that", "told CNN on Sunday that": an object, then "that"
            for m in range(j + 1, min(len(toks), j + 7)):
                if toks[m][2].lower() in {"that", "dass"}:
                    k = m
                    break
            else:
                continue
        if toks[k][2].lower() in {"that", "dass", "daß"}:
            k += 1
        phrase = phrases.backward(toks, j, doc.lex, doc.text)
        if phrase is None:
            continue
        content = _content(doc, toks[k][0] if k < len(toks) else toks[-1][1], toks[-1][1])
        return _draft(doc, content, (toks[j][0], toks[j][1]), phrase, p, "indirect-leading")
    return None


def _cues(doc: Doc) -> frozenset[str]:
    """Verbs that report speech or thought: the indirect list and every frame cue."""
    return doc.lex.reporting
