"""Write search-index.js (for file://) and sw.js (for offline visits) after each build."""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
import re
import zlib
from typing import Any

from pelican import signals
from pelican.generators import Generator

from archive_site.atomic import write_bytes
from archive_site.contracts import is_section
from quote_annotator import htmltext

logger = logging.getLogger(__name__)

#: Every setting of the plugin, with its default. The README documents each one.
DEFAULTS: dict[str, Any] = {
    "OFFLINE_SEARCH_INDEX": "search-index.js",
    # Characters of each article's text kept for the file:// search (None: all of it).
    "OFFLINE_SEARCH_TEXT_CHARS": 20_000,
    # About how many bytes of records each part of it holds (the first loaded is one).
    "OFFLINE_SEARCH_PART_BYTES": 1_200_000,
    "OFFLINE_SERVICE_WORKER": "sw.js",
}


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
    """The words of an article's body when quote_annotator gave it no `search_text`: the
    archive's one HTML-to-text conversion (quote_annotator.htmltext), which leaves out
    what archive_site.markup declares is no text (the quotations' labels)."""
    return htmltext.plain_text(html)


def index_documents(articles, limit: int | None) -> list[dict]:
    """One record per article, newest first: its words (the text Pagefind indexes, so
    quotes are found by the same word positions) and its quotations as the search
    record's [anchor, speaker, type, first word, words] rows. A quote beyond the kept
    text carries its own words as a sixth element."""
    docs: list[dict] = []
    for article in articles:
        quotes = getattr(article, "quotes", [])
        speakers = sorted({q.speaker for q in quotes if q.speaker})
        # the engine's plain text when quote_annotator made it (no second HTML parse)
        text = getattr(article, "search_text", None) or plain_text(article.content)
        rows = json.loads(getattr(article, "quotes_search", None) or "[]")
        if limit and len(text) > limit:
            cut = text[:limit]
            kept = len(cut.split())
            words = None
            for row in rows:
                if row[3] + row[4] > kept:
                    words = words or text.split()
                    row.append(" ".join(words[row[3] : row[3] + row[4]]))
            text = cut
        docs.append(
            {
                "url": article.url,  # Pelican formats it anew at every access
                "title": article.title,
                "date": article.date.date().isoformat(),  # Pelican's strftime is slow
                "speakers": speakers,
                "text": text,
                "quotes": rows,
            }
        )
    docs.sort(key=lambda d: (d["date"], d["url"]), reverse=True)
    for i, doc in enumerate(docs):
        doc["id"] = len(docs) - 1 - i  # counted from the oldest: a new article renumbers none
    return docs


def split_parts(docs: list[dict], budget: int) -> list[list[dict]]:
    """docs (newest first) in parts of about budget bytes each, cut from the oldest
    end: a new article changes the newest part only, and the newest part, which the
    search page loads first, is never larger than the budget (or one article)."""
    parts: list[list[dict]] = []
    current: list[dict] = []
    size = 0
    for doc in reversed(docs):
        weight = len(doc["text"]) + len(doc["title"]) + 40 * (1 + len(doc["quotes"]))
        if current and size + weight > budget:
            parts.append(current)
            current, size = [], 0
        current.append(doc)
        size += weight
    if current:
        parts.append(current)
    return [list(reversed(p)) for p in reversed(parts)]  # newest part first


def _script_json(data) -> str:
    # inside a <script>: nothing in the data may close the element
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def _write_if_changed(path: str, text: str) -> bool:
    data = text.encode("utf-8")
    try:
        with open(path, "rb") as f:
            if f.read() == data:
                return False
    except OSError:
        pass
    write_bytes(path, data)
    return True


def part_folder(name: str) -> str:
    """Where the parts of index name live: search-index.js -> search-index/."""
    return name[:-3] if name.endswith(".js") else name + ".d"


def write_index(out: str, name: str, docs: list[dict], speakers: list, budget: int) -> list[str]:
    """name (a small script naming the parts, newest first, and the archive's speakers)
    and its parts, each a <script> that adds its records to window.ARCHIVE_SEARCH_PARTS.
    Unchanged parts are not rewritten; parts no longer named are removed. Returns the
    files written, relative to out."""
    folder = part_folder(name)
    os.makedirs(os.path.join(out, folder), exist_ok=True)
    parts = split_parts(docs, budget)
    names = []
    for i, part in enumerate(parts):
        # numbered from the oldest: adding a new article renames nothing
        key = f"part-{len(parts) - 1 - i:03d}"
        rel = f"{folder}/{key}.js"
        body = (
            "(window.ARCHIVE_SEARCH_PARTS = window.ARCHIVE_SEARCH_PARTS || {})"
            f"[{json.dumps(key)}] = {_script_json({'docs': part})};\n"
        )
        _write_if_changed(os.path.join(out, rel), body)
        names.append(rel)
    for stale in os.listdir(os.path.join(out, folder)):
        if _PART.fullmatch(stale) and f"{folder}/{stale}" not in names:
            os.unlink(os.path.join(out, folder, stale))
    manifest = {"parts": names, "articles": len(docs), "speakers": speakers}
    _write_if_changed(
        os.path.join(out, name), f"window.ARCHIVE_SEARCH_INDEX = {_script_json(manifest)};\n"
    )
    return [name, *names]


_PART = re.compile(r"part-\d+\.js")


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
        # [name, page, quotations, first role, kind]: the speaker cards of the search page
        # (speakers/index.json has the same as objects; arrays keep the first load small)
        speakers = [
            [p.name, p.url, len(p.quotes), p.roles[0] if p.roles else None, p.kind]
            for p in self.context.get("speakers", [])
        ]
        files = write_index(
            self.output_path, name, docs, speakers, self.settings["OFFLINE_SEARCH_PART_BYTES"]
        )
        size = sum(os.path.getsize(os.path.join(self.output_path, f)) for f in files)
        logger.info(
            "Offline search index: %d articles in %d parts, %.1f MB",
            len(docs),
            len(files) - 1,
            size / 1e6,
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


#: Where Pagefind 1.x keeps the chunks its meta file names (fragments are not precached:
#: one file per result, thousands of them, cached as they are read).
_CHUNKS = (("index", ".pf_index"), ("filter", ".pf_filter"))


def pagefind_bundles(out: str, folder: str) -> list[str]:
    """The Pagefind bundles of the site (folders relative to out): the main one at
    folder, and the older sections' in folder/<year>[-<part>]/ (pagefind_search's)."""
    root = os.path.join(out, folder)
    bundles = [folder] if os.path.isfile(os.path.join(root, "pagefind-entry.json")) else []
    if os.path.isdir(root):
        for name in sorted(os.listdir(root)):
            if is_section(name) and os.path.isfile(os.path.join(root, name, "pagefind-entry.json")):
                bundles.append(f"{folder}/{name}")
    return bundles


def bundle_files(out: str, bundle: str) -> list[str]:
    """The files of one Pagefind bundle its current build uses (paths relative to out):
    its entry, the meta file of each language it names and the wasm they load, the
    index and filter chunks those meta files name, and the scripts and styles Pagefind
    writes under fixed names. Files an earlier or a parallel build left in the folder
    are not among them. A damaged entry or meta file is reported, and what it would have
    named is left out (the service worker still caches it when it is read)."""
    root = os.path.join(out, bundle)
    entry_path = os.path.join(root, "pagefind-entry.json")
    try:
        with open(entry_path, encoding="utf-8") as f:
            entry = json.load(f)
        languages = entry["languages"]
        hashes = [str(lang["hash"]) for lang in languages.values()]
        # a language without its own wasm (no stemmer) loads wasm.unknown.pagefind
        wasm = {str(lang.get("wasm") or "unknown") for lang in languages.values()} | {"unknown"}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as err:
        logger.warning(
            "%s: unreadable Pagefind entry (%s: %s); its index is not precached",
            entry_path,
            type(err).__name__,
            err,
        )
        return []
    files = ["pagefind-entry.json"]
    for name in sorted(os.listdir(root)):
        if not os.path.isfile(os.path.join(root, name)) or name == "pagefind-entry.json":
            continue
        if name.endswith(".pf_meta"):
            continue  # the languages' own, below
        wasm_of = name[len("wasm.") : -len(".pagefind")]
        if name.startswith("wasm.") and name.endswith(".pagefind") and wasm_of not in wasm:
            continue  # a language no longer in the archive
        files.append(name)
    for lang_hash in hashes:
        meta = f"pagefind.{lang_hash}.pf_meta"
        meta_path = os.path.join(root, meta)
        try:
            with open(meta_path, "rb") as f:
                data = f.read()
            if data[:2] == b"\x1f\x8b":
                data = gzip.decompress(data)
            if not data.startswith(b"pagefind_dcd"):
                raise ValueError("not a Pagefind meta file")
        except (OSError, EOFError, ValueError, zlib.error) as err:
            logger.warning(
                "%s: unreadable Pagefind meta file (%s: %s); its chunks are not precached",
                meta_path,
                type(err).__name__,
                err,
            )
            continue
        files.append(meta)
        for sub, suffix in _CHUNKS:
            folder = os.path.join(root, sub)
            if not os.path.isdir(folder):
                continue
            for name in sorted(os.listdir(folder)):
                stem = name[: -len(suffix)]
                # the meta file (CBOR) names each chunk as a text string: its length, then it
                if name.endswith(suffix) and _cbor_text(stem) in data:
                    files.append(f"{sub}/{name}")
    return [f"{bundle}/{name}" for name in files]


def _cbor_text(text: str) -> bytes:
    """text as a CBOR text string (major type 3), as Pagefind's meta files hold names."""
    data = text.encode("utf-8")
    size = len(data)
    if size < 24:
        head = bytes([0x60 + size])
    elif size < 0x100:
        head = bytes([0x78, size])
    else:
        head = bytes([0x79]) + size.to_bytes(2, "big")
    return head + data


def write_service_worker(pelican) -> None:
    """On finalized (after the Pagefind index is written): sw.js with what to precache."""
    name = pelican.settings["OFFLINE_SERVICE_WORKER"]
    if not name:
        return
    out = pelican.output_path
    precache = ["./", "index.html", "search.html"]
    theme = os.path.join(out, pelican.settings.get("THEME_STATIC_DIR", "theme"))
    for root, folders, files in os.walk(theme):
        folders.sort()  # the same sw.js for the same files
        for file in sorted(files):
            precache.append(os.path.relpath(os.path.join(root, file), out).replace(os.sep, "/"))
    if pelican.settings.get("PAGEFIND_ENABLED", True):
        folder = pelican.settings.get("PAGEFIND_OUTPUT", "pagefind").strip("/")
        for bundle in pagefind_bundles(out, folder):
            precache += bundle_files(out, bundle)
    index = pelican.settings.get("OFFLINE_SEARCH_INDEX")
    if index and os.path.isfile(os.path.join(out, index)):
        precache.append(index)
        folder = os.path.join(out, part_folder(index))
        if os.path.isdir(folder):
            precache += [
                f"{part_folder(index)}/{f}"
                for f in sorted(os.listdir(folder))
                if _PART.fullmatch(f)
            ]
    precache = [p for p in precache if p == "./" or os.path.isfile(os.path.join(out, p))]
    # a new version whenever a precached file changes: the browser installs it anew
    digest = hashlib.sha256()
    for rel in precache:
        if rel == "./":
            continue
        with open(os.path.join(out, rel), "rb") as f:
            digest.update(rel.encode() + f.read())
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        f.write(_SW.format(version=digest.hexdigest()[:12], precache=json.dumps(precache)))


def register() -> None:
    signals.initialized.connect(check_settings)
    signals.get_generators.connect(get_generators)
    signals.finalized.connect(write_service_worker)
