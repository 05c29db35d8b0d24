"""Step 'filters': drop what looks like a quotation but is not one.

Quotation marks also mark scare quotes, titles of works and nicknames. A quote of
at most `short_without_cue` words (lexicons/<lang>/limits.txt) with no cue is one
of those, and is dropped (a sentence's subject alone does not make it speech); so
is one of at most `short_with_cue` words even with a cue.
Quoted headings are kept, unattributed. A quote right after a noun that introduces a
name (lexicons/<lang>/name_nouns.txt: "der Titel „…“", "die Zeitung „…“") is a name,
unless a comma and a speech verb after it make it the speech of a cue ("„…“, sagte
…"), not a comma alone ("Unter dem Motto „…“, wird …"); a quote of capitalised
words right after an article is a name even before a comma, which then opens an
apposition ("der „New York Times“, bekräftigt …").
Where a language capitalises nouns, a quote of capitalised words and the lowercase
words names may hold (name_connectors.txt: "die „BILD am Sonntag“", "„Ärzte ohne
Grenzen“"), and adjectives between a connector and a noun ("„Rat für nationale
Sicherheit“"), is a name too, unless a word before it makes it a characterisation
(fragment_lead_ins.txt: "als „Feinde Gottes“").
A web address in quotation marks ("laut „tagesschau.de“") names a site.
A quote that ends the phrase naming its own source, after "von" or an article ("Laut
einem Artikel von „BBC News“", "nach Angaben des Leiters von „Ärzte ohne Grenzen“"),
is a name within that source, not what the source said.
A short quote in another language inside a German sentence, without a sentence's
closing mark, is a title or name ("„Piper at the Gates of Dawn“", "„L’Alliance
pour la Planète“"): one of its words is a foreign function word (foreign_words.txt) and none is
a German one.
"""

from __future__ import annotations

import re

from ..state import Doc


def run(doc: Doc) -> None:
    kept = []
    without = doc.lex.limits.get("short_without_cue", 3)
    with_cue = doc.lex.limits.get("short_with_cue", 0)
    for d in doc.drafts:
        if d.type == "indirect" or d.heading:
            kept.append(d)
            continue
        words = sum(len(doc.text[s:e].split()) for s, e in d.spans)
        marked = words if d.type != "mixed" else len(doc.text[d.outer[0] : d.outer[1]].split())
        if d.cue is None and marked <= without:
            # scare quotes, titles, nicknames: short, and nobody is said to have said them
            doc.log("filters", "dropped", f"{doc.snippet(*d.spans[0])}: {marked} words, no cue")
            continue
        why = next((why for check, why in _DROPPED if check(doc, d)), None)
        if why is not None:
            doc.log("filters", "dropped", f"{doc.snippet(*d.spans[0])}: {why}")
            continue
        if marked <= with_cue:
            doc.log("filters", "dropped", f"{doc.snippet(*d.spans[0])}: {marked} words")
            continue
        kept.append(d)
    doc.drafts = kept


# "laut „tagesschau.de“", "auf ''news.bbc.co.uk''": a site's address names it
_WEB_ADDRESS = re.compile(r"(?:www\.)?[\w\-]+(?:\.[\w\-]+)*\.[a-z]{2,6}", re.IGNORECASE)
_NAME_BEFORE = re.compile(r"(\w+)\s*[(\[]?$")


def web_address(doc: Doc, d) -> bool:
    """Is the quote a site's address ("laut „news.bbc.co.uk“")?"""
    return _WEB_ADDRESS.fullmatch(doc.text[d.spans[0][0] : d.spans[-1][1]].strip()) is not None


def named(doc: Doc, d) -> bool:
    """Does the quote stand right after a noun that introduces a name ("Motto „…“")?"""
    nouns = doc.lex.name_nouns
    if not nouns:
        return False
    m = _NAME_BEFORE.search(doc.text, max(0, d.outer[0] - 40), d.outer[0])
    if m is None:
        return False
    word = m.group(1).lower()
    if word in doc.lex.name_articles and _title_case(doc, d):
        # "die „Deutsche Krebshilfe“", "des „Spiegel“": a name after its article, and
        # so in an apposition ("der „New York Times“, bekräftigt …")
        return True
    if _speech_after(doc, d):
        return False  # "„…“, sagte …": the quote opens the sentence as speech
    # a compound ends in a longer noun ("Tageszeitung"); a short one must stand alone
    return word in nouns or any(word.endswith(n) for n in nouns if len(n) >= 6)


_AFTER_NAME = re.compile(r"\s*\([A-ZÄÖÜ][\w.\-]*\)")


def _title_case(doc: Doc, d) -> bool:
    """Is the quote a name: a few words, each capitalised ("Space Telescope
    Science Institute"), or one followed by its abbreviation ("…“ (STSI)")?"""
    s, e = d.spans[0]
    words = doc.text[s:e].split()
    if len(d.spans) > 1 or len(words) > 8 or doc.text[e - 1] in ".!?":
        return False
    if _AFTER_NAME.match(doc.text, d.outer[1]):
        return True
    # one capitalised word is as likely a noun quoted as speech ("einen „Ruck“"), and so
    # is a phrase with a lowercase word ("eine „Gefahr für Leib und Leben“")
    return len(words) >= 2 and all(w[:1].isupper() or not w[:1].isalpha() for w in words)


_LAST_WORD = re.compile(r"(\w+)\W*$")


def capitalised_name(doc: Doc, d) -> bool:
    """German: is the quote a name, its words capitalised but for a few connectors
    ("„Gesetz zur Änderung des Passgesetzes“", "„Der Spiegel“")?"""
    lex = doc.lex
    if not lex.name_connectors or len(d.spans) > 1 or d.heading:
        return False
    if _speech_after(doc, d):
        return False  # "„Ja“, sagte er": a comma and a speech verb after it make it speech
    s, e = d.spans[0]
    words = doc.text[s:e].split()
    if not words or len(words) > 10 or doc.text[e - 1] in ".!?…":
        return False
    if not (_capital(words[0]) and _capital(words[-1])):
        return False
    if not all(
        _capital(w) or w.lower() in lex.name_connectors or _attribute(words, k, lex)
        for k, w in enumerate(words)
    ):
        return False
    m = _LAST_WORD.search(doc.text, max(0, d.outer[0] - 30), d.outer[0])
    return not (m and m.group(1).lower() in lex.fragment_lead_ins)


_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")


def _attribute(words: list[str], k: int, lex) -> bool:
    """A lowercase adjective between a connector and a capitalised noun, inside a name
    ("Woche des verbotenen Buches", "Rat für nationale Sicherheit"); not a determiner
    ("Freiheit für alle Gefangenen")."""
    w = words[k]
    return (
        0 < k < len(words) - 1
        and words[k - 1].lower() in lex.name_connectors
        and w.isalpha()
        and w not in lex.determiners
        and w.endswith(_ADJECTIVE_ENDINGS)
        and words[k + 1][:1].isupper()
    )


def _speech_after(doc: Doc, d) -> bool:
    """Is the quote followed by a comma and its speech verb ("„Ja“, sagte er")? German
    puts the verb first there; a capitalised word after the comma opens an apposition
    ("der „Polizei von DeLand“, Commander Randy Henderson sagte")."""
    if not d.cue or d.cue[0] < d.outer[1]:
        return False
    between = doc.text[d.spans[-1][1] : d.cue[0]].lstrip('“”"«» ')
    if not between.startswith(",") or doc.text[d.cue[0] : d.cue[1]].lower() not in doc.lex.cues:
        return False
    first = between[1:].split(maxsplit=1)
    return not (doc.lex.name_connectors and first and first[0][:1].isupper())


def _capital(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit() or not word[:1].isalpha()


_FOREIGN_LIMIT = 8  # words: a title, not a sentence


def foreign_title(doc: Doc, d) -> bool:
    """German: is the quote a short title in another language ("„Have a nice day“")?"""
    foreign = doc.lex.foreign_words
    if not foreign or len(d.spans) > 1 or _speech_after(doc, d):
        return False  # "„That is a problem for us“, sagte Smith": speech
    s, e = d.spans[0]
    content = doc.text[s:e].rstrip()
    words = [w.strip(".,;:()'’\"").lower() for w in content.split()]
    if not words or len(words) > _FOREIGN_LIMIT or content[-1:] in ".!?…":
        return False
    german = doc.lex.function_words
    return any(w in foreign for w in words) and not any(w in german for w in words)


def in_source(doc: Doc, d) -> bool:
    """Is the quote part of the phrase that names its source ("Laut einem Artikel von
    „BBC News“")?"""
    if d.mention is None or d.mention[0] >= d.outer[0]:
        return False
    if not _capital(doc.text[d.spans[0][0] : d.spans[0][1]]):
        return False  # "der Präsident von der „schlimmsten Katastrophe“": not a name
    gap = doc.text[d.mention[1] : d.outer[0]]
    words = doc.text[d.mention[0] : d.mention[1]].split()
    return not gap.strip() and bool(words) and words[-1].lower() in doc.lex.genitive_links


#: What a quotation with a cue can still be, in the order it is asked: each says why it is
#: dropped (for the trace).
_DROPPED = (
    (named, "a name, after its noun"),
    (web_address, "a web address"),
    (in_source, "names its own source"),
    (foreign_title, "a foreign title"),
    (capitalised_name, "a name in capitals"),
)
