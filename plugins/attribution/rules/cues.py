"""Step 'cues': find each quotation's cue and the speaker mention it points to.

The frame of a quote is its sentence outside the quotation marks. A cue right after
the quote wins ("…,” he added); otherwise the last cue before it ("Volodin
thundered: “…”"). Then the speaker is read next to the cue: before it, or after it
when the cue is inverted ("said Duma deputy Mikhail Sheremet").
"""

from __future__ import annotations

import bisect
import re

from ..state import Doc, Draft
from . import filters, phrases, segment

_APPEAL = re.compile(
    r"^\W*(?:is|was|are|were)\s+(?:the|a)\s+(?:appeal|message|warning|verdict|view|word|words|"
    r"response|reaction|reply|comment|plea|call)\s+(?:of|from)\b",
    re.I,
)
_OUTLET = re.compile(
    r"\bquoted by ((?:[A-Z][\w.\-]*\s?){1,4})|\b(?:on|via) (Twitter|X|Facebook|"
    r"Instagram|Telegram|TikTok|YouTube|Truth Social)\b"
)
_RIGHT_REACH = 30  # tokens after a quote in which its cue may stand (appositives are long)
_PARTICIPLE = re.compile(r"\w+ing$")


def sentence_of(doc: Doc, pos: int) -> tuple[int, int]:
    i = bisect.bisect_right(doc.sentences, (pos, float("inf"))) - 1
    return doc.sentences[max(i, 0)] if doc.sentences else (0, len(doc.text))


def tokens(text: str, start: int, end: int) -> list[phrases.Token]:
    return [(m.start(), m.end(), m.group()) for m in segment.TOKEN.finditer(text, start, end)]


def run(doc: Doc) -> None:
    drafts = doc.drafts
    merged: set[int] = set()
    for n, d in enumerate(drafts):
        s0, _ = sentence_of(doc, d.outer[0])
        _, e1 = sentence_of(doc, d.outer[1] - 1)
        # the frame stops at neighbouring quotes in the same sentence
        # (drafts are sorted and do not overlap: the neighbours are the only candidates)
        left_lo, right_hi = s0, e1
        if n and drafts[n - 1].outer[1] <= d.outer[0] and not _quoted_name(doc, drafts[n - 1]):
            left_lo = max(s0, drafts[n - 1].outer[1])
        if n + 1 < len(drafts) and drafts[n + 1].outer[0] >= d.outer[1]:
            right_hi = min(e1, drafts[n + 1].outer[0])
        left = tokens(doc.text, left_lo, d.outer[0])
        right = tokens(doc.text, d.outer[1], right_hi)
        prev = drafts[n - 1] if n else None
        if (
            prev is not None
            and left_lo > s0
            and prev.cue
            and prev.outer[1] <= prev.cue[0]
            and prev.cue[1] <= d.outer[0]
            and left
            and left[-1][2] == ","
        ):
            # “…,” said X, “…”: the second part of a quote split around its cue
            prev.spans.extend(d.spans)
            prev.outer = (prev.outer[0], d.outer[1])
            merged.add(n)
            doc.log(
                "cues",
                "merged",
                f"{doc.snippet(*d.spans[0])} is the second part of {doc.snippet(*prev.spans[0])}",
            )
            continue
        if d.paragraph == 0 and doc.headline and _headline_colon(doc, d, left):
            continue
        if _transcript_label(doc, d):
            continue
        d.type = _quote_type(doc, d, left_lo)
        # a fragment inside a sentence belongs to the cue before it; a quote standing as
        # the sentence looks right first ("“…,” he said")
        # (…,” notes the press service: a comma closing the quote hands it to the right)
        comma = doc.text[d.spans[-1][1] - 1] == "," or (right and right[0][2] == ",")
        mixed_first = d.type == "mixed" and not comma
        # 'Mr Blair said: “…” He admitted …': a cue and colon before the quote introduce it
        colon_first = bool(left) and left[-1][2] == ":"
        left_first = mixed_first or (colon_first and not comma)
        frames = (_left_frame, _right_frame) if left_first else (_right_frame, _left_frame)
        if doc.lex.document_verbs and _document_place(doc, d, left, right):
            continue
        if doc.lex.relative_subjects and _relative_speaker(doc, d, left, right):
            continue
        if (
            frames[0](doc, d, left if frames[0] is _left_frame else right)
            or frames[1](doc, d, left if frames[1] is _left_frame else right)
            or _colon_paragraph(doc, d)
        ):
            _outlet(doc, d, right_hi)
            continue
        if doc.lex.source_nouns and _source_phrase(doc, d, left, right):
            continue
        if doc.lex.reported_verbs and _same_report(doc, d, prev, left_lo > s0):
            continue  # German: the report goes on to the end of its sentence
        if d.type == "mixed" and doc.lex.reported_verbs and _reported(doc, d, left, right):
            continue
        if _label(doc, d, left):
            continue
        if d.type == "mixed" and _speech_noun(doc, d, left):
            continue
        if d.type == "mixed" and _sentence_subject(doc, d, left):
            continue
        if _same_report(doc, d, prev, left_lo > s0):
            continue
        if doc.lex.anaphors and not left and _anaphor_after(doc, d):
            continue
        doc.log("cues", "no cue", f"{doc.snippet(*d.spans[0])}: none in its sentence")
    doc.drafts = [d for n, d in enumerate(drafts) if n not in merged]


def _quoted_name(doc: Doc, d: Draft) -> bool:
    """German 'wird von der „Netzeitung“ mit den Worten zitiert: „…“': a name in quotation
    marks before a quote in its sentence (the filters step drops it) does not end the
    quote's frame."""
    if not doc.lex.name_connectors or doc.text[d.outer[1] : d.outer[1] + 1] in {",", ":"}:
        return False
    return filters.named(doc, d) or filters.capitalised_name(doc, d)


def _set(
    doc: Doc, d: Draft, cue: tuple[int, int], phrase: phrases.Phrase | None, rule: str
) -> bool:
    if phrase is None:
        # a cue with no speaker beside it: keep the cue, let the other frames try
        d.cue = d.cue or cue
        doc.log(
            rule,
            "cue only",
            f"{doc.snippet(*d.spans[0])}: cue {doc.snippet(*cue)}, no speaker beside it",
        )
        return False
    d.cue = cue
    d.mention = (phrase.start, phrase.end)
    d.speaker, d.kind, d.role, d.pronoun = phrase.name, phrase.kind, phrase.role, phrase.pronoun
    d.speaker_rule = rule
    doc.log(
        rule,
        "speaker",
        f"{doc.snippet(*d.spans[0])} <- {doc.snippet(phrase.start, phrase.end)}"
        f" (cue {doc.snippet(*cue)})",
    )
    return True


_LABEL = re.compile(r"([A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){0,2}):[ \t]")


def _transcript_label(doc: Doc, d: Draft) -> bool:
    """Transcript form: the quote opens with its speaker in capitals ("WALLACE: …")."""
    s, e = d.spans[0]
    m = _LABEL.match(doc.text, s, e)
    if m is None:
        return False
    name = m.group(1)
    d.cue = (m.end(1), m.end(1) + 1)
    d.mention = (m.start(1), m.end(1))
    d.speaker, d.kind, d.speaker_rule = name.title(), "person", "transcript-label"
    d.spans[0] = (m.end(), e)
    doc.log("transcript-label", "speaker", f"{doc.snippet(m.end(), e)} <- {name!r}")
    return True


def _headline_colon(doc: Doc, d: Draft, left: list[phrases.Token]) -> bool:
    """Headline form 'Peskov: “…”': a name, a colon, the quote."""
    if len(left) < 2 or left[-1][2] != ":":
        return False
    phrase = phrases.backward(left, len(left) - 1, doc.lex, doc.text)
    if phrase is None:
        return False
    return _set(doc, d, (left[-1][0], left[-1][1]), phrase, "headline-colon")


def _right_frame(doc: Doc, d: Draft, right: list[phrases.Token]) -> bool:
    lex = doc.lex
    i = 0
    while i < len(right) and right[i][2] in {",", ".", "!", "?", "—", "–", "-", "…", "―"}:
        i += 1
    if i >= len(right):
        return False
    if (
        lex.clause_openers
        and i == 0
        and doc.text[d.spans[-1][1] - 1] in ".!?"
        and phrases._cap(right[0][2])
    ):
        return False  # German „…“ closed by a full stop: a new sentence begins after it
    if right[0][2] in {"―", "—", "–"} and len(right) > 1:
        # a byline after the quote: "“…” ― Azucena Gonzàlez"
        phrase = phrases.forward(right, 1, lex, doc.text)
        if phrase is not None and phrase.kind != "organization":
            return _set(doc, d, (right[0][0], right[0][1]), phrase, "dash-byline")
    text_after = doc.text[right[i][0] : right[-1][1]]
    if m := _APPEAL.match(text_after):
        # "“…”, is the appeal of the deputy Aleksei Zhuravlev"
        j = i + len(tokens(doc.text, right[i][0], right[i][0] + m.end()))
        phrase = phrases.forward(right, j, lex, doc.text)
        return _set(doc, d, (right[i][0], right[i][0] + m.end()), phrase, "appeal-of")
    if (
        right[i][2].lower() == "according"
        and i + 1 < len(right)
        and right[i + 1][2].lower() == "to"
    ):
        phrase = phrases.forward(right, i + 2, lex, doc.text)
        return _set(doc, d, (right[i][0], right[i + 1][1]), phrase, "according-to")
    if lex.clause_openers and (m := _quoted_source(doc, right, i)):
        # "„…“, schrieb „Die Zeit“": a newspaper named in quotation marks after the verb
        phrase = phrases.Phrase(m.start(1), m.end(1), m.group(1), "organization", None)
        return _set(doc, d, (right[i][0], right[i][1]), phrase, "verb-after-quote")
    if (
        lex.clause_openers
        and _verb_after_quote(doc, d, right, i)
        and _opens_sentence(doc, d, right[i])
    ):
        # German: after „…“, the finite verb comes first and its subject follows, whatever
        # the verb ("„…“, begründet das Gericht", "„…“, gab ein Sprecher bekannt")
        phrase = phrases.forward(right, i + 1, lex, doc.text)
        if phrase is not None:
            return _set(doc, d, (right[i][0], right[i][1]), phrase, "verb-after-quote")
    depth = 0
    for j in range(i, min(len(right), i + _RIGHT_REACH)):
        word = right[j][2]
        low = word.lower()
        depth += (word == "(") - (word == ")")
        if depth > 0:
            continue  # "(D-Md.)": a party label, never the end of the frame
        if word in {".", "!", "?", ";", "“", '"', "„", "«", "»"}:
            prev = right[j - 1][2] if j > i else ""
            nxt = right[j + 1][2] if j + 1 < len(right) else ""
            if word == "." and (nxt in {",", ")"} or nxt[:1].islower()):
                continue  # "McConnell, R-Ky., said": an abbreviation inside the frame
            if word == "." and (
                prev.lower() in lex.honorifics
                or prev.lower() in lex.abbreviations
                or (len(prev) == 1 and prev.isupper())
            ):
                continue  # "Ms. Moore said", "Elijah E. Cummings said"
            break
        if (
            lex.clause_openers
            and low == "so"
            and j > i
            and right[j - 1][2] == ","
            and j + 1 < len(right)
            and (right[j + 1][2][:1].isupper() or right[j + 1][2].lower() in phrases.DETERMINERS)
        ):
            # "Der Iran müsse „…“ beenden, so Rice.": "so" and the speaker close the sentence
            phrase = phrases.forward(right, j + 1, lex, doc.text)
            if phrase is not None:
                return _set(doc, d, (right[j][0], right[j][1]), phrase, "so-speaker")
        if low in lex.frame_cues and word.islower():
            cue = (right[j][0], right[j][1])
            if (
                j == i
                and low in {"heißt", "hieß"}
                and j + 2 < len(right)
                and (right[j + 1][2].lower() == "es")
            ):
                # "„…“, heißt es in dem Schreiben": the document after the preposition speaks
                k = j + 2
                while k < len(right) and right[k][2].lower() in {
                    "in",
                    "im",
                    "aus",
                    "von",
                    "vom",
                    "bei",
                    "beim",
                    "dazu",
                    "weiter",
                }:
                    k += 1
                phrase = phrases.forward(right, k, lex, doc.text) if k > j + 2 else None
                return _set(doc, d, cue, phrase, "heisst-es")
            if j == i:
                # inverted: "said Duma deputy Mikhail Sheremet"
                phrase = phrases.forward(right, j + 1, lex, doc.text)
                return _set(doc, d, cue, phrase, "inverted-cue")
            if (
                j - i <= 5
                and (right[i][2].lower() in phrases.PREPOSITIONS or right[i][2].isdigit())
                and right[j - 1][2] == ","
                and j + 1 < len(right)
                and right[j + 1][2][:1].isupper()
                and not lex.clause_openers
            ):
                # '“…” in 2005, said Kurt Karl, economist at Swiss Re': a short adverbial
                # between the quote and its inverted cue
                phrase = phrases.forward(right, j + 1, lex, doc.text)
                if phrase is not None:
                    return _set(doc, d, cue, phrase, "inverted-cue")
            if _passive(right, j, lex):
                continue  # "Four movies have been announced": a passive names no speaker
            phrase = phrases.backward(right, j, lex, doc.text, lo=i) or _whole_subject(
                doc, d, right, i, j
            )
            # only a subject standing right after the quote ("“…,” he said"), or one
            # closing the sentence after a comma ("… climate change, Axelrod said.")
            if phrase is None:
                continue
            closing = (
                j + 1 >= len(right)
                or right[j + 1][2] in {".", ",", ";"}
                or right[j + 1][2].lower()
                in {"in", "on", "at", "during", "last", "this", "today", "yesterday"}
                or _adjunct_after(right, j + 1, lex)
                or _listener_ends(right, j, lex)
            )
            refers_back = j + 1 < len(right) and right[j + 1][2].lower() in {"it", "so", "this"}
            # '“… to demolish!” he told the crowd': no new sentence starts after the quote
            goes_on = i == 0 and right[0][2].islower() and not lex.clause_openers
            if (
                not closing
                and not refers_back
                and not goes_on
                and doc.text[d.spans[-1][1] - 1] in ".!?"
            ):
                # '“… spin doctors.” Graham Robb, …, said the decision …': a sentence
                # after a closed quote whose cue reports its own words
                continue
            after_comma = any(t[2] == "," and t[1] <= phrase.start for t in right[i:j])
            near = phrase.start <= right[min(i + 2, len(right) - 1)][0]
            if not near and not (closing and after_comma and _comma_before(right, phrase.start)):
                whole = _whole_subject(doc, d, right, i, j)
                if whole is None:
                    continue
                phrase = whole
            return _set(doc, d, cue, phrase, "cue-after")
    return False


def _opens_sentence(doc: Doc, d: Draft, verb: phrases.Token) -> bool:
    """Is the word after „…“, the verb of the quote's clause? When the quote opens its
    sentence ("„…“, begründet das Gericht"), or the word reports ("Die Lage sei „…“,
    mahnte er"); after "Ursprünglich wollte er „…“," a new clause begins ("schlussendlich
    waren es zwölf")."""
    s0, _ = sentence_of(doc, d.outer[0])
    return not doc.text[s0 : d.outer[0]].strip() or verb[2] in doc.lex.reporting


_SUBJECT_REACH = 10  # tokens of a noun phrase between a quote and its cue


def _whole_subject(
    doc: Doc, d: Draft, right: list[phrases.Token], i: int, j: int
) -> phrases.Phrase | None:
    """'“…,” the Florida senator and Republican presidential candidate said': after a quote
    closed by a comma, everything up to the cue is its subject when it is one noun phrase
    (an article or a capital first; no comma, preposition or verb of speech inside)."""
    lex = doc.lex
    if i != 0 or doc.text[d.spans[-1][1] - 1] != ",":
        return None
    k = j
    while k > i and (right[k - 1][2].lower() in phrases.SKIP or phrases.adverb(right[k - 1][2])):
        k -= 1
    stretch = right[i:k]
    if not 1 < len(stretch) <= _SUBJECT_REACH:
        return None
    first = stretch[0][2]
    if not (first[:1].isupper() or first.lower() in phrases.DETERMINERS):
        return None
    for _, _, word in stretch:
        low = word.lower()
        if not (word[:1].isalnum() or word == "-") or low in phrases.PREPOSITIONS:
            return None
        if low in lex.frame_cues:
            return None
    return phrases.split_name(stretch, lex, doc.text)


_LISTENER_REACH = 4  # tokens of a listener between a cue and the sentence's end


def _listener_ends(toks: list[phrases.Token], j: int, lex) -> bool:
    """Does a short noun phrase after a cue that takes a listener end the sentence ("Todd
    asked the real estate mogul.", "she told Reuters.")? Then it is the listener, not the
    cue's own content ("echoed McIntyre's sentiments." is an object)."""
    verb = lex.indirect_verbs.get(toks[j][2].lower())
    if verb is None or "addressee" not in verb.kinds:
        return False
    k = j + 1
    end = next((e for e in range(k, len(toks)) if toks[e][2] in {".", "!", "?", ";"}), None)
    if end is None or not 0 < end - k <= _LISTENER_REACH:
        return False
    first = toks[k][2]
    if not (first[:1].isupper() or first.lower() in phrases.DETERMINERS | phrases.POSSESSIVES):
        return False
    return not any(t[2].lower() in lex.frame_cues for t in toks[k:end])


def _passive(toks: list[phrases.Token], j: int, lex) -> bool:
    """Is the cue at toks[j] a passive ("have been announced", "was asked")? "He was
    quoted as saying" is not: its subject is the speaker."""
    word = toks[j][2].lower()
    nxt = toks[j + 1][2].lower() if j + 1 < len(toks) else ""
    return (
        toks[j - 1][2].lower() in lex.passive_auxiliaries
        and word.endswith(("ed", "ld", "en"))
        and nxt != "as"
    )


def _adjunct_after(toks: list[phrases.Token], k: int, lex) -> bool:
    """Does toks[k], after a cue, open an adjunct ("said as he launched", "asks
    rhetorically", "said to People", "said of the swirl"), not the cue's own content?
    ("Boeing continues to enjoy …", "comments and reviews": a new sentence's words.)"""
    word = toks[k][2]
    low = word.lower()
    if low in lex.subordinators or phrases.adverb(word):
        return True
    nxt = toks[k + 1][2] if k + 1 < len(toks) else ""
    return low in lex.clause_non_starts and (
        nxt[:1].isupper() or nxt.lower() in phrases.DETERMINERS | phrases.POSSESSIVES
    )


def _before_adverbial(
    toks: list[phrases.Token], phrase: phrases.Phrase, lex, text: str
) -> phrases.Phrase:
    """The subject before the prepositional phrases that end with this noun phrase ("Trump
    in his announcement speech", "a story by the website Politico"); the phrase itself
    when no noun phrase stands before them."""
    found = phrase
    for _ in range(3):
        k = next((k for k, t in enumerate(toks) if t[0] == found.start), 0)
        prep = toks[k - 1][2].lower() if k > 0 else ""
        if found.pronoun or prep not in phrases.PREPOSITIONS or prep in lex.subordinators:
            return found
        if prep == "with":
            return found  # "…, with Mr Dixon quoted as saying": the noun phrase speaks
        found = phrases.backward(toks, k - 1, lex, text)
        if found is None or (_named(phrase) and not _named(found) and not found.pronoun):
            return phrase  # "A spokesman for Mr Blair said": the name, not the description
    return phrase


def _named(phrase: phrases.Phrase) -> bool:
    return any(w[:1].isupper() for w in phrase.name.split()[1:] or phrase.name.split())


def _after_possessive(toks: list[phrases.Token], j: int, lex) -> bool:
    """Is the cue word at toks[j] a noun owned by someone ("Trump’s comments", "his
    call for")? Then it names speech, it does not introduce this quote."""
    before = toks[j - 1][2] if j > 0 else ""
    if before.lower() in phrases.POSSESSIVES:
        return True
    owner = before[:-2].lower()
    # "He’s said", "that’s called": a contraction of "is" or "has", not an owner
    return before.endswith(("’s", "'s", "s’", "s'")) and owner not in lex.function_words


def _comma_before(toks: list[phrases.Token], start: int) -> bool:
    prev = [t for t in toks if t[1] <= start]
    return bool(prev) and prev[-1][2] == ","


def _left_frame(doc: Doc, d: Draft, left: list[phrases.Token]) -> bool:
    lex = doc.lex
    text_before = doc.text[left[0][0] : left[-1][1]] if left else ""
    for j in range(len(left) - 1, -1, -1):
        low = left[j][2].lower()
        if low in lex.frame_cues and (left[j][2].islower() or j == 0):
            if _after_possessive(left, j, lex):
                continue  # "told CNN that Ginsburg’s comments “…”": a noun, not the cue
            if lex.clause_openers and low == "so":
                # "…, so der Sprecher: „…“", "so Müller weiter": the speaker follows "so";
                # "so" before a verb or before nothing is an adverb ("So sagte …")
                nxt = left[j + 1][2] if j + 1 < len(left) else ""
                if not nxt or (nxt.islower() and nxt not in phrases.DETERMINERS):
                    continue
                phrase = phrases.forward(left, j + 1, lex, doc.text)
                if phrase is None:
                    continue
                return _set(doc, d, (left[j][0], left[j][1]), phrase, "so-speaker")
            if lex.clause_openers and j > 0:
                # verb second: "Dazu sagte der Sprecher: „…“" names the speaker after the verb
                clause = _after_colon(left, j)
                phrase = (
                    _pronoun_after(left, j, lex)
                    or _relative_subject(left, j, lex, doc.text)
                    or _main_after_wie(clause, j - (len(left) - len(clause)), lex, doc.text)
                    or verb_second_subject(clause, lex, doc.text)
                )
                if phrase is not None and low.startswith("zitier") and phrase.end <= left[j][0]:
                    # "Der Spiegel zitiert den Prediger mit den Worten:": the object speaks
                    phrase = _quoted_object(left, j, lex, doc.text) or phrase
                if phrase is not None:
                    return _set(doc, d, (left[j][0], left[j][1]), phrase, "verb-second")
            if _PARTICIPLE.match(low) and j > 1:
                # "Fiorina backed Cruz on Wednesday, saying …", "Trump released a statement
                # explaining …": the clause's subject speaks, not the noun before the verb
                phrase = _participle_agent(left, j, lex, doc.text) or subject(
                    left[:j], lex, doc.text
                )
                if phrase is not None:
                    return _set(doc, d, (left[j][0], left[j][1]), phrase, "participle-subject")
            if j > 0 and left[j - 1][2].lower() in _PASSIVE and low.endswith(("ed", "ld", "en")):
                # "X was asked: “…”", "described by Jobs as “…”": the subject is spoken to
                # or of; only an agent after "by" speaks
                by = next((k for k in range(j + 1, len(left)) if left[k][2] == "by"), None)
                phrase = phrases.forward(left, by + 1, lex, doc.text) if by is not None else None
                if phrase is None or not any(w[:1].isupper() for w in phrase.name.split()):
                    doc.log("cues", "passive", f"{doc.snippet(*d.spans[0])}: no agent")
                    return False
                return _set(doc, d, (left[j][0], left[j][1]), phrase, "passive-agent")
            phrase = phrases.backward(left, j, lex, doc.text)
            if phrase is None and j == 0 and len(left) > 1:
                # inverted at the start of the sentence: "Said Peskov: “…”"
                phrase = phrases.forward(left, j + 1, lex, doc.text)
            if phrase is not None:
                # "Trump in his announcement speech called": the noun before the cue ends
                # an adverbial; the subject stands before it
                phrase = _before_adverbial(left, phrase, lex, doc.text)
            if phrase is None:
                continue
            return _set(doc, d, (left[j][0], left[j][1]), phrase, "cue-before")
        if low == "according" and j + 1 < len(left) and left[j + 1][2].lower() == "to":
            phrase = phrases.forward(left, j + 2, lex, doc.text)
            return _set(doc, d, (left[j][0], left[j + 1][1]), phrase, "according-to")
    if left and left[-1][2] == ":" and len(left) > 1:
        colon = (left[-1][0], left[-1][1])
        phrase = _dash_source(left, lex, doc.text)
        if phrase is not None:
            # a digest item, "IOWA POLLS NOT WRONG - Mark Blumenthal: “…”"
            return _set(doc, d, colon, phrase, "dash-source")
        # "The Kremlin: “…”": the colon follows the speaker and nothing else
        phrase = phrases.backward(left, len(left) - 1, lex, doc.text)
        if phrase is not None and phrase.start == left[0][0]:
            return _set(doc, d, colon, phrase, "colon")
        # "Trump released the following statement: “…”": the sentence's subject speaks;
        # the words before the colon are its object
        if lex.clause_openers:
            phrase = verb_second_subject(left[:-1], lex, doc.text) or _verbless_colon(
                left[:-1], lex, doc.text
            )
        else:
            phrase = subject(left[:-1], lex, doc.text)
        if phrase is not None and _reported_colon(doc, d, left, phrase):
            return True
        if phrase is not None and (
            phrase.pronoun or any(w[:1].isupper() for w in phrase.name.split())
        ):
            return _set(doc, d, colon, phrase, "colon-subject")
    del text_before
    return False


def _anaphor_after(doc: Doc, d: Draft) -> bool:
    """German '„Ja, es gibt Zumutungen“. Das musste Finanzminister Peer Steinbrück
    einräumen.', '„…“, mit diesen Worten meldete er sich zurück': a quote opening its
    sentence, then words that point back at it and a verb; the verb's subject speaks."""
    lex = doc.lex
    start = d.outer[1]
    while start < len(doc.text) and doc.text[start] in " .,!?\n":
        start += 1
    if start >= len(doc.text) or "\n\n" in doc.text[d.outer[1] : start]:
        return False
    _, end = sentence_of(doc, start)
    toks = tokens(doc.text, start, end)
    words = [t[2].lower() for t in toks]
    n = next((len(a.split()) for a in lex.anaphors if words[: len(a.split())] == a.split()), 0)
    if not n or n >= len(toks) or not toks[n][2].islower() or toks[n][2] in lex.function_words:
        return False  # "Das Verfahren wurde eingestellt": a noun after the article
    phrase = _pronoun_after(toks, n, lex) or phrases.forward(toks, n + 1, lex, doc.text)
    if phrase is None or not (phrase.pronoun or phrase.kind in {"person", "organization"}):
        return False
    return _set(doc, d, (toks[n][0], toks[n][1]), phrase, "anaphor-after")


def _reported_colon(doc: Doc, d: Draft, left: list[phrases.Token], phrase: phrases.Phrase) -> bool:
    """German 'Queensland sei Neuseeland zu Dank verpflichtet: „…“': a clause in the
    Konjunktiv before the colon goes on with reported speech; its subject, unless a person
    or a pronoun, is what is spoken of, and the speaker comes before (step 'reported')."""
    lex = doc.lex
    if not lex.reported_verbs or phrase.pronoun or phrase.kind == "person":
        return False
    if not any(t[2] in lex.reported_verbs for t in left):
        return False
    d.reported = True
    doc.log("reported", "no cue", f"{doc.snippet(*d.spans[0])}: after a clause in reported speech")
    return True


def _relative_subject(toks: list[phrases.Token], j: int, lex, text: str) -> phrases.Phrase | None:
    """The cue at toks[j] ends a relative clause: 'die Gerhard Schröder … erklärt hatte:'
    (a name after the pronoun is the subject), 'Demonstranten, die unter anderem
    skandierten:' (no noun after it: the pronoun is, and stands for the noun before)."""
    comma = next((k for k in range(j - 1, -1, -1) if toks[k][2] == ","), None)
    if comma is None or comma + 2 > j or toks[comma + 1][2] not in lex.relative_pronouns:
        return None
    nxt = toks[comma + 2][2]
    low = nxt.lower()
    if low in lex.subject_pronouns:
        return phrases.Phrase(*toks[comma + 2][:2], nxt, None, None, pronoun=low)
    articles = phrases.DETERMINERS | phrases.GERMAN_DETERMINERS
    if phrases._cap(nxt) and low not in articles and low not in lex.function_words:
        return phrases.forward(toks, comma + 2, lex, text, hi=j)
    if comma + 2 < j and (not nxt.islower() or low in articles):
        return None  # "die die Techniker … bezeichneten": a noun phrase may be the subject
    ante = phrases.backward(toks, comma, lex, text, antecedent=True)
    if ante is None or ante.pronoun:
        return None
    s, e, _ = toks[comma + 1]
    return phrases.Phrase(s, e, ante.name, ante.kind, ante.role)


def _main_after_wie(toks: list[phrases.Token], j: int, lex, text: str) -> phrases.Phrase | None:
    """'Wie die Sportzeitung veröffentlichte, soll Anelka gesagt haben:': a cue after a
    "wie" clause whose own verb does not speak is the main clause's; its subject follows
    the verb after the comma (but 'Wie der Minister erklärte, sieht die Regierung …')."""
    if not toks or toks[0][2].lower() != "wie":
        return None
    comma = next((k for k, t in enumerate(toks[:j]) if t[2] == ","), None)
    if comma is None or comma + 2 >= len(toks) or not toks[comma + 1][2].islower():
        return None
    if toks[comma - 1][2].lower() in lex.frame_cues:
        return None
    return phrases.forward(toks, comma + 2, lex, text)


def _after_colon(toks: list[phrases.Token], j: int) -> list[phrases.Token]:
    """The clause of the verb at toks[j]: what follows the last colon before it ("Die
    Kommission kritisierte das Gesetz scharf: So sagte Olli Rehn: „…“")."""
    colon = next((k for k in range(j - 1, -1, -1) if toks[k][2] == ":"), None)
    return toks if colon is None else toks[colon + 1 :]


def _pronoun_after(toks: list[phrases.Token], j: int, lex) -> phrases.Phrase | None:
    """German 'Im Brief, den …, erklärt er:', 'Als Begründung sagte er:': a pronoun that is
    only ever a subject, right after the verb, is its subject, whatever stands first."""
    if j + 1 >= len(toks) or toks[j + 1][2].lower() not in lex.subject_pronouns:
        return None
    s, e, word = toks[j + 1]
    return phrases.Phrase(s, e, word, None, None, pronoun=word.lower())


def _participle_agent(toks: list[phrases.Token], j: int, lex, text: str) -> phrases.Phrase | None:
    """Who does the participle at toks[j] when it is not the clause's subject: the noun
    phrase after "with" ("…, with Sen. John McCain calling it …"), or the speaker of a cue
    just before it ("Ryan and Trump will meet, Spicer said, adding …")."""
    phrase = phrases.backward(toks, j, lex, text)
    if phrase is not None and not phrase.pronoun:
        k = next((k for k, t in enumerate(toks) if t[0] == phrase.start), 0)
        if k > 0 and toks[k - 1][2].lower() == "with":
            return phrase
    if toks[j - 1][2] != "," or toks[j - 2][2].lower() not in lex.cues:
        return None
    cue = j - 2
    phrase = phrases.backward(toks, cue, lex, text)
    if phrase is not None:
        k = next((k for k, t in enumerate(toks) if t[0] == phrase.start), 0)
        # a subject standing right after a comma: a cue closing the sentence before it
        return phrase if k > 0 and toks[k - 1][2] == "," else None
    return phrases.forward(toks, cue + 1, lex, text, hi=j - 1)


_DASHES = frozenset({"-", "–", "—"})
_SOURCE_REACH = 6  # tokens of a source between a dash and a colon


def _dash_source(toks: list[phrases.Token], lex, text: str) -> phrases.Phrase | None:
    """Digest items: a headline, a dash, the source and a colon before the quote ("Media
    shares blame - HuffPollster:", "… all along -More from Blumenthal and Cohen:")."""
    k = next((k for k in range(len(toks) - 2, 0, -1) if toks[k][2] in _DASHES), None)
    if k is None or not text[toks[k][0] - 1].isspace():
        return None  # no dash, or a hyphen inside a word
    seg = toks[k + 1 : -1]
    if len(seg) > 2 and seg[0][2] == "More" and seg[1][2] == "from":
        seg = seg[2:]
    if not 0 < len(seg) <= _SOURCE_REACH or not seg[0][2][:1].isupper():
        return None
    if any(w.islower() and w not in phrases.DETERMINERS and w != "and" for _, _, w in seg):
        return None  # a clause, not a name
    return phrases.split_name(seg, lex, text)


def _quoted_object(toks: list[phrases.Token], j: int, lex, text: str) -> phrases.Phrase | None:
    """German 'X zitiert Y mit den Worten': the one quoted, between the verb at toks[j]
    and 'mit'."""
    hi = next((k for k in range(j + 1, len(toks)) if toks[k][2].lower() == "mit"), None)
    if hi is None or hi == j + 1:
        return None
    phrase = phrases.forward(toks, j + 1, lex, text, hi=hi)
    if phrase is None or not any(phrases._cap(w) for w in phrase.name.split()):
        return None
    return phrase


def _verbless_colon(toks: list[phrases.Token], lex, text: str) -> phrases.Phrase | None:
    """German, a colon with no verb before it: "Ein Hauptkommissar nach der Festnahme:",
    "Punklady Nina Hagen zur neuen Heimat:", "Erkki Tuomioja, Präsident des Rats …:". The
    noun phrase opening the frame, up to its first comma or preposition, speaks."""
    if len(toks) < 1 or finite_verb(toks, lex) is not None:
        return None
    first = toks[0][2]
    if first.lower() in lex.clause_openers and first.lower() not in phrases.DETERMINERS:
        return None  # "Im Wortlaut:", "Dazu:": an adverbial, no speaker
    k = 1
    while k < len(toks) and toks[k][2] != "," and toks[k][2].lower() not in lex.clause_openers:
        k += 1
    if not any(t[2][:1].isupper() for t in toks[:k]):
        return None
    return phrases.split_name(toks[:k], lex, text)


def subject(toks: list[phrases.Token], lex, text: str) -> phrases.Phrase | None:
    """The noun phrase a clause starts with (its subject), after an opening adverbial."""
    i = 0
    if toks and toks[0][2].lower() in {
        "on",
        "in",
        "at",
        "during",
        "after",
        "before",
        "but",
        "and",
        "yet",
        "still",
        "however",
        "meanwhile",
        "later",
        "earlier",
    }:
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
        and first.lower() not in phrases.DETERMINERS
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
        or toks[k][2].lower() in phrases.DETERMINERS
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


_PASSIVE = frozenset("was were is are been being be".split())
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


def verb_second_subject(toks: list[phrases.Token], lex, text: str) -> phrases.Phrase | None:
    """The subject of a verb-second clause (German): first, or right after the verb.

    "Der Minister sagte": the subject opens the clause. "Dazu sagte der Minister" and
    "Als …, biss der Randalierer": an adverbial or a subordinate clause comes first,
    then the finite verb, then the subject. toks is the whole frame up to the quote,
    so the words after the verb can be read.
    """
    if not toks:
        return None
    inverted = _inverted_pronoun(toks, lex)
    if inverted is not None:
        return inverted
    first = toks[0][2].lower()
    if (
        first == "wie"
        and len(toks) > 2
        and (not toks[1][2].islower() or toks[1][2].lower() in phrases.DETERMINERS)
    ):
        # "Wie der Finanzminister am Dienstag erklärte, sieht …": the speaker of the
        # clause "wie … erklärte" opens it
        return phrases.forward(toks, 1, lex, text)
    if (first in lex.subordinators or first in lex.question_words) and not _as_adverbial(toks, lex):
        comma = _main_clause_comma(toks, lex)
        if comma is None or comma + 2 >= len(toks):
            return None
        return phrases.forward(toks, comma + 2, lex, text)
    appositive = _appositive_subject(toks, lex, text)
    if appositive is not None:
        return appositive
    toks = _without_relative(toks, lex)
    verb = finite_verb(toks, lex)
    if verb is None:
        return None
    if first in phrases.PARTICLES and _particle_name(toks[:verb], text):
        # "Von der Leyen betonte": a surname opening with its particle, not a preposition
        name = text[toks[0][0] : toks[verb - 1][1]]
        name = name[:1].lower() + name[1:]
        return phrases.Phrase(toks[0][0], toks[verb - 1][1], name, "person", None)
    if first in _FOCUS and _subject_like(toks[1:verb], lex):
        # "Auch die Ministerin äußerte": a particle before the subject, not an adverbial
        return phrases.backward(toks, verb, lex, text)
    if first in _OBJECT_CASE or first in lex.clause_openers or not _subject_like(toks[:verb], lex):
        # "Gegenüber NDR Info äußerte er", "Passend warnte die Moderatorin": not a subject
        return phrases.forward(toks, verb + 1, lex, text) if verb + 1 < len(toks) else None
    # "Der stellvertretende Vorsitzende Michael Müller sagte": the words before the verb
    phrase = phrases.backward(toks, verb, lex, text)
    if _name_first(toks[:verb], lex):
        # "Kurt von Figura, Präsident der Universität …, begrüßte": the name up to its
        # comma or preposition
        p = next(
            (
                k
                for k in range(1, verb)
                if toks[k][2] == ","
                or toks[k][2].lower() in lex.clause_openers
                and not (toks[k][2].lower() in phrases.PARTICLES and phrases._cap(toks[k + 1][2]))
            ),
            verb,
        )
        if phrase is None or text.find(phrase.name, toks[0][0], toks[p - 1][1]) < 0:
            phrase = phrases.split_name(toks[:p], lex, text)
    if (
        (phrase is None or phrase.kind != "person")
        and first in phrases.DETERMINERS
        and verb + 2 < len(toks)
        and phrases._cap(toks[verb + 1][2])
    ):
        # "Der englischsprachigen Zeitung sagte Filep Karma": the words before the verb
        # name no one, a full name follows it: the name is the subject
        after = phrases.forward(toks, verb + 1, lex, text)
        if (
            after is not None
            and after.kind == "person"
            and after.role is None
            and " " in after.name
            and all(phrases._cap(w) for w in after.name.split())
            and after.start == toks[verb + 1][0]
        ):
            return after
    if phrase is None and first in phrases.DETERMINERS:
        # "Der Einsatzleiter der Polizei in Dortmund erklärte": the noun phrase up to its
        # prepositional phrase
        p = next((k for k in range(2, verb) if toks[k][2].lower() in lex.clause_openers), verb)
        phrase = phrases.split_name(toks[:p], lex, text)
    return phrase


def _inverted_pronoun(toks: list[phrases.Token], lex) -> phrases.Phrase | None:
    """'Nach eingehender Prüfung …, sei er zu dem Schluss gekommen': a pronoun that is only
    ever a subject, right after the verb that follows the first part of a main clause (a
    noun or a comma before the verb), is the clause's subject."""
    for k in range(1, len(toks) - 1):
        if toks[k + 1][2].lower() not in lex.subject_pronouns:
            continue
        verb, before = toks[k][2], toks[k - 1][2]
        if not verb.isalpha() or not verb.islower() or not (before == "," or phrases._cap(before)):
            continue
        if verb in lex.function_words or verb in lex.clause_openers or verb in lex.subordinators:
            continue  # ", dass er", ", wie er", "Im April er …"
        if verb in phrases.DETERMINERS or verb in _RELATIVE_ADVERBS:
            continue  # ", die er geführt habe": a relative clause
        s, e, word = toks[k + 1]
        return phrases.Phrase(s, e, word, None, None, pronoun=word.lower())
    return None


def _without_relative(toks: list[phrases.Token], lex) -> list[phrases.Token]:
    """'Der Ermittler, der als wichtiger Zeuge gilt, will …': a relative clause between
    commas right after a noun phrase that opens the clause is left out, so the verb after it
    is the finite verb, and the noun before it the subject."""
    if not toks or toks[0][2].lower() not in phrases.DETERMINERS:
        return toks
    comma = next((k for k, t in enumerate(toks) if t[2] == ","), None)
    if comma is None or comma < 2 or comma + 2 >= len(toks):
        return toks
    if not all(phrases._cap(t[2]) or t[2].islower() for t in toks[1:comma]):
        return toks
    if toks[comma + 1][2] not in lex.relative_pronouns:
        return toks
    close = next((k for k in range(comma + 2, len(toks)) if toks[k][2] == ","), None)
    if close is None or close + 1 >= len(toks) or not toks[close + 1][2].islower():
        return toks
    return toks[:comma] + toks[close + 1 :]


def _main_clause_comma(toks: list[phrases.Token], lex) -> int | None:
    """After a subordinate clause first ("Warum die Universität nicht erkannte, dass …,
    erklärte die Universität"), the comma after which the main clause's verb comes: not
    one that opens a further subordinate or relative clause."""
    for k in range(len(toks) - 1):
        if toks[k][2] != ",":
            continue
        nxt = toks[k + 1][2].lower()
        if nxt in lex.subordinators or nxt in lex.question_words or nxt in lex.function_words:
            continue
        return k
    return None


def _as_adverbial(toks: list[phrases.Token], lex) -> bool:
    """'Als Begründung sagte ein Wissenschaftler', 'Als Antwort auf den Brief sagte …':
    "als" before a bare noun opens an adverbial (as what), not a clause (when)."""
    if toks[0][2].lower() != "als" or len(toks) < 3:
        return False
    word = toks[1][2]
    return (
        phrases._cap(word)
        and word.lower() not in phrases.DETERMINERS
        and word.lower() not in phrases.GERMAN_DETERMINERS
        and word.lower() not in lex.pronouns
        and word.lower() not in lex.function_words
    )


def _appositive_subject(toks: list[phrases.Token], lex, text: str) -> phrases.Phrase | None:
    """'Stephen Singer, ein Klimaexperte vom WWF, erklärte': a name of two or more words,
    or one before an article, then a comma, opens the clause; the role after the comma is
    no verb's subject."""
    k = 0
    while k < len(toks) and phrases._is_name_word(toks[k][2], lex):
        if toks[k][2].lower() in lex.clause_openers or toks[k][2].lower() in lex.function_words:
            return None
        k += 1
    if k == 0 or k + 1 >= len(toks) or toks[k][2] != ",":
        return None
    nxt = toks[k + 1][2].lower()
    if k < 2 and nxt not in phrases.DETERMINERS:
        return None
    if nxt not in phrases.DETERMINERS and not toks[k + 1][2][:1].isupper():
        return None  # "Berlin, den 5. Mai", "Müller, sagte": no role follows
    return phrases.split_name(toks[:k], lex, text)


def _particle_name(toks: list[phrases.Token], text: str) -> bool:
    """Do these words ("Von der Leyen") form a surname the article gave earlier after a
    first name ("Ursula von der Leyen")? Only particles, then capitalised words."""
    k = 1
    while k < len(toks) and toks[k][2] in phrases.PARTICLES:
        k += 1
    if k == len(toks) or not all(phrases._cap(t[2]) for t in toks[k:]):
        return False
    name = text[toks[0][0] : toks[-1][1]]
    if " " + name[:1].lower() + name[1:] not in text:
        return False  # what the pattern needs is nowhere: no pattern compiled for it
    pattern = r"\b[A-ZÄÖÜ][\w\-]+ " + re.escape(name[:1].lower() + name[1:]) + r"\b"
    return re.search(pattern, text) is not None


# Articles never in the nominative: a clause they open starts with its object ("Den
# Unmut der CDU brachte die Sprecherin … zum Ausdruck"), the subject follows the verb.
_OBJECT_CASE = frozenset("den dem einen einem".split())

# Words that may stand before a German subject without taking the first position.
_FOCUS = frozenset("auch und aber doch selbst sogar nur gerade allein".split())


def finite_verb(toks: list[phrases.Token], lex) -> int | None:
    """Where the finite verb of a German main clause stands: the first lowercase word
    that is not an article, a preposition or an adjective after an article
    ("die gesundheitspolitische Sprecherin erklärte")."""
    first = toks[0][2].lower() if toks else ""
    # after an article, lowercase words are adjectives
    attributive = first in _ATTRIBUTIVE or first in phrases.GERMAN_DETERMINERS
    for v in range(1, len(toks)):
        word = toks[v][2]
        low = word.lower()
        if not word.islower():
            attributive = False
            continue
        if low in _ATTRIBUTIVE or low in phrases.GERMAN_DETERMINERS:
            attributive = True
            continue
        if low in lex.clause_openers or low in phrases.PARTICLES:
            continue
        if attributive and low not in lex.reporting and low.endswith(_ADJECTIVE_ENDINGS):
            continue
        return v
    return None


_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
# Articles, and prepositions fused with one ("Am heutigen Montag", "Zur aktuellen Lage"):
# lowercase words after them are adjectives.
_ATTRIBUTIVE = phrases.DETERMINERS | frozenset(
    "am im zum zur vom beim ins ans solche solcher solchen solches".split()
)


def _same_report(doc: Doc, d: Draft, prev: Draft | None, same_sentence: bool) -> bool:
    """'X said the move dragged it "into the gutter" and showed they were "rattled"': a
    second fragment of one reported sentence has the cue and speaker of the first."""
    if not (same_sentence and prev is not None and prev.speaker and prev.cue):
        return False
    if d.type != "mixed" or prev.type != "mixed" or prev.cue[1] > prev.outer[0]:
        return False
    d.cue, d.mention = prev.cue, prev.mention
    d.speaker, d.kind, d.role, d.pronoun = prev.speaker, prev.kind, prev.role, prev.pronoun
    d.speaker_rule = "same-report"
    doc.log("same-report", "speaker", f"{doc.snippet(*d.spans[0])} <- {prev.speaker!r}")
    return True


def _speech_noun(doc: Doc, d: Draft, left: list[phrases.Token]) -> bool:
    """'Mr MacKenzie's suggestion that drunks should “be given a good beating”', 'His
    advice was to “get a haircut”': whose suggestion or advice it is, is the source."""
    lex = doc.lex
    for j in range(len(left) - 1, 0, -1):
        if left[j][2].lower() not in lex.speech_nouns:
            continue
        before = left[j - 1][2]
        if before.lower() in phrases.POSSESSIVES - {"its", "our", "my", "your"}:
            pronoun = {"his": "he", "her": "she", "their": "they"}[before.lower()]
            phrase = phrases.Phrase(left[j - 1][0], left[j - 1][1], before, None, None, pronoun)
        elif before in {"’s", "'s"} or (before.endswith(("’s", "'s")) and before[:1].isupper()):
            # the possessor: "Mr MacKenzie's" (one token), or "MacKenzie ’s" (two)
            owner = j - 2 if before in {"’s", "'s"} else j - 1
            if owner < 0:
                return False
            phrase = phrases.backward(left, owner + 1, lex, doc.text)
            if phrase is None or not any(w[:1].isupper() for w in phrase.name.split()):
                return False
            phrase.name = phrase.name.removesuffix("’s").removesuffix("'s")
        else:
            continue
        return _set(doc, d, (left[j][0], left[j][1]), phrase, "speech-noun")
    return False


_BULLETS = {"-", "–", "—", "•", "*"}


def _label(doc: Doc, d: Draft, left: list[phrases.Token]) -> bool:
    """'- Bolton boss Sam Allardyce "…"': a verbless label naming who speaks the quote
    that follows it (match reports, interview round-ups), with or without a colon."""
    toks = [t for t in left if t[2] not in _BULLETS]
    if toks and toks[-1][2] == ":":
        toks = toks[:-1]
    if not toks or len(toks) > 8 or not toks[-1][2][:1].isupper():
        return False
    lex = doc.lex
    for t in toks:
        w = t[2]
        low = w.lower()
        if not w[:1].isalpha() or low in lex.cues or low in lex.frame_cues:
            return False
        if w.islower() and low not in lex.titles and low not in lex.role_nouns:
            return False  # a clause, not a label
    phrase = phrases.split_name(toks, lex, doc.text)
    if phrase is None or not any(w[:1].isupper() for w in phrase.name.split()):
        return False
    if " " not in phrase.name and not phrase.role:
        return False  # one word alone is a heading or a place as often as a speaker
    d.mention = (phrase.start, phrase.end)
    d.speaker, d.kind, d.role = phrase.name, phrase.kind or "person", phrase.role
    d.type, d.speaker_rule = "direct", "label"
    doc.log("label", "speaker", f"{doc.snippet(*d.spans[0])} <- {doc.snippet(*d.mention)}")
    return True


def _sentence_subject(doc: Doc, d: Draft, left: list[phrases.Token]) -> bool:
    """A fragment quoted inside a sentence with no reporting verb: its subject is the source
    ("The Rove ad hits Clinton for taking “…”"). Only a name, a pronoun or an
    organisation counts: a loose description is not enough to name anyone."""
    if len(left) < 2:
        return False
    phrase = (verb_second_subject if doc.lex.clause_openers else subject)(left, doc.lex, doc.text)
    if phrase is None or phrase.end > d.outer[0]:
        return False
    named = any(w[:1].isupper() for w in phrase.name.split())
    if doc.lex.clause_openers:
        # German capitalises every noun: only a person, or a surname the article has
        # introduced with a first name ("Alan Jackson … Jackson geht davon aus")
        named = phrase.kind in {"person", "organization"} or _introduced(doc, phrase)
    if not (phrase.pronoun or named or phrase.kind == "organization"):
        return False
    d.mention = (phrase.start, phrase.end)
    d.speaker, d.kind, d.role, d.pronoun = phrase.name, phrase.kind, phrase.role, phrase.pronoun
    d.speaker_rule = "sentence-subject"
    doc.log(
        "sentence-subject",
        "speaker",
        f"{doc.snippet(*d.spans[0])} <- "
        f"{doc.snippet(phrase.start, phrase.end)} (no cue: the sentence's subject)",
    )
    return True


def _introduced(doc: Doc, phrase: phrases.Phrase) -> bool:
    """Is this one-word phrase a surname that a capitalised word stood before earlier?"""
    name = phrase.name
    if " " in name or doc.text[phrase.start : phrase.end] != name:
        return False
    if doc.text.find(" " + name, 0, phrase.start) < 0:
        return False  # what the pattern needs is nowhere before: no pattern compiled for it
    pattern = re.compile(r"\b[A-ZÄÖÜ][\w.\-]+ " + re.escape(name) + r"\b")
    return pattern.search(doc.text, 0, phrase.start) is not None


def _source_phrase(
    doc: Doc, d: Draft, left: list[phrases.Token], right: list[phrases.Token]
) -> bool:
    """German: the source named in the quote's sentence without a verb: "laut Gall",
    "nach Angaben des Ministeriums", "nach Ansicht von Senator Dodd", "Nach Schäubles
    Idee". It speaks, not the sentence's subject."""
    lex = doc.lex
    for toks in (left, right):
        # the source nearest the quote: before it, read back from the quote
        order = range(len(toks) - 1, -1, -1) if toks is left else range(len(toks))
        for k in order:
            ts, te, word = toks[k]
            low = word.lower()
            nxt = toks[k + 1][2] if k + 1 < len(toks) else ""
            if low == "laut" and (nxt[:1].isupper() or nxt in phrases.DETERMINERS):
                phrase = phrases.forward(
                    toks, k + 1, lex, doc.text, hi=_noun_phrase_end(toks, k + 1)
                )
            elif low == "nach" and (
                nxt.lower() in lex.source_nouns
                or nxt.lower() in phrases.DETERMINERS
                and k + 2 < len(toks)
                and toks[k + 2][2].lower() in lex.source_nouns
            ):
                # "nach Angaben des …", "nach den Worten der Sprecherin"
                j = k + 2 + (nxt.lower() in phrases.DETERMINERS)
                if j < len(toks) and toks[j][2].lower() in {"von", "vom"}:
                    j += 1
                if j >= len(toks) or not (
                    toks[j][2][:1].isupper() or toks[j][2].lower() in phrases.DETERMINERS
                ):
                    continue
                phrase = phrases.forward(toks, j, lex, doc.text, hi=_noun_phrase_end(toks, j))
            elif (
                low == "nach"
                and k + 2 < len(toks)
                and nxt[:1].isupper()
                and nxt.endswith("s")
                and toks[k + 2][2].lower() in lex.source_nouns
            ):
                # "Nach Schäubles Idee": the genitive name before the noun
                name = nxt[:-1]
                phrase = phrases.Phrase(toks[k + 1][0], toks[k + 1][1] - 1, name, "person", None)
            elif low == "zufolge" and k > 0 and phrases._cap(toks[k - 1][2]):
                # "Nacke zufolge", "dem Bericht zufolge": the source stands before the word
                phrase = phrases.backward(toks, k, lex, doc.text)
                if phrase is not None and _possessive_led(doc, phrase):
                    continue  # "Seiner Darstellung zufolge": whose, the text says before
            elif (
                low == "für"
                and (k == 0 or toks[k - 1][2] in {",", "und", "aber", "doch"})
                and nxt[:1].isupper()
            ):
                # "Für Bildungssenator Willi Lemke ist das „…“": whose view it is
                phrase = phrases.forward(
                    toks, k + 1, lex, doc.text, hi=_noun_phrase_end(toks, k + 1)
                )
                if phrase is None or phrase.kind != "person":
                    continue
            else:
                continue
            if phrase is None or phrase.start >= d.outer[0] and toks is left:
                continue
            return _set(doc, d, (ts, te), phrase, "source-phrase")
    return False


def _possessive_led(doc: Doc, phrase: phrases.Phrase) -> bool:
    """Does the phrase open with a possessive ("Seiner Darstellung")?"""
    first = doc.text[phrase.start : phrase.end].split()[0].lower()
    return first in phrases.GERMAN_DETERMINERS


def _relative_speaker(
    doc: Doc, d: Draft, left: list[phrases.Token], right: list[phrases.Token]
) -> bool:
    """German 'vom Fahrgastverband IGEB, der diese Maßnahme als „Kapitulation“ sieht': a
    fragment closing a relative clause with its cue; a relative pronoun that is only ever a
    subject ("der") stands for the speaker, the noun phrase before its comma."""
    lex = doc.lex
    end = next((k for k, t in enumerate(right) if t[2] in {",", ".", ";", "!", "?"}), len(right))
    cue = next((t for t in right[:end] if t[2] in lex.frame_cues and t[2].islower()), None)
    if cue is None:
        return False  # the relative clause ends with its verb: "… als „…“ vor X sieht,"
    rel = next((k for k in range(len(left) - 1, 0, -1) if left[k - 1][2] == ","), None)
    if rel is None or left[rel][2] not in lex.relative_subjects:
        return False
    if any(t[2] == "," for t in left[rel:]):
        return False
    ante = phrases.backward(left, rel - 1, lex, doc.text, antecedent=True)
    if ante is None or ante.pronoun:
        return False
    s, e, _ = left[rel]
    phrase = phrases.Phrase(s, e, ante.name, ante.kind, ante.role)
    return _set(doc, d, (cue[0], cue[1]), phrase, "relative-speaker")


def _document_place(
    doc: Doc, d: Draft, left: list[phrases.Token], right: list[phrases.Token]
) -> bool:
    """German: a text speaks where the sentence says where it stands ("In dem Schreiben
    heißt es: „…“", "Auf dem Plakat stand: „…“", "„…“, heißt es auf der Webseite",
    "So heißt es in der Meldung wörtlich:"): the place names the speaker."""
    lex = doc.lex
    toks = [*left, *right]
    verb = next(
        (k for k, t in enumerate(toks) if t[2].islower() and t[2] in lex.document_verbs), None
    )
    if verb is None or _pronoun_after(toks, verb, lex) is not None:
        return False  # "Im Interview steht er zu seinen Worten": a person speaks
    if verb >= len(left) and not _clause_opening(toks, verb):
        return False  # after the quote, only a clause of its own: "„…“, (so) heißt es in …"
    k = verb + 1  # "heißt es dazu wörtlich in …": a few lowercase words before the place
    while k < min(len(toks), verb + 4) and toks[k][2].islower():
        if toks[k][2] in lex.place_prepositions:
            break
        k += 1
    if k < len(toks) and toks[k][2].lower() in lex.place_prepositions:
        start = k + 1  # "heißt es in der Erklärung", "steht in dem Gesetzentwurf"
    elif left and left[0][2].lower() in lex.place_prepositions and verb < len(left):
        start = 1  # "In dem Schreiben heißt es:"
    else:
        return False
    end = _place_end(toks, start, lex)
    if end <= start or not any(phrases._cap(t[2]) for t in toks[start:end]):
        return False
    if toks[verb + 1][2] != "es" and not _document_noun(toks[start:end], lex):
        return False  # "es stehe im Gegensatz zur …": only "heißt es" needs no text named
    phrase = phrases.split_name(toks[start:end], lex, doc.text)
    if phrase is None:
        return False
    return _set(doc, d, (toks[verb][0], toks[verb][1]), phrase, "document-place")


def _document_noun(toks: list[phrases.Token], lex) -> bool:
    """Does a noun of this phrase name a text ("dem Gesetzentwurf", "der Pressemitteilung")?"""
    return any(
        phrases._cap(t[2]) and t[2].lower().endswith(n) for t in toks for n in lex.document_nouns
    )


def _clause_opening(toks: list[phrases.Token], k: int) -> bool:
    """Does toks[k] open a clause after a comma (", heißt es", ", so heißt es")?"""
    before = [t[2].lower() for t in toks[max(k - 2, 0) : k]]
    return before[-1:] == [","] or before == [",", "so"]


def _place_end(toks: list[phrases.Token], j: int, lex) -> int:
    """Where the noun phrase of a place ends: at a comma, a bracket, a quotation mark, or a
    lowercase word after its noun ("der Meldung | auf der Homepage")."""
    for k in range(j, len(toks)):
        word = toks[k][2]
        if word in {",", "(", ":", ".", "„", "“", "»", "«", '"'}:
            return k
        article = word in filters.ARTICLES or word in phrases.GERMAN_DETERMINERS
        if (
            k > j
            and word.islower()
            and phrases._cap(toks[k - 1][2])
            and (word in lex.clause_openers or not article)
        ):
            return k  # "dem Plakat | am Rathaus", "der Meldung | auf der Homepage"
    return len(toks)


def _noun_phrase_end(toks: list[phrases.Token], j: int) -> int:
    """Where a German noun phrase from toks[j] ends: at the first lowercase word after a
    noun that is no article ("des Ministeriums | ist die Lage")."""
    for k in range(j + 1, len(toks)):
        word = toks[k][2]
        if (
            word.islower()
            and toks[k - 1][2][:1].isupper()
            and word not in phrases.DETERMINERS
            and word not in phrases.GERMAN_DETERMINERS
            and word not in phrases.PARTICLES
        ):
            return k
    return len(toks)


def _reported(doc: Doc, d: Draft, left: list[phrases.Token], right: list[phrases.Token]) -> bool:
    """German: a fragment in a clause in the Konjunktiv with no cue ("Damit seien „…“",
    "Er habe „…“ gesagt") is reported speech: its speaker is the one of the speech before
    it (the continuation step), not the clause's subject."""
    lex = doc.lex
    after = right[:3]
    if not any(t[2] in lex.reported_verbs for t in (*left, *after)):
        return False
    clause = _after_colon(left, len(left))
    phrase = verb_second_subject(clause, lex, doc.text) if len(clause) > 1 else None
    if phrase is not None and phrase.pronoun and phrase.end <= d.outer[0]:
        return False  # "Er habe „…“": the pronoun is the speaker, resolved later
    if phrase is not None and clause[0][2].lower() == "wie" and phrase.end <= d.outer[0]:
        return False  # "Wie der Richter ausführte, hätte es „…“": the clause names the speaker
    d.reported = True
    doc.log(
        "reported",
        "no cue",
        f"{doc.snippet(*d.spans[0])}: a clause in reported speech, the speaker comes before",
    )
    return True


_ADVERB_ENDINGS = ("end", "lich", "ig", "isch", "weise", "bar", "sam", "los", "mals")


def _subject_like(toks: list[phrases.Token], lex) -> bool:
    """Can these words before a German verb be its subject (an article, a pronoun, a name)?"""
    if not toks:
        return False
    first = toks[0][2].lower()
    if (
        first in phrases.DETERMINERS
        and len(toks) > 1
        and (toks[1][2][:1].isupper() or any(t[2] == "," for t in toks))
    ):
        # "Der Einsatzleiter der Polizei in Dortmund erklärte", "Der frühere Bürgermeister
        # und Justizsenator, Henning Scherf (SPD), warnte": an article opens the subject,
        # whatever prepositions and conjunctions it holds
        return True
    if _name_first(toks, lex):
        # "Minister Sathit Wongnongtoey von der Kanzlei des Ministerpräsidenten erklärte":
        # a name opens the subject, a prepositional phrase follows it
        return True
    if any(
        t[2].lower() in lex.clause_openers
        and t[2].lower() not in phrases.DETERMINERS
        and not _coordinated(toks, k)
        for k, t in enumerate(toks)
    ):
        return False  # a preposition or an adverb: an adverbial stands before the verb
    if first in phrases.DETERMINERS or first in phrases.POSSESSIVES or first in lex.pronouns:
        return True
    if len(toks) == 1 and first.endswith(_ADVERB_ENDINGS):
        return False  # "Unmissverständlich sagte …"
    return all(
        t[2][:1].isupper()
        or t[2] in {"-", ".", ","}
        or t[2].lower() in phrases.PARTICLES
        or _coordinated(toks, k)
        for k, t in enumerate(toks)
    )


_COORDINATORS = frozenset({"und", "oder", "sowie"})


def _coordinated(toks: list[phrases.Token], k: int) -> bool:
    """Does toks[k] join two names ("Sonia und Willy Bogner")? Then it opens no adverbial."""
    return (
        toks[k][2] in _COORDINATORS
        and 0 < k < len(toks) - 1
        and phrases._cap(toks[k - 1][2])
        and phrases._cap(toks[k + 1][2])
    )


def _name_first(toks: list[phrases.Token], lex) -> bool:
    """Does a name of two or more words open these words ("Kurt von Figura, …",
    "Minister Sathit Wongnongtoey von …")? A word no name starts with does not count."""
    if len(toks) < 3 or not phrases._cap(toks[0][2]):
        return False
    first = toks[0][2].lower()
    if first in lex.clause_openers or first in lex.function_words or first in _NOT_NAMES:
        return False
    k = 0
    while k < len(toks) and (
        phrases._cap(toks[k][2])
        and toks[k][2].lower() not in lex.function_words
        and toks[k][2].lower() not in lex.clause_openers
        or toks[k][2].lower() in phrases.PARTICLES
        and k + 1 < len(toks)
        and phrases._cap(toks[k + 1][2])
    ):
        k += 1
    if k < len(toks) and phrases._cap(toks[k][2]):
        return False  # "Engagement Deutschlands Bereits im …": a heading before the sentence
    return k >= 2 and sum(phrases._cap(t[2]) for t in toks[:k]) >= 2


# Capitalised first words that open no name: pronouns and quantifiers.
_NOT_NAMES = frozenset(
    "deren dessen jegliche jeglicher jegliches jede jeder jedes alle viele manche mehrere "
    "einige beide solche welche".split()
)


def _colon_paragraph(doc: Doc, d: Draft) -> bool:
    """A paragraph that opens with the quote, after one that ends 'He said:'."""
    ps, _ = doc.paragraphs[d.paragraph]
    if d.outer[0] != ps or d.paragraph == 0:
        return False
    qs, qe = doc.paragraphs[d.paragraph - 1]
    if not doc.text[qs:qe].rstrip().endswith(":"):
        return False
    s, e = sentence_of(doc, qe - 1)
    left = tokens(doc.text, max(s, qs), qe)
    return _left_frame(doc, d, left)


def _outlet(doc: Doc, d: Draft, hi: int) -> None:
    if d.mention is None:
        return
    window = doc.text[d.mention[1] : hi] if d.mention[1] < hi else ""
    if m := _OUTLET.search(window[:120]):
        d.outlet = (m.group(1) or m.group(2)).strip()


def _quote_type(doc: Doc, d: Draft, left_lo: int) -> str:
    """direct when the quote stands as the speech itself; mixed when it is a fragment."""
    before = doc.text[left_lo : d.outer[0]].rstrip()
    first = doc.text[d.spans[0][0]]
    if not before or before[-1] in ":,—–(" or before.endswith(("...", "…")):
        return "direct" if not first.islower() or not before else "mixed"
    return "mixed"


_QUOTED_SOURCE = re.compile(r"\s*[„»\"]([A-ZÄÖÜ][^“”\"«„\n]{0,40}?)[“”\"«]")


def _quoted_source(doc: Doc, right: list[phrases.Token], i: int) -> re.Match | None:
    """German '„…“, schreibt die „Computerwoche“': after the comma only a reporting verb
    and an article, then a name in quotation marks (the frame stops at it)."""
    if i != 1 or right[0][2] != "," or len(right) > 3:
        return None
    verb = right[1][2]
    if not (verb.islower() and verb in doc.lex.frame_cues):
        return None
    if len(right) == 3 and right[2][2] not in phrases.DETERMINERS:
        return None
    return _QUOTED_SOURCE.match(doc.text, right[-1][1])


_RELATIVE_ADVERBS = frozenset(
    "wonach wobei womit worauf woraus wodurch wofür wogegen worin worüber wovon wozu woher "
    "wohin weshalb weswegen was wer wem wen wessen welche welcher welches".split()
)


def _verb_after_quote(doc: Doc, d: Draft, right: list[phrases.Token], i: int) -> bool:
    """Does the quote end with a comma and a finite verb (verb-second: the quote is the
    clause's first part)? A lowercase word that is no article, pronoun, conjunction or
    preposition is taken for the verb."""
    lex = doc.lex
    comma = doc.text[d.spans[-1][1] - 1] == "," or right[0][2] == ","
    if not comma or i != 1 or i + 1 >= len(right):
        return False
    word = right[i][2]
    low = word.lower()
    return (
        word.islower()
        and word.isalpha()
        and low not in {"heißt", "hieß"}  # "„…“, heißt es in …": the document speaks
        and low not in _RELATIVE_ADVERBS  # "die Zeitung „…“, wonach …": a relative clause
        and low not in lex.function_words
        and low not in lex.clause_openers
        and low not in lex.subordinators
        and low not in lex.pronouns
        and low not in phrases.DETERMINERS
        and low not in phrases.GERMAN_DETERMINERS
        and low not in lex.forward_stops
    )
