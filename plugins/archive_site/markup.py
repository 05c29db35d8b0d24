"""The markup quote_annotator writes into an article, and what other code reads of it.

quote_annotator (annotate.py) wraps every quotation in the article's HTML and puts a
label after it; the plain text of an article (quote_annotator.htmltext), the search
indexes (offline_search, pagefind_search) and the theme (style.css, js/quotes.js,
templates) read that markup back. The class names are declared here once, so a rename
is made in one place (and grep finds every reader). The theme's CSS and scripts cannot
import them: they spell the same names, listed beside each one.

    <span id="q-3" class="quote quote--direct speaker-slot-2" data-quote="q-3"
          data-speaker="s-2" title="…">words</span>”<a class="quote-ref" href="#q-3"
          data-quote="q-3"><span class="visually-hidden">quote 3, direct, </span>Name</a>
"""

from __future__ import annotations

__all__ = [
    "LABEL",
    "NOT_TEXT",
    "QUOTE",
    "SPEAKER_SLOT",
    "UNATTRIBUTED",
    "VISUALLY_HIDDEN",
    "quote_type",
    "speaker_slot",
]

#: Every piece of a quotation (a quote across a link is wrapped piece by piece).
#: Read by style.css and js/quotes.js.
QUOTE = "quote"

#: The modifier of a quotation's type: quote--direct, quote--mixed, quote--indirect.
#: Read by style.css, js/quotes.js, templates/speaker.html and marks.html.
QUOTE_TYPE = "quote--{type}"

#: A quotation (and a "Who is quoted" row) without a named speaker.
#: Read by style.css and templates/article.html.
UNATTRIBUTED = "quote--unattributed"

#: The colour slot of a quotation's speaker, 1..quote_annotator.annotate.PALETTE.
#: Read by style.css and templates/article.html (the "Who is quoted" panel).
SPEAKER_SLOT = "speaker-slot-{slot}"

#: The link after a quotation that names its speaker: page furniture, not the article's
#: words. Read by js/quotes.js; never part of an article's plain text (NOT_TEXT).
LABEL = "quote-ref"

#: Text for screen readers only (inside the label). Read by style.css.
VISUALLY_HIDDEN = "visually-hidden"

#: Elements of these classes hold no words of the article: the plain text of an article
#: (quote_annotator.htmltext, which every search index reads) leaves them out. A
#: footnote marker is the Markdown reader's (mdit_reader); a label is the annotator's.
NOT_TEXT = frozenset({"footnote-ref", LABEL})


def quote_type(kind: str) -> str:
    """The class of a quotation of this type ("direct" -> "quote--direct")."""
    return QUOTE_TYPE.format(type=kind)


def speaker_slot(slot: int) -> str:
    """The class of a speaker's colour slot (2 -> "speaker-slot-2")."""
    return SPEAKER_SLOT.format(slot=slot)
