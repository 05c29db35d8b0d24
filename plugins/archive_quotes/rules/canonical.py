"""Step 'canonical': every speaker becomes an entity of the article, or a description.

The cue rules give each quote the speaker as its sentence names them: "Industry
Secretary Patricia Hewitt", "Mr Blair", "the company", "a BBC spokesman". This step
turns each into what a reader should see:

- a **person** or **organization** with a canonical name, the fullest proper name the
  article gives them ("Patricia Hewitt", "Tony Blair"), titles and job words moved to
  the role;
- or a **description** of an unnamed source ("a BBC spokesman", "analysts"): shown at
  its quote, never a speaker entity. A description that stands for an entity the
  article names ("the company" after EMI spoke, "the prime minister" of "Prime
  Minister Tony Blair") is that entity;
- a clause, a number or a lone common noun that is not a source is no speaker at all.

Roles are gathered per entity over the whole article (a title before the name, an
appositive after it) and the fullest is given to all its quotes; honorifics are never
roles.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import NamedTuple

from ..lexicon import Lexicon
from ..lexicon import load as load_lexicon
from ..state import Doc, Draft
from . import postmodified, role_phrases, short_names, surnames
from .phrases import PARTICLES, without_possessives

_WORD = re.compile(r"[\w’'&.\-]+|[,;:()]")
_POSSESSIVE = re.compile(r"[’']s?\s+(?=[A-Z])")
# connectors inside proper names: "Bank of England", "Marks & Spencer", "bin Laden"
_CONNECTORS = PARTICLES | {"of", "&", "and", "for", "the", "on", "upon", "al", "el"}
_CONNECTORS_NOT_PARTICLES = _CONNECTORS - PARTICLES
_CONNECTORS_OR_DASHES = _CONNECTORS | {"-", "–"}
_HEAD_ENDS = {"of", "for", "at", "with", "in", "from", "to", "on"}
_LEGAL_FORMS = {"plc", "inc", "inc.", "ltd", "ltd.", "llc"}
_SENTENCE_END = re.compile(r"[.!?][\"”’']*\s|[\"“”]")
_NEXT_WORD = re.compile(r"[ \t]+([a-z][\w\-]*)")
_PERCENT = re.compile(r"\d+%")
_VERB_AFTER = re.compile(r"[ \t]+[a-z]")
_APPOSITIVE_ROLE = re.compile(r",\s+(?:(?:the|a|an)\s+)?([^,.;:()\"“”]{3,90}?)\s*[,.;]")
_STOP_BEFORE_ROLE = {"’s", "'s", ",", ";", ":", "(", ")"}


def run(doc: Doc) -> None:
    lex = doc.lex
    drafts = sorted((d for d in doc.drafts if d.speaker), key=lambda x: x.spans[0][0])
    # a quote resolved through a pronoun or a continuation carries the speaker string of
    # the mention it took it from: it becomes what that mention became
    seen: dict[str, tuple] = {}
    orgs: set[str] = set()  # names a text calls "the company", "the band", "police"
    for d in drafts:
        if d.mention and not d.pronoun:
            raw = d.speaker
            _entity(doc, d, lex, orgs)
            seen.setdefault(raw, (d.speaker, d.kind, d.role, d.description))
    for d in drafts:
        if not (d.mention and not d.pronoun):
            if d.speaker in seen:
                d.speaker, d.kind, role, d.description = seen[d.speaker]
                d.role = d.role if d.role and not role else role
            else:
                _entity(doc, d, lex, orgs)
    drafts = [d for d in drafts if d.speaker]
    # names the article gives in full ("Mr Blair" is Tony Blair, "Sir Bernard" Bernard Ingham)
    for d in drafts:
        if d.speaker and d.kind in ("person", "organization"):
            full = (
                _full_name(doc, d.speaker, lex)
                if d.kind == "person"
                else short_names.full_organization(doc, d.speaker, d.spans[0][0])
            )
            if full != d.speaker:
                doc.log("canonical", "resolved", f"{d.speaker!r} -> {full!r} (fullest name)")
                d.speaker = full
    _roles(doc, drafts, lex, orgs)


def _mention_text(doc: Doc, d: Draft) -> str:
    if d.mention and not d.pronoun:
        return doc.text[d.mention[0] : d.mention[1]]
    return d.speaker or ""


def _entity(doc: Doc, d: Draft, lex: Lexicon, orgs: set[str]) -> None:
    """Split the speaker into role words and a proper name, or make it a description."""
    if d.kind == "description":  # the rule that found it knew: "Aides to Clinton"
        desc = _mention_text(doc, d)
        org = _spoken_for(desc, lex)
        if org is not None:
            doc.log("canonical", "resolved", f"description {desc!r} -> {org!r}")
            d.speaker, d.kind, d.role = org, "organization", None
            return
        doc.log("canonical", "description", f"{desc!r} names no one")
        d.description = " ".join(desc.split())
        d.speaker, d.role = None, None
        return
    raw = _speaking_name(doc, d, lex)
    mention = _mention_text(doc, d)
    described = _described_by_letters(doc, d, mention, lex)
    if described:
        _describe(doc, d, described, raw, lex, orgs)
        return
    words = _name_words(raw, lex)
    honorific = _titles_before(words, mention, lex)
    # the title ends where the name begins: "Home Secretary | Charles Clarke"
    k = _name_start(words, lex)
    if k == len(words) and surnames.after_honorific(words, mention, lex):
        k -= 1  # "Mr King": the title word is his surname
    name_words, role_words = words[k:], words[:k]
    if role_words and not _is_org(name_words, lex):
        role = " ".join(role_phrases.cut(role_words, lex, lambda w: _role_word(w, lex)))
        if role and _role_word(role_words[-1], lex) and not (d.role and len(d.role) > len(role)):
            d.role = role
    name = " ".join(name_words)
    described = len(name_words) == 1 and (
        (name.lower() in lex.demonyms and not d.role)
        or _common_noun(doc, name)
        or _cut_short(doc, d, name, mention, lex)
    )
    mention = _with_role_after(doc, d, mention, lex)
    if name and _proper(name_words, lex) and not described and not _unnamed(d, mention, lex):
        if honorific and len(name_words) == 1 and name not in doc.names:
            name = f"{honorific} {name}"  # "Lord Browne": no first name given, the title stays
        d.speaker = name
        if _is_org(name_words, lex):
            d.kind = "organization"
        elif d.kind is None:
            d.kind = "person" if len(name_words) > 1 else d.kind
        return
    _describe(doc, d, mention if (d.mention and not d.pronoun) else raw, raw, lex, orgs)


def _spoken_for(desc: str, lex: Lexicon) -> str | None:
    """'A spokesman for the Home Office' speaks for it, as 'a BBC spokesman' does for the
    BBC: the organization a spokesperson of the description is for, when it is one."""
    words = desc.split()
    link = postmodified.head_link(words, lex)
    if link is None or words[link - 1].lower() not in lex.spokespeople:
        return None
    named = [w for w in words[link + 1 :] if w.lower() not in lex.noun_phrase_starts]
    if not named or not all(w[:1].isupper() for w in named) or not _is_org(named, lex):
        return None
    return " ".join(named)


def _described_by_letters(doc: Doc, d: Draft, mention: str, lex: Lexicon) -> str | None:
    """'the Manchester Central MP', 'a Labour MEP': letters that follow a name
    ("Andrew Tyrie MP") end a description here, its head; what stands before them is
    a constituency or a party, not a name. The description, with the letters the cue
    rules may have stopped before ("said the Labour | MP")."""
    mw = mention.split() if (d.mention and not d.pronoun) else []
    if len(mw) < 2 or "," in mention or mw[0].lower() not in lex.noun_phrase_starts:
        return None  # "The Tory finance spokesman, Brian Monteith MSP": a name
    if mw[-1].isupper() and mw[-1].lower() in lex.postnominals:
        return mention
    nxt = _NEXT_LETTERS.match(doc.text, d.mention[1])
    if nxt and nxt.group(1).lower() in lex.postnominals:
        return f"{mention} {nxt.group(1)}"
    return None


_NEXT_LETTERS = re.compile(r"[ \t]+([A-Z]{2,4})\b")


def _speaking_name(doc: Doc, d: Draft, lex: Lexicon) -> str:
    """The words of the mention that name the speaker ("Chelsea's William Gallas" ->
    "William Gallas"); sets the role or kind the mention gives on the way."""
    raw = d.speaker or ""
    mention = _mention_text(doc, d)
    # "Chelsea's William Gallas", "the Observer's Philip French": the name follows the 's
    parts = _POSSESSIVE.split(mention)
    if len(parts) > 1 and raw.split() and raw.split()[-1] in parts[-1]:
        tail = parts[-1].split()
        if tail and tail[0].lower() in lex.org_heads:
            tail = []  # "the Information Commissioner's Office", "the European People's Party"
        if tail and tail[0] in raw.split():
            raw = " ".join(raw.split()[raw.split().index(tail[0]) :])
    # "said John Kennedy, chief executive of the International Federation of the
    # Phonographic Industries": the name before the comma speaks; the rest is the role
    m = _APPOSITIVE_PERSON.match(mention)
    if m and raw and raw in m.group(2) and _person_name(m.group(1), lex):
        d.role = m.group(2).strip()
        raw, d.kind = m.group(1), "person"
    raw = _without_title_object(mention, raw, lex)
    # "retail analyst Nick Bubb of Evolution Securities": the person, not the firm
    person = _person_of_org(mention, raw, lex)
    if person:
        doc.log("canonical", "name", f"{raw!r} -> {person!r} (a person of an organization)")
        raw, d.kind = person, "person"
    return raw


def _without_title_object(mention: str, raw: str, lex: Lexicon) -> str:
    """ "Chancellor of the Exchequer Gordon Brown": a title's object after "of (the)"
    (lexicons/en/title_objects.txt) is the title's, not the name's, when a name of two
    words follows it."""
    words = raw.split()
    at = mention.rfind(raw)
    if len(words) < 3 or at < 0:
        return raw
    before = mention[:at].split()
    if not before or before[-1].lower() not in {"of", "the"}:
        return raw
    if words[0].lower() not in lex.title_objects or not any(_role_word(w, lex) for w in before):
        return raw
    return " ".join(words[1:])


def _name_words(raw: str, lex: Lexicon) -> list[str]:
    """The name's words without possessives, letters after it ("Andrew Tyrie MP"),
    stray punctuation ("Herron -") or a leading article ("The US said": "US")."""
    words = [w.rstrip("’'") for w in without_possessives(raw.split(), lex)]
    if words and "&" in words[-1] and words[-1].endswith("."):
        words[-1] = words[-1][:-1]  # "said M&S.": the full stop ends the sentence
    while len(words) > 1 and words[-1].lower().rstrip(".") in lex.postnominals:
        words = words[:-1]
    while words and not any(c.isalnum() for c in words[-1]):
        words = words[:-1]
    while words and (not any(c.isalnum() for c in words[0]) or words[0].lower() in lex.articles):
        words = words[1:]
    return words


def _titles_before(words: list[str], mention: str, lex: Lexicon) -> str | None:
    """'Lord Justice Rix', 'Sir Alex': the titles standing right before a lone name."""
    mwords = mention.replace("’s", "").replace("'s", "").split()
    if not words or words[-1] not in mwords:
        return None
    at = len(mwords) - 1 - mwords[::-1].index(words[-1])
    titles: list[str] = []
    while at - 1 - len(titles) >= 0:
        w = mwords[at - 1 - len(titles)]
        low = w.rstrip(".").lower()
        if not w[:1].isupper() or not (
            low in lex.peerage or (titles and low in lex.honorifics)  # "Mr Justice Forbes"
        ):
            break
        titles.insert(0, w)
    return " ".join(titles) or None


def _cut_short(doc: Doc, d: Draft, name: str, mention: str, lex: Lexicon) -> bool:
    """'Party', 'Office' alone, where the mention says no more: the head of a name cut
    short, no organization of the speakers index. Where the mention is fuller ("the
    State Department"), a pronoun ("it announced") or the article named it in full before
    ("the Commission"), canonical names it in full later."""
    if name.lower() not in lex.generic_org_heads or d.pronoun or not d.mention:
        return False
    if short_names.full_organization(doc, name, d.spans[0][0]) != name:
        return False  # "the Commission" after "the European Commission"
    return len(_strip_determiners(mention, lex).split()) <= 1


def _with_role_after(doc: Doc, d: Draft, mention: str, lex: Lexicon) -> str:
    """The mention with the role word the cue rules stopped before ("said a Fox |
    spokesman")."""
    words = mention.split()
    if not (d.mention and not d.pronoun) or not words or not words[-1][:1].isupper():
        return mention
    nxt = _NEXT_WORD.match(doc.text[d.mention[1] : d.mention[1] + 40])
    return f"{mention} {nxt.group(1)}" if nxt and _role_word(nxt.group(1), lex) else mention


def _unnamed(d: Draft, mention: str, lex: Lexicon) -> bool:
    """'a Fox spokesman', 'the BBC's correspondent': a name inside a description of
    someone unnamed is not the speaker."""
    mw = mention.split() if (d.mention and not d.pronoun) else []
    return len(mw) > 1 and mw[-1].islower() and _role_word(mw[-1], lex)


def _describe(doc: Doc, d: Draft, desc: str, raw: str, lex: Lexicon, orgs: set[str]) -> None:
    """No proper name: a description, an entity the description stands for, or nothing."""
    if not _description(desc, lex):
        doc.log("canonical", "dropped", f"speaker {raw!r} is no name nor a source")
        d.speaker, d.kind, d.role = None, None, None
        return
    target = _stands_for(doc, d, desc, lex)
    if target is not None:
        doc.log("canonical", "resolved", f"description {desc!r} -> {target[0]!r}")
        d.speaker, d.kind = target
        if d.kind == "organization":
            orgs.add(d.speaker)
        if d.kind == "person" and _role_word(desc.split()[-1], lex):
            d.role = d.role or _strip_determiners(desc, lex)
        return
    doc.log("canonical", "description", f"{desc!r} names no one")
    d.description = " ".join(desc.split())  # as written: "a BBC spokesman", "one fan"
    d.speaker, d.kind, d.role = None, "description", None


_PERSON_OF = re.compile(  # "analyst Nick Van den Brul of BNP Paribas"
    r"((?:[A-Z][\w’'\-]+\s+(?:(?:de|den|der|van|von|da|di|le|la|bin|al)\s+)?){1,3}"
    r"[A-Z][\w’'\-]+)\s+(?:of|at|from|with)\s+(?:the\s+)?"
    r"([A-Z][\w’'&\-]+(?:\s+(?:&\s+|of\s+)?[A-Z][\w’'&\-]+)*)\s*$"
)


_APPOSITIVE_PERSON = re.compile(r"((?:[A-Z][\w’'\-]+\s+){1,3}[A-Z][\w’'\-]+),\s+(.+)$", re.S)


def _person_name(name: str, lex: Lexicon) -> bool:
    words = name.split()
    return (
        len(words) >= 2
        and _proper(words, lex)
        and not _is_org(words, lex)
        and not any(_role_word(w, lex) for w in words)
    )


def _person_of_org(mention: str, raw: str, lex: Lexicon) -> str | None:
    """'Nick Bubb of Evolution Securities': the name before 'of ORG' when raw is the ORG."""
    m = _PERSON_OF.search(mention)
    if not m or not raw or m.group(2) != raw:
        return None
    words = m.group(1).split()
    k = _name_start(words, lex)
    words = words[k:]
    if len(words) < 2 or _is_org(words, lex) or not _proper(words, lex):
        return None
    return " ".join(words)


def _name_start(words: list[str], lex: Lexicon) -> int:
    """Index of the first word of the proper name at the end of words."""
    k = len(words)
    # "National Highway Traffic Safety Administration", "International Monetary Fund":
    # before an organization's head, a title word of org_title_openers opens its name
    org = bool(words) and words[-1].lower().strip(",.") in lex.org_heads
    org = org or any(  # "Office for National Statistics": the head before the link
        w in {"of", "for"} and words[m - 1].lower() in lex.org_heads
        for m, w in enumerate(words)
        if m
    )
    opened = False
    while k > 0:
        w = words[k - 1]
        low = w.lower().rstrip(",")
        if low == "of" and k < len(words) and k > 1 and words[k - 2].lower() in lex.place_titles:
            k -= 2  # "Archbishop of Cardiff", "Duke of Edinburgh": the title is the name
            break
        if low in _CONNECTORS and k < len(words) and k > 1:
            k -= 1
            continue
        acronym_last = k == len(words) and w.isupper() and len(w) > 1  # "the US", "UN"
        opens = org and k < len(words) and (low in lex.org_title_openers or opened)
        opened = opened or opens  # "Republican | National Committee": the name goes on
        titled = (
            _role_word(w, lex)
            and not opens
            and not surnames.surname_at(words, k - 1, lex)
            and not (org and _inside_organization(words, k - 1, lex))
        )
        if not acronym_last and (
            not w[:1].isupper() or titled or low.rstrip(".") in lex.honorifics
        ):
            break
        nxt = words[k].lower() if k < len(words) else ""
        if low in lex.org_nouns and nxt and nxt not in {"of", "for"} and nxt not in lex.org_heads:
            break  # "Bookmaker Ladbrokes", "music giant EMI"; not "Department for Transport",
            # nor "Harvard University Institute of Politics"
        k -= 1
    while k < len(words) and words[k].lower() in _CONNECTORS_NOT_PARTICLES:
        k += 1
    return k


def _inside_organization(words: list[str], m: int, lex: Lexicon) -> bool:
    """In an organization's name, is words[m] a head of one ("Department for Transport")
    or a word before its head ("Society for Consumer Research"), not a role?"""
    if words[m].lower().strip(",.") in lex.org_heads:
        return True
    return m + 1 < len(words) and words[m + 1].lower().strip(",.") in lex.org_heads


def _role_word(word: str, lex: Lexicon) -> bool:
    low = word.lower().strip(",.")
    head, dash, rest = low.partition("-")
    if dash and head in lex.role_prefixes and rest:
        low = rest  # "Co-Chairman", "Vice-President"
    if low in lex.titles or low in lex.role_nouns:
        return True
    if low in lex.role_words:
        return True
    # German compounds end in their title: "Finanzminister", "Polizeisprecher"
    return bool(lex.limits.get("compound_titles")) and low.endswith(_compound_heads(lex.lang))


@lru_cache(maxsize=4)
def _compound_heads(lang: str) -> tuple[str, ...]:
    lex = load_lexicon(lang)
    return tuple(t for t in lex.titles | lex.role_nouns if len(t) >= 5)


def _is_org(words: list[str], lex: Lexicon) -> bool:
    if not words:
        return False
    if "&" in words or any("&" in w for w in words):
        return True  # "Marks & Spencer", "Langlands & Bell", "AT&T"
    if any(w.lower().strip(".,") in lex.org_heads for w in words):
        return True
    return len(words) == 1 and words[0].isupper() and len(words[0]) > 1


def _proper(words: list[str], lex: Lexicon) -> bool:
    """A proper-noun phrase: capitalised words and the connectors names use."""
    if not words or not words[0][:1].isupper() or words[0][:1].isdigit():
        return False
    if words[-1].lower() in _CONNECTORS:
        return False
    for n, w in enumerate(words):
        low = w.lower()
        if low in _CONNECTORS or (n and n == len(words) - 1 and low in _LEGAL_FORMS):
            continue  # "Acme plc"
        if w.isupper() and len(w) > 1:
            continue  # an acronym ("US", "IT") is no function word
        if not w[:1].isupper() or low in lex.pronouns:
            return False
        if low in lex.function_words and not (n and words[0].lower() not in lex.function_words):
            return False  # "The", "He"; but a surname may be a word too: "Theresa May"
    return True


def _description(text: str, lex: Lexicon) -> bool:
    """A noun phrase naming an unnamed source ("a BBC spokesman", "analysts")."""
    words = text.split()
    if not words or len(words) > 8 or any(c in text for c in ",;:()"):
        return False
    if not any(c.isalpha() for c in text) and not _PERCENT.fullmatch(text):
        return False  # "-", "2004"; "26%" (a share of those polled) is a source
    for w in words:
        low = w.lower().strip(".")
        if low in lex.cues or low in lex.indirect_cues or low in lex.clause_words:
            return False
    head = words[-1].lower().strip(".")
    return not (head in lex.noun_phrase_starts or head in lex.function_words)


def _strip_determiners(text: str, lex: Lexicon) -> str:
    """'the company' -> 'company', 'one fan' -> 'fan'."""
    words = text.split()
    while words and words[0].lower() in lex.noun_phrase_starts:
        words = words[1:]
    return " ".join(words)


def _stands_for(doc: Doc, d: Draft, desc: str, lex: Lexicon) -> tuple[str, str] | None:
    """The entity a description stands for in this article, if the text says which."""
    core = _strip_determiners(desc, lex)
    low = core.lower().split()
    if not low:
        return None
    # the head of "shadow secretary for the family" is "secretary"
    cut = next((i for i, w in enumerate(low) if i and w in _HEAD_ENDS), len(low))
    head = low[cut - 1]
    first = desc.split()[0].lower()
    if head in lex.spokespeople:
        return _spokesperson_for(doc, d, core.split(), first, lex)
    if head in lex.collectives and len(low) <= 2:
        # "police said", "Munich police said": an institution named by its common noun
        words = core.split()
        return core if len(words) == 1 or words[0][:1].isupper() else head, "organization"
    if head in lex.org_nouns and len(low) <= 2 and first in {"the", "its"}:
        # "the company added": EMI, quoted before; else the name the article is about
        found = _last_organization(doc, d, lex)
        if found is None:
            name = _organization_before(doc, d.mention[0] if d.mention else d.spans[0][0], lex)
            found = (name, "organization") if name else None
        return found
    if not (_role_word(head, lex) or head in lex.demonyms or _AGE.fullmatch(head)):
        return None
    found = _named_with(doc, core, lex)
    if not found:
        if first == "the" and head not in lex.titles:
            # an office ("the prime minister") is no one's nickname: only the text says whose
            # "… Molik grew in confidence. “…,” said the 23-year-old": the subject before
            name = last_subject(doc, d.mention[0] if d.mention else d.spans[0][0], lex)
            if name:
                return name, "person"
        return None
    names = {n for _, n in found}
    if len(names) > 1:
        earlier = [(p, n) for p, n in found if p < d.spans[0][0]]
        if not earlier:
            return None
        return _with_kind(max(earlier)[1], lex)
    return _with_kind(found[0][1], lex)


def _spokesperson_for(
    doc: Doc, d: Draft, words: list[str], first: str, lex: Lexicon
) -> tuple[str, str] | None:
    """'a BBC spokesman' speaks for the BBC; 'the press service' for the last one quoted."""
    named = [w for w in words[:-1] if w[:1].isupper()]
    if named and len(named) == len(words) - 1:
        if _is_org(named, lex) or " ".join(named).lower() in lex.organizations:
            return " ".join(named), "organization"
        return None
    if not named and first in {"the", "its"}:
        return _last_organization(doc, d, lex)
    return None


def _named_with(doc: Doc, core: str, lex: Lexicon) -> list[tuple[int, str]]:
    """Where the text names someone with this description, and whom: 'Prime Minister
    Tony Blair', 'Kelvin MacKenzie, the former Sun editor,'."""
    found = []
    for at in _occurrences(doc.text, core):
        before = doc.text[max(0, at - 80) : at]
        left = before.split()[-1] if before.endswith((" ", "\t")) and before.split() else ""
        if not _role_word(left, lex):  # not inside a longer title: "Deputy Prime Minister"
            m = _TITLE_THEN_NAME.match(doc.text, at + len(core))
            name = _trim_name(m.group(1), lex) if m else None
            if name:
                found.append((at, name))
        # an appositive is set off after too: "Kelvin MacKenzie, the former Sun editor,"
        # ("Echoing Condoleezza Rice, the prime minister said" is no appositive)
        after = doc.text[at + len(core) : at + len(core) + 1]
        m = _NAME_THEN_COMMA.search(before) if after in {",", ".", ";", ")", ""} else None
        name = _trim_name(m.group(1), lex) if m else None
        if name:
            found.append((at, name))
    return found


_TITLE_THEN_NAME = re.compile(  # initials too: "Dr John E. Kelly"
    r"\s+(?:(?:Mr|Mrs|Ms|Dr|Sir|Lord|Lady|Dame)\.?\s+)?"
    r"([A-Z][\w’'\-]+(?:\s+(?:&\s+|of\s+)?[A-Z](?:[\w’'\-]+|\.)){1,3})"
)
_NAME_THEN_COMMA = re.compile(
    r"((?:[A-Z][\w’'\-]+\s+){1,3}[A-Z][\w’'\-]+),\s+(?:the\s+|a\s+|an\s+)?$"
)


@lru_cache(maxsize=64)  # one article's names are looked up again by several rules
def _occurrences(text: str, phrase: str) -> tuple[int, ...]:
    """Where phrase stands in text as whole words, case folded."""
    low, phrase = _lower(text), phrase.lower()
    found, at = [], low.find(phrase)
    while at >= 0:
        end = at + len(phrase)
        if (at == 0 or not (low[at - 1].isalnum() or low[at - 1] == "-")) and (
            end >= len(low) or not low[end].isalnum()
        ):
            found.append(at)
        at = low.find(phrase, at + 1)
    return tuple(found)


@lru_cache(maxsize=8)
def _lower(text: str) -> str:
    return text.lower()


def _with_kind(name: str, lex: Lexicon) -> tuple[str, str]:
    """'Langlands & Bell' (the artists) is an organization, 'Tony Blair' a person."""
    return name, "organization" if _is_org(name.split(), lex) else "person"


#: How far back (characters) a subject is looked for.
_SUBJECT_REACH = 1500
_AGE = re.compile(r"\d+-year-old")
# a capitalised name that opens a sentence or a clause and is followed by its verb:
# ((?:[A-Z]\w+ (?:& )?){0,3}[A-Z]\w+) after the start of a line, a sentence's end or a
# comma. Its first capital is matched before the look-behinds that check what stands
# before it, so the engine skips at once from capital to capital (instead of trying
# every look-behind at every character); the rest of the name follows as before.
_SUBJECT_AFTER = ("^", r"[.!?]\s", r"[.!?]”\s", r"[.!?]\"\s", r",\s")
_SUBJECT = re.compile(
    r"([A-Z](?:" + "|".join(f"(?<={before}[A-Z])" for before in _SUBJECT_AFTER) + ")"
    r"(?:[\w’'\-]+[ \t]+(?:&[ \t]+)?(?:[A-Z][\w’'\-]+[ \t]+(?:&[ \t]+)?){0,2}[A-Z])?"
    r"[\w’'\-]+)(?=[ \t]+[a-z]|,[ \t])",
    re.M,
)


def last_subject(doc: Doc, pos: int, lex: Lexicon, lo: int | None = None) -> str | None:
    """The name last standing as the subject of a sentence before pos (two paragraphs)."""
    if lo is None:
        lo = max(0, doc.text.rfind("\n\n", 0, max(0, doc.text.rfind("\n\n", 0, pos))))
    if doc.headline:
        lo = max(lo, doc.headline[1])  # a headline's words are no sentence's subject
    lo = max(lo, pos - _SUBJECT_REACH)  # a subject is a few sentences back at most
    last = None
    for m in _SUBJECT.finditer(doc.text, lo, pos):
        following = doc.text[m.end() : m.end() + 40].split()
        if following and (_role_word(following[0], lex) or following[0] in lex.org_nouns):
            continue  # "Bafta-winning artists": a modifier, not a subject
        words = m.group(1).split()
        for k in range(len(words) - 1, 0, -1):
            if words[k - 1].endswith(("’s", "'s")):
                words = words[k:]  # "Arsenal's Sol Campbell"
                break
        if len(words) == 1 and words[0].lower().endswith(("ing", "ed", "ly")):
            continue  # "Using technology …": a participle opens the sentence
        while words and (
            words[0].lower() in lex.function_words
            or words[0].lower() in lex.noun_phrase_starts
            or re.split(r"[’']", words[0].lower())[0] in lex.pronouns  # "I've"
            or _role_word(words[0], lex)
            or words[0].rstrip(".").lower() in lex.honorifics
        ):
            words = words[1:]
        words = words[_name_start(words, lex) :]  # "Education Secretary | Ruth Kelly"
        if not words or not _proper(words, lex) or _is_org(words, lex):
            continue
        if len(words) == 1 and (
            words[0].lower() in lex.demonyms
            or _common_noun(doc, words[0])
            or not (words[0] in doc.names or _mid_sentence(doc, words[0]))
        ):
            continue  # "Past encounters …": a lone word only ever opening sentences
        name = " ".join(words)
        last = (m.start(), doc.names.get(name, name) if len(words) == 1 else name)
    titled = _titled_subject(doc, lo, pos, lex)
    if titled and (last is None or titled[0] > last[0]):
        return titled[1]
    return last[1] if last else None


def _titled_subject(doc: Doc, lo: int, pos: int, lex: Lexicon) -> tuple[int, str] | None:
    """'Arsenal vice-chairman David Dein has said …': a full name after its title,
    opening its sentence, followed by its verb."""
    text, found = doc.text, None
    if len(doc.name_ends) != len(doc.name_spans):
        doc.name_ends = [e for _, e, _ in doc.name_spans]  # names are found left to right
    first, last = bisect.bisect_left(doc.name_ends, lo), bisect.bisect_right(doc.name_ends, pos)
    for s, e, full in doc.name_spans[first:last]:
        if s < lo or e > pos or not _VERB_AFTER.match(text[e : e + 3]):
            continue
        # a sentence's or a clause's start: "And despite the results, | skipper Jason
        # Robinson believes …"
        start = max(
            text.rfind(". ", lo, s) + 2,
            text.rfind(", ", lo, s) + 2,
            text.rfind("\n", lo, s) + 1,
            lo,
        )
        prefix = text[start:s].split()
        if (
            prefix
            and all(
                w[:1].isupper() or _role_word(w, lex) or w.lower() in lex.noun_phrase_starts
                for w in prefix
            )
            and any(_role_word(w, lex) for w in prefix)
        ):
            found = (s, full)
    return found


_NAME_RUN = (
    r"[A-Z][\w’'\-]*(?:[ \t]+(?:&[ \t]+|of[ \t]+(?:the[ \t]+)?)?[A-Z][\w’'\-]*){0,4}"
    r"(?:[ \t]+(?:plc|inc|ltd|llc)\b)?"
)
_NAME_RUN_RE = re.compile(_NAME_RUN)
# "Laura Ashley, which is due …": a name that is a 'which', not a 'who'
_WHICH = re.compile(rf"({_NAME_RUN}),\s+which\b")
# "Oasis singer Liam Gallagher": the name a person's job is given by
_AFFILIATION = re.compile(rf"({_NAME_RUN})\s+([a-z][\w\-]*(?:\s+[a-z][\w\-]*)?)(?=\s+[A-Z][a-z])")


def _organization_before(doc: Doc, pos: int, lex: Lexicon) -> str | None:
    """The organization the text names last before pos: 'X, which', 'X singer Y', 'X plc'."""
    found: list[tuple[int, str]] = []
    head = doc.text[:pos]
    for m in _WHICH.finditer(head):
        found.append((m.start(), m.group(1)))
    for m in _AFFILIATION.finditer(head):
        if _role_word(m.group(2).split()[-1], lex):
            found.append((m.start(), m.group(1)))
    for m in _NAME_RUN_RE.finditer(head):
        words = m.group().split()
        if _is_org(words, lex) and len(words) <= 4:
            found.append((m.start(), m.group()))
    names = []
    for at, name in found:
        words = name.split()
        while words and (
            words[0].lower() in lex.function_words or words[0].lower() in lex.noun_phrase_starts
        ):
            words = words[1:]
        if words and _proper(words, lex) and not _role_word(words[-1], lex):
            if len(words) == 1 and words[0].lower() in lex.demonyms:
                continue  # "Dutch co-chairman Antony Burgmans": a nationality
            names.append((at, " ".join(words)))
    return max(names)[1] if names else None


def _last_organization(doc: Doc, d: Draft, lex: Lexicon) -> tuple[str, str] | None:
    """The organization last named as a speaker before this quote ("The Kremlin defined")."""
    for other in sorted(doc.drafts, key=lambda x: -x.spans[0][0]):
        if (
            other is not d
            and other.spans[0][0] < d.spans[0][0]
            and other.kind == "organization"
            and other.speaker
            and other.mention
            and other.speaker in doc.text[other.mention[0] : other.mention[1]]
            and _proper(other.speaker.split(), lex)
        ):
            return other.speaker, "organization"
    return None


def _trim_name(name: str, lex: Lexicon) -> str | None:
    words = [w.replace("’s", "").replace("'s", "") for w in name.split()]
    k = _name_start(words, lex)
    words = words[k:]
    if len(words) < 2 or not _proper(words, lex):
        return None
    if _is_org(words, lex) and "&" not in words:
        return None  # "the spokesman Home Office …": a person's title names a person
    return " ".join(words)


def _full_name(doc: Doc, name: str, lex: Lexicon) -> str:
    words = name.split()
    if len(words) == 2 and words[0].rstrip(".").lower() in lex.peerage:
        # "Sir Bernard" is the Bernard Ingham of the article; "Lord Browne" its only Browne
        for full in doc.names.values():
            fw = full.split()
            if words[1] in (fw[0], fw[-1]) and len(fw) > 1:
                return full
        return name
    if len(words) == 1:
        return doc.names.get(name, name)
    full = doc.names.get(words[-1])
    if len(words) == 2 and full and full != name and words[0] not in full.split():
        in_headline_only = doc.headline is not None and name not in doc.text[doc.headline[1] :]
        if in_headline_only or not _mid_sentence(doc, name):
            # a headline's "Dogged Federer", a sentence's "Again Roddick": the article's
            # Roger Federer and Andy Roddick (but Andy Robinson is not Jason Robinson)
            return full
    return name


def _addressed(doc: Doc, name: str, lex: Lexicon) -> bool:
    """Is the name given an honorific somewhere in the article ("Mr Peskov", "Ms Kelly")?"""
    text = doc.text
    for at in _occurrences(text, name):
        before = text[max(0, at - 6) : at].split()
        if before and before[-1].rstrip(".").lower() in lex.honorifics:
            return True
    return False


def _mid_sentence(doc: Doc, word: str) -> bool:
    """Is the word written capitalised inside a sentence somewhere ("… said Molik",
    "After a tough first set, Molik grew")?"""
    text = doc.text
    return any(
        text.startswith(word, at)
        and at > 1
        and text[at - 1] == " "
        and (text[at - 2].isalnum() or text[at - 2] in ",;")
        for at in _occurrences(text, word)
    )


def _people_noun(low: str, lex: Lexicon) -> bool:
    """A plural noun for people or texts: a source head ("critics"), a plural role
    ("ministers", "prosecutors"), a plural document ("polls", "surveys")."""
    if low in lex.org_heads or lex.limits.get("capitalised_nouns"):
        return False  # "Republicans", "Tories": a party; German "Sprechers" is a genitive
    if low in lex.source_heads and low.endswith("s"):
        return True
    if low.endswith("s") and (low[:-1] in lex.documents or low[:-3] + "y" in lex.documents):
        return True  # "Polls show", "Studies found"
    if low.endswith("s") and low[:-1] in lex.demonyms:
        return True  # "Britons think": a people, not a name
    return low.endswith("s") and len(low) > 2 and _role_word(low[:-1], lex)


def _common_noun(doc: Doc, word: str) -> bool:
    """'Research', 'Business': a capitalised word the text also writes in lower case,
    and never capitalised inside a sentence, is a common noun opening a sentence."""
    if word.isupper() or not word[:1].isupper() or len(word) < 2:
        return len(word) < 2
    if _people_noun(word.lower(), doc.lex):
        return True  # "Critics say", "Ministers said": people, not a name
    places = _occurrences(doc.text, word)
    if not any(doc.text.startswith(word.lower(), at) for at in places):
        return False
    text = doc.text
    return not any(  # capitalised inside a sentence: a name
        text.startswith(word, at)
        and at > 1
        and text[at - 1] == " "
        and (text[at - 2].islower() or text[at - 2] in ",;")
        for at in places
    )


def _roles(doc: Doc, drafts: list[Draft], lex: Lexicon, orgs: set[str]) -> None:
    """The fullest role the article gives each entity, on every quote of it."""
    by_name: dict[str, list[Draft]] = {}
    for d in drafts:
        if d.speaker and d.kind in ("person", "organization"):
            by_name.setdefault(d.speaker, []).append(d)
    for name, group in by_name.items():
        candidates = [_clean_role(d.role, name, lex) for d in group]
        candidates += _roles_in_text(doc, name, lex)
        candidates = [c for c in candidates if c]
        best = max(candidates, key=lambda c: (len(c.split()), len(c)), default=None)
        kind = _kind(name, [d.kind for d in group], best, lex, name in orgs)
        if kind == "organization" and " " not in name and _addressed(doc, name, lex):
            kind = "person"  # "Mr Peskov" somewhere in the article: a lone surname
        if kind == "organization" and _person_by_pronoun(name, best, group, lex):
            kind = "person"  # "Broadcaster Chris Evans … He added": "he" is said of a person
        if kind != "person" and best and not _organization_role(best, lex):
            best = None  # a job is a person's role, not an organization's
        for d in group:
            d.role, d.kind = best, kind


def _organization_role(role: str, lex: Lexicon) -> bool:
    """'UK-based bank', 'music giant', 'Bafta-winning artists': an organization's role
    ('member of the BMW management board' is a person's: its head is 'member'; so is
    'Bank of England governor', whose title ends it)."""
    words = role.lower().split()
    if not words or words[0] in lex.prepositions or words[0] == "of":
        return False  # "from the FNSEA agricultural union", "of his advisers": one of them
    last = words[-1]
    singular = not last.endswith("s") or last.endswith("ss")
    if singular and last not in lex.org_nouns and _role_word(last, lex):
        return False  # "Bank of England governor", "Bank of Japan chief": a person's title
    cut = next((i for i, w in enumerate(words) if i and w in _HEAD_ENDS), len(words))
    head = words[cut - 1]
    plural = head.endswith("s") and not head.endswith("ss") and head[:-1] in lex.role_nouns
    return head in lex.org_nouns or plural


def _person_by_pronoun(name: str, role: str | None, group: list[Draft], lex: Lexicon) -> bool:
    """'Broadcaster Chris Evans': a role that may name a business made a two-word name an
    organization; "he" or "she" said of it shows a person. Only a name like a person's
    (two or three words, none an organization's) and only against its role."""
    words = name.split()
    if not (role and 2 <= len(words) <= 3 and _person_name(name, lex)):
        return False
    last = role.lower().split()[-1]
    if last.endswith("s") or not _role_word(last, lex) or last in lex.org_heads:
        return False  # "researchers", "Iraqi activist group", "party": not one person's job
    return any(d.pronoun and lex.pronouns.get(d.pronoun) == "person" for d in group)


def _kind(
    name: str, kinds: list[str | None], role: str | None, lex: Lexicon, called_org: bool
) -> str:
    """One kind per entity of the article: its name, its role, what the text calls it."""
    if _is_org(name.split(), lex) or name.lower() in lex.countries:
        return "organization"  # "Japan said": its government
    if role:
        return "organization" if _organization_role(role, lex) else "person"
    if called_org or ("organization" in kinds and len(name.split()) == 1):
        return "organization"
    return "person" if "person" in kinds or len(name.split()) > 1 else (kinds[0] or "person")


def _clean_role(role: str | None, name: str, lex: Lexicon) -> str | None:
    if not role:
        return None
    words = [w for w in role.split() if w.rstrip(".").lower() not in lex.honorifics]
    words = [w for w in words if w not in name.split()]
    while words and (words[-1].lower() in _CONNECTORS_OR_DASHES or words[-1] in ",;:"):
        words = words[:-1]
    while words and (words[0].lower() in lex.noun_phrase_starts or words[0] in {"-", "–", ","}):
        words = words[1:]
    words = role_phrases.trim(words, lex)  # "And coach", "now chairman of Mersey TV"
    if not any(
        w.lower() in _HEAD_ENDS or w.lower() in lex.prepositions or w.lower() in lex.articles
        for w in words
    ):
        # a title before a name, as another rule read it: "Barca boss Frank Rijkaard and
        # | referee" (an appositive's "of", "at" are its own: "trader at Mellon Financial")
        words = role_phrases.cut(words, lex, lambda w: _role_word(w, lex))
    if not words or not any(_role_word(w, lex) or w.lower() in lex.org_nouns for w in words):
        return None
    return " ".join(words).strip(" ,")


def _finditer(name: str, text: str):
    """re.finditer(re.escape(name), text), without compiling a pattern per name."""
    if not name:
        yield from re.finditer("", text)
        return
    at = text.find(name)
    while at >= 0:
        yield _Found(at, at + len(name))
        at = text.find(name, at + len(name))


class _Found(NamedTuple):
    """Where a literal stands: start() and end(), as a match gives them."""

    s: int
    e: int

    def start(self) -> int:
        return self.s

    def end(self) -> int:
        return self.e


def _closing_quote(window: str, end: re.Match) -> bool:
    """Is the sentence end a closing quotation mark (one written right after a word)?"""
    return end.group() in {'"', "”"} and end.start() > 0 and not window[end.start() - 1].isspace()


def _roles_in_text(doc: Doc, name: str, lex: Lexicon) -> list[str]:
    """Titles before the name ("retail analyst Nick Bubb") and appositives after it."""
    found = []
    text = doc.text
    for m in _finditer(name, text):
        role = _role_before(text, m, lex)
        if role and _role_word(role[-1], lex) and len(role) <= 6:
            found.append(" ".join(role))
        # after: "Ian Gunner, a trader at Mellon Financial, said"
        a = _APPOSITIVE_ROLE.match(text, m.end())
        phrase = role_phrases.appositive(a.group(1), lex) if a else None
        if phrase:
            words = phrase.split()
            if any(_role_word(w, lex) for w in words[:5]) and not any(
                w.lower() in lex.cues for w in words
            ):
                found.append(phrase)
    return [r for r in (_clean_role(r, name, lex) for r in found) if r]


def _tokens_before(text: str, at: int, lex: Lexicon) -> list[str]:
    """The words of the sentence before a name, up to it (not across a paragraph)."""
    window = text[max(0, at - 120) : at]
    window = window[window.rfind("\n") + 1 :]
    ends = list(_SENTENCE_END.finditer(window))
    toks = _WORD.findall(window[ends[-1].end() :] if ends else window)
    if ends and _closing_quote(window, ends[-1]):
        toks = toks[1:] if toks[:1] == [","] else toks
        # the inverted cue: '"…", implored | guitar-toting environmental campaigner Barry Lim'
        toks = toks[1:] if toks[:1] and role_phrases.inverted_cue(toks[0], lex) else toks
    return toks


def _role_before(text: str, m: _Found, lex: Lexicon) -> list[str]:
    """The role words before a name: up to a determiner, a preposition, a verb or a sign."""
    toks = _tokens_before(text, m.start(), lex)
    is_role = lambda w: _role_word(w, lex)  # noqa: E731
    role: list[str] = []
    # "The club's managing director, Keith Edelman, stressed": a role set off before
    framed = bool(toks) and toks[-1] == "," and text[m.end() : m.end() + 1] == ","
    walk = toks[:-1] if framed else toks
    for n in range(len(walk) - 1, -1, -1):
        w = walk[n]
        low = w.lower()
        if low == "and" and role_phrases.joins_titles(walk, n, role, is_role):
            role.insert(0, w)  # "Screenwriter and producer Debra Hill"
            continue
        if w in _STOP_BEFORE_ROLE or low.rstrip(".") in lex.honorifics or low == "and":
            break
        if role_phrases.ends_role(walk, n, role, lex, is_role):
            break  # "the Pakistani president met | Prime Minister Tony Blair"
        if w.endswith(".") and low not in lex.abbreviations and len(w) > 2:
            break  # the sentence before ("… raid. Russian presidency spokesman")
        if low in lex.noun_phrase_starts or (low in lex.function_words and low not in lex.titles):
            # "But Tory leader …" stops; a capitalised word inside a name does not:
            # "Sunderland No campaigner"
            left = walk[n - 1] if n else ""
            if w.islower() or not left[:1].isupper() or left.lower() in lex.function_words:
                break
        if low in lex.cues or low in lex.indirect_cues:
            break
        if w.endswith(("’s", "'s", "s’", "s'")) and not role:
            break  # "Intel's Allen Wilson": an affiliation alone is no role
        role.insert(0, w)
        if w.endswith(("’s", "'s", "s’", "s'")) or len(role) > 6:
            break  # "the club's managing director", "Hollywood's honorary mayor"
    return role
