"""The engine's records: frozen, slotted dataclasses with character offsets into the text."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

QUOTE_TYPES = ("direct", "mixed", "indirect")


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the text: ``text[start:end] == span.text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who is quoted, resolved across the article."""

    name: str
    kind: str  # "person" or "organization" (an unnamed source is a Quote.description)
    role: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Quote:
    """One quotation: its content span(s), type, cue and speaker, with provenance."""

    id: int
    spans: tuple[Span, ...]
    type: str
    cue: Span | None
    mention: Span | None
    speaker: Speaker | None
    outlet: str | None
    rule: str
    speaker_rule: str | None
    continues: int | None = None  # id of the quote this one continues ("“…,” he said. “…”")
    description: str | None = None  # an unnamed source ("a BBC spokesman"): no speaker entity
    clause: Span | None = None  # a mixed quote's reported clause, from its cue to its end
    # reported speech whose content is an infinitive ("plans | to send a nominee") or an
    # object ("endorsed | Mr Cruz") rather than a clause ("said | that …")
    report: str | None = None

    @property
    def start(self) -> int:
        return self.spans[0].start

    @property
    def end(self) -> int:
        return self.spans[-1].end

    @property
    def text(self) -> str:
        return " … ".join(span.text for span in self.spans)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything found in one article."""

    quotes: tuple[Quote, ...]
    speakers: tuple[Speaker, ...]

    def to_dict(self) -> dict:
        return {
            "quotes": [q.to_dict() for q in self.quotes],
            "speakers": [asdict(s) for s in self.speakers],
        }


@dataclass(slots=True)
class Trace:
    """The debug switch: every rule's decisions about every candidate, in order."""

    events: list[tuple[str, str, str]] = field(default_factory=list)

    def log(self, rule: str, decision: str, why: str) -> None:
        self.events.append((rule, decision, why))

    def format(self) -> str:
        return "\n".join(f"{rule:>14}  {decision:<8} {why}" for rule, decision, why in self.events)
