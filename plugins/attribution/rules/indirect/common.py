"""What the shapes of reported speech share: the clause after a verb, its subject, a draft."""

from __future__ import annotations

import re

from ...lexicon import ReportingVerb
from ...state import Doc, Draft
from .. import phrases
from ..phrases import Phrase, Token

# Fewest words of reported content, by what follows the verb: "declined to comment" is
# an attribution, "said so" is not.
MIN_WORDS = {"say": 4, "clause": 4, "frame": 4, "to": 2, "object": 1}
_THAT = {"that", "dass", "daß"}
_COORDINATORS = {"and", "but"}
_PRONOUN_SUBJECTS = {"he", "she", "they", "we", "i", "it", "there", "you"}
# "his support", "the show": before these a verb of speech is a noun
_NOUN_MARKERS = {"the", "a", "an", "this", "these", "those", "his", "her", "their", "its", "our"}
_OBJECT_PRONOUNS = {"him", "her", "them", "it", "us", "me", "you"}
# subjects that may open a clause after an object: "told reporters this was"
_CURRENCY = {"$", "£", "€"}
_OBJECT_REACH = 12  # tokens from the verb within which "that" may follow its listener
_OBJECT_SUBJECTS = {"he", "she", "they", "we", "i", "this", "there"}


def _object_before(toks: list[Token], start: int, end: int) -> bool:
    """Are toks[start:end] one short object ("reporters", "CNN", "the crowd", "him")
    with no verb or punctuation in it?"""
    words = [t[2] for t in toks[start:end] if t[2] not in {"’", "'", "s"}]
    if len(words) > 5 or not all(w.isalpha() or w in {"’s", "'s"} for w in words):
        return False
    first = words[0].lower()
    return (
        first in _OBJECT_PRONOUNS
        or words[0][:1].isupper()
        or (first in _NOUN_MARKERS and len(words) > 1)
        or (len(words) == 1 and first.endswith("s"))  # "reporters", "voters"
    )


_APOSTROPHE = re.compile(r"[’']")


def word(tok: Token) -> str:
    """The token's word folded for lexicon lookups ("she’ll" -> "she")."""
    return _APOSTROPHE.split(tok[2].lower(), 1)[0]


def verb_at(doc: Doc, toks: list[Token], j: int) -> tuple[ReportingVerb, int] | None:
    """The verb of reported speech at toks[j] and the index right after it (and its
    particle: "pointed out"), or None."""
    w = toks[j][2]
    verb = doc.lex.indirect_verbs.get(w) if w.islower() else None
    if verb is None:
        return None
    if j and toks[j - 1][2].lower() in _NOUN_MARKERS:
        return None  # "his support", "the show": a noun
    after = j + 1
    if verb.particle:
        if after >= len(toks) or toks[after][2].lower() != verb.particle:
            return None
        after += 1
    return verb, after


def passive(doc: Doc, toks: list[Token], j: int) -> bool:
    """'it was said', 'is expected to': a participle after 'be' names no speaker
    ('is saying' does)."""
    if j == 0 or toks[j][2].lower().endswith("ing"):
        return False
    i = j - 1
    while i > 0 and phrases.adverb(toks[i][2]):
        i -= 1
    return toks[i][2].lower() in doc.lex.passive_auxiliaries


def complement(
    doc: Doc, toks: list[Token], after: int, verb: ReportingVerb
) -> tuple[int, str] | None:
    """Where the reported content starts after the verb, and how ('clause', 'to',
    'object'), or None when what follows is no report ('said in Iowa')."""
    lex = doc.lex
    n = len(toks)
    if after >= n:
        return None
    m = after
    while m < n - 1 and toks[m][2].lower() in phrases.SKIP:
        m += 1
    if toks[m][2] == ",":
        after = m  # „erklärte hingegen, …“
    raw = toks[after][2]
    nxt = word(toks[after])
    if "to" in verb.kinds and nxt == "not" and after + 2 < n and word(toks[after + 1]) == "to":
        if toks[after + 2][2].isalpha() and toks[after + 2][2].islower():
            return after, "to"  # "threatened not to show up": the negation is reported
        return None
    if "to" in verb.kinds and nxt == "to":
        if after + 1 < n and toks[after + 1][2].isalpha() and toks[after + 1][2].islower():
            return after, "to"
        return None
    if verb.kinds & {"say", "clause", "frame"}:
        if nxt in _THAT:
            return after + 1, "clause"
        if raw == "," and after + 1 < n:
            # „sagte, dass …“, „sagte, er werde …“
            w2 = word(toks[after + 1])
            if w2 in _THAT:
                return after + 2, "clause"
            if (
                w2 in lex.clause_starts
                or w2 in lex.pronouns
                or w2 in phrases.DETERMINERS
                or w2 in lex.question_words
            ):
                return after + 1, "clause"
            if any(t[2] in lex.konjunktiv for t in toks[after + 1 :]):
                return after + 1, "clause"  # „erklärte, damit solle …“
        if nxt in lex.time_adjuncts:
            # "said on Friday he would", "said in a statement that": past a short adjunct
            for m in range(after + 1, min(n, after + 7)):
                w = word(toks[m])
                if w in _THAT:
                    return m + 1, "clause"
                if w in _PRONOUN_SUBJECTS:
                    return m, "clause"
            return None
        if nxt in lex.question_words and "clause" in verb.kinds:
            return after, "clause"  # "asked whether he would run", "explained how it works"
        capital = raw[:1].isupper() and nxt != "i" and not lex.limits.get("capitalised_nouns")
        opens = (
            nxt in lex.clause_starts
            or capital
            or ("say" in verb.kinds and raw.isalpha() and nxt not in lex.clause_non_starts)
        )
        if "addressee" in verb.kinds and nxt not in _THAT and nxt not in lex.question_words:
            opens = False  # "told the council members of the plan": a listener, no clause
        if opens and verb.kinds & {"frame", "object"} and nxt not in _PRONOUN_SUBJECTS:
            # "accused Mr Brown of …", "announced a freeze on fuel duty": maybe an
            # object, shown led by its verb rather than as "said that …"
            return after, "frame"
        if opens:
            return after, "clause"
        # "told reporters that", "told CNN on Sunday that": an object, then "that";
        # "told reporters this was", "assured voters he would": an object, then a subject
        # "told Megyn not to worry": a listener, then an infinitive (shown with both)
        for m in range(after, min(n, after + _OBJECT_REACH)):
            w = word(toks[m])
            if w in _THAT:
                return m + 1, "clause"
            if m == after or not toks[m][2].islower():
                continue
            if w in _OBJECT_SUBJECTS or w in lex.question_words:
                return (m, "clause") if _object_before(toks, after, m) else None
            infinitive = w == "to" or w == "not" and m + 1 < n and word(toks[m + 1]) == "to"
            if "addressee" in verb.kinds and infinitive:
                return (after, "to") if _object_before(toks, after, m) else None
    if "object" in verb.kinds and raw in _CURRENCY and after + 1 < n:
        return after, "object"  # "calls for $1 trillion in new spending"
    if "object" in verb.kinds and raw.isalpha() and nxt not in lex.clause_non_starts:
        if nxt in _OBJECT_PRONOUNS or raw[:1].isupper() or nxt in phrases.DETERMINERS:
            return after, "object"
        if raw.islower() and nxt not in lex.function_words:
            return after, "object"
    return None


def subject(doc: Doc, toks: list[Token], j: int, lo: int = 0) -> Phrase | None:
    """Who reports: the noun phrase before the verb at toks[j], the subject of the first
    verb when this one is coordinated ('Graham called … and said'), or a description
    that opens the clause ('The billionaire real estate magnate says')."""
    i = j - 1
    while i >= lo and (toks[i][2].lower() in phrases.SKIP or phrases.adverb(toks[i][2])):
        i -= 1
    if i < lo:
        return None
    if toks[i][2].lower() in _COORDINATORS:
        return _first_subject(doc, toks, i, lo)
    if toks[j][2].lower().endswith("ing"):
        if toks[i][2] == "," and i == j - 1:
            # "Clinton attacked Trump, saying he would…": the subject is the clause's
            return _first_subject(doc, toks, i, lo)
        if toks[j - 1][2].lower() not in doc.lex.passive_auxiliaries:
            return None  # "the drones were Ukrainians adding that": whose participle?
    phrase = phrases.backward(toks, j, doc.lex, doc.text, lo)
    if phrase is not None:
        return phrase
    return description(doc, toks, lo, i)


def _first_subject(doc: Doc, toks: list[Token], stop: int, lo: int) -> Phrase | None:
    """The subject the sentence opens with: the phrase before its first verb."""
    for k in range(lo + 1, min(stop, lo + 15)):
        w = toks[k][2]
        if not (w.isalpha() and w.islower()) or w in phrases.SKIP or phrases.adverb(w):
            continue
        if w in doc.lex.function_words or w in phrases.DETERMINERS:
            continue
        phrase = phrases.backward(toks, k, doc.lex, doc.text, lo)
        if phrase is None:
            phrase = description(doc, toks, lo, k - 1)
        if phrase is not None and phrase.start == toks[lo][0]:
            return phrase
        return None
    return None


def description(doc: Doc, toks: list[Token], lo: int, i: int) -> Phrase | None:
    """'The billionaire real estate magnate', 'Six in 10': a short noun phrase from the
    start of the clause to just before the verb, ending in a noun or a number."""
    if i < lo or i - lo > 6:
        return None
    head = toks[i][2]
    low = head.lower()
    if head == "%" and i > lo and toks[i - 1][2].isdigit():
        head = low = "percent"  # "26% say they are conservative"
    if not (head.isalnum()) or low in doc.lex.function_words or low in phrases.TIME_WORDS:
        return None
    if low in doc.lex.pronouns or low in phrases.DETERMINERS or head.endswith("ly"):
        return None
    lex = doc.lex
    known = (
        low in lex.role_nouns
        or low in lex.org_nouns
        or low in phrases.DOCUMENTS
        or low in lex.shares  # "Some 22 percent said", "a majority say"
    )
    if not (known or head[0].isdigit() or (head.islower() and low.endswith("s"))):
        return None  # "the rowdy feel": the head must be a source, a plural or a number
    words = [t[2] for t in toks[lo : i + 1]]
    if any(not (w.isalnum() or w in {"-", "&", "’s", "'s", "’", "'", "%"}) for w in words):
        return None
    first = words[0]
    opens = first.lower() in phrases.DETERMINERS or first[0].isdigit()
    proper = first[:1].isupper() and first.lower() not in lex.function_words
    if len(words) > 1 and not opens and not proper:
        return None
    start, end = toks[lo][0], toks[i][1]
    return Phrase(start, end, doc.text[start:end], None, None)


def content(doc: Doc, a: int, b: int, min_words: int) -> tuple[int, int] | None:
    """The reported content in text[a:b], trimmed of punctuation; None when too short."""
    text = doc.text
    while a < b and not (text[a].isalnum() or text[a] in _CURRENCY):
        a += 1
    while b > a and not text[b - 1].isalnum():
        b -= 1
    if len(text[a:b].split()) < min_words:
        return None
    return a, b


def draft(
    doc: Doc,
    spans: list[tuple[int, int]],
    cue: tuple[int, int],
    phrase: Phrase,
    paragraph: int,
    rule: str,
) -> Draft:
    """An indirect quote of the content spans, credited to phrase."""
    d = Draft(list(spans), (spans[0][0], spans[-1][1]), paragraph, rule=rule, type="indirect")
    d.cue, d.mention = cue, (phrase.start, phrase.end)
    d.speaker, d.kind, d.role, d.pronoun = phrase.name, phrase.kind, phrase.role, phrase.pronoun
    d.speaker_rule = rule
    shown = " … ".join(doc.snippet(s, e) for s, e in spans)
    doc.log(rule, "indirect", f"{shown} <- {doc.snippet(phrase.start, phrase.end)}")
    return d
