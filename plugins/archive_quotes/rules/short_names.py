"""An organization named by its head word alone: "the Bank said" after "the Bank of
England", "the Commission" after "the European Commission", "the Court" after "the
Court of Appeal". The head word (lexicons/<lang>/short_org_heads.txt) stands for the full name
the article gave last before the quote; with none, it stays as it is.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..state import Doc

_NAME_WORD = r"[A-Z][\w&\-]*"  # no apostrophe: "the Bank of England's" ends at England
_LONGEST = 5  # name words besides the head


@lru_cache(maxsize=256)
def _patterns(head: str) -> tuple[re.Pattern, re.Pattern]:
    word = re.escape(head)
    of = re.compile(rf"\b{word} of (?:the )?{_NAME_WORD}(?: (?:and )?{_NAME_WORD}){{0,2}}")
    before = re.compile(rf"((?:{_NAME_WORD} ){{1,{_LONGEST}}}){word}\b")  # one line
    return of, before


def full_organization(doc: Doc, name: str, pos: int) -> str:
    """The full name an organization's lone head word stands for before pos, or name."""
    lex = doc.lex
    if " " in name or name.lower() not in lex.short_org_heads:
        return name
    of, before = _patterns(name)
    found = [(m.start(), m.group(0)) for m in of.finditer(doc.text, 0, pos)]
    for m in before.finditer(doc.text, 0, pos):
        words = m.group(1).split()
        while words and (
            words[0].lower() in lex.function_words or words[0].lower() in lex.pronouns
        ):
            words = words[1:]  # "The", "But the": a sentence's start, no part of the name
        if words:
            found.append((m.start(), " ".join([*words, name])))
    return max(found)[1] if found else name
