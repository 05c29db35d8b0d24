"""A quantifier that stands alone for people as the subject of a report.

"Some say the law targets Muslims", "But few believe their relationship can improve",
"…, others argue that Santilli is the reason", "while many agreed with much of it": the
quantifier opens its clause (at the start, or after a comma, a coordinator or a
subordinator) and stands right before the verb. It names no one, so it is shown as a
description. Not "the most say" nor "for some, …": only a quantifier that opens the
clause is a subject.
"""

from __future__ import annotations

from ...state import Doc
from ..phrases import Phrase, Token


def subject(doc: Doc, toks: list[Token], lo: int, i: int) -> Phrase | None:
    """The quantifier at toks[i], when it is the subject that opens the clause."""
    lex = doc.lex
    word = toks[i][2]
    if not word.isalpha() or word.lower() not in lex.quantifier_subjects:
        return None
    if i > lo:
        before = toks[i - 1][2].lower()
        openers = lex.coordinators | lex.clause_conjunctions | lex.subordinators
        if before != "," and before not in openers:
            return None
    return Phrase(toks[i][0], toks[i][1], word.lower(), None, None)  # a name never
