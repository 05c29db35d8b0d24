"""A quantifier that stands alone for people as the subject of a report.

"Some say the law targets Muslims", "But many believe their relationship can improve",
"…, most argue that Santilli is the reason", "while many agreed with much of it": the
quantifier opens its clause (at the start, or after a comma, a coordinator or a
subordinator) and stands right before the verb. It names no one: the mention is kept,
no speaker is named. Not "the most say" nor "for some, …": only a quantifier that opens
the clause is a subject. ("Others" and "few" are left out of the list: capitalised at a
sentence's start they would read as names.)
"""

from __future__ import annotations

from ...state import Doc
from ..phrases import Phrase, Token


def subject(doc: Doc, toks: list[Token], lo: int, i: int, j: int) -> Phrase | None:
    """The quantifier at toks[i], when it is the subject that opens the clause of the
    verb at toks[j]. A verb in the third person singular agrees with no quantifier of
    people: "Some reports suggested" has the noun "reports", not the verb."""
    lex = doc.lex
    word = toks[i][2]
    if not word.isalpha() or word.lower() not in lex.quantifier_subjects:
        return None
    verb = toks[j][2].lower()
    if verb.endswith("s") and not verb.endswith("ss"):
        return None
    if i > lo:
        before = toks[i - 1][2].lower()
        openers = lex.coordinators | lex.clause_conjunctions | lex.subordinators
        if before != "," and before not in openers:
            return None
    return Phrase(toks[i][0], toks[i][1], word.lower(), None, None)  # a name never
