"""Sources named by a phrase, not a verb: "nach Angaben des …", "Mr MacKenzie's
suggestion that …", a relative clause's speaker, words after a quote that point back at
it ("Das musste X einräumen")."""

from __future__ import annotations

from ...state import Doc, Draft
from .. import phrases
from .frame import pronoun_after, sentence_of, set_speaker, tokens


def anaphor_after(doc: Doc, d: Draft) -> bool:
    """German '„Ja, es gibt Zumutungen“. Das musste Finanzminister Peer Steinbrück
    einräumen.', '„…“, mit diesen Worten meldete er sich zurück': a quote opening its
    sentence, then words that point back at it and a verb; the verb's subject speaks."""
    lex = doc.lex
    start = d.outer[1]
    while start < len(doc.text) and doc.text[start] in " .,!?\n":
        start += 1
    if start >= len(doc.text) or "\n\n" in doc.text[d.outer[1] : start]:
        return False
    _, end = sentence_of(doc, start)
    toks = tokens(doc.text, start, end)
    words = [t[2].lower() for t in toks]
    n = next((len(a.split()) for a in lex.anaphors if words[: len(a.split())] == a.split()), 0)
    if not n or n >= len(toks) or not toks[n][2].islower() or toks[n][2] in lex.function_words:
        return False  # "Das Verfahren wurde eingestellt": a noun after the article
    phrase = pronoun_after(toks, n, lex) or phrases.forward(toks, n + 1, lex, doc.text)
    if phrase is None or not (phrase.pronoun or phrase.kind in {"person", "organization"}):
        return False
    return set_speaker(doc, d, (toks[n][0], toks[n][1]), phrase, "anaphor-after")


def speech_noun(doc: Doc, d: Draft, left: list[phrases.Token]) -> bool:
    """'Mr MacKenzie's suggestion that drunks should “be given a good beating”', 'His
    advice was to “get a haircut”': whose suggestion or advice it is, is the source."""
    lex = doc.lex
    for j in range(len(left) - 1, 0, -1):
        if left[j][2].lower() not in lex.speech_nouns:
            continue
        before = left[j - 1][2]
        if before.lower() in lex.possessives - {"its", "our", "my", "your"}:
            pronoun = {"his": "he", "her": "she", "their": "they"}[before.lower()]
            phrase = phrases.Phrase(left[j - 1][0], left[j - 1][1], before, None, None, pronoun)
        elif before in {"’s", "'s"} or (before.endswith(("’s", "'s")) and before[:1].isupper()):
            # the possessor: "Mr MacKenzie's" (one token), or "MacKenzie ’s" (two)
            owner = j - 2 if before in {"’s", "'s"} else j - 1
            if owner < 0:
                return False
            phrase = phrases.backward(left, owner + 1, lex, doc.text)
            if phrase is None or not any(w[:1].isupper() for w in phrase.name.split()):
                return False
            phrase.name = phrase.name.removesuffix("’s").removesuffix("'s")
        else:
            continue
        return set_speaker(doc, d, (left[j][0], left[j][1]), phrase, "speech-noun")
    return False


def source_phrase(
    doc: Doc, d: Draft, left: list[phrases.Token], right: list[phrases.Token]
) -> bool:
    """German: the source named in the quote's sentence without a verb: "laut Gall",
    "nach Angaben des Ministeriums", "nach Ansicht von Senator Dodd", "Nach Schäubles
    Idee". It speaks, not the sentence's subject."""
    lex = doc.lex
    for toks in (left, right):
        # the source nearest the quote: before it, read back from the quote
        order = range(len(toks) - 1, -1, -1) if toks is left else range(len(toks))
        for k in order:
            ts, te, word = toks[k]
            low = word.lower()
            nxt = toks[k + 1][2] if k + 1 < len(toks) else ""
            if low == "laut" and (nxt[:1].isupper() or nxt in lex.noun_phrase_starts):
                phrase = phrases.forward(
                    toks, k + 1, lex, doc.text, hi=_noun_phrase_end(toks, k + 1, lex)
                )
            elif low == "nach" and (
                nxt.lower() in lex.source_nouns
                or nxt.lower() in lex.noun_phrase_starts
                and k + 2 < len(toks)
                and toks[k + 2][2].lower() in lex.source_nouns
            ):
                # "nach Angaben des …", "nach den Worten der Sprecherin"
                j = k + 2 + (nxt.lower() in lex.noun_phrase_starts)
                if j < len(toks) and toks[j][2].lower() in {"von", "vom"}:
                    j += 1
                if j >= len(toks) or not (
                    toks[j][2][:1].isupper() or toks[j][2].lower() in lex.noun_phrase_starts
                ):
                    continue
                phrase = phrases.forward(toks, j, lex, doc.text, hi=_noun_phrase_end(toks, j, lex))
            elif (
                low == "nach"
                and k + 2 < len(toks)
                and nxt[:1].isupper()
                and nxt.endswith("s")
                and toks[k + 2][2].lower() in lex.source_nouns
            ):
                # "Nach Schäubles Idee": the genitive name before the noun
                name = nxt[:-1]
                phrase = phrases.Phrase(toks[k + 1][0], toks[k + 1][1] - 1, name, "person", None)
            elif low == "zufolge" and k > 0 and phrases.capitalised(toks[k - 1][2]):
                # "Nacke zufolge", "dem Bericht zufolge": the source stands before the word
                phrase = phrases.backward(toks, k, lex, doc.text)
                if phrase is not None and _possessive_led(doc, phrase):
                    continue  # "Seiner Darstellung zufolge": whose, the text says before
            elif (
                low == "für"
                and (k == 0 or toks[k - 1][2] in {",", "und", "aber", "doch"})
                and (nxt[:1].isupper() or _article_and_noun(toks, k + 1, lex))
            ):
                # "Für Bildungssenator Willi Lemke ist das „…“", "Für den Theologen Hans
                # Küng sei der Rücktritt „…“": whose view it is (a person only)
                phrase = phrases.forward(
                    toks, k + 1, lex, doc.text, hi=_noun_phrase_end(toks, k + 1, lex)
                )
                if phrase is None or phrase.kind != "person":
                    continue
                words = phrase.name.split()
                if not nxt[:1].isupper() and not (
                    len(words) > 1 and all(phrases.capitalised(w) for w in words)
                ):
                    continue  # "für die Mehrheit der Bevölkerung": after an article, a name
            else:
                continue
            if phrase is None or phrase.start >= d.outer[0] and toks is left:
                continue
            return set_speaker(doc, d, (ts, te), phrase, "source-phrase")
    return False


def _article_and_noun(toks: list[phrases.Token], j: int, lex) -> bool:
    """Does an article and a capitalised word stand at toks[j] ("den Theologen")?"""
    return (
        j + 1 < len(toks)
        and toks[j][2].lower() in lex.noun_phrase_starts
        and phrases.capitalised(toks[j + 1][2])
    )


def _possessive_led(doc: Doc, phrase: phrases.Phrase) -> bool:
    """Does the phrase open with a possessive ("Seiner Darstellung")?"""
    first = doc.text[phrase.start : phrase.end].split()[0].lower()
    return first in doc.lex.adjective_openers


def relative_speaker(
    doc: Doc, d: Draft, left: list[phrases.Token], right: list[phrases.Token]
) -> bool:
    """German 'vom Fahrgastverband IGEB, der diese Maßnahme als „Kapitulation“ sieht': a
    fragment closing a relative clause with its cue; a relative pronoun that is only ever a
    subject ("der") stands for the speaker, the noun phrase before its comma."""
    lex = doc.lex
    end = next((k for k, t in enumerate(right) if t[2] in {",", ".", ";", "!", "?"}), len(right))
    cue = next((t for t in right[:end] if t[2] in lex.frame_cues and t[2].islower()), None)
    if cue is None:
        return False  # the relative clause ends with its verb: "… als „…“ vor X sieht,"
    rel = next((k for k in range(len(left) - 1, 0, -1) if left[k - 1][2] == ","), None)
    if rel is None or left[rel][2] not in lex.relative_subjects:
        return False
    if any(t[2] == "," for t in left[rel:]):
        return False
    ante = phrases.backward(left, rel - 1, lex, doc.text, antecedent=True)
    if ante is None or ante.pronoun:
        return False
    s, e, _ = left[rel]
    phrase = phrases.Phrase(s, e, ante.name, ante.kind, ante.role)
    return set_speaker(doc, d, (cue[0], cue[1]), phrase, "relative-speaker")


def _noun_phrase_end(toks: list[phrases.Token], j: int, lex) -> int:
    """Where a German noun phrase from toks[j] ends: at the first lowercase word after a
    noun that is no article ("des Ministeriums | ist die Lage")."""
    for k in range(j + 1, len(toks)):
        word = toks[k][2]
        if (
            word.islower()
            and toks[k - 1][2][:1].isupper()
            and word not in lex.noun_phrase_starts
            and word not in lex.adjective_openers
            and word not in phrases.PARTICLES
        ):
            return k
    return len(toks)
