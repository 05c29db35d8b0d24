"""A cue before the quote: "Volodin thundered: “…”", "Peskov said that “…”"; the last
cue of the quote's frame to the left, and the speaker before or after it."""

from __future__ import annotations

import re

from ...state import Doc, Draft
from .. import phrases, postmodified
from .frame import after_colon, pronoun_after, set_speaker
from .subject import subject
from .verb_second import finite_verb, object_first, second_main_clause, verb_second_subject

_PARTICIPLE = re.compile(r"\w+ing$")


def _before_adverbial(
    toks: list[phrases.Token], phrase: phrases.Phrase, lex, text: str
) -> phrases.Phrase:
    """The subject before the prepositional phrases that end with this noun phrase ("Trump
    in his announcement speech", "a story by the website Politico"); the phrase itself
    when no noun phrase stands before them."""
    found = phrase
    for _ in range(3):
        k = next((k for k, t in enumerate(toks) if t[0] == found.start), 0)
        prep = toks[k - 1][2].lower() if k > 0 else ""
        if found.pronoun or prep not in lex.prepositions or prep in lex.subordinators:
            return found
        if prep == "with":
            return found  # "…, with Mr Dixon quoted as saying": the noun phrase speaks
        found = phrases.backward(toks, k - 1, lex, text)
        if found is None or (_named(phrase) and not _named(found) and not found.pronoun):
            return phrase  # "A spokesman for Mr Blair said": the name, not the description
    return phrase


def _named(phrase: phrases.Phrase) -> bool:
    return any(w[:1].isupper() for w in phrase.name.split()[1:] or phrase.name.split())


def _after_possessive(toks: list[phrases.Token], j: int, lex) -> bool:
    """Is the cue word at toks[j] a noun owned by someone ("Trump’s comments", "his
    call for")? Then it names speech, it does not introduce this quote."""
    before = toks[j - 1][2] if j > 0 else ""
    if before.lower() in lex.possessives:
        return True
    owner = before[:-2].lower()
    # "He’s said", "that’s called": a contraction of "is" or "has", not an owner
    return before.endswith(("’s", "'s", "s’", "s'")) and owner not in lex.function_words


#: What a rule returns to leave this cue word and read the one before it.
_NEXT_CUE = "next cue"
Decision = bool | str | None  # True or False: decided; _NEXT_CUE; None: the next rule reads


def before_quote(doc: Doc, d: Draft, left: list[phrases.Token]) -> bool:
    """The last cue before the quote and its speaker, or a colon right before it; False
    when none is found. Each rule returns True or False when it decides, None when the
    next one reads on."""
    lex = doc.lex
    for j in range(len(left) - 1, -1, -1):
        low = left[j][2].lower()
        if low in lex.frame_cues and (left[j][2].islower() or j == 0):
            if _after_possessive(left, j, lex):
                continue  # "told CNN that Ginsburg’s comments “…”": a noun, not the cue
            decided = None
            for rule in (_so_speaker, _verb_second, _participle, _passive_agent, _cue_before):
                decided = rule(doc, d, left, j)
                if decided is not None:
                    break
            if decided is None or decided == _NEXT_CUE:
                continue
            return bool(decided)
        if low == "according" and j + 1 < len(left) and left[j + 1][2].lower() == "to":
            phrase = phrases.forward(left, j + 2, lex, doc.text)
            return set_speaker(doc, d, (left[j][0], left[j + 1][1]), phrase, "according-to")
    if left and left[-1][2] == ":" and len(left) > 1:
        return _colon_before(doc, d, left)
    return False


def _so_speaker(doc: Doc, d: Draft, left: list[phrases.Token], j: int) -> Decision:
    """ "…, so der Sprecher: „…“", "so Müller weiter": the speaker follows "so"; "so"
    before a verb or before nothing is an adverb ("So sagte …")."""
    if not doc.lex.verb_second or left[j][2].lower() != "so":
        return None
    nxt = left[j + 1][2] if j + 1 < len(left) else ""
    if not nxt or (nxt.islower() and nxt not in doc.lex.noun_phrase_starts):
        return _NEXT_CUE
    phrase = phrases.forward(left, j + 1, doc.lex, doc.text)
    if phrase is None:
        return _NEXT_CUE
    return set_speaker(doc, d, (left[j][0], left[j][1]), phrase, "so-speaker")


def _verb_second(doc: Doc, d: Draft, left: list[phrases.Token], j: int) -> Decision:
    """Verb second: "Dazu sagte der Sprecher: „…“" names the speaker after the verb."""
    lex = doc.lex
    if not lex.verb_second or j == 0:
        return None
    clause = after_colon(left, j)
    phrase = (
        pronoun_after(left, j, lex)
        or _relative_subject(left, j, lex, doc.text)
        or _main_after_wie(clause, j - (len(left) - len(clause)), lex, doc.text)
        or object_first(clause, j - (len(left) - len(clause)), lex, doc.text)
        or second_main_clause(clause, j - (len(left) - len(clause)), lex, doc.text)
        or verb_second_subject(clause, lex, doc.text)
    )
    quotes = left[j][2].lower().startswith("zitier")
    if phrase is not None and quotes and phrase.end <= left[j][0]:
        # "Der Spiegel zitiert den Prediger mit den Worten:": the object speaks
        phrase = _quoted_object(left, j, lex, doc.text) or phrase
    if phrase is None:
        return None
    return set_speaker(doc, d, (left[j][0], left[j][1]), phrase, "verb-second")


def _participle(doc: Doc, d: Draft, left: list[phrases.Token], j: int) -> Decision:
    """ "Fiorina backed Cruz on Wednesday, saying …", "Trump released a statement
    explaining …": the clause's subject speaks, not the noun before the verb."""
    if not _PARTICIPLE.match(left[j][2].lower()) or j <= 1:
        return None
    phrase = _participle_agent(left, j, doc.lex, doc.text) or subject(left[:j], doc.lex, doc.text)
    if phrase is None:
        return None
    return set_speaker(doc, d, (left[j][0], left[j][1]), phrase, "participle-subject")


def _passive_agent(doc: Doc, d: Draft, left: list[phrases.Token], j: int) -> Decision:
    """ "X was asked: “…”", "described by Jobs as “…”": the subject is spoken to or of;
    only an agent after "by" speaks."""
    low = left[j][2].lower()
    if j == 0 or not low.endswith(("ed", "ld", "en")):
        return None
    if left[j - 1][2].lower() not in doc.lex.passive_auxiliaries:
        return None
    by = next((k for k in range(j + 1, len(left)) if left[k][2] == "by"), None)
    phrase = phrases.forward(left, by + 1, doc.lex, doc.text) if by is not None else None
    if phrase is None or not any(w[:1].isupper() for w in phrase.name.split()):
        if any(t[2] in doc.lex.frame_cues and t[2].islower() for t in left[:j]):
            # "Howard said he would be remembered with “…”": the passive is inside the
            # clause a verb before it reports
            return _NEXT_CUE
        doc.log("cues", "passive", f"{doc.snippet(*d.spans[0])}: no agent")
        return False
    return set_speaker(doc, d, (left[j][0], left[j][1]), phrase, "passive-agent")


def _cue_before(doc: Doc, d: Draft, left: list[phrases.Token], j: int) -> Decision:
    """The subject before the cue ("Volodin thundered:"), or the name after a cue that
    opens the sentence ("Said Peskov: “…”")."""
    lex = doc.lex
    described = postmodified.before_verb(doc, left, j)
    if described is not None:  # "Another member of the Cabinet says: “…”"
        return set_speaker(doc, d, (left[j][0], left[j][1]), described, "cue-before")
    phrase = phrases.backward(left, j, lex, doc.text)
    if phrase is None and j == 0 and len(left) > 1:
        phrase = phrases.forward(left, j + 1, lex, doc.text)
    if phrase is None:
        return _NEXT_CUE
    # "Trump in his announcement speech called": the noun before the cue ends an
    # adverbial; the subject stands before it
    phrase = _before_adverbial(left, phrase, lex, doc.text)
    return set_speaker(doc, d, (left[j][0], left[j][1]), phrase, "cue-before")


def _colon_before(doc: Doc, d: Draft, left: list[phrases.Token]) -> bool:
    """A colon right before the quote: a digest's source, the speaker alone ("The
    Kremlin: “…”"), or the subject of the sentence the colon ends."""
    lex = doc.lex
    colon = (left[-1][0], left[-1][1])
    phrase = _dash_source(left, lex, doc.text)
    if phrase is not None:
        # a digest item, "IOWA POLLS NOT WRONG - Mark Blumenthal: “…”"
        return set_speaker(doc, d, colon, phrase, "dash-source")
    phrase = phrases.backward(left, len(left) - 1, lex, doc.text)
    if phrase is not None and phrase.start == left[0][0]:
        return set_speaker(doc, d, colon, phrase, "colon")
    # "Trump released the following statement: “…”": the sentence's subject speaks;
    # the words before the colon are its object
    if lex.verb_second:
        verb = finite_verb(left[:-1], lex)
        phrase = (
            (object_first(left[:-1], verb, lex, doc.text) if verb is not None else None)
            or verb_second_subject(left[:-1], lex, doc.text)
            or _verbless_colon(left[:-1], lex, doc.text)
        )
    else:
        phrase = subject(left[:-1], lex, doc.text)
    if phrase is not None and _reported_colon(doc, d, left, phrase):
        return True
    if phrase is not None and (phrase.pronoun or any(w[:1].isupper() for w in phrase.name.split())):
        return set_speaker(doc, d, colon, phrase, "colon-subject")
    return False


def _reported_colon(doc: Doc, d: Draft, left: list[phrases.Token], phrase: phrases.Phrase) -> bool:
    """German 'Queensland sei Neuseeland zu Dank verpflichtet: „…“': a clause in the
    Konjunktiv before the colon goes on with reported speech; its subject, unless a person
    or a pronoun, is what is spoken of, and the speaker comes before (step 'reported')."""
    lex = doc.lex
    if not lex.reported_verbs or phrase.pronoun or phrase.kind == "person":
        return False
    if not any(t[2] in lex.reported_verbs for t in left):
        return False
    d.reported = True
    doc.log("reported", "no cue", f"{doc.snippet(*d.spans[0])}: after a clause in reported speech")
    return True


def _relative_subject(toks: list[phrases.Token], j: int, lex, text: str) -> phrases.Phrase | None:
    """The cue at toks[j] ends a relative clause: 'die Gerhard Schröder … erklärt hatte:'
    (a name after the pronoun is the subject), 'Demonstranten, die unter anderem
    skandierten:' (no noun after it: the pronoun is, and stands for the noun before)."""
    comma = next((k for k in range(j - 1, -1, -1) if toks[k][2] == ","), None)
    if comma is None or comma + 2 > j or toks[comma + 1][2] not in lex.relative_pronouns:
        return None
    nxt = toks[comma + 2][2]
    low = nxt.lower()
    if low in lex.subject_pronouns:
        return phrases.Phrase(*toks[comma + 2][:2], nxt, None, None, pronoun=low)
    articles = lex.noun_phrase_starts | lex.adjective_openers
    if phrases.capitalised(nxt) and low not in articles and low not in lex.function_words:
        return phrases.forward(toks, comma + 2, lex, text, hi=j)
    if comma + 2 < j and (not nxt.islower() or low in articles):
        return None  # "die die Techniker … bezeichneten": a noun phrase may be the subject
    ante = phrases.backward(toks, comma, lex, text, antecedent=True)
    if ante is None or ante.pronoun:
        return None
    s, e, _ = toks[comma + 1]
    return phrases.Phrase(s, e, ante.name, ante.kind, ante.role)


def _main_after_wie(toks: list[phrases.Token], j: int, lex, text: str) -> phrases.Phrase | None:
    """'Wie die Sportzeitung veröffentlichte, soll Anelka gesagt haben:': a cue after a
    "wie" clause whose own verb does not speak is the main clause's; its subject follows
    the verb after the comma (but 'Wie der Minister erklärte, sieht die Regierung …')."""
    if not toks or toks[0][2].lower() != "wie":
        return None
    comma = next((k for k, t in enumerate(toks[:j]) if t[2] == ","), None)
    if comma is None or comma + 2 >= len(toks) or not toks[comma + 1][2].islower():
        return None
    if toks[comma - 1][2].lower() in lex.frame_cues:
        return None
    return phrases.forward(toks, comma + 2, lex, text)


def _participle_agent(toks: list[phrases.Token], j: int, lex, text: str) -> phrases.Phrase | None:
    """Who does the participle at toks[j] when it is not the clause's subject: the noun
    phrase after "with" ("…, with Sen. John McCain calling it …"), or the speaker of a cue
    just before it ("Ryan and Trump will meet, Spicer said, adding …")."""
    phrase = phrases.backward(toks, j, lex, text)
    if phrase is not None and not phrase.pronoun:
        k = next((k for k, t in enumerate(toks) if t[0] == phrase.start), 0)
        if k > 0 and toks[k - 1][2].lower() == "with":
            return phrase
    if toks[j - 1][2] != "," or toks[j - 2][2].lower() not in lex.cues:
        return None
    cue = j - 2
    phrase = phrases.backward(toks, cue, lex, text)
    if phrase is not None:
        k = next((k for k, t in enumerate(toks) if t[0] == phrase.start), 0)
        # a subject standing right after a comma: a cue closing the sentence before it
        return phrase if k > 0 and toks[k - 1][2] == "," else None
    return phrases.forward(toks, cue + 1, lex, text, hi=j - 1)


_DASHES = frozenset({"-", "–", "—"})


_SOURCE_REACH = 6  # tokens of a source between a dash and a colon


def _dash_source(toks: list[phrases.Token], lex, text: str) -> phrases.Phrase | None:
    """Digest items: a headline, a dash, the source and a colon before the quote ("Media
    shares blame - HuffPollster:", "… all along -More from Blumenthal and Cohen:")."""
    k = next((k for k in range(len(toks) - 2, 0, -1) if toks[k][2] in _DASHES), None)
    if k is None or not text[toks[k][0] - 1].isspace():
        return None  # no dash, or a hyphen inside a word
    seg = toks[k + 1 : -1]
    if len(seg) > 2 and seg[0][2] == "More" and seg[1][2] == "from":
        seg = seg[2:]
    if not 0 < len(seg) <= _SOURCE_REACH or not seg[0][2][:1].isupper():
        return None
    if any(w.islower() and w not in lex.noun_phrase_starts and w != "and" for _, _, w in seg):
        return None  # a clause, not a name
    return phrases.split_name(seg, lex, text)


def _quoted_object(toks: list[phrases.Token], j: int, lex, text: str) -> phrases.Phrase | None:
    """German 'X zitiert Y mit den Worten': the one quoted, between the verb at toks[j]
    and 'mit'."""
    hi = next((k for k in range(j + 1, len(toks)) if toks[k][2].lower() == "mit"), None)
    if hi is None or hi == j + 1:
        return None
    phrase = phrases.forward(toks, j + 1, lex, text, hi=hi)
    if phrase is None or not any(phrases.capitalised(w) for w in phrase.name.split()):
        return None
    return phrase


def _verbless_colon(toks: list[phrases.Token], lex, text: str) -> phrases.Phrase | None:
    """German, a colon with no verb before it: "Ein Hauptkommissar nach der Festnahme:",
    "Punklady Nina Hagen zur neuen Heimat:", "Erkki Tuomioja, Präsident des Rats …:". The
    noun phrase opening the frame, up to its first comma or preposition, speaks."""
    if len(toks) < 1 or finite_verb(toks, lex) is not None:
        return None
    first = toks[0][2]
    if first.lower() in lex.clause_openers and first.lower() not in lex.noun_phrase_starts:
        return None  # "Im Wortlaut:", "Dazu:": an adverbial, no speaker
    k = 1
    while k < len(toks) and toks[k][2] != "," and toks[k][2].lower() not in lex.clause_openers:
        k += 1
    if not any(t[2][:1].isupper() for t in toks[:k]):
        return None
    return phrases.split_name(toks[:k], lex, text)
