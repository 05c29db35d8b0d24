"""Time the engine of two git revisions against each other, alternated in one run.

    python tools/engine_ab.py BASE [NEW] [--rounds 6] [--passes 3] [--data FILE.jsonl]

On a shared machine one timing says little: this extracts each revision's engine
(plugins/archive_quotes) into a temporary folder, then runs them by turns, in fresh
processes, in alternating order (A B, B A, …), each pass over the whole data set
(PolNeAR dev by default), and prints the medians of articles per second (wall clock)
and of CPU seconds per pass (time.process_time), with their ratio. NEW defaults to the
working tree.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from archive_quotes.cli import DEFAULT_SHARED  # noqa: E402

# one process: warm up, then `passes` timed passes over the texts of a JSONL
_RUNNER = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
from archive_quotes import extract_quotes
texts = [json.loads(line)["text"] for line in open(sys.argv[2], encoding="utf-8")]
for t in texts[:20]:
    extract_quotes(t, "en")
out = []
for _ in range(int(sys.argv[3])):
    wall, cpu = time.perf_counter(), time.process_time()
    for t in texts:
        extract_quotes(t, "en")
    out.append((len(texts) / (time.perf_counter() - wall), time.process_time() - cpu))
print(json.dumps(out))
"""


def _checkout(rev: str, into: Path) -> Path:
    """The plugins folder of a revision ("" for the working tree)."""
    if not rev:
        return ROOT / "plugins"
    for package in ("archive_quotes", "attribution"):  # its name before 0.8
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", rev, f"plugins/{package}"], capture_output=True
        )
        if archive.returncode == 0:
            break
    archive.check_returncode()
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    if package != "archive_quotes":
        (into / "plugins" / package).rename(into / "plugins" / "archive_quotes")
    return into / "plugins"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("base", help="a git revision (commit, branch, tag)")
    ap.add_argument("new", nargs="?", default="", help="a git revision; the working tree if none")
    ap.add_argument("--rounds", type=int, default=6, help="turns of each revision")
    ap.add_argument("--passes", type=int, default=3, help="timed passes per turn")
    ap.add_argument("--data", type=Path, default=DEFAULT_SHARED / "eval" / "polnear-dev.jsonl")
    args = ap.parse_args(argv)
    labels = [args.base, args.new or "working tree"]
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for n, rev in enumerate((args.base, args.new)):
            (Path(tmp) / str(n)).mkdir()
            paths.append(_checkout(rev, Path(tmp) / str(n)))
        runs: list[list] = [[], []]
        for k in range(args.rounds):
            for n in (0, 1) if k % 2 == 0 else (1, 0):
                cmd = [sys.executable, "-c", _RUNNER, str(paths[n]), str(args.data)]
                out = subprocess.run([*cmd, str(args.passes)], check=True, capture_output=True)
                runs[n] += json.loads(out.stdout)
    cpu = []
    for label, results in zip(labels, runs, strict=True):
        rate = statistics.median(r[0] for r in results)
        cpu.append(statistics.median(r[1] for r in results))
        print(
            f"{label:>14}: {rate:7.0f} articles/s (median wall, {len(results)} passes), "
            f"{cpu[-1]:.3f} CPU-s per pass"
        )
    print(f"CPU time: new/base = {cpu[1] / cpu[0]:.2f} (speed-up {cpu[0] / cpu[1]:.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
