"""The small mutable state the pipeline's steps share while reading one article."""

from __future__ import annotations

from dataclasses import dataclass, field

from .lexicon import Lexicon
from .model import Trace


@dataclass(slots=True)
class Draft:
    """A quotation being built: content spans, and what the rules found about it."""

    spans: list[tuple[int, int]]  # content, without the quotation marks
    outer: tuple[int, int]  # from the first opening mark to the last closing one
    paragraph: int
    rule: str
    type: str = "direct"
    cue: tuple[int, int] | None = None
    mention: tuple[int, int] | None = None
    speaker: str | None = None
    kind: str | None = None
    role: str | None = None
    outlet: str | None = None
    speaker_rule: str | None = None
    heading: bool = False
    pronoun: str | None = None
    continues: Draft | None = None  # the quote whose speaker this one goes on quoting
    reported: bool = False  # in a clause of reported speech (German Konjunktiv), no cue
    description: str | None = None  # an unnamed source ("a BBC spokesman"), step 'canonical'
    clause: tuple[int, int] | None = None  # a mixed fragment's reported clause (step 'mixed')
    report: str | None = None  # reported speech: "to" or "object" after its verb, else a clause


@dataclass(slots=True)
class Doc:
    """One article while the steps run over it."""

    text: str
    lex: Lexicon
    trace: Trace | None
    masked: str = ""
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    sentence_paragraph: list[int] = field(default_factory=list)
    headline: tuple[int, int] | None = None
    drafts: list[Draft] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # surname -> full name
    name_spans: list[tuple[int, int, str]] = field(default_factory=list)
    name_ends: list[int] = field(default_factory=list)  # name_spans' ends, for bisect

    def log(self, rule: str, decision: str, why: str) -> None:
        if self.trace is not None:
            self.trace.log(rule, decision, why)

    def snippet(self, start: int, end: int, width: int = 50) -> str:
        if self.trace is None:
            return ""  # only log messages show snippets: none are kept without a trace
        text = self.text[start:end].replace("\n", " ")
        return repr(text if len(text) <= width else text[: width - 1] + "…")
