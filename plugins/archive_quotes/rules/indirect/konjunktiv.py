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


def find(doc: Doc, toks: list[Token], paragraph: int, found: list[Draft]) -> Draft | None:
    """found: the reports read so far in this article (the quotes are in doc.drafts)."""
    forms = doc.lex.konjunktiv
    if not forms or not any(t[2] in forms for t in toks):
        return None
    start = toks[0][0]
    # the sentence the clause is in, and the one before it: the report goes on from there
    here = bisect.bisect_right(doc.sentences, (start, len(doc.text))) - 1
    if here < 1:
        return None
    previous = doc.sentences[here - 1]
    earlier = [d for d in (*doc.drafts, *found) if d.outer[1] <= start]
    source = max(earlier, key=lambda d: d.outer[1], default=None)
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
