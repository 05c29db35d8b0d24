"""Annotate one article: find its quotations and mark them up in place.

Pelican-free: HTML and a title in, annotated HTML and view records out. The engine
reads the plain text (headline first, as it expects); spans are mapped back onto the
HTML, so a quote that crosses a link or an emphasis is wrapped piece by piece.
Everything written is escaped here; templates only render.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape

from archive_quotes import Quote, extract_quotes
from archive_site import markup

from . import leads
from .htmltext import HtmlText

#: Colour slots a speaker can get; the colour never carries meaning alone (names are text).
PALETTE = 8


@dataclass(slots=True)
class QuoteView:
    """What templates and exports show of one quotation."""

    id: str  # anchor, "q-3"
    number: int
    type: str
    text: str
    speaker: str | None
    speaker_kind: str | None
    role: str | None
    description: str | None  # an unnamed source ("a BBC spokesman"): never a speaker
    cue: str | None
    mention: str | None
    outlet: str | None
    rule: str
    speaker_rule: str | None
    in_title: bool
    start: int  # offsets into the article's plain text (headline first)
    end: int
    speaker_url: str | None = None  # set once the archive's speakers are known
    # the words before reported speech: "said that" or its own verb and "that" before a
    # clause ("predicted that"), the verb itself before an infinitive or an object ("plans"
    # to send a nominee, "endorsed" Mr Cruz): see leads.py
    lead: str = leads.SAID_THAT
    # a mixed quote's reported clause, its quoted words included ("he would be remembered
    # with “affection and respect”"): a fragment alone says little on a speaker's page
    context: str | None = None


@dataclass(slots=True)
class SpeakerView:
    """One speaker of the article, for the "Who is quoted" panel."""

    name: str
    kind: str
    role: str | None
    slot: int  # colour slot, 1..PALETTE
    key: str  # stable id within the page ("s-2")
    quotes: list[str] = field(default_factory=list)  # anchors of the speaker's quotes
    url: str | None = None  # the speaker's page, set once the archive's speakers are known


@dataclass(slots=True)
class Annotation:
    content: str
    title: str
    quotes: list[QuoteView]
    speakers: list[SpeakerView]
    text: str  # the plain text the engine read


@dataclass(slots=True)
class Extracted:
    """An article read by the engine, before its speakers are known across the archive."""

    title: str
    body: HtmlText
    head: HtmlText
    offset: int  # where the body starts in the plain text
    text: str
    quotes: list[QuoteView]
    spans: list[list[tuple[int, int]]]  # each quote's spans, in the plain text


def extract(title: str, html: str, lang: str = "en") -> Extracted:
    """Run the engine on an article (headline first, as it expects)."""
    head_doc, body = HtmlText(escape(title, quote=False)), HtmlText(html)
    head = head_doc.text.strip()
    offset = len(head) + 2
    text = f"{head}\n\n{body.text}"
    result = extract_quotes(text, lang)
    views = [_view(q, n, offset, text, lang) for n, q in enumerate(result.quotes, 1)]
    spans = [[(s.start, s.end) for s in q.spans] for q in result.quotes]
    if body.corrections:
        views, spans = _correct(views, spans, body.corrections, text, offset)
    return Extracted(title, body, head_doc, offset, text, views, spans)


_MARKS = "\"“”„«»‹›‘’‚'"
#: A quotation's closing mark right after its words (a space may stand before it).
_CLOSING = re.compile(r"[ \t]?(?:''|[\"”»«’‘“›‹])")


def _correct(views, spans, corrections, text: str, offset: int):
    """Apply the editors' marks: a speaker for a quote (found or not), or 'no quote'."""
    for c in corrections:
        start, end = c.start + offset, c.end + offset
        hit = [i for i, sp in enumerate(spans) if any(s < end and start < e for s, e in sp)]
        if c.attrs.get("data-quote") == "no":
            # "[“experts”]{data-quote=no}": whatever the engine found here is no quotation
            views = [v for i, v in enumerate(views) if i not in hit]
            spans = [sp for i, sp in enumerate(spans) if i not in hit]
            continue
        name = c.attrs.get("data-speaker", "").strip()
        if not name:
            continue
        if not hit:
            # the editor marks a quotation the engine missed
            s, e = start, end
            while s < e and (text[s] in _MARKS or text[s].isspace()):
                s += 1
            while e > s and (text[e - 1] in _MARKS or text[e - 1].isspace()):
                e -= 1
            views.append(
                QuoteView(
                    id="",
                    number=0,
                    type=c.attrs.get("data-type") or "direct",
                    text=text[s:e],
                    speaker=None,
                    speaker_kind=None,
                    role=None,
                    description=None,
                    cue=None,
                    mention=None,
                    outlet=None,
                    rule="editor",
                    speaker_rule=None,
                    in_title=False,
                    start=s,
                    end=e,
                )
            )
            spans.append([(s, e)])
            hit = [len(views) - 1]
        for i in hit:
            v = views[i]
            v.speaker, v.speaker_rule, v.description = name, "editor", None
            v.speaker_kind = c.attrs.get("data-kind") or "person"
            v.role = c.attrs.get("data-role") or (v.role if v.speaker == name else None)
    order = sorted(range(len(views)), key=lambda i: spans[i][0])
    views, spans = [views[i] for i in order], [spans[i] for i in order]
    for n, v in enumerate(views, 1):
        v.number, v.id = n, f"q-{n}"
    return views, spans


def _speaker_view(speakers: dict[str, SpeakerView], view) -> SpeakerView:
    """The article's view of the quote's speaker, made on its first quote."""
    sv = speakers.get(view.speaker)
    if sv is None:
        sv = speakers[view.speaker] = SpeakerView(
            view.speaker,
            view.speaker_kind or "person",
            view.role,
            slot=len(speakers) % PALETTE + 1,
            key=f"s-{len(speakers) + 1}",
            url=view.speaker_url,
        )
    elif sv.role is None and view.role:
        sv.role = view.role
    return sv


def _place(doc: Extracted, view, spans, title_spans: list, body_spans: list) -> None:
    """Put the quote's parts in the title or the body; the label follows the closing
    mark ("…” — Name"), or the last part when the quote has none (a quote left open at
    its paragraph's end)."""
    head_len = doc.offset - 2
    closing = _CLOSING.match(doc.text, spans[-1][1]) if spans[-1][0] >= doc.offset else None
    for k, (start, end) in enumerate(spans):
        key = (view.number, k == len(spans) - 1 and closing is None)
        if end <= head_len:
            title_spans.append((start, end, key))
        elif start >= doc.offset:
            body_spans.append((start - doc.offset, end - doc.offset, key))
    if closing is not None:
        body_spans.append(
            (closing.start() - doc.offset, closing.end() - doc.offset, (view.number, True, 0))
        )


def render(doc: Extracted, canonical=None) -> Annotation:
    """Mark the quotations up in the title and body.

    canonical(view) may give each speaker its archive-wide (name, kind, url); by
    default a speaker is named as the engine found them in this article.
    """
    speakers: dict[str, SpeakerView] = {}
    title_spans: list[tuple[int, int, tuple]] = []
    body_spans: list[tuple[int, int, tuple]] = []
    for view, spans in zip(doc.quotes, doc.spans, strict=True):
        if view.speaker is not None and canonical is not None:
            view.speaker, view.speaker_kind, view.speaker_url = canonical(view)
        if view.speaker is not None:
            _speaker_view(speakers, view).quotes.append(view.id)
        _place(doc, view, spans, title_spans, body_spans)
    by_number = {v.number: v for v in doc.quotes}
    anchored: set[int] = set()

    def open_tag(key: tuple, first: bool) -> str:
        if len(key) == 3:
            return ""  # the closing mark: plain text, then the label
        v = by_number[key[0]]
        first = key[0] not in anchored  # one anchor per quote, on its first piece
        anchored.add(key[0])
        sv = speakers.get(v.speaker) if v.speaker else None
        who = v.speaker or v.description or "unattributed"
        label = f"{who} ({v.type}{', ' + v.cue if v.cue else ''})"
        colour = markup.speaker_slot(sv.slot) if sv else markup.UNATTRIBUTED
        attrs = [
            f'class="{markup.QUOTE} {markup.quote_type(v.type)} {colour}"',
            f'data-quote="{v.id}"',
            f'data-speaker="{escape(sv.key) if sv else ""}"',
            f'title="{escape(label)}"',
        ]
        if v.cue:
            attrs.append(f'data-cue="{escape(v.cue)}"')
        if first:
            attrs.insert(0, f'id="{v.id}"')
        return f"<span {' '.join(attrs)}>"

    def close_tag(key: tuple, last: bool) -> str:
        end = "" if len(key) == 3 else "</span>"
        if not (last and key[1]) or by_number[key[0]].in_title:
            # the headline stays a headline (it is the search title too): no label in it
            return end
        v = by_number[key[0]]
        who = escape(v.speaker or v.description or "unattributed")
        return (
            f'{end}<a class="{markup.LABEL}" href="#{v.id}" data-quote="{v.id}">'
            f'<span class="{markup.VISUALLY_HIDDEN}">quote {v.number}, {escape(v.type)}, </span>'
            f"{who}</a>"
        )

    return Annotation(
        content=doc.body.wrap(body_spans, open_tag, close_tag),
        title=doc.head.wrap(title_spans, open_tag, close_tag) if title_spans else escape(doc.title),
        quotes=doc.quotes,
        speakers=list(speakers.values()),
        text=doc.text,
    )


def _context(q: Quote, text: str) -> str | None:
    """The reported clause of a mixed quote up to its closing mark, on one line."""
    if q.type != "mixed" or q.clause is None or q.clause.start >= q.start:
        return None
    closing = _CLOSING.match(text, q.end)
    end = closing.end() if closing else q.end
    return " ".join(text[q.clause.start : end].split())


def _view(q: Quote, n: int, offset: int, text: str, lang: str) -> QuoteView:
    return QuoteView(
        id=f"q-{n}",
        number=n,
        type=q.type,
        text=q.text,
        speaker=q.speaker.name if q.speaker else None,
        speaker_kind=q.speaker.kind if q.speaker else None,
        role=q.speaker.role if q.speaker else None,
        description=q.description,
        cue=q.cue.text if q.cue else None,
        mention=q.mention.text if q.mention else None,
        outlet=q.outlet,
        rule=q.rule,
        speaker_rule=q.speaker_rule,
        in_title=q.end <= offset,
        start=q.start,
        end=q.end,
        lead=leads.lead(q, text, lang),
        context=_context(q, text),
    )
