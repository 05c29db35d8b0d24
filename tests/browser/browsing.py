"""A local HTTP server for browser tests, and how Chromium is started."""

from __future__ import annotations

import functools
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
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
