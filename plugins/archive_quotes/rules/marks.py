"""Step 'marks': pair quotation marks into quotations, paragraph by paragraph.

Every common style is paired: “…” "…" ''…'' ‘…’ «…» „…“ »…« ‹…› ‚…‘. Apostrophes inside
words (Zelensky’s) are not marks. Texts that mix straight and curly double marks
("…,” he said. “…", „…") pair them too. Only outermost pairs make quotations; nested
quotes stay inside them. A paragraph that ends inside a quote continues it when the
next paragraph opens with a mark (news style for quotes over several paragraphs);
otherwise the open quote ends with its paragraph, so an unbalanced mark can never
swallow the rest of the article.
"""

from __future__ import annotations

import re

from ..state import Doc, Draft
from .cues import LABEL

# two ASCII apostrophes are one double mark (''…'', the style of NYT archives); one alone
# is none. The pattern opens with one class of characters, so the engine skips from mark
# to mark at C speed: an apostrophe is taken with the one after it ((?<=')'), any other
# mark alone ((?<!'): the sign just matched was no apostrophe). Plainly: ''|["“”„«»‹›‘’‚]
_MARKS = re.compile(r"[\"“”„«»‹›‘’‚'](?:(?<=')'|(?<!'))")
# what each opening mark may be closed by
_CLOSERS = {
    "“": '”“"',
    "„": '“”"',
    "«": "»",
    "»": "«",
    "‹": "›",
    "›": "‹",
    "‘": "’",
    "‚": "‘’",
    '"': '"”',
}
_OPENERS_AT_START = set('"“„«»‹‘‚')


def _is_apostrophe(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before.isalnum() and (after.isalnum() or after in "sS")


def _width(text: str, i: int) -> int:
    """How many characters the mark at i takes: 2 for '' , else 1."""
    return 2 if text.startswith("''", i) else 1


def _can_open(text: str, i: int, start: int) -> bool:
    before = text[i - 1] if i > start else " "
    j = i + _width(text, i)
    after = text[j] if j < len(text) else " "
    return (before.isspace() or before in '([{—–-/:;,"“„«»‘‚') and not after.isspace()


def _mixed_opener(text: str, i: int, start: int, c: str, opener: str) -> bool:
    """Inside “…, a straight mark that could open a quote is no closer ("“He called it
    "great"…"); one after the words closes it, as in texts that mix the two styles
    (“…," he said)."""
    return c == '"' and opener in "“„" and _can_open(text, i, start)


def _sentence_ended(text: str, i: int, start: int) -> bool:
    """Does a sentence end just before position i ("… second half. |"Bolton …")?"""
    k = i - 1
    while k > start and text[k].isspace():
        k -= 1
    return k > start and text[k] in ".!?…"


def pair_paragraph(
    text: str,
    start: int,
    end: int,
    reopened: dict[int, list[int]] | None = None,
    skip: frozenset[int] = frozenset(),
) -> tuple[list[tuple[int, int]], int | None]:
    """Outermost (open, close) mark positions in one paragraph, and an unclosed opener.

    A double opener inside an open double quote, after a sentence end, reopens it:
    ``"A. "B."`` is one quotation in two pieces (a quote over paragraphs whose breaks
    were lost, as in many archives). Its position is added to ``reopened[opener]``.
    A single mark never closed is no opener ("in ‘Adi", a transliteration): the
    paragraph is paired again without it, so the quotes after it stand.
    """
    pairs, unclosed = _pair(text, start, end, reopened, skip)
    if unclosed is not None and text[unclosed] in _SINGLE_OPENERS:
        if reopened is not None:
            reopened.clear()
        return pair_paragraph(text, start, end, reopened, skip | {unclosed})
    return pairs, unclosed


_SINGLE_OPENERS = frozenset("‘‚‹›")


def _pair(
    text: str,
    start: int,
    end: int,
    reopened: dict[int, list[int]] | None,
    skip: frozenset[int],
) -> tuple[list[tuple[int, int]], int | None]:
    pairs = []
    stack: list[tuple[str, int]] = []
    for m in _MARKS.finditer(text, start, end):
        c, i = m.group(), m.start()
        if i in skip:
            continue
        if c == "''":
            c = '"'
        if c in "’‘" and _is_apostrophe(text, i):
            continue
        if (
            reopened is not None
            and len(stack) == 1
            and c in '“"'
            and stack[0][0] in '“"'
            and text[i - 1].isspace()
            and _can_open(text, i, start)
            and _sentence_ended(text, i, stack[0][1] + 1)
        ):
            # 'second half. "Bolton': a mark after a space and a sentence end opens
            reopened.setdefault(stack[0][1], []).append(i)
            continue
        if (
            stack
            and c in _CLOSERS[stack[-1][0]]
            and not (
                c == stack[-1][0]
                and c in '"‘'
                and _can_open(text, i, start)
                and len(stack) == 1
                and i == stack[-1][1] + 1
            )
            and not _mixed_opener(text, i, start, c, stack[-1][0])
        ):
            opener, pos = stack.pop()
            if not stack:
                pairs.append((pos, i))
            continue
        if c in _CLOSERS and (c not in "’") and (_can_open(text, i, start) or c in "„«»‹›"):
            if c in "‘‚" and stack and stack[-1][0] in "‘‚":
                continue
            if len(stack) >= 3:
                continue  # deeper than any real nesting: treat as stray
            # a double opener of the other style inside a double quote nests in it
            # ("… isn’t about “Equal Justice Under Law” anymore.")
            stack.append((c, i))
    unclosed = stack[0][1] if stack else None
    return pairs, unclosed


def run(doc: Doc) -> None:
    text = doc.text
    pending: Draft | None = None  # a quote still open at the end of its paragraph
    for p, (ps, pe) in enumerate(doc.paragraphs):
        reopened: dict[int, list[int]] = {}
        pairs, unclosed = pair_paragraph(text, ps, pe, reopened)
        first_mark = min(
            [a for a, _ in pairs] + ([unclosed] if unclosed is not None else []), default=None
        )
        if pending is not None:
            if (
                first_mark == ps
                and (text[ps] in _OPENERS_AT_START or _width(text, ps) == 2)
                and not _labelled(text, ps)
            ):
                # continuation: this paragraph reopens the quote left open above
                if pairs and pairs[0][0] == ps:
                    a, b = pairs.pop(0)
                    pending.spans.extend(_pieces(text, a, b, reopened))
                    pending.outer = (pending.outer[0], b + _width(text, b))
                    doc.log(
                        "marks",
                        "joined",
                        f"quote continues into paragraph {p}: {doc.snippet(a, b + 1)}",
                    )
                    doc.drafts.append(pending)
                    pending = None
                elif unclosed == ps:
                    pending.spans.extend(_pieces(text, ps, pe, reopened))
                    pending.outer = (pending.outer[0], pe)
                    unclosed = None
                    doc.log("marks", "joined", f"quote still open through paragraph {p}")
            if pending is not None:
                _close_at_paragraph_end(doc, pending)
                pending = None
        for a, b in pairs:
            spans = _pieces(text, a, b, reopened)
            if not spans:
                doc.log("marks", "dropped", f"empty quotation at {a}")
                continue
            if len(spans) > 1:
                doc.log("marks", "joined", f"quote reopened after a sentence: {doc.snippet(a, b)}")
            doc.drafts.append(Draft(spans, (a, b + _width(text, b)), p, rule="marks"))
        if unclosed is not None:
            spans = _pieces(text, unclosed, pe, reopened)
            if spans:
                pending = Draft(spans, (unclosed, pe), p, rule="marks-unclosed")
    if pending is not None:
        _close_at_paragraph_end(doc, pending)
    doc.drafts.sort(key=lambda d: d.spans[0][0])
    doc.masked = _mask(text, doc.drafts)


def _labelled(text: str, ps: int) -> bool:
    """Does the paragraph open with a mark and a speaker's label ("WALLACE: …)? Then it is
    a new turn of a transcript, not the quote above going on."""
    return LABEL.match(text, ps + _width(text, ps)) is not None


def _close_at_paragraph_end(doc: Doc, draft: Draft) -> None:
    """An opening mark never closed: the quote ends with its paragraph, if it is long enough."""
    s, e = draft.spans[-1]
    words = len(doc.text[s:e].split())
    if len(draft.spans) > 1 or words >= 4:
        doc.log("marks", "kept", f"unclosed quote ends with its paragraph: {doc.snippet(s, e)}")
        doc.drafts.append(draft)
    else:
        # too short to be sure it is a quote rather than a stray mark
        doc.log("marks", "dropped", f"unbalanced mark with {words} words after it")


def _pieces(
    text: str, opener: int, end: int, reopened: dict[int, list[int]]
) -> list[tuple[int, int]]:
    """The content spans of a quote from its opening mark to end, split where it reopens."""
    bounds = [opener, *reopened.get(opener, ()), end]
    spans = [_trim(text, a + _width(text, a), b) for a, b in zip(bounds, bounds[1:], strict=False)]
    return [s for s in spans if s[0] < s[1]]


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _mask(text: str, drafts: list[Draft]) -> str:
    """The text with every quotation's inside replaced by letters (same length, same case)."""
    pieces, at = [], 0
    for s, e in sorted(span for d in drafts for span in d.spans):
        s = max(s, at)  # spans may overlap: a character is masked once
        if s < e:
            pieces += (text[at:s], text[s:e].translate(_MASK))
            at = e
    pieces.append(text[at:])
    return "".join(pieces)


class _MaskTable(dict):
    """str.translate's table for masking: an upper-case character becomes X, any other
    one x, white space stays; each character's entry is made the first time it is seen."""

    def __missing__(self, code: int) -> str:
        c = chr(code)
        self[code] = c if c.isspace() else "X" if c.isupper() else "x"
        return self[code]


_MASK = _MaskTable()
