"""A description followed by its prepositional phrases, as the subject of a report.

"A spokesman for Hillary Clinton said", "Aides to Clinton say", "One of the former
prosecutors for David Petraeus said", "People with knowledge of the group's activities
said", "Two in three said", "half of GOP primary voters said", "most of them said": the
head is a noun for people (lexicons/<lang>/source_heads.txt, role nouns, shares,
quantifiers, numbers), then a preposition of source_tail_links.txt and a short noun
phrase. The whole phrase is the source and it names no one: a name inside the modifier
("Hillary Clinton", "David Petraeus") is not the speaker.

Not "Bernie Sanders of Vermont said" (a capitalised head is a name), nor "officials
who said" (a clause), nor a modifier holding a verb or a comma.
"""

from __future__ import annotations

from ..state import Doc
from .phrases import Phrase, Token, adverb

_LONGEST = 12  # tokens of the whole description
_HEAD_REACH = 5  # tokens from its start to its head
_GLUE = {"’s", "'s", "’", "'", "&"}


_OPENERS = {".", "!", "?", ":", ";"}  # not a comma: "X, a strategist at Y, said" names X


def before_verb(doc: Doc, toks: list[Token], j: int) -> Phrase | None:
    """The post-modified description that opens its clause and ends right before the
    verb at toks[j] (past adverbs: "also said"), or None."""
    i = j - 1
    while i >= 0 and (toks[i][2].lower() in doc.lex.skip_words or adverb(toks[i][2])):
        i -= 1
    starts = [
        k + 1 for k in range(i) if toks[k][2] in _OPENERS or toks[k][2] in doc.lex.coordinators
    ]
    for lo in [0, *starts]:
        phrase = description(doc, toks, lo, i)
        if phrase is not None:
            return phrase
    return None


def head_link(words: list[str], lex) -> int | None:
    """The index of the preposition after a description's head ("A spokesman | for | the
    Home Office"), or None: what canonical and entities read of a description."""
    return next((k for k, w in enumerate(words) if k and w.lower() in lex.source_tail_links), None)


def description(doc: Doc, toks: list[Token], lo: int, i: int) -> Phrase | None:
    """The post-modified description that is exactly toks[lo : i + 1], or None."""
    if not 2 <= i - lo < _LONGEST:
        return None
    links = doc.lex.source_tail_links
    p = next((k for k in range(lo + 1, i) if toks[k][2] in links), None)
    if p is None or p - lo > _HEAD_REACH:
        return None
    if not (_head(doc, toks, lo, p - 1) and _modifier(doc, toks, p + 1, i)):
        return None
    start, end = toks[lo][0], toks[i][1]
    return Phrase(start, end, doc.text[start:end], "description", None)


def _head(doc: Doc, toks: list[Token], lo: int, h: int) -> bool:
    """Is toks[lo : h + 1] a noun phrase with a head for people ("a spokesman", "the
    former prosecutors", "Aides", "Two")?"""
    lex = doc.lex
    words = [t[2] for t in toks[lo : h + 1]]
    if not all(w.isalnum() or w in _GLUE for w in words):
        return False
    head, low = words[-1], words[-1].lower()
    if not head.islower() and h > lo:
        return False  # "Bernie Sanders of Vermont": a name
    if len(words) > 1 and not (words[0].lower() in lex.noun_phrase_starts or words[0].isdigit()):
        return False
    for w in words[1:-1]:
        if w.islower() and (w in lex.function_words or w in lex.auxiliaries or w.endswith("ly")):
            return False  # "The names are just two": a clause, not a noun phrase
        if w.islower() and w.endswith("ed") and w not in lex.role_qualifiers:
            return False  # "The game also inspired thousands"
    return (
        low in lex.source_heads
        or low in lex.role_nouns
        or low in lex.shares
        or low in lex.quantifier_subjects
        or low.isdigit()
    )


def _modifier(doc: Doc, toks: list[Token], a: int, i: int) -> bool:
    """Is toks[a : i + 1] a short noun phrase after a preposition, maybe with more of
    them ("knowledge of the group's activities", "the convention in Philadelphia")? Not
    a verb ("needs to negotiate"), a clause, nor a title before a name ("Director of
    rugby Warren Gatland": there the name speaks)."""
    lex = doc.lex
    if a > i:
        return False
    first = toks[a][2]
    if toks[a - 1][2] == "to" and first.islower() and first not in lex.noun_phrase_starts:
        return False  # "celebrities to walk out": an infinitive
    return all(_modifier_word(lex, toks, k, k == i) for k in range(a, i + 1))


def _modifier_word(lex, toks: list[Token], k: int, last: bool) -> bool:
    w = toks[k][2]
    low = w.lower()
    if not (w.isalnum() or w in _GLUE or (w.endswith(".") and w[:1].isupper())):
        return False  # a comma, a dash, a bracket: not one phrase
    if low in lex.time_names or low in lex.time_words:
        return False  # "The prime minister on Sunday": a time, not a modifier
    if not w.islower():
        before = toks[k - 1][2]
        # "director of rugby Warren Gatland": a title and a name
        return not before.islower() or _opens_name(lex, before.lower())
    if last and low in lex.object_pronouns:
        return True  # "most of them"
    if low in lex.function_words and not (_opens_name(lex, low) or low in lex.source_heads):
        return False  # "if it", "who": a clause
    return not (
        low in lex.reporting
        or low in lex.description_breaks  # "reasons that Trump refuses"
        or low in lex.subordinators
        or low in lex.complementizers
        or low in lex.auxiliaries
        or (low.endswith("ed") and low not in lex.role_qualifiers)
    )


def _opens_name(lex, low: str) -> bool:
    """Words after which a capitalised word starts a noun phrase, not a title's name:
    a preposition, a determiner, a possessive."""
    return low in lex.source_tail_links or low in lex.noun_phrase_starts or low in lex.possessives
