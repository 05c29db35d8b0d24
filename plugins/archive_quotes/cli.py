"""The engine's command line: extract a JSONL, score it, debug one article, time it.

python -m archive_quotes extract IN.jsonl OUT.jsonl
python -m archive_quotes eval [--shared ../shared]
python -m archive_quotes debug FILE [--lang de]
python -m archive_quotes bench [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import ENGINE_VERSION, Trace, extract_quotes
from .lexicon import UnsupportedLanguage

DEFAULT_SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def prediction(text: str, lang: str, double_marks_only: bool = False) -> list[dict]:
    """The scorer's prediction records for one article.

    double_marks_only follows a gold set whose types are derived from double quotation
    marks (PolNeAR): there a quote in two apostrophes (''…'', NYT style) is typed
    indirect, so the prediction types it the same way to compare like with like.

    A quote split around its cue ("…,” he said, “…") is one record from its first
    span to its last; so is a run of quotes in which each continues the one before
    ("“…,” he said. “…”"), the way the gold data count one attribution; quotations and
    reported speech are never one record.
    """
    quotes = extract_quotes(text, lang).quotes
    runs: dict[int, list] = {}
    for q in quotes:
        runs.setdefault(q.continues if q.continues is not None else q.id, []).append(q)
    out = []
    for run in runs.values():
        # a run that goes on in the next paragraph is a new attribution there, and so
        # is a quotation that goes on from reported speech ("…, he said, adding that …. “…”")
        parts = [[run[0]]]
        for q in run[1:]:
            last = parts[-1][-1]
            if "\n\n" in text[last.end : q.start] or (q.type == "indirect") != (
                last.type == "indirect"
            ):
                parts.append([q])
            else:
                parts[-1].append(q)
        for part in parts:
            q = part[0]
            kind = q.type
            if double_marks_only and kind != "indirect" and text[: q.start].rstrip().endswith("''"):
                kind = "indirect"
            out.append(
                {
                    # PolNeAR counts a mixed quote's whole reported clause
                    "start": q.clause.start if q.clause else q.start,
                    "end": part[-1].end,
                    "type": kind,
                    # an unnamed source is judged by its description ("officials")
                    "speaker": q.speaker.name if q.speaker else q.description,
                    "speaker_start": q.mention.start if q.mention else None,
                    "speaker_end": q.mention.end if q.mention else None,
                    "cue": q.cue.text if q.cue else None,
                }
            )
    return out


def _progress(done: int, total: int | None, started: float) -> None:
    rate = done / max(time.perf_counter() - started, 1e-9)
    of = f"/{total}" if total else ""
    sys.stderr.write(f"\r{done}{of} articles, {rate:,.0f}/s")
    sys.stderr.flush()


def extract_file(
    src: Path, dst: Path, default_lang: str = "en", double_marks_only: bool = False
) -> int:
    """Write one prediction line per input line; a bad line is reported and left empty."""
    lines = src.read_text(encoding="utf-8").splitlines()
    show = sys.stderr.isatty() and len(lines) >= 200
    started = time.perf_counter()
    errors = 0
    with dst.open("w", encoding="utf-8") as out:
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            item = None
            try:
                item = json.loads(line)
                quotes = prediction(
                    item["text"],
                    item.get("lang") or item.get("language") or default_lang,
                    double_marks_only,
                )
                out.write(
                    json.dumps({"id": item["id"], "quotes": quotes}, ensure_ascii=False) + "\n"
                )
            except (ValueError, KeyError, TypeError, UnsupportedLanguage) as err:
                errors += 1
                print(f"{src}:{n}: {err}", file=sys.stderr)
                # a line with an id keeps its place (no quotes); one without cannot
                if isinstance(item, dict) and "id" in item:
                    out.write(json.dumps({"id": item["id"], "quotes": []}) + "\n")
            if show and n % 50 == 0:
                _progress(n, len(lines), started)
    if show:
        _progress(len(lines), len(lines), started)
        sys.stderr.write("\n")
    return 1 if errors else 0


#: (label, gold file, language, types derived from double marks only: see prediction())
EVAL_SETS = [
    ("seed", "seed/gold.jsonl", "en", False),
    ("PolNeAR dev", "eval/polnear-dev.jsonl", "en", True),
    ("German dev", "eval/german_wikinews-dev.jsonl", "de", False),
]


def evaluate(shared: Path) -> int:
    score = shared / "eval" / "score.py"
    if not score.is_file():
        print(
            f"no gold data: {shared} has no eval/score.py (put ../shared beside the checkout "
            "or set SHARED_DIR); nothing to evaluate"
        )
        return 0
    print(f"engine {ENGINE_VERSION}")
    with tempfile.TemporaryDirectory() as tmp:
        for label, rel, lang, double_marks_only in EVAL_SETS:
            gold = shared / rel
            if not gold.is_file():
                print(f"\n{label}: {gold} is missing, skipped")
                continue
            pred = Path(tmp) / f"{gold.stem}.pred.jsonl"
            src = Path(tmp) / f"{gold.stem}.in.jsonl"
            with gold.open(encoding="utf-8") as f, src.open("w", encoding="utf-8") as o:
                for line in f:
                    d = json.loads(line)
                    o.write(json.dumps({"id": d["id"], "text": d["text"], "lang": lang}) + "\n")
            extract_file(src, pred, lang, double_marks_only)
            print(f"\n== {label} ({gold.name})")
            subprocess.run([sys.executable, str(score), str(gold), str(pred)], check=True)
            if label == "seed":
                _seed_checks(gold, pred)
    return 0


def _seed_checks(gold_path: Path, pred_path: Path) -> None:
    sys.path.insert(0, str(gold_path.parent.parent / "eval"))
    import score  # the shared scorer's own matching rules

    gold = json.loads(gold_path.read_text(encoding="utf-8").splitlines()[0])
    preds = json.loads(pred_path.read_text(encoding="utf-8").splitlines()[0])["quotes"]
    text = gold["text"]
    found = attributed = 0
    ind_found = 0
    n_quoted = n_ind = 0
    for g in gold["quotes"]:
        group = {"direct", "mixed"} if g["type"] != "indirect" else {"indirect"}
        gset = score.char_set(text, score.segments(g))
        cands = [p for p in preds if p["type"] in group]
        psets = [score.char_set(text, [(p["start"], p["end"])]) for p in cands]
        union = set().union(*psets) if psets else set()
        hit = gset and len(gset & union) > 0.3 * len(gset)
        if g["type"] == "indirect":
            n_ind += 1
            ind_found += bool(hit)
            continue
        n_quoted += 1
        if hit:
            found += 1
            best = max(range(len(cands)), key=lambda i: len(psets[i] & gset))
            attributed += score.speaker_right(g, cands[best], text)
    spoke = {p["speaker"] for p in preds if p["speaker"]}
    silent = [
        n
        for n in ("Vladimir Putin", "Putin", "Serghey Sobyanin", "Sobyanin", "Zelensky")
        if n in spoke
    ]
    print(
        f"seed checks: direct+mixed found {found}/{n_quoted}, with an accepted speaker "
        f"{attributed}/{n_quoted}; indirect found {ind_found}/{n_ind}; "
        f"people who say nothing listed as speakers: {silent or 'none'}"
    )


def bench(shared: Path, repeat: int = 5) -> int:
    gold = shared / "eval" / "polnear-dev.jsonl"
    if not gold.is_file():
        print(f"no {gold}: nothing to time")
        return 0
    texts = [json.loads(line)["text"] for line in gold.open(encoding="utf-8")]
    rates = []
    for _ in range(repeat):
        started = time.perf_counter()
        for text in texts:
            extract_quotes(text, "en")
        rates.append(len(texts) / (time.perf_counter() - started))
    chars = sum(map(len, texts))
    print(
        f"extraction on PolNeAR dev ({len(texts)} articles, {chars / len(texts):,.0f} chars "
        f"each), one core, {repeat} runs: median {statistics.median(rates):,.0f} articles/s "
        f"(min {min(rates):,.0f}, max {max(rates):,.0f})"
    )
    return 0


def debug(path: Path, lang: str) -> int:
    trace = Trace()
    text = path.read_text(encoding="utf-8")
    result = extract_quotes(text, lang, trace=trace)
    print(trace.format())
    print()
    for q in result.quotes:
        who = q.speaker.name if q.speaker else (f"‹{q.description}›" if q.description else "—")
        role = f", {q.speaker.role}" if q.speaker and q.speaker.role else ""
        print(
            f"#{q.id} {q.type:<8} {q.text[:70]!r} — {who}{role} "
            f"(mention {q.mention.text if q.mention else None!r}, cue "
            f"{q.cue.text if q.cue else None!r}; {q.rule}/{q.speaker_rule})"
        )
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m archive_quotes", description=__doc__.split("\n")[0]
    )
    sub = ap.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="predictions for a JSONL of {id, text, lang?}")
    ex.add_argument("src", type=Path)
    ex.add_argument("dst", type=Path)
    ex.add_argument("--lang", default="en", help="language of lines without one")
    shared = os.environ.get("SHARED_DIR") or str(DEFAULT_SHARED)
    ev = sub.add_parser("eval", help="score on the seed and the dev sets of ../shared")
    ev.add_argument("--shared", type=Path, default=Path(shared))
    db = sub.add_parser("debug", help="every rule's decisions for one article")
    db.add_argument("file", type=Path)
    db.add_argument("--lang", default="en")
    be = sub.add_parser("bench", help="articles per second on PolNeAR dev")
    be.add_argument("--shared", type=Path, default=Path(shared))
    args = ap.parse_args(argv)
    if args.command == "extract":
        return extract_file(args.src, args.dst, args.lang)
    if args.command == "eval":
        return evaluate(args.shared)
    if args.command == "debug":
        return debug(args.file, args.lang)
    return bench(args.shared)
