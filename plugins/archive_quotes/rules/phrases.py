"""Noun phrases around a cue: who is speaking, as the text names them.

Works on tokens (start, end, word) of one sentence. ``backward`` reads the subject
before a cue ("Russian presidency spokesman Dmitri Peskov explained"), ``forward``
the speaker after an inverted cue ("said Duma deputy Mikhail Sheremet").
"""

from __future__ import annotations

from dataclasses import dataclass

from ..lexicon import Lexicon

Token = tuple[int, int, str]

# Particles inside names from any language ("Ursula von der Leyen", "Ibn Saud"): the same
# for every text, so not per language. Every other word list is in lexicons/<lang>/.
PARTICLES = frozenset(
    """
de van von der den bin al la le du del da di dos das ibn mc
""".split()
)


@dataclass(slots=True)
class Phrase:
    """A speaker mention: its span, the name it gives, and the role words around it."""

    start: int
    end: int
    name: str
    kind: str | None
    role: str | None
    pronoun: str | None = None


def adverb(word: str) -> bool:
    """'egregiously', 'quickly': a lowercase -ly word between a subject and its verb."""
    return word.islower() and len(word) > 4 and word.endswith("ly")


def _pronoun_at(tok: Token, lex: Lexicon) -> Phrase | None:
    """A pronoun ("he"), or one with its auxiliary ("I've said", "I'd say": not a name)."""
    if tok[2].lower() in lex.pronouns:
        return Phrase(tok[0], tok[1], tok[2], None, None, pronoun=tok[2].lower())
    return contracted_pronoun(tok, lex)


def contracted_pronoun(tok: Token, lex: Lexicon) -> Phrase | None:
    """'He’s', 'They’re', 'I've' before a verb: the pronoun, with its auxiliary cut off."""
    pronoun, sep, rest = tok[2].replace("’", "'").partition("'")
    if not sep or rest.lower() not in lex.contractions or pronoun.lower() not in lex.pronouns:
        return None
    return Phrase(tok[0], tok[0] + len(pronoun), pronoun, None, None, pronoun=pronoun.lower())


def capitalised(word: str) -> bool:
    return word[:1].isupper()


def is_name_word(word: str, lex: Lexicon) -> bool:
    low = word.lower()
    return (
        capitalised(word)
        and low not in lex.function_words
        and low not in lex.titles
        and low not in lex.honorifics
    ) or low in PARTICLES


_PARTICLES_OR_DOT = PARTICLES | {"."}


def _and_in_organization(tokens: list[Token], k: int, hi: int, lex: Lexicon) -> bool:
    """Is the 'and' at tokens[k] inside an organization's name: capitalised words on both
    sides, up to its head ("Securities and Exchange Commission", "Food and Drug
    Administration", "Health and Safety Executive")? Not a list ("Blair and Brown")."""
    if not (0 < k < hi - 1 and capitalised(tokens[k - 1][2]) and capitalised(tokens[k + 1][2])):
        return False
    before = tokens[k - 1][2]
    named = before.lower() in lex.org_heads and k > 1 and is_name_word(tokens[k - 2][2], lex)
    if named or (before.isupper() and len(before) > 1):
        return False  # "the IMF and World Bank", "the Washington Post and ABC News": two
    if k > 1 and tokens[k - 2][2] in {",", "&"}:
        return False  # "Radio, Film and Television": a list
    m = k + 2  # a word of the name between 'and' and its head: not "Democrats and Republicans"
    while m < hi and capitalised(tokens[m][2]):
        head = tokens[m][2].lower()
        if head in lex.org_heads:
            # "Conservatives and Liberal Democrats": two groups, each a plural head
            return not (before.lower() in lex.org_heads and head.endswith("s"))
        m += 1
    return False


def _in_name(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """Is tokens[k] part of the capitalised name that runs on after it: a name word, an
    initial's full stop, an ampersand and the word before it ("AT&T"), or an 'and'
    inside an organization's name? Read backward by split_name and _last_name."""
    word = tokens[k][2]
    return (
        is_name_word(word, lex)
        or (word == "." and k > 0 and len(tokens[k - 1][2]) == 1)
        or _ampersand(tokens, k)
        or (k + 1 < len(tokens) and _ampersand(tokens, k + 1))  # "AT" of "AT&T"
        or (word == "and" and _and_in_organization(tokens, k, len(tokens), lex))
    )


def _ampersand(tokens: list[Token], k: int) -> bool:
    """Is tokens[k] an '&' inside a name ("M&S", "Marks & Spencer", "AT&T")?"""
    return (
        tokens[k][2] == "&"
        and 0 < k < len(tokens) - 1
        and capitalised(tokens[k - 1][2])
        and capitalised(tokens[k + 1][2])
    )


def split_name(tokens: list[Token], lex: Lexicon, text: str) -> Phrase | None:
    """Split a noun phrase into role words and the name that ends it."""
    if not tokens:
        return None
    k = len(tokens)
    while k > 0 and tokens[k - 1][2] in {",", "’s", "'s"}:
        k -= 1
    tokens = tokens[:k]
    if not tokens:
        return None
    i = len(tokens)
    while i > 0 and _in_name(tokens, i - 1, lex):
        i -= 1
    while i < len(tokens) and tokens[i][2].lower() in _PARTICLES_OR_DOT:
        i += 1
    i = _organization_start(tokens, i, lex)  # "the National Highway Traffic Safety Administration"
    of = _of_before(tokens, i, lex)
    if of is None:
        of = _org_link(tokens, i, lex)  # "Office for | National Statistics"
    if of is not None:
        return _name_of(tokens[:of], tokens[of + 1 :], lex, text)
    start, end = tokens[0][0], tokens[-1][1]
    if i < len(tokens):
        name = text[tokens[i][0] : tokens[-1][1]]
        role = text[tokens[0][0] : tokens[i][0]].strip(" ,") or None
        if role and role.lower() in lex.noun_phrase_starts:
            role = None
        if role:
            words = role.split()
            while words and words[0].lower() in lex.noun_phrase_starts:
                words = words[1:]
            role = " ".join(words) or None
        words = [t[2].lower() for t in tokens[i:]]
        org = any(w in lex.organizations for w in words)
        kind = "organization" if org else ("person" if len(words) > 1 or role else None)
        return Phrase(start, end, name, kind, role)
    # no capitalised name: a description such as "the statement" or "officials"
    words = [t for t in tokens if t[2].lower() not in lex.noun_phrase_starts and t[2] != ","]
    if not words:
        return None
    name = text[words[0][0] : words[-1][1]]
    low = {t[2].lower() for t in words}
    # a description is a person only when its words say so ("a spokesman", "officials")
    if not (low.isdisjoint(lex.organizations) and low.isdisjoint(lex.documents)):
        kind = "organization"
    elif low & lex.titles:
        kind = "person"
    else:
        kind = None
    return Phrase(start, end, name, kind, None)


def backward(
    tokens: list[Token], j: int, lex: Lexicon, text: str, lo: int = 0, antecedent: bool = False
) -> Phrase | None:
    """The subject that ends just before tokens[j] (the cue), not before tokens[lo];
    with antecedent, the noun phrase a relative pronoun at tokens[j + 1] stands for."""
    i = j - 1
    while i >= lo and (tokens[i][2].lower() in lex.skip_words or adverb(tokens[i][2])):
        i -= 1
    if i < lo:
        return None
    word = tokens[i][2]
    pronoun = _pronoun_at(tokens[i], lex)
    if pronoun is not None:
        return pronoun
    if word == ",":
        return _appositive(tokens, i, lex, text, lo)
    end = i
    if word == ")":
        # "Harry M. Reid (D-Nev.) said": the party label belongs to the name before it
        k = i - 1
        while k > lo and tokens[k][2] != "(" and i - k < 10:
            k -= 1
        if tokens[k][2] != "(" or k - 1 < lo:
            return None
        i = k - 1
    if word.lower() == "who" and i - 1 >= lo and tokens[i - 1][2] == ",":
        # "Scott Reed, the Chamber's strategist, who added": the relative pronoun speaks;
        # "lined up with Priebus, who has said": its antecedent may follow a preposition
        ante = backward(tokens, i - 1, lex, text, lo, antecedent=True) if i - 2 >= lo else None
        if ante is not None:
            return Phrase(tokens[i][0], tokens[i][1], ante.name, ante.kind, ante.role)
        return None
    k = _run_start(tokens, i, lex, lo)
    if k > i:
        return None
    if k - 1 >= lo and tokens[k - 1][2].lower() in lex.prepositions and k == i and not antecedent:
        return None  # a lone word after a preposition is its object ("from Iowa")
    if tokens[i][2] in lex.time_words:
        return None  # lowercase only: "the past" is a time, "the Times" a newspaper
    phrase = split_name(tokens[k : i + 1], lex, text)
    if phrase is not None and end != i:
        phrase.end = tokens[end][1]
    return phrase


def _organization_start(tokens: list[Token], i: int, lex: Lexicon) -> int:
    """Where an organization's name ending the tokens starts, when title words open it
    ("National | Audit Office"), and capitalised words before those ("Republican National
    Committee", "US State Department"); else i."""
    k = i
    while 0 < k < len(tokens) and _titled_organization(tokens, k - 1, lex):
        k -= 1
    if k == i:
        return i
    while k > 0 and capitalised(tokens[k - 1][2]) and tokens[k - 1][2].isalpha():
        low = tokens[k - 1][2].lower()
        if low in lex.honorifics or low in lex.function_words:
            break
        k -= 1
    return k


def _titled_organization(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """Is tokens[k] a capitalised title word that begins an organization's name ("National
    | Highway Traffic Safety Administration")?"""
    word = tokens[k][2]
    low = word.lower()
    return (
        capitalised(word)
        and low in lex.org_title_openers
        and tokens[-1][2].lower() in lex.org_heads
    )


def _of_before(tokens: list[Token], i: int, lex: Lexicon) -> int | None:
    """The 'of' that joins the name starting at tokens[i] to a name before it ("Bank |
    of | England", "Mr. Morgan | of the | Sierra Club"), or None."""
    if not 1 < i < len(tokens):
        return None
    k = i - 2 if tokens[i - 1][2] == "the" else i - 1
    if k < 1 or not _of_names(tokens, k, lex):
        return None
    return k


def _of_after(window: list[Token], e: int, lex: Lexicon) -> bool:
    """Does an organization's name ending at window[e - 1] go on with 'of' and one name
    that ends the window ("the Telecom Regulatory Authority | of India")?"""
    if not 0 < e < len(window) - 1 or window[e][2] != "of":
        return False
    rest = window[e + 1 :]
    if rest and rest[0][2] == "the":
        rest = rest[1:]
    head = window[e - 1][2].lower()
    names = all(is_name_word(t[2], lex) for t in rest)
    return head in lex.org_heads and bool(rest) and names and _of_names(window, e, lex)


def _org_link(tokens: list[Token], i: int, lex: Lexicon) -> int | None:
    """An 'of' or 'for' after an organization's head, shortly before the name starting at
    tokens[i] ("Office for | National | Statistics"), or None."""
    for k in range(i - 1, max(0, i - 3), -1):
        if tokens[k - 1][2].lower() in lex.org_heads and _of_names(tokens, k, lex):
            return k
    return None


def _of_names(tokens: list[Token], k: int, lex: Lexicon) -> bool:
    """Is tokens[k] an 'of' between two names ("Sanders of Vermont", "Bank of England",
    "Duke of Edinburgh"), or a 'for' after an organization's head ("Office for National
    Statistics", "Department for International Development")?"""
    if not 0 < k < len(tokens) - 1:
        return False
    before = tokens[k - 1][2]
    link = tokens[k][2]
    if link != "of" and not (link == "for" and before.lower() in lex.org_heads):
        return False
    after = tokens[k + 2][2] if tokens[k + 1][2] == "the" and k + 2 < len(tokens) else ""
    named = is_name_word(before, lex) or before.lower() in lex.place_titles
    nxt = after or tokens[k + 1][2]
    opener = capitalised(nxt) and nxt.lower() in lex.org_title_openers  # "for National …"
    return named and capitalised(before) and (is_name_word(nxt, lex) or opener)


def _name_of(left: list[Token], right: list[Token], lex: Lexicon, text: str) -> Phrase | None:
    """A name, 'of' and a name: one organization when the first ends in a word that makes
    one ("the Bank of England", "the University of Leeds"); else a person and where they
    are from ("Bernie Sanders of Vermont", "John Curtice of Strathclyde University"):
    the person speaks, the phrase covers both."""
    head = left[-1][2].lower()
    if head in lex.place_titles:  # "the Roman Catholic Archbishop of Cardiff": one title
        role = [t[2] for t in left[:-1] if t[2].lower() not in lex.noun_phrase_starts]
        start, end = left[0][0], right[-1][1]
        return Phrase(start, end, text[left[-1][0] : end], "person", " ".join(role) or None)
    if head not in lex.org_heads and head not in lex.organizations:
        phrase = split_name(left, lex, text)
        if phrase is None:
            return None
        phrase.end = right[-1][1]
        one_word = " " not in phrase.name and not phrase.role
        if one_word or phrase.name.lower() in lex.place_titles:
            # "the Duke of Edinburgh", "the Confederation of British Industry", "News of
            # the World": a lone word before 'of' is no person's whole name
            phrase.name = text[text.index(phrase.name, phrase.start) : phrase.end]
            if one_word and phrase.name.lower() not in lex.place_titles:
                phrase.kind = "organization"
        return phrase
    k = len(left)
    while k > 0 and is_name_word(left[k - 1][2], lex):
        k -= 1
    role_words = [t[2] for t in left[:k] if t[2].lower() not in lex.noun_phrase_starts]
    start, end = left[0][0], right[-1][1]
    name = text[left[k][0] : end] if k < len(left) else text[left[-1][0] : end]
    return Phrase(start, end, name, "organization", " ".join(role_words) or None)


def _run_start(tokens: list[Token], i: int, lex: Lexicon, lo: int) -> int:
    """Where the noun phrase ending at tokens[i] starts."""
    k = i
    loose = 0  # lowercase words of unknown kind ("senior", "gambling tycoon")
    while k >= lo:
        word = tokens[k][2]
        low = word.lower()
        if (
            capitalised(word)
            and low not in lex.function_words
            or low in lex.titles
            or low in lex.role_nouns
            or low in PARTICLES
            or low in lex.honorifics
        ):
            pass
        elif (
            low == "and"
            and lo < k < i
            and tokens[k + 1][2].islower()
            and (capitalised(tokens[k - 1][2]) or tokens[k - 1][2].lower() in lex.titles)
        ):
            pass  # "Work and pensions minister Alan Jones": one title in two parts
        elif low == "and" and lo < k < i and _and_in_organization(tokens, k, i + 1, lex):
            pass  # "the Securities and Exchange Commission"
        elif (k < i and _ampersand(tokens, k)) or (k + 1 < i and _ampersand(tokens, k + 1)):
            pass  # "AT&T", "Marks & Spencer": the ampersand and the word before it
        elif (
            word == "."
            and k > lo
            and (len(tokens[k - 1][2]) <= 4 and capitalised(tokens[k - 1][2]))
        ):
            pass  # "Sen." or an initial
        elif (
            word == "-" or word in {"’s", "'s"} or low in lex.organizations or low in lex.documents
        ):
            pass
        elif low in {"of", "for"} and lo < k < i and _of_names(tokens, k, lex):
            pass  # "Bernie Sanders of Vermont", "the Bank of England": see split_name
        elif low in lex.noun_phrase_starts or low in lex.possessives:
            if (
                low == "the"
                and k - 2 >= lo
                and tokens[k - 1][2] == "of"
                and (capitalised(tokens[k - 2][2]) or tokens[k - 2][2].lower() in lex.titles)
            ):
                k -= 2  # "Mr. Morgan of the Sierra Club", "the chairman of the Duma"
                continue
            k -= 1
            break
        elif (
            word.isalpha()
            and word.islower()
            and loose < 3
            and not (low in lex.cues or low in lex.frame_cues or low in lex.function_words)
        ):
            loose += 1
        else:
            break
        k -= 1
    k += 1
    # a phrase of loose lowercase words counts only when a determiner or a known word opens it
    if loose and not (
        k <= i
        and (
            tokens[k][2].lower() in lex.noun_phrase_starts
            or tokens[k][2].lower() in lex.possessives
        )
    ):
        while (
            k <= i
            and tokens[k][2].islower()
            and tokens[k][2].lower() not in lex.titles
            and tokens[k][2].lower() not in lex.organizations
            and tokens[k][2].lower() not in lex.documents
            and tokens[k][2].lower() not in lex.role_nouns
        ):
            k += 1
    return k


_APPOSITIVE_REACH = 25  # tokens between the commas of an appositive


def _appositive(tokens: list[Token], comma: int, lex: Lexicon, text: str, lo: int) -> Phrase | None:
    """'X, the role, said' or 'The role, X, said': the name is the part that is a name."""
    k = _comma_before(tokens, comma, lo)
    if k is None:
        return None
    if _place_after(tokens, k, comma, lex, lo):
        # "a philanthropist from Monsey, New York, said": one appositive, if it opens
        k = _comma_before(tokens, k, lo) or k
        origin = _origin(tokens, k, lex, text, lo)
        if origin is not None:
            return origin
    inner = tokens[k + 1 : comma]
    inner_phrase = split_name(_without_label(inner), lex, text)
    if (
        inner_phrase
        and inner_phrase.kind == "person"
        and (inner_phrase.role is None or _title_only(inner_phrase.role, lex))
        and all(capitalised(w) or w in PARTICLES for w in inner_phrase.name.split())
    ):
        # "The chairman of the Russian Duma, Vyacheslav Volodin, thundered"; "Head of
        # genetics at the Institute, Professor Robin Lovell-Badge, said"
        before_start = _run_start(tokens, k - 1, lex, lo) if k - 1 >= lo else k
        role_tokens = tokens[before_start:k]
        while before_start > lo and tokens[before_start - 1][2].lower() in {"of", "the", "for"}:
            before_start = (
                _run_start(tokens, before_start - 2, lex, lo)
                if before_start - 2 >= lo
                else before_start - 1
            )
            role_tokens = tokens[before_start:k]
        role = text[role_tokens[0][0] : role_tokens[-1][1]] if role_tokens else None
        start = role_tokens[0][0] if role_tokens else inner_phrase.start
        return Phrase(start, inner_phrase.end, inner_phrase.name, "person", _strip_det(role, lex))
    # "Peskov, the Kremlin spokesman, said"
    outer = backward(tokens, k, lex, text, lo)
    if outer is None:
        return inner_phrase
    relative = next(
        (n for n, t in enumerate(inner) if t[2].lower() in lex.relative_pronouns), len(inner)
    )
    if len(inner) > 15 and relative == len(inner):
        return None  # a long stretch between commas without a relative clause: no appositive
    # "Bush, who suspended his campaign, blasted": a clause, not a role; "Mark Cuban, the
    # billionaire owner of the Dallas Mavericks who rebuffed pleas …": the role ends there
    role = text[inner[0][0] : inner[relative - 1][1]] if relative else None
    return Phrase(
        outer.start,
        outer.end,
        outer.name,
        outer.kind or "person",
        _strip_det(role, lex) if outer.role is None else outer.role,
        outer.pronoun,
    )


def without_possessives(words: list[str], lex: Lexicon) -> list[str]:
    """The words with their possessive endings cut ("Mr Brown's" -> "Mr Brown"), but not
    one before an organization's head ("the Information Commissioner's Office")."""
    out = []
    for k, w in enumerate(words):
        nxt = words[k + 1].lower() if k + 1 < len(words) else ""
        if nxt not in lex.org_heads:
            w = w.replace("’s", "").replace("'s", "")
        if w:
            out.append(w)
    return out


def _title_only(role: str, lex: Lexicon) -> bool:
    """Is a name's role one title word ("Professor", "Dr")?"""
    return role.lower().rstrip(".") in lex.titles


def _comma_before(tokens: list[Token], comma: int, lo: int) -> int | None:
    """The comma that opens the appositive closed by tokens[comma], if near enough."""
    k = comma - 1
    while k >= lo and tokens[k][2] != "," and comma - k <= _APPOSITIVE_REACH:
        k -= 1
    return k if k >= lo and tokens[k][2] == "," else None


def _origin(tokens: list[Token], k: int, lex: Lexicon, text: str, lo: int) -> Phrase | None:
    """'Mr Mubanga, 32, from Wembley, London, said': where a speaker is from, and an age
    before it, are no role; the name before them speaks."""
    if k + 1 >= len(tokens) or tokens[k + 1][2].lower() not in lex.origin_prepositions:
        return None
    age = _comma_before(tokens, k, lo)
    if age is not None and age + 2 == k and tokens[age + 1][2].isdigit():
        k = age
    name = backward(tokens, k, lex, text, lo)
    if name is None or name.pronoun or tokens[k - 1][2] == ",":
        return None
    return Phrase(name.start, name.end, name.name, name.kind or "person", None)


def _place_after(tokens: list[Token], k: int, comma: int, lex: Lexicon, lo: int) -> bool:
    """Are tokens[k + 1 : comma] the region of a place named before the comma at k
    ("from Monsey, New York", "in Cardiff, Wales")? Then both commas are inside one
    appositive, and "New York" is no speaker."""
    inner = tokens[k + 1 : comma]
    if not inner or len(inner) > 3 or not all(capitalised(t[2]) for t in inner):
        return False
    if inner[0][2].lower() in lex.honorifics or inner[0][2].lower() in lex.titles:
        return False  # "… at the Institute of Medical Research, Professor Robin Lovell-Badge,"
    m = k - 1
    while m > lo and capitalised(tokens[m][2]) and k - m <= 3:
        m -= 1
    return m < k - 1 and tokens[m][2].lower() in lex.origin_prepositions


def _without_label(inner: list[Token]) -> list[Token]:
    """'Sandra Boser (GRÜNE)' between commas: the party label after a name is no part of
    it ("Die Sprecherin der Fraktion, Sandra Boser (GRÜNE), erklärte")."""
    if len(inner) < 4 or inner[-1][2] != ")":
        return inner
    opening = next((n for n in range(len(inner) - 2, 0, -1) if inner[n][2] == "("), None)
    return inner if opening is None else inner[:opening]


def _strip_det(role: str | None, lex: Lexicon) -> str | None:
    if not role:
        return None
    words = role.split()
    while words and words[0].lower() in lex.noun_phrase_starts:
        words = words[1:]
    return " ".join(words) or None


def forward(
    tokens: list[Token], j: int, lex: Lexicon, text: str, hi: int | None = None
) -> Phrase | None:
    """The speaker named after an inverted cue at tokens[j-1]: up to a clause break."""
    hi = len(tokens) if hi is None else hi
    while j < hi and tokens[j][2].lower() in lex.skip_words:
        j += 1  # "sagte auch der Minister", "said again"
    if j >= hi:
        return None
    if tokens[j][2].lower() in lex.pronouns:
        return Phrase(
            tokens[j][0], tokens[j][1], tokens[j][2], None, None, pronoun=tokens[j][2].lower()
        )
    window = tokens[j : _forward_end(tokens, j, hi, lex)]
    while window and window[-1][2] == ",":
        window = window[:-1]
    if not window:
        return None
    named = _name_then_appositive(window, lex, text)
    if named is not None:
        return named
    best = _last_name(window, lex)
    if best is None:
        return split_name(window, lex, text)
    i, e = best
    of = _of_before(window, i, lex)
    if of is None:
        of = _org_link(window, i, lex)  # "according to the Office for National Statistics"
    if of is not None:
        return _name_of(window[:of], window[of + 1 : e], lex, text)  # "said the Bank of England"
    if _of_after(window, e, lex):
        # "said the Telecom Regulatory Authority of India": the name goes on past 'of'
        return _name_of(window[:e], window[e + 1 :], lex, text)
    name_tokens = window[i:e]
    while name_tokens and name_tokens[0][2] in {"."} | PARTICLES:
        name_tokens = name_tokens[1:]
    if not name_tokens:
        return None
    role = _strip_det(text[window[0][0] : name_tokens[0][0]].strip(" ,") or None, lex)
    words = {t[2].lower() for t in name_tokens}
    kind = (
        "organization"
        if words & lex.organizations
        else ("person" if len(name_tokens) > 1 or role else None)
    )
    name = text[name_tokens[0][0] : name_tokens[-1][1]]
    return Phrase(window[0][0], name_tokens[-1][1], name, kind, role)


def _name_then_appositive(window: list[Token], lex: Lexicon, text: str) -> Phrase | None:
    """'said Sherman, a George Washington University grad': a name, a comma and an article
    after an inverted cue; the name speaks, whatever names the appositive holds."""
    comma = next((k for k, t in enumerate(window) if t[2] == ","), None)
    if not comma or comma + 2 >= len(window):
        return None
    if window[comma + 1][2].lower() not in lex.articles and not _possessive_run(window, comma + 1):
        return None  # "said Mr Donofrio, Industry Week's Technology Leader of the Year"
    if not all(capitalised(t[2]) or t[2] in PARTICLES or t[2] == "." for t in window[:comma]):
        return None
    head = split_name(window[:comma], lex, text)
    if head is None or head.kind == "organization" or head.pronoun:
        return None
    role = _strip_det(text[window[comma + 1][0] : window[-1][1]], lex)
    return Phrase(head.start, head.end, head.name, head.kind or "person", head.role or role)


def _possessive_run(window: list[Token], k: int) -> bool:
    """Do the capitalised words from window[k] end in a possessive ("Industry Week's")?"""
    while k < len(window) and capitalised(window[k][2]):
        if window[k][2].endswith(("’s", "'s")) or (
            k + 1 < len(window) and window[k + 1][2] in {"’s", "'s"}
        ):
            return True
        k += 1
    return False


_FORWARD_BREAKS = {".", "!", "?", ";", ":", "(", "“", "”", '"', "«", "»", "„"}


def _forward_end(tokens: list[Token], j: int, hi: int, lex: Lexicon) -> int:
    """Where the words after an inverted cue stop naming its speaker: a clause break."""
    k = j
    while k < hi:
        word = tokens[k][2]
        low = word.lower()
        if word in _FORWARD_BREAKS:
            if word == "." and k > j and _abbreviation(tokens[k - 1][2], lex):
                k += 1  # "Sen." or an initial: the name goes on
                continue
            break
        linked = low in {"of", "for"} or (
            low == "and" and k > j and _and_in_organization(tokens, k, hi, lex)
        )
        if low in lex.forward_stops and not linked:
            break
        if word == "," and k + 1 < hi and tokens[k + 1][2].lower() in lex.forward_stops:
            break
        if word == "," and _name_then_clause(tokens, j, k, hi, lex):
            break
        if low in lex.cues and k > j:
            break
        if low in lex.object_starts and k > j and capitalised(tokens[k - 1][2]):
            break  # "biss der Randalierer | den Fluggast": an object starts after the subject
        k += 1
    return k


def _name_then_clause(tokens: list[Token], j: int, k: int, hi: int, lex: Lexicon) -> bool:
    """German 'erklärte Johnson, die Rechte von EU-Arbeitnehmern … schützen zu wollen': a
    bare name after the verb, then a comma and an article, is the whole subject; the words
    after the comma open a clause (or an apposition, which names no one else)."""
    return (
        lex.verb_second
        and j < k
        and k + 1 < hi
        and tokens[k + 1][2].lower() in lex.noun_phrase_starts
        and all(is_name_word(t[2], lex) and capitalised(t[2]) for t in tokens[j:k])
    )


def _abbreviation(word: str, lex: Lexicon) -> bool:
    """A word a full stop abbreviates without ending the sentence: an initial, 'Sen'."""
    low = word.lower()
    return (len(word) == 1 and word.isupper()) or low in lex.honorifics or low in lex.abbreviations


def _last_name(window: list[Token], lex: Lexicon) -> tuple[int, int] | None:
    """The last person-like name in the window (start, end): the speaker; what comes
    before it is the role. A name of several words that is no organization wins."""
    best = None
    i = len(window)
    while i > 0:
        e = i
        while i > 0 and _in_name(window, i - 1, lex):
            i -= 1
        if e - i >= 1 and any(capitalised(t[2]) for t in window[i:e]):
            seg = window[i:e]
            several = len(seg) > 1 and not {t[2].lower() for t in seg} & lex.organizations
            if best is None or several:
                best = (i, e)
                if several:
                    break
        i -= 1
    return best
