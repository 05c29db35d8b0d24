"""Shape 'bare clause': a reported clause with neither "that" nor a pronoun to open it.

"Polls show working-class whites could be a boon to Trump", "Adelson said much of his
discussion with Trump was about Israel", "CNN reported at least six skywriting planes
filled the skies": after a verb that takes a clause, a noun phrase and then a finite verb
(an auxiliary, or a past tense after a noun) open a clause. Not an object with a relative
clause ("showed the groups that were …"), an infinitive ("want Germany to do more") or
a phrase cut by punctuation ("reported between $5,000 and $15,000 in income, …").

Only a verb of saying ("says", "argued") or a past tense ("found", "showed") opens a
bare clause: a present form of any other verb is as often a noun ("EU member state has
volunteered", "A Financial Times report said", "terror suspects are detained"), and so
is a participle after a possessive or a comparison ("Rover's proposed tie-up has been
delayed", "better than expected jobs data had").
"""

from __future__ import annotations

from ...lexicon import ReportingVerb
from ...state import Doc
from ..phrases import Token

_REACH = 10  # tokens of the subject within which its verb must come
_BREAKS = {",", ";", ":", "—", "–", "(", ")", ".", "?", "!", "to", "that", "whether", "if"}


def opening(doc: Doc, toks: list[Token], after: int, verb: ReportingVerb) -> int | None:
    """Where the bare clause after the verb starts (toks[after]), or None."""
    if not verb.kinds & {"say", "clause"} or "addressee" in verb.kinds or after >= len(toks):
        return None
    if not _verbal(toks, after - 1 - bool(verb.particle), verb):
        return None
    lex = doc.lex
    first = toks[after][2]
    low = first.lower()
    nxt = toks[after + 1][2].lower() if after + 1 < len(toks) else ""
    if not (_word(first) or first[:1] in "$£€"):
        return None
    if low in lex.prepositions and not (low == "at" and nxt in {"least", "most"}):
        return None  # "said in …", but "reported at least six planes filled …"
    if low in lex.function_words and low not in lex.noun_phrase_starts and low not in _QUANTITY:
        return None  # "said so", "reported between …"
    if first.islower() and first.endswith(("ly", "ing")):
        return None  # "said recently", "reported raising and spending …"
    for m in range(after + 1, min(len(toks), after + _REACH)):
        w = toks[m][2]
        low = w.lower()
        if low in _BREAKS or low in lex.relative_pronouns or low in lex.coordinators:
            return None
        if low in lex.subordinators and m > after:  # "found another gear as the game …"
            return None
        if _finite(lex, toks, m):
            return after
    return None


def _verbal(toks: list[Token], j: int, verb: ReportingVerb) -> bool:
    """Is the verb at toks[j] surely a verb here: of saying, or past and not an adjective?"""
    form = toks[j][2]
    if "say" in verb.kinds:
        return True
    if not past_form(form, verb):
        return False
    before = toks[j - 1][2].lower() if j else ""
    return before not in _ADJECTIVAL and not before.endswith(("’s", "'s"))


def past_form(form: str, verb: ReportingVerb) -> bool:
    """Is the form neither the verb's lemma, a third person nor a participle in -ing
    ("found", "showed", not "show", "shows", "showing"): a form no noun shares?"""
    return form != verb.lemma and not form.endswith(("s", "ing"))


_ADJECTIVAL = {"’s", "'s", "than", "as", "s", "’", "'"}
_QUANTITY = {"much", "more", "most", "many", "few", "all", "some", "several", "both"}


def _finite(lex, toks: list[Token], m: int) -> bool:
    """Is toks[m] the verb of a clause whose subject ends at toks[m - 1]: an auxiliary
    ("whites could be"), or a past tense after a noun ("planes filled")?"""
    w, before = toks[m][2], toks[m - 1][2]
    low, prev = w.lower(), before.lower()
    if not (_word(before) or before in {"%", "’s", "'s"}):
        return False
    if prev in lex.function_words or prev in lex.noun_phrase_starts or prev in lex.prepositions:
        return False  # "the scattered groups": a participle after a determiner
    if low in lex.auxiliaries:
        return True
    return w.islower() and w.endswith("ed") and len(w) > 4 and not before.endswith("ly")


def _word(tok: str) -> bool:
    """A word or number, hyphenated or not ("working-class", "34,570")."""
    return tok.replace("-", "").replace(",", "").isalnum()
