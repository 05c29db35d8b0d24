"""Write search-index.js (for file://) and sw.js (for offline visits) after each build."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from html import unescape
from typing import Any

from pelican import signals
from pelican.generators import Generator

logger = logging.getLogger(__name__)

#: Every setting of the plugin, with its default. The README documents each one.
DEFAULTS: dict[str, Any] = {
    "OFFLINE_SEARCH_INDEX": "search-index.js",
    # Characters of each article's text kept for the file:// search (None: all of it).
    "OFFLINE_SEARCH_TEXT_CHARS": 20_000,
    "OFFLINE_SERVICE_WORKER": "sw.js",
}

_TAG = re.compile(r"<[^>]+>")
_LABEL = re.compile(r'<a class="quote-ref".*?</a>', re.S)
_SPACE = re.compile(r"\s+")


class SettingError(ValueError):
    """A setting has a value the plugin cannot use; the message names it."""


def check_settings(pelican) -> None:
    settings = pelican.settings
    for key, default in DEFAULTS.items():
        settings.setdefault(key, default)
    for key in ("OFFLINE_SEARCH_INDEX", "OFFLINE_SERVICE_WORKER"):
        value = settings[key]
        if value is not None and (not isinstance(value, str) or "/" in value or ".." in value):
            raise SettingError(f"{key} must be a file name at the site's root, not {value!r}")


def plain_text(html: str) -> str:
    """The words of an article page's body, without the annotation labels."""
    return _SPACE.sub(" ", unescape(_TAG.sub(" ", _LABEL.sub("", html)))).strip()


def index_documents(articles, limit: int | None) -> list[dict]:
    docs: list[dict] = []
    for article in articles:
        speakers = sorted({q.speaker for q in getattr(article, "quotes", []) if q.speaker})
        # the engine's plain text when quote_annotator made it (no second HTML parse)
        text = getattr(article, "search_text", None) or plain_text(article.content)
        url = article.url  # Pelican formats it anew at every access
        date = article.date.date().isoformat()  # Pelican's strftime is slow
        docs.append(
            {
                "id": len(docs),
                "kind": "article",
                "url": url,
                "title": article.title,
                "date": date,
                "speakers": speakers,
                "text": text[:limit] if limit else text,
            }
        )
        for quote in getattr(article, "quotes", []):
            speaker = quote.speaker or "unattributed"
            docs.append(
                {
                    "id": len(docs),
                    "kind": "quotation",
                    "url": f"{url}#{quote.id}",
                    "title": f"“{quote.text[:90]}” — {speaker}",
                    "speakers": [speaker],
                    "date": date,
                    "text": quote.text,
                    "article": article.title,
                }
            )
    return docs


class OfflineIndexGenerator(Generator):
    """Writes the <script>-loadable search index of every published article and quote."""

    def generate_context(self) -> None:
        pass

    def generate_output(self, writer) -> None:
        name = self.settings["OFFLINE_SEARCH_INDEX"]
        if not name:
            return
        articles = self.context.get("articles", [])
        docs = index_documents(articles, self.settings["OFFLINE_SEARCH_TEXT_CHARS"])
        data = json.dumps({"docs": docs}, ensure_ascii=False, separators=(",", ":"))
        # inside a <script>: nothing in the data may close the element
        data = data.replace("<", "\\u003c")
        path = os.path.join(self.output_path, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(f"window.ARCHIVE_SEARCH_INDEX = {data};\n")
        logger.info(
            "Offline search index: %d records, %.1f MB", len(docs), os.path.getsize(path) / 1e6
        )


def get_generators(pelican):
    return OfflineIndexGenerator


_SW = """// The archive's service worker (written by plugins/offline_search at each build).
// Keeps the site shell and the search indexes (search-index.js, which the search page
// uses when the browser is offline, and Pagefind's index), so a visited archive
// searches offline; every page read is kept too.
const CACHE = "archive-{version}";
const PRECACHE = {precache};

self.addEventListener("install", (event) => {{
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE))
    .then(() => self.skipWaiting()));
}});

self.addEventListener("activate", (event) => {{
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
}});

// Network first, so readers see the newest build; the cache answers when offline.
self.addEventListener("fetch", (event) => {{
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {{
    return;
  }}
  event.respondWith(fetch(request).then((response) => {{
    if (response.ok) {{
      const copy = response.clone();
      caches.open(CACHE).then((cache) => cache.put(request, copy));
    }}
    return response;
  }}).catch(() => caches.match(request, {{ ignoreSearch: true }})
    .then((hit) => hit || caches.match(request))));
}});
"""


def write_service_worker(pelican) -> None:
    """On finalized (after the Pagefind index is written): sw.js with what to precache."""
    name = pelican.settings["OFFLINE_SERVICE_WORKER"]
    if not name:
        return
    out = pelican.output_path
    precache = ["./", "index.html", "search.html"]
    digest = hashlib.sha256()
    for folder in (
        pelican.settings.get("THEME_STATIC_DIR", "theme"),
        pelican.settings.get("PAGEFIND_OUTPUT", "pagefind"),
    ):
        for root, _, files in os.walk(os.path.join(out, folder)):
            for file in sorted(files):
                rel = os.path.relpath(os.path.join(root, file), out).replace(os.sep, "/")
                if "/fragment/" in rel:
                    continue  # one file per result (thousands): cached as they are read
                precache.append(rel)
                with open(os.path.join(root, file), "rb") as f:
                    digest.update(rel.encode() + f.read())
    index = pelican.settings.get("OFFLINE_SEARCH_INDEX")
    if index and os.path.isfile(os.path.join(out, index)):
        precache.append(index)
    precache = [p for p in precache if p == "./" or os.path.isfile(os.path.join(out, p))]
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        f.write(_SW.format(version=digest.hexdigest()[:12], precache=json.dumps(precache)))


def register() -> None:
    signals.initialized.connect(check_settings)
    signals.get_generators.connect(get_generators)
    signals.finalized.connect(write_service_worker)
