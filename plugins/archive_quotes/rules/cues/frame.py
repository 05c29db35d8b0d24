"""What the cue rules share: a quote's sentence, its tokens, and setting its speaker."""

from __future__ import annotations

import bisect

from ...state import Doc, Draft
from .. import phrases, segment


def sentence_of(doc: Doc, pos: int) -> tuple[int, int]:
    i = bisect.bisect_right(doc.sentences, (pos, float("inf"))) - 1
    return doc.sentences[max(i, 0)] if doc.sentences else (0, len(doc.text))


def tokens(text: str, start: int, end: int) -> list[phrases.Token]:
    return [(m.start(), m.end(), m.group()) for m in segment.TOKEN.finditer(text, start, end)]


def set_speaker(
    doc: Doc, d: Draft, cue: tuple[int, int], phrase: phrases.Phrase | None, rule: str
) -> bool:
    if phrase is None:
        # a cue with no speaker beside it: keep the cue, let the other frames try
        d.cue = d.cue or cue
        doc.log(
            rule,
            "cue only",
            f"{doc.snippet(*d.spans[0])}: cue {doc.snippet(*cue)}, no speaker beside it",
        )
        return False
    d.cue = cue
    d.mention = (phrase.start, phrase.end)
    d.speaker, d.kind, d.role, d.pronoun = phrase.name, phrase.kind, phrase.role, phrase.pronoun
    d.speaker_rule = rule
    doc.log(
        rule,
        "speaker",
        f"{doc.snippet(*d.spans[0])} <- {doc.snippet(phrase.start, phrase.end)}"
        f" (cue {doc.snippet(*cue)})",
    )
    return True


def after_colon(toks: list[phrases.Token], j: int) -> list[phrases.Token]:
    """The clause of the verb at toks[j]: what follows the last colon before it ("Die
    Kommission kritisierte das Gesetz scharf: So sagte Olli Rehn: „…“")."""
    colon = next((k for k in range(j - 1, -1, -1) if toks[k][2] == ":"), None)
    return toks if colon is None else toks[colon + 1 :]


def pronoun_after(toks: list[phrases.Token], j: int, lex) -> phrases.Phrase | None:
    """German 'Im Brief, den …, erklärt er:', 'Als Begründung sagte er:': a pronoun that is
    only ever a subject, right after the verb, is its subject, whatever stands first."""
    if j + 1 >= len(toks) or toks[j + 1][2].lower() not in lex.subject_pronouns:
        return None
    s, e, word = toks[j + 1]
    return phrases.Phrase(s, e, word, None, None, pronoun=word.lower())
