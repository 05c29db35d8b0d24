"""German main clauses: the finite verb stands second, the subject before or right after
it ("Dazu sagte der Minister", "Der Ermittler, der als Zeuge gilt, will …")."""

from __future__ import annotations

import re

from .. import phrases


def verb_second_subject(toks: list[phrases.Token], lex, text: str) -> phrases.Phrase | None:
    """The subject of a verb-second clause (German): first, or right after the verb.

    "Der Minister sagte": the subject opens the clause. "Dazu sagte der Minister" and
    "Als …, biss der Randalierer": an adverbial or a subordinate clause comes first,
    then the finite verb, then the subject. toks is the whole frame up to the quote,
    so the words after the verb can be read.
    """
    if not toks:
        return None
    inverted = _inverted_pronoun(toks, lex)
    if inverted is not None:
        return inverted
    owner = _possessor(toks, lex, text)
    if owner is not None:
        return owner
    first = toks[0][2].lower()
    if (
        first == "wie"
        and len(toks) > 2
        and (not toks[1][2].islower() or toks[1][2].lower() in lex.noun_phrase_starts)
    ):
        # "Wie der Finanzminister am Dienstag erklärte, sieht …": the speaker of the
        # clause "wie … erklärte" opens it
        return phrases.forward(toks, 1, lex, text)
    if (first in lex.subordinators or first in lex.question_words) and not _as_adverbial(toks, lex):
        comma = _main_clause_comma(toks, lex)
        if comma is None or comma + 2 >= len(toks):
            return None
        return phrases.forward(toks, comma + 2, lex, text)
    appositive = _appositive_subject(toks, lex, text)
    if appositive is not None:
        return appositive
    toks = _without_relative(toks, lex)
    verb = finite_verb(toks, lex)
    if verb is None:
        return None
    if first in phrases.PARTICLES and _particle_name(toks[:verb], text):
        # "Von der Leyen betonte": a surname opening with its particle, not a preposition
        name = text[toks[0][0] : toks[verb - 1][1]]
        name = name[:1].lower() + name[1:]
        return phrases.Phrase(toks[0][0], toks[verb - 1][1], name, "person", None)
    if first in _FOCUS and _subject_like(toks[1:verb], lex):
        # "Auch die Ministerin äußerte": a particle before the subject, not an adverbial
        return phrases.backward(toks, verb, lex, text)
    if _genitive_attribute(toks, verb, lex):
        # "Medienvertreter der kritischen thailändischen Öffentlichkeit bezeichneten": a
        # bare noun and its genitive
        return _subject_before_verb(toks, verb, lex, text)
    if first in _OBJECT_CASE or first in lex.clause_openers or not _subject_like(toks[:verb], lex):
        # "Gegenüber NDR Info äußerte er", "Passend warnte die Moderatorin": not a subject
        return phrases.forward(toks, verb + 1, lex, text) if verb + 1 < len(toks) else None
    # "Der stellvertretende Vorsitzende Michael Müller sagte": the words before the verb
    return _subject_before_verb(toks, verb, lex, text)


def _subject_before_verb(
    toks: list[phrases.Token], verb: int, lex, text: str
) -> phrases.Phrase | None:
    """The subject standing before the finite verb at toks[verb]: a name up to its comma
    or preposition, a full name after the verb when the words before it name no one, or
    a noun phrase up to its prepositional phrase."""
    first = toks[0][2].lower()
    phrase = phrases.backward(toks, verb, lex, text)
    if _name_first(toks[:verb], lex):
        # "Kurt von Figura, Präsident der Universität …, begrüßte": the name up to its
        # comma or preposition
        p = next(
            (
                k
                for k in range(1, verb)
                if toks[k][2] == ","
                or toks[k][2].lower() in lex.clause_openers
                and not (
                    toks[k][2].lower() in phrases.PARTICLES and phrases.capitalised(toks[k + 1][2])
                )
            ),
            verb,
        )
        if phrase is None or text.find(phrase.name, toks[0][0], toks[p - 1][1]) < 0:
            phrase = phrases.split_name(toks[:p], lex, text)
    if (phrase is None or phrase.kind != "person") and first in lex.noun_phrase_starts:
        after = _full_name_after(toks, verb, lex, text)
        if after is not None:
            return after
    if phrase is None and first in lex.noun_phrase_starts:
        # "Der Einsatzleiter der Polizei in Dortmund erklärte": the noun phrase up to its
        # prepositional phrase
        p = next((k for k in range(2, verb) if toks[k][2].lower() in lex.clause_openers), verb)
        phrase = phrases.split_name(toks[:p], lex, text)
    return phrase


def _full_name_after(toks: list[phrases.Token], verb: int, lex, text: str) -> phrases.Phrase | None:
    """ "Der englischsprachigen Zeitung sagte Filep Karma": the words before the verb name
    no one, a full name follows it: the name is the subject."""
    if verb + 2 >= len(toks) or not phrases.capitalised(toks[verb + 1][2]):
        return None
    after = phrases.forward(toks, verb + 1, lex, text)
    if after is None or after.kind != "person" or after.role is not None:
        return None
    if " " not in after.name or not all(phrases.capitalised(w) for w in after.name.split()):
        return None
    return after if after.start == toks[verb + 1][0] else None


def object_first(toks: list[phrases.Token], j: int, lex, text: str) -> phrases.Phrase | None:
    """An object opens the clause, the subject follows the cue verb at toks[j]: "Den …
    verbliebenen Flüchtlingen sicherte Präsident Gusmão zu", "Die praktische Anwendung der
    Richtlinienkompetenz stellte der SPD-Vorsitzende Franz Müntefering in Frage". Only
    when the object's article is no nominative ("den", "dem"), or when a person with a
    full name, introduced by the nominative "der", follows the verb and no person
    stands before it."""
    if j < 2 or j + 2 >= len(toks) or any(t[2] in {",", ":"} for t in toks[:j]):
        return None
    first = toks[0][2].lower()
    after = phrases.forward(toks, j + 1, lex, text)
    if after is None or after.start != toks[j + 1][0] or after.kind != "person":
        return None
    if first in _OBJECT_CASE:
        return after
    if first not in lex.noun_phrase_starts or toks[j + 1][2] != "der":
        return None
    words = after.name.split()
    if len(words) < 2 or not all(phrases.capitalised(w) for w in words):
        return None
    before = phrases.backward(toks, j, lex, text)
    return after if before is None or before.kind != "person" else None


def _possessor(toks: list[phrases.Token], lex, text: str) -> phrases.Phrase | None:
    """'Seine Zuversicht gründet sich auf …: „…“', 'Das Fazit von Sandra Boser überrascht
    nicht: „…“': a subject that is something said or thought (lexicons/de/speech_nouns.txt)
    is no speaker; whose it is speaks, the possessive's owner ("er") or the name after
    "von". Any other owner (a genitive, none) names no one here."""
    if len(toks) < 3 or not lex.possessor_pronouns:
        return None
    first = toks[0][2].lower()
    pronoun = lex.possessor_pronouns.get(first)
    if pronoun is None and first not in lex.noun_phrase_starts:
        return None
    k = 1
    while k < len(toks) - 1 and toks[k][2].islower() and toks[k][2].endswith(_ADJECTIVE_ENDINGS):
        k += 1  # "Seine ersten Worte"
    if not phrases.capitalised(toks[k][2]) or toks[k][2].lower() not in lex.speech_nouns:
        return None
    if pronoun is not None:
        s, e, word = toks[0]
        return phrases.Phrase(s, e, word, None, None, pronoun=pronoun)
    if k + 2 < len(toks) and toks[k + 1][2] == "von":
        owner = phrases.forward(toks, k + 2, lex, text)
        if owner is not None and owner.kind in {"person", "organization"}:
            return owner
    return None


def second_main_clause(toks: list[phrases.Token], j: int, lex, text: str) -> phrases.Phrase | None:
    """'Die Ministerin wies diese Behauptung zurück, die Sprecherin der Fraktion, Sandra
    Boser (GRÜNE), erklärte: „…“': two main clauses joined by a comma only; the cue verb at
    toks[j] belongs to the second, whose subject (a named person) opens it. The first part
    must be a clause of its own (a finite verb after its subject) and the second hold no
    verb before the cue (not ', der ihr erklärte', a relative clause)."""
    for k in range(j - 2, 1, -1):
        if toks[k][2] != "," or toks[k + 1][2].lower() not in lex.noun_phrase_starts:
            continue
        if any(t[2] in {",", ":"} for t in toks[:k]) or finite_verb(toks[:k], lex) is None:
            return None
        if not _subject_like(toks[: finite_verb(toks[:k], lex)], lex):
            return None
        if finite_verb(toks[k + 1 : j], lex) is not None:
            return None
        phrase = _subject_before_verb(toks[k + 1 :], j - k - 1, lex, text)
        words = phrase.name.split() if phrase is not None else []
        if phrase is None or phrase.kind != "person" or len(words) < 2:
            return None
        return phrase
    return None


def _inverted_pronoun(toks: list[phrases.Token], lex) -> phrases.Phrase | None:
    """'Nach eingehender Prüfung …, sei er zu dem Schluss gekommen': a pronoun that is only
    ever a subject, right after the verb that follows the first part of a main clause (a
    noun or a comma before the verb), is the clause's subject."""
    for k in range(1, len(toks) - 1):
        if toks[k + 1][2].lower() not in lex.subject_pronouns:
            continue
        verb, before = toks[k][2], toks[k - 1][2]
        if (
            not verb.isalpha()
            or not verb.islower()
            or not (before == "," or phrases.capitalised(before))
        ):
            continue
        if verb in lex.function_words or verb in lex.clause_openers or verb in lex.subordinators:
            continue  # ", dass er", ", wie er", "Im April er …"
        if verb in lex.noun_phrase_starts or verb in RELATIVE_ADVERBS:
            continue  # ", die er geführt habe": a relative clause
        s, e, word = toks[k + 1]
        return phrases.Phrase(s, e, word, None, None, pronoun=word.lower())
    return None


def _without_relative(toks: list[phrases.Token], lex) -> list[phrases.Token]:
    """'Der Ermittler, der als wichtiger Zeuge gilt, will …': a relative clause between
    commas right after a noun phrase that opens the clause is left out, so the verb after it
    is the finite verb, and the noun before it the subject."""
    if not toks or toks[0][2].lower() not in lex.noun_phrase_starts:
        return toks
    comma = next((k for k, t in enumerate(toks) if t[2] == ","), None)
    if comma is None or comma < 2 or comma + 2 >= len(toks):
        return toks
    if not all(phrases.capitalised(t[2]) or t[2].islower() for t in toks[1:comma]):
        return toks
    if toks[comma + 1][2] not in lex.relative_pronouns:
        return toks
    close = next((k for k in range(comma + 2, len(toks)) if toks[k][2] == ","), None)
    if close is None or close + 1 >= len(toks) or not toks[close + 1][2].islower():
        return toks
    return toks[:comma] + toks[close + 1 :]


def _main_clause_comma(toks: list[phrases.Token], lex) -> int | None:
    """After a subordinate clause first ("Warum die Universität nicht erkannte, dass …,
    erklärte die Universität"), the comma after which the main clause's verb comes: not
    one that opens a further subordinate or relative clause."""
    for k in range(len(toks) - 1):
        if toks[k][2] != ",":
            continue
        nxt = toks[k + 1][2].lower()
        if nxt in lex.subordinators or nxt in lex.question_words or nxt in lex.function_words:
            continue
        return k
    return None


def _as_adverbial(toks: list[phrases.Token], lex) -> bool:
    """'Als Begründung sagte ein Wissenschaftler', 'Als Antwort auf den Brief sagte …':
    "als" before a bare noun opens an adverbial (as what), not a clause (when)."""
    if toks[0][2].lower() != "als" or len(toks) < 3:
        return False
    word = toks[1][2]
    return (
        phrases.capitalised(word)
        and word.lower() not in lex.noun_phrase_starts
        and word.lower() not in lex.adjective_openers
        and word.lower() not in lex.pronouns
        and word.lower() not in lex.function_words
    )


def _appositive_subject(toks: list[phrases.Token], lex, text: str) -> phrases.Phrase | None:
    """'Stephen Singer, ein Klimaexperte vom WWF, erklärte': a name of two or more words,
    or one before an article, then a comma, opens the clause; the role after the comma is
    no verb's subject."""
    k = 0
    while k < len(toks) and phrases.is_name_word(toks[k][2], lex):
        if toks[k][2].lower() in lex.clause_openers or toks[k][2].lower() in lex.function_words:
            return None
        k += 1
    if k == 0 or k + 1 >= len(toks) or toks[k][2] != ",":
        return None
    nxt = toks[k + 1][2].lower()
    if k < 2 and nxt not in lex.noun_phrase_starts:
        return None
    if nxt not in lex.noun_phrase_starts and not toks[k + 1][2][:1].isupper():
        return None  # "Berlin, den 5. Mai", "Müller, sagte": no role follows
    return phrases.split_name(toks[:k], lex, text)


def _particle_name(toks: list[phrases.Token], text: str) -> bool:
    """Do these words ("Von der Leyen") form a surname the article gave earlier after a
    first name ("Ursula von der Leyen")? Only particles, then capitalised words."""
    k = 1
    while k < len(toks) and toks[k][2] in phrases.PARTICLES:
        k += 1
    if k == len(toks) or not all(phrases.capitalised(t[2]) for t in toks[k:]):
        return False
    name = text[toks[0][0] : toks[-1][1]]
    if " " + name[:1].lower() + name[1:] not in text:
        return False  # what the pattern needs is nowhere: no pattern compiled for it
    pattern = r"\b[A-ZÄÖÜ][\w\-]+ " + re.escape(name[:1].lower() + name[1:]) + r"\b"
    return re.search(pattern, text) is not None


# Articles never in the nominative: a clause they open starts with its object ("Den
# Unmut der CDU brachte die Sprecherin … zum Ausdruck"), the subject follows the verb.
_OBJECT_CASE = frozenset("den dem einen einem".split())


# Words that may stand before a German subject without taking the first position.
_FOCUS = frozenset("auch und aber doch selbst sogar nur gerade allein".split())


def finite_verb(toks: list[phrases.Token], lex) -> int | None:
    """Where the finite verb of a German main clause stands: the first lowercase word
    that is not an article, a preposition or an adjective after an article
    ("die gesundheitspolitische Sprecherin erklärte")."""
    first = toks[0][2].lower() if toks else ""
    # after an article, lowercase words are adjectives
    attributive = _attributive(first, lex)
    for v in range(1, len(toks)):
        word = toks[v][2]
        low = word.lower()
        if not word.islower():
            attributive = False
            continue
        if _attributive(low, lex):
            attributive = True
            continue
        if low in lex.clause_openers or low in phrases.PARTICLES:
            continue
        if attributive and low not in lex.reporting and low.endswith(_ADJECTIVE_ENDINGS):
            continue
        return v
    return None


_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")


_ADVERB_ENDINGS = ("end", "lich", "ig", "isch", "weise", "bar", "sam", "los", "mals")


def _subject_like(toks: list[phrases.Token], lex) -> bool:
    """Can these words before a German verb be its subject (an article, a pronoun, a name)?"""
    if not toks:
        return False
    first = toks[0][2].lower()
    if (
        first in lex.noun_phrase_starts
        and len(toks) > 1
        and (toks[1][2][:1].isupper() or any(t[2] == "," for t in toks))
    ):
        # "Der Einsatzleiter der Polizei in Dortmund erklärte", "Der frühere Bürgermeister
        # und Justizsenator, Henning Scherf (SPD), warnte": an article opens the subject,
        # whatever prepositions and conjunctions it holds
        return True
    if _name_first(toks, lex):
        # "Minister Sathit Wongnongtoey von der Kanzlei des Ministerpräsidenten erklärte":
        # a name opens the subject, a prepositional phrase follows it
        return True
    if any(
        t[2].lower() in lex.clause_openers
        and t[2].lower() not in lex.noun_phrase_starts
        and not _coordinated(toks, k)
        for k, t in enumerate(toks)
    ):
        return False  # a preposition or an adverb: an adverbial stands before the verb
    if first in lex.noun_phrase_starts or first in lex.possessives or first in lex.pronouns:
        return True
    if len(toks) == 1 and first.endswith(_ADVERB_ENDINGS):
        return False  # "Unmissverständlich sagte …"
    return all(
        t[2][:1].isupper()
        or t[2] in {"-", ".", ","}
        or t[2].lower() in phrases.PARTICLES
        or _coordinated(toks, k)
        for k, t in enumerate(toks)
    )


def _genitive_attribute(toks: list[phrases.Token], verb: int, lex) -> bool:
    """Do the words before the verb at toks[verb] read as a bare noun and its genitive
    ("Medienvertreter der kritischen Öffentlichkeit bezeichneten"): a capitalised word no
    adverbial opens, "der" or "des", then adjectives and nouns only? Not when a
    nominative follows the verb ("Anfang der Woche bezeichnete der Sprecher")."""
    k = verb + 1
    while k < len(toks) and toks[k][2].lower() in lex.skip_words:
        k += 1
    if k < len(toks) and (toks[k][2] == "der" or not toks[k][2].islower()):
        return False
    toks = toks[:verb]
    if len(toks) < 3 or not phrases.capitalised(toks[0][2]):
        return False
    first = toks[0][2].lower()
    if first in lex.clause_openers or first in lex.function_words or first in _NOT_NAMES:
        return False
    if toks[1][2] not in {"der", "des"}:
        return False
    rest = toks[2:]
    return phrases.capitalised(rest[-1][2]) and all(
        phrases.capitalised(t[2]) or t[2].endswith(_ADJECTIVE_ENDINGS) and t[2].islower()
        for t in rest
    )


_COORDINATORS = frozenset({"und", "oder", "sowie"})


def _coordinated(toks: list[phrases.Token], k: int) -> bool:
    """Does toks[k] join two names ("Sonia und Willy Bogner")? Then it opens no adverbial."""
    return (
        toks[k][2] in _COORDINATORS
        and 0 < k < len(toks) - 1
        and phrases.capitalised(toks[k - 1][2])
        and phrases.capitalised(toks[k + 1][2])
    )


def _name_first(toks: list[phrases.Token], lex) -> bool:
    """Does a name of two or more words open these words ("Kurt von Figura, …",
    "Minister Sathit Wongnongtoey von …")? A word no name starts with does not count."""
    if len(toks) < 3 or not phrases.capitalised(toks[0][2]):
        return False
    first = toks[0][2].lower()
    if first in lex.clause_openers or first in lex.function_words or first in _NOT_NAMES:
        return False
    k = 0
    while k < len(toks) and (
        phrases.capitalised(toks[k][2])
        and toks[k][2].lower() not in lex.function_words
        and toks[k][2].lower() not in lex.clause_openers
        or toks[k][2].lower() in phrases.PARTICLES
        and k + 1 < len(toks)
        and phrases.capitalised(toks[k + 1][2])
    ):
        k += 1
    if k < len(toks) and phrases.capitalised(toks[k][2]):
        return False  # "Engagement Deutschlands Bereits im …": a heading before the sentence
    return k >= 2 and sum(phrases.capitalised(t[2]) for t in toks[:k]) >= 2


# Capitalised first words that open no name: pronouns and quantifiers.
_NOT_NAMES = frozenset(
    "deren dessen jegliche jeglicher jegliches jede jeder jedes alle viele manche mehrere "
    "einige beide solche welche".split()
)


RELATIVE_ADVERBS = frozenset(
    "wonach wobei womit worauf woraus wodurch wofür wogegen worin worüber wovon wozu woher "
    "wohin weshalb weswegen was wer wem wen wessen welche welcher welches".split()
)


def _attributive(low: str, lex) -> bool:
    """Do lowercase words after this one read as adjectives (an article, a fused one)?"""
    # fused_articles: "Am heutigen Montag", "Zur aktuellen Lage": like the articles
    if low in lex.noun_phrase_starts or low in lex.fused_articles:
        return True
    return low in lex.adjective_openers
