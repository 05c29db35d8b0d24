"""Step 'reported': a quoted fragment in a clause of reported speech (German Konjunktiv).

"Stoiber begründete seinen Rückzug mit einer „veränderten Lage“. Damit seien „der Kurs
und die Berechenbarkeit der SPD nicht mehr so klar“": the second fragment has no cue and
its clause's subject ("Damit") is not its source; the Konjunktiv says someone before is
still speaking. That is the nearer of the last quote's speaker (this paragraph or the one
before) and the subject of the last sentence with a reporting verb. It runs before
'entities', so a pronoun taken over is resolved like any other.
"""

from __future__ import annotations

from ..state import Doc, Draft
from .continuation import MAX_PARAGRAPH_GAP, antecedent, take
from .cues import sentence_of, tokens, verb_second_subject

_REPORT_REACH = 3  # sentences back in which reported speech looks for its speech clause


def _speech_clause_speaker(doc: Doc, d) -> Draft | None:
    """'Stoiber begründete seinen Rückzug … . Damit seien „…“': the nearest sentence
    before, in the paragraph, with a reporting verb names who speaks."""
    ps, _ = doc.paragraphs[d.paragraph]
    s, _ = sentence_of(doc, d.outer[0])
    for _ in range(_REPORT_REACH):
        if s <= ps:
            return None
        s, e = sentence_of(doc, s - 1)
        toks = tokens(doc.text, max(s, ps), e)
        if not any(t[2] in doc.lex.reporting for t in toks):
            continue
        phrase = verb_second_subject(toks, doc.lex, doc.text)
        if phrase is None:
            return None
        return antecedent(d, toks, phrase, "indirect")
    return None


def _reported_speaker(doc: Doc, d, last) -> Draft | None:
    """The speaker of a fragment in reported speech: the nearer of the last quote's
    speaker (this paragraph or the one before) and the last speech clause's subject."""
    clause = _speech_clause_speaker(doc, d)
    if last is not None and d.paragraph - last.paragraph > MAX_PARAGRAPH_GAP:
        last = None
    if clause is None:
        return last
    if last is None or last.outer[1] < clause.outer[0]:
        return clause
    return last


def run(doc: Doc) -> None:
    if not doc.lex.reported_verbs:
        return
    last = None
    for d in sorted(doc.drafts, key=lambda x: x.spans[0][0]):
        if d.heading:
            continue
        if d.speaker is not None:
            last = d
            continue
        if not d.reported:
            continue
        source = _reported_speaker(doc, d, last)
        if source is not None:
            take(doc, d, source, "reported")
