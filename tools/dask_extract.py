"""The extraction engine over a JSONL of articles with Dask's local scheduler.

    python tools/dask_extract.py in.jsonl out.jsonl [--partitions 8] [--scheduler processes]

The same input and output as `make extract` ({"id", "text", "lang"?} lines in, the
prediction lines of ../shared/eval/README.md out, in input order), but the articles are
split into partitions that Dask runs in parallel. The engine is a pure function of an
article's text and language, so the same code runs unchanged on a Dask or Spark
cluster over shards of an archive of millions of articles (README, "Beyond one
machine"). Needs the optional dependency: pip install -e '.[scale]'.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from archive_quotes.cli import prediction  # noqa: E402
from archive_quotes.lexicon import UnsupportedLanguage  # noqa: E402


def predict_line(line: str, default_lang: str = "en") -> str | None:
    """One input line to one output line (None for a blank line); never raises."""
    if not line.strip():
        return None
    try:
        item = json.loads(line)
        lang = item.get("lang") or item.get("language") or default_lang
        quotes = prediction(item["text"], lang)
        return json.dumps({"id": item["id"], "quotes": quotes}, ensure_ascii=False)
    except (ValueError, KeyError, TypeError, AttributeError, UnsupportedLanguage):
        # a bad line keeps its place when it has an id (no quotes), as `make extract` does
        try:
            return json.dumps({"id": json.loads(line)["id"], "quotes": []})
        except (ValueError, KeyError, TypeError):
            return None


def run(src: Path, dst: Path, partitions: int, scheduler: str) -> int:
    import dask
    import dask.bag as db

    lines = src.read_text(encoding="utf-8").splitlines()
    bag = db.from_sequence(lines, npartitions=max(1, min(partitions, len(lines) or 1)))
    with dask.config.set(scheduler=scheduler):
        out = bag.map(predict_line).compute()  # partitions come back in input order
    written = 0
    with dst.open("w", encoding="utf-8") as f:
        for line in out:
            if line is not None:
                f.write(line + "\n")
                written += 1
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("src", type=Path)
    ap.add_argument("dst", type=Path)
    ap.add_argument("--partitions", type=int, default=8)
    ap.add_argument("--scheduler", choices=["processes", "threads", "sync"], default="processes")
    args = ap.parse_args(argv)
    n = run(args.src, args.dst, args.partitions, args.scheduler)
    print(f"{n} articles written to {args.dst}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
