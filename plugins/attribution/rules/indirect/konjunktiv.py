"""Shape 'indirect-konjunktiv': a sentence in the Konjunktiv I with no verb of speech goes
on with the reported speech before it (German).

„Der Sprecher sagte, die Proben seien gefälscht worden. Dies sei eindeutig nachzuweisen
gewesen.“: the second sentence is the speaker's too. The speaker is the one of the quote or report
that ends in the sentence right before it, in its paragraph or the one before; the
verb forms are data (lexicons/de/konjunktiv.txt).
"""

from __future__ import annotations

import bisect

from ...state import Doc, Draft
from ..continuation import take
from ..phrases import Token
from . import common

_PARAGRAPHS_BACK = 1


def find(doc: Doc, toks: list[Token], paragraph: int, before: list[Draft]) -> Draft | None:
    forms = doc.lex.konjunktiv
    if not forms or not any(t[2] in forms for t in toks):
        return None
    # the report goes on only from the sentence right before: its speaker is known
    k = bisect.bisect_right(doc.sentences, (toks[0][0], -1)) - 1
    if k < 1:
        return None
    previous = doc.sentences[k - 1]
    source = next((d for d in reversed(before) if d.outer[1] <= toks[0][0]), None)
    if source is None or not source.speaker or source.heading:
        return None
    if source.outer[1] <= previous[0] or paragraph - source.paragraph > _PARAGRAPHS_BACK:
        return None
    span = common.content(doc, toks[0][0], toks[-1][1], common.MIN_WORDS["say"])
    if span is None:
        return None
    d = Draft([span], span, paragraph, rule="indirect-konjunktiv", type="indirect")
    take(doc, d, source, "indirect-konjunktiv")
    d.continues = None  # a report of its own, credited like the one before
    return d
