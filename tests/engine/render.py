"""A readable one-line-per-quote rendering of the engine's output, for fixture files."""

from __future__ import annotations

from archive_quotes import extract_quotes


def render(text: str, lang: str = "en") -> str:
    lines = []
    for q in extract_quotes(text, lang).quotes:
        who = q.speaker.name if q.speaker else (f"‹{q.description}›" if q.description else "—")
        mention = f'"{q.mention.text}"' if q.mention else "—"
        cue = f'"{q.cue.text}"' if q.cue else "—"
        then = f", continues #{q.continues}" if q.continues is not None else ""
        clause = f" in «{q.clause.text}»" if q.clause else ""
        lines.append(f"{q.type} «{q.text}»{clause} — {who} (mention {mention}, cue {cue}{then})")
    return "\n".join(lines) if lines else "(no quotes)"


def render_speakers(text: str, lang: str = "en") -> str:
    """Who each quote is given to, as a reader sees it: name, kind and role, or the
    description of an unnamed source (in ‹ ›), or no one (—)."""
    lines = []
    for q in extract_quotes(text, lang).quotes:
        if q.speaker:
            role = f"; {q.speaker.role}" if q.speaker.role else ""
            who = f"{q.speaker.name} ({q.speaker.kind}{role})"
        else:
            who = f"‹{q.description}›" if q.description else "—"
        lines.append(f"{q.type} «{q.text}» — {who}")
    return "\n".join(lines) if lines else "(no quotes)"
