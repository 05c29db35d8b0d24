"""Where a role the text gives a speaker begins and ends: a noun phrase, never a clause.

The step 'canonical' reads a role leftwards from a name ("retail analyst | Nick Bubb")
and in an appositive after it ("Ian Gunner, | a trader at Mellon Financial,"). Those
readings run into words that belong to the sentence, not to the role:

- a verb before a title: "the Pakistani president met | Prime Minister Tony Blair",
  "The action follows | Chancellor Gordon Brown's announcement", "service was | former
  US president Bill Clinton", "wanted to meet | Labour party chairman Ian McCartney";
- a preposition: "a talk between | Barca boss Frank Rijkaard";
- a conjunction joining another person or another clause: "And | Chancellor Gordon
  Brown said", "the prime minister and | Chancellor Gordon Brown", "Six Nations wins and |
  captain Jason Forster";
- a sentence adverb: "Similarly | telecommunications firm NTL";
- the cue verb of an inverted cue: '"…", implored | guitar-toting environmental
  campaigner Barry Lim';
- a clause in an appositive: "Rachel Harker, spokeswoman for Hypertag | which makes …",
  "Ellen Simonetti, known as …" (no role), "Damien Hockney, now | Veritas deputy leader".

Word lists: lexicons/<lang>/role_*.txt and appositive_non_starts.txt; a language
without them keeps every reading these rules would cut.
"""

from __future__ import annotations

from collections.abc import Callable

from ..lexicon import Lexicon


def is_verb(word: str, lex: Lexicon) -> bool:
    """A lower-case word that is a verb wherever it stands: an auxiliary, a finite form
    of a verb of speech ("attacked", "urges"), an irregular form ("met", "told"). Its
    plain and -ing forms are nouns too: "talk show host", "planning director"."""
    low = word.lower()
    if low in lex.auxiliaries or low in lex.role_verb_forms:
        return True
    verb = lex.indirect_verbs.get(low)
    return verb is not None and low != verb.lemma and not low.endswith("ing")


def inverted_cue(word: str, lex: Lexicon) -> bool:
    """Is the lower-case word right after a closing quotation mark the cue of the
    speaker after it ('"…", implored | campaigner Barry Lim'), not the start of a role
    ('"…," festival director Geoffrey Gilmore said')?"""
    if not word.islower():
        return False
    if is_verb(word, lex):
        return True
    endings = tuple(lex.role_past_endings)
    qualified = word.lower() in lex.role_qualifiers
    return bool(endings) and word.lower().endswith(endings) and not qualified


def ends_role(
    walk: list[str], n: int, role: list[str], lex: Lexicon, is_role: Callable[[str], bool]
) -> bool:
    """Does walk[n], a word left of the role read so far, belong to the sentence rather
    than to the role: a verb, a preposition, an adverb?"""
    w = walk[n]
    low = w.lower()
    if not any(c.isalnum() for c in w):
        return True  # "their last 13 matches - | Ireland coach Eddie O'Sullivan"
    if low in lex.role_adverbs:
        return True  # "Similarly telecommunications firm": capitalised or not
    if not w.islower() or is_role(w) or low in lex.org_nouns:
        return False  # "state broadcaster": a role's word, whatever else it may be
    if is_verb(w, lex) or low in lex.prepositions:
        return True
    if low in lex.role_qualifiers:
        return False
    # after an auxiliary or "to", a verb or its particle: "didn't stop | Chancellor
    # Gordon Brown", "has called up | Bath prop", "wanted to meet | Labour party chairman"
    left = walk[n - 1].lower() if n else ""
    if left == "to" or left in lex.auxiliaries:
        return True
    if not role or not role[0][:1].isupper() or any(c in w for c in "'’-"):
        return False  # "party's Treasury spokesman", "newly-appointed Metropolitan …"
    # before a capitalised title: "Senator Kerry attacked | President Bush"; but
    # "former | US president", "injured | Chelsea winger"
    endings = tuple(lex.role_verb_endings)
    exceptions = tuple(lex.role_non_verb_endings)
    return bool(endings) and low.endswith(endings) and not low.endswith(exceptions)


def joins_titles(walk: list[str], n: int, role: list[str], is_role: Callable[[str], bool]) -> bool:
    """Is the 'and' at walk[n] inside one role ("Screenwriter and producer Debra Hill",
    "chairman and chief executive Alain Levy"), not between two people ("the prime
    minister and Chancellor Gordon Brown") or two clauses ("And Chancellor Gordon Brown
    said", "two wins and captain Jason Forster")?"""
    if not role or not is_role(role[0]) or n == 0:
        return False
    left = walk[n - 1]
    if not is_role(left):
        return False
    # a title before a name is capitalised; an office named alone is not: "the prime
    # minister" and "Chancellor Gordon Brown" are two people
    return not (left.islower() and role[0][:1].isupper())


def cut(ws: list[str], lex: Lexicon, is_role: Callable[[str], bool]) -> list[str]:
    """The role words a speaker's mention gives before the name, without the words of
    the sentence before them: "Barca boss Frank Rijkaard and | referee" (Anders Frisk),
    "And | Chancellor"; "Work and pensions minister" stays whole."""
    role: list[str] = []
    for n in range(len(ws) - 1, -1, -1):
        w = ws[n]
        if w.lower() in lex.coordinators and role and is_role(role[0]):
            if not joins_titles(ws, n, role, is_role):
                break
        elif ends_role(ws, n, role, lex, is_role) or (
            w.lower() in lex.coordinators and _titled_name_before(ws, n, is_role)
        ):
            break
        role.insert(0, w)
    return role


def _titled_name_before(ws: list[str], n: int, is_role: Callable[[str], bool]) -> bool:
    """Does a name with its title stand before ws[n]: "Barca boss Frank Rijkaard | and"?"""
    k = n - 1
    while k >= 0 and ws[k][:1].isupper() and not is_role(ws[k]):
        k -= 1
    return 0 <= k < n - 1 and is_role(ws[k])


def appositive(text: str, lex: Lexicon) -> str | None:
    """The role an appositive gives ("a trader at Mellon Financial"), up to a relative
    clause ("spokeswoman for Hypertag | which makes …"); None when it opens as a clause
    or an adjunct ("known as …", "including …", "at HBOS Treasury Services")."""
    ws = text.split()
    if not ws:
        return None
    first = ws[0].lower()
    if first in lex.appositive_non_starts or first in lex.prepositions:
        return None
    for i, w in enumerate(ws):
        if i and (w.lower() in lex.relative_pronouns or w.lower() in lex.complementizers):
            ws = ws[:i]
            break
    return " ".join(ws)


def trim(ws: list[str], lex: Lexicon) -> list[str]:
    """A role's words without a conjunction or an adverb before them ("And coach",
    "now chairman of Mersey TV")."""
    adverbs = lex.role_adverbs
    while ws and (ws[0].lower() in lex.coordinators or ws[0].lower() in adverbs):
        ws = ws[1:]
    return ws
