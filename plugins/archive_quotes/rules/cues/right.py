"""A cue after the quote: "…,” he added", "…,” said Duma deputy Mikhail Sheremet",
"„…“, betonte X"; the quote's frame to the right, up to the next quote or the sentence's
end."""

from __future__ import annotations

import re

from ...state import Doc, Draft
from .. import phrases, postmodified
from .frame import sentence_of, set_speaker, tokens
from .verb_second import RELATIVE_ADVERBS

_APPEAL = re.compile(
    r"^\W*(?:is|was|are|were)\s+(?:the|a)\s+(?:appeal|message|warning|verdict|view|word|words|"
    r"response|reaction|reply|comment|plea|call)\s+(?:of|from)\b",
    re.I,
)


_RIGHT_REACH = 30  # tokens after a quote in which its cue may stand (appositives are long)


_LEADING_MARKS = {",", ".", "!", "?", "—", "–", "-", "…", "―"}
_FRAME_ENDS = {".", "!", "?", ";", "“", '"', "„", "«", "»"}


def after_quote(doc: Doc, d: Draft, right: list[phrases.Token]) -> bool:
    """The cue after the quote and its speaker; False when none is found. Each rule
    returns True or False when it decides, None when the next one reads on."""
    i = 0
    while i < len(right) and right[i][2] in _LEADING_MARKS:
        i += 1
    if i >= len(right):
        return False
    for rule in (_new_sentence, _byline, _appeal, _according_to, _quoted_outlet, _verb_first):
        decided = rule(doc, d, right, i)
        if decided is not None:
            return decided
    depth = 0
    for j in range(i, min(len(right), i + _RIGHT_REACH)):
        word = right[j][2]
        depth += (word == "(") - (word == ")")
        if depth > 0:
            continue  # "(D-Md.)": a party label, never the end of the frame
        if word in _FRAME_ENDS:
            if _inside_name(right, i, j, doc.lex):
                continue
            break
        decided = _so_speaker(doc, d, right, i, j)
        if decided is None and word.lower() in doc.lex.frame_cues and word.islower():
            decided = _cue_at(doc, d, right, i, j)
        if decided is not None:
            return decided
    return False


def _new_sentence(doc: Doc, d: Draft, right: list[phrases.Token], i: int) -> bool | None:
    """German „…“ closed by a full stop: a new sentence begins after it."""
    closed = doc.text[d.spans[-1][1] - 1] in ".!?"
    if doc.lex.verb_second and i == 0 and closed and phrases.capitalised(right[0][2]):
        return False
    return None


def _byline(doc: Doc, d: Draft, right: list[phrases.Token], i: int) -> bool | None:
    """A byline after the quote: "“…” ― Azucena Gonzàlez". A name that ends the frame,
    not a dash's aside ("“…” — a reaction to the bill", "“…” — the balloons cascaded")."""
    if right[0][2] not in {"―", "—", "–"} or len(right) < 2:
        return None
    phrase = phrases.forward(right, 1, doc.lex, doc.text)
    if phrase is not None and phrase.kind != "organization" and _ends_frame(doc, right, phrase):
        return set_speaker(doc, d, (right[0][0], right[0][1]), phrase, "dash-byline")
    return None


def _ends_frame(doc: Doc, right: list[phrases.Token], phrase: phrases.Phrase) -> bool:
    """Does the capitalised phrase reach the frame's end, but for a full stop?"""
    rest = doc.text[phrase.end : right[-1][1]].strip(" .\u00a0")
    return doc.text[phrase.start : phrase.start + 1].isupper() and not rest


def _appeal(doc: Doc, d: Draft, right: list[phrases.Token], i: int) -> bool | None:
    """ "“…”, is the appeal of the deputy Aleksei Zhuravlev"."""
    m = _APPEAL.match(doc.text[right[i][0] : right[-1][1]])
    if m is None:
        return None
    j = i + len(tokens(doc.text, right[i][0], right[i][0] + m.end()))
    phrase = phrases.forward(right, j, doc.lex, doc.text)
    return set_speaker(doc, d, (right[i][0], right[i][0] + m.end()), phrase, "appeal-of")


def _according_to(doc: Doc, d: Draft, right: list[phrases.Token], i: int) -> bool | None:
    """ "“…”, according to the report"."""
    if right[i][2].lower() != "according" or i + 1 >= len(right):
        return None
    if right[i + 1][2].lower() != "to":
        return None
    phrase = phrases.forward(right, i + 2, doc.lex, doc.text)
    return set_speaker(doc, d, (right[i][0], right[i + 1][1]), phrase, "according-to")


def _quoted_outlet(doc: Doc, d: Draft, right: list[phrases.Token], i: int) -> bool | None:
    """ "„…“, schrieb „Die Zeit“": a newspaper named in quotation marks after the verb."""
    m = _quoted_source(doc, right, i) if doc.lex.verb_second else None
    if m is None:
        return None
    phrase = phrases.Phrase(m.start(1), m.end(1), m.group(1), "organization", None)
    return set_speaker(doc, d, (right[i][0], right[i][1]), phrase, "verb-after-quote")


def _verb_first(doc: Doc, d: Draft, right: list[phrases.Token], i: int) -> bool | None:
    """German: after „…“, the finite verb comes first and its subject follows, whatever
    the verb ("„…“, begründet das Gericht", "„…“, gab ein Sprecher bekannt")."""
    if not doc.lex.verb_second or not _verb_after_quote(doc, d, right, i):
        return None
    if not _opens_sentence(doc, d, right[i]):
        return None
    phrase = phrases.forward(right, i + 1, doc.lex, doc.text)
    if phrase is None:
        return None
    return set_speaker(doc, d, (right[i][0], right[i][1]), phrase, "verb-after-quote")


def _inside_name(right: list[phrases.Token], i: int, j: int, lex) -> bool:
    """Is the full stop at right[j] inside the frame ("McConnell, R-Ky., said", "Ms. Moore
    said", "Elijah E. Cummings said")?"""
    if right[j][2] != ".":
        return False
    prev = right[j - 1][2] if j > i else ""
    nxt = right[j + 1][2] if j + 1 < len(right) else ""
    if nxt in {",", ")"} or nxt[:1].islower():
        return True
    low = prev.lower()
    return low in lex.honorifics or low in lex.abbreviations or (len(prev) == 1 and prev.isupper())


def _so_speaker(doc: Doc, d: Draft, right: list[phrases.Token], i: int, j: int) -> bool | None:
    """ "Der Iran müsse „…“ beenden, so Rice.": "so" and the speaker close the sentence."""
    if not doc.lex.verb_second or right[j][2].lower() != "so" or j == i:
        return None
    if right[j - 1][2] != "," or j + 1 >= len(right):
        return None
    nxt = right[j + 1][2]
    if not (nxt[:1].isupper() or nxt.lower() in doc.lex.noun_phrase_starts):
        return None
    phrase = phrases.forward(right, j + 1, doc.lex, doc.text)
    if phrase is None:
        return None
    return set_speaker(doc, d, (right[j][0], right[j][1]), phrase, "so-speaker")


def _cue_at(doc: Doc, d: Draft, right: list[phrases.Token], i: int, j: int) -> bool | None:
    """The cue word at right[j]: "heißt es in …", an inverted cue ("said Duma deputy
    Mikhail Sheremet"), one after a short adverbial, or a subject and its verb."""
    lex = doc.lex
    cue = (right[j][0], right[j][1])
    heisst = right[j][2].lower() in {"heißt", "hieß"}
    if j == i and heisst and j + 2 < len(right) and right[j + 1][2].lower() == "es":
        return _heisst_es(doc, d, right, j, cue)
    if j == i:
        phrase = phrases.forward(right, j + 1, lex, doc.text)
        return set_speaker(doc, d, cue, phrase, "inverted-cue")
    if _adverbial_then_inverted(right, i, j, lex):
        # '“…” in 2005, said Kurt Karl, economist at Swiss Re': a short adverbial
        # between the quote and its inverted cue
        phrase = phrases.forward(right, j + 1, lex, doc.text)
        if phrase is not None:
            return set_speaker(doc, d, cue, phrase, "inverted-cue")
    if _passive(right, j, lex):
        return None  # "Four movies have been announced": a passive names no speaker
    phrase = _subject_after_quote(doc, d, right, i, j)
    return None if phrase is None else set_speaker(doc, d, cue, phrase, "cue-after")


def _heisst_es(doc: Doc, d: Draft, right: list[phrases.Token], j: int, cue) -> bool:
    """ "„…“, heißt es in dem Schreiben": the document after the preposition speaks."""
    k = j + 2
    while k < len(right) and right[k][2].lower() in doc.lex.document_links:
        k += 1
    phrase = phrases.forward(right, k, doc.lex, doc.text) if k > j + 2 else None
    return set_speaker(doc, d, cue, phrase, "heisst-es")


def _adverbial_then_inverted(right: list[phrases.Token], i: int, j: int, lex) -> bool:
    """'“…” in 2005, said Kurt Karl': a preposition or a number, a comma, the cue and a
    capital, within five tokens of the quote (English)."""
    if j - i > 5 or lex.verb_second or right[j - 1][2] != ",":
        return False
    if not (right[i][2].lower() in lex.prepositions or right[i][2].isdigit()):
        return False
    return j + 1 < len(right) and right[j + 1][2][:1].isupper()


def _subject_after_quote(
    doc: Doc, d: Draft, right: list[phrases.Token], i: int, j: int
) -> phrases.Phrase | None:
    """The subject of the cue at right[j]: one standing right after the quote ("“…,” he
    said"), or one closing the sentence after a comma ("… climate change, Axelrod
    said.")."""
    lex = doc.lex
    phrase = phrases.backward(right, j, lex, doc.text, lo=i) or _whole_subject(doc, d, right, i, j)
    if phrase is None:
        return None
    closing = (
        j + 1 >= len(right)
        or right[j + 1][2] in {".", ",", ";"}
        or right[j + 1][2].lower() in lex.closing_adjuncts
        or _adjunct_after(right, j + 1, lex)
        or _listener_ends(right, j, lex)
    )
    refers_back = j + 1 < len(right) and right[j + 1][2].lower() in {"it", "so", "this"}
    # '“… to demolish!” he told the crowd': no new sentence starts after the quote
    goes_on = i == 0 and right[0][2].islower() and not lex.verb_second
    if not (closing or refers_back or goes_on) and doc.text[d.spans[-1][1] - 1] in ".!?":
        # '“… spin doctors.” Graham Robb, …, said the decision …': a sentence
        # after a closed quote whose cue reports its own words
        return None
    after_comma = any(t[2] == "," and t[1] <= phrase.start for t in right[i:j])
    near = phrase.start <= right[min(i + 2, len(right) - 1)][0]
    if not near and not (closing and after_comma and _comma_before(right, phrase.start)):
        return _whole_subject(doc, d, right, i, j)
    return phrase


def _opens_sentence(doc: Doc, d: Draft, verb: phrases.Token) -> bool:
    """Is the word after „…“, the verb of the quote's clause? When the quote opens its
    sentence ("„…“, begründet das Gericht"), or the word reports ("Die Lage sei „…“,
    mahnte er"); after "Ursprünglich wollte er „…“," a new clause begins ("schlussendlich
    waren es zwölf")."""
    s0, _ = sentence_of(doc, d.outer[0])
    return not doc.text[s0 : d.outer[0]].strip() or verb[2] in doc.lex.reporting


_SUBJECT_REACH = 10  # tokens of a noun phrase between a quote and its cue


def _whole_subject(
    doc: Doc, d: Draft, right: list[phrases.Token], i: int, j: int
) -> phrases.Phrase | None:
    """'“…,” the Florida senator and Republican presidential candidate said': after a quote
    closed by a comma, everything up to the cue is its subject when it is one noun phrase
    (an article or a capital first; no comma, preposition or verb of speech inside)."""
    lex = doc.lex
    if i != 0 or doc.text[d.spans[-1][1] - 1] != ",":
        return None
    k = j
    while k > i and (right[k - 1][2].lower() in lex.skip_words or phrases.adverb(right[k - 1][2])):
        k -= 1
    stretch = right[i:k]
    if not 1 < len(stretch) <= _SUBJECT_REACH:
        return None
    described = postmodified.description(doc, right, i, k - 1)
    if described is not None:
        return described  # "“…,” a spokesman for Hillary Clinton said"
    first = stretch[0][2]
    if not (first[:1].isupper() or first.lower() in lex.noun_phrase_starts):
        return None
    for _, _, word in stretch:
        low = word.lower()
        if not (word[:1].isalnum() or word == "-") or low in lex.prepositions:
            return None
        if low in lex.frame_cues:
            return None
    return phrases.split_name(stretch, lex, doc.text)


_LISTENER_REACH = 4  # tokens of a listener between a cue and the sentence's end


def _listener_ends(toks: list[phrases.Token], j: int, lex) -> bool:
    """Does a short noun phrase after a cue that takes a listener end the sentence ("Todd
    asked the real estate mogul.", "she told Reuters.")? Then it is the listener, not the
    cue's own content ("echoed McIntyre's sentiments." is an object)."""
    verb = lex.indirect_verbs.get(toks[j][2].lower())
    if verb is None or "addressee" not in verb.kinds:
        return False
    k = j + 1
    end = next((e for e in range(k, len(toks)) if toks[e][2] in {".", "!", "?", ";"}), None)
    if end is None or not 0 < end - k <= _LISTENER_REACH:
        return False
    first = toks[k][2]
    if not (first[:1].isupper() or first.lower() in lex.noun_phrase_starts | lex.possessives):
        return False
    return not any(t[2].lower() in lex.frame_cues for t in toks[k:end])


def _passive(toks: list[phrases.Token], j: int, lex) -> bool:
    """Is the cue at toks[j] a passive ("have been announced", "was asked")? "He was
    quoted as saying" is not: its subject is the speaker."""
    word = toks[j][2].lower()
    nxt = toks[j + 1][2].lower() if j + 1 < len(toks) else ""
    return (
        toks[j - 1][2].lower() in lex.passive_auxiliaries
        and word.endswith(("ed", "ld", "en"))
        and nxt != "as"
    )


def _adjunct_after(toks: list[phrases.Token], k: int, lex) -> bool:
    """Does toks[k], after a cue, open an adjunct ("said as he launched", "asks
    rhetorically", "said to People", "said of the swirl"), not the cue's own content?
    ("Boeing continues to enjoy …", "comments and reviews": a new sentence's words.)"""
    word = toks[k][2]
    low = word.lower()
    if low in lex.subordinators or phrases.adverb(word):
        return True
    nxt = toks[k + 1][2] if k + 1 < len(toks) else ""
    return low in lex.clause_non_starts and (
        nxt[:1].isupper() or nxt.lower() in lex.noun_phrase_starts | lex.possessives
    )


def _comma_before(toks: list[phrases.Token], start: int) -> bool:
    prev = [t for t in toks if t[1] <= start]
    return bool(prev) and prev[-1][2] == ","


_QUOTED_SOURCE = re.compile(r"\s*[„»\"]([A-ZÄÖÜ][^“”\"«„\n]{0,40}?)[“”\"«]")


def _quoted_source(doc: Doc, right: list[phrases.Token], i: int) -> re.Match | None:
    """German '„…“, schreibt die „Computerwoche“': after the comma only a reporting verb
    and an article, then a name in quotation marks (the frame stops at it)."""
    if i != 1 or right[0][2] != "," or len(right) > 3:
        return None
    verb = right[1][2]
    if not (verb.islower() and verb in doc.lex.frame_cues):
        return None
    if len(right) == 3 and right[2][2] not in doc.lex.noun_phrase_starts:
        return None
    return _QUOTED_SOURCE.match(doc.text, right[-1][1])


def _verb_after_quote(doc: Doc, d: Draft, right: list[phrases.Token], i: int) -> bool:
    """Does the quote end with a comma and a finite verb (verb-second: the quote is the
    clause's first part)? A lowercase word that is no article, pronoun, conjunction or
    preposition is taken for the verb, unless a verb in the Konjunktiv follows it."""
    lex = doc.lex
    comma = doc.text[d.spans[-1][1] - 1] == "," or right[0][2] == ","
    if not comma or i != 1 or i + 1 >= len(right):
        return False
    word = right[i][2]
    low = word.lower()
    if right[i + 1][2] in lex.konjunktiv:
        return False  # "„…“, allerdings sei …": the verb follows; the word before is none
    return (
        word.islower()
        and word.isalpha()
        and low not in {"heißt", "hieß"}  # "„…“, heißt es in …": the document speaks
        and low not in RELATIVE_ADVERBS  # "die Zeitung „…“, wonach …": a relative clause
        and low not in lex.function_words
        and low not in lex.clause_openers
        and low not in lex.subordinators
        and low not in lex.pronouns
        and low not in lex.noun_phrase_starts
        and low not in lex.adjective_openers
        and low not in lex.forward_stops
    )
