"""The subject of an English sentence or clause, the speaker of a quote in the next one:
the noun phrase before its first verb, past datelines and titles."""

from __future__ import annotations

from .. import phrases


def subject(toks: list[phrases.Token], lex, text: str) -> phrases.Phrase | None:
    """The noun phrase a clause starts with (its subject), after an opening adverbial."""
    i = 0
    if toks and toks[0][2].lower() in lex.subject_openers:
        comma = next((k for k, t in enumerate(toks[:12]) if t[2] == ","), None)
        i = comma + 1 if comma is not None else 1
    if i >= len(toks):
        return None
    if toks[i][2].lower() in lex.pronouns:
        return phrases.Phrase(
            toks[i][0], toks[i][1], toks[i][2], None, None, pronoun=toks[i][2].lower()
        )
    first = toks[i][2]
    if first.isupper() and len(first) > 1 and i + 1 < len(toks) and toks[i + 1][2] in "—–-(":
        # a dateline, "WASHINGTON — …": the clause starts after it
        k = next((k for k in range(i + 1, min(len(toks), i + 8)) if toks[k][2] in "—–-"), i + 1)
        return subject(toks[k + 1 :], lex, text) if k + 1 < len(toks) else None
    k = _dateline_end(toks, i)
    if k is not None:
        # "WASHINGTON, Dec. 8 (UPI) —", "Washington (AFP) –", "DECATUR, Ill. —"
        return subject(toks[k + 1 :], lex, text) if k + 1 < len(toks) else None
    adverbial = (
        first.lower() in lex.function_words
        and first.lower() not in lex.noun_phrase_starts
        and first.rstrip(".").lower() not in lex.honorifics  # "Mr Mallon provoked …"
        or first.endswith(("ing", "ly", "ed"))
        and first[:1].isupper()
    )
    if adverbial:
        # "Shortly after, …", "Asked about it, …": the subject follows the comma
        comma = next((k for k in range(i, min(len(toks), i + 12)) if toks[k][2] == ","), None)
        return subject(toks[comma + 1 :], lex, text) if comma is not None else None
    k = i
    while k < len(toks) and (
        toks[k][2][:1].isupper()
        or toks[k][2].lower() in lex.titles
        or toks[k][2].lower() in lex.role_nouns
        or toks[k][2].lower() in lex.noun_phrase_starts
        or toks[k][2] in {".", "-"}
        or toks[k][2].lower() in phrases.PARTICLES
        # "Work and pensions minister Alan Johnson": a title in two parts
        or (toks[k][2] == "and" and k > i and _title_follows(toks, k + 1, lex))
        or (
            toks[k][2].islower()
            and k > i
            and toks[k - 1][2] == "and"
            and _title_follows(toks, k, lex)
        )
    ):
        k += 1
    return phrases.split_name(toks[i:k], lex, text) if k > i else None


_DATELINE_REACH = 10  # tokens of place, date and agency before a dateline's dash


def _dateline_end(toks: list[phrases.Token], i: int) -> int | None:
    """Where the dash of a dateline opening the clause at toks[i] stands: a place in
    capitals, or any place with an agency in capitals in brackets ("Washington (AFP) –"),
    then only capitalised words, numbers, commas, full stops and brackets up to a dash."""
    agency = False
    for k in range(i + 1, min(len(toks), i + _DATELINE_REACH)):
        word = toks[k][2]
        if word in {"—", "–"} or word == "-" and toks[k - 1][2] == ")":
            capitals = toks[i][2].isupper() and len(toks[i][2]) > 1
            return k if capitals or agency else None
        if word == "(" and k + 2 < len(toks) and toks[k + 2][2] == ")":
            agency = agency or (toks[k + 1][2].isupper() and len(toks[k + 1][2]) > 1)
            continue
        if not (word[:1].isupper() or word.isdigit() or word in {",", ".", ")"}):
            return None
    return None


def _title_follows(toks: list[phrases.Token], k: int, lex) -> bool:
    """A title word among the next two tokens ("and pensions minister")."""
    return any(
        t[2].lower() in lex.titles or t[2].lower() in lex.role_nouns for t in toks[k : k + 2]
    )
