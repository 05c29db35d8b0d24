"""Building a real site with the real Pelican and Pagefind, for tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
PELICANCONF = ROOT / "pelicanconf.py"
PUBLISHCONF = ROOT / "publish" / "publishconf.py"
SHARED = Path(os.environ.get("SHARED_DIR", ROOT.parent / "shared"))

#: A small annotated article the cache tests build (a named speaker and a pronoun).
HARBOUR_ARTICLE = """---
title: Harbour vote
date: 2024-03-01
category: Politics
---

“We will build the new harbour this year,” said Mayor Anna Berg.

“The budget is ready,” she added.
"""


def run_pelican(
    content: Path,
    output: Path,
    conf: Path = PELICANCONF,
    *overrides: str,
    env: dict | None = None,
    flags: tuple[str, ...] = (),
) -> subprocess.CompletedProcess:
    """Build content into output with the real pelican CLI; return the finished process.

    The log is plain (one message a line) so tests can assert on messages; flags are
    more of Pelican's options (`-v` for its informational messages).
    """
    cmd = [
        sys.executable,
        "-m",
        "pelican",
        str(content),
        "-o",
        str(output),
        "-s",
        str(conf),
        "--log-handler",
        "plain",
        *flags,
    ]
    if overrides:
        cmd += ["-e", *overrides]
    full_env = {**os.environ, "PELICAN_CACHE_PATH": str(output.parent / "cache"), **(env or {})}
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=full_env, timeout=600)


def build_articles(
    tmp: Path, articles: dict[str, str], files: dict[str, str] | None = None
) -> tuple[Path, str]:
    """Build a small archive of the given articles (name -> text) with the local settings.

    files are written at the top of the content folder (a speakers.yml, say). Returns
    the output folder and the build's log; the build must succeed.
    """
    content = tmp / "content"
    (content / "articles").mkdir(parents=True)
    for name, text in articles.items():
        (content / "articles" / name).write_text(text, encoding="utf-8")
    for name, text in (files or {}).items():
        (content / name).write_text(text, encoding="utf-8")
    proc = run_pelican(content, tmp / "out", PELICANCONF, "PAGE_PATHS=[]")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return tmp / "out", proc.stdout + proc.stderr
