"""Shape 'indirect-evidential': a phrase names the source of the rest of its sentence.

"According to the report, the drones were disabled." / "Only one person was killed by
a gun last year, according to the National Police Agency." / „Laut einem Bericht des
UNHCHR sind dort 40 Prozent der Opfer minderjährig.“ / „Ein Tatverdacht bestehe nach
Angaben der Bundesanwaltschaft nicht mehr.“ / „Das Team kam der Meldung zufolge zu dem
Schluss, …“. The phrases are data (lexicons/<lang>/evidentials.txt).
"""

from __future__ import annotations

from ...lexicon import Lexicon
from ...state import Doc, Draft
from .. import phrases
from ..phrases import Phrase, Token
from . import common

_LONGEST = 12  # tokens of a source


def find(doc: Doc, toks: list[Token], paragraph: int) -> Draft | None:
    lex = doc.lex
    firsts = first_words(lex)
    if toks and "" not in firsts:
        low = doc.text[toks[0][0] : toks[-1][1]].lower()
        if not any(w in low for w in firsts):
            return None  # no first word anywhere in the clause (one scan in C per word)
    for j in range(len(toks)):
        if toks[j][2].lower() not in firsts and "" not in firsts:
            continue  # no phrase starts here (_match would find none)
        for side, words in lex.evidentials:
            end = _match(doc, toks, j, words)
            if end is None:
                continue
            if side == "after":
                hi = _comma(toks, end) if j == 0 else None
                phrase = _after(doc, toks, end, hi) or _compound_source(doc, toks, end)
                if phrase is None:
                    return None
                tail = _source_tail(doc, toks, j, phrase)
                if tail is not None:
                    phrase = _extended(doc, phrase, tail)
                    parts = [(toks[0][0], toks[j][0])]
                else:
                    parts = [(toks[0][0], toks[j][0]), (phrase.end, toks[-1][1])]
            else:
                phrase = _before(doc, toks, j)
                if phrase is None:
                    return None
                parts = [(toks[0][0], phrase.start), (toks[end - 1][1], toks[-1][1])]
            spans = [s for s in (common.content(doc, a, b, 1) for a, b in parts) if s]
            words_in = sum(len(doc.text[a:b].split()) for a, b in spans)
            if not spans or words_in < common.MIN_WORDS["say"]:
                return None
            cue = (toks[j][0], toks[end - 1][1])
            return common.draft(doc, spans, cue, phrase, paragraph, "indirect-evidential")
    return None


_FIRST_WORDS: dict[int, tuple[Lexicon, frozenset[str]]] = {}


def first_words(lex: Lexicon) -> frozenset[str]:
    """The words, lowercase, an evidential phrase may start with ("" when one is empty)."""
    cached = _FIRST_WORDS.get(id(lex))
    if cached is None or cached[0] is not lex:
        firsts = {words[0] if words else "" for _, words in lex.evidentials}
        if "@source" in firsts:
            firsts |= lex.source_nouns
        cached = _FIRST_WORDS[id(lex)] = (lex, frozenset(firsts))
    return cached[1]


def _match(doc: Doc, toks: list[Token], j: int, words: tuple[str, ...]) -> int | None:
    """The index after the phrase when it starts at toks[j]."""
    if j + len(words) > len(toks):
        return None
    for k, w in enumerate(words):
        low = toks[j + k][2].lower()
        if not (low == w or (w == "@source" and _source_noun(doc, low))):
            return None
    return j + len(words)


def _source_noun(doc: Doc, low: str) -> bool:
    """'Angaben', and German compounds ending in one ('Polizeiangaben', 'Zeugenaussagen')."""
    if low in doc.lex.source_nouns:
        return True
    return bool(doc.lex.limits.get("compound_sources")) and any(
        len(low) > len(noun) + 2 and low.endswith(noun) for noun in doc.lex.source_nouns
    )


def _compound_source(doc: Doc, toks: list[Token], end: int) -> Phrase | None:
    """'nach Polizeiangaben', 'laut Zeugenaussagen': the compound names its own source."""
    a, b, w = toks[end - 1]
    low = w.lower()
    if low in doc.lex.source_nouns or not _source_noun(doc, low):
        return None
    return Phrase(a, b, w, None, None)


def _source_tail(doc: Doc, toks: list[Token], j: int, phrase: Phrase) -> list[Token] | None:
    """'…, according to people familiar with the matter', '…, according to a report in the
    Harbour Gazette': after a sentence-final source phrase, a preposition and words with no
    verb or punctuation of their own go with the source, not with the report."""
    if doc.lex.lang != "en" or j == 0 or toks[j - 1][2] != ",":
        return None  # English prepositions ("laut dem Kevin … misshandelt worden war")
    tail = [t for t in toks if t[0] >= phrase.end]
    if not tail or tail[0][2] not in doc.lex.source_tail_links:
        return None
    if any(not t[2].isalnum() for t in tail[1:-1]):
        return None
    if any(t[2] in doc.lex.indirect_verbs for t in tail):
        return None
    return [t for t in tail if t[2].isalnum()]


def _extended(doc: Doc, phrase: Phrase, tail: list[Token]) -> Phrase:
    """The source with its tail, when the tail is lowercase words ('people familiar with
    the matter'); a name in it ('a report in the Harbour Gazette') leaves the source as it
    was, lest the name be read as the source."""
    if any(not t[2].islower() for t in tail if t[2].isalpha()):
        return phrase
    end = tail[-1][1]
    return Phrase(phrase.start, end, doc.text[phrase.start : end], phrase.kind, phrase.role)


def _comma(toks: list[Token], k: int) -> int:
    return next((m for m in range(k, len(toks)) if toks[m][2] == ","), len(toks))


def _after(doc: Doc, toks: list[Token], k: int, hi: int | None) -> Phrase | None:
    if not doc.lex.limits.get("capitalised_nouns"):
        return phrases.forward(toks, k, doc.lex, doc.text, hi=hi)
    end = _german_np(doc, toks, k)
    if end is None:
        return None
    return _phrase(doc, toks, k, end)


def _before(doc: Doc, toks: list[Token], j: int) -> Phrase | None:
    """The source that ends just before the phrase ("der Meldung zufolge")."""
    for k in range(max(0, j - _LONGEST), j):
        if _german_np(doc, toks, k) == j:
            return _phrase(doc, toks, k, j)
    return None


def _german_np(doc: Doc, toks: list[Token], k: int) -> int | None:
    """The end of a German noun phrase from toks[k]: determiners and inflected adjectives
    before capitalised nouns, genitives ("des Europäischen Gerichtshofes") after them."""
    n = len(toks)
    i = k
    head = None
    while i < n and i - k < _LONGEST:
        w = toks[i][2]
        low = w.lower()
        if w[:1].isupper() and (w.isalpha() or "-" in w):
            head = i
        elif head is None and (low in doc.lex.genitive_openers or _opens_noun_phrase(low, doc.lex)):
            pass
        elif w.islower() and w.isalpha() and low.endswith(("en", "e", "er", "es", "em")):
            if head is not None and low not in doc.lex.genitive_links:
                break  # a lowercase word after the noun: the verb or an adverb
        elif head is not None and low in doc.lex.genitive_links:
            pass
        else:
            break
        i += 1
    if head is None:
        return None
    return head + 1


def _phrase(doc: Doc, toks: list[Token], k: int, end: int) -> Phrase | None:
    while k < end and toks[k][2].lower() in {"von", "vom"}:
        k += 1
    phrase = phrases.split_name(toks[k:end], doc.lex, doc.text)
    if phrase is None:
        start, stop = toks[k][0], toks[end - 1][1]
        return Phrase(start, stop, doc.text[start:stop], None, None)
    phrase.start, phrase.end = toks[k][0], toks[end - 1][1]
    return phrase


def _opens_noun_phrase(low: str, lex) -> bool:
    return low in lex.noun_phrase_starts or low in lex.adjective_openers
