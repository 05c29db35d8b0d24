"""Labels that name who speaks without a verb: a transcript's "WALLACE:", a headline's
"Name: “…”", a bullet's "- Bolton boss Sam Allardyce "…"", a paragraph after a colon."""

from __future__ import annotations

import re

from ...state import Doc, Draft
from .. import phrases
from .frame import sentence_of, set_speaker, tokens
from .left import before_quote

LABEL = re.compile(r"([A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){0,2}):[ \t]")


def transcript_label(doc: Doc, d: Draft) -> bool:
    """Transcript form: the quote opens with its speaker in capitals ("WALLACE: …")."""
    s, e = d.spans[0]
    m = LABEL.match(doc.text, s, e)
    if m is None:
        return False
    name = m.group(1)
    d.cue = (m.end(1), m.end(1) + 1)
    d.mention = (m.start(1), m.end(1))
    d.speaker, d.kind, d.speaker_rule = name.title(), "person", "transcript-label"
    d.spans[0] = (m.end(), e)
    doc.log("transcript-label", "speaker", f"{doc.snippet(m.end(), e)} <- {name!r}")
    return True


def headline_colon(doc: Doc, d: Draft, left: list[phrases.Token]) -> bool:
    """Headline form 'Peskov: “…”': a name, a colon, the quote."""
    if len(left) < 2 or left[-1][2] != ":":
        return False
    phrase = phrases.backward(left, len(left) - 1, doc.lex, doc.text)
    if phrase is None:
        return False
    return set_speaker(doc, d, (left[-1][0], left[-1][1]), phrase, "headline-colon")


_BULLETS = {"-", "–", "—", "•", "*"}


def bullet_label(doc: Doc, d: Draft, left: list[phrases.Token]) -> bool:
    """'- Bolton boss Sam Allardyce "…"': a verbless label naming who speaks the quote
    that follows it (match reports, interview round-ups), with or without a colon."""
    toks = [t for t in left if t[2] not in _BULLETS]
    if toks and toks[-1][2] == ":":
        toks = toks[:-1]
    if not toks or len(toks) > 8 or not toks[-1][2][:1].isupper():
        return False
    lex = doc.lex
    for t in toks:
        w = t[2]
        low = w.lower()
        if not w[:1].isalpha() or low in lex.cues or low in lex.frame_cues:
            return False
        if w.islower() and low not in lex.titles and low not in lex.role_nouns:
            return False  # a clause, not a label
    phrase = phrases.split_name(toks, lex, doc.text)
    if phrase is None or not any(w[:1].isupper() for w in phrase.name.split()):
        return False
    if " " not in phrase.name and not phrase.role:
        return False  # one word alone is a heading or a place as often as a speaker
    d.mention = (phrase.start, phrase.end)
    d.speaker, d.kind, d.role = phrase.name, phrase.kind or "person", phrase.role
    d.type, d.speaker_rule = "direct", "label"
    doc.log("label", "speaker", f"{doc.snippet(*d.spans[0])} <- {doc.snippet(*d.mention)}")
    return True


def colon_paragraph(doc: Doc, d: Draft) -> bool:
    """A paragraph that opens with the quote, after one that ends 'He said:'."""
    ps, _ = doc.paragraphs[d.paragraph]
    if d.outer[0] != ps or d.paragraph == 0:
        return False
    qs, qe = doc.paragraphs[d.paragraph - 1]
    if not doc.text[qs:qe].rstrip().endswith(":"):
        return False
    s, e = sentence_of(doc, qe - 1)
    left = tokens(doc.text, max(s, qs), qe)
    return before_quote(doc, d, left)
