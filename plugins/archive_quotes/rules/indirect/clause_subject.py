"""A subject of last resort: the noun phrase that opens the clause before a verb of saying.

"Staff for the House Select Committee on Benghazi said the panel has the email", "A
redacted copy of the memo seen by Reuters said investigators were unable …", "The
billionaire real estate magnate says a violent hit …", "…, but security specialists say
it's a realistic extension …": when no name, pronoun or known description ends right
before a verb of saying (say, claim, argue, tell, report, warn …), the words from the
clause's start to the verb are its source, if they are one noun phrase. They open the
sentence, or follow ", but", ";", a dash or a subordinator ("where polls show"), or an
opening phrase and its comma ("In May, …"); they hold no verb, no comma, no pronoun and
no clause word; they end in a noun. The phrase names no one: it is a description.

Not "Larry Cohen, a senior adviser to Mr. Sanders, said" (an appositive: the name
speaks, phrases.backward reads it), nor "The game also inspired thousands" (a verb), nor
"If politicians decide to order …" (a conditional opens no report).
"""

from __future__ import annotations

from ...lexicon import ReportingVerb
from ...state import Doc
from ..phrases import Phrase, Token, adverb
from . import bare_clause

_LONGEST = 12  # tokens of the whole phrase
_BREAKS = {";", ":", "—", "–", "--"}
_GLUE = {"’s", "'s", "’", "'", "&", "-", "%", "$"}
_CONDITIONAL = {"if", "unless", "whether"}
_OPENING_QUESTIONS = {"where", "when"}  # "where polls show", not "how dare people think"
_CONTRASTS = {"but", "yet"}  # not "and": "a survey on chip and pin found"
_NUMBERS = {"million", "billion", "thousand", "hundred", "m", "bn"}
_VERBS = {"have", "has", "had", "do", "does", "did", "be", "been", "being"}


def _past_or_say(form: str, verb: ReportingVerb) -> bool:
    """'said', 'told', 'found', 'says': a present form of another verb is as often a
    noun ("BBC One shows", "insurance claims were", "sustainability reports")."""
    return verb.lemma == "say" or bare_clause.past_form(form, verb)


def subject(doc: Doc, toks: list[Token], lo: int, i: int, j: int) -> Phrase | None:
    """The noun phrase toks[start : i + 1] before the verb at toks[j], or None."""
    verb = doc.lex.indirect_verbs.get(toks[j][2])
    if verb is None or not verb.kinds & {"say", "clause"} or "object" in verb.kinds:
        return None  # not "Two pieces of defensive play denied England …"
    if not _past_or_say(toks[j][2], verb):
        return None
    start = _clause_start(doc, toks, lo, i)
    if start is None:
        return None
    while i >= start and _adjunct(doc, toks[i][2]):
        i -= 1  # "Clinton defenders today argue"
    if not 0 <= i - start < _LONGEST or not _noun_phrase(doc, toks, start, i):
        return None
    a, b = toks[start][0], toks[i][1]
    return Phrase(a, b, doc.text[a:b], "description", None)


def _clause_start(doc: Doc, toks: list[Token], lo: int, i: int) -> int | None:
    """Where the clause whose subject ends at toks[i] starts, or None when it may not."""
    lex = doc.lex
    for k in range(i, lo - 1, -1):
        w = toks[k][2]
        low = w.lower()
        if w in _BREAKS:
            return k + 1
        if low in lex.subordinators or low in _OPENING_QUESTIONS:
            return None if low in _CONDITIONAL else k + 1
        if low in _CONTRASTS and k > lo:
            return k + 1  # "… is a key election issue but critics say"
        if w == ",":
            nxt = toks[k + 1][2].lower() if k + 1 <= i else ""
            if nxt in lex.coordinators:
                return k + 2  # "…, but security specialists say"
            opener = toks[lo][2].lower()
            opens = opener in lex.prepositions or opener in lex.subordinators or adverb(opener)
            return k + 1 if opens and k > lo else None  # "In May, …", not a list
    return lo


def _adjunct(doc: Doc, word: str) -> bool:
    low = word.lower()
    return low in doc.lex.time_words or low in doc.lex.skip_words or adverb(word)


def _noun_phrase(doc: Doc, toks: list[Token], a: int, b: int) -> bool:
    """Are toks[a : b + 1] one noun phrase ending in its noun?"""
    lex = doc.lex
    first = toks[a][2]
    low = first.lower()
    if low in lex.coordinators:
        a += 1  # "And critics say"
        if a > b:
            return False
        first, low = toks[a][2], toks[a][2].lower()
    opens = low in lex.noun_phrase_starts or first[:1].isdigit() or low in lex.possessives
    if not opens and (low in lex.function_words or low in lex.pronouns):
        return False
    if a > 0 and toks[a - 1][2] == "," and first[:1].isdigit():
        return False  # "100,000 shoppers": a number cut at its comma
    if a < b and first[:1].isupper() and toks[a + 1][2][:1].isupper() and not opens:
        return False  # "Matthew Herren from EduVision": a name opens it, which phrases reads
    if toks[b][2].lower() in _NUMBERS:
        return False  # "2.5 million are expected": a number, not a source
    for k in range(a, b + 1):
        if not _inner_word(doc, toks, k, a):
            return False
    head = toks[b][2]
    if head.islower():
        return head.isalpha() and not head.endswith(("ing", "ed", "ly")) and not _closed(lex, head)
    if a == b and not head.isdigit():
        return False  # one capitalised word ("Jamie", "WMC"): a name, which phrases reads
    if b > a and head[:1].isupper() and toks[b - 1][2][:1].isupper():
        return False  # "Shadow leader of the Commons Oliver Heald": a name ends it
    if head.isdigit() and a == b:
        return False  # "30": a number alone
    return (head.isalnum() or head == "%") and not _closed(lex, head.lower())


def _inner_word(doc: Doc, toks: list[Token], k: int, a: int) -> bool:
    lex = doc.lex
    w = toks[k][2]
    low = w.lower()
    if not (w.replace("-", "").replace(".", "").isalnum() or w in _GLUE):
        return False  # a comma, a bracket, a quotation mark
    if low in lex.pronouns and low not in lex.possessives:
        return False  # "he", "they": a clause of its own
    if low in lex.auxiliaries or low in lex.complementizers or low in lex.relative_pronouns:
        return False
    if low in _VERBS or low in lex.coordinators and k == a:
        return False  # "Recent years have seen …": a clause
    if low == "to" and k + 1 < len(toks):
        after = toks[k + 1][2]
        opens = after in lex.noun_phrase_starts or after in lex.possessives
        if after.islower() and not opens:
            return False  # "plead for their son to let them": an infinitive
    if k > a and low in lex.reporting:
        return False  # another verb of speech
    if w.islower() and w.endswith("ed") and low not in lex.role_qualifiers:
        nxt = toks[k + 1][2].lower() if k + 1 < len(toks) else ""
        return nxt == "by"  # "the memo seen by Reuters", not "The game also inspired"
    return not (
        k > a
        and low in lex.noun_phrase_starts
        and toks[k - 1][2].islower()
        and toks[k - 1][2].endswith("ing")
    )  # "hackers resorting such tactics"


def _closed(lex, word: str) -> bool:
    """A closed-class word cannot end a noun phrase ("the people of", "a lot more")."""
    return word in lex.function_words or word in lex.prepositions or word in lex.skip_words
