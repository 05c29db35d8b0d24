"""The words that lead a report on a speaker's page and in a search result.

"Said that …" reads a clause; a verb of its own is read as the text gives it: "Predicted
that the Budget would …", "Warned that …", "Plans to send a nominee …", "Endorsed Mr
Cruz". Only in English (the site's own words are English) and only a one-word verb of
the engine's lexicon that takes a clause with no listener first ("told" would want its
listener: "said that"), past or third person ("Say that …", "Saying that …" would read
as an order or a fragment); "according to", a noun or a phrase keep "said that". A clause
that opens with its question word is led by the verb alone ("Asked whether …").
"""

from __future__ import annotations

from archive_quotes import Quote
from archive_quotes.lexicon import load

SAID_THAT = "said that"


def lead(q: Quote, text: str, lang: str) -> str:
    """What to write before the reported words of q."""
    if q.cue is None:
        return SAID_THAT
    cue = q.cue.text.lower()
    if q.report:
        return cue  # "plans" to send a nominee, "endorsed" Mr Cruz
    if lang != "en" or not cue.isalpha() or cue == "said":
        return SAID_THAT
    lex = load(lang)
    verb = lex.indirect_verbs.get(cue)
    if verb is None:
        return SAID_THAT
    first = text[q.start : q.end].split(None, 1)
    opener = first[0].lower() if first else ""
    if opener in lex.question_words or opener in lex.complementizers:
        return cue  # "asked whether he would run": never "said that whether"
    if "addressee" in verb.kinds or not verb.kinds & {"say", "clause"}:
        return SAID_THAT
    if cue == verb.lemma or cue.endswith("ing"):
        return SAID_THAT  # "Say that …", "Saying that …" read as orders or fragments
    return f"{cue} that"
