"""Shape 'indirect-leading': a subject, a verb of reported speech, then what it reports.

"Peskov explained that Putin was not there", "Cruz now says he isn't familiar with it",
"Obama plans to send a nominee", "Graham called Trump crazy and said the party would
lose", "The billionaire real estate magnate says a violent hit now draws a penalty".
"""

from __future__ import annotations

from ...lexicon import ReportingVerb
from ...state import Doc, Draft
from ..phrases import Phrase, Token
from . import common

_RULE = "indirect-leading"
_REACH = 60  # tokens from the clause's start within which the verb is looked for


def find(doc: Doc, toks: list[Token], paragraph: int) -> Draft | None:
    # a verb of the list before a frame cue: "attacked Trump, saying he would …"
    return _find(doc, toks, paragraph, frame=False) or _find(doc, toks, paragraph, frame=True)


def _find(doc: Doc, toks: list[Token], paragraph: int, frame: bool) -> Draft | None:
    verbs = doc.lex.indirect_verbs
    for j in range(1, min(len(toks), _REACH)):
        if toks[j][2] not in verbs:
            continue  # no verb here (common.verb_at would find none)
        found = common.report_at(doc, toks, j, frame)
        if found is None:
            continue
        verb, after, k, kind = found
        if kind == "object" and _purpose(doc, toks, j):
            continue
        phrase = common.subject(doc, toks, j)
        if phrase is None or (kind == "object" and _noun_use(doc, toks, j, verb, phrase)):
            continue
        if phrase.pronoun == "i":
            continue  # "I've said the criticism was harsh": the writer's own view
        span = common.content_after(doc, toks, k, kind, verb)
        if span is None:
            continue
        return common.verb_draft(doc, span, toks, (j, after), kind, phrase, paragraph, _RULE)
    return None


def _purpose(doc: Doc, toks: list[Token], j: int) -> bool:
    """'held meetings to discuss a jet fuel tax', 'are beginning to talk about': an
    infinitive that takes an object reports only after a verb of the skipped kind ("went
    on to discuss", "wanted to endorse"), else it is a purpose or a plan, not a report."""
    if j < 2 or toks[j - 1][2].lower() != "to":
        return False
    before = toks[j - 2][2]
    if not before.islower() and not any(t[2].islower() for t in toks[: j - 2]):
        return False  # "AFL-CIO to endorse Clinton": a headline's future
    return before.lower() not in doc.lex.skip_words


def _noun_use(doc: Doc, toks: list[Token], j: int, verb: ReportingVerb, phrase: Phrase) -> bool:
    """'The harsh talk about migrants', 'peace talks about': a bare verb after a singular
    subject and no auxiliary is a noun ('Democrats talk about', 'he will discuss' are
    verbs)."""
    if toks[j][2] != verb.lemma:
        return False
    before = toks[j - 1][2].lower()
    if (
        before in doc.lex.auxiliaries
        or before in doc.lex.skip_words
        or before in {"do", "did", "to"}
    ):
        return False
    words = doc.text[phrase.start : phrase.end].split()
    last = words[-1].lower() if words else ""
    plural = last in doc.lex.plural_pronouns or last in doc.lex.shares
    return not (plural or last.endswith(("s", "%")))
