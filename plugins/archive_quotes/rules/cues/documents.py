"""German documents that speak where they stand: 'In dem Schreiben heißt es:', 'Auf dem
Plakat stand:' give the place as the speaker."""

from __future__ import annotations

from ...state import Doc, Draft
from .. import phrases
from .frame import pronoun_after, set_speaker


def document_place(
    doc: Doc, d: Draft, left: list[phrases.Token], right: list[phrases.Token]
) -> bool:
    """German: a text speaks where the sentence says where it stands ("In dem Schreiben
    heißt es: „…“", "Auf dem Plakat stand: „…“", "„…“, heißt es auf der Webseite",
    "So heißt es in der Meldung wörtlich:"): the place names the speaker."""
    lex = doc.lex
    toks = [*left, *right]
    verb = next(
        (k for k, t in enumerate(toks) if t[2].islower() and t[2] in lex.document_verbs), None
    )
    if verb is None or pronoun_after(toks, verb, lex) is not None:
        return False  # "Im Interview steht er zu seinen Worten": a person speaks
    if verb >= len(left) and not _clause_opening(toks, verb):
        return False  # after the quote, only a clause of its own: "„…“, (so) heißt es in …"
    k = verb + 1  # "heißt es dazu wörtlich in …": a few lowercase words before the place
    while k < min(len(toks), verb + 4) and toks[k][2].islower():
        if toks[k][2] in lex.place_prepositions:
            break
        k += 1
    if k < len(toks) and toks[k][2].lower() in lex.place_prepositions:
        start = k + 1  # "heißt es in der Erklärung", "steht in dem Gesetzentwurf"
    elif left and left[0][2].lower() in lex.place_prepositions and verb < len(left):
        start = 1  # "In dem Schreiben heißt es:"
    else:
        return False
    end = _place_end(toks, start, lex)
    if end <= start or not any(phrases.capitalised(t[2]) for t in toks[start:end]):
        return False
    if toks[verb + 1][2] != "es" and not _document_noun(toks[start:end], lex):
        return False  # "es stehe im Gegensatz zur …": only "heißt es" needs no text named
    phrase = phrases.split_name(toks[start:end], lex, doc.text)
    if phrase is None:
        return False
    return set_speaker(doc, d, (toks[verb][0], toks[verb][1]), phrase, "document-place")


def _document_noun(toks: list[phrases.Token], lex) -> bool:
    """Does a noun of this phrase name a text ("dem Gesetzentwurf", "der Pressemitteilung")?"""
    return any(
        phrases.capitalised(t[2]) and t[2].lower().endswith(n)
        for t in toks
        for n in lex.document_nouns
    )


def _clause_opening(toks: list[phrases.Token], k: int) -> bool:
    """Does toks[k] open a clause after a comma (", heißt es", ", so heißt es")?"""
    before = [t[2].lower() for t in toks[max(k - 2, 0) : k]]
    return before[-1:] == [","] or before == [",", "so"]


def _place_end(toks: list[phrases.Token], j: int, lex) -> int:
    """Where the noun phrase of a place ends: at a comma, a bracket, a quotation mark, or a
    lowercase word after its noun ("der Meldung | auf der Homepage")."""
    for k in range(j, len(toks)):
        word = toks[k][2]
        if word in {",", "(", ":", ".", "„", "“", "»", "«", '"'}:
            return k
        article = word in lex.name_articles or word in lex.adjective_openers
        if (
            k > j
            and word.islower()
            and phrases.capitalised(toks[k - 1][2])
            and (word in lex.clause_openers or not article)
        ):
            return k  # "dem Plakat | am Rathaus", "der Meldung | auf der Homepage"
    return len(toks)
