"""Step 'cues': find each quotation's cue and the speaker mention it points to.

The frame of a quote is its sentence outside the quotation marks. A cue right after
the quote wins ("…,” he added: right.py); otherwise the last cue before it ("Volodin
thundered: “…”": left.py). Then the speaker is read next to the cue: before it, or after
it when the cue is inverted ("said Duma deputy Mikhail Sheremet"). Cues that are no verb
have modules of their own: labels (transcripts, headlines, bullets, a colon before a
paragraph), sources ("nach Angaben des …", "Mr X's suggestion that"), documents that speak
where they stand. The subject of a sentence is read by subject.py (English) and
verb_second.py (German main clauses, the verb second); frame.py holds what they share.
The order in which run() tries them is the rule list of this step.
"""

from __future__ import annotations

import re

from ...state import Doc, Draft
from .. import filters, phrases
from .documents import document_place
from .frame import after_colon, sentence_of, tokens
from .labels import LABEL, bullet_label, colon_paragraph, headline_colon, transcript_label
from .left import before_quote
from .right import after_quote
from .sources import anaphor_after, relative_speaker, source_phrase, speech_noun
from .subject import subject
from .verb_second import verb_second_subject

# what the other steps read with the cue rules (continuation, reported, indirect, marks)
__all__ = ["LABEL", "run", "sentence_of", "subject", "tokens", "verb_second_subject"]

_OUTLET = re.compile(
    r"\bquoted by ((?:[A-Z][\w.\-]*\s?){1,4})|\b(?:on|via) (Twitter|X|Facebook|"
    r"Instagram|Telegram|TikTok|YouTube|Truth Social)\b"
)


def run(doc: Doc) -> None:
    drafts = doc.drafts
    merged: set[int] = set()
    for n, d in enumerate(drafts):
        s0, left_lo, right_hi = _frame(doc, n, d)
        left = tokens(doc.text, left_lo, d.outer[0])
        right = tokens(doc.text, d.outer[1], right_hi)
        prev = drafts[n - 1] if n else None
        if prev is not None and left_lo > s0 and _second_part(doc, d, prev, left):
            merged.add(n)
            continue
        if d.paragraph == 0 and doc.headline and headline_colon(doc, d, left):
            continue
        if transcript_label(doc, d):
            continue
        d.type = _quote_type(doc, d, left_lo)
        if not _speaker(doc, d, prev, left, right, right_hi, left_lo > s0):
            doc.log("cues", "no cue", f"{doc.snippet(*d.spans[0])}: none in its sentence")
    doc.drafts = [d for n, d in enumerate(drafts) if n not in merged]


def _frame(doc: Doc, n: int, d: Draft) -> tuple[int, int, int]:
    """The quote's sentence start, and its frame: the sentence outside the quote, stopped
    at neighbouring quotes in the same sentence (drafts are sorted and do not overlap:
    the neighbours are the only candidates)."""
    drafts = doc.drafts
    s0, _ = sentence_of(doc, d.outer[0])
    _, e1 = sentence_of(doc, d.outer[1] - 1)
    left_lo, right_hi = s0, e1
    if n and drafts[n - 1].outer[1] <= d.outer[0] and not _quoted_name(doc, drafts[n - 1]):
        left_lo = max(s0, drafts[n - 1].outer[1])
    if n + 1 < len(drafts) and drafts[n + 1].outer[0] >= d.outer[1]:
        right_hi = min(e1, drafts[n + 1].outer[0])
    return s0, left_lo, right_hi


def _second_part(doc: Doc, d: Draft, prev: Draft, left: list[phrases.Token]) -> bool:
    """“…,” said X, “…”: the second part of a quote split around its cue joins the first."""
    if not (prev.cue and prev.outer[1] <= prev.cue[0] and prev.cue[1] <= d.outer[0]):
        return False
    if not left or left[-1][2] != ",":
        return False
    prev.spans.extend(d.spans)
    prev.outer = (prev.outer[0], d.outer[1])
    doc.log(
        "cues",
        "merged",
        f"{doc.snippet(*d.spans[0])} is the second part of {doc.snippet(*prev.spans[0])}",
    )
    return True


def _speaker(
    doc: Doc,
    d: Draft,
    prev: Draft | None,
    left: list[phrases.Token],
    right: list[phrases.Token],
    right_hi: int,
    follows_quote: bool,
) -> bool:
    """The rules of this step, in the order they are tried; True when one found the cue."""
    lex = doc.lex
    # a fragment inside a sentence belongs to the cue before it; a quote standing as
    # the sentence looks right first ("“…,” he said")
    # (…,” notes the press service: a comma closing the quote hands it to the right)
    comma = doc.text[d.spans[-1][1] - 1] == "," or (right and right[0][2] == ",")
    mixed_first = d.type == "mixed" and not comma
    # 'Mr Blair said: “…” He admitted …': a cue and colon before the quote introduce it
    colon_first = bool(left) and left[-1][2] == ":"
    left_first = mixed_first or (colon_first and not comma)
    frames = (before_quote, after_quote) if left_first else (after_quote, before_quote)
    if lex.document_verbs and document_place(doc, d, left, right):
        return True
    if lex.relative_subjects and relative_speaker(doc, d, left, right):
        return True
    if (
        frames[0](doc, d, left if frames[0] is before_quote else right)
        or frames[1](doc, d, left if frames[1] is before_quote else right)
        or colon_paragraph(doc, d)
    ):
        _outlet(doc, d, right_hi)
        return True
    mixed = d.type == "mixed"
    return bool(
        (lex.source_nouns and source_phrase(doc, d, left, right))
        # German: the report goes on to the end of its sentence
        or (lex.reported_verbs and _same_report(doc, d, prev, follows_quote))
        or (mixed and lex.reported_verbs and _reported(doc, d, left, right))
        or bullet_label(doc, d, left)
        or (mixed and speech_noun(doc, d, left))
        or (mixed and _sentence_subject(doc, d, left))
        or _same_report(doc, d, prev, follows_quote)
        or (lex.anaphors and not left and anaphor_after(doc, d))
    )


def _quoted_name(doc: Doc, d: Draft) -> bool:
    """German 'wird von der „Netzeitung“ mit den Worten zitiert: „…“': a name in quotation
    marks before a quote in its sentence (the filters step drops it) does not end the
    quote's frame; nor does a site's address ('laut „news.bbc.co.uk“ mit folgenden
    Worten: „…“')."""
    if not doc.lex.name_connectors or doc.text[d.outer[1] : d.outer[1] + 1] in {",", ":"}:
        return False
    return filters.named(doc, d) or filters.capitalised_name(doc, d) or filters.web_address(doc, d)


def _same_report(doc: Doc, d: Draft, prev: Draft | None, same_sentence: bool) -> bool:
    """'X said the move dragged it "into the gutter" and showed they were "rattled"': a
    second fragment of one reported sentence has the cue and speaker of the first."""
    if not (same_sentence and prev is not None and prev.speaker and prev.cue):
        return False
    if d.type != "mixed" or prev.type != "mixed" or prev.cue[1] > prev.outer[0]:
        return False
    d.cue, d.mention = prev.cue, prev.mention
    d.speaker, d.kind, d.role, d.pronoun = prev.speaker, prev.kind, prev.role, prev.pronoun
    d.speaker_rule = "same-report"
    doc.log("same-report", "speaker", f"{doc.snippet(*d.spans[0])} <- {prev.speaker!r}")
    return True


def _sentence_subject(doc: Doc, d: Draft, left: list[phrases.Token]) -> bool:
    """A fragment quoted inside a sentence with no reporting verb: its subject is the source
    ("The Rove ad hits Clinton for taking “…”"). Only a name, a pronoun or an
    organisation counts: a loose description is not enough to name anyone."""
    if len(left) < 2:
        return False
    phrase = (verb_second_subject if doc.lex.verb_second else subject)(left, doc.lex, doc.text)
    if phrase is None or phrase.end > d.outer[0]:
        return False
    named = any(w[:1].isupper() for w in phrase.name.split())
    if doc.lex.verb_second:
        # German capitalises every noun: only a person, or a surname the article has
        # introduced with a first name ("Alan Jackson … Jackson geht davon aus")
        named = phrase.kind in {"person", "organization"} or _introduced(doc, phrase)
    if not (phrase.pronoun or named or phrase.kind == "organization"):
        return False
    d.mention = (phrase.start, phrase.end)
    d.speaker, d.kind, d.role, d.pronoun = phrase.name, phrase.kind, phrase.role, phrase.pronoun
    d.speaker_rule = "sentence-subject"
    doc.log(
        "sentence-subject",
        "speaker",
        f"{doc.snippet(*d.spans[0])} <- "
        f"{doc.snippet(phrase.start, phrase.end)} (no cue: the sentence's subject)",
    )
    return True


def _introduced(doc: Doc, phrase: phrases.Phrase) -> bool:
    """Is this one-word phrase a surname that a capitalised word stood before earlier?"""
    name = phrase.name
    if " " in name or doc.text[phrase.start : phrase.end] != name:
        return False
    if doc.text.find(" " + name, 0, phrase.start) < 0:
        return False  # what the pattern needs is nowhere before: no pattern compiled for it
    pattern = re.compile(r"\b[A-ZÄÖÜ][\w.\-]+ " + re.escape(name) + r"\b")
    return pattern.search(doc.text, 0, phrase.start) is not None


def _reported(doc: Doc, d: Draft, left: list[phrases.Token], right: list[phrases.Token]) -> bool:
    """German: a fragment in a clause in the Konjunktiv with no cue ("Damit seien „…“",
    "Er habe „…“ gesagt") is reported speech: its speaker is the one of the speech before
    it (the continuation step), not the clause's subject."""
    lex = doc.lex
    after = right[:3]
    if not any(t[2] in lex.reported_verbs for t in (*left, *after)):
        return False
    clause = after_colon(left, len(left))
    phrase = verb_second_subject(clause, lex, doc.text) if len(clause) > 1 else None
    if phrase is not None and phrase.pronoun and phrase.end <= d.outer[0]:
        return False  # "Er habe „…“": the pronoun is the speaker, resolved later
    if phrase is not None and clause[0][2].lower() == "wie" and phrase.end <= d.outer[0]:
        return False  # "Wie der Richter ausführte, hätte es „…“": the clause names the speaker
    d.reported = True
    doc.log(
        "reported",
        "no cue",
        f"{doc.snippet(*d.spans[0])}: a clause in reported speech, the speaker comes before",
    )
    return True


def _outlet(doc: Doc, d: Draft, hi: int) -> None:
    if d.mention is None:
        return
    window = doc.text[d.mention[1] : hi] if d.mention[1] < hi else ""
    if m := _OUTLET.search(window[:120]):
        d.outlet = (m.group(1) or m.group(2)).strip()


def _quote_type(doc: Doc, d: Draft, left_lo: int) -> str:
    """direct when the quote stands as the speech itself; mixed when it is a fragment."""
    before = doc.text[left_lo : d.outer[0]].rstrip()
    first = doc.text[d.spans[0][0]]
    if not before or before[-1] in ":,—–(" or before.endswith(("...", "…")):
        return "direct" if not first.islower() or not before else "mixed"
    return "mixed"
