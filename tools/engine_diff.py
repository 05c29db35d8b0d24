"""Snapshot the engine's output and compare it with an earlier snapshot.

    python tools/engine_diff.py snapshot /tmp/speed/base.jsonl
    python tools/engine_diff.py compare /tmp/speed/base.jsonl [--show 5]

Runs archive_quotes.extract_quotes (every field of every Quote and Speaker) and
cli.prediction (the scorer's records) over the fixture inputs under tests/engine/fixtures
and over the shared sets when present: eval/{polnear,german_wikinews}-{train,dev}.jsonl
and corpus/bbc_news.jsonl (German files in "de"). A snapshot is one JSON line per
article; keep it outside the repository. `compare` prints the first differences by
article id and exits 1 when any article differs, so a change meant to keep the output
(a speed-up, a refactoring) can be checked in one command.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from archive_quotes import extract_quotes  # noqa: E402
from archive_quotes.cli import DEFAULT_SHARED, prediction  # noqa: E402

FIXTURES = ROOT / "tests" / "engine" / "fixtures"
#: (set name, path under the shared folder, language, PolNeAR's double-marks typing)
SHARED_SETS = [
    ("polnear-dev", "eval/polnear-dev.jsonl", "en", True),
    ("polnear-train", "eval/polnear-train.jsonl", "en", True),
    ("german-dev", "eval/german_wikinews-dev.jsonl", "de", False),
    ("german-train", "eval/german_wikinews-train.jsonl", "de", False),
    ("bbc", "corpus/bbc_news.jsonl", "en", False),
]


def articles(shared: Path, only: set[str] | None) -> Iterator[tuple[str, str, str, str, bool]]:
    """(set, id, text, lang, double_marks_only) of every input, fixtures first."""
    from markdown_it.utils import read_fixture_file  # noqa: PLC0415

    if not only or "fixtures" in only:
        for path in sorted(FIXTURES.rglob("*.md")):
            lang = "de" if path.name.endswith(".de.md") else "en"
            for line, _title, text, _expected in read_fixture_file(path):
                rel = path.relative_to(FIXTURES)
                yield "fixtures", f"{rel}:{line}", text.rstrip("\n"), lang, False
    for name, rel, lang, double in SHARED_SETS:
        path = shared / rel
        if (only and name not in only) or not path.is_file():
            continue
        with path.open(encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    item = json.loads(line)
                    yield name, item["id"], item["text"], lang, double


def output(text: str, lang: str, double: bool) -> dict:
    """Everything the engine says about one text, as plain JSON data."""
    return {
        "extraction": extract_quotes(text, lang).to_dict(),
        "prediction": prediction(text, lang, double),
    }


def snapshot(dst: Path, shared: Path, only: set[str] | None) -> int:
    dst.parent.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    started = time.perf_counter()
    with dst.open("w", encoding="utf-8") as out:
        for name, aid, text, lang, double in articles(shared, only):
            record = {"set": name, "id": aid, "out": output(text, lang, double)}
            out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
            counts[name] = counts.get(name, 0) + 1
    took = time.perf_counter() - started
    print(f"wrote {dst}: {_summary(counts)} in {took:.0f} s")
    return 0


def _first_difference(old, new, path: str = "") -> str | None:
    """Where two JSON values first differ, as a path and both values."""
    if type(old) is not type(new):
        return f"{path or '/'}: {old!r} != {new!r}"
    if isinstance(old, dict):
        for key in sorted(set(old) | set(new)):
            if key not in old or key not in new:
                a, b = old.get(key, "<missing>"), new.get(key, "<missing>")
                return f"{path}/{key}: {a!r} != {b!r}"
            found = _first_difference(old[key], new[key], f"{path}/{key}")
            if found:
                return found
        return None
    if isinstance(old, list):
        for n, (a, b) in enumerate(zip(old, new, strict=False)):
            found = _first_difference(a, b, f"{path}/{n}")
            if found:
                return found
        if len(old) != len(new):
            return f"{path}: {len(old)} items != {len(new)} items"
        return None
    return None if old == new else f"{path or '/'}: {old!r} != {new!r}"


def compare(src: Path, shared: Path, only: set[str] | None, show: int) -> int:
    old = {}
    with src.open(encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            if not only or record["set"] in only:
                old[(record["set"], record["id"])] = record["out"]
    counts: dict[str, int] = {}
    differing: dict[str, int] = {}
    started = time.perf_counter()
    for name, aid, text, lang, double in articles(shared, only):
        counts[name] = counts.get(name, 0) + 1
        key = (name, aid)
        new = json.loads(json.dumps(output(text, lang, double)))
        where = _first_difference(old.pop(key), new) if key in old else "not in the snapshot"
        if where is None:
            continue
        differing[name] = differing.get(name, 0) + 1
        if sum(differing.values()) <= show:
            print(f"DIFF {name} {aid}\n  {where}")
    for name, aid in old:
        differing[name] = differing.get(name, 0) + 1
        print(f"MISSING {name} {aid}: in the snapshot, not among the inputs")
    took = time.perf_counter() - started
    total = sum(counts.values())
    if not differing:
        print(f"identical: {_summary(counts)} ({total} articles, {took:.0f} s)")
        return 0
    print(f"DIFFERENT: {_summary(differing)} of {_summary(counts)} ({took:.0f} s)")
    return 1


def _summary(counts: dict[str, int]) -> str:
    return ", ".join(f"{name} {n}" for name, n in counts.items()) or "nothing"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("command", choices=["snapshot", "compare"])
    ap.add_argument("file", type=Path, help="the snapshot (JSON lines), outside the repository")
    shared = os.environ.get("SHARED_DIR") or str(DEFAULT_SHARED)
    ap.add_argument("--shared", type=Path, default=Path(shared))
    ap.add_argument(
        "--sets",
        help="comma-separated: fixtures," + ",".join(name for name, *_ in SHARED_SETS),
    )
    ap.add_argument("--show", type=int, default=10, help="differences to print")
    args = ap.parse_args(argv)
    only = set(args.sets.split(",")) if args.sets else None
    if args.command == "snapshot":
        return snapshot(args.file, args.shared, only)
    return compare(args.file, args.shared, only, args.show)


if __name__ == "__main__":
    sys.exit(main())
