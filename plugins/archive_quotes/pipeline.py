"""The extraction pipeline: a visible, ordered list of named steps over one article."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from . import lexicon
from .model import Extraction, Quote, Span, Speaker, Trace
from .rules import (
    canonical,
    continuation,
    cues,
    entities,
    filters,
    headings,
    indirect,
    marks,
    mixed,
    reported,
    segment,
    sentences,
)
from .state import Doc

#: Bump whenever the output for some text can change: caches are keyed on it.
ENGINE_VERSION = "0.8.0.dev17"


def _paragraphs(doc: Doc) -> None:
    doc.paragraphs = segment.paragraphs(doc.text)


#: Every step in order. A step reads and writes the Doc; none sees Pelican or HTML.
STEPS: list[tuple[str, Callable[[Doc], None]]] = [
    ("paragraphs", _paragraphs),  # blank-line paragraphs
    ("marks", marks.run),  # pair quotation marks into quotes; mask their insides
    ("headings", headings.run),  # the headline; quoted section headings
    ("sentences", sentences.run),  # sentences on the masked text
    ("cues", cues.run),  # cue and speaker mention of each quote
    ("mixed", mixed.run),  # a quoted fragment takes its reported clause
    ("indirect", indirect.run),  # reported speech without marks
    ("reported", reported.run),  # a fragment in reported speech takes the speech's speaker
    ("entities", entities.run),  # surnames, honorifics, pronouns, documents
    ("filters", filters.run),  # drop scare quotes, titles, nicknames
    ("continuation", continuation.run),  # uncued quotes continue the speaker before
    ("canonical", canonical.run),  # canonical names, kinds, roles; descriptions
]


def extract_quotes(
    text: str, lang: str = "en", *, trace: Trace | None = None, skip: Iterable[str] = ()
) -> Extraction:
    """Find every quotation in text (headline on its first line) and who said it."""
    doc = Doc(text=text, lex=lexicon.load(lang), trace=trace)
    skipped = set(skip)
    for name, step in STEPS:
        if name in skipped:
            doc.log(name, "skipped", "switched off")
            continue
        step(doc)
    return _records(doc)


def _records(doc: Doc) -> Extraction:
    text = doc.text
    speakers: dict[str, Speaker] = {}
    quotes = []
    ordered = sorted(doc.drafts, key=lambda x: x.spans[0][0])
    ids = {id(d): n for n, d in enumerate(ordered)}
    for n, d in enumerate(ordered):
        speaker = None
        if d.speaker:
            speaker = speakers.get(d.speaker)
            if speaker is None or (speaker.role is None and d.role):
                aliases = (
                    tuple(sorted({text[d.mention[0] : d.mention[1]]} - {d.speaker}))
                    if (d.mention and not d.pronoun)
                    else ()
                )
                speaker = Speaker(d.speaker, d.kind or "person", d.role, aliases)
                speakers[d.speaker] = speaker
        spans = tuple(Span(s, e, text[s:e]) for s, e in d.spans)
        quotes.append(
            Quote(
                id=n,
                spans=spans,
                type=d.type,
                cue=Span(d.cue[0], d.cue[1], text[d.cue[0] : d.cue[1]]) if d.cue else None,
                mention=Span(d.mention[0], d.mention[1], text[d.mention[0] : d.mention[1]])
                if d.mention
                else None,
                speaker=speaker,
                outlet=d.outlet,
                rule=d.rule,
                speaker_rule=d.speaker_rule,
                continues=ids.get(id(d.continues)) if d.continues is not None else None,
                description=d.description if speaker is None else None,
                clause=Span(d.clause[0], d.clause[1], text[d.clause[0] : d.clause[1]])
                if d.clause
                else None,
                report=d.report,
            )
        )
    return Extraction(tuple(quotes), tuple(speakers.values()))
