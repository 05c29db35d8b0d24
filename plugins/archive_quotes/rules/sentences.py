"""Step 'sentences': sentence spans of every paragraph, read on the masked text."""

from __future__ import annotations

from ..state import Doc
from . import segment


def run(doc: Doc) -> None:
    for p, (ps, pe) in enumerate(doc.paragraphs):
        for s, e in segment.sentences(
            doc.masked, ps, pe, doc.lex.abbreviations, doc.lex.ordinal_nouns
        ):
            doc.sentences.append((s, e))
            doc.sentence_paragraph.append(p)
