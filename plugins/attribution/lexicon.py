"""Per-language word lists (cue verbs, titles, pronouns...), loaded once from lexicons/<lang>/."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

_DIR = Path(__file__).parent / "lexicons"
SUPPORTED = tuple(sorted(p.name for p in _DIR.iterdir() if p.is_dir()))


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


def _words(lang: str, name: str) -> list[str]:
    path = _DIR / lang / f"{name}.txt"
    if not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


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
    return Lexicon(
        lang=code,
        cues=words("cues"),
        mixed_cues=words("mixed_cues"),
        frame_cues=frame,
        reporting=frame | words("indirect_cues"),
        indirect_cues=words("indirect_cues"),
        titles=words("titles"),
        honorifics=words("honorifics"),
        pronouns=pronouns,
        organizations=words("organizations"),
        abbreviations=words("abbreviations"),
        function_words=words("function_words"),
        clause_openers=words("clause_openers"),
        subordinators=words("subordinators"),
        name_nouns=words("name_nouns"),
        reported_verbs=words("reported_verbs"),
        source_nouns=words("source_nouns"),
        name_connectors=words("name_connectors"),
        fragment_lead_ins=words("fragment_lead_ins"),
        role_nouns=words("role_nouns"),
        org_heads=words("org_heads"),
        org_nouns=words("org_nouns"),
        clause_words=words("clause_words"),
        spokespeople=words("spokespeople"),
        demonyms=words("demonyms"),
        postnominals=words("postnominals"),
        peerage=words("peerage"),
        speech_nouns=words("speech_nouns"),
        collectives=words("collectives"),
        limits={k: int(v) for k, v in (line.split()[:2] for line in _words(code, "limits"))},
    )
