"""What the shapes of reported speech share: the clause after a verb, its subject, a draft."""

from __future__ import annotations

import re

from ...lexicon import ReportingVerb
from ...state import Doc, Draft
from .. import phrases, postmodified
from ..phrases import Phrase, Token
from . import bare_clause, clause_subject, quantifiers

# Fewest words of reported content, by what follows the verb: "declined to comment" is
# an attribution, "said so" is not.
MIN_WORDS = {"say": 4, "clause": 4, "frame": 4, "to": 2, "object": 1}
_CLAUSE_BREAKS = {";", ":", "—", "–"}
_TRAILING_PARTICIPLE = re.compile(r",\s+(?:\w+ly\s+)?\w+ing$")
_CURRENCY = {"$", "£", "€"}
_OBJECT_REACH = 12  # tokens from the verb within which "that" may follow its listener


def _object_before(doc: Doc, toks: list[Token], start: int, end: int) -> bool:
    """Are toks[start:end] one short object ("reporters", "CNN", "the crowd", "him")
    with no verb or punctuation in it?"""
    words = [t[2] for t in toks[start:end] if t[2] not in {"’", "'", "s"}]
    if not words or len(words) > 5 or not all(w.isalpha() or w in {"’s", "'s"} for w in words):
        return False
    first = words[0].lower()
    return (
        first in doc.lex.object_pronouns
        or words[0][:1].isupper()
        or (first in doc.lex.noun_markers and len(words) > 1)
        or (len(words) == 1 and first.endswith("s"))  # "reporters", "voters"
    )


_APOSTROPHE = re.compile(r"[’']")


def word(tok: Token) -> str:
    """The token's word folded for lexicon lookups ("she’ll" -> "she")."""
    return _APOSTROPHE.split(tok[2].lower(), 1)[0]


def verb_at(doc: Doc, toks: list[Token], j: int) -> tuple[ReportingVerb, int] | None:
    """The verb of reported speech at toks[j] and the index right after it (and its
    particle: "pointed out"), or None."""
    w = toks[j][2]
    verb = doc.lex.indirect_verbs.get(w) if w.islower() else None
    if verb is None:
        return None
    if j and toks[j - 1][2].lower() in doc.lex.noun_markers:
        return None  # "his support", "the show": a noun
    after = j + 1
    if verb.particle:
        if after >= len(toks) or toks[after][2].lower() != verb.particle:
            return None
        after += 1
    return verb, after


def passive(doc: Doc, toks: list[Token], j: int) -> bool:
    """'it was said', 'is expected to': a participle after 'be' names no speaker
    ('is saying' does)."""
    if j == 0 or toks[j][2].lower().endswith("ing"):
        return False
    i = j - 1
    while i > 0 and phrases.adverb(toks[i][2]):
        i -= 1
    return toks[i][2].lower() in doc.lex.passive_auxiliaries


#: What a step of complement() returns when it decides nothing and the next one reads on.
_UNDECIDED = (-1, "")
Opening = tuple[int, str] | None


def complement(doc: Doc, toks: list[Token], after: int, verb: ReportingVerb) -> Opening:
    """Where the reported content starts after the verb, and how ('clause', 'to',
    'object', 'frame'), or None when what follows is no report ('said in Iowa')."""
    if after >= len(toks):
        return None
    after = _past_skipped(toks, after, doc.lex)
    after = _past_day(doc, toks, after)
    steps = [_infinitive] if "to" in verb.kinds else []
    if verb.kinds & {"say", "clause", "frame"}:
        steps += [_that_clause, _clause_after_comma, _past_adjunct, _clause, _listener, _bare]
    for step in steps:
        opening = step(doc, toks, after, verb)
        if opening != _UNDECIDED:
            return opening
    return _object(doc, toks, after, verb)


def _past_skipped(toks: list[Token], after: int, lex) -> int:
    """„erklärte hingegen, …“: a comma after skipped words stands for the verb's end."""
    m = after
    while m < len(toks) - 1 and toks[m][2].lower() in lex.skip_words:
        m += 1
    return m if toks[m][2] == "," else after


def _past_day(doc: Doc, toks: list[Token], after: int) -> int:
    """'vowed Tuesday to remain', 'agreed Monday that': a bare day before 'to' or 'that'
    belongs to the verb."""
    nxt = after + 1
    if (
        nxt < len(toks)
        and word(toks[after]) in doc.lex.time_names
        and word(toks[nxt]) in {"to", "that"}
    ):
        return nxt
    return after


def _infinitive(doc: Doc, toks: list[Token], after: int, verb: ReportingVerb) -> Opening:
    """'plans to vote', 'threatened not to show up' (the negation is reported)."""
    n, nxt = len(toks), word(toks[after])
    to = after + 1 if nxt == "to" else after + 2
    if nxt == "not" and not (after + 2 < n and word(toks[after + 1]) == "to"):
        return _UNDECIDED
    if nxt not in {"to", "not"}:
        return _UNDECIDED
    if to < n and toks[to][2].isalpha() and toks[to][2].islower():
        return after, "to"
    return None


def _that_clause(doc: Doc, toks: list[Token], after: int, verb: ReportingVerb) -> Opening:
    """'said that …'; 'said that is highly unlikely': there 'that' is the subject."""
    if word(toks[after]) not in doc.lex.complementizers:
        return _UNDECIDED
    if after + 1 < len(toks) and word(toks[after + 1]) in doc.lex.auxiliaries:
        return after, "clause"
    return after + 1, "clause"


def _clause_after_comma(doc: Doc, toks: list[Token], after: int, verb: ReportingVerb) -> Opening:
    """„sagte, dass …“, „sagte, er werde …“, „erklärte, damit solle …“."""
    lex = doc.lex
    if toks[after][2] != "," or after + 1 >= len(toks):
        return _UNDECIDED
    w2 = word(toks[after + 1])
    if w2 in lex.complementizers:
        return after + 2, "clause"
    opener = (lex.clause_starts, lex.pronouns, lex.noun_phrase_starts, lex.question_words)
    if any(w2 in words for words in opener):
        return after + 1, "clause"
    if any(t[2] in lex.konjunktiv for t in toks[after + 1 :]):
        return after + 1, "clause"
    return _UNDECIDED


def _past_adjunct(doc: Doc, toks: list[Token], after: int, verb: ReportingVerb) -> Opening:
    """'said on Friday he would', 'said in a statement that': past a short adjunct."""
    if word(toks[after]) not in doc.lex.time_adjuncts:
        return _UNDECIDED
    for m in range(after + 1, min(len(toks), after + 7)):
        w = word(toks[m])
        if w in doc.lex.complementizers:
            return m + 1, "clause"
        if w in doc.lex.clause_subjects:
            return m, "clause"
    return None


def _clause(doc: Doc, toks: list[Token], after: int, verb: ReportingVerb) -> Opening:
    """A clause right after the verb ('said he would', 'asked whether'); after a verb that
    may take an object ('accused Mr Brown of …', 'announced a freeze on fuel duty') it is
    shown led by its verb rather than as 'said that …'."""
    lex = doc.lex
    raw, nxt = toks[after][2], word(toks[after])
    if nxt in lex.question_words and "clause" in verb.kinds:
        return after, "clause"  # "asked whether he would run", "explained how it works"
    capital = raw[:1].isupper() and nxt != "i" and not lex.limits.get("capitalised_nouns")
    says = "say" in verb.kinds and raw.isalpha() and nxt not in lex.clause_non_starts
    opens = nxt in lex.clause_starts or capital or says
    if (
        "addressee" in verb.kinds
        and nxt not in lex.complementizers
        and nxt not in lex.question_words
    ):
        return _UNDECIDED  # "told the council members of the plan": a listener, no clause
    if not opens:
        return _UNDECIDED
    if verb.kinds & {"frame", "object"} and nxt not in doc.lex.clause_subjects:
        return after, "frame"
    return after, "clause"


def _listener(doc: Doc, toks: list[Token], after: int, verb: ReportingVerb) -> Opening:
    """'told reporters that', 'told CNN on Sunday that': an object, then 'that'; 'told
    reporters this was', 'assured voters he would': an object, then a subject; 'told
    Megyn not to worry': a listener, then an infinitive (shown with both)."""
    n = len(toks)
    for m in range(after, min(n, after + _OBJECT_REACH)):
        w = word(toks[m])
        if w in doc.lex.complementizers:
            return m + 1, "clause"
        if m == after or not toks[m][2].islower():
            continue
        if w in doc.lex.object_subjects or w in doc.lex.question_words:
            return (m, "clause") if _object_before(doc, toks, after, m) else None
        infinitive = w == "to" or w == "not" and m + 1 < n and word(toks[m + 1]) == "to"
        if "addressee" in verb.kinds and infinitive:
            return (after, "to") if _object_before(doc, toks, after, m) else None
    return _UNDECIDED


def _bare(doc: Doc, toks: list[Token], after: int, verb: ReportingVerb) -> Opening:
    """'Polls show working-class whites could be …': see bare_clause.py."""
    start = bare_clause.opening(doc, toks, after, verb)
    return _UNDECIDED if start is None else (start, "clause")


def _object(doc: Doc, toks: list[Token], after: int, verb: ReportingVerb) -> Opening:
    """'endorsed Mr. Cruz', 'calls for $1 trillion in new spending'."""
    if "object" not in verb.kinds:
        return None
    raw, nxt = toks[after][2], word(toks[after])
    if raw in _CURRENCY and after + 1 < len(toks):
        return after, "object"
    if raw.islower() and raw.endswith("ed"):
        return None  # "the cases cited involved …": a participle, then the verb
    if not raw.isalpha() or nxt in doc.lex.clause_non_starts:
        return None
    if nxt in doc.lex.object_pronouns or raw[:1].isupper() or nxt in doc.lex.noun_phrase_starts:
        return after, "object"
    if raw.islower() and nxt not in doc.lex.function_words:
        return after, "object"
    return None


def subject(doc: Doc, toks: list[Token], j: int, lo: int = 0) -> Phrase | None:
    """Who reports: the noun phrase before the verb at toks[j], the subject of the first
    verb when this one is coordinated ('Graham called … and said'), or a description
    that opens the clause ('The billionaire real estate magnate says')."""
    i = j - 1
    while i >= lo and (toks[i][2].lower() in doc.lex.skip_words or phrases.adverb(toks[i][2])):
        i -= 1
    if i < lo:
        return None
    if i + 1 < j and toks[i + 1][2].lower() == "to" and _place_before(doc, toks, i, lo):
        return None  # "came on the show to talk about": a purpose, whose speech is unsaid
    if toks[i][2].lower() in doc.lex.coordinators:
        return _first_subject(doc, toks, i, lo)
    if toks[i][2].lower() == "who" and i > lo and toks[i - 1][2] != ",":
        return _restrictive_antecedent(doc, toks, i, lo)
    contracted = phrases.contracted_pronoun(toks[i], doc.lex) if i == j - 1 else None
    if contracted is not None:
        return contracted  # "He’s suggesting that", "They’re saying"
    if toks[j][2].lower().endswith("ing"):
        if toks[i][2] == "," and i == j - 1:
            # "Clinton attacked Trump, saying he would…": the subject is the clause's
            return _first_subject(doc, toks, i, lo)
        if toks[j - 1][2].lower() not in doc.lex.passive_auxiliaries:
            # "the drones were Ukrainians adding that": whose participle?
            return _with_subject(doc, toks, i, lo)
    adjunct = _time_adjunct_start(doc, toks, i, lo)
    if adjunct is not None:
        j, i = adjunct, adjunct - 1  # "Clinton on Tuesday said": the subject is before it
    described = _postmodified(doc, toks, lo, i)
    if described is not None:
        return described  # "Aides to Clinton say": no name inside the modifier speaks
    phrase = phrases.backward(toks, j, doc.lex, doc.text, lo)
    if phrase is not None:
        return None if _preposition(doc, phrase) else phrase
    phrase = description(doc, toks, _conjunct_start(doc, toks, lo, i), i)
    if phrase is None:
        phrase = quantifiers.subject(doc, toks, lo, i, j)
    if phrase is None:
        phrase = _after_opener(doc, toks, lo, i, j)
    return phrase if phrase is not None else clause_subject.subject(doc, toks, lo, i, j)


def _postmodified(doc: Doc, toks: list[Token], lo: int, i: int) -> Phrase | None:
    """A description with its prepositional phrases that opens the clause ending at
    toks[i]: at lo, after a coordinator or break, or after an opening phrase's comma
    ("In Texas, half of GOP primary voters said")."""
    starts = {lo, _conjunct_start(doc, toks, lo, i)}
    comma = next((k for k in range(i - 1, lo - 1, -1) if toks[k][2] == ","), None)
    opener = toks[lo][2].lower()
    if comma is not None and (opener in doc.lex.prepositions or opener in doc.lex.subordinators):
        starts.add(comma + 1)  # not "Lisa Power, head of policy at …, said": an appositive
    for start in sorted(starts):
        phrase = postmodified.description(doc, toks, start, i)
        if phrase is not None:
            return phrase
    return None


def _preposition(doc: Doc, phrase: Phrase) -> bool:
    """'Following claims that …', 'Among them': a capitalised preposition read as a name."""
    first = doc.text[phrase.start : phrase.end].split(None, 1)
    low = first[0].lower() if first else ""
    return low in doc.lex.subject_non_starts or low in doc.lex.prepositions


def _place_before(doc: Doc, toks: list[Token], i: int, lo: int) -> bool:
    """Does a noun phrase end at toks[i] ("on the show", "a meeting", "in Palo Alto",
    "used BlackBerrys"), the place, event or means of a purpose infinitive? A catenative
    verb before 'to' ("is trying to show", "need to realize") is lowercase and follows
    neither a determiner nor a preposition."""
    if not toks[i][2].islower() or not toks[i][2].isalpha():
        # "AFL-CIO to endorse Clinton" opens a headline: 'to' is its future
        return any(t[2].islower() for t in toks[lo:i])
    words = [t[2].lower() for t in toks[max(lo, i - 3) : i]]
    if not words:
        return False
    return words[-1] in doc.lex.noun_markers or bool(doc.lex.purpose_places & set(words))


def _with_subject(doc: Doc, toks: list[Token], i: int, lo: int) -> Phrase | None:
    """'with polls showing a tightening race', 'with 62 percent of voters saying …': after
    'with', the description or name right before the participle is its subject."""
    for k in range(i, max(lo, i - 7) - 1, -1):
        if toks[k][2] != "with":
            continue
        if k == i:
            return None
        phrase = description(doc, toks, k + 1, i)
        if phrase is None:
            phrase = phrases.backward(toks, i + 1, doc.lex, doc.text, k + 1)
        if phrase is None or phrase.pronoun or phrase.start != toks[k + 1][0]:
            return None
        return phrase
    return None


def _time_adjunct_start(doc: Doc, toks: list[Token], i: int, lo: int) -> int | None:
    """Where a short time adjunct ending at toks[i] starts ('on Tuesday', 'in March',
    'last week', 'on Dec. 8'), when a word stands before it; else None."""
    k = i
    while (
        k > lo
        and i - k < 3
        and (toks[k][2].lower() in doc.lex.time_names or toks[k][2].isdigit() or toks[k][2] == ".")
    ):
        k -= 1
    if k == i or k <= lo or toks[k][2].lower() not in doc.lex.time_adjuncts:
        return None
    return k


def _conjunct_start(doc: Doc, toks: list[Token], lo: int, i: int) -> int:
    """Where the clause ending at toks[i] starts: after ', and', ', but', ';', ':' or a
    dash within a few words ('…, and aides say he will run'), or after the 'And' or 'But'
    that opens it ('But critics say'), else at lo."""
    for k in range(i - 1, max(lo, i - 6) - 1, -1):
        w = toks[k][2].lower()
        joined = w in doc.lex.coordinators and (k == lo or toks[k - 1][2] == ",")
        if w in _CLAUSE_BREAKS or joined:
            return k + 1
    return lo


def _after_opener(doc: Doc, toks: list[Token], lo: int, i: int, j: int) -> Phrase | None:
    """A description after an opening phrase and its comma ("Among Trump voters, 74
    percent said"), or after a subordinator within the sentence ("…, while 22 percent
    said", "… as polls show"):
    the nearest comma within a few words starts it. Not a list ("Crane, Kibbe and other
    libertarians"), not a clause ("Donald Trump achieved 45 percent support"), not a
    subordinate clause that opens the sentence (its report ends at its comma), and only
    right before its verb or an adverb ("Hizbollah, …, seems unlikely to want")."""
    if any(
        not (phrases.adverb(t[2]) or t[2] in doc.lex.skip_words) or t[2] == "to"
        for t in toks[i + 1 : j]
    ):
        return None
    for k in range(i - 1, max(lo, i - 7) - 1, -1):
        w = toks[k][2].lower()
        if w in doc.lex.subordinators and k > lo:
            w, k = ",", k  # ", while 22 percent said": the subordinator is not the subject
        elif w != ",":
            continue
        if w == "," and toks[k - 1][2].isdigit() and toks[k + 1][2].isdigit():
            return None  # "250,000 shoppers"
        words = [t[2] for t in toks[k + 1 : i + 1]]
        if {x.lower() for x in words} & doc.lex.description_breaks:
            return None  # a list, or "a situation which critics say"
        if any(x.islower() and x.endswith("ed") for x in words):
            return None
        start = k + 1
        if start <= i and toks[start][2].lower() in doc.lex.subordinators:
            start += 1
        return description(doc, toks, start, i)
    return None


def _restrictive_antecedent(doc: Doc, toks: list[Token], i: int, lo: int) -> Phrase | None:
    """'business leaders who say the law targets them', 'a Republican who described
    himself as …': the name or the plural noun right before 'who' reports."""
    phrase = phrases.backward(toks, i, doc.lex, doc.text, lo, antecedent=True)
    if phrase is None or phrase.pronoun or not phrase.name[:1].isupper():
        head = toks[i - 1][2]
        if not (head.islower() and head.endswith("s") and head not in doc.lex.function_words):
            return None  # "those who said": no one named
        phrase = description(doc, toks, i - 1, i - 1)  # "voters who said"
    return phrase


def _first_subject(doc: Doc, toks: list[Token], stop: int, lo: int) -> Phrase | None:
    """The subject the sentence opens with: the phrase before its first verb."""
    for k in range(lo + 1, min(stop, lo + 15)):
        w = toks[k][2]
        if not (w.isalpha() and w.islower()) or w in doc.lex.skip_words or phrases.adverb(w):
            continue
        if w in doc.lex.function_words or w in doc.lex.noun_phrase_starts:
            continue
        phrase = phrases.backward(toks, k, doc.lex, doc.text, lo)
        if phrase is None:
            phrase = description(doc, toks, lo, k - 1)
        if phrase is not None and phrase.start == toks[lo][0]:
            return phrase
        return None
    return None


def description(doc: Doc, toks: list[Token], lo: int, i: int) -> Phrase | None:
    """'The billionaire real estate magnate', 'Six in 10': a short noun phrase from the
    start of the clause to just before the verb, ending in a noun or a number."""
    lex = doc.lex
    if i < lo or i - lo > 6:
        return None
    head = toks[i][2]
    low = head.lower()
    if head == "%" and i > lo and toks[i - 1][2].isdigit():
        head = low = "percent"  # "26% say they are conservative"
    if not (head.isalnum()) or low in doc.lex.function_words or low in lex.time_words:
        return None
    if low in doc.lex.pronouns or low in lex.noun_phrase_starts or head.endswith("ly"):
        return None
    known = (
        low in lex.role_nouns
        or low in lex.org_nouns
        or low in lex.documents
        or low in lex.shares  # "Some 22 percent said", "a majority say"
    )
    if not (known or head[0].isdigit() or (head.islower() and low.endswith("s"))):
        return None  # "the rowdy feel": the head must be a source, a plural or a number
    words = [t[2] for t in toks[lo : i + 1]]
    if any(not (w.isalnum() or w in {"-", "&", "’s", "'s", "’", "'", "%"}) for w in words):
        return None
    first = words[0]
    opens = first.lower() in lex.noun_phrase_starts or first[0].isdigit()
    proper = first[:1].isupper() and first.lower() not in lex.function_words
    if len(words) > 1 and not opens and not proper:
        return None
    start, end = toks[lo][0], toks[i][1]
    return Phrase(start, end, doc.text[start:end], None, None)


def content(doc: Doc, a: int, b: int, min_words: int) -> tuple[int, int] | None:
    """The reported content in text[a:b], trimmed of punctuation; None when too short."""
    text = doc.text
    while a < b and not (text[a].isalnum() or text[a] in _CURRENCY):
        a += 1
    while b > a and not (text[b - 1].isalnum() or text[b - 1] == "%"):
        b -= 1
    # "dismissed the latest claims, saying “…”": the participle leads into a quotation
    m = _TRAILING_PARTICIPLE.search(text, a, b)
    if m is not None and m.end() == b:
        b = m.start()
    if len(text[a:b].split()) < min_words:
        return None
    return a, b


def report_at(
    doc: Doc, toks: list[Token], j: int, frame: bool | None = None
) -> tuple[ReportingVerb, int, int, str] | None:
    """The verb of reported speech at toks[j], not a passive (of the frame kind or not,
    when frame says), and where its report opens: (verb, index after it, start, kind)."""
    hit = verb_at(doc, toks, j)
    if hit is None or passive(doc, toks, j):
        return None
    if frame is not None and ("frame" in hit[0].kinds) != frame:
        return None
    opening = complement(doc, toks, hit[1], hit[0])
    return None if opening is None else (hit[0], hit[1], *opening)


def content_after(
    doc: Doc, toks: list[Token], k: int, kind: str, verb: ReportingVerb | None = None
) -> tuple[int, int] | None:
    """The report's content from toks[k] (where complement() opened it) to the clause's
    end, or None when it is too short for its kind. After a verb of speech ("said", not
    "thought"), a pronoun and its verb are enough ("said he would")."""
    start = toks[k][0] if k < len(toks) else toks[-1][1]
    speech = verb is not None and verb.lemma in doc.lex.short_report_verbs
    short = speech and kind == "clause" and _subject_verb(doc, toks, k)
    fewest = _SHORT_CLAUSE if short else MIN_WORDS[kind]
    return content(doc, start, toks[-1][1], fewest)


_SHORT_CLAUSE = 2  # "said he would", "said they were angry": a subject and its verb


def _subject_verb(doc: Doc, toks: list[Token], k: int) -> bool:
    """Does the clause at toks[k] open with a pronoun and a verb ("he would", "they were
    angry", "she supported it"), or a plural noun and an auxiliary ("prices would rise"),
    and end its sentence? Then it is a report however short
    ("said it all" is not: 'all' is no verb)."""
    if k + 1 >= len(toks) or toks[-1][2] not in {".", "!", "?"}:
        return False  # "said she asked “…”": the clause goes on in a quotation
    if word(toks[k]) not in doc.lex.clause_subjects:
        return _noun_subject_verb(doc, toks, k)
    verb = toks[k + 1][2]
    if word(toks[k + 1]) in doc.lex.auxiliaries:
        return True
    return verb.isalpha() and verb.islower() and verb.endswith(("ed", "s")) and len(verb) > 3


def _noun_subject_verb(doc: Doc, toks: list[Token], k: int) -> bool:
    """'said prices would rise', 'said pupils were struggling': a plural noun and an
    auxiliary ("said goodbye was" is no plural; "said things are" …)."""
    noun = toks[k][2]
    if not (noun.isalpha() and noun.islower() and noun.endswith("s") and len(noun) > 3):
        return False
    if noun in doc.lex.function_words:
        return False
    return word(toks[k + 1]) in doc.lex.auxiliaries


def verb_draft(
    doc: Doc,
    span: tuple[int, int],
    toks: list[Token],
    verb_span: tuple[int, int],
    kind: str,
    phrase: Phrase,
    paragraph: int,
    rule: str,
) -> Draft:
    """A report led by the verb at toks[verb_span[0]:verb_span[1]] (with its particle):
    shown "X said that …", or led by its verb where it reports an infinitive or an
    object ("Plans to send a nominee", "Accused Mr Obama of …")."""
    cue = (toks[verb_span[0]][0], toks[verb_span[1] - 1][1])
    d = draft(doc, [span], cue, phrase, paragraph, rule)
    d.report = {"to": "to", "object": "object", "frame": "object"}.get(kind)
    return d


def draft(
    doc: Doc,
    spans: list[tuple[int, int]],
    cue: tuple[int, int],
    phrase: Phrase,
    paragraph: int,
    rule: str,
) -> Draft:
    """An indirect quote of the content spans, credited to phrase."""
    d = Draft(list(spans), (spans[0][0], spans[-1][1]), paragraph, rule=rule, type="indirect")
    d.cue, d.mention = cue, (phrase.start, phrase.end)
    d.speaker, d.kind, d.role, d.pronoun = phrase.name, phrase.kind, phrase.role, phrase.pronoun
    d.speaker_rule = rule
    shown = " … ".join(doc.snippet(s, e) for s, e in spans)
    doc.log(rule, "indirect", f"{shown} <- {doc.snippet(phrase.start, phrase.end)}")
    return d
