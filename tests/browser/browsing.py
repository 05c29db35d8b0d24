"""A local HTTP server for browser tests, how Chromium is started, and a sample article
of an older year (a search bundle of its own)."""

from __future__ import annotations

import functools
import os
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
#: An article of 2019, older than the sample archive: Pagefind indexes it apart.
OLD_ARTICLE = """---
title: Harbour plans approved
date: 2019-06-01
category: Politics
---

“The lighthouse district will get its ferry terminal,” said Mayor Anna Berg.
"""
#: axe-core, the accessibility checker (`make test` installs it from the npm registry).
AXE = Path(
    os.environ.get(
        "AXE_CORE",
        Path(__file__).resolve().parents[2] / ".venv/node/node_modules/axe-core/axe.min.js",
    )
)
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def serve(directory: Path):
    """Serve directory over http on 127.0.0.1 (a free port); yield the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def first_result(page, search_url: str, query: str, has_text: str):
    """Search on the archive's search page; the first result link that shows has_text
    (waited for: Pagefind loads its index in the browser)."""
    page.goto(search_url)
    page.fill(".pagefind-ui__search-input", query)
    link = page.locator(".pagefind-ui__result-link", has_text=has_text).first
    link.wait_for(timeout=15_000)
    return link


def axe_violations(page, source: str) -> list[str]:
    """What axe-core finds wrong on the page as it stands (WCAG 2.x A and AA rules and
    axe's best practices), one line per rule: id, impact, the first offending nodes."""
    page.add_script_tag(content=source)
    found = page.evaluate("axe.run(document, {resultTypes: ['violations']})")["violations"]
    return [
        f"{v['id']} ({v['impact']}): {v['help']}: "
        + "; ".join(" ".join(n["target"]) for n in v["nodes"][:3])
        for v in found
    ]
