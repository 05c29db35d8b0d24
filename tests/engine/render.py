"""A readable one-line-per-quote rendering of the engine's output, for fixture files."""

from __future__ import annotations

from attribution import extract_quotes


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
