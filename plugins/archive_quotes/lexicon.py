"""Per-language word lists (cue verbs, titles, pronouns...), loaded once from lexicons/<lang>/."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path

_DIR = Path(__file__).parent / "lexicons"
SUPPORTED = tuple(sorted(p.name for p in _DIR.iterdir() if p.is_dir()))


@dataclass(frozen=True, slots=True)
class ReportingVerb:
    """One form of a verb of reported speech ("plans"): its lemma, what may follow it
    (say, clause, to, object: see lexicons/en/indirect_verbs.txt) and its particle."""

    lemma: str
    kinds: frozenset[str]
    particle: str | None = None  # "point out": the word that must follow the verb


class UnsupportedLanguage(ValueError):
    """The article's language has no lexicons; the message names the supported ones."""


@dataclass(frozen=True, slots=True)
class Lexicon:
    lang: str
    cues: frozenset[str]
    mixed_cues: frozenset[str]
    frame_cues: frozenset[str]
    reporting: frozenset[str]  # indirect cues and frame cues: any verb that reports
    indirect_cues: frozenset[str]
    titles: frozenset[str]
    honorifics: frozenset[str]
    pronouns: dict[str, str]
    organizations: frozenset[str]
    abbreviations: frozenset[str]
    function_words: frozenset[str]
    limits: dict[str, int]
    clause_openers: frozenset[str]  # verb-second languages: words before an inverted subject
    subordinators: frozenset[str]
    name_nouns: frozenset[str]  # "der Titel „…“": quotation marks around a name, not speech
    reported_verbs: frozenset[str]  # German Konjunktiv: a clause in reported speech
    source_nouns: frozenset[str]  # "nach Angaben des …": the source of a quote in its sentence
    name_connectors: frozenset[str]  # lowercase words inside a quoted name ("BILD am Sonntag")
    fragment_lead_ins: frozenset[str]  # words after which a capitalised quote is speech
    foreign_words: frozenset[str]  # German: "„Piper at the Gates of Dawn“" is a title
    determiners: frozenset[str]  # German "alle", "seine": end like adjectives, are none
    role_nouns: frozenset[str]  # job words that end a role ("retail analyst", "Bolton boss")
    org_heads: frozenset[str]  # words that make a name an organization ("Bank", "plc")
    org_nouns: frozenset[str]  # "the company said": nouns that stand for an organization
    spokespeople: frozenset[str]  # "a BBC spokesman": may be credited to the organization
    collectives: frozenset[str]  # "police said": an institution named by its common noun
    speech_nouns: frozenset[str]  # "Mr X's suggestion that “…”": X is the source
    peerage: frozenset[str]  # "Lord Browne", "Sir Alex": a title standing for a first name
    postnominals: frozenset[str]  # "Andrew Tyrie MP": letters after a name, no part of it
    demonyms: frozenset[str]  # "the American": a person described, not named
    clause_words: frozenset[str]  # words that make a would-be speaker a clause ("would be")
    indirect_verbs: dict[str, ReportingVerb]  # every form of a verb of reported speech
    clause_starts: frozenset[str]  # "said that", "said he": words that open a reported clause
    clause_non_starts: frozenset[str]  # "said in": an adjunct or object, not a clause
    shares: frozenset[str]  # "22 percent said", "a majority say": a share of people reports
    quantifier_subjects: frozenset[str]  # "Some say", "few believe": people unnamed report
    question_words: frozenset[str]  # "asked whether", "explained how": a reported question
    passive_auxiliaries: frozenset[str]  # "it was said": no speaker
    time_adjuncts: frozenset[str]  # "said on Friday he would": an adjunct before the clause
    forward_stops: frozenset[str]  # "said X in a statement": words that end a name read forward
    konjunktiv: frozenset[str]  # German: a sentence in reported speech, no verb needed
    subject_pronouns: frozenset[str]  # German "erklärt er:": nominative only, the verb's subject
    document_verbs: frozenset[str]  # German "In dem Schreiben heißt es:": a text speaks
    place_prepositions: frozenset[str]  # German "in", "auf": where the text stands
    document_nouns: frozenset[str]  # German "Erklärung", "Plakat": texts that can speak
    ordinal_nouns: frozenset[str]  # German "am 20. August": no sentence ends at the number
    anaphors: frozenset[str]  # German "„…“ Das sagte X": words after a quote that point back
    relative_subjects: frozenset[str]  # German ", der … als „…“ bezeichnet": nominative only
    relative_pronouns: frozenset[str]  # German ", die …, ": a comma and one open a relative clause
    evidentials: tuple[tuple[str, tuple[str, ...]], ...]  # ("after", ("according", "to"))
    headline_labels: frozenset[str]  # "Profile: David Miliband": a label before a colon
    verb_second: bool  # main clauses put the finite verb second (German): limits.txt
    title_objects: frozenset[str]  # "Chancellor of the Exchequer | Gordon Brown"
    skip_words: frozenset[str]  # "he later added": between a subject and its verb
    noun_phrase_starts: frozenset[str]  # articles, demonstratives, quantifiers
    adjective_openers: frozenset[str]  # German "seine neue Sprecherin": adjectives follow
    object_starts: frozenset[str]  # German "den", "ihm": an object starts after the subject
    prepositions: frozenset[str]  # "from New Hampshire": an object, never a subject
    time_words: frozenset[str]  # "this week", "the past": a time, not a speaker
    documents: frozenset[str]  # "the statement said": texts that speak for their issuer
    possessives: frozenset[str]  # "his call for": a cue word after one is a noun
    possessor_pronouns: dict[str, str]  # German "Seine Zuversicht": the owner, "er"
    complementizers: frozenset[str]  # "said that", „sagte, dass“
    articles: frozenset[str]  # "The US said": articles before a name are no part of it
    coordinators: frozenset[str]  # "called … and said": two verbs of one subject
    clause_conjunctions: frozenset[str]  # "…, but analysts said": a clause of its own
    auxiliaries: frozenset[str]  # "said that is unlikely": "that" is the clause's subject
    time_names: frozenset[str]  # "Clinton on Tuesday said": days, months, parts of a day
    role_words: frozenset[str]  # job words beyond the titles: "skipper", "referee"
    role_verb_forms: frozenset[str]  # irregular verb forms and particles: "met", "up"
    role_past_endings: frozenset[str]  # "-ed": a verb before a title ends a role
    role_qualifiers: frozenset[str]  # "former", "late": adjectives in -ed that stay
    role_adverbs: frozenset[str]  # "now", "similarly": no role starts with one
    role_verb_endings: frozenset[str]  # endings of a verb before a capitalised title
    role_non_verb_endings: frozenset[str]  # words with those endings that are no verb
    appositive_non_starts: frozenset[str]  # "Apple, including …,": no role
    subject_non_starts: frozenset[str]  # "Following claims that …": a preposition, no subject
    mixed_lead_ins: frozenset[str]  # "said that “…”": the reported clause starts after them
    genitive_links: frozenset[str]  # German "des", "von": a noun phrase goes on after them
    genitive_openers: frozenset[str]  # German "von": opens a source noun phrase
    source_tail_links: frozenset[str]  # "according to people familiar with …": still the source
    source_heads: frozenset[str]  # "Aides to Clinton say": heads a post-modified description
    org_title_openers: frozenset[str]  # "National Audit Office": a title word opens the name
    role_prefixes: frozenset[str]  # "Co-Chairman", "Vice-President": still a role
    subject_openers: frozenset[str]  # "On Tuesday, X …": the subject follows the comma
    closing_adjuncts: frozenset[str]  # "“…,” he said in a statement": the frame closes
    short_org_heads: frozenset[str]  # "the Bank": the Bank of England the article named
    place_titles: frozenset[str]  # "the Duke of Edinburgh": a title, "of" and a place name one
    short_report_verbs: frozenset[str]  # "said he would": a pronoun and a verb are a report
    origin_prepositions: frozenset[str]  # "a farmer from Monsey, New York": a place follows
    surname_titles: frozenset[str]  # "Kelli White", "Mr King": a title word as a surname
    generic_org_heads: frozenset[str]  # "Party", "Office" alone: no organization's name
    writer_pronouns: frozenset[str]  # "“…?” I asked": the writer, whom no article names
    countries: frozenset[str]  # "Japan said": a government speaks, an organization
    document_links: frozenset[str]  # German "heißt es in dem Schreiben": words before the text
    object_pronouns: frozenset[str]  # "told him that": the verb's object, never a clause
    clause_subjects: frozenset[str]  # "said he would": a pronoun that opens a reported clause
    noun_markers: frozenset[str]  # "his call", "the talk": a cue word after one is a noun
    object_subjects: frozenset[str]  # "told reporters this was": a clause after an object
    purpose_places: frozenset[str]  # "came on the show to talk": a purpose, not speech
    description_breaks: frozenset[str]  # "critics who say": words that end a description
    contractions: frozenset[str]  # "he’s", "they’re": the verb contracted after a pronoun
    plural_pronouns: frozenset[str]  # "they talk about": a bare verb after one is a verb
    subordinate_openers: frozenset[str]  # "noting that" after a quote: never inside "who …"
    name_articles: frozenset[str]  # German "die „Zeit“", "im „Spiegel“": a name follows
    fused_articles: frozenset[str]  # German "am", "zum", "solche": open a noun phrase


def word_pattern(words: Iterable[str]) -> str:
    """A regular expression for any of the words, as a tree of their common prefixes: one
    scan at C speed finds them all, however long the list ("said|says" -> "sa(?:id|ys)")."""
    trie: dict = {}
    for w in filter(None, words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _branches(trie) or "(?!)"


def token_pattern(words: Iterable[str]) -> str:
    """A regular expression that finds each of the words wherever it stands as a token of
    rules.segment.TOKEN (and maybe in a few more places: it filters, the rules judge).
    A token that starts and ends with a word character has none beside it."""
    words = set(words)
    if "" in words:
        return ""  # the empty word is everywhere
    plain = {w for w in words if _WORD_CHAR.match(w) and _WORD_CHAR.match(w[-1])}
    other = words - plain
    found = rf"(?<!\w){word_pattern(plain)}(?!\w)"
    return f"{found}|{word_pattern(other)}" if other else found


_WORD_CHAR = re.compile(r"\w")


def _branches(node: dict) -> str:
    alts = [re.escape(ch) + _branches(sub) for ch, sub in sorted(node.items()) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in node else body


def _words(lang: str, name: str) -> list[str]:
    path = _DIR / lang / f"{name}.txt"
    if not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def _inflect(lemma: str) -> tuple[str, str, str]:
    """Regular English forms of a verb: third person, past, -ing ("plan" needs its own)."""
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = lemma + "es"
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    if lemma.endswith("e"):
        past = lemma + "d"
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        past = lemma[:-1] + "ied"
    else:
        past = lemma + "ed"
    ing = (lemma[:-1] if lemma.endswith("e") and not lemma.endswith("ee") else lemma) + "ing"
    return third, past, ing


def _reporting_verbs(lang: str, reporting: frozenset[str]) -> dict[str, ReportingVerb]:
    """Every form of each verb in indirect_verbs.txt, mapped to what it reports; any other
    reporting word (cues, frame cues) takes a clause."""
    verbs: dict[str, ReportingVerb] = {}
    for line in _words(lang, "indirect_verbs"):
        lemma, kinds, *forms = line.lower().split()
        head, _, particle = lemma.partition("+")
        third, past, ing = _inflect(head)
        if forms:
            past = forms[0]
        if len(forms) > 1:
            ing = forms[1]
        verb = ReportingVerb(head, frozenset(kinds.split(",")), particle or None)
        for form in (head, third, past, ing):
            verbs.setdefault(form, verb)
    for word in reporting:  # "attacked", "quipped": a clause only after "that" or a pronoun
        verbs.setdefault(word, ReportingVerb(word, frozenset({"frame"})))
    return verbs


@cache
def load(lang: str) -> Lexicon:
    """The lexicon of a language ('en', 'de'...); raises UnsupportedLanguage otherwise."""
    code = (lang or "en").lower().split("-")[0].split("_")[0]
    if code not in SUPPORTED:
        raise UnsupportedLanguage(
            f"no quotation rules for language {lang!r}; supported: {', '.join(SUPPORTED)}"
        )
    words = lambda name: frozenset(w.lower() for w in _words(code, name))  # noqa: E731
    pronouns = dict(line.split()[:2] for line in _words(code, "pronouns"))
    frame = words("mixed_cues") | words("frame_cues") | words("cues")
    limits = {k: int(v) for k, v in (line.split()[:2] for line in _words(code, "limits"))}
    special = {
        "lang": code,
        "frame_cues": frame,
        "reporting": frame | words("indirect_cues"),
        "pronouns": pronouns,
        "indirect_verbs": _reporting_verbs(code, frame | words("indirect_cues")),
        "konjunktiv": frozenset(_words(code, "konjunktiv")),  # as written: case matters
        "evidentials": tuple(
            (side, tuple(rest.lower().split()))
            for side, _, rest in (line.partition(" ") for line in _words(code, "evidentials"))
        ),
        "verb_second": bool(limits.get("verb_second")),
        "possessor_pronouns": dict(
            line.lower().split()[:2] for line in _words(code, "possessor_pronouns")
        ),
        "limits": limits,
    }
    # every other field is the word list of the file of its name, lowercased
    plain = {f.name: words(f.name) for f in fields(Lexicon) if f.name not in special}
    return Lexicon(**special, **plain)
