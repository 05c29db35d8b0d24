"""Plain text of an HTML fragment with offsets back into it, and wrapping of text spans.

The extraction engine reads plain text; the article is HTML. ``HtmlText`` keeps every
text node with its offset in the plain text, so that spans found in the text can be
wrapped in place, even across inline markup (a quote that contains a link or an
emphasis is wrapped piece by piece, so the HTML stays well nested).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

from archive_site import markup
from mdit_reader.render import VOID_ELEMENTS

# Elements that end a paragraph of text: the engine sees a blank line there.
_BLOCKS = {
    "address",
    "article",
    "aside",
    "blockquote",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
}
# Text inside these is not the article's: never part of its plain text, so never of a
# quotation or a search index (footnote markers, the annotator's labels; code).
_SKIP_CLASSES = markup.NOT_TEXT
_SKIP_TAGS = {"code", "pre", "script", "style"}


@dataclass(slots=True)
class _Piece:
    markup: str | None  # raw markup, or None for a text node
    text: str = ""  # decoded text of a text node
    start: int = -1  # its offset in the plain text; -1 when not part of it


#: Attributes by which editors correct the quotations of an article.
EDITORIAL = ("data-speaker", "data-quote", "data-kind", "data-role", "data-type")


@dataclass(slots=True)
class Correction:
    """An editor's mark on a stretch of the text: who said it, or that it is no quote."""

    start: int
    end: int
    attrs: dict[str, str]


class HtmlText:
    """An HTML fragment as plain text plus the pieces needed to write it back."""

    def __init__(self, html: str):
        parser = _Splitter()
        parser.feed(html)
        parser.close()
        self.pieces: list[_Piece] = parser.pieces
        self.text: str = "".join(parser.text)
        self.corrections: list[Correction] = parser.corrections

    def wrap(
        self,
        spans: Sequence[tuple[int, int, object]],
        open_tag: Callable[[object, bool], str],
        close_tag: Callable[[object, bool], str],
    ) -> str:
        """Return the HTML with each (start, end, key) text span wrapped.

        open_tag(key, first) opens one piece of a span (first: the piece that carries
        the anchor id); close_tag(key, last) closes it (last: the span ends here).
        Spans must not overlap.
        """
        spans = sorted(spans, key=lambda x: (x[0], x[1]))
        out: list[str] = []
        first_seen: set[int] = set()
        k = 0
        for piece in self.pieces:
            if piece.markup is not None:
                out.append(piece.markup)
                continue
            if piece.start < 0:
                out.append(escape(piece.text, quote=False))
                continue
            p_start, p_end = piece.start, piece.start + len(piece.text)
            while k < len(spans) and spans[k][1] <= p_start:
                k += 1
            pos = p_start
            j = k
            while j < len(spans) and spans[j][0] < p_end:
                s, e, key = spans[j]
                s, e = max(s, p_start), min(e, p_end)
                if s > pos:
                    out.append(escape(self.text[pos:s], quote=False))
                segment = self.text[s:e]
                if segment.strip():
                    out.append(open_tag(key, key not in first_seen))
                    first_seen.add(key)
                    out.append(escape(segment, quote=False))
                    out.append(close_tag(key, spans[j][1] <= p_end))
                else:
                    out.append(escape(segment, quote=False))
                pos = e
                j += 1
            if pos < p_end:
                out.append(escape(self.text[pos:p_end], quote=False))
        return "".join(out)


def plain_text(html: str) -> str:
    """The plain text of an HTML fragment: the one HTML-to-text conversion of the archive
    (the engine reads it; the search indexes read it when no annotated text is there).
    Blocks are paragraphs (blank lines); labels, footnote markers and code are left out."""
    return HtmlText(html).text.strip()


class _Splitter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[_Piece] = []
        self.text: list[str] = []
        self.length = 0
        self.skip_depth = 0
        self.stack: list[bool] = []  # per open element: does it start a skipped region?
        self.corrections: list[Correction] = []
        self.marks: list[tuple[dict[str, str], int] | None] = []  # per open <span>

    def _break(self) -> None:
        """End the current paragraph: the plain text gets a blank line."""
        if self.length and not "".join(self.text[-2:]).endswith("\n\n"):
            gap = "\n" if "".join(self.text[-1:]).endswith("\n") else "\n\n"
            self.text.append(gap)
            self.length += len(gap)

    def handle_starttag(self, tag, attrs):
        self.pieces.append(_Piece(self.get_starttag_text()))
        if tag in _BLOCKS:
            self._break()
        if tag == "br":
            self.text.append("\n")
            self.length += 1
        if tag in VOID_ELEMENTS:
            return
        if tag == "span":
            found = {k: v or "" for k, v in attrs if k in EDITORIAL}
            self.marks.append((found, self.length) if found else None)
        classes = set((dict(attrs).get("class") or "").split())
        skipped = tag in _SKIP_TAGS or bool(classes & _SKIP_CLASSES)
        self.stack.append(skipped)
        self.skip_depth += skipped

    def handle_startendtag(self, tag, attrs):
        self.pieces.append(_Piece(self.get_starttag_text()))
        if tag in _BLOCKS:
            self._break()

    def handle_endtag(self, tag):
        self.pieces.append(_Piece(f"</{tag}>"))
        if tag in VOID_ELEMENTS:
            return
        if tag == "span" and self.marks:
            mark = self.marks.pop()
            if mark is not None and self.length > mark[1]:
                self.corrections.append(Correction(mark[1], self.length, mark[0]))
        if self.stack:
            self.skip_depth -= self.stack.pop()
        if tag in _BLOCKS:
            self._break()

    def handle_data(self, data):
        if self.skip_depth:
            self.pieces.append(_Piece(None, data, -1))
            return
        self.pieces.append(_Piece(None, data, self.length))
        self.text.append(data)
        self.length += len(data)
