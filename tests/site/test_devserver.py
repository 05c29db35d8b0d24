"""`make devserver` serves the site and rebuilds it, search index included, on change."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request

from sitebuild import CONTENT, ROOT


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(predicate, timeout: float = 60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.3)
    raise AssertionError(f"timed out after {timeout} s waiting for {predicate.__doc__}")


def test_devserver_rebuilds_pages_and_index(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    out = tmp_path / "out"
    port = free_port()
    proc = subprocess.Popen(
        [
            "make",
            "devserver",
            f"INPUTDIR={content}",
            f"OUTPUTDIR={out}",
            f"PORT={port}",
            "PELICANOPTS=--log-handler plain",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PELICAN_CACHE_PATH": str(tmp_path / "cache")},
        start_new_session=True,
    )
    entry = out / "pagefind" / "pagefind-entry.json"
    try:

        def first_build():
            """the first build and its search index"""
            return entry.is_file() and json.loads(entry.read_text())

        first = wait_for(first_build)

        def served():
            """the server to answer"""
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/search.html", timeout=2) as r:
                    return r.status == 200
            except OSError:
                return False

        wait_for(served)

        article = next(content.glob("articles/*.md"))
        changed = article.read_text(encoding="utf-8").replace(
            "the Kremlin.", "the Kremlin. Zanzibarian fireworks were seen.", 1
        )
        page = out / "articles/2023/05/drones-attack-the-kremlin.html"

        def rebuilt():
            """the article page and the index to be rebuilt"""
            if "Zanzibarian" not in page.read_text(encoding="utf-8"):
                return False
            try:
                now = json.loads(entry.read_text())
            except (OSError, ValueError):
                return False
            return now["languages"] != first["languages"] and now

        # The watcher starts just after the first build: write the change again
        # every few seconds until it is seen, so a change made too early is not lost.
        deadline = time.monotonic() + 90
        while not rebuilt() and time.monotonic() < deadline:
            article.write_text(changed, encoding="utf-8")
            try:
                wait_for(rebuilt, timeout=5)
            except AssertionError:
                continue
        assert rebuilt()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)
