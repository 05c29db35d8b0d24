"""Title words that are surnames: "Kelli White", "Mr King", "Robin Cook".

A word of lexicons/<lang>/surname_titles.txt that ends a name is the surname after an
honorific ("Mr King") or after a given name, a capitalised word that no word list knows
("Brett Lock"); else it stays a title or a role ("Foreign Secretary", "the world
champion", "England lock"). Read by entities (which names an article holds) and by
canonical (where a speaker's name starts), so both agree.
"""

from __future__ import annotations

from ..lexicon import Lexicon


def after_honorific(words: list[str], mention: str, lex: Lexicon) -> bool:
    """Is the last of words a title word that stands right after an honorific in the
    mention ("Mr King", "Ms King": no given name in the article)?"""
    if not words or words[-1].lower() not in lex.surname_titles:
        return False
    said = mention.split()
    return (
        len(said) > 1 and said[-1] == words[-1] and said[-2].lower().rstrip(".") in lex.honorifics
    )


def surname_at(words: list[str], m: int, lex: Lexicon) -> bool:
    """Is words[m], the last of words, a title word that is the name's surname?"""
    if m != len(words) - 1 or m == 0 or words[m].lower().strip(",.") not in lex.surname_titles:
        return False
    before = words[m - 1]
    low = before.lower().rstrip(".,")
    if low in lex.honorifics:
        return True
    known = (
        low in lex.titles
        or low in lex.role_nouns
        or low in lex.role_words
        or low in lex.function_words
        or low in lex.demonyms
        or low in lex.organizations
        or low in lex.org_heads
        or low in lex.org_nouns
    )
    return before[:1].isupper() and before.isalpha() and not known
