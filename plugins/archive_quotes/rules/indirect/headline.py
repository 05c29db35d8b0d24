"""Shape 'indirect-headline': a headline that reports what someone said.

"Graham: Trump’s Hateful Rhetoric Destroying GOP’s Chance to Win Presidency." / "Paul
Ryan says he's not ready to support Trump." / "Bellwether County Says Trump Should Win."
The first is the headline's own grammar: a name, a colon, then what the person said; a
headline whose words before the colon are a label ("Profile:", "Delegate Update:") or
whose words after it are too few to be a claim ("Johnny Depp: The acting outlaw") is no
report. The others are read as any sentence is, after a label ("The Latest: Mourners say
…"); in a headline in title case, a verb of the lexicon in its third person ("Says",
"Praises") is a verb, not part of a name.
"""

from __future__ import annotations

from ...state import Doc, Draft
from .. import phrases
from ..phrases import Token
from . import common, leading

_OPENERS = "\"'“‘„«‹"
_NAME_REACH = 6  # tokens before the colon: a name with its title, no more


def find(doc: Doc, toks: list[Token], paragraph: int) -> Draft | None:
    toks = _title_case_verbs(doc, toks)
    draft = _colon(doc, toks, paragraph)
    if draft is not None:
        return draft
    c = _colon_at(toks)
    if c and _label(doc, toks, c):
        toks = toks[c + 1 :]
    return leading.find(doc, toks, paragraph) if toks else None


def _colon_at(toks: list[Token]) -> int | None:
    return next((k for k, t in enumerate(toks[:_NAME_REACH]) if t[2] == ":"), None)


def _label(doc: Doc, toks: list[Token], c: int) -> bool:
    """'Profile', 'The Latest', 'Delegate Update': the story's label, not its source."""
    label = doc.text[toks[0][0] : toks[c - 1][1]].lower()
    return label in doc.lex.headline_labels or toks[c - 1][2].lower() in doc.lex.headline_labels


def _title_case_verbs(doc: Doc, toks: list[Token]) -> list[Token]:
    """'Bellwether County Says Trump Should Win': in a headline whose words all start with
    a capital, the third person of a verb of the lexicon is read in lowercase, and so is
    an adverb ('Trump Finally Endorses Ryan')."""
    words = [t[2] for t in toks if t[2].isalpha() and len(t[2]) > 3]
    if not words or not all(w[:1].isupper() for w in words):
        return toks
    out = []
    for k, (a, b, w) in enumerate(toks):
        low = w.lower()
        verb = doc.lex.indirect_verbs.get(low)
        third = verb is not None and low != verb.lemma and low.endswith("s")
        if k and (third or phrases.adverb(low)):
            w = low
        out.append((a, b, w))
    return out


def _colon(doc: Doc, toks: list[Token], paragraph: int) -> Draft | None:
    least = doc.lex.limits.get("headline_claim_words", 0)
    if not least:
        return None  # this language's headlines name places, not speakers, before a colon
    c = _colon_at(toks)
    if not c or _label(doc, toks, c) or not toks[0][2][:1].isupper():
        return None
    phrase = phrases.backward(toks, c, doc.lex, doc.text)
    if phrase is None or phrase.start != toks[0][0] or phrase.pronoun:
        return None
    if doc.text[toks[c][1] :].lstrip()[:1] in _OPENERS:
        return None  # "Trump: ‘I’m the Worst …’": a quotation, read by step 'cues'
    span = common.content(doc, toks[c][1], toks[-1][1], least)
    if span is None:
        return None
    cue = (toks[c][0], toks[c][1])
    return common.draft(doc, [span], cue, phrase, paragraph, "indirect-headline")
