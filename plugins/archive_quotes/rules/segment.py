"""Step 'paragraphs' and 'sentences': split the text, keeping offsets.

Paragraphs are separated by blank lines. Sentences are found on a masked copy of
the text in which every quotation's inside is blanked out, so a full stop inside a
quote never ends the sentence that frames it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*")
# A sentence ends at a run of [.!?…] (and a closing mark) before white space and a
# capital, or at the end; or ("sagte Merkel.Als …") at a full stop glued to the next
# sentence's first word, after two lower-case letters. The branches share their first
# sign, matched before them: a pattern that opens with one class of characters is
# scanned at C speed from one such sign to the next, not tried at every character.
_SENTENCE_END = re.compile(
    r"[.!?…](?:"
    r"[.!?…]*[\"”’»“]?(?=\s+[\"“‘«„(\[]?[A-Z0-9ÀÁÂÄÅÉÈÊÖÜÇÑŠŽČĆ]|\s*$)"
    r"|(?<=[a-zäöüß]{2}\.)(?=[A-ZÄÖÜ][a-zäöüß]+\b(?![.\-]\w))"
    r")"
)
# (?<!\w): the leftmost match starts a word anyway; without it, each letter inside a word
# was tried as a start, and the search cost the square of the word's length
_WORD_BEFORE = re.compile(r"(?<!\w)(\w+(?:\.\w+)*)\.?$")
# A word (with inner apostrophes, dots, hyphens, and a slash before a capital:
# "In-Stat/MDR", "New York Times/CBS News" poll), or one sign ("and/or" stays three).
TOKEN = re.compile(r"\w+(?:[’'.\-]\w+|/[A-Z]\w*)*|[^\w\s]")


def at_word_starts(pattern: re.Pattern, text: str) -> Iterator[re.Match]:
    """What re.compile(r"\b" + pattern.pattern).finditer(text) finds, for a pattern whose
    every match starts with a word character. A pattern that begins with a class of
    characters, not with r"\b", is scanned for several times faster; the boundary is
    checked here, on the few places it matches."""
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        s = m.start()
        if s and (text[s - 1].isalnum() or text[s - 1] == "_"):
            pos = s + 1  # inside a word: no r"\b" here, look further
            continue
        yield m
        pos = max(m.end(), s + 1)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans, each trimmed of surrounding white space."""
    spans = []
    for m in _PARAGRAPH.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            spans.append((s, e))
    return spans


def sentences(
    masked: str,
    start: int,
    end: int,
    abbreviations: frozenset[str],
    ordinal_nouns: frozenset[str] = frozenset(),
) -> list[tuple[int, int]]:
    """Sentence spans within [start, end) of the masked text."""
    spans = []
    s = start
    for m in _SENTENCE_END.finditer(masked, start, end):
        word = (  # both tests below are of a full stop: no other end needs the word
            _WORD_BEFORE.search(masked[max(s, m.start() - 20) : m.start() + 1])
            if masked[m.start()] == "."
            else None
        )
        if word and masked[m.start()] == "." and word.group(1).lower() in abbreviations:
            continue  # "Mr. Peskov": an abbreviation's full stop ends no sentence
        if m.end() < end and not masked[m.end()].isspace() and not _glued_end(word):
            continue  # "One.Tel", "Halo.Bungie.Org": a name or an address, no end
        if (
            word
            and masked[m.start()] == "."
            and len(word.group(1)) == 1
            and word.group(1).isupper()
        ):
            continue  # an initial ("Donald J. Trump")
        if (
            ordinal_nouns
            and word
            and word.group(1).isdigit()
            and len(word.group(1)) <= 2
            and _ordinal(masked, m, ordinal_nouns)
        ):
            continue  # German "am 20. August": the full stop makes the number an ordinal
        e = m.end()
        if e > s:
            spans.append((s, e))
        s = e
        while s < end and masked[s].isspace():
            s += 1
    if s < end:
        spans.append((s, end))
    return spans


_NEXT_WORD = re.compile(r"\s*(\w+)")


def _glued_end(word: re.Match | None) -> bool:
    """Does a full stop with no space after it end a sentence ("Merkel.Als")? Only after
    a word of four letters or more that holds no full stop itself (not "One.Tel", not the
    "Bungie" of "Halo.Bungie.Org")."""
    return word is not None and len(word.group(1)) >= 4 and "." not in word.group(1)


def _ordinal(masked: str, m: re.Match, nouns: frozenset[str]) -> bool:
    """Is the number before this full stop an ordinal, a noun of dates after it?"""
    nxt = _NEXT_WORD.match(masked, m.end())
    return nxt is not None and nxt.group(1).lower() in nouns
