"""Step 'continuation': a quote with no cue of its own continues the previous speaker.

News writing attributes a run of quotes once: "“…,” he said. “…”" and a paragraph
that opens with a quote right after an attributed one. Section headings that are
quotes are not continuations: nobody is named for them.
"""

from __future__ import annotations

import re

from ..state import Doc, Draft

MAX_PARAGRAPH_GAP = 1


def previous_sentence_speaker(doc: Doc, d) -> Draft | None:
    """'Bystrom agreed. “…”': the sentence before the quote names who speaks."""
    from .cues import sentence_of, subject, tokens  # noqa: PLC0415

    s, _ = sentence_of(doc, d.outer[0])
    ps, _ = doc.paragraphs[d.paragraph]
    if s <= ps:
        return None
    prev_s, prev_e = sentence_of(doc, s - 1)
    toks = tokens(doc.text, max(prev_s, ps), prev_e)
    if doc.lex.verb_second:
        phrase = _named_subject(doc, toks) or _sole_person(doc, toks)
        if phrase is None:
            return None
    elif len(toks) > 12 or not any(t[2].lower() in doc.lex.frame_cues for t in toks):
        return None
    else:
        phrase = subject(toks, doc.lex, doc.text)
    if phrase is None:
        return None
    return antecedent(d, toks, phrase, "direct")


def antecedent(d: Draft, toks, phrase, quote_type: str) -> Draft:
    """A stand-in for the sentence whose subject speaks the quotes that follow it."""
    ante = Draft(
        [(toks[0][0], toks[-1][1])],
        (toks[0][0], toks[-1][1]),
        d.paragraph,
        rule="previous-sentence",
        type=quote_type,
    )
    ante.speaker, ante.kind, ante.role, ante.pronoun = (
        phrase.name,
        phrase.kind,
        phrase.role,
        phrase.pronoun,
    )
    ante.mention = (phrase.start, phrase.end)
    return ante


def _named_subject(doc: Doc, toks):
    """German news introduces a quote with a sentence about its speaker, with or without a
    speech verb ("Sadiq Khan … verurteilte die Haltung der Regierung. „…“"): that
    sentence's subject speaks when it is a pronoun or names a person or an organisation."""
    from .cues import verb_second_subject  # noqa: PLC0415

    if len(toks) < 3 or any(t[2] in _MARKS for t in toks):
        return None
    phrase = verb_second_subject(toks, doc.lex, doc.text)
    if phrase is None or phrase.end > toks[-1][1]:
        return None
    if phrase.pronoun:
        return phrase if phrase.pronoun != "es" else None
    if phrase.kind in {"person", "organization"}:
        return phrase
    return None


_MARKS = frozenset('„“”"»«')


def _sole_person(doc: Doc, toks):
    """German: a sentence before the quote that names one person only, wherever
    ("Um Zeit zu gewinnen, will Oettinger die Fächer straffen. „…“"), names its speaker."""
    from .phrases import Phrase  # noqa: PLC0415

    if len(toks) < 3 or any(t[2] in _MARKS for t in toks):
        return None
    found = {t[2]: t for t in toks if t[2] in doc.names}
    if len(found) != 1:
        return None
    ((surname, tok),) = found.items()
    return Phrase(tok[0], tok[1], doc.names[surname], "person", None)


def run(doc: Doc) -> None:
    last = None
    for d in doc.drafts:
        if d.heading:
            continue
        if d.speaker is not None or d.mention is not None:
            last = d
            continue
        if d.cue is not None:
            continue
        if last is None or last.paragraph != d.paragraph:
            previous = previous_sentence_speaker(doc, d)
            if previous is not None:
                last = previous
        if last is None:
            continue
        ps, _ = doc.paragraphs[d.paragraph]
        same_paragraph = last.paragraph == d.paragraph
        # a paragraph that opens with the quote, right after the one with the attributed quote
        next_paragraph = (
            d.paragraph - last.paragraph <= MAX_PARAGRAPH_GAP
            and d.outer[0] == ps
            # after reported speech, only a speaker who is named ("Ian Harris … said
            # the machine would appeal … ¶ “…”"), never a loose description
            and (last.type != "indirect" or _named(doc, last))
        )
        if not (same_paragraph or next_paragraph):
            if _pronoun_subject_before(doc, d, last):
                take(doc, d, last, "continuation-pronoun-sentence")
            continue
        take(doc, d, last, "continuation")


def _named(doc: Doc, d: Draft) -> bool:
    """Is d's speaker a person or an organisation the text names ("Ian Harris"), not a
    description ("Analysts", "for the first time")?"""
    lex = doc.lex
    return d.kind in {"person", "organization"} and any(
        w[:1].isupper() and w.lower() not in lex.role_nouns and w.lower() not in lex.titles
        for w in (d.speaker or "").split()
    )


# "And she won't commit to an opinion yet. “…”": a sentence about the last speaker
_PRONOUN_SUBJECT = re.compile(
    r"^(?:(?:And|But|So|Yet|Still|Now)\s+)?(?:[^,.“”\"]{0,120},\s+)?(?:he|she|He|She)\s+[a-z’']"
)


def _pronoun_subject_before(doc: Doc, d: Draft, last: Draft) -> bool:
    """The sentence before the quote is about the last person quoted, named by a pronoun."""
    if (
        last.kind != "person"
        or last.type == "indirect"
        or d.paragraph - last.paragraph > 2
        or doc.lex.pronouns.get("he") != "person"
    ):
        return False
    from .cues import sentence_of  # noqa: PLC0415

    s, _ = sentence_of(doc, d.outer[0])
    ps, _ = doc.paragraphs[d.paragraph]
    if s <= ps:
        return False
    prev_s, prev_e = sentence_of(doc, s - 1)
    sentence = doc.text[max(prev_s, ps) : prev_e].strip()
    # the sentence may begin with the quote before it: only what follows that quote counts
    cut = max(sentence.rfind(c) for c in '“”"')
    sentence = sentence[cut + 1 :].strip()
    return bool(_PRONOUN_SUBJECT.match(sentence))


def take(doc: Doc, d: Draft, last: Draft, rule: str) -> None:
    """d is said by last's speaker (rule names why)."""
    d.speaker, d.kind, d.role = last.speaker, last.kind, last.role
    d.mention, d.pronoun, d.outlet = last.mention, last.pronoun, last.outlet
    d.speaker_rule = rule
    if last.rule != "previous-sentence":
        d.continues = last.continues or last
    doc.log(rule, "speaker", f"{doc.snippet(*d.spans[0])} continues {doc.snippet(*last.spans[0])}")
