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


def run_pelican(
    content: Path, output: Path, conf: Path = PELICANCONF, *overrides: str, env: dict | None = None
) -> subprocess.CompletedProcess:
    """Build content into output with the real pelican CLI; return the finished process.

    The log is plain (one message a line) so tests can assert on messages.
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
    ]
    if overrides:
        cmd += ["-e", *overrides]
    full_env = {**os.environ, "PELICAN_CACHE_PATH": str(output.parent / "cache"), **(env or {})}
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=full_env, timeout=600)
