"""Benchmark the build: plain Pelican against the annotated archive, on one corpus.

    python tools/bench.py --articles 2000 [--repeat 3] [--source corpus.jsonl|folder]

Times, in one run, alternating the variants and taking medians:
  (a) plain Pelican with the markdown-it reader and Pelican's "simple" theme,
  (b) the full annotated build (extraction, annotated pages, speaker pages, search),
  (c) the annotated build again after one article changed,
  (e) plain Pelican again after the same change, with its own reader cache on (the
      floor a rebuild through Pelican's pipeline stands on: it reads every article),
  (d) extraction alone, in articles per second (one core),
with the CPU-seconds of each build's whole process tree (user + sys, from wait4, as
/usr/bin/time counts them) beside its wall time, and its peak memory (Pelican, its
extraction workers and Pagefind: their proportional set sizes, summed while they
run). Articles get Pelican's `Key: value` headers. Full builds (a, b)
start with no output and no caches; (c) is the rebuild of (b)'s output with (b)'s
caches. Prints a table and writes it to bench/results.md.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIRST = [
    "Anna",
    "Tom",
    "Maria",
    "Paul",
    "Elena",
    "Omar",
    "Li",
    "Sara",
    "Ivan",
    "Grace",
    "Jonas",
    "Amara",
    "Diego",
    "Hana",
    "Karl",
    "Nadia",
    "Pedro",
    "Ruth",
    "Yusuf",
    "Zoe",
]
LAST = [
    "Berg",
    "Reyes",
    "Lopez",
    "Stein",
    "Novak",
    "Haddad",
    "Wei",
    "Okafor",
    "Petrov",
    "Lind",
    "Moreau",
    "Sato",
    "Kowalski",
    "Nguyen",
    "Fischer",
    "Silva",
    "Adeyemi",
    "Costa",
]
ROLES = [
    "the mayor",
    "a council member",
    "the finance minister",
    "a union leader",
    "the party spokesman",
    "an economist",
    "the police chief",
    "a senator",
]
CUES = ["said", "added", "told reporters", "warned", "argued", "explained", "insisted"]
WORDS = (
    "the city budget plan vote council harbour port school road tax rate water energy "
    "price wage market report week year people government public service housing "
    "transport health hospital court law rule agency office deal talks protest"
).split()
CATEGORIES = ["Politics", "Economy", "World", "Science", "Culture", "Sport"]


def sentence(rng: random.Random, lo: int = 8, hi: int = 22) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(lo, hi))]
    return " ".join(words).capitalize() + "."


def quote(rng: random.Random, speakers: list[tuple[str, str]]) -> str:
    name, role = rng.choice(speakers)
    said = rng.choice(CUES)
    text = sentence(rng, 6, 16)[:-1]
    pattern = rng.randrange(5)
    if pattern == 0:
        return f"“{text},” {said} {role} {name}."
    if pattern == 1:
        return f"“{text},” {name} {said}. “{sentence(rng, 5, 10)}”"
    if pattern == 2:
        return f"{name}, {role}, {said}: “{text}.”"
    if pattern == 3:
        return f"{name} {said} that {text.lower()}."
    return f"“{text},” {said} {name}. “{sentence(rng, 4, 9)[:-1]},” he added."


def generate(n: int, seed: int = 20261125) -> list[dict]:
    """n articles of 300-1,000 words with 4-15 quotations each, from ~360 speakers."""
    rng = random.Random(seed)
    speakers = [(f"{f} {last}", rng.choice(ROLES)) for f in FIRST for last in LAST]
    articles = []
    for i in range(n):
        paragraphs = [
            " ".join(sentence(rng) for _ in range(rng.randint(2, 4)))
            for _ in range(rng.randint(6, 14))
        ]
        for _ in range(rng.randint(4, 15)):
            at = rng.randrange(len(paragraphs))
            paragraphs[at] += " " + quote(rng, speakers)
        articles.append(
            {
                "id": f"a{i}",
                "title": sentence(rng, 5, 10)[:-1],
                "date": f"20{10 + i % 15:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                "category": rng.choice(CATEGORIES),
                "tags": sorted(rng.sample(WORDS, 2)),
                "text": "\n\n".join(paragraphs),
            }
        )
    return articles


def load(source: Path, n: int) -> list[dict]:
    """n articles from a JSONL corpus or a folder of .md; a corpus shorter than n is
    used again with new ids (the same texts, as many pages as asked for)."""
    if source.is_dir():
        return [
            {"id": p.stem, "markdown": p.read_text(encoding="utf-8")}
            for p in sorted(source.rglob("*.md"))[:n]
        ]
    with source.open(encoding="utf-8") as f:
        corpus = [json.loads(line) for line in f if line.strip()]
    rows = []
    for i in range(min(n, len(corpus) * 100)):
        row = dict(corpus[i % len(corpus)])
        if i >= len(corpus):
            row["id"] = f"{row['id']}-{i // len(corpus) + 1}"
        row.setdefault("date", f"2005-{1 + i % 12:02d}-{1 + i % 28:02d}")
        row.setdefault("category", "News")
        row.setdefault("title", f"Article {i}")
        rows.append(row)
    return rows


def write_content(articles: list[dict], folder: Path) -> None:
    """One .md file per article, with Pelican's `Key: value` headers, as a Pelican
    user's archive has them."""
    (folder / "articles").mkdir(parents=True)
    for a in articles:
        name = re.sub(r"[^A-Za-z0-9_-]+", "-", a["id"]).strip("-")
        if "markdown" in a:
            text = a["markdown"]
        else:
            head = {
                "Title": " ".join(a["title"].split()) or a["id"],
                "Date": a["date"],
                "Category": a.get("category") or "News",
                "Tags": ", ".join(a.get("tags") or []),
                "Slug": name,
            }
            text = "".join(f"{k}: {v}\n" for k, v in head.items() if v) + "\n" + a["text"] + "\n"
        (folder / "articles" / f"{name}.md").write_text(text, encoding="utf-8")


def build(content: Path, out: Path, cache: Path, plain: bool, reader_cache: bool = False) -> Run:
    """One build in a fresh process: its wall time, the CPU-seconds and the peak memory
    (MB) of its whole process tree (Pelican, its extraction workers and Pagefind).
    reader_cache: a plain build with Pelican's own content cache on (as a Pelican user
    would turn it on for rebuilds)."""
    overrides = [f"CACHE_PATH={json.dumps(str(cache))}"]
    if plain:
        overrides += [
            'THEME="simple"',
            'PLUGINS=["mdit_reader"]',
            'DIRECT_TEMPLATES=["index","tags","categories","authors","archives"]',
        ]
    if reader_cache:
        overrides += ["CACHE_CONTENT=true", "LOAD_CONTENT_CACHE=true"]
    code = (
        "import sys, time\n"
        "from pelican import main\n"
        "t = time.perf_counter()\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit as e:\n    assert not e.code, e\n"
        "print('BENCH', time.perf_counter() - t)\n"
    )
    cmd = [
        sys.executable,
        "-c",
        code,
        str(content),
        "-o",
        str(out),
        "-s",
        str(ROOT / "pelicanconf.py"),
        "-q",
        "-e",
        *overrides,
    ]
    with tempfile.TemporaryFile("w+") as log:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, text=True)
        peak = 0
        while True:
            # wait4 (not poll): the rusage of the whole tree, every descendant it waited for
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            peak = max(peak, tree_rss(proc.pid))
            time.sleep(0.05)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        output = log.read()
    line = [x for x in output.splitlines() if x.startswith("BENCH")]
    if proc.returncode or not line:
        raise RuntimeError(f"build failed:\n{output[-4000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, peak // 1024)


@dataclasses.dataclass
class Run:
    """One build: wall seconds (process start to end), CPU-seconds of the whole process
    tree (user + sys, as /usr/bin/time counts them), peak memory in MB."""

    wall: float
    cpu: float
    mb: int


def tree_rss(root: int) -> int:
    """Memory (kB) of a process and all its descendants, from /proc: the sum of their
    proportional set sizes, so that pages shared between processes count once
    (resident sizes where the kernel gives no PSS)."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as f:
                stat = f.read()
            parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += _memory(pid)
        todo.extend(child for child, parent in parents.items() if parent == pid)
    return total


def _memory(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as f:
            return int(f.read().split()[1]) * PAGE_KB
    except (OSError, ValueError, IndexError):
        return 0


PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


def extraction_rate(articles: list[dict]) -> float:
    sys.path.insert(0, str(ROOT / "plugins"))
    from archive_quotes import extract_quotes

    texts = [a.get("text") or a.get("markdown", "") for a in articles]
    started = time.perf_counter()
    for text in texts:
        extract_quotes(text)
    return len(texts) / (time.perf_counter() - started)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--source", type=Path, help="a JSONL of {id, title, text} or a folder of .md")
    ap.add_argument("--results", type=Path, default=ROOT / "bench" / "results.md")
    args = ap.parse_args(argv)
    articles = load(args.source, args.articles) if args.source else generate(args.articles)
    tmp = Path(tempfile.mkdtemp(prefix="archive-bench-"))
    runs: dict[str, list[Run]] = {"a": [], "b": [], "c": [], "e": []}
    try:
        content = tmp / "content"
        write_content(articles, content)
        changed = next((content / "articles").glob("*.md"))
        for r in range(args.repeat):
            for key in ("a", "b") if r % 2 == 0 else ("b", "a"):  # alternate the order
                # a full build starts from nothing: no output, no caches
                out, cache = tmp / f"out-{key}", tmp / f"cache-{key}"
                shutil.rmtree(out, ignore_errors=True)
                shutil.rmtree(cache, ignore_errors=True)
                runs[key].append(build(content, out, cache, plain=key == "a"))
                report(r, key, runs[key][-1])
                if key == "a":
                    # Pelican's own rebuild, the floor: prime its reader cache (untimed)
                    out_e, cache_e = tmp / "out-e", tmp / "cache-e"
                    shutil.rmtree(out_e, ignore_errors=True)
                    shutil.rmtree(cache_e, ignore_errors=True)
                    build(content, out_e, cache_e, plain=True, reader_cache=True)
                if key == "b":
                    changed.write_text(
                        changed.read_text(encoding="utf-8") + "\n\nEdited.\n", encoding="utf-8"
                    )
                    runs["c"].append(build(content, out, cache, plain=False))
                    report(r, "c", runs["c"][-1])
                    if (tmp / "cache-e").is_dir():
                        out_e, cache_e = tmp / "out-e", tmp / "cache-e"
                        runs["e"].append(build(content, out_e, cache_e, True, reader_cache=True))
                        report(r, "e", runs["e"][-1])
        cpu_started = time.process_time()
        rate = extraction_rate(articles)
        cpu = time.process_time() - cpu_started
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    table = results_table(args, len(articles), runs, rate, cpu)
    print(table)
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(table + "\n", encoding="utf-8")
    return 0


def report(r: int, key: str, run: Run) -> None:
    print(
        f"run {r + 1} ({key}): {run.wall:.1f} s wall, {run.cpu:.1f} CPU-s, {run.mb} MB",
        file=sys.stderr,
    )


def results_table(args, n: int, runs: dict[str, list[Run]], rate: float, cpu: float) -> str:
    runs = {k: v for k, v in runs.items() if v}
    wall = {k: statistics.median(r.wall for r in v) for k, v in runs.items()}
    cpus = {k: statistics.median(r.cpu for r in v) for k, v in runs.items()}
    peak = {k: max(r.mb for r in v) for k, v in runs.items()}
    source = args.source.name if args.source else "generated (seed 20261125)"
    rows = {
        "a": "(a) plain Pelican, markdown-it reader, simple theme, cold",
        "b": "(b) annotated archive, full build, cold",
        "c": "(c) annotated archive, one article changed",
        "e": "(e) plain Pelican with its reader cache, one article changed",
    }
    rows = {k: label for k, label in rows.items() if runs.get(k)}
    return "\n".join(
        [
            f"N = {n} articles, corpus: {source}, {os.cpu_count()} cores, "
            f"{args.repeat} alternating runs, medians",
            "",
            "| build | wall s | CPU-s | peak MB |",
            "|---|---|---|---|",
            *(
                f"| {label} | {wall[k]:.1f} | {cpus[k]:.1f} | {peak[k]} |"
                for k, label in rows.items()
            ),
            f"| (d) extraction alone, one core | {rate:,.0f} articles/s | {cpu:.1f} | |",
            "",
            f"full build / plain: wall {wall['b'] / wall['a']:.2f}x, "
            f"CPU {cpus['b'] / cpus['a']:.2f}x; "
            f"one change / cold plain: wall {wall['c'] / wall['a']:.2f}x, "
            f"CPU {cpus['c'] / cpus['a']:.2f}x"
            + (
                f"; Pelican's own rebuild (e) / cold plain: wall {wall['e'] / wall['a']:.2f}x"
                if runs.get("e")
                else ""
            ),
        ]
    )


if __name__ == "__main__":
    sys.exit(main())
