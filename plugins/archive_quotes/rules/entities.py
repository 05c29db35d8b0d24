"""Step 'entities': resolve every mention to a speaker of the article.

Surnames join the full name given anywhere in the article (the headline's "Peskov"
is "Dmitri Peskov"); honorifics go ("Mrs. Clinton"); pronouns take the speaker
before them ("he added"); a document ("the statement") speaks for whoever issued it.
German "es" as the subject of a cue ("…, heißt es") names only a word of its own
clause ("Aus Paris hieß es"), else nobody.
"""

from __future__ import annotations

import bisect
import re

from ..lexicon import Lexicon
from ..state import Doc, Draft
from . import postmodified, segment, surnames
from .phrases import PARTICLES, without_possessives

_NAME = re.compile(  # words of a name stand on one line: a paragraph break ends it
    r"\b[A-Z][\w’'\-]+(?:[ \t]+(?:[A-Z]\.[ \t]*)?(?:(?:de|van|von|der|bin|al|la|da|di|del|le)"
    r"[ \t]+)?[A-Z][\w’'\-]+){1,3}"
)
_SPACES = re.compile(r"\s+")
_NAME_AT = re.compile(_NAME.pattern.removeprefix(r"\b"))  # for segment.at_word_starts
_ISSUER = re.compile(  # "a poll by the Harvard University Institute of Politics"
    r"\b(?:from|by|of)\s+(?:the\s+)?([A-Z][\w\-]+(?:\s+(?:(?:of|for)\s+(?:the\s+)?)?[A-Z][\w\-]+)*)\s*$"
)


def _clean(name: str, doc: Doc) -> str:
    lex = doc.lex  # (no union of the two sets built per word)
    words = without_possessives([w for w in _SPACES.split(name) if w], lex)
    while words and (
        words[0].rstrip(".").lower() in lex.honorifics
        or words[0].rstrip(".").lower() in lex.function_words
    ):
        words = words[1:]
    return " ".join(words)


def collect_names(doc: Doc) -> None:
    """Every multi-word capitalised name in the text; each surname to its full name."""
    headline_only: set[str] = set()
    seen = _seen_names(doc.lex)
    for m in segment.at_word_starts(_NAME_AT, doc.text):
        caps = m.group()
        name = seen.get(caps, _UNSEEN)
        if name is _UNSEEN:
            name = seen[caps] = _person_name(caps, doc.lex)
        if name is None:
            continue
        full, last = name
        if last not in doc.names or last in headline_only:
            doc.names[last] = full  # the body's name beats a headline's ("Dogged Varga")
            headline_only.discard(last)
            if doc.headline and m.start() < doc.headline[1]:
                headline_only.add(last)
        doc.name_spans.append((m.end() - len(full), m.end(), full))


def _person_name(caps: str, lex: Lexicon) -> tuple[str, str] | None:
    """The full name and the surname of a person in a run of capitalised words, if any."""
    words = caps.split()
    for k in range(len(words) - 1, 0, -1):
        if words[k - 1].endswith(("’s", "'s", "s’", "s'")):
            words = words[k:]  # "Chelsea's William Gallas": the name follows the 's
            break
    while words and (
        words[0].lower() in lex.function_words
        or words[0].lower() in lex.titles
        or words[0].rstrip(".").lower() in lex.honorifics
    ):
        words = words[1:]
    words = [w.replace("’s", "").replace("'s", "") for w in words]
    for k in range(len(words) - 1, -1, -1):
        low = words[k].lower()
        if surnames.surname_at(words, k, lex):
            continue  # "Kelli White", "Neil King": the title word is the surname
        if (
            low in lex.titles
            or low in lex.role_nouns
            or low in lex.org_nouns
            or low in lex.role_words
        ):
            words = words[k + 1 :]  # "Education Secretary Ruth Kelly": the name after
            break
    if len(words) > 2 and words[0].lower() in lex.title_objects:
        words = words[1:]  # "(Chancellor of the) Exchequer Gordon Brown": the title's
    if len(words) < 2 or any(w.lower() in lex.organizations for w in words):
        return None
    if any(len(w) > 1 and w.isupper() for w in words):
        return None  # "FELLOW DOCTORS", "NATO": shouting headlines and acronyms are not people
    if any(w.lower() in lex.function_words for w in words[1:]):
        return None
    last = words[-1].replace("’s", "").replace("'s", "")
    if last.lower() in PARTICLES:
        return None
    return " ".join(words), last


#: What each run of capitalised words came to (_person_name), per lexicon: names recur
#: in an article and across a site. Emptied when it grows past _SEEN_MAX runs.
_SEEN: dict[int, tuple[Lexicon, dict[str, tuple[str, str] | None]]] = {}
_SEEN_MAX = 20_000
_UNSEEN = object()


def _seen_names(lex: Lexicon) -> dict[str, tuple[str, str] | None]:
    cached = _SEEN.get(id(lex))
    if cached is None or cached[0] is not lex or len(cached[1]) > _SEEN_MAX:
        cached = _SEEN[id(lex)] = (lex, {})
    return cached[1]


def run(doc: Doc) -> None:
    collect_names(doc)
    last_person: Draft | None = None
    last_any: Draft | None = None
    issuer: str | None = None
    people: list[Draft] = []  # named people quoted so far, in order
    genders: dict[str, str] = _genders(doc)
    for d in sorted(doc.drafts, key=lambda x: x.spans[0][0]):
        if d.speaker is None:
            continue
        if d.kind == "description":
            last_any = d  # "Aides to Clinton say …. They added": no name, but a source
            if _one_person(doc, d):
                last_person = d  # "A spokesman for Michael Howard said …. He added"
            continue
        if d.pronoun:
            wanted = _PRONOUN_GENDER.get(d.pronoun)
            if (
                wanted
                and last_person is not None
                and _gender_of(genders, last_person)
                not in (
                    None,
                    wanted,
                )
            ):
                # "Victoria Wood … “…,” he said": "he" is the last man quoted, not her
                last_person = next(
                    (p for p in reversed(people) if _gender_of(genders, p) in (None, wanted)),
                    None,
                )
            _pronoun(doc, d, last_person, last_any)
            if wanted and d.speaker and d.kind == "person":
                genders.setdefault(d.speaker.split()[-1], wanted)
        else:
            issuer = _named_speaker(doc, d, issuer)
        if d.speaker is None:
            continue
        last_any = d
        if d.kind == "person":
            last_person = d
            if not d.pronoun:
                people.append(d)


def _named_speaker(doc: Doc, d: Draft, issuer: str | None) -> str | None:
    """Resolve a speaker named by the text (not a pronoun): a document's issuer, a
    surname's full name, or the name as it stands. Returns the last document issuer."""
    name = _clean(d.speaker, doc)
    mention = doc.text[d.mention[0] : d.mention[1]] if d.mention else name
    if {w.lower() for w in mention.split()} & doc.lex.documents:
        if m := _ISSUER.search(mention):
            issuer = m.group(1)
            _resolve(doc, d, issuer, "organization", "document-issuer")
        elif issuer:
            _resolve(doc, d, issuer, "organization", "document-issuer")
        else:
            _resolve(doc, d, name, "organization", d.speaker_rule)
    elif " " not in name and name in doc.names and not _indefinite(mention):
        _resolve(doc, d, _full_before(doc, name, d), "person", "surname")
    elif name:
        named = any(w[:1].isupper() for w in name.split())
        kind = d.kind or ("person" if named and (" " in name or d.role) else "organization")
        _resolve(doc, d, name, kind, d.speaker_rule)
    else:
        d.speaker = None
    return issuer


def _one_person(doc: Doc, d: Draft) -> bool:
    """Is a description one person ("A spokesman for X", "one of the prosecutors"), whom
    "he" or "she" may stand for next?"""
    words = doc.text[d.mention[0] : d.mention[1]].lower().split() if d.mention else []
    link = postmodified.head_link(words, doc.lex)
    head = words[link - 1] if link else (words[-1] if words else "")
    singular = head in doc.lex.spokespeople or (head in doc.lex.role_nouns and head[-1:] != "s")
    return singular or (bool(words) and words[0] == "one")


def _resolve(doc: Doc, d: Draft, name: str, kind: str, rule: str | None) -> None:
    if name != d.speaker:
        doc.log("entities", "resolved", f"{d.speaker!r} -> {name!r} ({rule})")
    d.speaker, d.kind = name, kind
    if rule and rule != d.speaker_rule:
        d.speaker_rule = f"{d.speaker_rule}+{rule}"


def _pronoun(doc: Doc, d: Draft, last_person: Draft | None, last_any: Draft | None) -> None:
    refers = doc.lex.pronouns.get(d.pronoun or "", "any")
    target = None
    if _writer(doc, d):
        return
    if refers == "person":
        resolved, target = _person_pronoun(doc, d, last_person, last_any)
        if resolved:
            return
    elif refers == "organization":
        # "Kiev which, for its part, it claims": the nearest capitalised word before
        s = d.mention[0] if d.mention else d.spans[0][0]
        start = max(0, doc.text.rfind(".", 0, s))
        impersonal = _impersonal(doc, d)
        if impersonal:
            start = max(start, doc.text.rfind(",", 0, s))
        names = [
            _organization_run(m, doc.lex) for m in _CAPITALISED_RUN.finditer(doc.text, start, s)
        ]
        names = [n for n in names if n]
        if names:
            d.speaker, d.kind = names[-1], "organization"
            d.speaker_rule = f"{d.speaker_rule}+pronoun-antecedent"
            return
        target = None if impersonal else last_any
    else:
        target = last_any
    if target is None:
        # keep the mention (the text says who: "he"), but name no one
        doc.log("entities", "unknown", f"pronoun {d.pronoun!r} with no speaker before it")
        d.speaker = None
        return
    d.speaker, d.kind, d.role = target.speaker, target.kind, target.role
    d.speaker_rule = f"{d.speaker_rule}+pronoun"
    doc.log("entities", "resolved", f"pronoun {d.pronoun!r} -> {target.speaker!r}")


#: A run of capitalised words, with the links names use ("Bank of England", "M&S"); not
#: "and", which joins a list ("Cyprus, Ireland and Malta").
_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w\-]*(?:(?:\s+(?:of|for)\s+|\s*&\s*|\s+)[A-Z][\w\-]*)*")


def _organization_run(m: re.Match, lex: Lexicon) -> str:
    """The name a run of capitalised words gives, past the function words that open it
    ("The Congress Party" -> "Congress Party"; "But" -> "")."""
    words = m.group().split()
    while words and words[0].lower() in lex.function_words:
        words = words[1:]
    while words and words[-1].lower() in {"of", "for"}:
        words = words[:-1]
    return " ".join(words)


def _person_pronoun(
    doc: Doc, d: Draft, last_person: Draft | None, last_any: Draft | None
) -> tuple[bool, Draft | None]:
    """Resolve "he", "she": (True, None) when d now has its speaker, else (False, the
    quote whose speaker it takes, if any)."""
    target = last_person
    if target is not None and _country(doc, target.speaker):
        target = None  # "Japan said …. “…,” he told": no country is "he"
    # "Lopez disagreed. “…,” she said": the sentence before names the speaker
    from .continuation import previous_sentence_speaker  # noqa: PLC0415

    previous = previous_sentence_speaker(doc, d)
    if (
        previous is not None
        and not previous.pronoun
        and (target is None or previous.speaker != target.speaker)
    ):
        name = _clean(previous.speaker, doc)
        name = doc.names.get(name, name) if " " not in name else name
        d.speaker, d.kind, d.role = name, "person", previous.role
        d.speaker_rule = f"{d.speaker_rule}+pronoun-previous-sentence"
        doc.log("entities", "resolved", f"pronoun {d.pronoun!r} -> {name!r} (sentence before)")
        return True, None
    subject = _subject_before(doc, d)
    if subject and _country(doc, subject):
        subject = None  # "Turkey wants …. “…,” he said": no country is "he"
    if subject and (target is None or _clean(target.speaker or "", doc) not in subject):
        # "Sir Bernard Ingham condemned … “…,” he said": the person the sentence
        # before is about, not the one quoted last
        d.speaker, d.kind = subject, "person"
        d.speaker_rule = f"{d.speaker_rule}+pronoun-subject"
        doc.log("entities", "resolved", f"pronoun {d.pronoun!r} -> {subject!r} (a subject)")
        return True, None
    if target is not None and not _named(doc, target.speaker):
        target = None  # "the nominee … he said": a name beats a description
    if target is None and _guessed_organization(doc, last_any):
        # "Reilly said it twice. “…,” he added": "he" shows the lone name is a person
        last_any.kind = "person"
        target = last_any
    if target is None:
        # the person a sentence before is about, else the nearest name
        from .canonical import last_subject  # noqa: PLC0415

        name = last_subject(doc, d.spans[0][0], doc.lex) or _nearest_name(doc, d.spans[0][0])
        if name and _country(doc, name):
            name = None  # no country is "he"
        if name:
            d.speaker, d.kind = name, "person"
            d.speaker_rule = f"{d.speaker_rule}+pronoun-name"
            doc.log("entities", "resolved", f"pronoun {d.pronoun!r} -> {name!r} (nearest name)")
            return True, None
    return False, target


def _country(doc: Doc, name: str | None) -> bool:
    """Is the name a country's ("Japan", "North Korea")? A government, never "he"."""
    return bool(name) and name.lower() in doc.lex.countries


def _writer(doc: Doc, d: Draft) -> bool:
    """'“Is it fine?” I asked': outside the quotation marks "I" is the writer, whom the
    article does not name; no one quoted before. Leaves the quote with no speaker."""
    if d.pronoun not in doc.lex.writer_pronouns:
        return False
    doc.log("entities", "unknown", f"pronoun {d.pronoun!r} is the writer")
    d.speaker = None
    return True


def _impersonal(doc: Doc, d: Draft) -> bool:
    """German "…, heißt es", "es wird befürchtet": "es" as a cue's subject says who
    speaks only through a word of its own clause ("Aus Paris hieß es"), else nobody."""
    return bool(doc.lex.limits.get("capitalised_nouns")) and d.cue is not None


def _guessed_organization(doc: Doc, d: Draft | None) -> bool:
    """A one-word name taken for an organization only for want of a first name."""
    if d is None or d.kind != "organization" or not d.speaker or " " in d.speaker:
        return False
    word = d.speaker
    low = word.lower()
    return (
        word[:1].isupper()
        and not word.isupper()
        and low not in doc.lex.organizations
        and not _country(doc, word)
    )


_PRONOUN_GENDER = {"he": "m", "she": "f"}
_HONORIFIC_GENDER = {
    "mr": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f", "lady": "f",
    "dame": "f", "baroness": "f",
}  # fmt: skip
_ADDRESSED = re.compile(r"\b(Mr|Sir|Lord|Mrs|Ms|Miss|Lady|Dame|Baroness)\.?\s+([A-Z][\w’'\-]+)")
_ADDRESSED_AT = re.compile(_ADDRESSED.pattern.removeprefix(r"\b"))


def _genders(doc: Doc) -> dict[str, str]:
    """What the article's honorifics say of its people: surname -> "m" or "f"
    ("Mr Jason", "Ms Wood"); a surname given both is left out."""
    found: dict[str, set[str]] = {}
    for m in segment.at_word_starts(_ADDRESSED_AT, doc.text):
        found.setdefault(m.group(2), set()).add(_HONORIFIC_GENDER[m.group(1).lower()])
    return {k: next(iter(v)) for k, v in found.items() if len(v) == 1}


def _gender_of(genders: dict[str, str], d: Draft) -> str | None:
    return genders.get((d.speaker or "").split()[-1]) if d.speaker else None


def _full_before(doc: Doc, surname: str, d: Draft) -> str:
    """The full name a surname stands for: with two in the article (Jason and Andy
    Robinson), the one named last before the quote."""
    at = d.mention[0] if d.mention else d.spans[0][0]
    fits = [(s, full) for s, _, full in doc.name_spans if full.split()[-1] == surname]
    before = [f for f in fits if f[0] < at]
    if len({full for _, full in fits}) > 1 and before:
        return max(before)[1]
    return doc.names[surname]


def _indefinite(mention: str) -> bool:
    """'a Fox spokesman', 'an Arsenal fan': the name modifies someone unnamed."""
    return mention.split()[0].lower() in {"a", "an"} if mention.split() else False


def _subject_before(doc: Doc, d: Draft) -> str | None:
    """The person named as a subject in the sentence before the quote's, if any."""
    from .canonical import last_subject  # noqa: PLC0415
    from .cues import sentence_of  # noqa: PLC0415

    at = min(d.outer[0], d.mention[0]) if d.mention else d.outer[0]
    s, _ = sentence_of(doc, at)
    ps, _ = doc.paragraphs[d.paragraph]
    if s <= ps and d.paragraph > 1:
        # "He said …" opening a paragraph: the last sentence of the paragraph before
        s = doc.paragraphs[d.paragraph - 1][1]
        ps = doc.paragraphs[d.paragraph - 1][0]
    if s <= ps:
        return None
    prev_s, _ = sentence_of(doc, max(ps, s - 1))
    name = last_subject(doc, at, doc.lex, max(prev_s, ps))
    if not name or (" " not in name and name not in doc.names):
        return None  # a lone capitalised word may be a place or a team
    return doc.names.get(name, name)


def _named(doc: Doc, name: str | None) -> bool:
    """Does a speaker name contain a proper name, not only role words?"""
    return any(w[:1].isupper() and w.lower() not in doc.lex.titles for w in (name or "").split())


def _nearest_name(doc: Doc, pos: int) -> str | None:
    if len(doc.name_ends) != len(doc.name_spans):
        doc.name_ends = [e for _, e, _ in doc.name_spans]  # names are found left to right
    i = bisect.bisect_right(doc.name_ends, pos)
    return doc.name_spans[i - 1][2] if i else None
