"""Step 'marks': pair quotation marks into quotations, paragraph by paragraph.

Every common style is paired: “…” "…" ‘…’ «…» „…“ »…« ‹…› ‚…‘. Apostrophes inside
words (Zelensky’s) are not marks. Only outermost pairs make quotations; nested
quotes stay inside them. A paragraph that ends inside a quote continues it when the
next paragraph opens with a mark (news style for quotes over several paragraphs);
otherwise the open quote ends with its paragraph, so an unbalanced mark can never
swallow the rest of the article.
"""

from __future__ import annotations

import re

from ..state import Doc, Draft

_MARKS = re.compile(r"[\"“”„«»‹›‘’‚]")
# what each opening mark may be closed by
_CLOSERS = {
    "“": "”“",
    "„": "“”",
    "«": "»",
    "»": "«",
    "‹": "›",
    "›": "‹",
    "‘": "’",
    "‚": "‘’",
    '"': '"',
}
_OPENERS_AT_START = set('"“„«»‹‘‚')


def _is_apostrophe(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before.isalnum() and (after.isalnum() or after in "sS")


def _can_open(text: str, i: int, start: int) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in '([{—–-/:;,"“„«»‘‚') and not after.isspace()


def pair_paragraph(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], int | None]:
    """Outermost (open, close) mark positions in one paragraph, and an unclosed opener."""
    pairs = []
    stack: list[tuple[str, int]] = []
    for m in _MARKS.finditer(text, start, end):
        c, i = m.group(), m.start()
        if c in "’‘" and _is_apostrophe(text, i):
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
            if stack and stack[-1][0] in '“"' and c in '“"' and len(stack) == 1:
                # a second double opener inside a double quote: the first was never closed
                stack.clear()
            stack.append((c, i))
    unclosed = stack[0][1] if stack else None
    return pairs, unclosed


def run(doc: Doc) -> None:
    text = doc.text
    pending: Draft | None = None  # a quote still open at the end of its paragraph
    for p, (ps, pe) in enumerate(doc.paragraphs):
        pairs, unclosed = pair_paragraph(text, ps, pe)
        first_mark = min(
            [a for a, _ in pairs] + ([unclosed] if unclosed is not None else []), default=None
        )
        if pending is not None:
            if first_mark == ps and text[ps] in _OPENERS_AT_START:
                # continuation: this paragraph reopens the quote left open above
                if pairs and pairs[0][0] == ps:
                    a, b = pairs.pop(0)
                    pending.spans.append(_trim(text, a + 1, b))
                    pending.outer = (pending.outer[0], b + 1)
                    doc.log(
                        "marks",
                        "joined",
                        f"quote continues into paragraph {p}: {doc.snippet(a, b + 1)}",
                    )
                    doc.drafts.append(pending)
                    pending = None
                elif unclosed == ps:
                    pending.spans.append(_trim(text, ps + 1, pe))
                    pending.outer = (pending.outer[0], pe)
                    unclosed = None
                    doc.log("marks", "joined", f"quote still open through paragraph {p}")
            if pending is not None:
                _close_at_paragraph_end(doc, pending)
                pending = None
        for a, b in pairs:
            span = _trim(text, a + 1, b)
            if span[0] >= span[1]:
                doc.log("marks", "dropped", f"empty quotation at {a}")
                continue
            doc.drafts.append(Draft([span], (a, b + 1), p, rule="marks"))
        if unclosed is not None:
            span = _trim(text, unclosed + 1, pe)
            if span[0] < span[1]:
                pending = Draft([span], (unclosed, pe), p, rule="marks-unclosed")
    if pending is not None:
        _close_at_paragraph_end(doc, pending)
    doc.drafts.sort(key=lambda d: d.spans[0][0])
    doc.masked = _mask(text, doc.drafts)


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


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _mask(text: str, drafts: list[Draft]) -> str:
    """The text with every quotation's inside replaced by letters (same length, same case)."""
    chars = list(text)
    for d in drafts:
        for s, e in d.spans:
            for k in range(s, e):
                if not chars[k].isspace():
                    chars[k] = "X" if chars[k].isupper() else "x"
    return "".join(chars)
