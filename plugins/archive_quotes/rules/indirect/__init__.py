"""Step 'indirect': reported speech without quotation marks.

Each sentence is read in clauses outside its quotations. A clause free of quotation
marks is tried against every shape, in order: a phrase naming the source ("according
to", „laut“: evidential.py), the speaker between commas (medial.py), the speaker after
a comma at the end (trailing.py), and a subject with a verb of reported speech
(leading.py); failing all, a German clause in the Konjunktiv goes on with the report
before it (konjunktiv.py). After a quotation, a participle or a coordinated verb goes
on with the quotation's speaker (after_quote.py), and a clause with a subject of its own
after ", but" or ", and" is read as leading; a headline is read by headline.py.
The part of a sentence before its first quotation is only tried as leading ("She says
people may not like the answer, but insists …“…”") or as its one source phrase („Nach
Angaben des X ist die Lage „…“"). A quotation that ends with its own full stop ends a
clause: what follows it is read as a new one ("…heart.” He said he recognizes the
problem."). Only a speaker named beside the verb is taken: the rules are conservative.

Every shape starts from a word of the lexicon: a verb of reported speech, the first word
of an evidential phrase, a Konjunktiv form. A clause holding none of them is skipped
before it is tokenised (one regular expression of all those words finds them); a new
shape that starts from other words must add them to _start_words.
"""

from __future__ import annotations

import bisect
import re

from ...lexicon import Lexicon, token_pattern
from ...state import Doc, Draft
from ..cues import tokens
from . import after_quote, evidential, headline, konjunktiv, leading, medial, trailing

#: The shapes a clause free of quotation marks is tried against, first match wins.
SHAPES = (evidential.find, medial.find, trailing.find, leading.find)
_CLOSERS = "\"”’»“'"


def run(doc: Doc) -> None:
    quoted = sorted(d.outer for d in doc.drafts)
    starts = [a for a, _ in quoted]
    span_starts = sorted((d.clause or d.spans[0])[0] for d in doc.drafts)
    found: list[Draft] = []
    # before a quotation, a verb its frame already took is not read again
    cues = {d.cue for d in doc.drafts if d.cue}
    start_words = _start_words(doc.lex)
    by_outer = {d.outer: d for d in doc.drafts}
    if doc.headline and not (starts and starts[0] <= _colon(doc)):
        toks = tokens(doc.text, *doc.headline)
        draft = headline.find(doc, toks, 0) if toks else None
        if draft is not None:
            found.append(draft)
    for (s, e), p in zip(doc.sentences, doc.sentence_paragraph, strict=True):
        if (p == 0 and doc.headline) or _heading(doc, p, s, e):
            continue
        i = bisect.bisect_left(starts, s)
        if i and quoted[i - 1][1] > s:
            continue  # the sentence starts inside a quote
        for a, b, free in _clauses(doc, quoted, i, span_starts, s, e):
            if not _may_report(doc.text, a, b, start_words):
                continue  # no word any shape starts from: no shape can match
            for toks in _semicolon_parts(tokens(doc.text, a, b)):
                shapes = SHAPES if free else (_one_source, leading.find)
                draft = next((d for d in (shape(doc, toks, p) for shape in shapes) if d), None)
                if draft is None and free:
                    draft = konjunktiv.find(doc, toks, p, found)
                if draft is not None and (free or draft.cue not in cues):
                    found.append(draft)
                    if free:
                        found.extend(_second_report(doc, toks, p, draft, cues))
        for a, b, quote in _after_quotes(doc, quoted, i, s, e):
            if b < e:
                continue  # the report would be cut by the next quotation ("…, adding “…”")
            draft = _after_quote(doc, tokens(doc.text, a, b), p, by_outer[quote], cues)
            if draft is not None:
                found.append(draft)
    doc.drafts.extend(found)
    doc.drafts.sort(key=lambda d: d.spans[0][0])


_START_WORDS: dict[int, tuple[Lexicon, re.Pattern]] = {}


def _start_words(lex: Lexicon) -> re.Pattern:
    """The words a shape starts from, as tokens: verbs (lowercase, as common.verb_at
    reads them), evidential phrases' first words (any case), Konjunktiv forms."""
    cached = _START_WORDS.get(id(lex))
    if cached is None or cached[0] is not lex:
        exact = token_pattern({*lex.indirect_verbs, *lex.konjunktiv})
        pattern = f"{exact}|(?i:{token_pattern(evidential.first_words(lex))})"
        cached = _START_WORDS[id(lex)] = (lex, re.compile(pattern))
    return cached[1]


def _may_report(text: str, a: int, b: int, starts: re.Pattern) -> bool:
    """Is one of the start words a token of text[a:b]? (A window that opens inside a
    word is tokenised as it is, whatever it holds: the look-behind would see the word.)"""
    return starts.search(text, a, b) is not None or (0 < a < len(text) and _inside_word(text, a))


def _inside_word(text: str, a: int) -> bool:
    return (text[a - 1].isalnum() or text[a - 1] == "_") and (text[a].isalnum() or text[a] == "_")


def _clauses(doc: Doc, quoted, i: int, span_starts: list[int], s: int, e: int):
    """(start, end, free) of each clause of sentence [s, e) outside its quotations:
    free when no quotation mark is in it."""
    inside = []
    while i < len(quoted) and quoted[i][0] < e:
        inside.append(quoted[i])
        i += 1
    if not inside:
        yield s, e, True
        return
    # a widened fragment may start before its marks
    first = inside[0][0]
    k = bisect.bisect_left(span_starts, s)
    if k < len(span_starts) and span_starts[k] < e:
        first = min(first, span_starts[k])
    yield s, first, False
    for n, (_, qe) in enumerate(inside):
        if not _ends_sentence(doc.text, qe, e):
            continue
        nxt = inside[n + 1][0] if n + 1 < len(inside) else e
        yield qe, nxt, n + 1 == len(inside)


def _one_source(doc: Doc, toks: list, paragraph: int) -> Draft | None:
    """Before a quotation, a source phrase names the clause's source only when it is the
    clause's one source ("nach Angaben des X …, die nach Bewertung von Y „…“": Y speaks
    the quotation, and the clause is no report of X's)."""
    draft = evidential.find(doc, toks, paragraph)
    if draft is None:
        return None
    rest = [t for t in toks if t[0] >= draft.cue[1]]
    if rest and evidential.find(doc, rest, paragraph):
        doc.log("indirect-evidential", "dropped", "a second source before the quotation speaks it")
        return None
    return draft


def _semicolon_parts(toks: list) -> list[list]:
    """A clause's tokens split at semicolons: each part is a sentence of its own
    ('…; he says he fears returning home')."""
    parts, start = [], 0
    for k, t in enumerate(toks):
        if t[2] == ";":
            parts.append(toks[start:k])
            start = k + 1
    parts.append(toks[start:])
    return [part for part in parts if part]


def _after_quote(doc: Doc, toks: list, paragraph: int, quote: Draft, cues: set) -> Draft | None:
    """The report in the words after a quotation: by its speaker, or by a subject of its own."""
    if not toks:
        return None
    draft = after_quote.find(doc, toks, paragraph, quote)
    return draft if draft is not None else _new_subject(doc, toks, paragraph, cues)


def _new_subject(doc: Doc, toks: list, paragraph: int, cues: set) -> Draft | None:
    """After a quotation, a clause of its own after ', but', ', and', ', while' ("“…,”
    Carson said on NBC, but he said he is being asked about …") is read as leading."""
    for k in range(1, len(toks) - 2):
        if toks[k][2] in doc.lex.clause_conjunctions and toks[k - 1][2] == ",":
            draft = leading.find(doc, toks[k + 1 :], paragraph)
            return draft if draft is not None and draft.cue not in cues else None
    return None


def _second_report(doc: Doc, toks: list, paragraph: int, first: Draft, cues: set) -> list:
    """'Trump said the race was over, but Cruz argued it had just begun': a second subject
    and verb after ', but' inside the first report's content end it at the comma and
    report too."""
    a, b = first.spans[-1]
    k = _conjunct(toks, a, b, doc.lex.clause_conjunctions)
    if k is None:
        return []
    second = leading.find(doc, toks[k + 1 :], paragraph)
    end = toks[k - 2][1]
    if second is None or second.cue in cues or end <= a:
        return []
    first.spans[-1] = (a, end)
    first.outer = (first.spans[0][0], end)
    return [second]


def _conjunct(toks: list, a: int, b: int, conjunctions: frozenset[str]) -> int | None:
    """Where the first ', but', ', and', ', while' … inside text[a:b] stands, if anywhere."""
    for k in range(2, len(toks) - 2):
        inside = a < toks[k - 1][0] and toks[k][0] < b
        if inside and toks[k][2] in conjunctions and toks[k - 1][2] == ",":
            return k
    return None


def _colon(doc: Doc) -> int:
    """Where a headline's words before a colon end ("Trump: ‘I’m the Worst …’" is a
    quote after them, "Graham: Trump’s ‘Hateful Rhetoric’ …" a report around one)."""
    s, e = doc.headline
    colon = doc.text.find(":", s, e)
    return e if colon < 0 else colon


def _after_quotes(doc: Doc, quoted, i: int, s: int, e: int):
    """(start, end, quote) of the words after each quotation of sentence [s, e) that
    does not end with its own full stop, up to the next quotation or the sentence's end."""
    while i < len(quoted) and quoted[i][0] < e:
        qe = quoted[i][1]
        nxt = quoted[i + 1][0] if i + 1 < len(quoted) and quoted[i + 1][0] < e else e
        if quoted[i][0] >= s and qe < nxt and not _ends_sentence(doc.text, qe, e):
            yield qe, nxt, quoted[i]
        i += 1


def _ends_sentence(text: str, qe: int, e: int) -> bool:
    """'…heart.” He said': the quote closes with its own full stop and a capital follows."""
    k = qe
    while k > 0 and text[k - 1] in _CLOSERS:
        k -= 1
    if k == 0 or text[k - 1] not in ".!?":
        return False
    rest = text[qe:e].lstrip()
    return bool(rest) and rest[0].isupper()


def _heading(doc: Doc, p: int, s: int, e: int) -> bool:
    """A section heading ("The Duma calls for missiles on Zelensky’s residence"): a
    paragraph of one sentence with no full stop at its end."""
    return doc.paragraphs[p] == (s, e) and doc.text[e - 1] not in ".!?…" + _CLOSERS
